"""Canonical forms: acronyms linked to their long forms, people to their fullest name.

Pure functions over (label, start, end, text) mentions and the raw text; the
`asem_linker` component applies them to a Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from .acronyms import best_long_form
from .text import fold, is_acronym


@dataclass(frozen=True)
class Mention:
    label: str
    start: int
    end: int
    text: str


def org_canonicals(mentions: Sequence[Mention], text: str,
                   known: Callable[[str], tuple[str, str] | None]) -> dict[int, str]:
    """Index of each ORG mention -> canonical name.

    `known(name)` gives (entry_id, canonical) from the gazetteer or None. An acronym takes
    the long form it is defined with in the document (`Organisation mondiale des douanes
    (OMD)`), else a spelled-out mention of the same gazetteer entry, else the gazetteer's
    canonical name; any other mention is its own canonical.
    """
    orgs = [(i, m) for i, m in enumerate(mentions) if m.label == "ORG"]
    defined: dict[str, str] = {}
    for k, (i, m) in enumerate(orgs):
        # `Long Form (SHORT)` where both are ORG mentions of this document
        after = text[m.end:m.end + 3]
        nxt = orgs[k + 1][1] if k + 1 < len(orgs) else None
        if nxt is None or not re.fullmatch(r"\s*\(\s*", text[m.end:nxt.start]) or not after.lstrip().startswith("("):
            continue
        if not text[nxt.end:nxt.end + 3].lstrip().startswith(")"):
            continue
        short, long = nxt.text, m.text
        kl, ks = known(long), known(short)
        # letters that match (Schwartz–Hearst), the same gazetteer entry, or an unknown acronym
        # right after the name (`Association du plastique du Vietnam (VPA)`: an English acronym)
        if best_long_form(short, long) is not None or (kl and ks and kl[0] == ks[0]) or (ks is None and is_acronym(short)):
            defined.setdefault(short, long)
    spelled: dict[str, str] = {}
    for _, m in orgs:
        entry = known(m.text)
        if entry and not is_acronym(m.text):
            spelled.setdefault(entry[0], m.text)
    out = {}
    for i, m in orgs:
        local = _local_body_name(m.text, [o.text for _, o in orgs])
        if local is not None:
            out[i] = local  # `Comité populaire municipal` -> `Comité populaire de Da Nang`
            continue
        if m.text in defined:
            out[i] = defined[m.text]
            continue
        entry = known(m.text)
        if is_acronym(m.text) and entry:
            out[i] = spelled.get(entry[0], entry[1])
        elif entry and fold(m.text) in fold(entry[1]) and len(m.text.split()) >= 2:
            out[i] = entry[1]  # `Nations unies` -> `Organisation des Nations unies`
        elif entry and fold(m.text).replace(" ", "") == fold(entry[1]).replace(" ", ""):
            out[i] = entry[1]  # glue restored: `ministèrede la Santé` -> `ministère de la Santé`
        else:
            out[i] = m.text
    return out


LOCAL_QUALIFIERS = re.compile(r"\s+(?:municipal|municipale|provincial|provinciale|de la ville|de la province|du district)$")


def _local_body_name(text: str, names: Sequence[str]) -> str | None:
    """A local body named by its level only takes the full name the document gives it elsewhere."""
    m = LOCAL_QUALIFIERS.search(text)
    if m is None:
        return None
    head = text[:m.start()]
    for name in names:
        rest = name[len(head):]
        if name != text and name.startswith(head) and re.match(r"\s+(?:de|d['’]|du)\s", rest) \
                and any(w[:1].isupper() for w in rest.split()):
            return name
    return None


def person_canonicals(mentions: Sequence[Mention]) -> dict[int, str]:
    """Index of each PER mention -> the fullest name of the document that contains it as
    a run of words (`Loi` -> `Nguyên Duc Loi`, `Shimizu` -> `Shimizu Akira`)."""
    people = [(i, m, fold(m.text).replace("-", " ").split()) for i, m in enumerate(mentions) if m.label == "PER"]
    out = {}
    for i, m, words in people:
        best, best_len = m.text, len(words)
        for _, other, other_words in people:
            n = len(words)
            if len(other_words) > best_len and any(other_words[k:k + n] == words for k in range(len(other_words) - n + 1)):
                best, best_len = other.text, len(other_words)
        out[i] = best
    return out
