"""Unit tests for asem_extract.linking: ORG and PER canonical forms (ANNOTATION.md, `canonical`)."""

from __future__ import annotations

import pytest

from asem_extract.linking import Mention, org_canonicals, person_canonicals


def mentions(text: str, items: list[tuple[str, str]]) -> list[Mention]:
    """Mentions for (label, surface) items, found left to right in `text`."""
    out, pos = [], 0
    for label, surface in items:
        start = text.index(surface, pos)
        out.append(Mention(label, start, start + len(surface), surface))
        pos = start + len(surface)
    return out


def no_gazetteer(name: str):
    return None


GAZETTEER = {
    "UE": ("ue", "Union européenne"),
    "Union européenne": ("ue", "Union européenne"),
    "VNA": ("vna", "Agence vietnamienne d'information"),
    "Agence vietnamienne d'information": ("vna", "Agence vietnamienne d'information"),
    "WWF": ("wwf", "Fonds mondial pour la nature"),
    "Fonds mondial pour la nature": ("wwf", "Fonds mondial pour la nature"),
}


# -- ORG ----------------------------------------------------------------------------------------

def test_acronym_defined_in_document():
    text = "L'Organisation mondiale des douanes (OMD) a aidé le Vietnam. L'OMD a salué ses progrès."
    ms = mentions(text, [("ORG", "Organisation mondiale des douanes"), ("ORG", "OMD"), ("LOC", "Vietnam"),
                         ("ORG", "OMD")])
    assert org_canonicals(ms, text, no_gazetteer) == {
        0: "Organisation mondiale des douanes", 1: "Organisation mondiale des douanes",
        3: "Organisation mondiale des douanes"}


def test_acronym_used_before_its_definition():
    text = "L'OLAF enquête. L'Office européen de lutte antifraude (OLAF) a été créé en 1999."
    ms = mentions(text, [("ORG", "OLAF"), ("ORG", "Office européen de lutte antifraude"), ("ORG", "OLAF")])
    assert org_canonicals(ms, text, no_gazetteer) == {
        0: "Office européen de lutte antifraude", 1: "Office européen de lutte antifraude",
        2: "Office européen de lutte antifraude"}


def test_acronym_known_to_gazetteer():
    text = "L'UE et la VNA ont signé un accord."
    ms = mentions(text, [("ORG", "UE"), ("ORG", "VNA")])
    assert org_canonicals(ms, text, GAZETTEER.get) == {0: "Union européenne", 1: "Agence vietnamienne d'information"}


def test_acronym_unknown_keeps_itself():
    text = "L'UE et la VNA ont signé un accord."
    ms = mentions(text, [("ORG", "UE"), ("ORG", "VNA")])
    assert org_canonicals(ms, text, no_gazetteer) == {0: "UE", 1: "VNA"}


def test_acronym_takes_spelled_out_mention_of_same_entry():
    # the document spells the name out its own way: the acronym takes that spelling
    text = "L'Agence d'information du Vietnam a publié la nouvelle. La VNA a ajouté un commentaire."
    spelled = "Agence d'information du Vietnam"
    ms = mentions(text, [("ORG", spelled), ("ORG", "VNA")])
    known = lambda name: GAZETTEER.get(name) or {spelled: GAZETTEER["VNA"]}.get(name)  # noqa: E731
    assert org_canonicals(ms, text, known) == {0: spelled, 1: spelled}


def test_english_acronym_defined_through_gazetteer():
    # `WWF` does not spell `Fonds mondial pour la nature`; the gazetteer ties them together
    text = "Le Fonds mondial pour la nature (WWF) soutient le projet. Le WWF agit."
    ms = mentions(text, [("ORG", "Fonds mondial pour la nature"), ("ORG", "WWF"), ("ORG", "WWF")])
    assert org_canonicals(ms, text, GAZETTEER.get) == {0: "Fonds mondial pour la nature",
                                                       1: "Fonds mondial pour la nature",
                                                       2: "Fonds mondial pour la nature"}


def test_unknown_acronym_in_brackets_is_defined_by_the_name_before_it():
    # the document spells the name out: `(VPA)` right after it is its acronym, English letters or not
    text = "L'Association du plastique du Vietnam (VPA) a tenu son congrès. La VPA compte 200 membres."
    long = "Association du plastique du Vietnam"
    ms = mentions(text, [("ORG", long), ("ORG", "VPA"), ("ORG", "VPA")])
    assert org_canonicals(ms, text, no_gazetteer) == {0: long, 1: long, 2: long}


def test_known_acronym_of_another_entry_is_not_redefined():
    # `UE` is in the gazetteer as another organisation and its letters are not in `Commission`
    text = "La Commission (UE) a publié un rapport."
    ms = mentions(text, [("ORG", "Commission"), ("ORG", "UE")])
    assert org_canonicals(ms, text, GAZETTEER.get) == {0: "Commission", 1: "Union européenne"}


def test_plain_mentions_keep_themselves():
    text = "Le ministère des Finances et Vietnam Airlines ont signé. L'Union européenne a salué l'accord."
    ms = mentions(text, [("ORG", "ministère des Finances"), ("ORG", "Vietnam Airlines"), ("ORG", "Union européenne")])
    assert org_canonicals(ms, text, GAZETTEER.get) == {
        0: "ministère des Finances", 1: "Vietnam Airlines", 2: "Union européenne"}


def test_only_org_mentions_get_org_canonicals():
    text = "M. Loi a visité l'OMD à Bruxelles."
    ms = mentions(text, [("PER", "Loi"), ("ORG", "OMD"), ("LOC", "Bruxelles")])
    assert org_canonicals(ms, text, no_gazetteer) == {1: "OMD"}


def test_no_mentions():
    assert org_canonicals([], "Rien.", no_gazetteer) == {}
    assert person_canonicals([]) == {}


# -- PER ----------------------------------------------------------------------------------------

def test_person_short_names_take_fullest_name():
    text = "M. Nguyên Duc Loi a reçu Shimizu Akira. M. Loi et M. Shimizu ont parlé à Hanoï."
    ms = mentions(text, [("PER", "Nguyên Duc Loi"), ("PER", "Shimizu Akira"), ("PER", "Loi"), ("PER", "Shimizu"),
                         ("LOC", "Hanoï")])
    assert person_canonicals(ms) == {0: "Nguyên Duc Loi", 1: "Shimizu Akira", 2: "Nguyên Duc Loi", 3: "Shimizu Akira"}


def test_person_full_name_after_short_mention():
    text = "M. Loi a parlé. Nguyen Duc Loi est ministre."
    ms = mentions(text, [("PER", "Loi"), ("PER", "Nguyen Duc Loi")])
    assert person_canonicals(ms) == {0: "Nguyen Duc Loi", 1: "Nguyen Duc Loi"}


def test_person_match_ignores_accents_and_hyphens():
    text = "Nguyên Van Cân et M. Cân. Kim Jong-un et Jong-un. Do Hoang Anh Tuan et Anh Tuan."
    ms = mentions(text, [("PER", "Nguyên Van Cân"), ("PER", "Cân"), ("PER", "Kim Jong-un"), ("PER", "Jong-un"),
                         ("PER", "Do Hoang Anh Tuan"), ("PER", "Anh Tuan")])
    assert person_canonicals(ms) == {0: "Nguyên Van Cân", 1: "Nguyên Van Cân", 2: "Kim Jong-un", 3: "Kim Jong-un",
                                     4: "Do Hoang Anh Tuan", 5: "Do Hoang Anh Tuan"}


def test_person_partial_word_is_no_match():
    # `Lo` is not a word of `Loi Nguyen`
    text = "M. Lo et Loi Nguyen."
    ms = mentions(text, [("PER", "Lo"), ("PER", "Loi Nguyen")])
    assert person_canonicals(ms) == {0: "Lo", 1: "Loi Nguyen"}


def test_person_unrelated_names_keep_themselves():
    text = "Pham Minh Chinh a reçu Emmanuel Macron."
    ms = mentions(text, [("PER", "Pham Minh Chinh"), ("PER", "Emmanuel Macron")])
    assert person_canonicals(ms) == {0: "Pham Minh Chinh", 1: "Emmanuel Macron"}


def test_person_words_must_be_contiguous():
    # `Nguyen Loi` is not a run of words of `Nguyen Duc Loi`
    text = "Nguyen Duc Loi et Nguyen Loi."
    ms = mentions(text, [("PER", "Nguyen Duc Loi"), ("PER", "Nguyen Loi")])
    assert person_canonicals(ms) == {0: "Nguyen Duc Loi", 1: "Nguyen Loi"}


def test_person_canonicals_ignore_other_labels():
    text = "Loi travaille à l'OMD, Loi Nguyen aussi."
    ms = mentions(text, [("PER", "Loi"), ("ORG", "OMD"), ("LOC", "Loi Nguyen")])
    assert person_canonicals(ms) == {0: "Loi"}


@pytest.mark.parametrize("mention, names, expected", [
    ("Comité populaire municipal", ["Comité populaire de Da Nang"], "Comité populaire de Da Nang"),
    ("Comité populaire provincial", ["Comité populaire de la province de Quang Nam"],
     "Comité populaire de la province de Quang Nam"),
    ("Service municipal", ["Service municipal de l'éducation"], "Service municipal"),  # no place in the other name
    ("Comité populaire municipal", ["Comité central du Parti"], "Comité populaire municipal"),
])
def test_local_bodies_take_the_full_name_given_elsewhere(mention, names, expected):
    from asem_extract.linking import Mention, org_canonicals

    mentions = [Mention("ORG", 0, len(n), n) for n in names] + [Mention("ORG", 500, 500 + len(mention), mention)]
    assert org_canonicals(mentions, " " * 600, lambda name: None)[len(names)] == expected
