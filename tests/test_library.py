"""The importable API: DataFrames of records and of evaluation figures."""

from __future__ import annotations

import asem_extract
from asem_extract.evaluation import evaluate, load_gold_dir, score

from .conftest import GOLD


def test_to_dataframe_one_row_per_entity(corpus_records):
    records = list(corpus_records.values())
    df = asem_extract.to_dataframe(records)
    assert len(df) == sum(len(r.entities) for r in records)
    assert list(df.columns[:5]) == ["doc_id", "label", "text", "start", "end"]
    counts = df[df.label == "COUNT"]
    assert counts["unit"].notna().any() and counts["value"].notna().all()
    assert df[df.label == "ORG"]["canonical"].notna().all()


def test_evaluate_returns_the_same_figures_as_score(corpus_records):
    frames = evaluate(GOLD, list(corpus_records.values()))
    scores = score(load_gold_dir(GOLD), list(corpus_records.values()))
    table = frames["scores"].set_index(["mode", "label"])
    assert table.loc[("strict", "micro"), "f1"] == scores.strict["micro"].f1
    assert table.loc[("lenient", "DATE"), "tp"] == scores.lenient["DATE"].tp
    norm = frames["normalization"].set_index("field")
    assert norm.loc["COUNT.unit", "total"] == scores.normalization["COUNT.unit"].total
    assert len(frames["errors"]) == len(scores.errors)


def test_extractor_accepts_a_pipeline_without_the_asem_components():
    import spacy

    from asem_extract import Extractor

    ex = Extractor(nlp=spacy.blank("fr"))
    records = list(ex.extract_many(["Bonjour Hanoï.", ""]))
    assert [(r.error, r.entities) for r in records] == [(None, ()), (None, ())]
