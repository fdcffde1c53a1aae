"""`asem_dates`: DATE entities with ISO/TIMEX3 values resolved against the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..counts import UNITS_FILE
from ..dates import CALENDAR_FILE, DateFinder
from ..extensions import register_extensions
from ..resources import load_json, words_of
from .base import ResourceBacked
from .spans import add_entities


class DatesComponent(ResourceBacked):
    resource_files = (CALENDAR_FILE, UNITS_FILE)

    def __init__(self, name: str = "asem_dates", resource_dir: str | None = None):
        register_extensions()
        self.name = name
        self.resource_dir = resource_dir
        self._build()

    def _build(self) -> None:
        units = load_json(UNITS_FILE, self.resource_dir)
        # `2000 personnes` is a count, not a year: years followed by a counted measure word are skipped
        count_like = frozenset(w.lower() for w in words_of(units, "unit_words", UNITS_FILE)
                               + words_of(units, "year_blocking_nouns", UNITS_FILE))
        self.finder = DateFinder(self.resource_dir, count_like_words=count_like)

    def __call__(self, doc: Doc) -> Doc:
        header_end = (doc._.asem_layout or {}).get("header_end", 0)
        matches = self.finder.find(doc.text, doc._.asem_published, header_end)
        add_entities(doc, ((m.start, m.end, "DATE", {"asem_value": m.value, "asem_source": "date_rules"})
                           for m in matches), override=frozenset({"model"}))
        return doc


@Language.factory("asem_dates", default_config={"resource_dir": None},
                  assigns=["doc.ents", "span._.asem_value"], requires=["doc._.asem_published"])
def make_dates(nlp: Language, name: str, resource_dir: str | None) -> DatesComponent:
    return DatesComponent(name, resource_dir)
