"""Hostile input: every encoding, markup, control characters, huge documents, arbitrary Unicode."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asem_extract.decoding import decode_bytes, html_to_text
from asem_extract.errors import InputError
from asem_extract.extractor import InputDoc, split_text
from asem_extract.io import iter_inputs

DISPATCH = "Hanoï (VNA) - Le Vietnam a accueilli 53 délégations de l'ASEAN à Hô Chi Minh-Ville le 3 juin. -VNA"


@pytest.mark.parametrize("data, encoding, repairs", [
    (DISPATCH.encode("utf-8"), "utf-8", ()),
    (codecs.BOM_UTF8 + DISPATCH.encode("utf-8"), "utf-8-sig", ()),
    (DISPATCH.encode("utf-16"), "utf-16", ()),
    (DISPATCH.replace("ô", "o").encode("cp1252"), "cp1252", ()),
    (DISPATCH.encode("utf-8").decode("latin-1").encode("utf-8"), "utf-8", ("mojibake",)),
    (DISPATCH.replace("\n", "\r\n").encode("utf-8"), "utf-8", ()),
])
def test_encodings_are_detected_and_text_restored(data, encoding, repairs):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert decoded.repairs == repairs
    assert "Hanoï" in decoded.text and "délégations" in decoded.text


def test_latin1_and_invalid_bytes():
    assert decode_bytes("Délégués à Hanoï".encode("latin-1")).text == "Délégués à Hanoï"
    mostly_utf8 = "Délégués à Hanoï, Hô Chi Minh-Ville".encode("utf-8") + b"\xff" + " et Huê".encode("utf-8")
    decoded = decode_bytes(mostly_utf8)
    assert decoded.encoding == "utf-8" and decoded.repairs == ("invalid-bytes",) and "Huê" in decoded.text


def test_html_is_reduced_to_text():
    markup = "<html><body><h1>Titre</h1><p>Le Vietnam &amp; la France</p><script>x=1</script><p>Hanoï</p></body></html>"
    assert html_to_text(markup) == "Titre\n\nLe Vietnam & la France\n\nHanoï"
    assert decode_bytes(markup.encode()).repairs == ("html",)


def test_binary_is_refused():
    with pytest.raises(InputError):
        decode_bytes(bytes(range(256)) * 10)


def test_empty_and_nul_bytes(extractor, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t ")
    (tmp_path / "nul.txt").write_bytes(DISPATCH.encode("utf-8").replace(b" Le ", b" \x00Le "))
    docs = list(iter_inputs([str(tmp_path)]))
    recs = {r.doc_id: r for r in extractor.extract_many(docs)}
    assert recs["empty"].error is None and recs["empty"].entities == ()
    assert recs["blank"].error is None and recs["blank"].entities == ()
    nul = next(d for d in docs if d.doc_id == "nul")
    assert recs["nul"].error is None
    assert all(nul.text[e.start:e.end] == e.text for e in recs["nul"].entities)
    assert {"Vietnam", "ASEAN"} <= {e.text for e in recs["nul"].entities}


def test_split_text_keeps_every_character():
    text = ("Une phrase du Vietnam. " * 50 + "\n") * 40 + "x" * 3000
    pieces = split_text(text, 1000)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(len(p) <= 1000 for _, p in pieces)


def test_huge_document_and_huge_line(extractor):
    big = (DISPATCH + "\n\n") * 1200  # about 120,000 characters, cut into pieces
    rec = extractor.extract(big, doc_id="big", published="2019-05")
    assert rec.error is None
    assert sum(e.text == "ASEAN" for e in rec.entities) == 1200
    assert all(big[e.start:e.end] == e.text for e in rec.entities)
    line = "Le Vietnam et la France ont signé 53 accords. " * 6000  # 280,000 characters on one line
    rec = extractor.extract(line)
    assert rec.error is None and sum(e.label == "COUNT" for e in rec.entities) == 6000
    assert all(line[e.start:e.end] == e.text for e in rec.entities[:50] + rec.entities[-50:])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       | st.builds(lambda a, b: a + DISPATCH + b, st.text(max_size=40), st.text(max_size=40)))
def test_extract_never_raises_and_keeps_offsets(extractor, text):
    rec = extractor.extract(text)
    assert rec.error is None
    for e in rec.entities:
        assert text[e.start:e.end] == e.text


def test_error_items_are_passed_through(extractor):
    from asem_extract.records import ErrorInfo

    recs = list(extractor.extract_many([InputDoc("bad", None, error=ErrorInfo("ReadError", "gone")), ("ok", "Le Laos.")]))
    assert [(r.doc_id, r.error and r.error.type) for r in recs] == [("bad", "ReadError"), ("ok", None)]
