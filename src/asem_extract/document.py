"""The layout of a VNA dump document: publication header, title, dateline, credits, signature.

Pure functions over the raw text; every piece keeps its offsets into that text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

HEADER_RE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b")
PUBLISHED_RE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
AGENCIES = ("VNA", "AVI", "CVN")
_AGENCY = r"(?:VNA|AVI|CVN)"
# `Hanoï (VNA) - `, `Hô Chi Minh-Ville (VNA) – `, `Paris (VNA/CVN) - `
DATELINE_RE = re.compile(
    r"(?<![\w])((?:[A-ZÀ-ÖØ-ÞĐ][\w’'.]*[a-zà-ÿđ][\w’'.]*)(?:[ -](?:[A-ZÀ-ÖØ-ÞĐ]|de |d’|d'|la |du )?[\w’'.]+){0,3})"
    r"[ \t]*\((" + _AGENCY + r")(?:/" + _AGENCY + r")*\)[ \t]*[-–—:]"
)
# `-VNA`, `. -AVI`, `-CPV/VNA`, `-VNA----`: the last acronyms of the text, one an agency
SIGNATURE_RE = re.compile(r"[-–—]\s*((?:[A-Z]{2,6}/)*" + _AGENCY + r"(?:/[A-Z]{2,6})*)[\s\-–—.]*\Z")
CREDIT_RE = re.compile(r"\b(Photos?|Sources?|Image|Vidéo|Infographie)\s*:\s*([^\n|()]+?)(?=\s*[|)]|\s*\n|\s{2,}|\s*\Z)")


@dataclass(frozen=True)
class Piece:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    published: str | None
    header_end: int  # offset where the text after the `date` header starts (0 without header)
    title: str | None
    dateline: Piece | None
    dateline_agency: Piece | None
    signature: tuple[Piece, ...] = ()
    credits: tuple[Piece, ...] = field(default=())  # each `/`-separated part of a photo or source credit


def normalise_published(value: str | None) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    if not PUBLISHED_RE.match(value):
        raise ValueError(f"published must be YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    except ValueError:
        raise ValueError(f"published is not a calendar date: {value!r}") from None
    return value


def parse_layout(raw: str, published: str | None = None) -> Layout:
    """Read the dump structure. The header's date wins over the `published` argument."""
    header = HEADER_RE.match(raw)
    header_end = header.end() if header else 0
    if header:
        try:  # a header with an impossible date (`2019-13`) anchors nothing
            pub = normalise_published(header.group(1))
        except ValueError:
            pub = None
    else:
        pub = normalise_published(published)

    dateline = agency = None
    m = DATELINE_RE.search(raw, header_end)
    if m and m.start() < header_end + 3000:
        dateline = Piece(m.group(1), m.start(1), m.end(1))
        agency = Piece(m.group(2), m.start(2), m.end(2))

    signature: list[Piece] = []
    s = SIGNATURE_RE.search(raw, max(header_end, len(raw) - 60))
    if s:
        pos = s.start(1)
        for part in s.group(1).split("/"):
            signature.append(Piece(part, pos, pos + len(part)))
            pos += len(part) + 1

    credits: list[Piece] = []
    for c in CREDIT_RE.finditer(raw, header_end):
        pos = c.start(2)
        for part in c.group(2).split("/"):
            lead = len(part) - len(part.lstrip())
            text = part.strip()
            if text:
                credits.append(Piece(text, pos + lead, pos + lead + len(text)))
            pos += len(part) + 1

    return Layout(pub, header_end, _title(raw, header_end), dateline, agency, tuple(signature), tuple(credits))


def _title(raw: str, header_end: int) -> str | None:
    """The first non-empty line after the header, without `>>` markers or a trailing credit."""
    for line in raw[header_end:].splitlines():
        line = line.strip().lstrip(">").strip()
        if not line:
            continue
        line = re.split(r"\s*\b(?:Photos?|Source)\s*:", line)[0].strip(" .|")
        if DATELINE_RE.match(line) or len(line) > 250 or not line:
            return None
        return line
    return None
