"""Command line: `asem-extract extract | evaluate | validate`. A thin shell over the library."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import click

from .records import LABELS

EPILOG_EXTRACT = """\b
Examples:
  asem-extract extract corpus -o out/records.jsonl
  asem-extract extract dump.jsonl --format csv -o out/entities.csv --jobs 2
  cat dispatch.txt | asem-extract extract - --published 2019-10
  asem-extract extract dump/ -o out/records.jsonl --resume
  asem-extract extract dump/ -o out/records.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
"""
EPILOG_EVALUATE = """\b
Examples:
  asem-extract evaluate gold --corpus corpus
  asem-extract evaluate gold --pred out/records.jsonl --json
  asem-extract evaluate gold --corpus corpus --html out/evaluation.html
"""
EPILOG_VALIDATE = """\b
Examples:
  asem-extract validate gold --corpus corpus
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="asem-extract")
def main() -> None:
    """Extract organisations, people, places, dates and counts from French VNA dispatches."""


@main.command(epilog=EPILOG_EXTRACT)
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: JSON Lines on stdout).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True)
@click.option("--published", help="Publication date (YYYY-MM or YYYY-MM-DD) for documents without a header.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (--jobs processes); dask: a Dask cluster (pip install asem-extract[dask]).")
@click.option("--scheduler", help="Address of an existing Dask scheduler (default: start a local cluster).")
@click.option("--workers", type=click.IntRange(min=1), help="Workers of the local Dask cluster (default 2).")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run into the same -o file: documents already written are skipped, "
                   "a truncated last line is dropped.")
def extract(paths, output, fmt, jobs, batch_size, published, quiet, engine, scheduler, workers, resume) -> None:
    """Extract entities from text files, directories of .txt files, .jsonl files or - (stdin).

    Every input document yields exactly one output record; a document that could not be
    processed gets an `error`. Exit status: 0 all processed, 1 some errors, 2 usage error.
    """
    from tqdm import tqdm

    from .extractor import Extractor, freeze_loaded_objects
    from .io import RecordWriter, iter_inputs

    for p in paths:
        if p != "-" and not Path(p).exists():
            raise click.UsageError(f"no such file or directory: {p}")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o OUTPUT")
    if resume and (not output or fmt != "jsonl"):
        raise click.UsageError("--resume needs -o OUTPUT in jsonl format")
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)

    if engine == "dask":
        try:
            import distributed  # noqa: F401  (only checks that the extra is installed)
        except ImportError:
            raise click.UsageError("--engine dask needs the dask extra: pip install 'asem-extract[dask]'") from None
    t0 = time.perf_counter()
    done: set[str] = resume_point(Path(output)) if resume else set()
    inputs = iter_inputs(paths)
    if published:
        inputs = (replace(d, published=d.published or published) for d in inputs)
    if done:
        inputs = (d for d in inputs if d.doc_id not in done)
    writer = RecordWriter(output or sys.stdout, fmt, append=resume)
    labels: Counter[str] = Counter()
    n_docs = n_errors = 0
    interrupted = False
    with tqdm(desc="documents", unit="doc", file=sys.stderr, disable=quiet) as bar:
        if engine == "dask":
            from .dask_engine import extract_with_dask

            records = extract_with_dask(inputs, batch_size=batch_size, scheduler=scheduler, workers=workers)
        else:
            extractor = Extractor()
            freeze_loaded_objects()
            records = extractor.extract_many(inputs, batch_size=batch_size, n_process=jobs)
        try:
            for rec in records:
                writer.write(rec)
                n_docs += 1
                n_errors += rec.error is not None
                labels.update(e.label for e in rec.entities)
                bar.update(1)
                if n_docs % batch_size == 0:
                    writer.flush()
        except KeyboardInterrupt:
            interrupted = True  # every line written so far is complete; --resume continues from here
        finally:
            writer.close()
    elapsed = time.perf_counter() - t0
    per_label = ", ".join(f"{label} {labels[label]}" for label in LABELS)
    click.echo(("interrupted: " if interrupted else "")
               + (f"{len(done)} documents already done, " if done else "")
               + f"{n_docs} documents, {n_errors} errors, {sum(labels.values())} entities ({per_label}) "
               f"in {elapsed:.1f} s ({n_docs / elapsed if elapsed else 0:.1f} documents/s)"
               + (f" -> {output}" if output else ""), err=True)
    sys.exit(130 if interrupted else 1 if n_errors else 0)


def resume_point(path: Path) -> set[str]:
    """doc_ids of the complete records in `path`; a truncated or broken tail is cut off the file."""
    if not path.exists():
        return set()
    done: set[str] = set()
    good_end = 0
    with path.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(line)["doc_id"]))
            except (ValueError, KeyError, TypeError):
                break
            good_end += len(line)
    with path.open("r+b") as fh:
        fh.truncate(good_end)
    return done


@main.command(epilog=EPILOG_EVALUATE)
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), help="Run the pipeline on these texts.")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Score an existing JSON Lines extraction.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with every figure.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many errors to list.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Write a self-contained HTML report (needs the texts: --corpus, or --pred with --texts).")
@click.option("--texts", "texts_dir", type=click.Path(exists=True, file_okay=False),
              help="Corpus texts for error contexts and the HTML report with --pred.")
def evaluate(gold_dir, corpus, pred, as_json, n_errors, html_path, texts_dir) -> None:
    """Score predictions against gold annotations: strict and lenient P/R/F1 per label, normalisation accuracy."""
    from .evaluation import load_gold_dir, score
    from .evaluation.report import format_scores

    if bool(corpus) == bool(pred):
        raise click.UsageError("give exactly one of --corpus DIR or --pred PRED.jsonl")
    gold = load_gold_dir(gold_dir)
    texts: dict[str, str] = {}
    if corpus:
        from .extractor import Extractor
        from .io import iter_inputs

        docs = [d for d in iter_inputs([corpus]) if d.doc_id in gold]
        texts = {d.doc_id: d.text for d in docs if d.text is not None}
        records = list(Extractor().extract_many(docs))
    else:
        with open(pred, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        if texts_dir:
            from .io import iter_inputs

            texts = {d.doc_id: d.text for d in iter_inputs([texts_dir]) if d.doc_id in gold and d.text is not None}
    scores = score(gold, records)
    if html_path:
        from .evaluation.html import html_report
        from .records import DocumentRecord, entity_to_dict

        preds = {}
        for r in records:
            r = r.to_dict() if isinstance(r, DocumentRecord) else r
            preds[str(r["doc_id"])] = [e if isinstance(e, dict) else entity_to_dict(e) for e in r.get("entities") or []]
        Path(html_path).parent.mkdir(parents=True, exist_ok=True)
        Path(html_path).write_text(html_report(scores, gold, preds, texts), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(scores.as_dict(), ensure_ascii=False))
    else:
        click.echo(format_scores(scores, texts, n_errors))


EPILOG_REPORT = """\b
Examples:
  asem-extract extract corpus -o out/records.jsonl && asem-extract report out/records.jsonl -o out/report.html
"""


@main.command(epilog=EPILOG_REPORT)
@click.argument("records", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="HTML file to write.")
def report(records, output) -> None:
    """Summarise an extraction run (JSON Lines) as a self-contained HTML page: entities per label,
    most mentioned organisations, people and places, a timeline of dates, documents with errors."""
    from .reporting import html_report, summarize

    bad = 0
    rows = []
    with open(records, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    bad += 1
    summary = summarize(rows)
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(html_report(summary, title=f"asem-extract: {Path(records).name}"), encoding="utf-8")
    click.echo(f"{summary.documents} documents, {sum(summary.labels.values())} entities"
               + (f", {bad} unreadable lines skipped" if bad else "") + f" -> {output}", err=True)


@main.command(epilog=EPILOG_VALIDATE)
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), help="Check offsets against these texts.")
def validate(gold_dir, corpus) -> None:
    """Check gold files: JSON shape, labels, text == raw[start:end], overlaps, field types, ISO dates."""
    from .evaluation import validate_gold_dir

    problems = validate_gold_dir(gold_dir, corpus)
    n_files = len(list(Path(gold_dir).glob("*.json")))
    for name, items in problems.items():
        for p in items:
            click.echo(f"{name}: {p}")
    click.echo(f"{n_files} gold files, {len(problems)} with problems", err=True)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
