"""Plain-text rendering of scores for the terminal."""

from __future__ import annotations

from typing import Mapping

from ..records import LABELS
from .scoring import Scores


def format_scores(scores: Scores, texts: Mapping[str, str] | None = None, n_errors: int = 20) -> str:
    lines = [f"documents scored: {scores.documents}"]
    if scores.missing:
        lines.append(f"gold documents without predictions (all false negatives): {len(scores.missing)}")
    if scores.unscored:
        lines.append(f"predicted documents without gold (not scored): {len(scores.unscored)}")
    lines.append("")
    lines.append(f"{'label':<7} {'strict P':>8} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}")
    for label in (*LABELS, "micro"):
        s, l = scores.strict[label], scores.lenient[label]
        lines.append(f"{label:<7} {s.precision:>8.3f} {s.recall:>6.3f} {s.f1:>6.3f}   {l.precision:>9.3f} {l.recall:>6.3f} "
                     f"{l.f1:>6.3f}   {s.tp + s.fn:>5} {s.tp + s.fp:>5}")
    lines.append("")
    lines.append("normalisation (on strict matches):")
    for name, acc in scores.normalization.items():
        lines.append(f"  {name:<16} {acc.accuracy:.3f}  ({acc.correct}/{acc.total})")
    if n_errors and scores.errors:
        lines.append("")
        lines.append(f"first {min(n_errors, len(scores.errors))} of {len(scores.errors)} errors:")
        for e in scores.errors[:n_errors]:
            ctx = ""
            if texts and e.doc_id in texts:
                raw = texts[e.doc_id]
                ctx = " | " + (raw[max(0, e.start - 30):e.start] + "[" + raw[e.start:e.end] + "]" + raw[e.end:e.end + 30]).replace("\n", " ")
            detail = f" ({e.detail})" if e.detail else ""
            lines.append(f"  {e.kind:<5} {e.label:<5} {e.doc_id}:{e.start}-{e.end} {e.text!r}{detail}{ctx}")
    return "\n".join(lines)
