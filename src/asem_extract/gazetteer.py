"""Gazetteers of organisations and places, and a token matcher that ignores diacritics.

VNA's French writes Vietnamese names with some, all or none of their diacritics
(`Quang Ninh`, `Quảng Ninh`, `Lào Cai`), so names are matched on accent-folded tokens;
capitalisation must agree on every capitalised word of the name, so that `Nord` the
region is not `nord` the direction.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import ResourceError
from .resources import read_lines, read_tsv, resource_path
from .text import fold, is_acronym

ORG_FILE = "gazetteers/organisations.tsv"
PLACES_FILE = "gazetteers/places.tsv"
ACRONYM_STOPLIST = "gazetteers/acronym_stoplist.txt"
PLACE_KINDS = ("country", "province", "city", "region", "continent", "feature", "district")
ORG_KINDS = ("media", "international", "state", "ministry", "party", "academy", "university", "association",
             "company", "sport", "agency")


@dataclass(frozen=True)
class Entry:
    label: str  # ORG or LOC
    canonical: str
    kind: str
    code: str | None = None  # ISO 3166 code where known


@dataclass(frozen=True)
class GazetteerMatch:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry
    alias: str


class Gazetteer:
    """Names -> entries, matched longest-first over token texts."""

    def __init__(self, tokenize: Callable[[str], Sequence[str]]):
        self._tokenize = tokenize
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], Entry, str]]] = {}
        self.by_name: dict[str, Entry] = {}

    def add(self, name: str, entry: Entry) -> None:
        tokens = tuple(t for t in self._tokenize(name) if t.strip())
        if not tokens:
            return
        key = tuple(fold(t) for t in tokens)
        bucket = self._index.setdefault(key[0], [])
        if any(k == key and e.label == entry.label for k, _, e, _ in bucket):
            return  # first entry wins: bundled lists are ordered by preference
        bucket.append((key, tokens, entry, name))
        bucket.sort(key=lambda item: -len(item[0]))
        self.by_name.setdefault(fold(name), entry)

    def lookup(self, name: str) -> Entry | None:
        return self.by_name.get(fold(name))

    def match(self, words: Sequence[str]) -> list[GazetteerMatch]:
        """Non-overlapping matches, leftmost-longest."""
        folded = [fold(w) for w in words]
        out: list[GazetteerMatch] = []
        i = 0
        while i < len(words):
            hit = None
            for key, tokens, entry, alias in self._index.get(folded[i], ()):
                n = len(key)
                if tuple(folded[i:i + n]) == key and _case_agrees(tokens, words[i:i + n]):
                    hit = GazetteerMatch(i, i + n, entry, alias)
                    break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out


def _case_agrees(name_tokens: Sequence[str], text_tokens: Sequence[str]) -> bool:
    for n, t in zip(name_tokens, text_tokens):
        if is_acronym(n) and n != t and n.upper() != t:
            return False
        if n[:1].isupper() and not t[:1].isupper():
            return False
        if is_acronym(n) and not is_acronym(t):
            return False
    return True


def load_organisations(gaz: Gazetteer, root: str | Path | None = None) -> None:
    for row in read_tsv(ORG_FILE, root, min_fields=2, max_fields=3):
        canonical = row.fields[0]
        kind = row.fields[2] if len(row.fields) > 2 else "organisation"
        if kind not in ORG_KINDS:
            raise ResourceError(str(resource_path(ORG_FILE, root)), f"unknown kind {kind!r}", line=row.line, field="kind")
        entry = Entry("ORG", canonical, kind)
        gaz.add(canonical, entry)
        for alias in _aliases(row.fields[1]):
            gaz.add(alias, entry)


def load_places(gaz: Gazetteer, root: str | Path | None = None, countries: bool = True) -> None:
    for row in read_tsv(PLACES_FILE, root, min_fields=2, max_fields=3):
        name, kind = row.fields[0], row.fields[1]
        if kind not in PLACE_KINDS:
            raise ResourceError(str(resource_path(PLACES_FILE, root)), f"unknown kind {kind!r}", line=row.line, field="kind")
        entry = Entry("LOC", name, kind)
        gaz.add(name, entry)
        for alias in _aliases(row.fields[2] if len(row.fields) > 2 else ""):
            gaz.add(alias, entry)
    if countries:
        for name, code in french_country_names():
            gaz.add(name, Entry("LOC", name, "country", code))
        for name, code, kind in vietnam_provinces():
            gaz.add(name, Entry("LOC", name, kind, code))


def load_acronym_stoplist(root: str | Path | None = None) -> frozenset[str]:
    return frozenset(read_lines(ACRONYM_STOPLIST, root))


def _aliases(field: str) -> Iterable[str]:
    return [a.strip() for a in field.split("|") if a.strip()]


def french_country_names() -> list[tuple[str, str]]:
    """Country names in French from pycountry's ISO 3166 translations, uninverted (`Corée, République de`)."""
    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    out = []
    for country in pycountry.countries:
        for source in {country.name, getattr(country, "common_name", country.name)}:
            name = translation.gettext(source)
            if ", " in name:
                head, _, tail = name.partition(", ")
                if tail.endswith((" de", " du", " des")) or tail in ("Îles", "Île", "République", "Royaume"):
                    name = f"{tail} {head}"
                elif tail.endswith("d'"):
                    name = f"{tail}{head}"
                else:
                    continue
            if "(" in name:
                continue
            out.append((name, country.alpha_2))
    return out


def vietnam_provinces() -> list[tuple[str, str, str]]:
    """The provinces and centrally-run cities of ISO 3166-2:VN (Hồ Chí Minh is left to the city entry)."""
    import pycountry

    out = []
    for sub in pycountry.subdivisions.get(country_code="VN") or ():
        if sub.code == "VN-SG":
            continue
        kind = "city" if sub.type == "Municipality" else "province"
        out.append((sub.name, sub.code, kind))
        if " - " in sub.name:
            out.append((sub.name.replace(" - ", "-"), sub.code, kind))
    return out
