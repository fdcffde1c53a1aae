"""The token attributes the rules read, taken from the Doc's arrays: creating spaCy Token
objects for every token costs more than most rules."""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc


def token_table(doc: Doc) -> list[tuple[int, str, bool]]:
    """(start offset, text, followed by a space) of every token."""
    text = doc.text
    return [(s, text[s:s + n], bool(space)) for s, n, space in doc.to_array([IDX, LENGTH, SPACY]).tolist()]
