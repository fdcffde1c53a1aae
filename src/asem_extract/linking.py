"""Canonical forms: acronyms linked to their long forms, people to their fullest name.

Pure functions over (label, start, end, text) mentions and the raw text; the
`asem_linker` component applies them to a Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from .acronyms import best_long_form
from .people import is_vietnamese_syllable
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
        # a short form in brackets right after a name is defined by it, whether its letters match
        # (Schwartz–Hearst) or not (`Association du plastique du Vietnam (VPA)`, an English acronym);
        # when the letters match a trailing part only, that part is the long form
        # (`Comité central du Parti communiste du Vietnam (PCV)` -> `Parti communiste du Vietnam`)
        pos = best_long_form(short, long)
        if pos and long[pos:pos + 1].isupper():
            long = long[pos:]
        ks = known(short)
        if pos is None and ks is not None and fold(long).split()[0] != fold(ks[1]).split()[0]:
            continue  # `Commission (UE)`: a well-known acronym of another body is not redefined
        if is_acronym(short) or pos is not None or (short[:1].isupper() and " " not in short):
            defined.setdefault(short, long)
    spelled: dict[str, str] = {}
    for _, m in orgs:
        entry = known(m.text)
        if entry and not is_acronym(m.text):
            # a shortened form (`Nations unies`) spells nothing out: the full name stands for it
            spelled.setdefault(entry[0], entry[1] if fold(m.text) in fold(entry[1]) else m.text)
    out = {}
    for i, m in orgs:
        local = _local_body_name(m, [o for _, o in orgs])
        if local is not None:
            out[i] = local  # `Comité populaire municipal` -> `Comité populaire de Da Nang`
            continue
        if m.text in defined:
            out[i] = defined[m.text]
            continue
        entry = known(m.text)
        if is_acronym(m.text) and entry:
            out[i] = spelled.get(entry[0], entry[1])
        elif entry and fold(m.text) in fold(entry[1]):
            out[i] = entry[1]  # `Nations unies` -> `Organisation des Nations unies`
        elif entry and fold(m.text).replace(" ", "") == fold(entry[1]).replace(" ", ""):
            out[i] = entry[1]  # glue restored: `ministèrede la Santé` -> `ministère de la Santé`
        else:
            out[i] = _expand_acronyms(m.text, defined, known)
    return out


def _expand_acronyms(name: str, defined: dict[str, str], known) -> str:
    """`Comité central du PCV` -> `Comité central du Parti communiste du Vietnam`."""
    words = name.split(" ")
    changed = False
    for k, w in enumerate(words):
        if k and is_acronym(w):
            long = defined.get(w) or (known(w) or (None, None))[1]
            if long:
                words[k], changed = long, True
    return " ".join(words) if changed else name


LOCAL_QUALIFIERS = re.compile(r"\s+(?:municipal|municipale|provincial|provinciale|de la ville|de la province|du district)$")


def _local_body_name(mention: Mention, others: Sequence[Mention]) -> str | None:
    """A local body named by its level only (`Comité populaire provincial`) takes the full name the
    document gives it, the nearest one before it if several provinces are named."""
    m = LOCAL_QUALIFIERS.search(mention.text)
    if m is None:
        return None
    head = mention.text[:m.start()]
    candidates = []
    for other in others:
        rest = other.text[len(head):]
        if other.text != mention.text and other.text.startswith(head) and re.match(r"\s+(?:de|d['’]|du)\s", rest) \
                and any(w[:1].isupper() for w in rest.split()):
            candidates.append(other)
    before = [o for o in candidates if o.start < mention.start]
    if before:
        return before[-1].text
    return candidates[0].text if candidates else None


def person_canonicals(mentions: Sequence[Mention]) -> dict[int, str]:
    """Index of each PER mention -> the fullest name of the document that contains it as
    a run of words (`Loi` -> `Nguyên Duc Loi`, `Shimizu` -> `Shimizu Akira`)."""
    people = [(i, m, fold(m.text).replace("-", " ").split()) for i, m in enumerate(mentions) if m.label == "PER"]
    out = {}
    for i, m, words in people:
        if len(words) == 1:
            # a given name alone (`Hông`) is the last word of a Vietnamese name: prefer such names
            ending = [o for _, o, ow in people if len(ow) > 1 and ow[-1] == words[0]]
            if ending:
                out[i] = max(ending, key=lambda o: len(o.text.split())).text
                continue
        best, best_len = m.text, len(words)
        for _, other, other_words in people:
            # Vietnamese names do not drop their middle names: `Nguyen Loi` is not `Nguyen Duc Loi`
            middle = not all(is_vietnamese_syllable(w) for w in other.text.replace("-", " ").split())
            if len(other_words) > best_len and _contains(other_words, words, middle):
                best, best_len = other.text, len(other_words)
        out[i] = best
    return out


def _contains(name: list[str], part: list[str], middle_names: bool) -> bool:
    """`Loi` in `Nguyên Duc Loi` (a run of words), or `Martin Green` in `Martin Andrew Green`
    (first and last words kept, middle names dropped)."""
    n = len(part)
    if any(name[k:k + n] == part for k in range(len(name) - n + 1)):
        return True
    return middle_names and n >= 2 and part[0] == name[0] and part[-1] == name[-1]
