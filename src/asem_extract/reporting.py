"""Summaries of an extraction run for people who would rather look than read:
entity counts, most mentioned organisations/people/places, a timeline of dates, errors.
`html_report` renders them as one self-contained HTML page (inline SVG, no network)."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .records import LABELS, DocumentRecord

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})")


@dataclass
class RunSummary:
    documents: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # doc_id, type, message
    labels: Counter = field(default_factory=Counter)
    top: dict[str, Counter] = field(default_factory=lambda: {"ORG": Counter(), "PER": Counter(), "LOC": Counter()})
    months: Counter = field(default_factory=Counter)  # "YYYY-MM" of dates precise to the month or day
    years: Counter = field(default_factory=Counter)
    totals_by_unit: Counter = field(default_factory=Counter)


def summarize(records: Iterable[DocumentRecord | dict]) -> RunSummary:
    s = RunSummary()
    for rec in records:
        rec = rec if isinstance(rec, DocumentRecord) else DocumentRecord.from_dict(rec)
        s.documents += 1
        if rec.error is not None:
            s.errors.append((rec.doc_id, rec.error.type, rec.error.message))
        for e in rec.entities:
            s.labels[e.label] += 1
            if e.label in ("ORG", "PER"):
                s.top[e.label][e.canonical] += 1
            elif e.label == "LOC":
                s.top["LOC"][e.text] += 1
            elif e.label == "DATE" and e.value:
                start = e.value.split("/")[0]
                m = MONTH_RE.match(start)
                if m:
                    s.months[f"{m.group(1)}-{m.group(2)}"] += 1
                if start[:4].isdigit():
                    s.years[start[:4]] += 1
            elif e.label == "COUNT" and e.unit:
                s.totals_by_unit[e.unit] += e.value
    return s


def bar_chart_svg(items: list[tuple[str, float]], width: int = 560, bar: int = 16, color: str = "#4c72b0") -> str:
    """A horizontal bar chart as inline SVG."""
    if not items:
        return "<p><i>nothing to show</i></p>"
    top = max(v for _, v in items) or 1
    label_w = 220
    rows = []
    for i, (label, value) in enumerate(items):
        y = i * (bar + 4)
        w = (width - label_w - 60) * value / top
        rows.append(f'<text x="{label_w - 6}" y="{y + bar - 4}" font-size="12" text-anchor="end">{html.escape(label[:34])}</text>'
                    f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar}" fill="{color}"/>'
                    f'<text x="{label_w + w + 4:.1f}" y="{y + bar - 4}" font-size="11">{value:g}</text>')
    height = len(items) * (bar + 4)
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">{"".join(rows)}</svg>'


def timeline_svg(counts: Counter, width: int = 760, height: int = 180) -> str:
    """Mentions per year as inline SVG columns."""
    if not counts:
        return "<p><i>no resolved dates</i></p>"
    years = sorted(counts)
    lo, hi = int(years[0]), int(years[-1])
    span = list(range(lo, hi + 1))
    top = max(counts.values())
    col = max(2.0, (width - 40) / len(span))
    parts = []
    for i, y in enumerate(span):
        v = counts.get(str(y), 0)
        h = (height - 40) * v / top
        x = 30 + i * col
        parts.append(f'<rect x="{x:.1f}" y="{height - 20 - h:.1f}" width="{col * 0.8:.1f}" height="{h:.1f}" fill="#dd8452">'
                     f"<title>{y}: {v}</title></rect>")
        if len(span) <= 30 or y % 5 == 0:
            parts.append(f'<text x="{x:.1f}" y="{height - 5}" font-size="10">{y}</text>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">{"".join(parts)}</svg>'


def html_report(summary: RunSummary, title: str = "asem-extract run") -> str:
    counts = "".join(f"<tr><td>{label}</td><td>{summary.labels[label]}</td></tr>" for label in LABELS)
    tops = "".join(f"<h3>{name}</h3>{bar_chart_svg(summary.top[label].most_common(15))}"
                   for label, name in (("ORG", "Organisations (canonical names)"), ("PER", "People (fullest names)"),
                                       ("LOC", "Places")))
    units = bar_chart_svg([(u, round(v, 2)) for u, v in summary.totals_by_unit.most_common(12)], color="#55a868")
    errors = "".join(f"<tr><td>{html.escape(d)}</td><td>{html.escape(t)}</td><td>{html.escape(m)}</td></tr>"
                     for d, t, m in summary.errors) or "<tr><td colspan='3'>none</td></tr>"
    style = ("body{font-family:system-ui,sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.3em .6em}")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title><style>{style}</style>"
            f"</head><body><h1>{html.escape(title)}</h1><p>{summary.documents} documents, "
            f"{len(summary.errors)} with errors, {sum(summary.labels.values())} entities.</p>"
            f"<h2>Entities per label</h2><table><tr><th>label</th><th>entities</th></tr>{counts}</table>"
            f"<h2>Most mentioned</h2>{tops}<h2>Dates per year</h2>{timeline_svg(summary.years)}"
            f"<h2>Totals of counts by unit</h2>{units}"
            f"<h2>Documents with errors</h2><table><tr><th>document</th><th>error</th><th>message</th></tr>{errors}</table>"
            f"</body></html>")
