"""A self-contained HTML evaluation report: score tables, a bar chart per label, and every
document with gold and predicted spans side by side (rendered offline by displaCy)."""

from __future__ import annotations

import html
from typing import Mapping

from spacy import displacy

from ..records import LABELS
from .gold import GoldDocument
from .scoring import Scores

COLORS = {"ORG": "#7aecec", "PER": "#aa9cfc", "LOC": "#feca74", "DATE": "#bfe1d9", "COUNT": "#e4e7d2"}
STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.pair>div{border:1px solid #ddd;padding:.5em;overflow-wrap:anywhere}h3{margin-top:2em}.bad{color:#b00}
"""


def _bar_chart(scores: Scores) -> str:
    """Strict and lenient F1 per label as an inline SVG bar chart."""
    width, bar, gap = 520, 14, 10
    rows = []
    y = 20
    for label in (*LABELS, "micro"):
        for k, (mode, table, color) in enumerate((("strict", scores.strict, "#4c72b0"), ("lenient", scores.lenient, "#dd8452"))):
            f1 = table[label].f1
            rows.append(f'<rect x="80" y="{y + k * bar}" width="{f1 * (width - 140):.1f}" height="{bar - 2}" fill="{color}"/>'
                        f'<text x="{85 + f1 * (width - 140):.1f}" y="{y + k * bar + 11}" font-size="11">{f1:.3f}</text>')
        rows.append(f'<text x="0" y="{y + bar + 4}" font-size="13">{label}</text>')
        y += 2 * bar + gap
    legend = ('<rect x="80" y="0" width="12" height="12" fill="#4c72b0"/><text x="96" y="11" font-size="12">strict F1</text>'
              '<rect x="170" y="0" width="12" height="12" fill="#dd8452"/><text x="186" y="11" font-size="12">lenient F1</text>')
    return f'<svg width="{width}" height="{y + 10}" xmlns="http://www.w3.org/2000/svg">{legend}{"".join(rows)}</svg>'


def _table(scores: Scores) -> str:
    head = "<tr><th>label</th>" + "".join(f"<th>{m} {k}</th>" for m in ("strict", "lenient")
                                           for k in ("P", "R", "F1")) + "<th>tp</th><th>fp</th><th>fn</th></tr>"
    body = []
    for label in (*LABELS, "micro"):
        s, l = scores.strict[label], scores.lenient[label]
        cells = [f"{x:.3f}" for x in (s.precision, s.recall, s.f1, l.precision, l.recall, l.f1)] + [str(s.tp), str(s.fp), str(s.fn)]
        body.append(f"<tr><td>{label}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    norm = "".join(f"<tr><td>{html.escape(k)}</td><td>{v.accuracy:.3f}</td><td>{v.correct}/{v.total}</td></tr>"
                   for k, v in scores.normalization.items())
    return (f"<table>{head}{''.join(body)}</table><h2>Normalisation accuracy</h2>"
            f"<table><tr><th>field</th><th>accuracy</th><th>correct/total</th></tr>{norm}</table>")


def _render(text: str, ents: list[dict]) -> str:
    spans = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in sorted(ents, key=lambda e: e["start"])]
    return displacy.render({"text": text, "ents": spans, "title": None}, style="ent", manual=True, page=False,
                           options={"colors": COLORS})


def html_report(scores: Scores, gold: Mapping[str, GoldDocument], predictions: Mapping[str, list[dict]],
                texts: Mapping[str, str], title: str = "asem-extract evaluation") -> str:
    docs = []
    for doc_id in sorted(gold):
        if doc_id not in texts:
            continue
        n_err = sum(1 for e in scores.errors if e.doc_id == doc_id)
        docs.append(f'<h3 id="{html.escape(doc_id)}">{html.escape(doc_id)} <span class="bad">{n_err} errors</span></h3>'
                    f'<div class="pair"><div><b>gold</b>{_render(texts[doc_id], list(gold[doc_id].entities))}</div>'
                    f'<div><b>predicted</b>{_render(texts[doc_id], predictions.get(doc_id, []))}</div></div>')
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title><style>{STYLE}</style>"
            f"</head><body><h1>{html.escape(title)}</h1><p>{scores.documents} documents scored.</p>"
            f"<h2>Scores</h2>{_table(scores)}<h2>F1 per label</h2>{_bar_chart(scores)}<h2>Documents</h2>{''.join(docs)}"
            f"</body></html>")
