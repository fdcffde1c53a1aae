"""Custom attributes on Doc and Span. They hold plain values only (strings, numbers,
lists and dicts of them), so Docs pickle and serialise across processes; `asem_pos`
holds a lazy tag sequence that pickles as the plain list of its tags."""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRS = ("asem_published", "asem_layout", "asem_pos")
SPAN_ATTRS = ("asem_value", "asem_unit", "asem_qualifier", "asem_canonical", "asem_kind", "asem_source", "asem_code",
              "asem_lat", "asem_lon")


def register_extensions() -> None:
    """Idempotent: safe to call from every component factory."""
    for name in DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
