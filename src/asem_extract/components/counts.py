"""`asem_counts`: COUNT entities with value, unit and qualifier."""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..counts import NUMBERS_FILE, UNITS_FILE, CountFinder, Word
from ..extensions import register_extensions
from ..tagging import TAG_BATCH, pos_tags, prefetch_batch
from ..tokens import token_table
from .base import ResourceBacked
from .spans import add_entities


class CountsComponent(ResourceBacked):
    resource_files = (NUMBERS_FILE, UNITS_FILE)

    def __init__(self, name: str = "asem_counts", resource_dir: str | None = None):
        register_extensions()
        self.name = name
        self.resource_dir = resource_dir
        self._build()

    def _build(self) -> None:
        self.finder = CountFinder(self.resource_dir)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 8) -> Iterator[Doc]:
        """Learns which tags the batch's counts read, tags them in one model call, finds the counts."""
        for batch in minibatch(docs, size=max(batch_size, TAG_BATCH)):
            inputs = {id(doc): self._inputs(doc) for doc in batch}
            prefetch_batch(batch, lambda doc: self.finder.find(*inputs[id(doc)]))
            for doc in batch:
                yield self._add(doc, self.finder.find(*inputs[id(doc)]))

    def __call__(self, doc: Doc) -> Doc:
        return self._add(doc, self.finder.find(*self._inputs(doc)))

    def _inputs(self, doc: Doc) -> tuple:
        text = doc.text
        header_end = (doc._.asem_layout or {}).get("header_end", 0)
        tags = pos_tags(doc)
        words = [Word(s, s + len(word), word, i, tags) for i, (s, word, _space) in enumerate(token_table(doc))]
        covered = sorted((e.start_char, e.end_char) for e in doc.ents)  # ents never overlap: ends are sorted too
        ends = [e for _s, e in covered]

        def blocked(start: int, end: int) -> bool:
            k = bisect.bisect_right(ends, start)  # the first entity ending after `start`
            return k < len(covered) and covered[k][0] < end

        return text, words, blocked, header_end, self.finder.numbers(text, header_end)

    @staticmethod
    def _add(doc: Doc, matches) -> Doc:
        add_entities(doc, ((m.start, m.end, "COUNT", {"asem_value": m.value, "asem_unit": m.unit,
                                                      "asem_qualifier": m.qualifier, "asem_source": "count_rules"})
                           for m in matches))
        return doc


@Language.factory("asem_counts", default_config={"resource_dir": None},
                  assigns=["doc.ents", "span._.asem_value", "span._.asem_unit", "span._.asem_qualifier"])
def make_counts(nlp: Language, name: str, resource_dir: str | None) -> CountsComponent:
    return CountsComponent(name, resource_dir)
