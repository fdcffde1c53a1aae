"""Table-driven tests of the ORG/PER/LOC rules on French strings, positives and negatives."""

from __future__ import annotations

import pytest

from asem_extract.organisations import OrganisationRules, Tok
from asem_extract.people import PersonRules, is_vietnamese_syllable


def ents(extractor, text, label):
    return [e.text for e in extractor.extract(text).entities if e.label == label]


@pytest.mark.parametrize("word, expected", [
    ("Nguyen", True), ("Hoang", True), ("Tuan", True), ("Nguyên", True), ("Quảng", True), ("Nghiêm", True),
    ("Vietnam", False), ("Comité", False), ("Paris", False), ("Hang-seo", False), ("nguyen", False), ("OMD", False),
])
def test_vietnamese_syllable_shape(word, expected):
    assert is_vietnamese_syllable(word) is expected


@pytest.mark.parametrize("words, spans", [
    ("le vice-ministre Do Hoang Anh Tuan a dit".split(), [(2, 6)]),
    ("selon M. Loi , le".split(), [(2, 3)]),
    ("Mme Nguyen Thi Lan et M. Xavier Bertrand".split(), [(1, 4), (6, 8)]),
    ("Le Vietnam et le Laos".split(), []),  # `Le` is an article here: `Vietnam` is no syllable
    ("Le Hoai Trung a reçu".split(), [(0, 3)]),  # ambiguous family name with two more syllables
    ("Le Hoai a reçu".split(), []),  # ... and with only one
    ("la ville de Ha Long".split(), []),  # `Ha` needs three syllables
])
def test_person_rules(words, spans):
    assert [(s.start, s.end) for s in PersonRules().find(words)] == spans


@pytest.mark.parametrize("text, expected", [
    ("le ministère des Finances a signé", ["ministère des Finances"]),
    ("au ministère de la Culture, des Sports et du Tourisme hier", ["ministère de la Culture, des Sports et du Tourisme"]),
    ("l'ambassade du Vietnam au Mozambique a organisé", ["ambassade du Vietnam au Mozambique"]),
    ("le Comité populaire de la province de Quang Nam a décidé", ["Comité populaire de la province de Quang Nam"]),
    ("le Département général des douanes du Vietnam a saisi", ["Département général des douanes du Vietnam"]),
    ("le gouvernement vietnamien a approuvé", ["gouvernement vietnamien"]),
    ("l'Agence allemande de coopération internationale finance", ["Agence allemande de coopération internationale"]),
    ("les ministères des Finances et du Plan", []),  # plural: a description, not one body
    ("le ministère a annoncé", []),  # bare back-reference
    ("le gouvernement a annoncé", []),
    ("l'ambassade de France et l'Institut français", ["ambassade de France", "Institut français"]),  # two bodies
])
def test_organisation_patterns(tagger, text, expected):
    doc = tagger(text)
    toks = [Tok(t.text, t.pos_, bool(t.whitespace_)) for t in doc]
    assert [doc[s.start:s.end].text for s in OrganisationRules().find(toks)] == expected


@pytest.mark.parametrize("text, expected", [
    ("L'ASEAN et l'OMD coopèrent avec l'UE.", ["ASEAN", "OMD", "UE"]),
    ("Les accords EVFTA et CPTPP stimulent le PIB.", []),  # agreements and economic terms are not ORG
    ("Le Plan d'action 2020-2021 a été adopté.", []),  # plans are not ORG
    ("LG Display et CFM International investissent.", ["LG Display", "CFM International"]),
    ("Vietcombank et VietinBank ont baissé leurs taux.", ["Vietcombank", "VietinBank"]),
    ("Le club Hoang Anh Gia Lai a gagné.", ["Hoang Anh Gia Lai"]),
    ("Le vice-ministre de la Défense a reçu le ministre des Affaires étrangères.", []),  # portfolios
])
def test_organisation_mentions(extractor, text, expected):
    assert ents(extractor, text, "ORG") == expected


@pytest.mark.parametrize("text, expected", [
    ("La délégation vietnamienne et les experts européens.", []),  # nationality adjectives
    ("Les Vietnamiens de France fêtent le Têt.", ["France"]),
    ("Le fleuve Rouge traverse Hanoï.", ["fleuve Rouge", "Hanoï"]),
    ("Le delta du Mékong et les Hauts Plateaux du Centre.", ["delta du Mékong", "Hauts Plateaux du Centre"]),
    ("Le district de Hoa Lu et la commune de Truong Yen.", ["Hoa Lu", "Truong Yen"]),
    ("Le Centre national de prévision a alerté le Nord.", ["Nord"]),  # `Centre` here heads a name
])
def test_place_mentions(extractor, text, expected):
    assert ents(extractor, text, "LOC") == expected


@pytest.mark.parametrize("text, expected", [
    ("Hanoï (VNA) - Le général Nguyen Chi Vinh a reçu la délégation. Selon le général Vinh, tout va bien.",
     {"Nguyen Chi Vinh": "Nguyen Chi Vinh", "Vinh": "Nguyen Chi Vinh"}),
    ("L'entraîneur Park Hang-seo a parlé. Park Hang-seo est confiant.", {"Park Hang-seo": "Park Hang-seo"}),
])
def test_people_linked_to_fullest_name(extractor, text, expected):
    rec = extractor.extract(text)
    assert {e.text: e.canonical for e in rec.entities if e.label == "PER"} == expected


@pytest.mark.parametrize("text, expected", [
    ("L'Organisation mondiale des douanes (OMD) et l'OMD.", ["Organisation mondiale des douanes"] * 3),
    ("L'Association du plastique du Vietnam (VPA) a signé.", ["Association du plastique du Vietnam"] * 2),
    ("La VNA et l'AVI.", ["Agence vietnamienne d'information"] * 2),
    ("Les Nations unies.", ["Organisation des Nations unies"]),
    ("L'AFF a publié le calendrier.", ["AFF"]),  # not well known: keeps itself
])
def test_organisation_canonical(extractor, text, expected):
    rec = extractor.extract(text)
    assert [e.canonical for e in rec.entities if e.label == "ORG"] == expected


@pytest.mark.parametrize("text, expected", [
    ("La Fondation VinFuture a décerné son prix.", ["Fondation VinFuture"]),
    ("Un concert de la Délégation Wallonie-Bruxelles au Vietnam.", ["Délégation Wallonie-Bruxelles au Vietnam"]),
    ("L'Association d'amitié Vietnam-Cuba a organisé une exposition.", ["Association d'amitié Vietnam-Cuba"]),
    ("Il a reconduit la Cour populaire suprême et Le Minh Tri au Parquet.", ["Cour populaire suprême"]),
    ("La Banque commerciale par actions de Saigon (SCB) a été placée sous contrôle.",
     ["Banque commerciale par actions de Saigon", "SCB"]),
    ("L'Assemblée nationale de la XVe législature a siégé.", ["Assemblée nationale"]),
])
def test_more_organisation_names(extractor, text, expected):
    assert ents(extractor, text, "ORG") == expected


def test_span_edge_inside_a_token_splits_it(extractor):
    rec = extractor.extract("Des vents soufflant jusqu'à 149 km/h. Plus tard, 30 g/l.")
    counts = [(e.text, e.unit, e.qualifier) for e in rec.entities if e.label == "COUNT"]
    assert counts == [("149 km/h", "km/h", "<="), ("30 g/l", "g/l", None)]


@pytest.mark.parametrize("text, expected", [
    ("Le contingent est arrivé à Bentiu, au Soudan du Sud.", ["Bentiu", "Soudan du Sud"]),
    ("Un porte-conteneurs a accosté à Cai Mep, dans le Sud.", ["Cai Mep", "Sud"]),
    ("Le satellite a été lancé depuis le centre spatial d'Uchinoura.", ["Uchinoura"]),
    ("Le parc de haute technologie de Hoa Lac accueille des start-up.", ["Hoa Lac"]),
    ("Il a rendu hommage à Samsung et à Nguyen Van Binh.", []),  # an organisation, a person: no place
])
def test_places_from_context(extractor, text, expected):
    assert ents(extractor, text, "LOC") == expected


@pytest.mark.parametrize("text, expected", [
    ("Le directeur de WWF-Vietnam a parlé.", ["WWF-Vietnam"]),
    ("Le V-KIST a été créé en 2015.", ["V-KIST"]),
    ("L'Autorité de l’aviation civile du Vietnam (CAAV) a approuvé.", ["Autorité de l’aviation civile du Vietnam", "CAAV"]),
    ("Un prêt de la Banque d’import-export de Corée.", ["Banque d’import-export de Corée"]),
    ("L'Agence de coopération culturelle et technique (ACCT) est née en 1970.",
     ["Agence de coopération culturelle et technique", "ACCT"]),
    ("LeDépartement de l'Industrie et du Commerce de Lang Son table sur une hausse.",
     ["Département de l'Industrie et du Commerce de Lang Son"]),
    ("La Décision n°1746/QD-TTg a été publiée.", []),
])
def test_acronyms_hyphens_and_glue(extractor, text, expected):
    assert ents(extractor, text, "ORG") == expected
