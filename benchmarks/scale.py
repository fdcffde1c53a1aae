"""Streaming and scaling of the command line: peak memory against corpus size, --jobs, start-up.

Builds dumps of N and 10 N documents (copies of corpus/), runs `asem-extract extract` on each
in a fresh process and reports wall time and peak resident memory (the largest process).

    .venv/bin/python benchmarks/scale.py [--docs 100] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).with_name("asem-extract"))
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
           "print(rc, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def make_dump(folder: Path, n: int) -> Path:
    texts = sorted((ROOT / "corpus").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        shutil.copy(texts[i % len(texts)], folder / f"d{i:06d}.txt")
    return folder


def run(args: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, check=True).stdout
    rc, seconds, rss_kb = out.split()
    if rc not in ("0", "1"):
        raise RuntimeError(f"exit {rc}: {args}")
    return float(seconds), int(rss_kb) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        subprocess.run([EXE, "extract", "-", "--quiet"], input="Le Vietnam.", capture_output=True, text=True, check=True)
        results["startup_s"] = round(time.perf_counter() - t0, 2)
        for n in (args.docs, 10 * args.docs):
            dump = make_dump(tmp / f"dump{n}", n)
            for jobs in args.jobs if n == 10 * args.docs else [1]:
                seconds, rss = run([EXE, "extract", str(dump), "-o", str(tmp / "out.jsonl"), "--quiet",
                                    "--jobs", str(jobs)])
                results[f"{n} docs, --jobs {jobs}"] = {"seconds": round(seconds, 1), "docs_per_s": round(n / seconds, 1),
                                                      "peak_rss_mb": round(rss)}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
