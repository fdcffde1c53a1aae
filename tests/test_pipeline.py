"""The assembled pipeline on real French text: components, labels, fields, offsets."""

from __future__ import annotations

import pytest
import spacy

from asem_extract.records import LABELS, Count, DateMention, Organisation, Person, Place

DISPATCH = (
    " date 2019-10-09 Coopération douanière Asie-Europe à Ha Long\n"
    "Hanoï (VNA) - Le vice-ministre vietnamien des Finances Do Hoang Anh Tuan a reçu mercredi "
    "le secrétaire général de l'Organisation mondiale des douanes (OMD), en présence de plus de 200 délégués "
    "venus de 53 pays. L'an dernier, le Département général des douanes du Vietnam a saisi 4,5 kg de cocaïne "
    "dans la province de Quang Ninh (Nord). M. Tuan a rappelé que l'OMD compte 183 membres. -VNA"
)


def test_pipeline_components_are_registered_factories(nlp):
    for name in ("asem_header", "asem_entity_rules", "asem_dates", "asem_counts", "asem_linker"):
        assert name in nlp.pipe_names
    assert not {"parser", "lemmatizer", "attribute_ruler", "senter"} & set(nlp.pipe_names)


def test_factories_available_without_import_through_entry_points():
    from spacy.util import registry

    factories = registry.factories.get_all()
    assert "asem_dates" in factories or any("asem_dates" in k for k in factories)
    blank = spacy.blank("fr")
    blank.add_pipe("asem_header")
    doc = blank(" date 2020-01 Titre\nParis (VNA) - Texte. -VNA")
    assert doc._.asem_published == "2020-01"


def test_dispatch_layout(extractor):
    rec = extractor.extract(DISPATCH, doc_id="d1")
    assert rec.doc_id == "d1"
    assert rec.published == "2019-10-09"
    assert rec.title == "Coopération douanière Asie-Europe à Ha Long"
    assert rec.dateline == "Hanoï"
    assert rec.agency == "VNA"
    assert rec.error is None


def test_every_label_with_its_fields(extractor):
    rec = extractor.extract(DISPATCH, doc_id="d1")
    by_text = {(e.label, e.text): e for e in rec.entities}
    assert {e.label for e in rec.entities} == set(LABELS)
    per = by_text[("PER", "Do Hoang Anh Tuan")]
    assert isinstance(per, Person) and per.canonical == "Do Hoang Anh Tuan"
    assert by_text[("PER", "Tuan")].canonical == "Do Hoang Anh Tuan"
    omd = [e for e in rec.entities if e.text == "OMD"]
    assert len(omd) == 2 and all(isinstance(e, Organisation) for e in omd)
    assert {e.canonical for e in omd} == {"Organisation mondiale des douanes"}
    assert isinstance(by_text[("LOC", "Quang Ninh")], Place)
    assert by_text[("LOC", "Nord")].kind == "region"
    date = by_text[("DATE", "mercredi")]
    assert isinstance(date, DateMention) and date.value == "2019-10-09"
    assert by_text[("DATE", "an dernier")].value == "2018"
    delegates = by_text[("COUNT", "200 délégués")]
    assert isinstance(delegates, Count)
    assert (delegates.value, delegates.unit, delegates.qualifier) == (200, "délégué", ">")
    kg = by_text[("COUNT", "4,5 kg")]
    assert (kg.value, kg.unit) == (4.5, "kg")
    assert ("ORG", "Département général des douanes du Vietnam") in by_text
    assert ("ORG", "VNA") in by_text


def test_header_is_never_an_entity(extractor):
    rec = extractor.extract(DISPATCH)
    header_end = DISPATCH.index("Coopération")
    assert all(e.start >= header_end for e in rec.entities)


def test_published_argument_used_without_header(extractor):
    text = "Paris (VNA) - La réunion s'est tenue le 3 juin et mardi dernier."
    assert extractor.extract(text, published="2021-06-10").published == "2021-06-10"
    values = {e.text: e.value for e in extractor.extract(text, published="2021-06-10").entities if e.label == "DATE"}
    assert values["3 juin"] == "2021-06-03"
    no_pub = {e.text: e.value for e in extractor.extract(text).entities if e.label == "DATE"}
    assert no_pub["3 juin"] == "XXXX-06-03"


def test_glued_name_keeps_its_own_characters(extractor):
    text = "Hanoï (VNA) - Les exportations duVietnam vers laChine ont progressé."
    rec = extractor.extract(text)
    locs = {e.text for e in rec.entities if e.label == "LOC"}
    assert {"Vietnam", "Chine"} <= locs


def test_offsets_refer_to_raw_text_on_the_whole_corpus(corpus_records, corpus_texts):
    assert set(corpus_records) == set(corpus_texts)
    n = 0
    for doc_id, rec in corpus_records.items():
        raw = corpus_texts[doc_id]
        assert rec.error is None, rec.error
        previous_end = -1
        for e in rec.entities:
            assert raw[e.start:e.end] == e.text
            assert e.start >= previous_end, "entities overlap or are out of order"
            previous_end = e.end
            n += 1
    assert n > 1000


@pytest.mark.parametrize("text", [
    "", "   \n\t", "\x00\x01 date 2019-13 ???", "💥🇻🇳 Hanoï (VNA) - ✓", "ابجد Hanoï\u200f", "1" * 5000,
    " date 2019-10 ", "(VNA) -", "-VNA", "M.", "du 31 au", "plus de", "une centaine de",
])
def test_odd_text_never_raises_and_keeps_offsets(extractor, text):
    rec = extractor.extract(text)
    assert rec.error is None
    for e in rec.entities:
        assert text[e.start:e.end] == e.text


def test_extract_many_keeps_order_and_accepts_every_item_shape(extractor):
    items = ["Le Vietnam et la France.", ("b", "Le Laos."), {"id": "c", "text": "Le Japon.", "published": "2020-01"},
             {"doc_id": "d", "text": None}, 42]
    recs = list(extractor.extract_many(items, batch_size=2))
    assert [r.doc_id for r in recs] == ["0", "b", "c", "d", "4"]
    assert recs[2].published == "2020-01"
    assert recs[3].error is not None and recs[3].entities == ()
    assert recs[4].error is not None and recs[4].error.type == "InvalidInput"
    assert [e.text for e in recs[0].entities] == ["Vietnam", "France"]


def test_bad_published_value_gives_an_error_record(extractor):
    rec = extractor.extract("Le Vietnam.", doc_id="x", published="octobre 2019")
    assert rec.error is not None and rec.error.type == "InvalidPublished"


def test_parallel_extraction_gives_the_same_records(extractor, corpus_texts):
    items = sorted(corpus_texts.items())[:6]
    serial = list(extractor.extract_many(items, batch_size=2))
    parallel = list(extractor.extract_many(items, batch_size=2, n_process=2))
    assert [r.to_dict() for r in serial] == [r.to_dict() for r in parallel]


def test_components_save_and_reload(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    doc_a, doc_b = nlp(DISPATCH), reloaded(DISPATCH)
    assert [(e.start_char, e.end_char, e.label_) for e in doc_a.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in doc_b.ents]
    assert [e._.asem_value for e in doc_a.ents] == [e._.asem_value for e in doc_b.ents]


def test_places_carry_kind_code_and_coordinates(extractor):
    text = "Hanoï (VNA) - Des délégués du Vietnam, de la province de Quảng Ninh et de Pékin se sont réunis à Copenhague."
    places = {e.text: e for e in extractor.extract(text).entities if e.label == "LOC"}
    assert (places["Vietnam"].kind, places["Vietnam"].code) == ("country", "VN")
    assert (places["Quảng Ninh"].kind, places["Quảng Ninh"].code) == ("province", "VN-13")
    assert places["Pékin"].code == "CN" and 39 < places["Pékin"].lat < 41 and 116 < places["Pékin"].lon < 117
    assert places["Hanoï"].kind == "city" and places["Hanoï"].code == "VN"
    assert places["Copenhague"].code == "DK"  # a French exonym, through geonames' alternate names


@pytest.mark.parametrize("text, expected", [
    ("Le ministère des Finances a signé avec le ministère de l'Industrie et du Commerce.",
     ["ministère des Finances", "ministère de l'Industrie et du Commerce"]),
    ("Le Comité populaire de la province de Quang Nam a reçu l'ambassade du Vietnam au Mozambique.",
     ["Comité populaire de la province de Quang Nam", "ambassade du Vietnam au Mozambique"]),
    ("La Banque mondiale et la BAD financent le projet.", ["Banque mondiale", "BAD"]),
    ("L'Agence allemande de coopération internationale (GIZ) soutient le projet.",
     ["Agence allemande de coopération internationale", "GIZ"]),
])
def test_organisation_boundaries(extractor, text, expected):
    assert [e.text for e in extractor.extract(text).entities if e.label == "ORG"] == expected


@pytest.mark.parametrize("text, people", [
    ("Le vice-ministre vietnamien des Finances Do Hoang Anh Tuan a reçu M. Loi.", ["Do Hoang Anh Tuan", "Loi"]),
    ("Le sélectionneur sud-coréen Park Hang-seo a publié la liste.", ["Park Hang-seo"]),
    ("Le Premier ministre thaïlandais Prayut Chan-o-cha est arrivé.", ["Prayut Chan-o-cha"]),
])
def test_people_without_titles(extractor, text, people):
    assert [e.text for e in extractor.extract(text).entities if e.label == "PER"] == people


@pytest.mark.parametrize("text, places", [
    ("Le pont de Vam Công enjambe le fleuve Hâu.", ["Vam Công", "fleuve Hâu"]),
    ("Le commerce Vietnam - Laos passe par la baie d'Ha Long.", ["Vietnam", "Laos", "baie d'Ha Long"]),
    ("Les visiteurs de la ville de Ha Long, province de Quang Ninh (Nord).", ["Ha Long", "Quang Ninh", "Nord"]),
])
def test_place_boundaries(extractor, text, places):
    assert [e.text for e in extractor.extract(text).entities if e.label == "LOC"] == places
