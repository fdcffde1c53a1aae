"""Part-of-speech tags computed on demand.

The rules read the POS of the few tokens near name heads and numbers, yet the model's
`tok2vec` + `morphologizer` cost a third of the plain model's time when run on every
token. Their encoder is a stack of window convolutions, so a token's tag depends only
on the tokens within its receptive field (depth x window on each side): a window of
tokens tagged with that much context around it gets the tags it would get in the whole
Doc. Closed-class words (`de`, `et`, `a`), a third of what the rules ask about, get
their tag from a list, as do white space and sentence punctuation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Sequence

import srsly
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .errors import ResourceError
from .resources import load_json, words_of
from .tokens import token_table

FUNCTION_WORDS_FILE = "fr/function_words.json"
# the components that read tags take at least this many Docs at a time: their asked tags go
# through the model in one call (~2 ms a call, whatever its size)
TAG_BATCH = 64

# window encoders whose receptive field is depth x window_size tokens on each side
WINDOW_ENCODERS = ("spacy.MaxoutWindowEncoder", "spacy.MishWindowEncoder")


def receptive_field(nlp: Language, tok2vec: str) -> int | None:
    """Tokens of context on each side that decide a tag, or None when unbounded (BiLSTM,
    transformer, unknown architecture): such models are then run on the whole Doc."""
    try:
        encode = nlp.config["components"][tok2vec]["model"]["encode"]
    except KeyError:
        return None
    if not str(encode.get("@architectures", "")).startswith(WINDOW_ENCODERS):
        return None
    return int(encode["depth"]) * int(encode["window_size"])


def load_function_words(resource_dir: str | Path | None = None) -> dict[str, str]:
    data = load_json(FUNCTION_WORDS_FILE, resource_dir, required=("tags",))
    tags = data["tags"]
    if not isinstance(tags, dict):
        raise ResourceError(FUNCTION_WORDS_FILE, "must be an object", field="tags")
    out: dict[str, str] = {}
    for tag in tags:
        for w in words_of(tags, tag, f"{FUNCTION_WORDS_FILE} (tags)"):
            if out.setdefault(w, tag) != tag:
                raise ResourceError(FUNCTION_WORDS_FILE, f"{w!r} is listed under two tags", field=f"tags.{tag}")
    return out


class WindowTagger:
    """Runs the disabled tok2vec + morphologizer of `nlp` on windows of tokens."""

    def __init__(self, nlp: Language, tok2vec: str = "tok2vec", tagger: str = "morphologizer",
                 fixed: dict[str, str] | None = None):
        self.vocab = nlp.vocab
        self.fixed = fixed or {}
        self.tok2vec = nlp.get_pipe(tok2vec)
        self.tagger = nlp.get_pipe(tagger)
        self.context = receptive_field(nlp, tok2vec)
        tagger_tok2vec = nlp.config["components"][tagger].get("model", {}).get("tok2vec", {})
        if not str(tagger_tok2vec.get("@architectures", "")).startswith("spacy.Tok2VecListener"):
            self.context = None  # the tagger embeds tokens itself: its field is not the tok2vec's
        self.calls = 0  # model calls, for benchmarks
        self.misses = 0  # tokens asked for outside the prefetched windows, tagged on their own
        self.tagged = 0  # tokens run through the model, context included

    def tag(self, words: Sequence[str], spaces: Sequence[bool], ranges: Sequence[tuple[int, int]]) -> list[list[str]]:
        """Tags of the tokens of each range. All ranges go through the model as one Doc: a
        token's tag depends only on the tokens within its receptive field, so the tokens
        that meet at the joins (context, not asked for) do not change those of the cores."""
        if not ranges:
            return []
        self.calls += 1
        self.tagged += len(words)
        doc = Doc(self.vocab, words=list(words), spaces=list(spaces))
        labels_pos = getattr(self.tagger, "cfg", {}).get("labels_pos")
        if labels_pos is None:  # not a morphologizer: let it annotate the Doc
            self.tagger(self.tok2vec(doc))
            tags = [t.pos_ for t in doc]
        else:  # argmax to POS directly: the morphological features are not needed
            (doc.tensor,) = self.tok2vec.predict([doc])
            (ids,) = self.tagger.predict([doc])
            labels = self.tagger.labels
            tags = [POS_NAMES.get(labels_pos.get(labels[j], 0), "") for j in ids.tolist()]
        return [tags[a:b] for a, b in ranges]


MISS_LOOKAHEAD = 6
# always PUNCT for the tagger (hyphens, slashes and `%` are not: `Ba Ria - Vung Tau`)
PUNCTUATION = frozenset(",.;:!?()[]{}«»\"“”‘’…")


def _punctuation(word: str) -> str | None:
    if word.isspace():
        return "SPACE"
    return "PUNCT" if word[:1] in PUNCTUATION and all(c in PUNCTUATION for c in word) else None


class LazyPOS:
    """The POS tags of one Doc, as a sequence indexed by token, computed window by window.

    Holds copies of the words rather than the Doc, and pickles and serialises as the plain
    list of the tags computed so far ('' for the others): Docs stay free of cycles and models.

    While `asked` is a set (a dry run of the rules that read tags, see `prefetch_batch`), an
    untagged token is not tagged: it is noted and answered with a guess (`ADJ` for a
    lower-case word, which makes the rules read on; `PROPN` for a capitalised one)."""

    __slots__ = ("words", "spaces", "tags", "tagger", "asked")

    def __init__(self, doc: Doc, tagger: WindowTagger):
        table = token_table(doc)
        self.words = [word for _s, word, _space in table]
        self.spaces = [space for _s, _word, space in table]
        fixed = tagger.fixed
        self.tags: list[str | None] = [fixed.get(w) or _punctuation(w) for w in self.words]
        self.tagger = tagger
        self.asked: set[int] | None = None

    def __len__(self) -> int:
        return len(self.tags)

    def __getitem__(self, i: int) -> str:
        tag = self.tags[i]
        if tag is None:
            if self.asked is not None:
                self.asked.add(i % len(self.tags))
                first = self.words[i][:1]
                return "ADJ" if first.islower() else "PROPN" if first.isupper() else "NUM"
            self.tagger.misses += 1
            # the rules read on to the right (a name's words, the noun after a number): tagging the
            # next few tokens in the same call saves a call (~2 ms) for each of them
            i %= len(self.tags)
            prefetch_many([(self, range(i, i + MISS_LOOKAHEAD + 1))])
            tag = self.tags[i]
        return tag

    def windows(self, indices: Iterable[int]) -> list[tuple[int, int, int, int]]:
        """(core start, core end, range start, range end) of the untagged tokens among `indices`:
        the core is tagged, the range adds the context it needs; windows whose contexts would
        overlap are merged."""
        n = len(self.tags)
        ctx = self.tagger.context
        wanted = sorted({i % n for i in indices if -n <= i < n and self.tags[i] is None})
        if not wanted:
            return []
        if ctx is None:
            return [(0, n, 0, n)]
        cores: list[list[int]] = []
        for i in wanted:
            if cores and i - cores[-1][1] <= 2 * ctx:
                cores[-1][1] = i + 1
            else:
                cores.append([i, i + 1])
        return [(s, e, max(0, s - ctx), min(n, e + ctx)) for s, e in cores]

    def fill(self, core: tuple[int, int], start: int, tags: Sequence[str]) -> None:
        for k in range(*core):
            if self.tags[k] is None:  # listed words keep their listed tag wherever they are
                self.tags[k] = tags[k - start]

    def tolist(self) -> list[str]:
        """The tags computed so far, '' for the others."""
        return [t or "" for t in self.tags]

    def __reduce__(self):
        return list, (self.tolist(),)


def _encode_lazy_pos(obj, chain=None):
    """msgpack (Doc.to_bytes, DocBin) stores the tags computed so far as a plain list."""
    if isinstance(obj, LazyPOS):
        return obj.tolist()
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("asem_lazy_pos", func=_encode_lazy_pos)


def prefetch_batch(docs: Sequence[Doc], dry_run: Callable[[Doc], object]) -> None:
    """Runs `dry_run` (the tag-reading part of a component) on every Doc with its tags
    recording, then tags all the tokens asked for with one model call."""
    requests = []
    for doc in docs:
        tags = pos_tags(doc)
        if isinstance(tags, LazyPOS):
            tags.asked = set()
            try:
                dry_run(doc)
            finally:
                asked, tags.asked = tags.asked, None
            requests.append((tags, asked))
    prefetch_many(requests)


def prefetch_many(requests: Sequence[tuple[LazyPOS, Iterable[int]]]) -> None:
    """Tags the tokens asked for in several Docs with one model call: a call costs ~2 ms
    whatever its size, as much as tagging fifty tokens."""
    jobs = [(lazy, lazy.windows(indices)) for lazy, indices in requests]
    jobs = [(lazy, ws) for lazy, ws in jobs if ws]
    if not jobs:
        return
    words: list[str] = []
    spaces: list[bool] = []
    ranges = []
    for lazy, ws in jobs:  # every window of every Doc, end to end
        for _s, _e, a, b in ws:
            ranges.append((len(words), len(words) + b - a))
            words += lazy.words[a:b]
            spaces += lazy.spaces[a:b]
    out = iter(jobs[0][0].tagger.tag(words, spaces, ranges))
    for lazy, ws in jobs:
        for s, e, a, _b in ws:
            lazy.fill((s, e), a, next(out))


def pos_tags(doc: Doc) -> Sequence[str]:
    """The POS tags of a Doc: lazy ones set by `asem_pos`, or the Doc's own (a pipeline
    that ran its tagger), read once."""
    tags = doc._.asem_pos
    if tags is None:
        tags = doc._.asem_pos = [t.pos_ for t in doc]
    return tags
