"""`asem_linker`: canonical forms of ORG and PER mentions (acronym linking, fullest names)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..gazetteer import ORG_FILE, Gazetteer, load_organisations
from ..linking import Mention, org_canonicals, person_canonicals
from .base import ResourceBacked
from .entity_rules import FUZZY_CUTOFF, FUZZY_MIN_LENGTH


class LinkerComponent(ResourceBacked):
    resource_files = (ORG_FILE,)

    def __init__(self, nlp: Language, name: str = "asem_linker", resource_dir: str | None = None):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.resource_dir = resource_dir
        self._build()

    def _build(self) -> None:
        self.orgs = Gazetteer(lambda s: [t.text for t in self.nlp.tokenizer(s)])
        load_organisations(self.orgs, self.resource_dir)

    def _known(self, name: str) -> tuple[str, str] | None:
        entry = self.orgs.lookup(name)
        if entry is None and len(name) >= FUZZY_MIN_LENGTH:
            hit = self.orgs.fuzzy_lookup(name, FUZZY_CUTOFF)  # `ministèrede la Santé`
            entry = hit[0] if hit else None
        return None if entry is None else (entry.canonical, entry.canonical)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        mentions = [Mention(e.label_, e.start_char, e.end_char, e.text) for e in ents]
        for i, canonical in org_canonicals(mentions, doc.text, self._known).items():
            ents[i]._.asem_canonical = canonical
        for i, canonical in person_canonicals(mentions).items():
            ents[i]._.asem_canonical = canonical
        return doc


@Language.factory("asem_linker", default_config={"resource_dir": None},
                  assigns=["span._.asem_canonical"], requires=["doc.ents"])
def make_linker(nlp: Language, name: str, resource_dir: str | None) -> LinkerComponent:
    return LinkerComponent(nlp, name, resource_dir)
