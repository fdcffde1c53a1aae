"""PER candidates from rules: honorific cues (`M.`, `Mme`) and Vietnamese name shape.

A Vietnamese name is a known family name followed by one to three capitalised
syllables of Vietnamese shape (`Do Hoang Anh Tuan`, `Nguyên Viêt Quang`); the shape
test on accent-folded text rejects French words such as `Vietnam` or `Comité`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Container, Sequence

from .resources import load_json, words_of
from .text import fold

PEOPLE_FILE = "fr/people.json"
# onset + vowel nucleus + coda of a Vietnamese syllable, without diacritics
SYLLABLE_RE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$")


@dataclass(frozen=True)
class NameSpan:
    start: int  # token index
    end: int
    cue: str  # "honorific", "vietnamese", "credit"


def is_vietnamese_syllable(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and word[1:].islower() and bool(SYLLABLE_RE.match(fold(word)))


def is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a name: `Loi`, `Hang-seo`, `O'Neill`."""
    return word[:1].isupper() and all(c.isalpha() or c in "-'’." for c in word) and any(c.islower() for c in word)


class PersonRules:
    def __init__(self, resource_dir: str | Path | None = None):
        data = load_json(PEOPLE_FILE, resource_dir, required=("honorifics", "vietnamese_family_names"))
        self.honorifics = set(words_of(data, "honorifics", PEOPLE_FILE))
        self.family = {fold(w) for w in words_of(data, "vietnamese_family_names", PEOPLE_FILE)}
        self.ambiguous = {fold(w) for w in words_of(data, "ambiguous_family_names", PEOPLE_FILE)}
        self.particles = {"de", "van", "von", "da", "di", "del", "bin", "binti", "der", "le", "la", "du", "al"}

    def find(self, words: Sequence[str], barrier: Container[int] = frozenset(),
             no_start: Container[int] = frozenset()) -> list[NameSpan]:
        """Name spans over a token text list; tokens in `barrier` (known organisations) stop a name,
        tokens in `no_start` (known places) cannot start a Vietnamese name but may continue one."""
        out: list[NameSpan] = []
        i = 0
        while i < len(words):
            span = self._after_honorific(words, i, barrier) or (
                None if i in no_start else self._vietnamese(words, i, barrier))
            if span:
                out.append(span)
                i = span.end
            else:
                i += 1
        return out

    def _after_honorific(self, words, i, barrier) -> NameSpan | None:
        if words[i] not in self.honorifics or i + 1 >= len(words):
            return None
        j = i + 1
        while j < len(words) and j - i <= 5 and j not in barrier:
            w = words[j]
            if is_name_word(w) or (w.lower() in self.particles and j + 1 < len(words) and is_name_word(words[j + 1])
                                   and j > i + 1):
                j += 1
            else:
                break
        if j == i + 1 or not is_name_word(words[j - 1]):
            return None
        return NameSpan(i + 1, j, "honorific")

    def _vietnamese(self, words, i, barrier) -> NameSpan | None:
        w = words[i]
        if i in barrier or not w[:1].isupper() or fold(w) not in self.family or not is_vietnamese_syllable(w):
            return None
        j = i + 1
        while j < len(words) and j - i < 4 and j not in barrier and is_vietnamese_syllable(words[j]):
            j += 1
        n = j - i
        if n < 2 or (fold(w) in self.ambiguous and n < 3):
            return None
        if n == 2 and j < len(words) and is_name_word(words[j]) and j not in barrier:
            return None  # a longer capitalised run that is not a Vietnamese name (`Ha Long Bay`)
        return NameSpan(i, j, "vietnamese")
