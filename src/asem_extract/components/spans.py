"""Adding rule spans to `doc.ents` without overlapping what earlier components chose."""

from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc


def add_entities(doc: Doc, spans: Iterable[tuple[int, int, str, dict]], override: frozenset[str] = frozenset()) -> int:
    """Add (start_char, end_char, label, attrs) where they align with tokens and overlap nothing,
    except entities whose `asem_source` is in `override`, which give way.

    Returns how many were added; spans that do not align with token boundaries are skipped.
    """
    ents = list(doc.ents)
    taken = [False] * (len(doc) + 1)
    for e in ents:
        if e._.asem_source in override:
            continue
        for i in range(e.start, e.end):
            taken[i] = True
    added = 0
    for start, end, label, attrs in spans:
        span = doc.char_span(start, end, label=label)
        if span is None or any(taken[i] for i in range(span.start, span.end)):
            continue
        ents = [e for e in ents if not (e.start < span.end and span.start < e.end)]
        for key, value in attrs.items():
            setattr(span._, key, value)
        for i in range(span.start, span.end):
            taken[i] = True
        ents.append(span)
        added += 1
    doc.ents = sorted(ents, key=lambda s: s.start)
    return added
