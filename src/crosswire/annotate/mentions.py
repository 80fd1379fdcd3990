"""Entity mentions: spaCy's entities with its systematic mistakes cleaned by general rules.

Input → output: a spaCy ``Doc`` over ``Document.body`` → :class:`~crosswire.models.Mention`
tuples in original offsets (``Document.text[m.start:m.end] == m.text``); the cleaned,
token-aligned entities are also written back to ``doc.ents`` so later consumers agree.

Rules, in order (each is general, none names a story):

1. **Model designations** — a span built around a model code (``C 17``, ``CH 47F``, ``M777``,
   ``MQ 9Bs``) plus the capitalised name after it (``Globemaster III``) is one PRODUCT; it
   replaces the PERSON/ORG/CARDINAL pieces the model cut it into.
2. **Product nouns** — a non-demonym name followed by ``missiles``/``aircraft``/… is a PRODUCT
   (``Harpoon antiship missiles``).
3. **Titles are not organisations** — ``External Affairs`` (Minister), ``Defence`` (Secretary),
   (Secretary of) ``State``: a name directly before a title word or after ``<title> of`` is part
   of a role and dropped, unless the same words stand alone elsewhere in the document.
   PERSON spans made only of title words (``Mr. Minister``) are dropped; leading title words
   are trimmed from PERSON spans.
4. **Names after titles** — two or three capitalised proper nouns right after a title word
   that the model missed are a PERSON (``Foreign Ministers Anthony Albanese of Australia``), and
   so is a name in apposition to a title that it tagged otherwise (``according to the mayor,
   Elena Ricci``: ORG).
5. **Platforms** — ``posted on X``: the platform is a PRODUCT mention (added when missed); a
   platform's unambiguous name tagged PERSON (``Twitter``) is a PRODUCT too.
6. **Trimming** — a leading ``the``, a trailing possessive ``'s`` and trailing function words
   (``Sanders Are`` in a Title Case headline) are not part of a name, nor is what follows a
   person's possessive (``Barack Obama's Endorsement``); a possessive before a person's name
   is two names (``Commentary's Noah Rothman``: an ORG and a PERSON).
7. **Geography** — a span ending in ``region``/``sea``/… is LOC, and so are the other mentions
   of the same name in the document (``the Indo-Pacific``).
8. **Country pairs** — ``U.S.-India`` tagged ORG is two GPE mentions; pairs the model missed
   are added.
9. **Clauses are not names** — a span holding a lower-case finite verb (``Dell resells
   SeaMicro``) is the model running names across a clause: it is cut at the verb, and each
   side that still starts with a capital keeps the label, less its trailing lower-case words
   (``Dell``, ``SeaMicro``). Such a WORK_OF_ART (``The Chiefs went on``) is dropped: a title
   is capitalised throughout, so the label itself is wrong.
10. **Nicknames** — a given name, a nickname in quotation marks and a surname (``John “Tig”
   Tiegen``) are one PERSON, wherever the model cut them (``John “Tig`` PERSON, ``Tiegen`` ORG)
   as long as it took part of them for a person.
11. **Names follow their person** — a lone surname or a full name tagged ORG, NORP, FAC,
   PRODUCT or WORK_OF_ART (``But Fowler said``, ``Ivanka Trump acknowledged``) in a document
   that names that person in full elsewhere (``Don Fowler``, ``Ivanka Trump``) is that PERSON.
   A surname tagged GPE or LOC (``Vladeck said``, ``attacks on Machado``) is too, unless the
   document ever puts it where a place goes (``in Aceh``, ``near Woodward``); country names
   keep their label.
12. **Lists are not names** — ``Onna, Paganica`` (ORG) before ``and Tempera`` (GPE) is the
   head of a list of names, not one name: each item is a mention of its own (not ``T-Mobile
   USA, Inc.``: an abbreviation is no item). Items keep the span's label, unless the list
   stands where a place goes and ends in a place (``the villages of Onna, Paganica and
   Tempera``): then they are places.
13. **Names have capitals** — a person, organisation or place mention without a capital
   letter (``html`` of a URL line cut at its dots) is dropped.
14. **Time zones are no names** — ``GMT``, ``UTC``, ``EDT`` … tagged as an organisation or a
   place (``at 3:36 am (0136 GMT)``) are dropped: they tell the time, not who or where.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crosswire.annotate.lexicon import (
    BODY_NOUNS,
    DEMONYMS,
    EVENT_NOUNS,
    GEO_HEADS,
    HONORIFICS,
    NAME_SUFFIXES,
    PLATFORMS,
    POSTING_VERBS,
    PRODUCT_NOUNS,
    TITLE_HEADS,
    country_for,
)
from crosswire.annotate.sentences import token_index, token_starts
from crosswire.models import Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["build_mentions", "clean_mentions"]

_PREFIX = re.compile(r"^[A-Z]{1,3}$")  # C, MH, MQ
_NUMBER_CODE = re.compile(r"^\d{1,4}[A-Z]{0,2}s?$")  # 17, 47F, 9Bs
_JOINED_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Z]{0,2}s?$")  # M777, F-35, F-16s
_CODE_HINT = re.compile(r"\b[A-Z]{1,3}[ -]?\d")  # where a designation can start
_TITLE_HINT = re.compile(r"\b(?:" + "|".join(re.escape(w.capitalize()) for w in sorted(TITLE_HEADS)) + r")\b")
_PLATFORM_HINT = re.compile(
    r"\b(?:"
    + "|".join(sorted(POSTING_VERBS))
    + r")\s+on\s+(?P<name>"
    + "|".join(re.escape(p) for p in sorted(PLATFORMS, key=len, reverse=True))
    + r")\b"
)
# "X" (Malcolm X), "Threads" and "Telegram" can be other things; the rest are only platforms.
_NEVER_PEOPLE = PLATFORMS - {"X", "Threads", "Telegram"}
_PREFIX_WORDS = frozenset({"A", "I"})  # English words that look like a one-letter model prefix
_ROMAN = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X)$")
_DEMONYM_SHAPE = re.compile(r"(?:an|ese|ish|ic|i|ch)$", re.IGNORECASE)
_HYPHENATED = re.compile(r"[A-Za-z][A-Za-z.]*(?:-[A-Za-z][A-Za-z.]*)+")
_NON_NAME_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# What a small model calls a person's name ("But Fowler said" → ORG, "Ivanka Trump acknowledged" →
# PRODUCT); places are left alone.
_NAME_SLIPS = frozenset({"ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
# Words after which a name is a place: "in Aceh", "off Aceh", "the province of Aceh", "flew to
# Washington" (not a bare "to": "talks to DuVernay").
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|off|into|across|outside|inside|around)"
    r"|\b(?:province|region|state|city|town|village|district|county|capital)s? of"
    r"|\b(?:flew|flown|fly|flies|flying|went|go|goes|going|came|come|coming|drove|driven|returned"
    r"|returning|moved|headed|heading|travell?ed|travell?ing|trip|journey|way) (?:back )?to)\s+$",
    re.IGNORECASE,
)
_FINITE = frozenset({"VBZ", "VBD", "VBP"})  # "resells", "sold", "make": a clause, not a name


@dataclass(slots=True)
class _Ent:
    """A mention being cleaned: clean-view character range and label (mutable working state)."""

    start: int
    end: int
    label: str


def _title_word(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in TITLE_HEADS or w in HONORIFICS


def _designations(doc: Doc, starts: Any) -> list[tuple[int, int, int, int, bool]]:
    """Model designations as token ranges: ``(tok_start, tok_end, char_start, char_end, joined)``."""
    out: list[tuple[int, int, int, int, bool]] = []
    n = len(doc)
    last_end = 0
    for hint in _CODE_HINT.finditer(doc.text):
        i = token_index(starts, hint.start())
        if i < last_end or starts[i] != hint.start():
            continue
        tok = doc[i]
        end_code = -1
        joined = False
        if _PREFIX.match(tok.text) and i + 1 < n and _NUMBER_CODE.match(doc[i + 1].text):
            end_code = i + 2
        elif _JOINED_CODE.match(tok.text):
            end_code, joined = i + 1, True
        if end_code < 0:
            continue
        j = end_code
        # The capitalised name after the code: "Super Hercules", "Globemaster III", "Sea Hawk".
        while j < n and (doc[j].is_title or _ROMAN.match(doc[j].text)) and not doc[j].is_sent_start:
            if _PREFIX.match(doc[j].text) and j + 1 < n and _NUMBER_CODE.match(doc[j + 1].text):
                break
            j += 1
        out.append((i, j, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), joined))
        last_end = j
    return out


def _followed_by_product_noun(doc: Doc, tok_end: int) -> bool:
    """A product noun within the next three tokens, with only lower-case modifiers between."""
    for k in range(tok_end, min(tok_end + 3, len(doc))):
        t = doc[k]
        if t.lower_ in PRODUCT_NOUNS:
            return True
        if not (t.is_lower or t.text == "-"):
            return False
    return False


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _rule_designations(doc: Doc, starts: Any, ents: list[_Ent]) -> list[_Ent]:
    """1. Model designations → PRODUCT, replacing the pieces the model cut them into."""
    for ts, te, cs, ce, joined in _designations(doc, starts):
        if doc[ts].text in _PREFIX_WORDS:
            continue  # "A 2014 study", "I 50 points"
        # Overlapping a name the model found (not just a number) makes a designation likely.
        hit = any(_overlaps(cs, ce, e.start, e.end) and e.label not in _NON_NAME_LABELS for e in ents)
        coordinated = ts > 0 and doc[ts - 1].lower_ in {",", "and", "or", "like"}
        if joined and not (_followed_by_product_noun(doc, te) or (hit and coordinated)):
            continue  # "G20", "COVID-19": a lone code needs a product noun or a product list around it
        if not joined and not (hit or _followed_by_product_noun(doc, te) or te - ts > 2):
            continue
        ents = [e for e in ents if not _overlaps(cs, ce, e.start, e.end)]
        ents.append(_Ent(cs, ce, "PRODUCT"))
    return ents


def _rule_product_nouns(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """2. Names followed by product nouns are products (not demonyms: "Russian missiles" stays NORP)."""
    text: str = doc.text
    for e in ents:
        if e.label in _NON_NAME_LABELS | {"PRODUCT", "GPE", "ORG"}:
            continue
        surface = text[e.start : e.end]
        if e.label == "NORP" and (surface.lower() in DEMONYMS or _DEMONYM_SHAPE.search(surface)):
            continue
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is not None and _followed_by_product_noun(doc, span.end):
            e.label = "PRODUCT"
    return ents


def _in_title(doc: Doc, e: _Ent) -> bool:
    """Is the non-person ``e`` part of a title: "External Affairs" Minister, Secretary of "State"?"""
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    if span is None or e.label in _NON_NAME_LABELS | {"PERSON"}:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    before = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    title_after = nxt is not None and nxt.is_title and nxt.lower_ in TITLE_HEADS
    title_before = len(before) == 2 and before[0] in TITLE_HEADS and before[1] in {"of", "for"}
    return title_after or title_before


def _rule_titles(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """3. Titles are not organisations; PERSON spans lose their leading titles."""
    text: str = doc.text
    in_title = [_in_title(doc, e) for e in ents]
    # The same words standing alone elsewhere ("the Pentagon said") make them a real name.
    standalone = {text[e.start : e.end].lower() for e, t in zip(ents, in_title, strict=True) if not t}
    kept: list[_Ent] = []
    for e, titled in zip(ents, in_title, strict=True):
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            kept.append(e)
        elif e.label == "PERSON":
            if all(_title_word(t.text) for t in span):
                continue  # "Mr. Minister"
            cut = 0
            for k in range(len(span) - 1):
                if not (span[k].is_title or span[k].lower_ in {"of", "for"}):
                    break
                if _title_word(span[k].text):
                    cut = k + 1
            if cut:
                e.start = span[cut].idx  # "Prime Minister Modi" → "Modi"
            kept.append(e)
        elif titled and text[e.start : e.end].lower() not in standalone:
            # Keep a leading country or demonym ("Indian External Affairs") as its own mention.
            first = span[0]
            if len(span) > 1 and (country_for(first.text) or first.lower_ in DEMONYMS):
                label = "NORP" if first.lower_ in DEMONYMS else "GPE"
                kept.append(_Ent(first.idx, first.idx + len(first.text), label))
        else:
            kept.append(_titled_person(span, e))
    return kept


def _titled_person(span: Span, e: _Ent) -> _Ent:
    """A title word, then two or three capitalised proper nouns, tagged WORK_OF_ART or ORG
    ("Undersheriff James Gage"), is the person of that name (the title trimmed)."""
    if len(span) < 3 or not _title_word(span[0].text) or span[0].lower_ in HONORIFICS:
        return e
    rest = span[1:]
    if len(rest) <= 3 and all(t.tag_ == "NNP" and t.is_title and not _title_word(t.text) for t in rest):
        return _Ent(rest[0].idx, e.end, "PERSON")
    return e


# A title just before a comma ("the mayor, "): not the words that are as often something else
# ("over his head, ", "in a chair, ", "in general, ") nor plurals (a list of people follows them).
_APPOSABLE_TITLES = sorted(
    (
        t
        for t in TITLE_HEADS
        if not t.endswith("s") and t not in {"head", "chair", "general", "justice", "speaker"}
    ),
    key=len,
    reverse=True,
)
_APPOSED_TO_TITLE = re.compile(r"\b(?:" + "|".join(_APPOSABLE_TITLES) + r"),[ \t]+\Z", re.IGNORECASE)


def _rule_names_after_titles(doc: Doc, starts: Any, ents: list[_Ent]) -> list[_Ent]:
    """4. Two or three proper nouns the model missed right after a title word are a PERSON."""
    covered = [(e.start, e.end) for e in ents]
    for hint in _TITLE_HINT.finditer(doc.text):
        i = token_index(starts, hint.start())
        if starts[i] != hint.start() or not doc[i].is_title:
            continue
        k = i + 1
        while k < len(doc) and k - i <= 3 and doc[k].tag_ == "NNP" and doc[k].is_title:
            pos = doc[k].idx
            if _title_word(doc[k].text) or any(s <= pos < e for s, e in covered):
                break
            k += 1
        if k - i >= 3:  # at least a given name and a surname
            cs, ce = doc[i + 1].idx, doc[k - 1].idx + len(doc[k - 1].text)
            ents.append(_Ent(cs, ce, "PERSON"))
            covered.append((cs, ce))
    for e in ents:
        if (
            e.label in _NAME_SLIPS
            and _APPOSED_TO_TITLE.search(doc.text, max(0, e.start - 40), e.start)
            and _PERSON_SHAPE.fullmatch(doc.text[e.start : e.end])
        ):
            e.label = "PERSON"  # "the mayor, Elena Ricci"
    return ents


def _rule_platforms(text: str, ents: list[_Ent]) -> list[_Ent]:
    """5. The platform in "posted on X" is a PRODUCT (added when the model missed it); a
    platform's unambiguous name is never a PERSON ("Trump took to Twitter overnight")."""
    for e in ents:
        if e.label == "PERSON" and text[e.start : e.end] in _NEVER_PEOPLE:
            e.label = "PRODUCT"
    for hint in _PLATFORM_HINT.finditer(text):
        cs, ce = hint.start("name"), hint.end("name")
        ents = [e for e in ents if not _overlaps(cs, ce, e.start, e.end)]
        ents.append(_Ent(cs, ce, "PRODUCT"))
    return ents


_INNER_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?=\s+[A-Z])")
_LAST_WORD = re.compile(r"\s+([A-Za-z]+)\s*$")
# Words no name ends with: a Title Case headline's verbs and prepositions the model ran a name
# into ("Clinton and Sanders Aren't Butting Heads" → "Sanders Are").
# ("May", "Will", "Do", "An" end names: Theresa May, George Will, Anh Do.)
_NEVER_LAST = frozenset({
    "a", "the", "and", "or", "of", "for", "to", "at", "on", "in", "by", "with", "from", "than",
    "is", "are", "was", "were", "been", "has", "have", "had", "does", "did", "would", "could",
    "should"
})  # fmt: skip


# Two or three capitalised words, initials allowed: a person's name ("Noah Rothman", "Jeffrey M. Jones").
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z]\.)"
_PERSON_SHAPE = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}")
# Heads of what an owner has that are not people: "Harvard's Kennedy School", "the Post's Style section".
_THING_HEADS = frozenset({
    "school", "university", "college", "institute", "institution", "center", "centre", "foundation",
    "club", "church", "hospital", "bank", "fund", "museum", "library", "society", "association",
    "academy", "corporation", "corp", "inc", "co", "ltd", "times", "post", "journal", "news", "review",
    "tribune", "herald", "gazette", "house", "hall", "building", "tower", "section", "desk", "show", "hour",
})  # fmt: skip
_NOT_A_PERSON = GEO_HEADS | PRODUCT_NOUNS | TITLE_HEADS | BODY_NOUNS | EVENT_NOUNS | _THING_HEADS


def _rule_trim(text: str, ents: list[_Ent]) -> list[_Ent]:
    """6. A leading "the", a trailing possessive and trailing function words are not part of a
    name, nor is what follows a person's possessive ("Barack Obama's Endorsement"). A
    possessive before a person's name is two names: "Commentary's Noah Rothman" (ORG) and
    "Politico's Glenn Thrush" (PERSON) are the publication and its writer."""
    owned: list[_Ent] = []
    for e in ents:
        if e.label in _NON_NAME_LABELS:
            continue
        if e.label in {"PERSON", "ORG"} and (inner := _INNER_POSSESSIVE.search(text, e.start, e.end)):
            rest = e.end - len(text[inner.end() : e.end].lstrip())
            name = text[rest : e.end]
            if _PERSON_SHAPE.fullmatch(name) and not {w.lower() for w in name.split()} & _NOT_A_PERSON:
                owned.append(_Ent(rest, e.end, "PERSON"))
                if len(text[e.start : inner.start()].split()) == 1:
                    e.label = "ORG"  # one word owning a writer is the outlet: "Politico", "Commentary"
                e.end = inner.start()
            elif e.label == "PERSON":
                e.end = inner.start()
        while e.label != "WORK_OF_ART" and (last := _LAST_WORD.search(text, e.start, e.end)):
            word = last.group(1)
            if word.lower() not in _NEVER_LAST or word.isupper():  # "Class A", "the IS" keep theirs
                break
            e.end = last.start()
        if text[e.start : e.start + 4].lower() == "the " and e.end > e.start + 4:
            e.start += 4
            while e.start < e.end and text[e.start].isspace():
                e.start += 1
        seg = text[e.start : e.end]
        for p in ("'s", "’s", "'", "’"):
            if seg.endswith(p) and len(seg) > len(p) + 1 and (len(p) == 2 or seg[-2:-1] == "s"):
                e.end -= len(p)
                break
        while e.end > e.start and text[e.end - 1].isspace():
            e.end -= 1
    return ents + owned


def _rule_geography(text: str, ents: list[_Ent]) -> list[_Ent]:
    """7. "X region" is a LOC, and so is every other mention of "X" in the document."""
    geo_names: set[str] = set()
    for e in ents:
        words = text[e.start : e.end].split()
        if (
            e.label in {"ORG", "GPE", "PERSON", "NORP", "FAC"}
            and len(words) > 1
            and words[-1].lower() in GEO_HEADS
        ):
            e.label = "LOC"
            geo_names.add(" ".join(words[:-1]).lower())
    for e in ents:
        if e.label in {"ORG", "PERSON", "NORP", "FAC"} and text[e.start : e.end].lower() in geo_names:
            e.label = "LOC"
    return ents


def _rule_country_pairs(text: str, ents: list[_Ent]) -> list[_Ent]:
    """8. "U.S.-India" is two GPE mentions, whether the model tagged it (as ORG) or not."""
    out: list[_Ent] = []
    for e in ents:
        seg = text[e.start : e.end]
        parts = _country_pair(seg)
        if e.label not in _NON_NAME_LABELS and _HYPHENATED.fullmatch(seg) and parts:
            out.extend(_Ent(e.start + a, e.start + b, "GPE") for a, b in parts)
        else:
            out.append(e)
    for m in _HYPHENATED.finditer(text):
        parts = _country_pair(m.group(0))
        whole_word = (m.start() == 0 or not text[m.start() - 1].isalnum()) and (
            m.end() == len(text) or not text[m.end()].isalnum()
        )
        if parts and whole_word and not any(_overlaps(m.start(), m.end(), e.start, e.end) for e in out):
            out.extend(_Ent(m.start() + a, m.start() + b, "GPE") for a, b in parts)
    return out


def _rule_clauses(doc: Doc, ents: list[_Ent]) -> list[_Ent]:
    """9. A name does not hold a lower-case finite verb: cut the span there, keep capitalised sides."""
    out: list[_Ent] = []
    for e in ents:
        span = None if e.label in _NON_NAME_LABELS else doc.char_span(e.start, e.end)
        cuts = [] if span is None else [t.i for t in span if t.tag_ in _FINITE and t.is_lower]
        if span is None or not cuts:
            out.append(e)
            continue
        if e.label == "WORK_OF_ART":
            continue  # "The Chiefs went on", "Lindsay never checked": a title is capitalised throughout
        bounds = [span.start - 1, *cuts, span.end]
        for a, b in itertools.pairwise(bounds):
            lo, hi = a + 1, b
            while hi > lo and not doc[hi - 1].text[:1].isupper():
                hi -= 1  # "Holt of being a" → "Holt"
            if hi > lo and doc[lo].text[:1].isupper():
                out.append(_Ent(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text), e.label))
    return out


# A given name, a quoted nickname of one or two words, a surname: John “Tig” Tiegen.
_NICKNAMED = re.compile(
    r"\b[A-Z][a-z]+\.?\s+[“\"‘'][A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?[”\"’']\s+[A-Z][a-z][\w'’-]*[a-z]\b"
)


def _rule_nicknames(text: str, ents: list[_Ent]) -> list[_Ent]:
    """10. Given name, “nickname”, surname: one PERSON, replacing the pieces the model made of it."""
    for m in _NICKNAMED.finditer(text):
        pieces = [e for e in ents if _overlaps(m.start(), m.end(), e.start, e.end)]
        if not any(e.label == "PERSON" for e in pieces) or any(e.end > m.end() for e in pieces):
            continue
        start = min([m.start(), *(e.start for e in pieces)])  # "Marine John “Tig": the model's start
        ents = [e for e in ents if e not in pieces]
        ents.append(_Ent(start, m.end(), "PERSON"))
    return ents


def _rule_person_names(text: str, ents: list[_Ent]) -> list[_Ent]:
    """11. A person's name (in full, or the surname alone) the model took for an organisation or a
    product elsewhere in the document is that person."""
    names: set[str] = set()
    for e in ents:
        words = text[e.start : e.end].split() if e.label == "PERSON" else []
        if len(words) >= 2:
            names.add(" ".join(words))  # "Ivanka Trump" PERSON here, PRODUCT three lines down
        while len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
            words.pop()  # "Martin Luther King Jr." is called "King"
        if len(words) >= 2 and words[-1][:1].isupper():
            names.add(words[-1])
    places = {
        " ".join(text[e.start : e.end].split())
        for e in ents
        if e.label in _PLACE_LABELS
        and _PLACE_BEFORE.search(text, max(0, e.start - 30), e.start)
        and not text.startswith(("'", "’"), e.end)  # "a role in Machado's citizenship", "in Sanders' camp"
    }
    for e in ents:
        seg = " ".join(text[e.start : e.end].split())
        if seg not in names or country_for(seg) is not None:
            continue
        if e.label in _NAME_SLIPS or (e.label in _PLACE_LABELS and " " not in seg and seg not in places):
            e.label = "PERSON"
    return ents


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
# One capitalised name of one to three words: an item of a list of names.
_LIST_ITEM = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}")


def _rule_lists(text: str, ents: list[_Ent]) -> list[_Ent]:
    """12. "Onna, Paganica" right before "and Tempera" is two names of a list, not one name."""
    out: list[_Ent] = []
    by_start = {e.start: e for e in ents}
    for e in ents:
        items = text[e.start : e.end].split(", ")
        after = re.match(r",?[ \t]+(?:and|or)[ \t]+", text[e.end : e.end + 8])
        last = by_start.get(e.end + after.end()) if after else None
        if (
            e.label == "PERSON"
            or len(items) < 2
            or last is None
            or not all(_LIST_ITEM.fullmatch(item) and not item.endswith(".") for item in items)
        ):
            out.append(e)
            continue
        placed = last.label in _PLACE_LABELS and _PLACE_BEFORE.search(text, max(0, e.start - 30), e.start)
        label = last.label if placed else e.label
        pos = e.start
        for item in items:
            out.append(_Ent(pos, pos + len(item), label))
            pos += len(item) + 2
    return out


def clean_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """Cleaned ``(start, end, label)`` clean-view character ranges of the entities of ``doc``."""
    text: str = doc.text
    starts = token_starts(doc)
    ents = [_Ent(e.start_char, e.end_char, e.label_) for e in doc.ents]
    ents = _rule_designations(doc, starts, ents)
    ents = _rule_product_nouns(doc, ents)
    ents = _rule_titles(doc, ents)
    ents = _rule_names_after_titles(doc, starts, ents)
    ents = _rule_platforms(text, ents)
    ents = _rule_trim(text, ents)  # before geography, so "the Indo-Pacific" compares equal
    ents = _rule_geography(text, ents)
    ents = _rule_country_pairs(text, ents)
    ents = _rule_clauses(doc, ents)
    ents = _rule_nicknames(text, ents)
    ents = _rule_person_names(text, ents)
    ents = _rule_lists(text, ents)
    # A name has a capital letter: "html", "com" of a URL cut at its dots are no one; a time
    # zone is no one either.
    ents = [
        e
        for e in ents
        if e.label not in _NAME_LABELS
        or (any(ch.isupper() for ch in text[e.start : e.end]) and text[e.start : e.end] not in _TIME_ZONES)
    ]
    # No overlaps: on a clash keep the earlier-starting, longer mention.
    ents.sort(key=lambda e: (e.start, -(e.end - e.start)))
    final: list[tuple[int, int, str]] = []
    for e in ents:
        if e.end <= e.start or (final and e.start < final[-1][1]):
            continue
        final.append((e.start, e.end, e.label))
    return final


# Not the two-letter "CT", "MT", "PT": they are also Connecticut, Montana, Portugal.
_TIME_ZONES = frozenset(
    {
        "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "IST", "PKT", "JST", "KST",
        "HKT", "SGT", "AEST", "AEDT", "AWST", "NZST", "NZDT", "EST", "EDT", "CST", "CDT", "MST",
        "MDT", "PST", "PDT", "AKST", "HST",
    }
)  # fmt: skip


def _country_pair(seg: str) -> list[tuple[int, int]]:
    """Offsets of the parts of ``seg`` when it is hyphen-joined country names, else ``[]``."""
    seg = seg.rstrip(".") if seg.count(".") == 1 else seg
    parts: list[tuple[int, int]] = []
    pos = 0
    for piece in seg.split("-"):
        if not piece or country_for(piece) is None:
            return []
        parts.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return parts if len(parts) >= 2 else []


def build_mentions(document: Document, doc: Any) -> tuple[Mention, ...]:
    """Clean the entities of ``doc``, write them back to ``doc.ents``, return them in original offsets."""
    cleaned = clean_mentions(doc)
    spans = []
    for s, e, label in cleaned:
        span = doc.char_span(s, e, label=label, alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
    doc.ents = spans
    out: list[Mention] = []
    for s, e, label in cleaned:
        start, end = document.to_original(s, e)
        out.append(
            Mention(document=document.id, start=start, end=end, text=document.text[start:end], label=label)
        )
    return tuple(out)
