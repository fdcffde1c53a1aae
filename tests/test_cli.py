"""The command line, in process (shared pipeline) and once as a real console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import asem_extract.extractor as extractor_module
from asem_extract.cli import main
from asem_extract.records import LABELS

from .conftest import CORPUS, GOLD


@pytest.fixture
def runner(extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "Extractor", lambda *a, **k: extractor)
    return CliRunner()


@pytest.fixture
def small_corpus(tmp_path):
    d = tmp_path / "dump"
    (d / "sub").mkdir(parents=True)
    texts = sorted(CORPUS.glob("*.txt"))[:3]
    shutil.copy(texts[0], d / "b.txt")
    shutil.copy(texts[1], d / "a.txt")
    shutil.copy(texts[2], d / "sub" / "c.txt")
    return d


def test_extract_directory_to_jsonl(runner, small_corpus, tmp_path):
    out = tmp_path / "out" / "records.jsonl"
    result = runner.invoke(main, ["extract", str(small_corpus), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in lines] == ["a", "b", "sub/c"]
    assert all(r["error"] is None and r["entities"] for r in lines)
    assert "3 documents, 0 errors" in result.stderr


def test_extract_to_stdout_and_from_stdin(runner):
    result = runner.invoke(main, ["extract", "-", "--quiet", "--published", "2019-10"],
                           input="Hanoï (VNA) - Le Vietnam a accueilli 53 délégations mercredi.")
    assert result.exit_code == 0
    rec = json.loads(result.stdout.splitlines()[0])
    assert rec["doc_id"] == "stdin" and rec["published"] == "2019-10" and rec["dateline"] == "Hanoï"
    assert {"LOC", "COUNT", "DATE"} <= {e["label"] for e in rec["entities"]}


def test_jsonl_input_with_malformed_lines(runner, tmp_path):
    src = tmp_path / "dump.jsonl"
    src.write_text('{"id": "ok", "text": "Le Laos et le Cambodge.", "published": "2020-01"}\n'
                   '{"id": "broken", "text": \n'
                   '{"doc_id": "ok2", "text": "La France."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["extract", str(src), "-o", str(out), "--quiet"])
    assert result.exit_code == 1
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["ok", "dump.jsonl:2", "ok2"]
    assert recs[1]["error"]["type"] == "InvalidJSONL" and recs[1]["entities"] == []
    assert recs[0]["published"] == "2020-01"


def test_binary_file_gives_an_error_record(runner, tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "ok.txt").write_text("Le Vietnam.", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path), "--quiet"])
    assert result.exit_code == 1
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in recs] == ["bin", "ok"]
    assert recs[0]["error"]["type"] == "BinaryInput" and recs[0]["entities"] == []
    assert recs[1]["error"] is None and recs[1]["encoding"] == "utf-8"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tabular_formats(runner, small_corpus, tmp_path, fmt):
    import pandas as pd

    out = tmp_path / f"entities.{fmt}"
    result = runner.invoke(main, ["extract", str(small_corpus), "-o", str(out), "--format", fmt, "--quiet"])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
    assert set(df["label"].dropna()) <= set(LABELS)
    assert {"doc_id", "label", "start", "end", "text", "value", "unit", "qualifier", "canonical"} <= set(df.columns)
    assert len(df) > 30


def test_usage_errors_exit_2(runner, tmp_path):
    assert runner.invoke(main, ["extract", str(tmp_path / "missing")]).exit_code == 2
    assert runner.invoke(main, ["extract", str(tmp_path), "--jobs", "0"]).exit_code == 2
    assert runner.invoke(main, ["evaluate", str(GOLD)]).exit_code == 2


def test_help_has_examples(runner):
    for cmd in ("extract", "evaluate", "validate"):
        result = runner.invoke(main, [cmd, "--help"])
        assert result.exit_code == 0 and "Examples:" in result.output


def test_validate_bundled_gold(runner):
    result = runner.invoke(main, ["validate", str(GOLD), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output


def test_evaluate_predictions_json(runner, corpus_records, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in corpus_records.values()),
                    encoding="utf-8")
    result = runner.invoke(main, ["evaluate", str(GOLD), "--pred", str(pred), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert set(scores) == {"strict", "lenient", "normalization"}
    assert set(scores["strict"]) == {*LABELS, "micro"}
    assert set(scores["strict"]["ORG"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(scores["normalization"]) == {"DATE.value", "COUNT.value", "COUNT.unit", "ORG.canonical", "PER.canonical"}
    # a sanity floor, far below the measured figures in the README
    assert scores["strict"]["micro"]["f1"] > 0.8


def test_console_script_end_to_end(tmp_path):
    exe = Path(sys.executable).with_name("asem-extract")
    src = tmp_path / "one.txt"
    src.write_text(" date 2019-10 Titre\nHanoï (VNA) - L'ASEAN compte 10 États membres. -VNA", encoding="utf-8")
    proc = subprocess.run([str(exe), "extract", str(src), "--quiet"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["doc_id"] == "one" and rec["agency"] == "VNA"
    assert any(e["text"] == "ASEAN" and e["label"] == "ORG" for e in rec["entities"])


def test_evaluate_html_report(runner, corpus_records, tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in corpus_records.values()),
                    encoding="utf-8")
    report = tmp_path / "report.html"
    result = runner.invoke(main, ["evaluate", str(GOLD), "--pred", str(pred), "--texts", str(CORPUS), "--html", str(report),
                                  "--errors", "5"])
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "http" not in page.split("<body>")[0]
    assert page.count('class="pair"') == len(list(GOLD.glob("*.json")))
    assert "first 5 of" in result.stdout and " | " in result.stdout  # errors listed with their context


def test_resume_after_a_truncated_run(runner, small_corpus, tmp_path):
    full = tmp_path / "full.jsonl"
    assert runner.invoke(main, ["extract", str(small_corpus), "-o", str(full), "--quiet"]).exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_text(lines[0] + lines[1][: len(lines[1]) // 2], encoding="utf-8")  # killed mid-line
    result = runner.invoke(main, ["extract", str(small_corpus), "-o", str(partial), "--quiet", "--resume"])
    assert result.exit_code == 0, result.output
    assert "1 documents already done" in result.stderr
    assert partial.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    again = runner.invoke(main, ["extract", str(small_corpus), "-o", str(partial), "--quiet", "--resume"])
    assert "3 documents already done, 0 documents" in again.stderr
    assert partial.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_resume_needs_a_jsonl_output(runner, small_corpus):
    assert runner.invoke(main, ["extract", str(small_corpus), "--resume"]).exit_code == 2


EXE = str(Path(sys.executable).with_name("asem-extract"))


def _run_until_some_output(tmp_path, n_docs: int, stderr=subprocess.DEVNULL):
    """Start a real extraction of n_docs copies of the corpus; return once some records are written."""
    import time

    dump = tmp_path / "dump"
    dump.mkdir()
    texts = sorted(CORPUS.glob("*.txt"))
    for i in range(n_docs):
        shutil.copy(texts[i % len(texts)], dump / f"d{i:03d}.txt")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([EXE, "extract", str(dump), "-o", str(out), "--quiet", "--batch-size", "4"],
                            stdout=subprocess.DEVNULL, stderr=stderr, text=True)
    deadline = time.time() + 240
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.2)
    return proc, dump, out


def test_kill_9_then_resume(tmp_path):
    """A real process killed with SIGKILL mid-run; --resume completes the same output, nothing lost or doubled."""
    import os
    import signal

    proc, dump, out = _run_until_some_output(tmp_path, 60)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = out.read_text(encoding="utf-8").count("\n")
    assert 0 < written < 60
    proc = subprocess.run([EXE, "extract", str(dump), "-o", str(out), "--quiet", "--resume"], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"d{i:03d}" for i in range(60)]


def test_ctrl_c_stops_with_complete_lines(tmp_path):
    import os
    import signal

    proc, _, out = _run_until_some_output(tmp_path, 80, stderr=subprocess.PIPE)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "interrupted" in err
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert 0 < len(lines) < 80 and all(line.endswith("\n") and json.loads(line)["doc_id"] for line in lines)


def test_report_command(runner, corpus_records, tmp_path):
    recs = list(corpus_records.values())[:5]
    src = tmp_path / "records.jsonl"
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in recs]
    lines.append(json.dumps({"doc_id": "broken", "error": {"type": "DecodeError", "message": "bad bytes"}}))
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["report", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 4 and "<script" not in page
    assert "6 documents, 1 with errors" in page and "broken" in page and "DecodeError" in page
    top_org = recs[0].entities and next((e.canonical for e in recs[0].entities if e.label == "ORG"), None)
    assert top_org is None or top_org.replace("'", "&#x27;") in page
