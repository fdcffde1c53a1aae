"""`asem_pos`: POS tags on demand from the model's own tok2vec + morphologizer.

Load the model with those two components disabled (not excluded): they then cost
nothing until a rule reads a tag, and only the windows around the tokens read are run.
The components that read tags tag a whole batch first (`tagging.prefetch_batch`). When
the tagger is enabled it has already tagged the Doc and this component does nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..tagging import FUNCTION_WORDS_FILE, WindowTagger, LazyPOS, load_function_words
from .base import ResourceBacked


class LazyPOSComponent(ResourceBacked):
    resource_files = (FUNCTION_WORDS_FILE,)

    def __init__(self, nlp: Language, name: str = "asem_pos", tok2vec: str = "tok2vec",
                 tagger: str = "morphologizer", resource_dir: str | None = None):
        register_extensions()
        self.nlp = nlp
        self.resource_dir = resource_dir
        self.name = name
        self.tok2vec_name = tok2vec
        self.tagger_name = tagger
        self._build()

    def _build(self) -> None:
        self.function_words = load_function_words(self.resource_dir)
        self._tagger: WindowTagger | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.tagger_name in self.nlp.pipe_names:
            return doc  # the Doc is tagged already
        if self._tagger is None:  # built on first use: the model's pipes may be loaded after this one
            self._tagger = WindowTagger(self.nlp, self.tok2vec_name, self.tagger_name, self.function_words)
        doc._.asem_pos = LazyPOS(doc, self._tagger)
        return doc

    @property
    def tagger(self) -> WindowTagger | None:
        return self._tagger


@Language.factory("asem_pos", default_config={"tok2vec": "tok2vec", "tagger": "morphologizer",
                                              "resource_dir": None},
                  assigns=["doc._.asem_pos"])
def make_pos(nlp: Language, name: str, tok2vec: str, tagger: str, resource_dir: str | None) -> LazyPOSComponent:
    """The weights are the model's own tok2vec and morphologizer: only the word list is saved."""
    return LazyPOSComponent(nlp, name, tok2vec, tagger, resource_dir)
