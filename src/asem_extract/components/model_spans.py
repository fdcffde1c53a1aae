"""Correction of the statistical model's ORG/PER/LOC spans on VNA text.

fr_core_news_md knows Wikipedia, not VNA: it puts titles and articles inside spans, tags
portfolios (`ministre de la Défense`), plans and events as ORG, Vietnamese places as people
and nationality nouns as places. These methods fix or drop its spans before they fill the
gaps the rules left; they are mixed into `EntityRules`, whose gazetteers and word lists they read.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc

from ..counts import DEMONYM_RE
from ..people import is_name_word, is_vietnamese_syllable
from ..text import fold, is_acronym

from .candidates import Candidate, TokenView, span_text

PLACE_PREPOSITIONS = ("à", "de", "d'", "d’", "du", "au", "en", "vers", "depuis")
# `le Canadien Pieter Cullis`: a nationality noun, not a place
SINGULAR_DEMONYM_RE = re.compile(r"^[A-ZÉ][a-zéèëï-]+(?:ien|ienne|ais|aise|ois|oise|ain|aine|éen|éenne|and|ande)$")


class ModelSpanFixes:
    def _fill_from_model(self, doc: Doc, view: Sequence[TokenView], chosen: list[Candidate],
                         first: int) -> list[Candidate]:
        taken = [False] * (len(doc) + 1)
        for c in chosen:
            for i in range(c.start, c.end):
                taken[i] = True
        out = list(chosen)
        for fixed in self._fixed_model_spans(doc, view, first):
            out += self._take_model(view, fixed, taken)
        return out

    def _fixed_model_spans(self, doc: Doc, view: Sequence[TokenView], first: int):
        """The model's PER/LOC/ORG spans after the body starts, corrected (or dropped)."""
        for ent in doc.ents:
            if ent.label_ in ("PER", "LOC", "ORG") and ent.start >= first:
                yield from self._split_pairs(view, ent.start, ent.end, ent.label_)

    def _split_pairs(self, doc: Sequence[TokenView], start: int, end: int, label: str):
        """`Tam Coc - Bich Dong`: a pair of places written with a spaced dash is two entities."""
        parts = []
        for t in doc[start:end]:
            if t.text in ("-", "–", "—") and t.i > start and doc[t.i - 1].whitespace_ and t.whitespace_:
                parts.append((start, t.i))
                start = t.i + 1
        parts.append((start, end))
        for s, e in parts:
            if s < e:
                fixed = self._fix_model_span(doc, s, e, label)
                if fixed is not None:
                    yield fixed

    def _take_model(self, doc: Sequence[TokenView], fixed: tuple[int, int, str], taken: list[bool]) -> list[Candidate]:
        s, e, label = fixed
        if any(taken[i] for i in range(s, e)):
            return []
        for i in range(s, e):
            taken[i] = True
        kind = None
        if label == "LOC":
            entry = self.places.lookup(span_text(doc, s, e))
            kind = entry.kind if entry else None
        return [Candidate(s, e, label, "model", kind)]

    def _after_minister(self, doc: Sequence[TokenView], i: int) -> bool:
        """Is token i inside a portfolio: `ministre (indien) de la Défense`? Only portfolio words and
        lower-case adjectives may stand between; tags are read once a minister word is found."""
        lower = []
        for k in range(i - 1, max(-1, i - 25), -1):
            text = doc[k].text
            if fold(text) in ("ministre", "ministres", "vice-ministre", "vice-ministres", "ministre-president"):
                return all(doc[j].pos_ == "ADJ" for j in lower)
            if text not in self.portfolio:
                if not text.islower():
                    return False
                lower.append(k)
        return False

    def _place_context(self, doc: Sequence[TokenView], s: int, e: int) -> bool:
        """Two Vietnamese syllables after a preposition of place (`pont de Cao Lanh`, `à Hoa Lu`) name a
        place: full names of people have three syllables or more, or a title before them."""
        prev = doc[s - 1].text.lower() if s > 0 else ""
        return e - s == 2 and (prev in PLACE_PREPOSITIONS or prev in self.admin_words)

    def _vietnamese_place_shape(self, doc: Sequence[TokenView], s: int, e: int) -> bool:
        words = [t.text for t in doc[s:e]]
        if not (2 <= len(words) <= 3 and all(is_vietnamese_syllable(w) for w in words)):
            return False
        if self._place_context(doc, s, e):
            return True
        if fold(words[0]) in self.person_rules.family:
            return False
        prev = doc[s - 1].text.lower() if s > 0 else ""
        return prev in (*PLACE_PREPOSITIONS, ",", "et") or prev in self.admin_words

    def _fix_model_span(self, doc: Sequence[TokenView], s: int, e: int, label: str) -> tuple[int, int, str] | None:
        connectors = ("de", "du", "des", "d'", "d’")
        # leading articles, titles, administrative words; trailing connectors and punctuation
        while s < e and (doc[s].text.lower() in self.articles or fold(doc[s].text) in self.title_words
                         or doc[s].text.lower() in self.admin_words or doc[s].text.lower() in connectors
                         or not doc[s].text[:1].isalnum()):
            s += 1
        if s < e and self._after_minister(doc, s):
            # `ministre de la Défense Rajnath Singh`: the portfolio is not an ORG; a name may follow it
            while s < e and doc[s].text in self.portfolio:
                s += 1
            if s == e or not all(is_name_word(t.text) for t in doc[s:e]):
                return None
            label = "PER"
        while e > s and (doc[e - 1].text.lower() in self.articles or doc[e - 1].text.lower() in (*connectors, "et")
                         or not doc[e - 1].text[:1].isalnum()):
            e -= 1
        if s >= e:
            return None
        text = span_text(doc, s, e)
        first_word = doc[s].text
        if not first_word[:1].isupper():
            return None
        if first_word in self.org_rules.not_org_heads or first_word in self.not_places:
            return None
        if e - s == 1 and (text in self.not_places or text in self.acronym_stop or (
                DEMONYM_RE.match(text) or SINGULAR_DEMONYM_RE.match(text)) and self.places.lookup(text) is None):
            return None
        if e - s == 1 and self.places.lookup(text) is None and self.orgs.lookup(text) is None \
                and doc[s].pos_ not in ("PROPN", "X"):
            return None  # `Précisément`, `Décision`: a common word the model took for a name
        if label == "PER" and any(t.text[:1].islower() and t.text.lower() not in self.person_rules.particles
                                  for t in doc[s:e]):
            return None  # `Nha nhac`
        if label == "PER" and (e - s == 1 and is_acronym(first_word)):
            return None
        if label == "PER" and s >= 2 and doc[s - 1].text.lower() in ("de", "d'", "d’") \
                and doc[s - 2].text.lower() in self.admin_words:
            label = "LOC"  # `commune de Huong Thuy`
        if label == "PER" and self._vietnamese_place_shape(doc, s, e):
            label = "LOC"  # `à Hoa Lu`, `marché flottant de Cai Rang`: Vietnamese words with no family name
        if self.orgs.lookup(text) is not None:
            label = "ORG"
        elif self.places.lookup(text) is not None:
            label = "LOC"
        if fold(text) in ("photo", "source", "vna", "avi", "cvn") and label != "ORG":
            return None
        return s, e, label

