"""Scores as pandas DataFrames for the library API and notebooks."""

from __future__ import annotations

import pandas as pd

from .scoring import Scores


def scores_to_frames(scores: Scores) -> dict[str, pd.DataFrame]:
    rows = []
    for mode, table in (("strict", scores.strict), ("lenient", scores.lenient)):
        for label, prf in table.items():
            rows.append({"mode": mode, "label": label, **prf.as_dict()})
    norm = [{"field": k, **v.as_dict()} for k, v in scores.normalization.items()]
    errors = [e.__dict__ for e in scores.errors]
    return {
        "scores": pd.DataFrame(rows),
        "normalization": pd.DataFrame(norm),
        "errors": pd.DataFrame(errors, columns=["kind", "doc_id", "label", "start", "end", "text", "detail"]),
    }
