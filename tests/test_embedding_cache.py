"""The embedding cache (asem_extract.embedding_cache) gives the model's own numbers."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc

from asem_extract import embedding_cache
from asem_extract.embedding_cache import CachedForward


def _embed_layers(nlp):
    return dict(embedding_cache._embeddings(nlp, ("ner", "tok2vec")))


def test_installed_on_the_ner_and_the_tagger(nlp):
    layers = _embed_layers(nlp)
    assert set(layers) == {"ner", "tok2vec"}
    assert all(isinstance(embed._func, CachedForward) for embed in layers.values())


def test_embedding_rows_do_not_depend_on_the_batch(nlp, corpus_texts):
    """What the cache relies on: a token's row is the same, bit for bit, in any batch."""
    docs = [nlp.make_doc(t) for t in list(corpus_texts.values())[:4]]
    for embed in _embed_layers(nlp).values():
        plain = embed._func.forward
        together = plain(embed, docs, is_train=False)[0]
        d = docs[2]
        order = list(reversed(range(len(d))))
        shuffled = Doc(d.vocab, words=[d[i].text for i in order], spaces=[bool(d[i].whitespace_) for i in order])
        alone = plain(embed, [shuffled], is_train=False)[0][0]
        assert numpy.array_equal(alone, together[2][order])


@pytest.mark.parametrize("max_types", [50, 200_000])
def test_cached_embeddings_equal_the_plain_ones(nlp, corpus_texts, max_types):
    texts = list(corpus_texts.values())[:6]
    for embed in _embed_layers(nlp).values():
        plain = embed._func.forward
        cache = CachedForward(plain, max_types=max_types)
        for start in (0, 2, 0):  # the second pass over the first documents reads them from the cache
            docs = [nlp.make_doc(t) for t in texts[start:start + 4]] + [nlp.make_doc("")]
            expected = plain(embed, docs, is_train=False)[0]
            got = cache(embed, docs, is_train=False)[0]
            assert len(got) == len(expected)
            for a, b in zip(got, expected):
                assert numpy.array_equal(a, b)
            batch_forms = {(t.orth, t.norm, bool(t.whitespace_)) for d in docs for t in d}
            assert len(cache.keys) <= max(max_types, len(batch_forms))  # bounded: emptied when full
        assert cache.hits > 0


def test_a_norm_set_by_the_tokenizer_is_kept(nlp):
    # the tokenizer gives the no-break space token a norm of its own (" "), not its word's
    doc = nlp.make_doc("M. Nguyen\xa0! et M Nguyen")
    assert any(t.norm != nlp.vocab[t.orth].norm for t in doc)
    for embed in _embed_layers(nlp).values():
        plain = embed._func.forward
        cache = CachedForward(plain)
        got = cache(embed, [doc], is_train=False)[0][0]
        assert numpy.array_equal(got, plain(embed, [doc], is_train=False)[0][0])
