"""Unit tests for asem_extract.evaluation.gold: gold-file validation against ANNOTATION.md's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asem_extract.evaluation.gold import load_gold_dir, validate_gold_dir, validate_gold_file

RAW = " date 2019-10\nL'Organisation mondiale des douanes (OMD) réunit 53 délégations à Hanoï en 2019.\n-VNA"


def span(text: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = RAW.index(text, pos + 1)
    return pos, pos + len(text)


def ent(label: str, text: str, nth: int = 0, **fields) -> dict:
    start, end = span(text, nth)
    return {"start": start, "end": end, "label": label, "text": text, **fields}


def valid_entities() -> list[dict]:
    return [
        ent("ORG", "Organisation mondiale des douanes", canonical="Organisation mondiale des douanes"),
        ent("ORG", "OMD", canonical="Organisation mondiale des douanes"),
        ent("COUNT", "53 délégations", value=53, unit="délégation", qualifier=None),
        ent("LOC", "Hanoï"),
        ent("DATE", "2019", 1, value="2019"),  # the body's 2019, not the header's
        ent("ORG", "VNA", canonical="Agence vietnamienne d'information"),
    ]


def write(tmp_path: Path, doc_id: str = "asem-test", entities: list[dict] | None = None,
          published: str | None = "2019-10", raw: str | None = RAW, **extra) -> Path:
    gold_dir = tmp_path / "gold"
    corpus_dir = tmp_path / "corpus"
    gold_dir.mkdir(exist_ok=True)
    corpus_dir.mkdir(exist_ok=True)
    data = {"doc_id": doc_id, "published": published,
            "entities": valid_entities() if entities is None else entities, **extra}
    path = gold_dir / f"{doc_id}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if raw is not None:
        (corpus_dir / f"{doc_id}.txt").write_text(raw, encoding="utf-8")
    return path


def test_valid_file_passes(tmp_path):
    path = write(tmp_path)
    assert validate_gold_file(path, RAW) == []
    assert validate_gold_file(path, None) == []
    assert validate_gold_dir(tmp_path / "gold", tmp_path / "corpus") == {}


def test_valid_file_without_header(tmp_path):
    raw = "Le 3 juin, 53 délégations."
    path = write(tmp_path, published=None, raw=raw,
                 entities=[{"start": 3, "end": 9, "label": "DATE", "text": "3 juin", "value": "XXXX-06-03"},
                           {"start": 11, "end": 25, "label": "COUNT", "text": "53 délégations", "value": 53,
                            "unit": "délégation", "qualifier": None}])
    assert validate_gold_file(path, raw) == []


def only_problem(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


def test_text_differs_from_raw(tmp_path):
    ents = valid_entities()
    ents[3]["text"] = "Hanoi"  # raw has `Hanoï`
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #3 'Hanoi'" in problem
    assert "text differs" in problem


def test_offsets_off_by_one(tmp_path):
    ents = valid_entities()
    ents[2]["start"] += 1  # `3 délégations` != `53 délégations`
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #2 '53 délégations'" in problem
    assert "text differs" in problem


def test_overlapping_spans(tmp_path):
    ents = valid_entities()
    ents.append(ent("LOC", "Hanoï en 2019"))  # overlaps LOC `Hanoï` and DATE `2019`
    problems = validate_gold_file(write(tmp_path, entities=ents), RAW)
    assert problems
    assert all("overlaps" in p for p in problems)
    assert any("'Hanoï en 2019'" in p for p in problems)


def test_nested_spans(tmp_path):
    ents = [ent("ORG", "Organisation mondiale des douanes", canonical="x"), ent("LOC", "douanes")]
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "overlaps" in problem
    assert "'douanes'" in problem and "'Organisation mondiale des douanes'" in problem


def test_every_overlap_is_reported(tmp_path):
    # `douanes` overlaps the long name, not its neighbour `mondiale`: it must be reported too
    ents = [ent("ORG", "Organisation mondiale des douanes", canonical="x"),
            ent("ORG", "mondiale", canonical="x"), ent("ORG", "douanes", canonical="x")]
    problems = validate_gold_file(write(tmp_path, entities=ents), RAW)
    assert any("'mondiale'" in p for p in problems)
    assert any("'douanes'" in p for p in problems)


def test_unknown_label(tmp_path):
    ents = valid_entities()
    ents[3]["label"] = "GPE"
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #3 'Hanoï'" in problem
    assert "unknown label 'GPE'" in problem


@pytest.mark.parametrize("value", ["2019/13", "2019-13", "19", "2019-10-32", "2019/2020/2021", "octobre 2019", 2019])
def test_bad_date_value(tmp_path, value):
    ents = valid_entities()
    ents[4]["value"] = value
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #4 '2019'" in problem
    assert "ISO 8601" in problem


@pytest.mark.parametrize("value", ["2019", "2019-10", "2019-10-09", "2019-H1", "2019-Q3", "2018/2019",
                                   "2019-10-09/2019-10-10", "XXXX-06-03", "2019-W41", "2019-SU", None])
def test_good_date_values(tmp_path, value):
    ents = valid_entities()
    ents[4]["value"] = value
    assert validate_gold_file(write(tmp_path, entities=ents), RAW) == []


def test_date_without_value_key(tmp_path):
    ents = valid_entities()
    del ents[4]["value"]
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #4 '2019'" in problem and "missing value" in problem


@pytest.mark.parametrize("qualifier", ["≈", "plus de", "=>", ""])
def test_bad_qualifier(tmp_path, qualifier):
    ents = valid_entities()
    ents[2]["qualifier"] = qualifier
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #2 '53 délégations'" in problem
    assert f"qualifier {qualifier!r}" in problem


@pytest.mark.parametrize("qualifier", [">", "<", ">=", "<=", "~", None])
def test_good_qualifiers(tmp_path, qualifier):
    ents = valid_entities()
    ents[2]["qualifier"] = qualifier
    assert validate_gold_file(write(tmp_path, entities=ents), RAW) == []


@pytest.mark.parametrize("value", ["53", None, True])
def test_count_value_not_a_number(tmp_path, value):
    ents = valid_entities()
    ents[2]["value"] = value
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #2 '53 délégations'" in problem
    assert "is not a number" in problem


def test_count_unit_must_be_string_or_null(tmp_path):
    ents = valid_entities()
    ents[2]["unit"] = 5
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #2" in problem and "unit" in problem


def test_org_without_canonical(tmp_path):
    ents = valid_entities()
    del ents[1]["canonical"]
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert "entity #1 'OMD'" in problem and "canonical" in problem


def test_published_differs_from_header(tmp_path):
    path = write(tmp_path, published="2019-10-09")  # header says 2019-10
    problem = only_problem(validate_gold_file(path, RAW))
    assert "'2019-10-09'" in problem and "'2019-10'" in problem
    report = validate_gold_dir(tmp_path / "gold", tmp_path / "corpus")
    assert list(report) == ["asem-test.json"]
    assert report["asem-test.json"] == [problem]


def test_published_but_no_header(tmp_path):
    raw = RAW[len(" date 2019-10\n"):]
    path = write(tmp_path, published="2019-10", raw=raw, entities=[])
    problem = only_problem(validate_gold_file(path, raw))
    assert "header says None" in problem


def test_published_bad_shape(tmp_path):
    path = write(tmp_path, published="2019/10")
    problems = validate_gold_file(path, None)
    assert problems == ["published '2019/10' is not YYYY-MM or YYYY-MM-DD"]


def test_doc_id_differs_from_file_name(tmp_path):
    path = write(tmp_path)
    path = path.rename(path.with_name("autre.json"))
    problems = validate_gold_file(path, RAW)
    assert problems == ["doc_id 'asem-test' differs from file name 'autre'"]


def test_missing_keys_and_bad_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"doc_id": "x"}), encoding="utf-8")
    assert validate_gold_file(path, None) == ["missing key 'published'", "missing key 'entities'"]
    path.write_text("{not json", encoding="utf-8")
    assert validate_gold_file(path, None)[0].startswith("not valid JSON")
    path.write_text("[]", encoding="utf-8")
    assert validate_gold_file(path, None) == ["top level must be an object"]


def test_several_problems_each_named(tmp_path):
    ents = valid_entities()
    ents[0]["label"] = "ORGANISATION"
    ents[2]["value"] = "53"
    ents[4]["value"] = "2019/13"
    problems = validate_gold_file(write(tmp_path, entities=ents), RAW)
    assert len(problems) == 3
    assert problems[0].startswith("entity #0 'Organisation mondiale des douanes'")
    assert problems[1].startswith("entity #2 '53 délégations'")
    assert problems[2].startswith("entity #4 '2019'")


def test_validate_dir_reports_only_bad_files(tmp_path):
    write(tmp_path, doc_id="bon")
    ents = valid_entities()
    ents[3]["text"] = "Hanoi"
    write(tmp_path, doc_id="mauvais", entities=ents)
    report = validate_gold_dir(tmp_path / "gold", tmp_path / "corpus")
    assert list(report) == ["mauvais.json"]
    assert "entity #3 'Hanoi'" in report["mauvais.json"][0]


def test_validate_dir_missing_corpus_text(tmp_path):
    write(tmp_path, doc_id="seul", raw=None)
    report = validate_gold_dir(tmp_path / "gold", tmp_path / "corpus")
    assert list(report) == ["seul.json"]
    assert report["seul.json"][0].startswith("no corpus text")
    # without a corpus dir, the text checks are skipped
    assert validate_gold_dir(tmp_path / "gold") == {}


def test_validate_empty_dir(tmp_path):
    (tmp_path / "gold").mkdir()
    report = validate_gold_dir(tmp_path / "gold")
    assert report == {str(tmp_path / "gold"): ["no gold files (*.json)"]}


def test_load_gold_dir_sorts_entities(tmp_path):
    ents = list(reversed(valid_entities()))
    write(tmp_path, entities=ents)
    docs = load_gold_dir(tmp_path / "gold")
    doc = docs["asem-test"]
    assert doc.published == "2019-10"
    assert [e["text"] for e in doc.entities] == [e["text"] for e in valid_entities()]


def test_entity_on_header_is_reported(tmp_path):
    # ANNOTATION.md: the leading `date ...` header is metadata, never an entity
    ents = valid_entities()
    ents.insert(0, ent("DATE", "2019-10", value="2019-10"))  # the header's own date
    problem = only_problem(validate_gold_file(write(tmp_path, entities=ents), RAW))
    assert problem.startswith("entity #0 '2019-10'")
    assert "header" in problem
