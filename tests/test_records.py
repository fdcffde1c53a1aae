"""The JSON Lines record schema (a contract documented in the README)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from asem_extract.records import (Count, DateMention, DocumentRecord, ErrorInfo, Organisation, Person, Place,
                                  entity_from_dict, entity_to_dict)


def test_records_are_frozen():
    org = Organisation("OMD", 0, 3, "Organisation mondiale des douanes")
    with pytest.raises(dataclasses.FrozenInstanceError):
        org.text = "x"  # type: ignore[misc]


def test_json_schema_keys_and_order():
    rec = DocumentRecord("d", "2019-10", "Titre", "Hanoï", "VNA", entities=(
        Organisation("OMD", 0, 3, "Organisation mondiale des douanes"), Person("Loi", 5, 8, "Nguyên Duc Loi"),
        Place("Hanoï", 10, 15, "city"), DateMention("2017", 20, 24, "2017"), Count("53 pays", 30, 37, 53, "pays", None)))
    d = rec.to_dict()
    assert list(d) == ["doc_id", "published", "title", "dateline", "agency", "encoding", "repairs", "entities", "error"]
    assert [list(e)[:4] for e in d["entities"]] == [["label", "start", "end", "text"]] * 5
    assert d["entities"][0]["canonical"] == "Organisation mondiale des douanes"
    assert d["entities"][2]["kind"] == "city"
    assert list(d["entities"][2]) == ["label", "start", "end", "text", "kind", "code", "lat", "lon"]
    assert d["entities"][4] == {"label": "COUNT", "start": 30, "end": 37, "text": "53 pays", "value": 53, "unit": "pays",
                                "qualifier": None}
    assert d["error"] is None
    assert DocumentRecord.from_dict(json.loads(json.dumps(d))) == rec


def test_error_record_shape():
    rec = DocumentRecord("bad", error=ErrorInfo("DecodeError", "not UTF-8"))
    assert rec.to_dict()["error"] == {"type": "DecodeError", "message": "not UTF-8"}
    assert rec.to_dict()["entities"] == []


def test_entity_roundtrip_and_unknown_label():
    c = Count("plus de 200", 0, 11, 200, None, ">")
    assert entity_from_dict(entity_to_dict(c)) == c
    with pytest.raises(ValueError):
        entity_from_dict({"label": "MISC", "start": 0, "end": 1, "text": "x"})
