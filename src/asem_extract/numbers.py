"""French number expressions to values: digit formats, number words, scale words.

Pure functions; the COUNT component decides what a number counts.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from text_to_num import text2num

# `1 500`, `1.500`, `1 500 000` (thin and no-break spaces too), `4,5`, `7.2`, `250`
DIGITS_RE = re.compile(
    r"(?<![\w.,])(?<![^\W\d_]-)(?:\d{1,3}(?:(?:[ \u00a0\u202f](?=\d{3}\b))\d{3})+|\d{1,3}(?:\.\d{3})+(?!\d)|\d{1,15}(?!\d))(?:,\d+)?(?:\.\d{1,2}(?!\d))?(?![\w])"
)
_SPACES = re.compile(r"[ \u00a0\u202f]")


def parse_digits(text: str) -> float | int | None:
    """`1 500` -> 1500, `1.500` -> 1500, `4,5` -> 4.5, `2.97` -> 2.97, `23.318` -> 23318.

    A dot followed by exactly three digits is a thousands separator (French press usage);
    a comma is the decimal mark.
    """
    s = _SPACES.sub("", text.strip())
    if not s or not re.fullmatch(r"[\d.,]+", s):
        return None
    if "," in s:
        whole, _, frac = s.partition(",")
        if "," in frac:
            return None
        whole = whole.replace(".", "")
        if not whole.isdigit() or not frac.isdigit():
            return None
        return _clean(float(f"{whole}.{frac}"))
    if "." in s:
        parts = s.split(".")
        if all(len(p) == 3 for p in parts[1:]) and parts[0].isdigit() and 1 <= len(parts[0]) <= 3:
            return int("".join(parts))
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return _clean(float(s))
        return None
    return int(s)


def _clean(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@lru_cache(maxsize=4096)
def parse_words(text: str) -> int | None:
    """`quatre-vingt-dix` -> 90, `deux cent mille` -> 200000, `Vingt-six` -> 26 (text2num does the grammar)."""
    words = text.strip().lower().replace("’", "'")
    if not words:
        return None
    if words in ("un", "une"):
        return 1
    if words == "zéro":
        return 0
    try:
        return int(text2num(words, "fr"))
    except (ValueError, TypeError):
        return None


def apply_scale(value: float | int, scale: int) -> float | int:
    """`1,5` x `milliard` -> 1500000000, exact for the press's decimals (no float drift)."""
    return _clean(float(Decimal(str(value)) * scale))
