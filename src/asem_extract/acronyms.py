"""Long form / short form pairs in running text: `Organisation mondiale des douanes (OMD)`.

The Schwartz–Hearst algorithm (Pacific Symposium on Biocomputing, 2003), adapted to
French: the short form's characters must appear in order in the long form, the first
one at the start of a word; French function words may be skipped, and an English
acronym after a French name (`Fonds mondial pour la nature (WWF)`) is left to the
gazetteer. Pure functions over strings and offsets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PAREN_RE = re.compile(r"\(\s*([^()\s][^()]{0,18}?)\s*\)")


@dataclass(frozen=True)
class AcronymPair:
    short: str
    short_start: int
    long: str
    long_start: int

    @property
    def short_end(self) -> int:
        return self.short_start + len(self.short)

    @property
    def long_end(self) -> int:
        return self.long_start + len(self.long)


def is_short_form(candidate: str) -> bool:
    """2-10 characters, one word, a letter first, at least one capital (`OMD`, `Hepza`, `G20`)."""
    letters = sum(c.isalpha() for c in candidate)
    return (2 <= len(candidate) <= 10 and " " not in candidate and candidate[0].isalpha()
            and any(c.isupper() for c in candidate) and (letters >= 2 or any(c.isdigit() for c in candidate)))


def best_long_form(short: str, text_before: str) -> int | None:
    """Offset in `text_before` where the long form for `short` starts, or None.

    Walk both strings backwards; every short-form character must be found in the long
    form, the first one at the beginning of a word.
    """
    s = fold_chars(short)
    l = fold_chars(text_before)
    s_i, l_i = len(s) - 1, len(l) - 1
    while s_i >= 0:
        c = s[s_i]
        if not c.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (l[l_i] != c or (s_i == 0 and l_i > 0 and l[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = l_i + 1
    # extend back to the beginning of that word
    while start > 0 and text_before[start - 1].isalnum():
        start -= 1
    return start


def fold_chars(s: str) -> str:
    """Lower case without accents, one character for one, so offsets survive."""
    return "".join((unicodedata.normalize("NFKD", c)[:1] or c).lower() for c in s)


def find_pairs(text: str, max_words: int | None = None) -> list[AcronymPair]:
    """Every `long form (SHORT)` pair in `text`, with offsets."""
    pairs = []
    for m in PAREN_RE.finditer(text):
        short = m.group(1).strip()
        if not is_short_form(short):
            continue
        limit = max_words or min(len(short) + 5, len(short) * 2)
        window_start = _window_start(text, m.start(), limit)
        before = text[window_start:m.start()].rstrip()
        pos = best_long_form(short, before)
        if pos is None:
            continue
        long = before[pos:].strip()
        if not long or len(long) <= len(short) or long.lower().startswith(short.lower()):
            continue
        pairs.append(AcronymPair(short, m.start(1), long, window_start + pos))
    return pairs


def _window_start(text: str, end: int, n_words: int) -> int:
    """Offset of the n-th word before `end`, not crossing a sentence or clause end."""
    pos = end
    words = 0
    while pos > 0 and words < n_words:
        pos -= 1
        ch = text[pos]
        if ch in ".;:!?\n(" :
            return pos + 1
        if ch.isspace() and pos + 1 < end and not text[pos + 1].isspace():
            words += 1
    return pos
