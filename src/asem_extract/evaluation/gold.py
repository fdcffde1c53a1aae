"""Gold files: loading and validation against ANNOTATION.md's format."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import LABELS, QUALIFIERS

ISO_PART = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:0[1-9]|1[0-2]|H[12]|Q[1-4]|SP|SU|FA|WI|W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?)"
                      r"(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
PUBLISHED = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True)
class GoldDocument:
    doc_id: str
    published: str | None
    entities: tuple[dict[str, Any], ...]


def load_gold_dir(gold_dir: str | Path) -> dict[str, GoldDocument]:
    out = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        ents = tuple(sorted(data.get("entities", []), key=lambda e: (e["start"], e["end"])))
        out[str(data.get("doc_id", path.stem))] = GoldDocument(str(data.get("doc_id", path.stem)), data.get("published"), ents)
    return out


def validate_gold_file(path: Path, raw: str | None) -> list[str]:
    """Problems of one gold file, each naming the entity; empty when valid."""
    problems: list[str] = []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [f"not valid JSON: {exc}"]
    if not isinstance(data, dict):
        return ["top level must be an object"]
    for key in ("doc_id", "published", "entities"):
        if key not in data:
            problems.append(f"missing key {key!r}")
    if problems:
        return problems
    if data["doc_id"] != path.stem:
        problems.append(f"doc_id {data['doc_id']!r} differs from file name {path.stem!r}")
    pub = data["published"]
    if pub is not None and not (isinstance(pub, str) and PUBLISHED.match(pub)):
        problems.append(f"published {pub!r} is not YYYY-MM or YYYY-MM-DD")
    if raw is not None:
        header = re.match(r"\A[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b", raw)
        if (header.group(1) if header else None) != pub:
            problems.append(f"published {pub!r} but the text header says {header.group(1) if header else None!r}")
    if not isinstance(data["entities"], list):
        return problems + ["entities must be a list"]
    spans = []
    for n, e in enumerate(data["entities"]):
        where = f"entity #{n}" + (f" {e.get('text')!r}" if isinstance(e, dict) else "")
        if not isinstance(e, dict):
            problems.append(f"{where}: not an object")
            continue
        problems += [f"{where}: {p}" for p in _entity_problems(e, raw)]
        if isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
            spans.append((e["start"], e["end"], where))
    spans.sort()
    reach, reach_where = -1, ""
    for s, e, where in spans:
        if s < reach:
            problems.append(f"{where}: overlaps {reach_where}")
        if e > reach:
            reach, reach_where = e, where
    if raw is not None:
        header = re.match(r"\A[ \t\ufeff]*date[ \t]+\d{4}-\d{2}(?:-\d{2})?\b", raw)
        for s, _, where in spans:
            if header and s < header.end():
                problems.append(f"{where}: inside the `date` header, which is metadata")
    return problems


def _entity_problems(e: dict[str, Any], raw: str | None) -> list[str]:
    out = []
    label = e.get("label")
    if label not in LABELS:
        return [f"unknown label {label!r}"]
    start, end, text = e.get("start"), e.get("end"), e.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        out.append(f"bad offsets {start!r}..{end!r}")
    elif raw is not None and raw[start:end] != text:
        out.append(f"text differs from raw[{start}:{end}] = {raw[start:end]!r}")
    if not isinstance(text, str) or not text or text != text.strip():
        out.append("text must be a non-empty string without surrounding spaces")
    if label in ("ORG", "PER") and not isinstance(e.get("canonical"), str):
        out.append("canonical must be a string")
    if label == "DATE":
        if "value" not in e:
            out.append("missing value")
        elif e["value"] is not None and not (isinstance(e["value"], str) and all(ISO_PART.match(p) for p in e["value"].split("/"))
                                             and e["value"].count("/") <= 1):
            out.append(f"value {e['value']!r} is not an ISO 8601 / TIMEX3 form")
    if label == "COUNT":
        v = e.get("value")
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            out.append(f"value {v!r} is not a number")
        if "unit" not in e or not (e["unit"] is None or isinstance(e["unit"], str)):
            out.append("unit must be a string or null")
        if e.get("qualifier") not in (None, *QUALIFIERS):
            out.append(f"qualifier {e.get('qualifier')!r} not in {QUALIFIERS}")
    return out


def validate_gold_dir(gold_dir: str | Path, corpus_dir: str | Path | None = None) -> dict[str, list[str]]:
    """File name -> its problems, for every gold file with problems."""
    out = {}
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        return {str(gold_dir): ["no gold files (*.json)"]}
    for path in files:
        raw = None
        if corpus_dir is not None:
            txt = Path(corpus_dir) / f"{path.stem}.txt"
            if not txt.is_file():
                out[path.name] = [f"no corpus text {txt}"]
                continue
            raw = txt.read_text(encoding="utf-8")
        problems = validate_gold_file(path, raw)
        if problems:
            out[path.name] = problems
    return out
