"""Strict and lenient matching, P/R/F1 and normalisation accuracy, as ANNOTATION.md defines them.

Matching is one-to-one and deterministic: gold entities in text order, each takes the
first unused prediction of its label (ordered by start, then end) that matches it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..records import LABELS, DocumentRecord, entity_to_dict
from ..text import fold
from .gold import GoldDocument

NORMALISED_FIELDS = (("DATE", "value"), ("COUNT", "value"), ("COUNT", "unit"), ("ORG", "canonical"), ("PER", "canonical"))


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass(frozen=True)
class ErrorCase:
    kind: str  # "FP", "FN" or "VALUE"
    doc_id: str
    label: str
    start: int
    end: int
    text: str
    detail: str = ""


@dataclass
class Scores:
    strict: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in (*LABELS, "micro")})
    lenient: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in (*LABELS, "micro")})
    normalization: dict[str, Accuracy] = field(
        default_factory=lambda: {f"{label}.{name}": Accuracy() for label, name in NORMALISED_FIELDS})
    errors: list[ErrorCase] = field(default_factory=list)
    documents: int = 0
    missing: list[str] = field(default_factory=list)  # gold documents without predictions
    unscored: list[str] = field(default_factory=list)  # predictions without gold

    def as_dict(self) -> dict[str, Any]:
        return {
            "strict": {k: v.as_dict() for k, v in self.strict.items()},
            "lenient": {k: v.as_dict() for k, v in self.lenient.items()},
            "normalization": {k: v.as_dict() for k, v in self.normalization.items()},
        }


def match(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs."""
    order = sorted(range(len(pred)), key=lambda j: (pred[j]["start"], pred[j]["end"]))
    used: set[int] = set()
    pairs = []
    for i in sorted(range(len(gold)), key=lambda i: (gold[i]["start"], gold[i]["end"])):
        g = gold[i]
        for j in order:
            if j in used or pred[j]["label"] != g["label"]:
                continue
            p = pred[j]
            ok = (p["start"] == g["start"] and p["end"] == g["end"]) if strict else (
                p["start"] < g["end"] and g["start"] < p["end"])
            if ok:
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def same_value(label: str, name: str, gold: Any, pred: Any) -> bool:
    if name == "value" and label == "COUNT":
        return isinstance(pred, (int, float)) and not isinstance(pred, bool) and isinstance(gold, (int, float)) \
            and math.isclose(float(gold), float(pred), rel_tol=1e-9, abs_tol=1e-9)
    if name == "unit":
        return _unit_key(gold) == _unit_key(pred)
    if name == "canonical":
        return gold is not None and pred is not None and fold(str(gold)).replace(" ", "") == fold(str(pred)).replace(" ", "")
    return gold == pred


def _unit_key(unit: Any) -> str | None:
    """Case and plural folding: `Délégations` = `délégation`, `journaux` = `journal`, `USD` = `usd`."""
    if unit is None:
        return None
    u = str(unit).strip().lower()
    if len(u) <= 2:
        return u
    for plural, singular in (("eaux", "eau"), ("eux", "eu"), ("aux", "al"), ("oux", "ou")):
        if u.endswith(plural):
            return u[: -len(plural)] + singular
    return u[:-1] if u[-1] in "sx" else u


def score(gold_docs: Mapping[str, GoldDocument], records: Iterable[DocumentRecord | dict], texts: Mapping[str, str] | None = None,
          ) -> Scores:
    preds: dict[str, list[dict]] = {}
    for rec in records:
        if isinstance(rec, DocumentRecord):
            preds[rec.doc_id] = [entity_to_dict(e) for e in rec.entities]
        else:
            preds[str(rec["doc_id"])] = list(rec.get("entities") or [])
    s = Scores()
    s.unscored = sorted(set(preds) - set(gold_docs))
    for doc_id in sorted(gold_docs):
        gold = list(gold_docs[doc_id].entities)
        if doc_id not in preds:
            s.missing.append(doc_id)
        pred = [p for p in preds.get(doc_id, []) if p.get("label") in LABELS]
        s.documents += 1
        for mode, table in (("strict", s.strict), ("lenient", s.lenient)):
            pairs = match(gold, pred, strict=mode == "strict")
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for label in LABELS:
                table[label].tp += sum(1 for i, _ in pairs if gold[i]["label"] == label)
                table[label].fn += sum(1 for i, g in enumerate(gold) if g["label"] == label and i not in matched_g)
                table[label].fp += sum(1 for j, p in enumerate(pred) if p["label"] == label and j not in matched_p)
            if mode == "strict":
                s.errors += [ErrorCase("FN", doc_id, g["label"], g["start"], g["end"], g["text"])
                             for i, g in enumerate(gold) if i not in matched_g]
                s.errors += [ErrorCase("FP", doc_id, p["label"], p["start"], p["end"], p.get("text", ""))
                             for j, p in enumerate(pred) if j not in matched_p]
                for i, j in pairs:
                    g, p = gold[i], pred[j]
                    for label, name in NORMALISED_FIELDS:
                        if g["label"] != label or name not in g:
                            continue
                        acc = s.normalization[f"{label}.{name}"]
                        acc.total += 1
                        if same_value(label, name, g[name], p.get(name)):
                            acc.correct += 1
                        else:
                            s.errors.append(ErrorCase("VALUE", doc_id, label, g["start"], g["end"], g["text"],
                                                      f"{name}: gold {g[name]!r}, predicted {p.get(name)!r}"))
    for table in (s.strict, s.lenient):
        for label in LABELS:
            table["micro"].tp += table[label].tp
            table["micro"].fp += table[label].fp
            table["micro"].fn += table[label].fn
    s.errors.sort(key=lambda e: (e.doc_id, e.start, e.end, e.kind))
    return s
