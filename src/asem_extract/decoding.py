"""Bytes of unknown provenance to text: encodings, byte-order marks, mojibake, HTML, binaries.

Dumps arrive in UTF-8 (with or without BOM), UTF-16, cp1252 or latin-1, sometimes
double-encoded (`HanoÃ¯`) or as HTML. Offsets of a record refer to the text this module
returns, and the record says how it was obtained (`encoding`, `repairs`).
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .errors import InputError

# Encodings a French dispatch plausibly comes in; charset-normalizer chooses among them only.
CANDIDATE_ENCODINGS = ["utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16"]
HTML_RE = re.compile(r"<(?:html|body|p|div|br|span|article|h[1-6]|!DOCTYPE)\b[^>]*>", re.IGNORECASE)
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "title"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    repairs: tuple[str, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """Decode a document; raises InputError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        if _looks_binary(data):
            raise InputError("binary data, not text")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _guess(data)
    return repair_text(text, encoding)


def repair_text(text: str, encoding: str) -> Decoded:
    repairs: list[str] = []
    if "\ufffd" in text:
        repairs.append("invalid-bytes")
    if HTML_RE.search(text[:5000]):
        text = html_to_text(text)
        repairs.append("html")
    fixed = _fix_mojibake(text)
    if fixed != text:
        text = fixed
        repairs.append("mojibake")
    return Decoded(text, encoding, tuple(repairs))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.1


def _guess(data: bytes) -> tuple[str, str]:
    """Not UTF-8: mostly-UTF-8 with a few bad bytes stays UTF-8; otherwise charset-normalizer picks."""
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(1, len(text) // 200) and re.search(r"[\u00c0-\u024f]", text):
        return text, "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("latin-1"), "latin_1"


def _fix_mojibake(text: str) -> str:
    """`HanoÃ¯` -> `Hanoï`, only where ftfy sees double encoding (quotes and spacing are left alone)."""
    if not re.search(r"[ÃÂâ][\u0080-\u00ff€™œ]", text):
        return text
    import ftfy

    return ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_line_breaks=False,
                         fix_latin_ligatures=False, fix_character_width=False, normalization=None,
                         remove_terminal_escapes=False, remove_control_chars=False, fix_surrogates=False)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
