"""Unit tests for asem_extract.document: header, title, dateline, signature and credits."""

from __future__ import annotations

import pytest

from asem_extract.document import Piece, normalise_published, parse_layout


def piece_at(raw: str, text: str, nth: int = 0) -> Piece:
    """The Piece for the nth occurrence of `text` in `raw`."""
    pos = -1
    for _ in range(nth + 1):
        pos = raw.index(text, pos + 1)
    return Piece(text, pos, pos + len(text))


# -- header -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, published, header_end",
    [
        (" date 2019-10\nLe forum s'ouvre\nHanoï (VNA) - Texte.", "2019-10", 13),
        (" date 2019-10-09\nLe forum s'ouvre\nHanoï (VNA) - Texte.", "2019-10-09", 16),
        ("date 2019-10-09\nLe forum s'ouvre", "2019-10-09", 15),
        ("\ufeffdate 2021-03\nTitre", "2021-03", 13),
        ("Le forum s'ouvre\nHanoï (VNA) - Texte.", None, 0),
        # a `date` that is not at the very start is no header
        ("Titre\nTexte date 2019-10-09", None, 0),
    ],
)
def test_header(raw, published, header_end):
    layout = parse_layout(raw)
    assert layout.published == published
    assert layout.header_end == header_end


def test_published_argument_used_without_header():
    raw = "Le forum s'ouvre\nHanoï (VNA) - Texte."
    assert parse_layout(raw, "2019-10").published == "2019-10"
    assert parse_layout(raw, "2019-10-09").published == "2019-10-09"
    assert parse_layout(raw, " 2019-10 ").published == "2019-10"
    assert parse_layout(raw, "").published is None
    assert parse_layout(raw, None).published is None


def test_header_wins_over_published_argument():
    raw = " date 2019-10\nLe forum s'ouvre\nHanoï (VNA) - Texte."
    assert parse_layout(raw, "2018-01-05").published == "2019-10"


@pytest.mark.parametrize("bad", ["2019-10-9", "2019/10", "oct 2019", "2019", "09-10-2019", "2019-10-09T00:00"])
def test_bad_published_raises(bad):
    with pytest.raises(ValueError):
        parse_layout("Le forum s'ouvre\nHanoï (VNA) - Texte.", bad)
    with pytest.raises(ValueError):
        normalise_published(bad)


@pytest.mark.parametrize("bad", ["2019-13", "2019-00", "2019-02-30"])
def test_impossible_published_raises(bad):
    # the right shape but no calendar date
    with pytest.raises(ValueError):
        normalise_published(bad)
    with pytest.raises(ValueError):
        parse_layout("Le forum s'ouvre\nHanoï (VNA) - Texte.", bad)


@pytest.mark.parametrize("value, expected", [(None, None), ("", None), ("  ", None), ("2019-10", "2019-10"),
                                             ("2019-10-09", "2019-10-09"), (" 2019-10-09\n", "2019-10-09")])
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


# -- title --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, title",
    [
        (" date 2019-10\nLe Vietnam accueille le forum\nHanoï (VNA) - Texte.", "Le Vietnam accueille le forum"),
        (" date 2019-10-09\n\n  Titre du jour  \n\nHanoï (VNA) - Texte.", "Titre du jour"),
        ("Un titre sans en-tête\nHanoï (VNA) - Texte.", "Un titre sans en-tête"),
        (">> Le titre marqué Photo: VNA\nHanoï (VNA) - Texte.", "Le titre marqué"),
        ("Le titre et sa source Source: VNA\nHanoï (VNA) - Texte.", "Le titre et sa source"),
        # the first line is the dateline itself: no title
        ("Hanoï (VNA) - Le forum s'est ouvert.", None),
        ("", None),
    ],
)
def test_title(raw, title):
    assert parse_layout(raw).title == title


# -- dateline -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, place, agency",
    [
        (" date 2019-10\nTitre\nHanoï (VNA) - Le forum s'est ouvert.", "Hanoï", "VNA"),
        (" date 2019-10-09\nTitre\n\nHô Chi Minh-Ville (VNA) – La ville a accueilli 200 délégués.",
         "Hô Chi Minh-Ville", "VNA"),
        ("Titre\nParis (VNA/CVN) - Le texte.", "Paris", "VNA"),
        ("Titre\nHa Long (VNA) : Le texte.", "Ha Long", "VNA"),
        ("Titre\nHanoï (VNA)- Le texte collé.", "Hanoï", "VNA"),
        ("Titre\nVientiane (AVI) - Le texte.", "Vientiane", "AVI"),
    ],
)
def test_dateline(raw, place, agency):
    layout = parse_layout(raw)
    assert layout.dateline == piece_at(raw, place)
    assert layout.dateline_agency == piece_at(raw, agency)
    assert raw[layout.dateline.start:layout.dateline.end] == place


@pytest.mark.parametrize(
    "raw",
    [
        "Titre\nLe forum s'est ouvert à Hanoï.",
        "Titre\nHanoï (AFP) - Le texte.",  # not one of the agencies
        "Titre\nHanoï (VNA) Le texte sans tiret.",
    ],
)
def test_no_dateline(raw):
    layout = parse_layout(raw)
    assert layout.dateline is None
    assert layout.dateline_agency is None


# -- signature ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, parts",
    [
        ("Titre\nHanoï (VNA) - Le ministre a parlé.-VNA", ["VNA"]),
        ("Titre\nHanoï (VNA) - La ville a accueilli 200 délégués. -AVI", ["AVI"]),
        ("Titre\nHanoï (VNA) - Le texte.-CPV/VNA", ["CPV", "VNA"]),
        ("Titre\nHanoï (VNA) - Le texte.-VNA----", ["VNA"]),
        ("Titre\nHanoï (VNA) - Le texte.\n-VNA\n", ["VNA"]),
        ("Titre\nHanoï (VNA) - Le texte. – CVN", ["CVN"]),
        ("Titre\nHanoï (VNA) - Le texte.-VNA/CVN", ["VNA", "CVN"]),
    ],
)
def test_signature(raw, parts):
    layout = parse_layout(raw)
    assert [p.text for p in layout.signature] == parts
    for p in layout.signature:
        assert raw[p.start:p.end] == p.text
    # the signature is the end of the text, but for trailing dashes and spaces
    assert layout.signature[-1].end == len(raw.rstrip("-\n "))


@pytest.mark.parametrize(
    "raw",
    [
        "Titre\nHanoï (VNA) - Texte sans signature.",
        "Titre\nHanoï (VNA) - Texte.-AFP",
        "Titre\nHanoï (VNA) - Le texte parle de la VNA et de l'AVI.",
        # a signature-like acronym far from the end is no signature
        "Titre\nHanoï (VNA) - Texte.-VNA\n" + "Une longue suite de texte qui continue après le tiret. " * 3,
    ],
)
def test_no_signature(raw):
    assert parse_layout(raw).signature == ()


def test_signature_offsets():
    raw = "Titre\nHanoï (VNA) - Le texte.-CPV/VNA"
    assert parse_layout(raw).signature == (Piece("CPV", len(raw) - 7, len(raw) - 4), Piece("VNA", len(raw) - 3, len(raw)))


# -- credits ------------------------------------------------------------------------------------

def test_photo_credit_split_on_slashes():
    raw = "Titre\nParis (VNA) - Le texte. Photo: Huong Thu/VNA/CVN\nFin du texte.-VNA"
    layout = parse_layout(raw)
    assert layout.credits == (piece_at(raw, "Huong Thu"), piece_at(raw, "VNA", 1), piece_at(raw, "CVN"))


@pytest.mark.parametrize(
    "raw, credits",
    [
        ("Titre\nHanoï (VNA) - Texte (Photo : VNA) suite.", ["VNA"]),
        ("Titre\nHanoï (VNA) - Texte. Photos: Minh Duc / VNA\nSuite.", ["Minh Duc", "VNA"]),
        ("Titre\nHanoï (VNA) - Texte. Source: dangcongsan.vn\nSuite.", ["dangcongsan.vn"]),
        ("Titre\nHanoï (VNA) - Texte. Photo: VNA | Suite.", ["VNA"]),
        ("Titre\nHanoï (VNA) - Texte sans crédit.", []),
    ],
)
def test_credits(raw, credits):
    layout = parse_layout(raw)
    assert [c.text for c in layout.credits] == credits
    for c in layout.credits:
        assert raw[c.start:c.end] == c.text


def test_credit_in_header_area_is_skipped_after_header():
    raw = " date 2019-10\nTitre Photo: VNA\nHanoï (VNA) - Texte."
    layout = parse_layout(raw)
    assert layout.title == "Titre"
    assert [c.text for c in layout.credits] == ["VNA"]
    assert layout.credits[0].start > layout.header_end
