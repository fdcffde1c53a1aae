"""ORG candidates from head-word patterns: `ministère de l'Industrie et du Commerce`,
`ambassade du Vietnam au Mozambique`, `Comité populaire de la province de Quang Nam`.

French typography writes many official names with a lower-case head; such a head
plus a complement chain that reaches a capitalised word is one organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Container, Sequence

from .resources import load_json, words_of
from .text import is_acronym

ADJECTIVE_ENDINGS = ("al", "ale", "aux", "ien", "ienne", "ais", "aise", "ois", "oise", "ique", "el", "elle", "if", "ive",
                     "aire", "ain", "aine", "ente", "é", "ée", "ie", "is", "eur", "eure", "euse", "ant", "ante", "que",
                     "ite", "nal", "ère", "ier", "ger")
# endings that nouns share (`table`, `ville`, `lieux`): trusted only when the tagger says adjective
ADJ_ONLY_ENDINGS = ("il", "ile", "able", "ible", "eux")
ROMAN_ORDINAL_RE = re.compile(r"^[IVXLC]+(?:e|er|ème|è)$")
VERB_ENDINGS = ("ent", "ons", "ez", "ait", "aient")  # `Banque mondiale estiment`: a verb after the name

ORG_FILE = "fr/organisations.json"


@dataclass(frozen=True)
class Tok:
    text: str
    pos: str
    space_after: bool = True


@dataclass(frozen=True)
class OrgSpan:
    start: int
    end: int


def _brand_like(word: str) -> bool:
    """A capitalised name word (`Keio`, `VinUni`, `Pasteur`, `FPT`), not a function word."""
    return word[:1].isupper() and word.replace("-", "").isalnum() and len(word) > 1


class OrganisationRules:
    def __init__(self, resource_dir: str | Path | None = None):
        data = load_json(ORG_FILE, resource_dir, required=("lower_heads", "upper_heads", "connectors"))
        self.lower_heads = set(words_of(data, "lower_heads", ORG_FILE))
        self.upper_heads = set(words_of(data, "upper_heads", ORG_FILE))
        self.connectors = {c.replace("’", "'") for c in words_of(data, "connectors", ORG_FILE)}
        place = data.get("place_connectors") or {}
        self.place_heads = set(place.get("heads", []))
        self.place_words = set(place.get("words", []))
        self.head_adjectives = set(words_of(data, "head_adjectives", ORG_FILE))
        self.adjective_only = set(words_of(data, "adjective_only_heads", ORG_FILE))
        self.not_org_heads = set(words_of(data, "not_org_heads", ORG_FILE))
        self.name_heads = set(words_of(data, "name_heads", ORG_FILE))
        self.company_cues = set(words_of(data, "company_cues", ORG_FILE))
        self.company_suffixes = set(words_of(data, "company_suffixes", ORG_FILE))
        self.legal_forms = [tuple(p.replace("'", "' ").split()) for p in words_of(data, "legal_forms", ORG_FILE)]
        self.lowercase_connectors = {c for c in words_of(data, "lowercase_connectors", ORG_FILE) if " " not in c}
        self.head_exclusions = {k: set(v) for k, v in (data.get("head_exclusions") or {}).items() if not k.startswith("_")}

    def is_head(self, word: str) -> bool:
        return word in self.lower_heads or word in self.upper_heads or (
            word[:1].isupper() and word.lower() in self.lower_heads)

    def _excluded(self, toks, i) -> bool:
        """`Centre administratif` is a building, `Centre national de ...` an institution."""
        nxt = toks[i + 1].text.lower() if i + 1 < len(toks) else ""
        return nxt in self.head_exclusions.get(toks[i].text, ())

    def find(self, toks: Sequence[Tok], barrier: Container[int] = frozenset(),
             no_head: Container[int] = frozenset()) -> list[OrgSpan]:
        """`no_head`: tokens inside a known name (`Hauts Plateaux du Centre`), where no organisation starts."""
        out = []
        i = 0
        while i < len(toks):
            span = self._at(toks, i, barrier) if self.is_head(toks[i].text) and not self._excluded(toks, i) \
                and i not in no_head else None
            if span:
                out.append(span)
                i = span.end
            else:
                i += 1
        return out

    def _legal_form(self, toks, j) -> int:
        for form in self.legal_forms:
            words = [t.text.lower().replace("’", "'") for t in toks[j:j + len(form)]]
            if len(words) == len(form) and all(w == f or f.endswith("'") and w == f for w, f in zip(words, form)):
                return len(form)
        return 0

    def _connector_len(self, toks, j, head: str, lowercase_ok: bool = False, in_complement: bool = False) -> int:
        """Number of tokens of the connector starting at j (`de la` is 2, `et de l'` 3), 0 if none."""
        if j >= len(toks):
            return 0
        w = toks[j].text.lower().replace("’", "'")
        if w in (",", "et"):
            # `ministère de la Culture, des Sports et du Tourisme`; a comma needs a connector after it
            nxt = self._connector_len(toks, j + 1, head, lowercase_ok) \
                if toks[min(j + 1, len(toks) - 1)].text not in (",", "et") else 0
            if nxt:
                return 1 + nxt
            if w == "," or j + 1 >= len(toks) or self.is_head(toks[j + 1].text):
                return 0  # `... et la Banque mondiale`: a second organisation, not part of this one
            if toks[j + 1].text.replace("’", "'") in ("la", "l'", "le", "les"):  # `et Le Minh Tri` is a name
                if not head[:1].isupper() or j + 2 < len(toks) and (
                        self.is_head(toks[j + 2].text) or toks[j + 2].text[:1].isupper() and not in_complement):
                    return 0  # `le gouvernement et le peuple japonais`: two things
                return 2  # `Banque internationale pour la reconstruction et le développement`
            return 1
        n = 0
        if w in self.connectors or (head in self.place_heads and w in self.place_words) \
                or (lowercase_ok and w in self.lowercase_connectors):
            n = 1
        if n and j + n < len(toks) and toks[j + n].text.replace("’", "'") in ("la", "l'", "le", "les"):
            n += 1  # `de la`, `pour la` (lower case: `de Le Minh Tri` is a name)
        return n

    def _is_adjective(self, tok: Tok, strict: bool = False) -> bool:
        """A lower-case adjective of a name (`militaire`, `allemande`, `unies`), not a verb (`finance`)."""
        w = tok.text
        if not (w.replace("-", "").isalpha() and w[:1].islower()):
            return False
        low = w.lower()
        if w in self.head_adjectives or tok.pos == "ADJ" and not low.endswith(VERB_ENDINGS) and not strict:
            return True
        endings = ADJECTIVE_ENDINGS + ADJ_ONLY_ENDINGS if tok.pos == "ADJ" else ADJECTIVE_ENDINGS
        return tok.pos in ("ADJ", "VERB", "NOUN") and (
            low.endswith(endings) or low[-1:] in "sx" and low[:-1].endswith(endings))

    def _at(self, toks, i, barrier) -> OrgSpan | None:
        head = toks[i].text
        upper = head[:1].isupper()
        j = i + 1
        while j < len(toks) and (toks[j].text in self.head_adjectives or self._is_adjective(toks[j])):
            j += 1
        while (n := self._legal_form(toks, j)):
            j += n  # `Banque commerciale par actions`, `Société à responsabilité limitée`
        has_adjective = j > i + 1
        lowercase_ok = True
        if has_adjective and upper and j < len(toks) and toks[j].text.isdigit():
            j += 1  # `Hôpital militaire central 108`
        end = j if (has_adjective and (upper or head in self.adjective_only)) else None
        if upper and not has_adjective and i > 0 and toks[i - 1].text not in (".", "\n", "»", "«", ":", "!", "?") \
                and j < len(toks) and j not in barrier and _brand_like(toks[j].text):
            # `Fondation VinFuture`, `Université Keio`, `Délégation Wallonie-Bruxelles au Vietnam`
            k = j
            while k < len(toks) and k - j < 4 and k not in barrier and (
                    _brand_like(toks[k].text) or toks[k].text == "-" and not toks[k - 1].space_after):
                k += 1
            if toks[k - 1].text == "-":
                k -= 1
            j = end = k
            lowercase_ok = False
        in_complement = False
        while j < len(toks):
            # `... pour l'Asie et le Pacifique` continues a complement; `Union européenne et le Royaume-Uni`
            # coordinates two names
            c = self._connector_len(toks, j, head, in_complement=in_complement)
            if c == 0:
                break
            k = j + c
            coordinated = toks[j].text in (",", "et")
            if coordinated and k < len(toks) and (self.is_head(toks[k].text) or is_acronym(toks[k].text)):
                break  # `l'ambassade de France et l'Institut ...`: two organisations
            content_end = self._content(toks, k, barrier, lowercase_ok=upper and lowercase_ok)
            if content_end is None:
                break
            if toks[k].text[:1].isupper():
                lowercase_ok = False  # after a proper name only names follow (`... des Nations unies pour le mandat`)
            in_complement = True
            j = end = content_end
        if end is None:
            return None
        return OrgSpan(i, end)

    def _content(self, toks, k, barrier, lowercase_ok: bool = False) -> int | None:
        """End of the name part starting at k: capitalised words (with their adjectives), or
        lower-case words that lead through a connector to capitalised ones; after a capitalised
        head (`Agence allemande de coopération internationale`) lower-case words may end the name."""
        if k >= len(toks) or k in barrier:
            return None
        if toks[k].text[:1].isupper() and toks[k].text[:1].isalpha():
            if self.is_head(toks[k].text) and k > 0 and toks[k - 1].text.lower() in ("et", ","):
                return None
            if ROMAN_ORDINAL_RE.match(toks[k].text):
                return None  # `Assemblée nationale de la XVe législature`
            j = k
            while j < len(toks) and j not in barrier and (
                    (toks[j].text[:1].isupper() and toks[j].text[:1].isalpha())
                    or (toks[j].text == "-" and not toks[j - 1].space_after)
                    or (j > k and self._is_adjective(toks[j]))):
                j += 1
            return j
        j = k
        while j < len(toks) and j - k < 5:
            tok = toks[j]
            if tok.text == "-" and j > k and not toks[j - 1].space_after and not tok.space_after \
                    and j + 1 < len(toks) and toks[j + 1].text.isalpha() and toks[j + 1].text.islower():
                j += 2  # `import-export`
                continue
            if tok.text == "et" and j > k and j + 1 < len(toks) and self._is_adjective(toks[j - 1], strict=True) \
                    and self._is_adjective(toks[j + 1], strict=True):
                j += 2  # `coopération culturelle et technique`
                continue
            if not (tok.text[:1].islower() and tok.text.isalpha() and tok.pos in ("NOUN", "ADJ")
                    and tok.text.lower() not in self.connectors
                    and (j == k or self._is_adjective(tok, strict=True)
                         or j == k + 1 and toks[k].pos == "ADJ" and tok.pos == "NOUN")):
                break
            j += 1  # one noun and its adjectives: `coopération internationale`, `nouvelle ruralité`, not `... finance`
        if j == k:
            return None
        if j + 2 < len(toks) and _hyphen_pair(toks, j):
            # `Association d'amitié Vietnam-Cuba`, `Hôpital d'amitié Vietnam-Japon`
            end = j + 3
            c = self._connector_len(toks, end, "") if end < len(toks) else 0
            if c and (nxt := self._content(toks, end + c, barrier, False)) is not None:
                return nxt
            return end
        c = self._connector_len(toks, j, "", lowercase_ok) if j < len(toks) else 0
        if c and toks[j].text not in (",",) and (nxt := self._content(toks, j + c, barrier, lowercase_ok)) is not None:
            return nxt if lowercase_ok else j
        if lowercase_ok and (toks[k].pos == "NOUN" or toks[j - 1].pos == "NOUN"):
            return j
        return None


def _hyphen_pair(toks, j) -> bool:
    """Tokens j..j+2 are `Vietnam-Cuba`: two capitalised words joined by a hyphen."""
    return (j + 2 < len(toks) and toks[j].text[:1].isupper() and toks[j + 1].text == "-" and not toks[j].space_after
            and not toks[j + 1].space_after and toks[j + 2].text[:1].isupper())
