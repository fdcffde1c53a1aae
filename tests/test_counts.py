"""Unit tests for asem_extract.counts.CountFinder against ANNOTATION.md (COUNT).

The finder needs part-of-speech tagged tokens; they come from the project's spaCy model
(loaded once per session, without parser and lemmatizer).
"""

from __future__ import annotations

import pytest

from asem_extract.counts import CountFinder, Word


@pytest.fixture(scope="session")
def finder() -> CountFinder:
    return CountFinder()


@pytest.fixture(scope="session")
def words_of(tagger):
    def tokens(text: str) -> list[Word]:
        doc = tagger(text)
        tags = [t.pos_ for t in doc]
        return [Word(t.idx, t.idx + len(t.text), t.text, t.i, tags) for t in doc]
    return tokens


@pytest.fixture(scope="session")
def counts(finder, words_of):
    def run(text: str, blocked=None):
        words = words_of(text)
        matches = finder.find(text, words) if blocked is None else finder.find(text, words, blocked)
        for m in matches:
            assert text[m.start:m.end] == m.text  # offsets refer to the raw text
        return [(m.text, m.value, m.unit, m.qualifier) for m in matches]
    return run


# (text, [(span, value, unit, qualifier), ...])
CASES = [
    ("La conférence a réuni 53 délégations venues d'Asie.", [("53 délégations", 53, "délégation", None)]),
    ("Le plan fixe quatre priorités pour la coopération.", [("quatre priorités", 4, "priorité", None)]),
    ("Deux pays ont signé l'accord.", [("Deux pays", 2, "pays", None)]),
    ("Vingt-six pays ont participé.", [("Vingt-six pays", 26, "pays", None)]),
    ("Le stade accueille quatre-vingt-dix spectateurs.", [("quatre-vingt-dix spectateurs", 90, "spectateur", None)]),
    # qualifiers before the number are outside the span
    ("Plus de 200 délégués ont assisté à la réunion.", [("200 délégués", 200, "délégué", ">")]),
    ("Moins de 10 cas ont été signalés.", [("10 cas", 10, "cas", "<")]),
    ("Au moins 5 pays ont signé l'accord.", [("5 pays", 5, "pays", ">=")]),
    ("La peine peut aller jusqu'à 30 jours de détention.", [("30 jours", 30, "jour", "<=")]),
    ("Les prix ont baissé d'environ 10% en un mois.", [("10%", 10, "%", "~"), ("un mois", 1, "mois", None)]),
    ("Près de 300 entreprises ont participé au salon.", [("300 entreprises", 300, "entreprise", "~")]),
    ("Quelque 500 personnes ont assisté.", [("500 personnes", 500, "personne", "~")]),
    ("Environ 2 000 personnes ont participé.", [("2 000 personnes", 2000, "personne", "~")]),
    ("Près de 40 % des habitants sont jeunes.", [("40 %", 40, "%", "~")]),
    # qualifier after the noun
    ("Les personnes de 60 ans et plus sont prioritaires.", [("60 ans", 60, "an", ">=")]),
    # money: ISO 4217 codes, scale words multiply
    ("Le projet a coûté 250 millions de dongs.", [("250 millions de dongs", 250_000_000, "VND", None)]),
    ("Le pays a reçu 1,5 milliard de dollars d'investissements.",
     [("1,5 milliard de dollars", 1_500_000_000, "USD", None)]),
    ("Les exportations ont atteint 3,5 milliards d'euros.", [("3,5 milliards d'euros", 3_500_000_000, "EUR", None)]),
    ("Le contrat porte sur 350 milliards de VND.", [("350 milliards de VND", 350_000_000_000, "VND", None)]),
    ("Le projet a coûté 10 millions d'USD.", [("10 millions d'USD", 10_000_000, "USD", None)]),
    ("Le billet coûte 300 USD.", [("300 USD", 300, "USD", None)]),
    ("Le repas coûte 50 dollars.", [("50 dollars", 50, "USD", None)]),
    ("Le billet coûte 5.000 VND.", [("5.000 VND", 5000, "VND", None)]),
    ("Le budget atteint deux cent mille euros.", [("deux cent mille euros", 200_000, "EUR", None)]),
    ("Le fonds dispose d'un million de dollars.", [("un million de dollars", 1_000_000, "USD", None)]),
    # scale words with a counted noun
    ("La ville compte 1,2 million d'habitants.", [("1,2 million d'habitants", 1_200_000, "habitant", None)]),
    ("Le pays a accueilli 12,5 millions de visiteurs.",
     [("12,5 millions de visiteurs", 12_500_000, "visiteur", None)]),
    ("Deux millions de touristes sont venus.", [("Deux millions de touristes", 2_000_000, "touriste", None)]),
    # approximations: `une centaine de` is in the span, qualifier ~
    ("Une centaine de délégués ont assisté à la réunion.",
     [("Une centaine de délégués", 100, "délégué", "~")]),
    ("Une dizaine de pays ont participé.", [("Une dizaine de pays", 10, "pays", "~")]),
    ("Une vingtaine de pays ont participé.", [("Une vingtaine de pays", 20, "pays", "~")]),
    ("Près d'un million de personnes vivent ici.", [("un million de personnes", 1_000_000, "personne", "~")]),
    # measures: the complement after the unit is outside
    ("La police a saisi 4,5 kg de cocaïne à la frontière.", [("4,5 kg", 4.5, "kg", None)]),
    ("La route mesure 100 km.", [("100 km", 100, "km", None)]),
    ("La centrale produit 1 500 MW.", [("1 500 MW", 1500, "MW", None)]),
    ("La ferme couvre 30 hectares.", [("30 hectares", 30, "hectare", None)]),
    ("Le pays a exporté 23.318 tonnes de riz.", [("23.318 tonnes", 23318, "tonne", None)]),
    ("Le Vietnam a produit 5 tonnes de thé.", [("5 tonnes", 5, "tonne", None)]),
    # percentages
    ("Les exportations ont augmenté de 15 % cette année.", [("15 %", 15, "%", None)]),
    ("La croissance a atteint 7,2% au premier semestre.", [("7,2%", 7.2, "%", None)]),
    ("La hausse est de 0,5 point.", [("0,5 point", 0.5, "point", None)]),
    # durations and ages
    ("Le projet durera trois ans selon le ministère.", [("trois ans", 3, "an", None)]),
    ("Il a 25 ans.", [("25 ans", 25, "an", None)]),
    ("Il a fallu un an pour construire le pont.", [("un an", 1, "an", None)]),
    ("Il a fallu une année pour finir.", [("une année", 1, "année", None)]),
    ("La visite a duré une semaine.", [("une semaine", 1, "semaine", None)]),
    ("La réunion a duré 2 heures.", [("2 heures", 2, "heure", None)]),
    # multiples
    ("Les ventes ont été multipliées par 2,5 fois en un an.", [("2,5 fois", 2.5, "fois", None), ("un an", 1, "an", None)]),
    # ranges: the first number shares the second's unit (and qualifier)
    ("Le salon attend 7.000 à 8.000 visiteurs chaque jour.",
     [("7.000", 7000, "visiteur", None), ("8.000 visiteurs", 8000, "visiteur", None)]),
    ("Environ 7.000 à 8.000 visiteurs sont attendus.",
     [("7.000", 7000, "visiteur", "~"), ("8.000 visiteurs", 8000, "visiteur", "~")]),
    ("Entre 65 et 70 médailles seront décernées.", [("65", 65, "médaille", None), ("70 médailles", 70, "médaille", None)]),
    ("Les prix ont baissé de 10 à 15%.", [("10", 10, "%", None), ("15%", 15, "%", None)]),
    ("Le projet coûtera entre 2 et 3 millions de dollars.",
     [("2", 2_000_000, "USD", None), ("3 millions de dollars", 3_000_000, "USD", None)]),
    # words between the number and the noun stay; adjectives and complements after it do not
    ("Le concours a élu les 10 plus belles gemmes du pays.", [("10 plus belles gemmes", 10, "gemme", None)]),
    ("La compagnie a acheté 10 nouveaux avions.", [("10 nouveaux avions", 10, "avion", None)]),
    ("Le musée possède 3.000 objets anciens.", [("3.000 objets", 3000, "objet", None)]),
    ("Dix États membres de l'ASEAN ont signé.", [("Dix États", 10, "état", None)]),
    ("Environ 8.000 Vietnamiens vivent au Mozambique.", [("8.000 Vietnamiens", 8000, "vietnamien", "~")]),
    # coordinated nouns: only the first is in the span
    ("La ville compte 60 pays et territoires partenaires.", [("60 pays", 60, "pays", None)]),
    # irregular plurals
    ("Il y a 20 journaux dans la ville.", [("20 journaux", 20, "journal", None)]),
    ("Le pays a construit 5 bateaux.", [("5 bateaux", 5, "bateau", None)]),
    # a number standing alone has no unit
    ("La délégation compte 53.", [("53", 53, None, None)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_find(counts, text, expected):
    assert counts(text) == expected


NEGATIVES = [
    "La 13e conférence s'est tenue à Hanoï.",
    "C'est la première fois que le pays participe.",
    "Le pays célèbre le 75e anniversaire de sa fondation.",
    "La 1re édition a eu lieu à Hué.",
    "Le sommet ASEM 13 se tiendra au Cambodge.",
    "La radio VOV3 diffuse en continu.",
    "La pandémie de Covid-19 a frappé le pays.",
    "Une réunion s'est tenue hier.",
    "Un pays voisin a aidé.",
    "Plusieurs pays ont signé l'accord.",
    "Des milliers de personnes ont défilé.",
    "Le décret n° 5 est entré en vigueur.",
    "La résolution 2231 a été adoptée.",
    "La page 12 du rapport est claire.",
    "Le bâtiment neuf a ouvert ses portes.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_count(counts, text):
    assert counts(text) == []


def test_blocked_number_is_skipped(counts):
    text = "Les ventes ont progressé de 5% en 2019."
    # 2019 is a DATE: the component blocks the spans of entities already found
    start = text.index("2019")
    blocked = lambda s, e: s < start + 4 and start < e  # noqa: E731
    assert counts(text, blocked) == [("5%", 5, "%", None)]


def test_blocked_noun_keeps_bare_number(counts):
    # the counted noun belongs to another entity: the number stays, without a unit
    text = "Le sommet a réuni 12 délégations."
    start = text.index("délégations")
    blocked = lambda s, e: s < start + len("délégations") and start < e  # noqa: E731
    assert counts(text, blocked) == [("12", 12, None, None)]


def test_blocked_noun_drops_approximation(counts):
    # `une centaine de` without its noun is no count at all
    text = "Une centaine de délégués ont assisté."
    start = text.index("délégués")
    blocked = lambda s, e: s < start + len("délégués") and start < e  # noqa: E731
    assert counts(text, blocked) == []


def test_half_century(counts):
    assert counts("Le pays célèbre un demi-siècle de relations.") == [("un demi-siècle", 0.5, "siècle", None)]


def test_pour_cent_single_count(counts):
    assert counts("Le chiffre a augmenté de 15 pour cent.") == [("15 pour cent", 15, "%", None)]


def test_invariable_demonym_unit(counts):
    assert counts("Le pays a accueilli 5 Français et 300 Chinois.") == [
        ("5 Français", 5, "français", None), ("300 Chinois", 300, "chinois", None)]


# -- numbers(): every number expression, before deciding what it counts ---------------------

def test_numbers_kinds(finder):
    text = "Une centaine de délégués, 1,5 milliard et vingt-deux pays."
    got = [(text[s:e], value, scale, is_digits, kind) for s, e, value, scale, is_digits, kind in finder.numbers(text)]
    assert got == [
        ("Une centaine de ", 100, 1, False, "approx"),
        ("1,5 milliard", 1.5, 1_000_000_000, True, "digits"),
        ("vingt-deux", 22, 1, False, "words"),
    ]


# -- lemma() --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "noun, expected",
    [
        ("délégations", "délégation"),
        ("Délégations", "délégation"),
        ("délégation", "délégation"),
        ("journaux", "journal"),
        ("hôpitaux", "hôpital"),
        ("animaux", "animal"),
        ("pays", "pays"),
        ("mois", "mois"),
        ("fois", "fois"),
        ("prix", "prix"),
        ("taux", "taux"),
        ("cas", "cas"),
        ("bateaux", "bateau"),
        ("bureaux", "bureau"),
        ("lieux", "lieu"),
        ("jeux", "jeu"),
        ("neveux", "neveu"),
        ("travaux", "travail"),
        ("ans", "an"),
        ("tonnes", "tonne"),
        ("États", "état"),
        ("kilos", "kilo"),
    ],
)
def test_lemma(finder, noun, expected):
    assert finder.lemma(noun) == expected


@pytest.mark.parametrize("noun, expected", [("Français", "français"), ("Chinois", "chinois")])
def test_lemma_invariable_demonyms(finder, noun, expected):
    assert finder.lemma(noun) == expected
