"""DATE mentions: rule-based candidates in French text and their ISO/TIMEX3 values.

`DateFinder.find` scans raw text with patterns built from `resources/fr/calendar.json`
and resolves each candidate against the publication date (never the clock). Day-level
expressions are normalised by dateparser (French, day-first, relative base = the
publication day); periods, ranges and relative weeks/months/years by `resolve_*`
below, where dateparser has no notion of granularity.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable
from dataclasses import dataclass
from pathlib import Path

from dateparser.date import DateDataParser

from .numbers import parse_words
from .resources import load_json, mapping_of, words_of

CALENDAR_FILE = "fr/calendar.json"
CACHE_SIZE = 8192


@dataclass(frozen=True)
class Anchor:
    """The publication date a document's relative dates resolve against."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> "Anchor":
        if not published:
            return cls()
        parts = [int(p) for p in published.split("-")]
        return cls(*parts)  # type: ignore[arg-type]

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str | None


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# literal text some patterns cannot match without
REQUIRED = {"first_months": "premiers", "part": "mestre"}


def _starts(*word_lists: Iterable[str]) -> str:
    """A look-ahead on the first characters (either case) of the words the pattern after it can
    start with: `re` would otherwise try every branch of a case-insensitive alternation at
    every position of the text (2.5x slower on a dispatch)."""
    chars = {c for words in word_lists for w in words for c in (w[:1].lower(), w[:1].upper())}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


def _year(text: str) -> int:
    return int(text)


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    y = f"{year:04d}" if year else "XXXX"
    if month is None:
        return y
    if day is None:
        return f"{y}-{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


def valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 février without year passes
    except ValueError:
        return False
    return True


class DateFinder:
    """Finds DATE mentions and resolves their values; built once per pipeline."""

    def __init__(self, resource_dir: str | Path | None = None, count_like_words: frozenset[str] = frozenset()):
        """`count_like_words`: nouns after which a four-digit number is a count, not a year (`2000 personnes`)."""
        self.count_like_words = count_like_words
        cal = load_json(CALENDAR_FILE, resource_dir, required=("months", "weekdays", "seasons", "ordinals"))
        path = CALENDAR_FILE
        self.months = {k.lower(): v for k, v in mapping_of(cal, "months", path, (int,)).items()}
        self.weekdays = {k.lower(): v for k, v in mapping_of(cal, "weekdays", path, (int,)).items()}
        self.seasons = mapping_of(cal, "seasons", path, (str,))
        self.ordinals = mapping_of(cal, "ordinals", path, (int,))
        self.rel_days = mapping_of(cal, "relative_days", path, (int,))
        self.rel_units = mapping_of(cal, "relative_units", path, (str,))
        self.rel_adj = mapping_of(cal, "relative_before", path, (int,))
        self.edges = words_of(cal, "period_edges", path)
        self.year_cues = words_of(cal, "year_cues", path)
        self._parser: DateDataParser | None = None
        self._day_cache: dict[str, str | None] = {}
        self._compile()

    # -- patterns -------------------------------------------------------------------
    def _compile(self) -> None:
        M = _alt(self.months)
        WD = _alt(self.weekdays)
        DAY = r"(?:1er|[12]\d|3[01]|0?[1-9])"
        Y = r"(?:1[89]\d\d|20\d\d)"
        ORD = _alt(self.ordinals)
        SEA = _alt(self.seasons)
        REL = _alt(self.rel_adj)
        UNITS = _alt(self.rel_units)
        EDGE = r"(?:" + _alt([e for e in self.edges if e != "mi"]) + r")\s+(?:de\s+|du\s+|d'|d’)?|mi-|mi\s+"
        self.year_cue_re = re.compile(r"(?:\b(?:" + _alt(self.year_cues) + r")\s*)$")
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            # les 12 et 13 mai / du 9 au 10 octobre / entre le 27 et le 29 avril: the first day
            ("first_day", re.compile(
                rf"{_starts(['du', 'les', 'entre', 'le', 'des'])}(?i:\b(?:du|les|entre\s+le|entre\s+les|entre|le|des))\s+(?P<d>{DAY})(?=\s*(?:au|et|à|,|-|–)\s+(?:le\s+)?"
                rf"(?:{DAY})\s+(?P<m>(?i:{M}))(?:\s+(?P<y>{Y}))?\b)")),
            ("day_month", re.compile(
                rf"{_starts(self.weekdays, list('0123456789'))}(?:(?P<wd>(?i:{WD}))\s+)?(?<![\d.,])(?P<d>{DAY})(?:\s*[-–]\s*(?P<d2>{DAY}))?\s+(?P<m>(?i:{M}))(?![\w])"
                rf"(?:\s+(?P<y>{Y})(?!\d))?(?:\s+(?P<rel>prochain|dernier)s?\b)?")),
            ("numeric", re.compile(rf"(?<![\d/])(?P<d>{DAY})/(?P<m>0?[1-9]|1[0-2])/(?P<y>{Y})(?![\d/])")),
            ("edge", re.compile(
                rf"{_starts(self.edges)}(?P<edge>(?i:{EDGE}))(?P<m>(?i:{M}))?(?:\s+(?:de\s+|d')?)?(?P<y>{Y})(?!\d)")),
            ("edge_month", re.compile(rf"{_starts(self.edges)}(?P<edge>(?i:{EDGE}))(?P<m>{M})(?![\w])")),
            # `2018-2019`, and historical spans of four-digit years (`1258-1308`)
            ("year_range", re.compile(rf"(?<![\d.,/-])(?P<y>{Y}|1\d\d\d)\s*[-–/]\s*(?P<y2>{Y}|1\d\d\d|\d\d)(?![\d%]|[.,]\d)")),
            ("month_year", re.compile(rf"{_starts(self.months)}(?P<m>(?i:{M}))\s+(?:de\s+|d')?(?P<y>{Y})(?!\d)")),
            ("part", re.compile(
                rf"{_starts(self.edges, self.ordinals)}(?:(?P<edge>(?i:{EDGE})))?(?P<ord>(?i:{ORD}))\s+(?P<kind>semestre|trimestre)(?:\s+(?:de\s+l'année\s+|de\s+|d')?(?P<y>{Y}))?(?!\d)")),
            ("season", re.compile(
                rf"{_starts(['c'], self.seasons)}(?:(?P<dem>(?i:cet|ce|cette))\s+(?P<s1>{SEA})\b|(?P<s2>{SEA})\s+(?:de\s+|d')?(?P<y>{Y}))(?!\d)")),
            ("decade", re.compile(r"(?=[aA])(?i:années)\s+(?P<dec>(?:19|20)?\d0)(?:'?s)?(?![\d])")),
            ("first_months", re.compile(
                rf"(?:(?P<dem>(?i:ces))\s+)?(?P<n>\d{{1,2}}|[a-zé]+)\s+premiers\s+mois"
                rf"(?:\s+(?:de\s+|d')(?P<y>{Y})|(?P<this>\s+de\s+l['’]année(?:\s+(?P<y2>{Y}))?))?(?!\d)")),
            ("edge_relative", re.compile(
                rf"{_starts(self.edges)}(?P<edge>(?i:{EDGE}))(?:l'|l’|la\s+|le\s+|cette\s+|ce\s+)?(?P<unit>année|mois|semaine)"
                rf"(?:\s+(?P<rel>{REL}))?(?![\w-])")),
            ("demonstrative", re.compile(rf"(?=[cC])(?P<dem>(?i:cette|cet|ce))\s+(?P<unit>{UNITS})(?:-ci)?(?![\w-])")),
            ("unit_relative", re.compile(rf"{_starts(self.rel_units)}(?P<unit>(?i:{UNITS}))\s+(?P<rel>{REL})s?(?![\w-])")),
            ("rel_day", re.compile(rf"{_starts(self.rel_days)}(?<![\w-])(?P<rd>(?i:{_alt(self.rel_days)}))(?![\w-])")),
            ("month_relative", re.compile(rf"{_starts(self.months)}(?P<m>{M})\s+(?P<rel>prochain|dernier)s?(?![\w])")),
            ("weekday", re.compile(rf"{_starts(self.weekdays)}(?<![\w-])(?P<wd>(?i:{WD}))(?:\s+(?P<rel>prochain|dernier)\b)?(?![\w-])")),
            ("month", re.compile(
                rf"{_starts(self.months)}(?<![\w-])(?<!\d\s)(?P<m>{M})(?![\w])(?=(?:\s*(?:et|à|au|-|–|ou)\s+(?:(?:le\s+)?{DAY}\s+)?(?:{M})\s+(?P<y>{Y}))?)")),
            ("year", re.compile(r"(?<![\w.,/\-–])(?P<y>(?:1\d|20)\d\d)(?![\w/%]|[.,]\d|[-–]\d|\s?%)")),
        ]

    # -- finding --------------------------------------------------------------------
    def find(self, text: str, published: str | None = None, start: int = 0) -> list[DateMatch]:
        """Non-overlapping DATE mentions in `text[start:]`, leftmost-longest."""
        anchor = Anchor.parse(published)
        found: list[DateMatch] = []
        for name, pattern in self.patterns:
            if name in REQUIRED and REQUIRED[name] not in text:
                continue  # cheaper than a scan that cannot match
            for m in pattern.finditer(text, start):
                match = getattr(self, f"_on_{name}")(m, text, anchor)
                if match is not None:
                    found.append(match)
        found.sort(key=lambda d: (d.start, -(d.end - d.start)))
        out: list[DateMatch] = []
        for d in found:
            if out and d.start < out[-1].end:
                continue
            out.append(d)
        return out

    @staticmethod
    def _span(m: re.Match[str], first: str | int = 0, last: str | int = 0) -> tuple[int, int, str]:
        s, e = m.start(first), m.end(last)
        return s, e, m.string[s:e]

    def _month(self, name: str) -> int:
        return self.months[name.lower()]

    # -- handlers: one per pattern, each returns a DateMatch or None ---------------
    def _on_first_day(self, m, text, anchor):
        day = 1 if m["d"] == "1er" else int(m["d"])
        month = self._month(m["m"])
        year = int(m["y"]) if m["y"] else anchor.year
        if not valid_day(year, month, day):
            return None
        s, e, t = self._span(m, "d", "d")
        return DateMatch(s, e, t, iso(year, month, day))

    def _on_day_month(self, m, text, anchor):
        day = 1 if m["d"] == "1er" else int(m["d"])
        month = self._month(m["m"])
        s, e, t = self._span(m)
        if m["y"]:
            year: int | None = int(m["y"])
        elif m["rel"]:
            year = self._year_for_relative_month(anchor, month, day, +1 if m["rel"] == "prochain" else -1)
        else:
            year = anchor.year
        if m["d2"]:
            day2 = int(m["d2"])
            if not (valid_day(year, month, day) and valid_day(year, month, day2)) or day2 <= day:
                return None
            return DateMatch(s, e, t, f"{iso(year, month, day)}/{iso(year, month, day2)}")
        if not valid_day(year, month, day):
            return None
        if m["y"] and year:
            value = self.parse_day(f"{day} {m['m']} {year}") or iso(year, month, day)
        else:
            value = iso(year, month, day)
        if m["rel"] and not anchor.year:
            value = None
        return DateMatch(s, e, t, value)

    def _on_numeric(self, m, text, anchor):
        day, month, year = (1 if m["d"] == "1er" else int(m["d"])), int(m["m"]), int(m["y"])
        if not valid_day(year, month, day):
            return None
        s, e, t = self._span(m)
        return DateMatch(s, e, t, self.parse_day(t) or iso(year, month, day))

    def _on_edge(self, m, text, anchor):
        s, e, t = self._span(m)
        month = self._month(m["m"]) if m["m"] else None
        return DateMatch(s, e, t, iso(int(m["y"]), month))

    def _on_edge_month(self, m, text, anchor):
        s, e, t = self._span(m)
        return DateMatch(s, e, t, iso(anchor.year, self._month(m["m"])))

    def _on_year_range(self, m, text, anchor):
        y1 = int(m["y"])
        y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
        if not (y1 < y2 <= y1 + (100 if len(m["y2"]) == 4 else 30)):
            return None
        s, e, t = self._span(m)
        return DateMatch(s, e, t, f"{y1}/{y2}")

    def _on_month_year(self, m, text, anchor):
        s, e, t = self._span(m)
        return DateMatch(s, e, t, iso(int(m["y"]), self._month(m["m"])))

    def _on_part(self, m, text, anchor):
        n = self.ordinals[m["ord"].lower()] if m["ord"].lower() in self.ordinals else self.ordinals.get(m["ord"])
        kind = m["kind"]
        if n is None or (kind == "semestre" and n > 2):
            return None
        year = int(m["y"]) if m["y"] else anchor.year
        s, e, t = self._span(m)
        return DateMatch(s, e, t, f"{iso(year)}-{'H' if kind == 'semestre' else 'Q'}{n}")

    def _on_season(self, m, text, anchor):
        s, e, t = self._span(m)
        if m["dem"]:
            code = self.seasons[m["s1"]]
            return DateMatch(s, e, t, f"{anchor.year}-{code}" if anchor.year else None)
        return DateMatch(s, e, t, f"{int(m['y'])}-{self.seasons[m['s2']]}")

    def _on_decade(self, m, text, anchor):
        dec = m["dec"]
        start = int(dec) if len(dec) == 4 else 1900 + int(dec)
        if start % 10:
            return None
        s, e, t = self._span(m)
        return DateMatch(s, e, t, f"{start}/{start + 9}")

    def _on_first_months(self, m, text, anchor):
        n_text = m["n"]
        n = int(n_text) if n_text.isdigit() else parse_words(n_text)
        if not n or not 1 <= n <= 12:
            return None
        given = m["y"] or m["y2"]
        year = int(given) if given else anchor.year
        s, e, t = self._span(m)
        return DateMatch(s, e, t, f"{year}-01/{iso(year, n)}" if year else None)

    def _on_edge_relative(self, m, text, anchor):
        s, e, t = self._span(m)
        unit = self.rel_units[m["unit"]]
        offset = self.rel_adj.get(m["rel"], 0) if m["rel"] else 0
        return DateMatch(s, e, t, self.resolve_relative(unit, offset, anchor))

    def _on_demonstrative(self, m, text, anchor):
        s, e, t = self._span(m)
        return DateMatch(s, e, t, self.resolve_relative(self.rel_units[m["unit"].lower()], 0, anchor))

    def _on_unit_relative(self, m, text, anchor):
        s, e, t = self._span(m)
        unit = self.rel_units[m["unit"].lower()]
        return DateMatch(s, e, t, self.resolve_relative(unit, self.rel_adj[m["rel"]], anchor))

    def _on_rel_day(self, m, text, anchor):
        if re.search(r"\b(?:de|d['’])\s*$", text[max(0, m.start() - 4):m.start()]):
            return None  # `les métiers de demain`: figurative
        if re.search(r"\b(?:est|sont|était|étaient|reste|restent|demeure)\s+$", text[max(0, m.start() - 10):m.start()]):
            return None  # `le Vietnam est aujourd'hui l'un des...`: nowadays, not a day
        s, e, t = self._span(m)
        if anchor.date is None:
            return DateMatch(s, e, t, None)
        # the day offset of calendar.json (`hier` -1): dateparser gives the same, but would need a
        # parser per publication day (6 ms each)
        return DateMatch(s, e, t, (anchor.date + dt.timedelta(days=self.rel_days[t.lower()])).isoformat())

    def _on_month_relative(self, m, text, anchor):
        s, e, t = self._span(m)
        month = self._month(m["m"])
        year = self._year_for_relative_month(anchor, month, None, +1 if m["rel"] == "prochain" else -1)
        return DateMatch(s, e, t, iso(year, month) if year else None)

    def _on_weekday(self, m, text, anchor):
        s, e, t = self._span(m)
        target = self.weekdays[m["wd"].lower()]
        base = anchor.date
        if base is None:
            return DateMatch(s, e, t, None)
        if m["rel"] == "prochain":
            delta = (target - base.weekday()) % 7 or 7
        else:
            delta = -((base.weekday() - target) % 7)
            if m["rel"] == "dernier" and delta == 0:
                delta = -7
        return DateMatch(s, e, t, (base + dt.timedelta(days=delta)).isoformat())

    def _on_month(self, m, text, anchor):
        if not self._is_month_context(text, m.start()):
            return None
        s, e, t = self._span(m, "m", "m")
        year = int(m["y"]) if m["y"] else anchor.year
        return DateMatch(s, e, t, iso(year, self._month(m["m"])))

    def _on_year(self, m, text, anchor):
        y = int(m["y"])
        before = text[max(0, m.start() - 25):m.start()].lower()
        cued = self.year_cue_re.search(before) is not None
        if y < 1900 and not cued:
            return None
        after = text[m.end():m.end() + 30]
        nxt = re.match(r"\s+(?:de\s+|d['’])?([a-zà-ÿ]+)", after)
        if not cued and nxt and nxt.group(1) in self.count_like_words:
            return None
        s, e, t = self._span(m)
        return DateMatch(s, e, t, str(y))

    # -- resolution -------------------------------------------------------------------

    def _is_month_context(self, text: str, pos: int) -> bool:
        """`mai` alone is a month; so is `sept` only with a dot (the number `sept` is not)."""
        word = re.match(r"[\w.]+", text[pos:])
        return bool(word) and word.group(0).lower() != "sept"

    @staticmethod
    def _year_for_relative_month(anchor: Anchor, month: int, day: int | None, direction: int) -> int | None:
        if not anchor.year:
            return None
        ref_month, ref_day = anchor.month or 1, anchor.day or 1
        target = (month, day or 1)
        if direction > 0:
            return anchor.year if target >= (ref_month, ref_day) else anchor.year + 1
        return anchor.year if target <= (ref_month, ref_day) else anchor.year - 1

    @staticmethod
    def resolve_relative(unit: str, offset: int, anchor: Anchor) -> str | None:
        """`année` -1 -> previous year; `mois` +1 -> next month; `semaine` 0 -> ISO week."""
        if unit == "year":
            return str(anchor.year + offset) if anchor.year else None
        if unit in ("half", "quarter"):
            if not anchor.month:
                return None
            size = 6 if unit == "half" else 3
            index = (anchor.month - 1) // size + offset
            year = anchor.year + index // (12 // size)
            return f"{year}-{'H' if unit == 'half' else 'Q'}{index % (12 // size) + 1}"
        if unit == "month":
            if not anchor.month:
                return None
            total = anchor.year * 12 + (anchor.month - 1) + offset
            return iso(total // 12, total % 12 + 1)
        if unit == "week":
            if anchor.date is None:
                return None
            y, w, _ = (anchor.date + dt.timedelta(weeks=offset)).isocalendar()
            return f"{y}-W{w:02d}"
        return None

    def parse_day(self, text: str) -> str | None:
        """A complete day-level expression (`12 mai 2023`, `12/05/2023`) through dateparser.

        Complete dates do not depend on the publication day: one parser and a bounded cache
        of answers, both owned by this finder (a shared default parser grows without bound:
        dateparser #457; a parser per publication day cost 6 ms for each new day of a dump)."""
        if text not in self._day_cache:
            if len(self._day_cache) >= CACHE_SIZE:
                self._day_cache.clear()
            if self._parser is None:
                self._parser = DateDataParser(languages=["fr"], settings={
                    "RELATIVE_BASE": dt.datetime(2000, 1, 1), "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
            data = self._parser.get_date_data(text)
            ok = data.date_obj is not None and data.period == "day"
            self._day_cache[text] = data.date_obj.date().isoformat() if ok else None
        return self._day_cache[text]
