"""A cache of token embeddings for the model's `tok2vec` layers (NER and tagger).

A spaCy Tok2Vec is an embedding (hash embeddings of NORM, PREFIX, SUFFIX, SHAPE, static
vectors, a maxout mix) followed by a window encoder. The embedding of a token is a function
of the token alone (its form, norm and trailing space) and its rows do not depend on the
batch they are computed in (checked bitwise by a test), while words repeat all through a
dump. Each form is embedded once and then read from the cache: the numbers are the same,
and most of the embedding's third of the tok2vec time goes. The encoder, which reads
context, still runs on every token.

Only the embedding layer's forward function is swapped: the model's architecture, weights
and serialisation stay the model's own (a pipeline saved with `nlp.to_disk` is plain).
The cache is emptied when it would hold more than `max_types` forms (100k: ~40 MB per
layer), so memory stays bounded on any dump; frequent words come back at once.
"""

from __future__ import annotations

from typing import Callable

import numpy
from spacy.attrs import NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

MAX_TYPES = 100_000  # x 96 floats of 4 bytes: ~40 MB per layer at most


class CachedForward:
    """Forward function of an embedding layer, computing only forms not seen before."""

    def __init__(self, forward: Callable, max_types: int = MAX_TYPES):
        self.forward = forward
        self.max_types = max_types
        self.keys: dict[tuple[int, int, int], int] = {}
        self.table: numpy.ndarray | None = None
        self.hits = self.misses = 0

    def __call__(self, model: Model, docs: list[Doc], is_train: bool):
        if is_train or not any(len(doc) for doc in docs):  # prediction only; the plain layer keeps its gradients
            return self.forward(model, docs, is_train=is_train)
        rows = [[tuple(r) for r in doc.to_array([ORTH, NORM, SPACY]).tolist()] for doc in docs]
        missing = list(dict.fromkeys(k for doc_rows in rows for k in doc_rows if k not in self.keys))
        if len(self.keys) + len(missing) > self.max_types:
            self.keys.clear()
            missing = list(dict.fromkeys(k for doc_rows in rows for k in doc_rows))
        if missing:
            self._add(missing, self.forward(model, [_doc_of(docs[0].vocab, missing)], is_train=False)[0][0])
        self.misses += len(missing)
        self.hits += sum(map(len, rows)) - len(missing)
        keys, table = self.keys, self.table
        out = [table[numpy.fromiter((keys[k] for k in doc_rows), dtype="int64", count=len(doc_rows))]
               for doc_rows in rows]
        return out, _no_backprop

    def _add(self, keys: list[tuple[int, int, int]], vectors) -> None:
        start = len(self.keys)
        if self.table is None or start + len(keys) > len(self.table):
            size = max(min(2 * (start + len(keys)), self.max_types), start + len(keys), 1024)
            grown = numpy.empty((size, vectors.shape[1]), dtype=vectors.dtype)
            if self.table is not None and start:
                grown[:start] = self.table[:start]
            self.table = grown
        self.table[start:start + len(keys)] = vectors
        for n, key in enumerate(keys, start):
            self.keys[key] = n


def _no_backprop(d_out):  # pragma: no cover - prediction only
    raise NotImplementedError("the embedding cache is for prediction")


def _doc_of(vocab, keys: list[tuple[int, int, int]]) -> Doc:
    """One Doc holding a token for each (form, norm, trailing space) to embed."""
    strings = vocab.strings
    doc = Doc(vocab, words=[strings[orth] for orth, _norm, _space in keys],
              spaces=[bool(space) for _orth, _norm, space in keys])
    for token, (_orth, norm, _space) in zip(doc, keys):
        if token.norm != norm:  # a norm set by the tokenizer (exception, special case), not the word's own
            token.norm_ = strings[norm]
    return doc


def _embeddings(nlp: Language, components):
    for name in components:
        if name not in nlp.component_names:
            continue
        model = getattr(nlp.get_pipe(name), "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if node.has_ref("embed") and node.has_ref("encode"):
                    yield name, node.get_ref("embed")


def install(nlp: Language, components: tuple[str, ...] = ("ner", "tok2vec"), max_types: int = MAX_TYPES) -> int:
    """Caches the embeddings of each named component's Tok2Vec; returns how many layers."""
    done = 0
    for _name, embed in _embeddings(nlp, components):
        if not isinstance(embed._func, CachedForward):
            embed._func = CachedForward(embed._func, max_types)
            done += 1
    return done


def clear(nlp: Language) -> None:
    """Empties the caches (benchmarks: every run then sees its words for the first time)."""
    for _name, embed in _embeddings(nlp, nlp.component_names):
        if isinstance(embed._func, CachedForward):
            embed._func.keys.clear()


def stats(nlp: Language) -> dict[str, dict[str, int]]:
    """Hits, misses and cached forms per component, for benchmarks."""
    return {name: {"hits": embed._func.hits, "misses": embed._func.misses, "types": len(embed._func.keys)}
            for name, embed in _embeddings(nlp, nlp.component_names) if isinstance(embed._func, CachedForward)}
