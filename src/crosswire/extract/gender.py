"""Which pronoun a document uses for each person it names, read from the document's own words.

Input → output: an annotated document (spaCy ``Doc`` over ``Document.body``, cleaned mentions)
and the body ranges of its quotations → :class:`Genders`, which answers
``of(name) -> "he" | "she" | None`` for any way the document writes a name ("Don Fowler",
"Fowler" and "Mr. Fowler" are one person). A surname two people share in the document (Bill
and Hillary Clinton, George W. and Laura Bush) is answered by full name only: a lone
"Clinton" there has no gender.

Evidence, each a vote for the name it is attached to:

* an honorific before the name — "Mr." says he; "Mrs.", "Ms.", "Miss" say she (3 votes);
* a gendered noun as the name's title or apposition — "spokeswoman Jessica Ditto", "Melania,
  his wife", "Kellyanne Conway, the campaign manager and a mother of four" (3 votes);
* a reflexive or possessive pronoun in the clause the name is the subject of, outside
  quotation marks — "Rendell battled three bouts of pneumonia in his
  campaigns", "Warren introduced herself" (1 vote). Only the name's own clause counts (in
  "Trump said she was wrong" the "she" is someone else), and only when no other person is
  named in it ("Warren grilled John Stumpf for his role").

The gender with at least twice the votes of the other wins; a name with no evidence, or with
evidence both ways (two people sharing a surname: Bill and Hillary Clinton), has none. The
result only ever *removes* candidates for "he" or "she" — a person the text never genders is
still a candidate for both — so a pronoun whose only candidate is of the other gender stays
unresolved rather than guessed.

Why not a list of first names: it fails on the names a news story is most likely to carry
(foreign and unusual ones), and news writing genders its people within a few sentences of
naming them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from crosswire.extract.entities import person_name_words
from crosswire.models import AnnotatedDocument

__all__ = ["Gender", "Genders", "name_genders", "noun_gender", "surname_key"]

Gender = Literal["he", "she"]

_HONORIFICS: dict[str, Gender] = {
    "mr": "he", "mister": "he", "sir": "he", "lord": "he",
    "mrs": "she", "ms": "she", "miss": "she", "madam": "she", "madame": "she", "mme": "she",
    "dame": "she", "lady": "she",
}  # fmt: skip


def _all(words: str, gender: Gender) -> dict[str, Gender]:
    return dict.fromkeys(words.split(), gender)


#: Nouns that say which pronoun their person takes (singular only: a plural is never "he"/"she").
#: Not "chairman" or "actor": both are said of women too.
_GENDERED_NOUNS: dict[str, Gender] = {
    **_all(
        "man boy father dad son brother husband boyfriend grandfather grandson uncle nephew "
        "widower king prince emperor duke spokesman congressman councilman assemblyman "
        "businessman anchorman sportsman statesman gentleman",
        "he",
    ),
    **_all(
        "woman girl mother mom mum daughter sister wife girlfriend grandmother granddaughter "
        "aunt niece widow queen princess empress duchess spokeswoman congresswoman councilwoman "
        "assemblywoman businesswoman chairwoman anchorwoman sportswoman stateswoman actress lady",
        "she",
    ),
}
_PRONOUNS: dict[str, Gender] = {"his": "he", "himself": "he", "herself": "she", "hers": "she"}
_STRONG, _WEAK = 3, 1
# Clauses with a subject of their own: a pronoun inside one belongs to that clause's subject.
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def surname_key(name: str) -> str:
    """The lower-case surname of ``name``: "Donald J. Trump" → "trump", "King Jr." → "king"."""
    words = person_name_words(name)
    return words[-1] if words else ""


def _full_key(words: Sequence[str]) -> str:
    """Given name and surname: "Donald J. Trump" and "Donald Trump" → "donald trump"."""
    return f"{words[0]} {words[-1]}" if len(words) > 1 else ""


def noun_gender(word: str) -> Gender | None:
    """The pronoun a gendered noun takes ("spokeswoman" → she), None for any other word."""
    return _GENDERED_NOUNS.get(word.lower())


@dataclass(frozen=True, slots=True)
class Genders:
    """The pronoun of each person one document genders; surnames two people share are left out."""

    by_name: dict[str, Gender] = field(default_factory=dict)
    shared_surnames: frozenset[str] = frozenset()

    def of(self, name: str) -> Gender | None:
        """The pronoun the document gives ``name``; None when it never genders the person, or
        when ``name`` is a surname two of its people share written alone."""
        words = person_name_words(name)
        if not words:
            return None
        if words[-1] in self.shared_surnames:
            return self.by_name.get(_full_key(words)) if len(words) > 1 else None
        return self.by_name.get(words[-1])


def name_genders(adoc: AnnotatedDocument, *, quoted: Sequence[tuple[int, int]] = ()) -> Genders:
    """The :class:`Genders` of the people ``adoc`` names, from its own words.

    ``quoted`` are body ranges of words in quotation marks: their pronouns are the speaker's ("I
    told her") and say nothing of the people the writer names. Reported speech is in the
    writer's words and counts ("Simpson has been held since his arrest, the paper reports").
    """
    doc = adoc.doc
    people: list[tuple[tuple[str, ...], Any]] = []
    for m in adoc.mentions:
        if m.label != "PERSON":
            continue
        s, e = adoc.document.to_body(m.start, m.end)
        span = doc.char_span(s, e, alignment_mode="expand")
        words = person_name_words(m.text)
        if span is not None and words:
            people.append((words, span))
    full: dict[str, set[tuple[str, ...]]] = {}
    for words, _ in people:
        if len(words) > 1:
            full.setdefault(words[-1], set()).add(tuple(words))
    shared = frozenset(k for k, names in full.items() if _two_people(names))
    person_tokens = {t.i for _, span in people for t in span}
    votes: dict[str, Counter[Gender]] = {}
    for words, span in people:
        key = words[-1] if words[-1] not in shared else _full_key(words)
        if not key:
            continue  # a shared surname alone: whose evidence is it?
        others = person_tokens - {t.i for t in span}
        tally = votes.setdefault(key, Counter())
        for gender, weight in _evidence(doc, span, quoted, others):
            tally[gender] += weight
    out: dict[str, Gender] = {}
    for key, tally in votes.items():
        he, she = tally["he"], tally["she"]
        if he >= 2 * she and he > 0:
            out[key] = "he"
        elif she >= 2 * he and she > 0:
            out[key] = "she"
    return Genders(by_name=out, shared_surnames=shared)


def _two_people(names: set[tuple[str, ...]]) -> bool:
    """Do these full names with one surname name two people? Not when one name ends the other
    ("Suu Kyi", "Aung San Suu Kyi") or only middle names differ ("Donald J. Trump")."""
    firsts = {n[0] for n in names if not any(len(o) > len(n) and o[-len(n) :] == n for o in names)}
    return len(firsts) > 1


def _evidence(
    doc: Any, span: Any, quoted: Sequence[tuple[int, int]], others: set[int]
) -> list[tuple[Gender, int]]:
    """Votes one mention gives its name: honorific, gendered title or apposition, own clause."""
    out: list[tuple[Gender, int]] = []
    before = doc[span.start - 1] if span.start > 0 else None
    first = span[0]
    for tok in (first, before):
        if tok is not None and tok.lower_.rstrip(".") in _HONORIFICS:
            out.append((_HONORIFICS[tok.lower_.rstrip(".")], _STRONG))
            break
    root = span.root
    # Title words before the name ("spokeswoman Jessica Ditto") and nouns in apposition either
    # way ("Melania, his wife" / "his wife, Melania").
    titled = [t for t in doc[max(0, span.start - 3) : span.start] if t.head.i in range(span.start, span.end)]
    appos = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        appos.append(root.head)
    for noun in [*titled, *appos]:
        gender = noun_gender(noun.text) if noun.tag_ in {"NN", "NNP"} else None
        if gender is not None:
            out.append((gender, _STRONG))
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in {"himself", "herself"}:
        out.append((_PRONOUNS[after.lower_], _STRONG))  # "Lynch herself was a partner"
    if root.dep_ in _SUBJECTS and root.head.pos_ in {"VERB", "AUX"}:
        # (a verbless small clause is someone else's view: "considers Kaine her mentor")
        out.extend((g, _WEAK) for g in _own_clause_pronouns(root.head, root, quoted, others))
    return out


def _own_clause_pronouns(
    verb: Any, subject: Any, quoted: Sequence[tuple[int, int]], others: set[int]
) -> list[Gender]:
    """Reflexive and possessive pronouns of ``verb``'s own clause (not of clauses under it),
    none when the clause names another person (``others``: their token indices)."""
    found: list[Gender] = []
    stack = [c for c in verb.children if c.i != subject.i]
    while stack:
        tok = stack.pop()
        if tok.dep_ in _CLAUSES and any(c.dep_ in _SUBJECTS for c in tok.children):
            continue
        if tok.dep_ == "advcl" and tok.tag_ in {"VBG", "VBN"}:
            # a participle after the clause may hang on the wrong verb ("Chela spoke before
            # Hickok made the ruling, addressing her husband's killer"): whose it is is unsure
            continue
        if tok.i in others:
            return []
        word = tok.lower_
        gender = _PRONOUNS.get(word) or ("she" if word == "her" and tok.tag_ == "PRP$" else None)
        if gender is not None and not any(a <= tok.idx < b for a, b in quoted):
            found.append(gender)
        stack.extend(tok.children)
    return found
