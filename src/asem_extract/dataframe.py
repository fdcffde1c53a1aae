"""Records as a pandas DataFrame: one row per entity."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from .records import DocumentRecord, entity_to_dict

COLUMNS = ["doc_id", "label", "text", "start", "end", "canonical", "kind", "code", "lat", "lon", "value", "unit", "qualifier"]


def to_dataframe(records: Iterable[DocumentRecord]) -> pd.DataFrame:
    rows = []
    for rec in records:
        for ent in rec.entities:
            row = {"doc_id": rec.doc_id}
            row.update(entity_to_dict(ent))
            if "value" in row and row["value"] is not None:
                row["value"] = str(row["value"]) if row["label"] == "DATE" else row["value"]
            rows.append(row)
    df = pd.DataFrame(rows, columns=COLUMNS)
    return df.astype({"start": "int64", "end": "int64"}) if len(df) else df
