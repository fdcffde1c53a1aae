"""`asem_entity_rules`: ORG, PER and LOC from gazetteers, rules and the model's NER.

Rule candidates (dump layout, gazetteers, head-word patterns, name shapes, acronyms)
are merged longest-first; the statistical model's spans then fill the gaps after
correction of its systematic mistakes on this genre (titles and articles inside
spans, plans and events tagged ORG, MISC). The result replaces `doc.ents`.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..extensions import register_extensions
from ..gazetteer import (ACRONYM_STOPLIST, ORG_FILE, PLACES_FILE, Gazetteer, load_acronym_stoplist,
                         load_organisations, load_places)
from ..organisations import ORG_FILE as ORG_RULES_FILE, OrganisationRules
from ..people import PEOPLE_FILE, PersonRules, is_name_word, is_vietnamese_syllable
from ..resources import load_json, words_of
from ..acronyms import best_long_form
from ..counts import UNITS_FILE
from ..tagging import TAG_BATCH, pos_tags, prefetch_batch
from ..text import fold, is_acronym
from ..tokens import token_table
from .base import ResourceBacked
from .candidates import Candidate, TokenView, select_candidates
from .model_spans import ModelSpanFixes

PLACE_RULES_FILE = "fr/places.json"
# rapidfuzz ratio from which a place or organisation name is taken for a known one. Chosen on the
# project's corpus and vna-dev: at 85-90 one Vietnamese syllable apart already scores (`Yen Minh` ~
# `Yen Vinh` 85.7, `Vinh Tân` ~ `Vinh Thanh` 87.5, `Muong La` ~ `Muong Lay` 93.3, all different places);
# at 95 and above only spacing, accents and one-letter slips remain.
FUZZY_CUTOFF = 95.0
FUZZY_MIN_LENGTH = 8
# a brand written in camel case: `VietinBank`, `TripAdvisor`, `PetroVietnam`
CAMEL_RE = re.compile(r"^[A-Z][a-z]{2,}[A-Z][A-Za-z]+$")


class EntityRules(ModelSpanFixes, ResourceBacked):
    resource_files = (ORG_FILE, PLACES_FILE, ACRONYM_STOPLIST, ORG_RULES_FILE, PEOPLE_FILE, PLACE_RULES_FILE, UNITS_FILE)

    def __init__(self, nlp: Language, name: str = "asem_entity_rules", resource_dir: str | None = None,
                 use_model: bool = True, fuzzy_cutoff: float = FUZZY_CUTOFF):
        register_extensions()
        self.name = name
        self.fuzzy_cutoff = fuzzy_cutoff
        self.nlp = nlp
        self.resource_dir = resource_dir
        self.use_model = use_model
        self._build()

    def _build(self) -> None:
        tokenize = lambda s: [t.text for t in self.nlp.tokenizer(s)]  # noqa: E731
        self.orgs = Gazetteer(tokenize)
        load_organisations(self.orgs, self.resource_dir)
        self.places = Gazetteer(tokenize)
        self.known_places = load_places(self.places, self.resource_dir)
        units = load_json(UNITS_FILE, self.resource_dir)
        # unit symbols (`EVP`, `MW`, `TWh`) are never organisations
        self.acronym_stop = load_acronym_stoplist(self.resource_dir) | set(words_of(units, "symbols", UNITS_FILE))
        self.org_rules = OrganisationRules(self.resource_dir)
        self.person_rules = PersonRules(self.resource_dir)
        data = load_json(PLACE_RULES_FILE, self.resource_dir, required=("admin_words", "feature_words"))
        self.admin_words = set(words_of(data, "admin_words", PLACE_RULES_FILE))
        self.feature_words = set(words_of(data, "feature_words", PLACE_RULES_FILE))
        self.contextual_regions = set(words_of(data, "contextual_regions", PLACE_RULES_FILE))
        self.articles = set(words_of(data, "articles", PLACE_RULES_FILE))
        self.not_places = set(words_of(data, "not_places", PLACE_RULES_FILE))
        self.directions = set(words_of(data, "direction_adjectives", PLACE_RULES_FILE))
        people = load_json(PEOPLE_FILE, self.resource_dir)
        self.portfolio = set(words_of(people, "portfolio_words", PEOPLE_FILE))
        self.person_titles = {fold(w) for w in words_of(people, "single_word_titles", PEOPLE_FILE)}
        self.monument_words = set(words_of(data, "monument_words", PLACE_RULES_FILE))
        self.title_words = {fold(w) for t in words_of(people, "title_heads", PEOPLE_FILE) for w in t.split()} | {
            fold(w) for w in words_of(people, "honorifics", PEOPLE_FILE)}

    # -- pipeline --------------------------------------------------------------------
    def pipe(self, docs: Iterable[Doc], batch_size: int = 8) -> Iterator[Doc]:
        """Learns which tags the batch's rules read, tags them in one model call, runs the rules."""
        for batch in minibatch(docs, size=max(batch_size, TAG_BATCH)):
            views = {id(doc): self._view(doc) for doc in batch}
            prefetch_batch(batch, lambda doc: self._read_tags(doc, views[id(doc)]))
            for doc in batch:
                yield self._run(doc, views[id(doc)])

    def __call__(self, doc: Doc) -> Doc:
        return self._run(doc, self._view(doc))

    @staticmethod
    def _view(doc: Doc) -> list[TokenView]:
        # one copy of the token attributes, from arrays: spaCy Token objects cost more than the rules
        tags = pos_tags(doc)
        return [TokenView(word, " " if space else "", i, tags) for i, (_s, word, space) in enumerate(token_table(doc))]

    def _read_tags(self, doc: Doc, view: list[TokenView]) -> None:
        """The rules that read tags (run with the tags recording, see `prefetch_batch`)."""
        first = _first_token_at(doc, (doc._.asem_layout or {}).get("header_end", 0))
        self.org_rules.find(view)
        self._features(view, first)
        self._titled_names(view, first, set())
        if self.use_model:
            for _fixed in self._fixed_model_spans(doc, view, first):
                pass

    def _run(self, doc: Doc, view: list[TokenView]) -> Doc:
        words = [t.text for t in view]
        header_end = (doc._.asem_layout or {}).get("header_end", 0)
        first = _first_token_at(doc, header_end)
        cands: list[Candidate] = []
        cands += self._layout(doc)
        org_hits = [m for m in self.orgs.match(words) if m.start >= first]
        loc_hits = [m for m in self.places.match(words) if m.start >= first]
        known = {i for m in org_hits + loc_hits for i in range(m.start, m.end)}
        # a name may continue through a place word (`Nguyen Chi Vinh`) but not start on one
        barrier = {i for m in org_hits for i in range(m.start, m.end)}
        # a town named like a family name (`Chu`) does not stop `Chu Lap Co`
        no_start = {m.start for m in loc_hits if not (
            m.end - m.start == 1 and fold(words[m.start]) in self.person_rules.family and m.end < len(words)
            and is_vietnamese_syllable(words[m.end]))}
        people = self.person_rules.find(words, barrier=barrier, no_start=no_start)
        person_starts = set()
        for p in people:
            label = "LOC" if p.cue == "vietnamese" and self._place_context(view, p.start, p.end) else "PER"
            if label == "PER":
                person_starts.add(p.start)
            if p.start >= first:
                cands.append(Candidate(p.start, p.end, label, p.cue))
        for m in org_hits:
            cands.append(Candidate(m.start, m.end, "ORG", "gazetteer_org", m.entry.kind))
        for m in loc_hits:
            c = self._place_candidate(doc, m)
            if c:
                cands.append(c)
        inside_known = {i for m in org_hits + loc_hits for i in range(m.start + 1, m.end)}
        for s in self.org_rules.find(view, barrier=person_starts, no_head=inside_known):
            if s.start >= first:
                cands.append(Candidate(s.start, s.end, "ORG", "org_pattern"))
        cands += self._features(view, first)
        cands += self._cued_organisations(view, first)
        cands += self._titled_names(view, first, barrier | set(known))
        cands += self._monument_places(view, first, barrier)
        cands += self._places_after_preposition(view, first, barrier | set(known))
        cands += self._acronyms(view, first, known)
        chosen = select_candidates(cands)
        chosen += self._parenthesised(doc, chosen)
        chosen = select_candidates(chosen)
        if self.use_model:
            chosen = self._fill_from_model(doc, view, chosen, first)
        chosen = self._with_direction(view, chosen)
        chosen = self._titled_given_names(view, chosen)
        chosen = self._same_name_same_label(view, chosen)
        ents = []
        for c in sorted(chosen, key=lambda c: c.start):
            span = Span(doc, c.start, c.end, label=c.label)
            span._.asem_source = c.source
            span._.asem_kind = c.kind
            if c.label == "LOC":
                entry = self.place_entry(span.text)
                if entry is not None:
                    span._.asem_kind = entry.kind
                    span._.asem_code, span._.asem_lat, span._.asem_lon = entry.code, entry.lat, entry.lon
            ents.append(span)
        doc.ents = ents
        return doc

    def place_entry(self, text: str):
        """Exact (accent-folded) gazetteer entry, else a near-identical one (glued or misspelt form)."""
        entry = self.places.lookup(text)
        if entry is None and self.known_places is not None:
            entry = self.known_places.city(text)
        if entry is None and len(text) >= FUZZY_MIN_LENGTH:
            hit = self.places.fuzzy_lookup(text, self.fuzzy_cutoff)
            entry = hit[0] if hit else None
        return entry

    # -- rule sources ----------------------------------------------------------------
    def _layout(self, doc: Doc) -> list[Candidate]:
        layout = doc._.asem_layout or {}
        out = []
        for key, label in (("dateline", "LOC"), ("dateline_agency", "ORG")):
            piece = layout.get(key)
            span = piece and doc.char_span(piece[0], piece[1])
            if span is not None:
                kind = None
                if label == "LOC":
                    entry = self.places.lookup(span.text)
                    kind = entry.kind if entry else "city"
                out.append(Candidate(span.start, span.end, label, "layout", kind))
        for piece in layout.get("signature") or []:
            span = doc.char_span(piece[0], piece[1])
            if span is not None:
                out.append(Candidate(span.start, span.end, "ORG", "layout", "media"))
        for piece in layout.get("credits") or []:
            span = doc.char_span(piece[0], piece[1])
            if span is None:
                continue
            text = span.text
            if is_acronym(text) or self.orgs.lookup(text) or "." in text:
                out.append(Candidate(span.start, span.end, "ORG", "layout", "media"))
            elif all(is_name_word(t.text) for t in span) and 1 <= len(span) <= 4 and fold(text) != "internet":
                out.append(Candidate(span.start, span.end, "PER", "layout"))
        return out

    def _place_candidate(self, doc: Doc, m) -> Candidate | None:
        text = doc[m.start:m.end].text
        if text in self.contextual_regions:
            before = doc[m.start - 1].text if m.start > 0 else ""
            after = doc[m.end].text if m.end < len(doc) else ""
            nxt = doc[m.end] if m.end < len(doc) else None
            described = nxt is not None and nxt.text[:1].islower() and pos_tags(doc)[nxt.i] in ("ADJ", "NOUN")
            if not ((before == "(" and after == ")") or before.lower() in ("du", "le", "au") and not after[:1].isupper()
                    and not described):
                return None  # `le Centre national de prévision` is no region
            return Candidate(m.start, m.end, "LOC", "region", "region")
        return Candidate(m.start, m.end, "LOC", "gazetteer_loc", m.entry.kind)

    def _features(self, doc: Sequence[TokenView], first: int) -> list[Candidate]:
        """`fleuve Rouge`, `baie d'Ha Long`, `delta du Mékong`: generic word + capitalised name."""
        out = []
        for i in range(first, len(doc) - 1):
            if doc[i].text.lower() not in self.feature_words or doc[i].text[:1].isupper() and i > 0 \
                    and doc[i - 1].text not in (".", "\n"):
                continue
            j = i + 1
            if doc[j].text.islower() and doc[j].pos_ == "ADJ" and j + 1 < len(doc) \
                    and doc[j + 1].text.lower() in ("de", "du", "d'", "d’", "des"):
                j += 1  # `plateau calcaire de Dong Van`
            if doc[j].text.lower() in ("de", "du", "d'", "d’", "des"):
                j += 1
            k = j
            while k < len(doc) and (doc[k].text[:1].isupper() and doc[k].text[:1].isalpha()
                                    or doc[k].text == "-" and k > j and not doc[k - 1].whitespace_):
                k += 1
            if k > j and doc[k - 1].text != "-":
                out.append(Candidate(i, k, "LOC", "feature", "feature"))
        return out

    def _titled_names(self, doc: Sequence[TokenView], first: int, barrier: set[int]) -> list[Candidate]:
        """`l'entraîneur sud-coréen Park Hang-seo`, `le Premier ministre Narendra Modi`: a title, at most
        two lower-case adjectives, then capitalised name words."""
        out = []
        for t in doc[first:]:
            if not t.text[:1].islower() or fold(t.text) not in self.person_titles:
                continue  # titles are lower case in running French text (`General Electric` is not one)
            j = t.i + 1
            while j < len(doc) and j - t.i <= 2 and doc[j].text[:1].islower() and doc[j].pos_ == "ADJ":
                j += 1
            k = j
            while k < len(doc) and k - j < 6 and k not in barrier and doc[k].text not in self.portfolio:
                if is_name_word(doc[k].text) and not is_acronym(doc[k].text):
                    k += 1
                elif _joined_hyphen(doc, k):
                    k += 2  # `Park Hang-seo`, `Prayut Chan-o-cha`
                else:
                    break
            if k > j and doc[k - 1].text[-1:].isalpha():
                out.append(Candidate(j, k, "PER", "titled"))
        return out

    def _monument_places(self, doc: Sequence[TokenView], first: int, barrier: set[int]) -> list[Candidate]:
        """`pont de Vam Công`, `stade de My Dinh`: the generic word stays out, the Vietnamese name is a place."""
        out = []
        for t in doc[first:]:
            if t.text.lower() not in self.monument_words or t.i + 2 >= len(doc):
                continue
            j = t.i + 1
            # `stade national de My Dinh`, `parc de haute technologie de Hoa Lac`, `centre spatial d'Uchinoura`
            while j < len(doc) and j - t.i <= 4 and doc[j].text.islower() and doc[j].text.isalpha() \
                    and not (doc[j].text in ("de", "du", "des") and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
                j += 1
            if j < len(doc) and doc[j].text.lower() in ("de", "d'", "d’", "du"):
                j += 1
            elif j > t.i + 1:
                continue
            k = j
            while k < len(doc) and k - j < 3 and k not in barrier and is_vietnamese_syllable(doc[k].text):
                k += 1
            if k == j and j < len(doc) and j not in barrier and is_name_word(doc[j].text) and doc[j].text[-1:].isalpha() \
                    and not is_acronym(doc[j].text) and j > t.i + 1 and doc[j - 1].text.lower() in ("d'", "d’", "de"):
                k = j + 1  # a one-word foreign name: `centre spatial d'Uchinoura`, `marché de Barabachovo`
            if k - j >= 2 or (k - j == 1 and k < len(doc) and not doc[k].text[:1].isupper()
                              and fold(doc[j].text) not in self.person_rules.family and j > t.i + 1):
                out.append(Candidate(j, k, "LOC", "monument"))
        return out

    def _places_after_preposition(self, doc: Sequence[TokenView], first: int, taken: set[int]) -> list[Candidate]:
        """`arrivé à Bentiu,`, `installé à Thakhek depuis`, `accoste à Cai Mep,`: after `à`, a name the
        gazetteers do not know, closed by punctuation or a preposition, is a place (a last resort:
        every other rule and the model come first)."""
        out = []
        for t in doc[first:]:
            if t.text != "à" or t.i + 1 >= len(doc):
                continue
            j = t.i + 1
            if j in taken or not is_name_word(doc[j].text) or is_acronym(doc[j].text):
                continue
            k = j + 1
            if all(is_vietnamese_syllable(x.text) for x in doc[j:j + 3]) and fold(doc[j].text) not in self.person_rules.family:
                while k < len(doc) and k - j < 3 and is_vietnamese_syllable(doc[k].text) and k not in taken:
                    k += 1
            nxt = doc[k].text if k < len(doc) else "."
            if nxt in (",", ".", ";", ")", ":") or nxt in ("et", "depuis", "dans", "pour", "en", "au", "avec", "où"):
                out.append(Candidate(j, k, "LOC", "preposition"))
        return out

    def _cued_organisations(self, doc: Sequence[TokenView], first: int) -> list[Candidate]:
        """`club Hanoi`, `société Viet Tien` (cue outside the span); `lycée Viêt Duc` (head inside)."""
        out = []
        for i in range(max(first, 0), len(doc) - 1):
            word = doc[i].text
            inside = word in self.org_rules.name_heads
            if not (inside or word in self.org_rules.company_cues):
                continue
            j = i + 1
            while j < len(doc) and j - i <= 6 and (is_name_word(doc[j].text) or is_acronym(doc[j].text)
                                                 or doc[j].text == "-" and not doc[j - 1].whitespace_):
                j += 1
            if j > i + 1 and doc[j - 1].text != "-":
                source = "cued_club" if word in ("club", "équipe") else "cued_org"
                out.append(Candidate(i if inside else i + 1, j, "ORG", source))
        return out

    def _acronyms(self, doc: Sequence[TokenView], first: int, known: set[int]) -> list[Candidate]:
        out = []
        for t in doc[first:]:
            single = len(t.text) == 1 and t.text.isupper() and _joined_hyphen(doc, t.i + 1 if t.i + 1 < len(doc) else t.i) \
                and t.i + 2 < len(doc) and is_acronym(doc[t.i + 2].text)
            if not (is_acronym(t.text) or single) or t.text in self.acronym_stop or len(t.text) > 8:
                continue
            if t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_ and t.i > 1 \
                    and not doc[t.i - 2].whitespace_ and (is_acronym(doc[t.i - 2].text) or len(doc[t.i - 2].text) == 1):
                continue  # the second half of `V-KIST`
            if t.i + 1 < len(doc) and doc[t.i + 1].text in self.org_rules.not_org_heads or (
                    t.i + 2 < len(doc) and _joined_hyphen(doc, t.i + 1) and doc[t.i + 2].text in self.org_rules.not_org_heads):
                continue  # `SEA Games`, `VN-Index`: an event or an index named after an acronym
            if t.i > 0 and doc[t.i - 1].text == "/" or t.i + 1 < len(doc) and doc[t.i + 1].text == "/":
                continue  # `n°1746/QD-TTg`: part of a document number
            if any(c.isdigit() for c in t.text):
                continue
            end = t.i + 1
            while end + 1 < len(doc) and _joined_hyphen(doc, end) and doc[end + 1].text[:1].isupper() \
                    and doc[end + 1].text not in self.org_rules.not_org_heads:
                end += 2  # `WWF-Vietnam`, `V-KIST`
            while end < len(doc) and end - t.i <= 3 and doc[end].text in self.org_rules.company_suffixes:
                end += 1  # `LG Display`, `CFM International`
            if t.i in known and end == t.i + 1:
                continue  # the gazetteer has it
            out.append(Candidate(t.i, end, "ORG", "acronym"))
        for t in doc[first:]:
            if CAMEL_RE.match(t.text) and t.i not in known:
                out.append(Candidate(t.i, t.i + 1, "ORG", "acronym"))  # `VietinBank`, `TripAdvisor`
        return out

    def _parenthesised(self, doc: Doc, chosen: list[Candidate]) -> list[Candidate]:
        """`Émirats arabes unis (EAU)`: a short form in brackets takes the label of the name before it."""
        out = []
        taken = {i for c in chosen for i in range(c.start, c.end)}
        for c in chosen:
            i = c.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and i + 1 not in taken:
                short = doc[i + 1].text
                letters_match = best_long_form(short, doc[c.start:c.end].text) is not None
                # after an organisation any short name in brackets is its short form (`(Vinamarine)`); after a
                # place only one whose letters match (`Émirats arabes unis (EAU)`)
                if c.label in ("ORG", "LOC") and short[:1].isupper() and len(short) <= 12 and short not in self.acronym_stop \
                        and (letters_match or c.label == "ORG" and self.places.lookup(short) is None):
                    out.append(Candidate(i + 1, i + 2, c.label, "paren", c.kind))
        return chosen + out

    def _with_direction(self, doc: Sequence[TokenView], chosen: list[Candidate]) -> list[Candidate]:
        """`Java occidental`, `Kalimantan oriental`: a direction adjective after a region is part of its name."""
        starts = {c.start for c in chosen}
        out = []
        for c in chosen:
            if c.label == "LOC" and c.end < len(doc) and doc[c.end].text in self.directions and c.end not in starts \
                    and doc[c.start].text not in self.contextual_regions:
                c = Candidate(c.start, c.end + 1, "LOC", c.source, c.kind)
            out.append(c)
        return out

    def _same_name_same_label(self, doc: Sequence[TokenView], chosen: list[Candidate]) -> list[Candidate]:
        """A full name found once is that person wherever else it is written (`Park Hang-seo`), over the
        model's other labels or where the model found nothing."""
        names = {tuple(t.text for t in doc[c.start:c.end]) for c in chosen if c.label == "PER" and c.end - c.start > 1}
        if not names:
            return chosen
        firsts = {n[0] for n in names}
        by_token = {i: c for c in chosen for i in range(c.start, c.end)}
        out = list(chosen)
        for t in doc:
            if t.text not in firsts:
                continue
            for name in names:
                end = t.i + len(name)
                if tuple(x.text for x in doc[t.i:end]) != name:
                    continue
                overlapping = {id(c): c for i in range(t.i, end) if (c := by_token.get(i)) is not None}
                if all(c.source == "model" and c.label != "PER" and c.start >= t.i and c.end <= end
                       for c in overlapping.values()):
                    for c in overlapping.values():
                        out.remove(c)
                    new = Candidate(t.i, end, "PER", "same_name")
                    out.append(new)
                    for i in range(t.i, end):
                        by_token[i] = new
        return sorted(out, key=lambda c: c.start)

    def _titled_given_names(self, doc: Sequence[TokenView], chosen: list[Candidate]) -> list[Candidate]:
        """`général Vinh`, `M. Phuc`: after a title, the last word of a person named earlier is that person."""
        given = {fold(doc[c.end - 1].text) for c in chosen if c.label == "PER" and c.end - c.start >= 2}
        if not given:
            return chosen
        by_token = {i: c for c in chosen for i in range(c.start, c.end)}
        out = list(chosen)
        for t in doc:
            if t.i == 0 or fold(t.text) not in given or fold(doc[t.i - 1].text) not in self.title_words:
                continue
            current = by_token.get(t.i)
            if current is not None and (current.label == "PER" or current.end - current.start > 1):
                continue
            if current is not None:
                out.remove(current)
            out.append(Candidate(t.i, t.i + 1, "PER", "titled_given_name"))
        return sorted(out, key=lambda c: c.start)

    # -- factories -------------------------------------------------------------------


def _joined_hyphen(doc: Sequence[TokenView], k: int) -> bool:
    """Token k is a hyphen glued to the word before and after it (`Hang-seo`)."""
    return (doc[k].text == "-" and k > 0 and k + 1 < len(doc) and not doc[k - 1].whitespace_
            and not doc[k].whitespace_ and doc[k + 1].text.isalpha())


def _first_token_at(doc: Doc, offset: int) -> int:
    for t in doc:
        if t.idx >= offset:
            return t.i
    return len(doc)


@Language.factory(
    "asem_entity_rules",
    default_config={"resource_dir": None, "use_model": True, "fuzzy_cutoff": FUZZY_CUTOFF},
    assigns=["doc.ents", "span._.asem_kind", "span._.asem_code", "span._.asem_lat", "span._.asem_lon",
             "span._.asem_source"],
    requires=["doc._.asem_layout"],
)
def make_entity_rules(nlp: Language, name: str, resource_dir: str | None, use_model: bool,
                      fuzzy_cutoff: float) -> EntityRules:
    return EntityRules(nlp, name, resource_dir=resource_dir, use_model=use_model, fuzzy_cutoff=fuzzy_cutoff)
