"""Typed output records and their JSON form (the JSON Lines schema in the README).

One frozen dataclass per label; `DocumentRecord` holds one document's result. The
dict form is the public contract: `to_dict` and `entity_from_dict` are its only
writers and readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Union

LABELS = ("ORG", "PER", "LOC", "DATE", "COUNT")
QUALIFIERS = (">", "<", ">=", "<=", "~")


@dataclass(frozen=True)
class Organisation:
    text: str
    start: int
    end: int
    canonical: str
    label: str = field(default="ORG", init=False)


@dataclass(frozen=True)
class Person:
    text: str
    start: int
    end: int
    canonical: str
    label: str = field(default="PER", init=False)


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    kind: str | None = None  # country, province, city, region, continent, feature
    code: str | None = None  # ISO 3166-1 alpha-2 (country; a city's country) or ISO 3166-2 (Vietnamese province)
    lat: float | None = None  # coordinates of cities, from geonames
    lon: float | None = None
    label: str = field(default="LOC", init=False)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str | None  # ISO 8601 / TIMEX3, `start/end` for ranges, null when unresolvable
    label: str = field(default="DATE", init=False)


@dataclass(frozen=True)
class Count:
    text: str
    start: int
    end: int
    value: float | int
    unit: str | None
    qualifier: str | None
    label: str = field(default="COUNT", init=False)


Entity = Union[Organisation, Person, Place, DateMention, Count]
ENTITY_TYPES: dict[str, type] = {"ORG": Organisation, "PER": Person, "LOC": Place, "DATE": DateMention, "COUNT": Count}


@dataclass(frozen=True)
class ErrorInfo:
    type: str
    message: str


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    published: str | None = None
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    encoding: str | None = None  # how the input bytes were decoded (null for text given as str)
    repairs: tuple[str, ...] = ()  # what was repaired before extraction: invalid-bytes, html, mojibake
    entities: tuple[Entity, ...] = ()
    error: ErrorInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "published": self.published,
            "title": self.title,
            "dateline": self.dateline,
            "agency": self.agency,
            "encoding": self.encoding,
            "repairs": list(self.repairs),
            "entities": [entity_to_dict(e) for e in self.entities],
            "error": None if self.error is None else {"type": self.error.type, "message": self.error.message},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocumentRecord":
        err = data.get("error")
        return cls(
            doc_id=str(data["doc_id"]),
            published=data.get("published"),
            title=data.get("title"),
            dateline=data.get("dateline"),
            agency=data.get("agency"),
            encoding=data.get("encoding"),
            repairs=tuple(data.get("repairs") or ()),
            entities=tuple(entity_from_dict(e) for e in data.get("entities") or ()),
            error=None if not err else ErrorInfo(str(err.get("type")), str(err.get("message"))),
        )


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    """`label, start, end, text` first, then the label's fields, in declaration order."""
    out: dict[str, Any] = {"label": entity.label, "start": entity.start, "end": entity.end, "text": entity.text}
    for f in fields(entity):
        if f.name not in out:
            out[f.name] = getattr(entity, f.name)
    return out


def entity_from_dict(data: dict[str, Any]) -> Entity:
    label = data.get("label")
    cls = ENTITY_TYPES.get(label)  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(f"unknown entity label {label!r}")
    kwargs = {f.name: data.get(f.name) for f in fields(cls) if f.init}
    if label in ("ORG", "PER") and kwargs.get("canonical") is None:
        kwargs["canonical"] = data.get("text")
    return cls(**kwargs)
