"""Character-level helpers shared by the rules: accent folding and word tests."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "’": "'", "‘": "'", "ʼ": "'",
                        "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "–": "-", "—": "-", "‐": "-", "‑": "-"})


@lru_cache(maxsize=65536)
def strip_accents(s: str) -> str:
    """`Hà Nội` -> `Ha Noi`; keeps case. Vietnamese đ and French ligatures are mapped too."""
    s = s.translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Key for lenient comparison: no accents, lower case, single spaces."""
    return " ".join(strip_accents(s).lower().split())


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """`OMD`, `ASEAN`, `VietnamPlus` is not; digits allowed after the first letter (`G20`)."""
    letters = [c for c in word if c.isalpha()]
    return len(word) >= 2 and word[0].isupper() and len(letters) >= 2 and all(c.isupper() for c in letters) \
        and all(c.isalnum() or c in "-&" for c in word)
