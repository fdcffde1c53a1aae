"""Adding rule spans to `doc.ents` without overlapping what earlier components chose."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc


def add_entities(doc: Doc, spans: Iterable[tuple[int, int, str, dict]], override: frozenset[str] = frozenset()) -> int:
    """Add (start_char, end_char, label, attrs) where they overlap nothing, except entities whose
    `asem_source` is in `override`, which give way. A span whose edge falls inside a token
    (`149 km/h.` where the tokenizer kept `h.`) splits that token rather than being lost.

    Returns how many were added.
    """
    added = 0
    for start, end, label, attrs in spans:
        span = doc.char_span(start, end, label=label)
        if span is None:
            if not _split_at(doc, start) or not _split_at(doc, end):
                continue
            span = doc.char_span(start, end, label=label)
            if span is None:
                continue
        ents = list(doc.ents)
        clash = [e for e in ents if e.start < span.end and span.start < e.end]
        if any(e._.asem_source not in override for e in clash):
            continue
        for key, value in attrs.items():
            setattr(span._, key, value)
        doc.ents = sorted([e for e in ents if e not in clash] + [span], key=lambda s: s.start)
        added += 1
    return added


def _split_at(doc: Doc, offset: int) -> bool:
    """Make `offset` a token boundary; False when it falls inside a token of an entity."""
    for token in doc:
        if token.idx < offset < token.idx + len(token.text):
            if token.ent_iob_ in ("B", "I"):
                return False
            cut = offset - token.idx
            with doc.retokenize() as retokenizer:
                retokenizer.split(token, [token.text[:cut], token.text[cut:]], heads=[(token, 1), (token, 0)])
            return True
        if token.idx >= offset:
            break
    return True
