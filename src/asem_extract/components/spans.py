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
    spans = list(spans)
    # 1. token boundaries where rule spans need them (rare: one retokenization per cut)
    for start, end, _, _ in spans:
        if doc.char_span(start, end) is None:
            _split_at(doc, start)
            _split_at(doc, end)
    # 2. one pass over the entities, one assignment of doc.ents
    ents = list(doc.ents)
    owner: list[int | None] = [None] * len(doc)
    for n, e in enumerate(ents):
        for i in range(e.start, e.end):
            owner[i] = n
    removed: set[int] = set()
    added = []
    for start, end, label, attrs in spans:
        span = doc.char_span(start, end, label=label)
        if span is None:
            continue
        clash = {owner[i] for i in range(span.start, span.end) if owner[i] is not None}
        if any(n == -1 or n in removed or ents[n]._.asem_source not in override for n in clash):
            continue  # taken by an entity that does not give way (or by a span added here: -1)
        removed |= clash
        for key, value in attrs.items():
            setattr(span._, key, value)
        for i in range(span.start, span.end):
            owner[i] = -1
        added.append(span)
    if added:
        kept = [e for n, e in enumerate(ents) if n not in removed]
        doc.ents = sorted(kept + added, key=lambda s: s.start)
    return len(added)


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
