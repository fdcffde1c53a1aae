"""The Dask engine on a local cluster gives the local engine's records, in order."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed", reason="the dask extra is part of the test extra")

from asem_extract.dask_engine import extract_with_dask  # noqa: E402
from asem_extract.extractor import InputDoc  # noqa: E402
from asem_extract.records import ErrorInfo  # noqa: E402

from .conftest import CORPUS  # noqa: E402


def test_local_cluster_matches_local_engine(extractor):
    items = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))[:8]]
    items.append(InputDoc("broken", None, error=ErrorInfo("ReadError", "gone")))
    local = [r.to_dict() for r in extractor.extract_many(items, batch_size=3)]
    distributed = [r.to_dict() for r in extract_with_dask(items, batch_size=3, workers=1)]
    assert json.dumps(distributed, ensure_ascii=False) == json.dumps(local, ensure_ascii=False)
    assert [r["doc_id"] for r in distributed][-1] == "broken"


def test_cli_dask_engine(tmp_path):
    from click.testing import CliRunner

    from asem_extract.cli import main

    out_local, out_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    runner = CliRunner()
    src = sorted(CORPUS.glob("*.txt"))[:3]
    args = [str(p) for p in src] + ["--quiet", "--batch-size", "2"]
    assert runner.invoke(main, ["extract", *args, "-o", str(out_local)]).exit_code == 0
    result = runner.invoke(main, ["extract", *args, "-o", str(out_dask), "--engine", "dask", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert out_dask.read_text(encoding="utf-8") == out_local.read_text(encoding="utf-8")
