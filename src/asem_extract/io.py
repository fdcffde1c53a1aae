"""Reading dumps (text files, directories, JSON Lines, stdin) and writing records."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator

from .decoding import decode_bytes
from .errors import InputError
from .extractor import InputDoc
from .records import DocumentRecord, ErrorInfo, entity_to_dict

CSV_COLUMNS = ["doc_id", "published", "label", "start", "end", "text", "canonical", "kind", "code", "lat", "lon", "value",
               "unit", "qualifier", "error_type", "error_message"]


def read_text_file(path: Path, doc_id: str) -> InputDoc:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputDoc(doc_id, None, error=ErrorInfo("ReadError", str(exc)))
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        return InputDoc(doc_id, None, error=ErrorInfo("BinaryInput", str(exc)))
    return InputDoc(doc_id, decoded.text, encoding=decoded.encoding, repairs=decoded.repairs)


def read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[InputDoc]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("a line must be a JSON object")
            doc_id = obj.get("doc_id", obj.get("id"))
            if doc_id is None:
                raise ValueError("missing 'id' or 'doc_id'")
            if not isinstance(obj.get("text"), str):
                raise ValueError("missing 'text' string")
            yield InputDoc(str(doc_id), obj["text"], obj.get("published"), encoding="utf-8")
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            yield InputDoc(f"{source}:{n}", None, error=ErrorInfo("InvalidJSONL", str(exc)))


def iter_inputs(paths: Iterable[str], stdin: IO[str] | None = None) -> Iterator[InputDoc]:
    """Documents from every PATH, in the order given (directories sorted)."""
    for p in paths:
        if p == "-":
            stream = stdin or sys.stdin
            raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            if isinstance(raw, bytes):
                try:
                    decoded = decode_bytes(raw)
                except InputError as exc:
                    yield InputDoc("stdin", None, error=ErrorInfo("BinaryInput", str(exc)))
                    continue
                content, encoding, repairs = decoded.text, decoded.encoding, decoded.repairs
            else:
                content, encoding, repairs = raw, None, ()
            if content.lstrip().startswith("{"):
                yield from read_jsonl_lines(content.splitlines(), "stdin")
            else:
                yield InputDoc("stdin", content, encoding=encoding, repairs=repairs)
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*.txt")):
                yield read_text_file(f, f.relative_to(path).with_suffix("").as_posix())
        elif path.suffix == ".jsonl":
            with path.open(encoding="utf-8", errors="replace") as fh:
                yield from read_jsonl_lines(fh, path.name)
        else:
            yield read_text_file(path, path.stem)


class RecordWriter:
    """Writes records as they come: JSON Lines and CSV stream; Parquet is written at close."""

    def __init__(self, out: IO[str] | str | Path, fmt: str = "jsonl", append: bool = False):
        self.fmt = fmt
        self._rows: list[dict] = []
        if fmt == "parquet":
            if not isinstance(out, (str, Path)):
                raise ValueError("parquet output needs a file path (-o)")
            self.path, self.fh = Path(out), None
        else:
            mode = "a" if append else "w"
            self.fh = open(out, mode, encoding="utf-8", newline="") if isinstance(out, (str, Path)) else out
            self._own = isinstance(out, (str, Path))
            if fmt == "csv":
                self._csv = csv.DictWriter(self.fh, fieldnames=CSV_COLUMNS)
                self._csv.writeheader()

    def write(self, rec: DocumentRecord) -> None:
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
        else:
            rows = entity_rows(rec)
            if self.fmt == "csv":
                self._csv.writerows(rows)
            else:
                self._rows.extend(rows)

    def flush(self) -> None:
        if self.fh is not None:
            self.fh.flush()

    def close(self) -> None:
        if self.fmt == "parquet":
            import pandas as pd

            df = pd.DataFrame(self._rows, columns=CSV_COLUMNS)
            df["value"] = df["value"].map(lambda v: None if v is None else str(v))
            df.to_parquet(self.path, index=False)
        elif self._own:
            self.fh.close()
        else:
            self.fh.flush()


def entity_rows(rec: DocumentRecord) -> list[dict]:
    """One row per entity; a document with no entity (or an error) still gets one row."""
    base = {"doc_id": rec.doc_id, "published": rec.published,
            "error_type": rec.error.type if rec.error else None, "error_message": rec.error.message if rec.error else None}
    if not rec.entities:
        return [dict(base)]
    return [{**base, **entity_to_dict(e)} for e in rec.entities]
