"""Unit tests for asem_extract.evaluation.scoring, hand-computed against ANNOTATION.md (Scoring).

Strict: same label, same start and end. Lenient: same label, overlapping spans; one-to-one,
gold in text order, each taking the first unused prediction (by start, then end).
"""

from __future__ import annotations

import pytest

from asem_extract.evaluation.gold import GoldDocument
from asem_extract.evaluation.scoring import PRF, match, same_value, score


def ent(label: str, start: int, end: int, text: str | None = None, **fields) -> dict:
    return {"label": label, "start": start, "end": end, "text": text if text is not None else "x" * (end - start),
            **fields}


def gold(doc_id: str, *entities: dict, published: str | None = None) -> dict[str, GoldDocument]:
    return {doc_id: GoldDocument(doc_id, published, tuple(entities))}


def pred(doc_id: str, *entities: dict) -> dict:
    return {"doc_id": doc_id, "entities": list(entities)}


def counts(table: dict[str, PRF], label: str) -> tuple[int, int, int]:
    prf = table[label]
    return prf.tp, prf.fp, prf.fn


# -- exact, overlapping, adjacent ---------------------------------------------------------------

def test_exact_match():
    g = gold("d", ent("ORG", 0, 3, "OMD"), ent("LOC", 10, 17, "Vietnam"))
    s = score(g, [pred("d", ent("ORG", 0, 3, "OMD"), ent("LOC", 10, 17, "Vietnam"))])
    # strict and lenient: ORG tp=1, LOC tp=1, micro tp=2, nothing else
    for table in (s.strict, s.lenient):
        assert counts(table, "ORG") == (1, 0, 0)
        assert counts(table, "LOC") == (1, 0, 0)
        assert counts(table, "micro") == (2, 0, 0)
        assert table["micro"].precision == table["micro"].recall == table["micro"].f1 == 1.0
    assert s.errors == []
    assert s.documents == 1


def test_overlapping_span():
    # gold `Organisation mondiale des douanes` (0-33), prediction `mondiale des douanes` (13-33)
    g = gold("d", ent("ORG", 0, 33))
    s = score(g, [pred("d", ent("ORG", 13, 33))])
    assert counts(s.strict, "ORG") == (0, 1, 1)  # strict: different start -> FP + FN
    assert counts(s.lenient, "ORG") == (1, 0, 0)  # lenient: overlap -> TP
    assert sorted((e.kind, e.start, e.end) for e in s.errors) == [("FN", 0, 33), ("FP", 13, 33)]


def test_adjacent_spans_do_not_overlap():
    # gold 10-17, prediction 17-20: touching, not overlapping
    g = gold("d", ent("LOC", 10, 17))
    s = score(g, [pred("d", ent("LOC", 17, 20))])
    assert counts(s.strict, "LOC") == (0, 1, 1)
    assert counts(s.lenient, "LOC") == (0, 1, 1)


def test_one_character_overlap_is_lenient_match():
    g = gold("d", ent("LOC", 10, 17))
    s = score(g, [pred("d", ent("LOC", 16, 20))])
    assert counts(s.strict, "LOC") == (0, 1, 1)
    assert counts(s.lenient, "LOC") == (1, 0, 0)


def test_duplicate_predictions():
    # one gold PER, the same span predicted twice: the second copy is a FP in both modes
    g = gold("d", ent("PER", 0, 5, "Loi"))
    s = score(g, [pred("d", ent("PER", 0, 5, "Loi"), ent("PER", 0, 5, "Loi"))])
    assert counts(s.strict, "PER") == (1, 1, 0)
    assert counts(s.lenient, "PER") == (1, 1, 0)
    assert s.strict["PER"].precision == 0.5
    assert s.strict["PER"].recall == 1.0
    assert s.strict["PER"].f1 == pytest.approx(2 / 3)


def test_nested_predictions():
    # gold ORG `ministère des Finances du Vietnam` (0-33); predictions: ORG 0-22 inside it and
    # LOC 26-33 nested in it (a place inside an ORG name is not annotated)
    g = gold("d", ent("ORG", 0, 33))
    s = score(g, [pred("d", ent("ORG", 0, 22), ent("LOC", 26, 33))])
    # strict: ORG fp=1 fn=1; LOC fp=1 -> micro tp=0 fp=2 fn=1
    assert counts(s.strict, "ORG") == (0, 1, 1)
    assert counts(s.strict, "LOC") == (0, 1, 0)
    assert counts(s.strict, "micro") == (0, 2, 1)
    # lenient: ORG tp=1; LOC still fp=1 (no gold LOC) -> micro tp=1 fp=1 fn=0
    assert counts(s.lenient, "ORG") == (1, 0, 0)
    assert counts(s.lenient, "LOC") == (0, 1, 0)
    assert counts(s.lenient, "micro") == (1, 1, 0)


def test_nested_gold_entities_each_take_one_prediction():
    # two gold DATEs (0-4, 5-9), one prediction covering both (0-9): lenient gives it to the first only
    g = gold("d", ent("DATE", 0, 4, value="2019"), ent("DATE", 5, 9, value="2020"))
    s = score(g, [pred("d", ent("DATE", 0, 9, value="2019/2020"))])
    assert counts(s.lenient, "DATE") == (1, 0, 1)
    assert counts(s.strict, "DATE") == (0, 1, 2)


def test_wrong_label():
    # same span, wrong label: FN for the gold label and FP for the predicted one, in both modes
    g = gold("d", ent("ORG", 0, 3, "OMD", canonical="OMD"))
    s = score(g, [pred("d", ent("LOC", 0, 3, "OMD"))])
    for table in (s.strict, s.lenient):
        assert counts(table, "ORG") == (0, 0, 1)
        assert counts(table, "LOC") == (0, 1, 0)
        assert counts(table, "micro") == (0, 1, 1)
    assert s.normalization["ORG.canonical"].total == 0


def test_unknown_predicted_label_is_ignored():
    g = gold("d", ent("ORG", 0, 3))
    s = score(g, [pred("d", ent("ORG", 0, 3), ent("EVENT", 5, 10), ent("MISC", 12, 14))])
    assert counts(s.strict, "micro") == (1, 0, 0)


# -- documents ----------------------------------------------------------------------------------

def test_empty_documents():
    s = score(gold("d"), [pred("d")])
    for table in (s.strict, s.lenient):
        assert counts(table, "micro") == (0, 0, 0)
        assert table["micro"].precision == table["micro"].recall == table["micro"].f1 == 0.0
    assert s.documents == 1
    assert s.missing == [] and s.unscored == []


def test_empty_gold_with_predictions():
    s = score(gold("d"), [pred("d", ent("LOC", 0, 5), ent("DATE", 8, 12, value="2019"))])
    assert counts(s.strict, "micro") == (0, 2, 0)
    assert counts(s.lenient, "micro") == (0, 2, 0)


def test_gold_document_without_predictions_counts_all_fn():
    g = {**gold("a", ent("ORG", 0, 3)), **gold("b", ent("LOC", 0, 7), ent("DATE", 10, 14, value="2019"))}
    s = score(g, [pred("a", ent("ORG", 0, 3))])
    # a: ORG tp=1; b (missing): LOC fn=1, DATE fn=1
    assert counts(s.strict, "ORG") == (1, 0, 0)
    assert counts(s.strict, "LOC") == (0, 0, 1)
    assert counts(s.strict, "DATE") == (0, 0, 1)
    assert counts(s.strict, "micro") == (1, 0, 2)
    assert counts(s.lenient, "micro") == (1, 0, 2)
    assert s.missing == ["b"]
    assert s.documents == 2


def test_predictions_without_gold_are_unscored():
    g = gold("a", ent("ORG", 0, 3))
    s = score(g, [pred("a", ent("ORG", 0, 3)), pred("zzz", ent("LOC", 0, 5), ent("PER", 6, 9))])
    # zzz is reported, not counted: only a's ORG tp=1
    assert s.unscored == ["zzz"]
    assert counts(s.strict, "micro") == (1, 0, 0)
    assert counts(s.lenient, "micro") == (1, 0, 0)
    assert s.documents == 1
    assert all(e.doc_id == "a" for e in s.errors)


def test_micro_average_over_documents_and_labels():
    g = {**gold("a", ent("ORG", 0, 3), ent("PER", 5, 9)), **gold("b", ent("LOC", 0, 5), ent("COUNT", 7, 10, value=3))}
    s = score(g, [pred("a", ent("ORG", 0, 3), ent("PER", 6, 9)),
                  pred("b", ent("LOC", 0, 5), ent("COUNT", 12, 15, value=3))])
    # strict: ORG tp; PER fp+fn (5-9 vs 6-9); LOC tp; COUNT fp+fn -> tp=2 fp=2 fn=2
    assert counts(s.strict, "micro") == (2, 2, 2)
    # lenient: PER overlaps -> tp; COUNT 7-10 vs 12-15 no -> tp=3 fp=1 fn=1
    assert counts(s.lenient, "micro") == (3, 1, 1)
    assert s.lenient["micro"].precision == 0.75
    assert s.lenient["micro"].f1 == 0.75


def test_prf_from_counts():
    prf = PRF(tp=1, fp=1, fn=2)
    assert prf.precision == 0.5
    assert prf.recall == pytest.approx(1 / 3)
    assert prf.f1 == pytest.approx(0.4)
    assert PRF().as_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}


# -- match(): one-to-one, deterministic -----------------------------------------------------------

def test_lenient_match_one_prediction_for_two_gold():
    # gold A 0-10, gold B 12-20; one prediction 5-15 overlaps both: A (first in text order) takes it
    gold_ents = [ent("ORG", 12, 20), ent("ORG", 0, 10)]  # given out of order on purpose
    preds = [ent("ORG", 5, 15)]
    assert match(gold_ents, preds, strict=False) == [(1, 0)]
    assert match(gold_ents, preds, strict=True) == []


def test_lenient_match_takes_first_prediction_by_start():
    # gold 10-20; predictions 15-30 (listed first) and 0-12: the one that starts first wins
    gold_ents = [ent("LOC", 10, 20)]
    preds = [ent("LOC", 15, 30), ent("LOC", 0, 12)]
    assert match(gold_ents, preds, strict=False) == [(0, 1)]


def test_lenient_match_same_start_shorter_first():
    gold_ents = [ent("LOC", 10, 20)]
    preds = [ent("LOC", 10, 25), ent("LOC", 10, 15)]
    assert match(gold_ents, preds, strict=False) == [(0, 1)]


def test_match_respects_labels():
    gold_ents = [ent("ORG", 0, 5), ent("LOC", 0, 5)]
    preds = [ent("LOC", 0, 5), ent("ORG", 0, 5)]
    assert sorted(match(gold_ents, preds, strict=True)) == [(0, 1), (1, 0)]


# -- normalisation accuracy on strict matches ---------------------------------------------------

def norm(s, key):
    a = s.normalization[key]
    return a.correct, a.total


def test_count_value_numeric_equality():
    g = gold("d", ent("COUNT", 0, 6, "4,5 kg", value=4.5, unit="kg", qualifier=None),
             ent("COUNT", 10, 19, "4 projets", value=4, unit="projet", qualifier=None))
    s = score(g, [pred("d", ent("COUNT", 0, 6, value=4.50, unit="kg"), ent("COUNT", 10, 19, value=4.0, unit="projet"))])
    assert norm(s, "COUNT.value") == (2, 2)
    assert norm(s, "COUNT.unit") == (2, 2)


@pytest.mark.parametrize("predicted", ["4.5", None, True, 4.6])
def test_count_value_wrong(predicted):
    g = gold("d", ent("COUNT", 0, 6, value=4.5, unit="kg"))
    s = score(g, [pred("d", ent("COUNT", 0, 6, value=predicted, unit="kg"))])
    assert norm(s, "COUNT.value") == (0, 1)
    assert [e.kind for e in s.errors] == ["VALUE"]
    assert "value" in s.errors[0].detail


@pytest.mark.parametrize(
    "gold_unit, predicted, ok",
    [
        ("délégation", "Délégations", True),
        ("délégation", "délégation", True),
        ("USD", "usd", True),
        ("an", "ans", True),
        ("%", "%", True),
        (None, None, True),
        ("kg", None, False),
        (None, "kg", False),
        ("délégation", "délégué", False),
    ],
)
def test_count_unit_folding(gold_unit, predicted, ok):
    g = gold("d", ent("COUNT", 0, 5, value=53, unit=gold_unit))
    s = score(g, [pred("d", ent("COUNT", 0, 5, value=53, unit=predicted))])
    assert norm(s, "COUNT.unit") == (int(ok), 1)


def test_count_unit_irregular_plural():
    assert same_value("COUNT", "unit", "journal", "journaux")


@pytest.mark.parametrize(
    "gold_canonical, predicted, ok",
    [
        ("Organisation mondiale des douanes", "organisation  Mondiale des Douanes", True),
        ("Département général des douanes du Vietnam", "Departement general des Douanes du Vietnam", True),
        ("ministère de la Santé", "ministèrede la Santé", True),  # glue: spacing ignored
        ("Agence vietnamienne d'information", "Agence vietnamienne d’information", True),
        ("Organisation mondiale des douanes", "OMD", False),
        ("Organisation mondiale des douanes", None, False),
    ],
)
def test_org_canonical_folding(gold_canonical, predicted, ok):
    g = gold("d", ent("ORG", 0, 10, canonical=gold_canonical))
    s = score(g, [pred("d", ent("ORG", 0, 10, canonical=predicted))])
    assert norm(s, "ORG.canonical") == (int(ok), 1)


def test_per_canonical_folding():
    g = gold("d", ent("PER", 0, 3, "Loi", canonical="Nguyên Duc Loi"), ent("PER", 10, 13, "Cân", canonical="Nguyên Van Cân"))
    s = score(g, [pred("d", ent("PER", 0, 3, canonical="nguyen duc loi"), ent("PER", 10, 13, canonical="Cân"))])
    assert norm(s, "PER.canonical") == (1, 2)


def test_date_value_exact():
    g = gold("d", ent("DATE", 0, 4, value="2019"), ent("DATE", 10, 16, value="2019-10"),
             ent("DATE", 20, 28, value=None))
    s = score(g, [pred("d", ent("DATE", 0, 4, value="2019"), ent("DATE", 10, 16, value="2019-10-09"),
                       ent("DATE", 20, 28, value=None))])
    # 2019 == 2019; 2019-10 != 2019-10-09; null == null
    assert norm(s, "DATE.value") == (2, 3)


def test_normalisation_only_on_strict_matches_and_gold_fields():
    g = gold("d", ent("COUNT", 0, 6, value=4.5, unit="kg"),  # lenient-only match below
             ent("COUNT", 10, 14, value=53),  # no unit key in gold: unit not scored
             ent("LOC", 20, 27))  # LOC has no normalised field
    s = score(g, [pred("d", ent("COUNT", 0, 4, value=99, unit="t"), ent("COUNT", 10, 14, value=53, unit="x"),
                       ent("LOC", 20, 27))])
    assert norm(s, "COUNT.value") == (1, 1)
    assert norm(s, "COUNT.unit") == (0, 0)
    assert s.lenient["COUNT"].tp == 2
    assert s.strict["COUNT"].tp == 1


def test_scores_as_dict_shape():
    s = score(gold("d", ent("ORG", 0, 3, canonical="OMD")), [pred("d", ent("ORG", 0, 3, canonical="OMD"))])
    d = s.as_dict()
    assert set(d) == {"strict", "lenient", "normalization"}
    assert d["strict"]["ORG"]["tp"] == 1
    assert d["normalization"]["ORG.canonical"] == {"correct": 1, "total": 1, "accuracy": 1.0}
