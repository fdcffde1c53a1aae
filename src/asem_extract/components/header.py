"""`asem_header`: reads the dump layout (publication header, title, dateline, credits, signature)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..document import parse_layout
from ..extensions import register_extensions


class HeaderComponent:
    def __init__(self, name: str = "asem_header"):
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        layout = parse_layout(doc.text, doc._.asem_published)
        doc._.asem_published = layout.published
        piece = lambda p: None if p is None else [p.start, p.end, p.text]  # noqa: E731
        doc._.asem_layout = {
            "header_end": layout.header_end,
            "title": layout.title,
            "dateline": piece(layout.dateline),
            "dateline_agency": piece(layout.dateline_agency),
            "signature": [piece(p) for p in layout.signature],
            "credits": [piece(p) for p in layout.credits],
        }
        return doc

    # nothing to persist: the layout rules are code, not data
    def to_disk(self, path, exclude=tuple()):
        pass

    def from_disk(self, path, exclude=tuple()):
        return self


@Language.factory("asem_header", assigns=["doc._.asem_published", "doc._.asem_layout"])
def make_header(nlp: Language, name: str) -> HeaderComponent:
    return HeaderComponent(name)
