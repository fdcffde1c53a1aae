"""COUNT mentions: a number expression and what it counts, with value, unit and qualifier.

Numbers are found in the raw text (digits, French number words, scale words,
approximations such as `une centaine de`); the counted noun comes from the model's
part-of-speech tags of the following tokens, so `279.000 souhaitent` has no unit
while `279.000 candidats` counts `candidat`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

from .numbers import DIGITS_RE, apply_scale, parse_digits, parse_words
from .resources import load_json, mapping_of, words_of
from .text import is_acronym

NUMBERS_FILE = "fr/numbers.json"
UNITS_FILE = "fr/units.json"


@dataclass(frozen=True)
class CountMatch:
    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    qualifier: str | None
    number_end: int  # where the number expression ends (before the unit)
    scale: int = 1
    is_digits: bool = True


class Word(NamedTuple):
    """What the count finder needs to know of a token: its offsets, text and POS (read
    from the Doc's tag sequence only when asked for). A tuple: a Doc makes hundreds."""

    start: int
    end: int
    text: str
    i: int
    tags: Sequence[str]

    @property
    def pos(self) -> str:
        return self.tags[self.i]


# `8.000 Vietnamiens`, `10 États`: capitalised plural nouns that can be counted
DEMONYM_RE = re.compile(r"^(?:[A-ZÉÈ][a-zàâçéèêëîïôûùüÿ-]+(?:iens|iennes|ais|aises|ois|oises|ains|aines|ens|éens|éennes|ites|ins|ines)|[EÉ]tats)$")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class CountFinder:
    def __init__(self, resource_dir: str | Path | None = None):
        num = load_json(NUMBERS_FILE, resource_dir, required=("number_words", "scales", "approximations"))
        units = load_json(UNITS_FILE, resource_dir, required=("currencies", "symbols", "invariable"))
        self.number_words = words_of(num, "number_words", NUMBERS_FILE)
        self.scales = mapping_of(num, "scales", NUMBERS_FILE, (int,))
        self.approx = mapping_of(num, "approximations", NUMBERS_FILE, (int,))
        self.fractions = mapping_of(num, "fractions", NUMBERS_FILE, (int, float))
        self.q_before = mapping_of(num, "qualifiers_before", NUMBERS_FILE, (str,))
        self.q_after = mapping_of(num, "qualifiers_after", NUMBERS_FILE, (str,))
        self.one_nouns = set(words_of(num, "one_count_nouns", NUMBERS_FILE))
        self.blockers = set(words_of(num, "blockers_before", NUMBERS_FILE))
        self.range_links = words_of(num, "range_links", NUMBERS_FILE)
        self.currencies = mapping_of(units, "currencies", UNITS_FILE, (str,))
        self.symbols = set(words_of(units, "symbols", UNITS_FILE))
        self.unit_words = {w.lower() for w in words_of(units, "unit_words", UNITS_FILE)}
        self.plural_exceptions = mapping_of(units, "plural_exceptions", UNITS_FILE, (str,))
        self.invariable = set(words_of(units, "invariable", UNITS_FILE))
        self.prenominal = set(words_of(units, "prenominal_adjectives", UNITS_FILE))
        self.not_nouns = set(words_of(units, "not_counted_nouns", UNITS_FILE))
        self.always_nouns = set(words_of(units, "always_nouns", UNITS_FILE)) | {
            w for w in words_of(units, "year_blocking_nouns", UNITS_FILE) if w.isalpha() and w.islower()}
        self._compile()

    def _compile(self) -> None:
        words = [w for w in self.number_words if w != "et"]
        W = _alt(words)
        SC = _alt(self.scales)
        self.word_number_re = re.compile(
            rf"(?<![^\W\d_])(?<!-)(?:{W})(?:(?:-|\s+|\s+et\s+|-et-)(?:{W}|{SC}))*(?![\w-])", re.IGNORECASE)
        self.scale_re = re.compile(rf"\s+({SC})(?![\w])", re.IGNORECASE)
        self.approx_re = re.compile(
            rf"(?<![\w-])(?:une?\s+)(?P<a>{_alt(self.approx)})(?:\s+(?:de\s+|d['’]\s*)|(?=[\s,.;)]))", re.IGNORECASE)
        self.fraction_re = re.compile(
            rf"(?<![\w-])(?:une?\s+)(?P<f>{_alt(self.fractions)})(?:-|\s+(?:de\s+|d['’]\s*))", re.IGNORECASE)
        self.q_before_re = re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{_alt(self.q_before)})\s*$", re.IGNORECASE)
        self.q_after_re = re.compile(rf"^\s+(?P<q>{_alt(self.q_after)})(?![\w])", re.IGNORECASE)
        cur = _alt(self.currencies)
        self.currency_re = re.compile(rf"^\s*(?:(?:de|d['’])\s*)?(?P<u>{cur})(?![\w])")
        self.symbol_re = re.compile(rf"^\s?(?P<u>{_alt(self.symbols)})(?![\w²³])")
        self.percent_re = re.compile(r"^\s*(?P<u>%|pour\s+cent|pourcent)(?![\w])")
        self.de_re = re.compile(r"^\s*(?:de|d['’])\s*")

    # -- numbers ---------------------------------------------------------------------
    def numbers(self, text: str, start: int = 0) -> list[tuple[int, int, float | int, int, bool, str]]:
        """(start, end, value, scale, is_digits, kind) of number expressions, left to right."""
        found = []
        for m in DIGITS_RE.finditer(text, start):
            value = parse_digits(m.group())
            if value is None:
                continue
            end, scale = m.end(), 1
            s = self.scale_re.match(text, end)
            if s:
                scale = self.scales[s.group(1).lower()]
                end = s.end()
            found.append((m.start(), end, value, scale, True, "digits"))
        for m in self.approx_re.finditer(text, start):
            found.append((m.start(), m.end(), self.approx[m.group("a").lower()], 1, False, "approx"))
        for m in self.fraction_re.finditer(text, start):
            found.append((m.start(), m.end(), self.fractions[m.group("f").lower()], 1, False, "fraction"))
        for m in self.word_number_re.finditer(text, start):
            words = m.group()
            tail_scale = 1
            parts = re.split(r"(\s+|-)", words)
            last = parts[-1].lower()
            if last in self.scales and len(parts) > 1:
                tail_scale = self.scales[last]
                head = "".join(parts[:-2])
                value = parse_words(head)
            else:
                value = parse_words(words)
            if value is None:
                continue
            found.append((m.start(), m.end(), value, tail_scale, False, "words"))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out = []
        for f in found:
            if out and f[0] < out[-1][1]:
                continue
            out.append(f)
        return out

    # -- counts ----------------------------------------------------------------------
    def find(self, text: str, words: Sequence[Word], blocked: Callable[[int, int], bool] = lambda s, e: False,
             start: int = 0, numbers: list | None = None) -> list[CountMatch]:
        """`numbers`: `self.numbers(text, start)` when the caller has it already."""
        by_start = {w.start: i for i, w in enumerate(words)}
        starts = sorted(by_start)
        out: list[CountMatch] = []
        for ns, ne, value, scale, is_digits, kind in (self.numbers(text, start) if numbers is None else numbers):
            if (out and ns < out[-1].end) or blocked(ns, ne) or self._is_identifier(text, ns, kind):
                continue  # inside the previous count (`15 pour cent`), another entity, or a name
            match = self._count_at(text, words, by_start, starts, ns, ne, value, scale, is_digits, kind)
            if match is not None and blocked(match.start, match.end):
                # the noun belongs to another entity: keep the bare number
                match = replace(match, end=ne, text=text[ns:ne], unit=None) if kind != "approx" else None
            if match is not None:
                out.append(match)
        return self._share_ranges(text, out)

    def _count_at(self, text, words, by_start, starts, ns, ne, value, scale, is_digits, kind) -> CountMatch | None:
        unit, end = None, ne
        after = text[ne:ne + 60]
        qualifier = "~" if kind == "approx" else None
        if kind == "fraction":
            # `un demi-siècle` is one token: read the noun from the text
            m = re.match(r"[a-zàâçéèêëîïôûùüÿœ]+", text[ne:])
            if m is None:
                return None
            end = ne + m.end()
            return CountMatch(ns, end, text[ns:end], value, self.lemma(m.group()),
                              self._qualifier_before(text, ns), ne, 1, False)
        if kind == "words" and value == 1 and scale == 1:
            # `un`/`une` is an article unless it counts a duration (`un an`) or scales
            w = self._word_after(text, words, by_start, starts, ne)
            if w is None or w.text.lower() not in self.one_nouns:
                return None
        m = self.percent_re.match(after)
        if m:
            unit, end = "%", ne + m.end()
        elif (m := self.currency_re.match(after)) and (scale > 1 or not self.de_re.match(after)):
            unit, end = self.currencies[m.group("u")], ne + m.end()
        elif is_digits and scale == 1 and (m := self.symbol_re.match(after)):
            unit, end = m.group("u"), ne + m.end()
        else:
            noun_from = ne
            if (scale > 1 and scale != 1000) or kind == "approx":
                d = self.de_re.match(after)
                if kind == "approx":
                    d = re.match(r"", after)  # `une centaine de` already holds its `de`
                if d is None:
                    noun_from = -1
                else:
                    noun_from = ne + d.end()
                    if (cm := self.currency_re.match(text[noun_from:noun_from + 40])):
                        unit, end = self.currencies[cm.group("u")], noun_from + cm.end()
                        noun_from = -1
            if noun_from >= 0 and unit is None:
                noun = self._noun_after(text, words, by_start, starts, noun_from)
                if noun is not None:
                    unit, end = self.lemma(noun.text), noun.end
        if kind == "approx" and unit is None and re.search(r"(?:de|d['’])\s*$", text[ns:ne]):
            return None  # `une centaine de` needs its noun; `une quinzaine` alone is a count
        if unit in ("heure", "h") and (re.search(r"\bà\s+$", text[max(0, ns - 4):ns])
                                      or re.match(r"\s+(?:du matin|du soir|de l['’]après-midi)", text[end:end + 20])):
            return None  # `à 3 heures du matin`: a time of day
        if qualifier is None:
            qualifier = self._qualifier_before(text, ns)
        if qualifier is None and (m := self.q_after_re.match(text[end:end + 20])):
            qualifier = self.q_after[m.group("q").lower()]
        return CountMatch(ns, end, text[ns:end], apply_scale(value, scale), unit, qualifier, ne, scale, is_digits)

    def _word_after(self, text, words, by_start, starts, pos) -> Word | None:
        i = bisect.bisect_left(starts, pos)
        if i >= len(starts):
            return None
        w = words[by_start[starts[i]]]
        if text[pos:w.start].strip():
            return None
        return w

    def _noun_after(self, text, words, by_start, starts, pos) -> Word | None:
        """The counted noun: the next noun, after at most two pre-nominal adjectives (`trois premiers pays`,
        `36 jeunes ingénieurs`); a lower-case plural the tagger calls an adjective (`90 centrales`) counts too."""
        w = self._word_after(text, words, by_start, starts, pos)
        if w is None:
            return None
        i = by_start[w.start]
        for j in range(i, min(i + 3, len(words))):
            cand = words[j]
            if j > i and text[words[j - 1].end:cand.start].strip():
                return None  # punctuation in between
            low = cand.text.lower()
            if DEMONYM_RE.match(cand.text) and cand.pos in ("NOUN", "PROPN", "ADJ"):
                return cand
            if low in self.prenominal and j < i + 2:
                continue
            if low in self.unit_words or low in self.always_nouns:
                return cand
            if not (cand.text[:1].islower() and cand.text.replace("-", "").isalpha()) or low in self.not_nouns:
                return None
            if cand.pos == "NOUN":
                return cand
            nxt = words[j + 1] if j + 1 < len(words) else None
            if cand.pos == "ADJ" and low.endswith(("s", "x")) and nxt is not None and nxt.text[:1].islower() \
                    and not text[cand.end:nxt.start].strip() and nxt.pos in ("ADJ", "NOUN"):
                return cand  # `90 centrales solaires`: a plural the tagger took for an adjective
            return None
        return None

    def _qualifier_before(self, text: str, pos: int) -> str | None:
        m = self.q_before_re.search(text[max(0, pos - 25):pos])
        if not m:
            return None
        return self.q_before[next(k for k in self.q_before if k.lower() == m.group("q").lower())]

    def _is_identifier(self, text: str, pos: int, kind: str) -> bool:
        """`ASEM 13`, `SEA Games 30`, `n° 5`, `résolution 2231`, `ảnh 1`: numbers in names and codes."""
        before = text[max(0, pos - 30):pos]
        m = re.search(r"([\w°.\-]+)(\s?)$", before)
        if not m:
            return False
        prev = m.group(1)
        if prev.lower().strip(".") in self.blockers or prev.lower() in self.blockers:
            return True
        if re.match(r"[-–]\d", text[pos:].lstrip("0123456789")):
            return False  # a score: `la Malaisie 1-0`
        if kind == "digits" and m.group(2) and is_acronym(prev):
            return True
        if kind == "digits" and m.group(2) and prev[:1].isupper() and prev.lower() not in self.q_before:
            lead = before[:m.start(1)].rstrip(" \t")
            sentence_start = not lead or lead[-1] in ".!?:;\n\"«“|(>-–—"
            return not sentence_start
        return False

    def _share_ranges(self, text: str, counts: list[CountMatch]) -> list[CountMatch]:
        """`7.000 à 8.000 visiteurs`, `entre 65 et 70 médailles`, `55 à 60%`: the first takes the second's unit."""
        links = _alt(self.range_links)
        out = list(counts)
        for i in range(len(out) - 1):
            a, b = out[i], out[i + 1]
            if a.unit is not None or a.is_digits != b.is_digits:
                continue  # `7.000 à 8.000 visiteurs`, `cinq à sept ans`; not `de zéro à 10%`
            if not re.fullmatch(rf"\s*(?:{links})\s*", text[a.end:b.start]):
                continue
            value = apply_scale(a.value, b.scale) if a.scale == 1 and b.scale > 1 else a.value
            out[i] = replace(a, value=value, unit=b.unit, qualifier=a.qualifier or b.qualifier)
            if b.qualifier is None and a.qualifier is not None:
                out[i + 1] = replace(b, qualifier=a.qualifier)
        return out

    # -- units -------------------------------------------------------------------------
    def lemma(self, noun: str) -> str:
        """Singular lower-case lemma of a counted noun (`délégations` -> `délégation`)."""
        w = noun.lower()
        if w in self.plural_exceptions:
            return self.plural_exceptions[w]
        if w in self.invariable or len(w) <= 3 or (len(w) >= 6 and w.endswith(("ais", "ois"))):
            return w  # `Français`, `Chinois` are invariable
        if w.endswith("eaux") or w.endswith("eux") or w.endswith("oux") or w.endswith("aux") and w[:-3] + "al" == w:
            return w[:-1]
        if w.endswith("aux"):
            return w[:-3] + "al"
        if w.endswith("s") and not w.endswith("ss"):
            return w[:-1]
        return w
