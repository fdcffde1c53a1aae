"""Unit tests for asem_extract.acronyms: `Long form (SHORT)` pairs (Schwartz–Hearst, French)."""

from __future__ import annotations

import pytest

from asem_extract.acronyms import AcronymPair, best_long_form, find_pairs, fold_chars, is_short_form

POSITIVE = [
    ("Le Vietnam a rejoint l'Organisation mondiale des douanes (OMD) en 1993.",
     "Organisation mondiale des douanes", "OMD"),
    ("Il a rencontré le directeur de l'Office européen de lutte antifraude (OLAF) à Bruxelles.",
     "Office européen de lutte antifraude", "OLAF"),
    ("Le groupe Électricité du Vietnam (EVN) a investi dans le projet.",
     "Électricité du Vietnam", "EVN"),
    ("Selon la Banque asiatique de développement (BAD), la croissance restera forte.",
     "Banque asiatique de développement", "BAD"),
    ("Le Fonds monétaire international (FMI) prévoit une hausse.",
     "Fonds monétaire international", "FMI"),
    ("L'Union européenne (UE) est un partenaire important.",
     "Union européenne", "UE"),
    ("Le Programme des Nations unies pour le développement (PNUD) aide le pays.",
     "Programme des Nations unies pour le développement", "PNUD"),
    ("L'Association des nations de l'Asie du Sud-Est (ASEAN) compte dix membres.",
     "Association des nations de l'Asie du Sud-Est", "ASEAN"),
]


@pytest.mark.parametrize("text, long, short", POSITIVE, ids=[p[2] for p in POSITIVE])
def test_find_pairs(text, long, short):
    pairs = find_pairs(text)
    assert pairs == [AcronymPair(short, text.index("(" + short) + 1, long, text.index(long))]
    p = pairs[0]
    assert text[p.long_start:p.long_end] == long
    assert text[p.short_start:p.short_end] == short


def test_find_pairs_several_in_one_text():
    text = ("L'Organisation mondiale des douanes (OMD) et l'Office européen de lutte antifraude (OLAF) "
            "ont signé un accord.")
    assert [(p.long, p.short) for p in find_pairs(text)] == [
        ("Organisation mondiale des douanes", "OMD"), ("Office européen de lutte antifraude", "OLAF")]


def test_find_pairs_does_not_cross_a_sentence_end():
    # `Banque` of the previous sentence cannot be the `B` of `BAD`
    text = "Il a parlé à la Banque. Asiatique de développement (BAD) est un titre."
    assert find_pairs(text) == []


NEGATIVE = [
    # a region in brackets after a place
    "La province de Quang Ninh (Nord) a accueilli le forum.",
    # a year
    "Le rapport annuel (2019) est paru.",
    # an English acronym after a French name is left to the gazetteer
    "Le Fonds mondial pour la nature (WWF) soutient le projet.",
    # text in brackets longer than a short form
    "Le ministre (qui était présent hier) a parlé.",
    "Le programme (Programme des Nations unies pour le développement) a aidé.",
    # lower-case words in brackets
    "La réunion (annuelle) a eu lieu.",
    # the letters of the short form are not in the words before it
    "La Chambre de commerce et d'industrie du Vietnam (VCCI) a organisé le forum.",
    # a place name in brackets
    "La rencontre (Hanoi) a eu lieu.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_find_pairs_negative(text):
    assert find_pairs(text) == []


# -- best_long_form ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "short, before, expected",
    [
        ("OMD", "Organisation mondiale des douanes", 0),
        ("OMD", "la coopération avec l'Organisation mondiale des douanes", 22),
        ("OLAF", "Office européen de lutte antifraude", 0),
        ("EVN", "Électricité du Vietnam", 0),  # accents folded: É matches E
        ("BAD", "Banque asiatique de développement", 0),
        ("UE", "Union européenne", 0),
        ("WWF", "Fonds mondial pour la nature", None),
        ("XYZ", "Organisation mondiale des douanes", None),
        ("OMD", "", None),
        # the first letter must start a word: the `n` inside `Union` is not the `N` of `NE`
        ("NE", "Union", None),
    ],
)
def test_best_long_form(short, before, expected):
    assert best_long_form(short, before) == expected


# -- helpers -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "candidate, ok",
    [("OMD", True), ("OLAF", True), ("UE", True), ("Hepza", True), ("Nord", True),
     ("2019", False), ("A", False), ("vna", False), ("qui était présent hier", False), ("ABCDEFGHIJK", False)],
)
def test_is_short_form(candidate, ok):
    assert is_short_form(candidate) is ok


def test_fold_chars_keeps_length():
    s = "Électricité du Vietnam – Hà Nội"
    folded = fold_chars(s)
    assert len(folded) == len(s)
    assert folded.startswith("electricite du vietnam")
