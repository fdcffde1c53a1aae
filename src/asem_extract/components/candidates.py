"""Rule candidates for ORG/PER/LOC and their non-overlapping selection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

# Lower numbers win ties between rule candidates of equal length.
PRIORITY = {"layout": 0, "honorific": 1, "titled": 2, "gazetteer_org": 2, "org_pattern": 3, "cued_club": 3,
            "gazetteer_loc": 4, "feature": 4, "monument": 5, "region": 5, "preposition": 9, "cued_org": 5, "vietnamese": 6, "acronym": 7,
            "paren": 8}


class TokenView:
    """The few token attributes the rules read, copied once per Doc; the tag is read from
    the Doc's (lazy) tag sequence only when a rule asks for it."""

    __slots__ = ("text", "whitespace_", "i", "tags")

    def __init__(self, text: str, whitespace_: str, i: int, tags: Sequence[str]):
        self.text = text
        self.whitespace_ = whitespace_
        self.i = i
        self.tags = tags

    @property
    def pos_(self) -> str:
        return self.tags[self.i]

    pos = pos_  # the name `organisations.Tok` uses

    @property
    def space_after(self) -> bool:
        return bool(self.whitespace_)


def span_text(view: Sequence[TokenView], start: int, end: int) -> str:
    """The text of tokens start..end, as `doc[start:end].text`."""
    if start >= end:
        return ""
    return "".join(t.text + t.whitespace_ for t in view[start:end - 1]) + view[end - 1].text


@dataclass(frozen=True)
class Candidate:
    start: int  # token indices
    end: int
    label: str
    source: str
    kind: str | None = None


def select_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Greedy non-overlapping choice: longest first, then by source priority, then leftmost."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), PRIORITY.get(c.source, 9), c.start))
    taken: set[int] = set()
    out = []
    for c in order:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        taken.update(range(c.start, c.end))
        out.append(c)
    return sorted(out, key=lambda c: c.start)
