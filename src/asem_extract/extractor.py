"""The library API: `Extractor` turns raw dispatches into `DocumentRecord`s."""

from __future__ import annotations

import gc

import multiprocessing as mp
from collections import deque
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .document import AGENCIES, normalise_published, parse_layout
from .extensions import register_extensions
from .records import (Count, DateMention, DocumentRecord, Entity, ErrorInfo, Organisation, Person, Place)

# spaCy's limit is 1,000,000 characters; pieces of 100,000 keep memory flat on huge dispatches.
CHUNK_CHARS = 100_000
# documents per forward pass of the model: the tok2vec activations of 64 dispatches cost ~300 MB,
# of 8 about 70 MB, at the same speed (measured on corpus/)
MODEL_BATCH = 8


@dataclass(frozen=True)
class InputDoc:
    """One document to process; `error` is set when it could not even be read."""

    doc_id: str
    text: str | None
    published: str | None = None
    error: ErrorInfo | None = None
    encoding: str | None = None
    repairs: tuple[str, ...] = ()


def as_input(item: Any, index: int) -> InputDoc:
    """Accepts a str, a (doc_id, text) pair, a dict with `text` and `doc_id`/`id`, or an InputDoc."""
    if isinstance(item, InputDoc):
        return item
    if isinstance(item, str):
        return InputDoc(str(index), item)
    if isinstance(item, tuple) and len(item) in (2, 3):
        return InputDoc(str(item[0]), item[1], item[2] if len(item) == 3 else None)
    if isinstance(item, dict):
        doc_id = item.get("doc_id", item.get("id", index))
        return InputDoc(str(doc_id), item.get("text"), item.get("published"))
    return InputDoc(str(index), None, error=ErrorInfo("InvalidInput", f"unsupported item type {type(item).__name__}"))



class Extractor:
    """Loads the pipeline once; extracts one document or streams many, in order."""

    def __init__(self, nlp: Language | None = None, model: str | None = None, resource_dir: str | None = None):
        if nlp is None:
            from .pipeline import MODEL, build_pipeline

            nlp = build_pipeline(model or MODEL, resource_dir=resource_dir)
        register_extensions()  # a pipeline of the caller's may lack the components that do it
        self.nlp = nlp
        self._model = model
        self._resource_dir = resource_dir
        self.chunk_chars = CHUNK_CHARS

    def extract(self, text: str, doc_id: str = "doc", published: str | None = None) -> DocumentRecord:
        return next(self._process([InputDoc(doc_id, text, published)]))

    def extract_many(self, items: Iterable[Any], batch_size: int = 64, n_process: int = 1) -> Iterator[DocumentRecord]:
        """Stream records in input order; one record per item, errors included."""
        inputs = (as_input(item, i) for i, item in enumerate(items))
        if n_process <= 1:
            while batch := list(islice(inputs, batch_size)):
                yield from self._process(batch)
            return
        fork = "fork" in mp.get_all_start_methods()
        ctx = mp.get_context("fork" if fork else "spawn")
        # forked workers inherit this very pipeline (copy-on-write): no second load, same components
        _WORKER["parent"] = self if fork else None
        with ctx.Pool(n_process, initializer=_init_worker, initargs=(self._model, self._resource_dir)) as pool:
            # a bounded window of batches in flight: Pool.imap would read the whole input ahead
            pending: deque = deque()
            while True:
                while len(pending) < 2 * n_process:
                    batch = list(islice(inputs, batch_size))
                    if not batch:
                        break
                    pending.append(pool.apply_async(_worker_process, (batch,)))
                if not pending:
                    break
                yield from pending.popleft().get()

    # -- internals ---------------------------------------------------------------------
    def _process(self, batch: list[InputDoc]) -> Iterator[DocumentRecord]:
        """One record per item; a long document is cut into chunks whose entities are shifted back."""
        planned: list[list[Doc] | DocumentRecord] = [self._make_docs(item) for item in batch]
        ready = [d for docs in planned if not isinstance(docs, DocumentRecord) for d in docs]
        try:
            done = iter(list(self.nlp.pipe(ready, batch_size=MODEL_BATCH)))
        except Exception:  # one bad document must not sink the batch: redo one by one
            done = iter([self._safe(d) for d in ready])
        for item, docs in zip(batch, planned):
            if isinstance(docs, DocumentRecord):
                yield docs
                continue
            results = [next(done) for _ in docs]
            failed = next((r for r in results if isinstance(r, DocumentRecord)), None)
            if failed is not None:
                yield replace(failed, doc_id=item.doc_id, encoding=item.encoding, repairs=item.repairs)
                continue
            yield merge_chunks(results, item)

    def _safe(self, doc: Doc) -> Doc | DocumentRecord:
        try:
            return self.nlp(doc)
        except Exception as exc:  # reported in the record, never raised
            return DocumentRecord("?", published=doc._.asem_published, error=ErrorInfo(type(exc).__name__, str(exc)))

    def _make_docs(self, item: InputDoc) -> list[Doc] | DocumentRecord:
        if item.error is not None:
            return DocumentRecord(item.doc_id, encoding=item.encoding, repairs=item.repairs, error=item.error)
        if not isinstance(item.text, str):
            return DocumentRecord(item.doc_id, error=ErrorInfo("InvalidInput", "document has no text"))
        try:
            published = normalise_published(item.published)
        except ValueError as exc:
            return DocumentRecord(item.doc_id, error=ErrorInfo("InvalidPublished", str(exc)))
        if len(item.text) > self.chunk_chars:
            # the header of the whole document anchors the dates of every chunk
            published = parse_layout(item.text[:200], published).published
        docs = []
        for offset, chunk in split_text(item.text, self.chunk_chars):
            doc = self.nlp.make_doc(chunk)
            doc._.asem_published = published
            doc.user_data["asem_offset"] = offset
            docs.append(doc)
        return docs


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut `text` into pieces of at most `limit` characters, at a paragraph break, else a line
    break, else a space, so that no entity is cut; offsets say where each piece starts."""
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start + limit // 2:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = start + limit // 2 + cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def merge_chunks(docs: list[Doc], item: InputDoc) -> DocumentRecord:
    """Records of consecutive chunks as one: layout from the first chunk, agency from the last."""
    records = [doc_to_record(doc, item.doc_id) for doc in docs]
    first = records[0]
    entities: list[Entity] = []
    for doc, record in zip(docs, records):
        offset = doc.user_data.get("asem_offset", 0)
        entities += [replace(e, start=e.start + offset, end=e.end + offset) for e in record.entities] \
            if offset else record.entities
    agency = records[-1].agency or first.agency
    return replace(first, agency=agency, encoding=item.encoding, repairs=item.repairs, entities=tuple(entities))


def doc_to_record(doc: Doc, doc_id: str) -> DocumentRecord:
    layout = doc._.asem_layout or {}
    agency = next((p[2] for p in layout.get("signature") or [] if p[2] in AGENCIES), None)
    if agency is None and layout.get("dateline_agency"):
        agency = layout["dateline_agency"][2]
    dateline = layout.get("dateline")
    return DocumentRecord(
        doc_id=doc_id,
        published=doc._.asem_published,
        title=layout.get("title"),
        dateline=dateline[2] if dateline else None,
        agency=agency,
        entities=tuple(span_to_entity(s) for s in doc.ents if s.label_ in ("ORG", "PER", "LOC", "DATE", "COUNT")),
    )


def span_to_entity(span) -> Entity:
    label, text, start, end = span.label_, span.text, span.start_char, span.end_char
    if label == "ORG":
        return Organisation(text, start, end, span._.asem_canonical or text)
    if label == "PER":
        return Person(text, start, end, span._.asem_canonical or text)
    if label == "LOC":
        return Place(text, start, end, span._.asem_kind, span._.asem_code, span._.asem_lat, span._.asem_lon)
    if label == "DATE":
        return DateMention(text, start, end, span._.asem_value)
    return Count(text, start, end, span._.asem_value, span._.asem_unit, span._.asem_qualifier)


def freeze_loaded_objects() -> None:
    """Puts everything allocated so far (model, gazetteers, caches: ~170k objects) out of
    the garbage collector's reach: its full passes stop rescanning them (6 % of the
    extraction time on corpus/) and forked workers leave their pages shared. For processes
    that load one pipeline and use it to the end: the command line, workers, benchmarks."""
    gc.freeze()


# -- worker processes (one pipeline per process) ------------------------------------------
_WORKER: dict[str, Extractor | None] = {}


def _init_worker(model: str | None, resource_dir: str | None) -> None:
    parent = _WORKER.get("parent")
    _WORKER["extractor"] = parent if parent is not None else Extractor(model=model, resource_dir=resource_dir)
    freeze_loaded_objects()


def _worker_process(batch: list[InputDoc]) -> list[DocumentRecord]:
    return list(_WORKER["extractor"]._process(batch))
