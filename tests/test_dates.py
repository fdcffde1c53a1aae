"""Unit tests for asem_extract.dates.DateFinder against ANNOTATION.md (DATE).

Each case gives the expected (span text, value) list for three publication dates:
missing (no header), month-only (`2019-10`) and day-precise (`2019-10-09`, a Wednesday).
"""

from __future__ import annotations

import pytest

from asem_extract.counts import UNITS_FILE
from asem_extract.dates import Anchor, DateFinder, iso, valid_day
from asem_extract.resources import load_json, words_of

NONE, MONTH, DAY = None, "2019-10", "2019-10-09"


@pytest.fixture(scope="module")
def finder() -> DateFinder:
    return DateFinder()


def found(finder: DateFinder, text: str, published: str | None):
    matches = finder.find(text, published)
    for m in matches:
        # offsets refer to the raw text
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in matches]


# (text, [(span, value without header, value with 2019-10, value with 2019-10-09), ...])
CASES = [
    # weekdays: relative, resolved only against a day-precise date
    ("La réunion s'est tenue mercredi à Hanoï.",
     [("mercredi", None, None, "2019-10-09")]),
    ("Lundi, le forum a ouvert ses portes.",
     [("Lundi", None, None, "2019-10-07")]),
    # weekday + day + month: a day without a year takes the publication year
    ("Le sommet s'ouvrira vendredi 31 mars à Hanoï.",
     [("vendredi 31 mars", "XXXX-03-31", "2019-03-31", "2019-03-31")]),
    ("Mardi 8 octobre 2019, le forum a ouvert.",
     [("Mardi 8 octobre 2019", "2019-10-08", "2019-10-08", "2019-10-08")]),
    # the article is outside the span
    ("Le forum aura lieu le 3 juin à Ha Long.",
     [("3 juin", "XXXX-06-03", "2019-06-03", "2019-06-03")]),
    ("La loi entre en vigueur le 1er janvier.",
     [("1er janvier", "XXXX-01-01", "2019-01-01", "2019-01-01")]),
    ("La fête a eu lieu le 2 Septembre.",
     [("2 Septembre", "XXXX-09-02", "2019-09-02", "2019-09-02")]),
    ("Le rendez-vous est fixé le 10 octobre à 14h30.",  # the time of day is not part of it
     [("10 octobre", "XXXX-10-10", "2019-10-10", "2019-10-10")]),
    ("Le contrat a été signé le 31 mars 2017 à Hanoï.",
     [("31 mars 2017", "2017-03-31", "2017-03-31", "2017-03-31")]),
    # a demonstrative before an absolute date stays outside
    ("Ce jeudi 6 mai, le comité se réunit.",
     [("jeudi 6 mai", "XXXX-05-06", "2019-05-06", "2019-05-06")]),
    # months
    ("La foire s'est tenue en juin.",
     [("juin", "XXXX-06", "2019-06", "2019-06")]),
    ("En octobre 2019, la ville a accueilli le forum.",
     [("octobre 2019", "2019-10", "2019-10", "2019-10")]),
    ("Le produit a été lancé en sept. 2018.",
     [("sept. 2018", "2018-09", "2018-09", "2018-09")]),
    ("Le sommet se tiendra en octobre et novembre 2019.",
     [("octobre", "2019-10", "2019-10", "2019-10"), ("novembre 2019", "2019-11", "2019-11", "2019-11")]),
    # years: the preposition is outside
    ("Les exportations ont augmenté en 2017.",
     [("2017", "2017", "2017", "2017")]),
    ("D'ici 2030, le pays vise la neutralité carbone.",
     [("2030", "2030", "2030", "2030")]),
    ("En 1890, la ville était petite.",
     [("1890", "1890", "1890", "1890")]),
    # compact ranges are one entity
    ("Le plan couvre la période 2018-2019.",
     [("2018-2019", "2018/2019", "2018/2019", "2018/2019")]),
    ("La saison 2019-20 commence bientôt.",
     [("2019-20", "2019/2020", "2019/2020", "2019/2020")]),
    ("Le Plan d'action 2020-2021 a été adopté.",
     [("2020-2021", "2020/2021", "2020/2021", "2020/2021")]),
    ("La conférence se tiendra les 9-10 octobre.",
     [("9-10 octobre", "XXXX-10-09/XXXX-10-10", "2019-10-09/2019-10-10", "2019-10-09/2019-10-10")]),
    # ranges written with words are two entities; the first day takes the month (and year)
    ("La conférence se tiendra du 9 au 10 octobre.",
     [("9", "XXXX-10-09", "2019-10-09", "2019-10-09"), ("10 octobre", "XXXX-10-10", "2019-10-10", "2019-10-10")]),
    ("La délégation a séjourné du 9 au 10 octobre 2019.",
     [("9", "2019-10-09", "2019-10-09", "2019-10-09"),
      ("10 octobre 2019", "2019-10-10", "2019-10-10", "2019-10-10")]),
    ("Les réunions ont eu lieu les 12 et 13 mai.",
     [("12", "XXXX-05-12", "2019-05-12", "2019-05-12"), ("13 mai", "XXXX-05-13", "2019-05-13", "2019-05-13")]),
    ("Les votes ont eu lieu les 12 et 13 mai 2019.",
     [("12", "2019-05-12", "2019-05-12", "2019-05-12"), ("13 mai 2019", "2019-05-13", "2019-05-13", "2019-05-13")]),
    ("Le salon se tiendra entre le 27 et le 29 avril.",
     [("27", "XXXX-04-27", "2019-04-27", "2019-04-27"), ("29 avril", "XXXX-04-29", "2019-04-29", "2019-04-29")]),
    ("Le festival aura lieu du 30 septembre au 2 octobre.",
     [("30 septembre", "XXXX-09-30", "2019-09-30", "2019-09-30"),
      ("2 octobre", "XXXX-10-02", "2019-10-02", "2019-10-02")]),
    ("Entre 2016 et 2020, le PIB a doublé.",
     [("2016", "2016", "2016", "2016"), ("2020", "2020", "2020", "2020")]),
    ("De 2016 à 2020, le PIB a doublé.",
     [("2016", "2016", "2016", "2016"), ("2020", "2020", "2020", "2020")]),
    # semesters and quarters
    ("Au premier semestre 2019, le PIB a progressé.",
     [("premier semestre 2019", "2019-H1", "2019-H1", "2019-H1")]),
    ("Les résultats du premier semestre de l'année 2019 sont bons.",
     [("premier semestre de l'année 2019", "2019-H1", "2019-H1", "2019-H1")]),
    ("Au troisième trimestre 2019, les ventes ont progressé.",
     [("troisième trimestre 2019", "2019-Q3", "2019-Q3", "2019-Q3")]),
    # period edges keep the period's value
    ("Le projet a démarré fin 2014.",
     [("fin 2014", "2014", "2014", "2014")]),
    ("Les travaux seront achevés mi-2021.",
     [("mi-2021", "2021", "2021", "2021")]),
    ("Début août 2025, la foire ouvrira.",
     [("Début août 2025", "2025-08", "2025-08", "2025-08")]),
    ("Fin mars 2019, les pluies ont commencé.",
     [("Fin mars 2019", "2019-03", "2019-03", "2019-03")]),
    ("Mi-mars, les pluies ont commencé.",
     [("Mi-mars", "XXXX-03", "2019-03", "2019-03")]),
    # decades are ranges
    ("Depuis les années 1990, le pays s'est ouvert.",
     [("années 1990", "1990/1999", "1990/1999", "1990/1999")]),
    ("Depuis les années 90, le pays s'est ouvert.",
     [("années 90", "1990/1999", "1990/1999", "1990/1999")]),
    ("Depuis les années 2000, le pays a changé.",
     [("années 2000", "2000/2009", "2000/2009", "2000/2009")]),
    # seasons
    ("L'été 2019 fut chaud.",
     [("été 2019", "2019-SU", "2019-SU", "2019-SU")]),
    # numeric dates
    ("Le contrat a été signé le 31/03/2017 à Hanoï.",
     [("31/03/2017", "2017-03-31", "2017-03-31", "2017-03-31")]),
    ("Le texte a été signé le 01/02/2019.",  # day first
     [("01/02/2019", "2019-02-01", "2019-02-01", "2019-02-01")]),
    ("Les ventes des sept premiers mois de 2019 ont progressé.",
     [("sept premiers mois de 2019", "2019-01/2019-07", "2019-01/2019-07", "2019-01/2019-07")]),
    # relative expressions: null without a precise enough publication date
    ("Le ministre est arrivé hier à Paris.",
     [("hier", None, None, "2019-10-08")]),
    ("Hier, la ville a célébré la fête.",
     [("Hier", None, None, "2019-10-08")]),
    ("Le ministre arrive aujourd'hui à Paris.",
     [("aujourd'hui", None, None, "2019-10-09")]),
    ("Aujourd’hui, la ville célèbre la fête.",
     [("Aujourd’hui", None, None, "2019-10-09")]),
    ("Avant-hier, le ministre a reçu la délégation.",
     [("Avant-hier", None, None, "2019-10-07")]),
    ("Les exportations ont reculé l'année dernière.",
     [("année dernière", None, "2018", "2018")]),
    ("Il est arrivé l'an dernier.",
     [("an dernier", None, "2018", "2018")]),
    ("La visite aura lieu l'année prochaine.",
     [("année prochaine", None, "2020", "2020")]),
    ("Le texte sera signé le mois prochain.",
     [("mois prochain", None, "2019-11", "2019-11")]),
    ("Cette année, la croissance atteint 7%.",  # the demonstrative stays in the span
     [("Cette année", None, "2019", "2019")]),
    ("Ce mois-ci, les prix baissent.",
     [("Ce mois-ci", None, "2019-10", "2019-10")]),
    ("La semaine dernière, le ministre a visité Hué.",
     [("semaine dernière", None, None, "2019-W40")]),
    ("La semaine prochaine, le ministre ira à Hué.",
     [("semaine prochaine", None, None, "2019-W42")]),
    ("Cette semaine, le ministre visite Hué.",
     [("Cette semaine", None, None, "2019-W41")]),
    ("Le trimestre prochain, les prix baisseront.",
     [("trimestre prochain", None, "2020-Q1", "2020-Q1")]),
    ("Le semestre dernier a été difficile.",
     [("semestre dernier", None, "2019-H1", "2019-H1")]),
    ("Le rapport a été publié en novembre dernier.",
     [("novembre dernier", None, "2018-11", "2018-11")]),
    ("Le sommet aura lieu en mars prochain.",
     [("mars prochain", None, "2020-03", "2020-03")]),
    ("À la fin de l'année dernière, la ville a fêté.",
     [("fin de l'année dernière", None, "2018", "2018")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
@pytest.mark.parametrize("column, published", [(1, NONE), (2, MONTH), (3, DAY)], ids=["no-date", "month", "day"])
def test_find(finder, text, expected, column, published):
    assert found(finder, text, published) == [(e[0], e[column]) for e in expected]


# Only meaningful with a publication date (without one the value is not fixed by ANNOTATION.md).
@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Au premier semestre, le PIB a progressé.", MONTH, [("premier semestre", "2019-H1")]),
        ("Au 1er semestre, les ventes ont crû.", DAY, [("1er semestre", "2019-H1")]),
        ("Au quatrième trimestre, la demande a crû.", MONTH, [("quatrième trimestre", "2019-Q4")]),
        ("Le trimestre en cours est difficile.", MONTH, [("trimestre en cours", "2019-Q4")]),
        ("Cet été, la ville accueille les touristes.", MONTH, [("Cet été", "2019-SU")]),
        ("Les ventes de ces sept premiers mois ont progressé.", MONTH,
         [("ces sept premiers mois", "2019-01/2019-07")]),
        ("Au début de l'année, la ville a fêté.", MONTH, [("début de l'année", "2019")]),
        ("À la fin du mois, la ville accueillera le forum.", MONTH, [("fin du mois", "2019-10")]),
        # resolution across a year boundary
        ("Le mois dernier, les prix ont baissé.", "2019-01", [("mois dernier", "2018-12")]),
        ("Le trimestre dernier, les prix ont baissé.", "2019-01", [("trimestre dernier", "2018-Q4")]),
        ("La semaine dernière, les prix ont baissé.", "2020-01-01", [("semaine dernière", "2019-W52")]),
        ("Le semestre prochain, les prix baisseront.", "2019-12-31", [("semestre prochain", "2020-H1")]),
        ("En décembre dernier, le forum a eu lieu.", "2019-01", [("décembre dernier", "2018-12")]),
        ("Le 3 juin, le forum a eu lieu.", "2020-01-01", [("3 juin", "2020-06-03")]),
        ("Le 5 novembre prochain, le ministre visitera Hué.", MONTH, [("5 novembre prochain", "2019-11-05")]),
        ("La semaine dernière, les prix ont baissé.", "2019-01", [("semaine dernière", None)]),
    ],
)
def test_find_with_publication(finder, text, published, expected):
    assert found(finder, text, published) == expected


NEGATIVES = [
    "La pandémie de Covid-19 a frappé le pays.",
    "Le sommet ASEM 13 se tiendra au Cambodge.",
    "Près de 2.000 personnes ont participé.",
    "Le chiffre est de 1.990 dollars.",
    "Le projet durera trois ans.",
    "Deux ans plus tard, il est revenu.",
    "Il y a 20 ans, le pays était pauvre.",
    "Ces dernières années, le commerce a progressé.",
    "Ces derniers mois, les prix ont augmenté.",
    "Le ministre a parlé récemment de ce dossier.",
    "Actuellement, le pays progresse.",
    "Ce matin, le ministre a reçu la délégation.",
    "Au XXe siècle, la ville était petite.",
    "Il a sept enfants et trois petits-enfants.",
    "La COP26 a eu lieu au Royaume-Uni.",
    "Le G20 s'est réuni à Osaka.",
    "L'armée comptait 1850 soldats.",
    "Le score est de 30-25.",
    "Il a recruté 1500 personnes.",
]


@pytest.mark.parametrize("text", NEGATIVES)
@pytest.mark.parametrize("published", [NONE, MONTH, DAY], ids=["no-date", "month", "day"])
def test_not_a_date(finder, text, published):
    assert finder.find(text, published) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Les sept premiers mois de 2019 ont été bons.", [("sept premiers mois de 2019", "2019-01/2019-07")]),
        ("Les 9 premiers mois de l'année 2019 ont été bons.", [("9 premiers mois de l'année 2019", "2019-01/2019-09")]),
    ],
)
def test_article_outside_first_months_span(finder, text, expected):
    # leading articles are outside the span (a demonstrative, `ces`, stays)
    assert found(finder, text, MONTH) == expected


def test_day_not_cut_out_of_a_larger_number(finder):
    assert found(finder, "Le 35 juin n'existe pas.", MONTH) == []


def test_year_followed_by_counted_noun_with_component_configuration():
    # the asem_dates component tells the finder which nouns make a 4-digit number a count
    finder = DateFinder()
    units = load_json(UNITS_FILE)
    finder.count_like_words = frozenset(
        w.lower() for w in words_of(units, "unit_words", UNITS_FILE) + words_of(units, "year_blocking_nouns", UNITS_FILE))
    assert finder.find("Il y avait 2000 personnes au forum.", MONTH) == []
    assert finder.find("Il a marqué 2020 points.", MONTH) == []
    # a cue makes it a year again
    assert found(finder, "En 2000, personnes et biens ont souffert.", MONTH) == [("2000", "2000")]


def test_start_offset_skips_header(finder):
    text = " date 2019-10-09\nLe 3 juin, à Hanoï, en 2019."
    header_end = len(" date 2019-10-09")
    matches = finder.find(text, "2019-10-09", header_end)
    assert [(m.start, m.end, m.text, m.value) for m in matches] == [
        (20, 26, "3 juin", "2019-06-03"), (40, 44, "2019", "2019")]


def test_matches_do_not_overlap(finder):
    text = "Du 9 au 10 octobre 2019, puis fin 2020 et au premier semestre 2021, et l'année dernière."
    matches = finder.find(text, DAY)
    assert [m.text for m in matches] == ["9", "10 octobre 2019", "fin 2020", "premier semestre 2021", "année dernière"]
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start


# -- helpers --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "published, expected",
    [(None, Anchor()), ("", Anchor()), ("2019", Anchor(2019)), ("2019-10", Anchor(2019, 10)),
     ("2019-10-09", Anchor(2019, 10, 9))],
)
def test_anchor_parse(published, expected):
    assert Anchor.parse(published) == expected


def test_anchor_date_only_when_day_precise():
    assert Anchor(2019, 10).date is None
    assert Anchor(2019, 10, 9).date.isoformat() == "2019-10-09"


@pytest.mark.parametrize(
    "args, expected",
    [((2019,), "2019"), ((2019, 6), "2019-06"), ((2019, 6, 3), "2019-06-03"), ((None, 6, 3), "XXXX-06-03"),
     ((None, 6), "XXXX-06")],
)
def test_iso(args, expected):
    assert iso(*args) == expected


@pytest.mark.parametrize(
    "year, month, day, ok",
    [(2019, 2, 28, True), (2019, 2, 29, False), (2020, 2, 29, True), (None, 2, 29, True), (2019, 4, 31, False)],
)
def test_valid_day(year, month, day, ok):
    assert valid_day(year, month, day) is ok
