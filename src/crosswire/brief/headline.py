"""The headline: the source sentence that best says who met whom, where and when, trimmed.

Input → output: an :class:`~crosswire.models.Alignment` → a headline string whose every
word is a contiguous stretch of one source sentence (extractive, never written anew).

Candidates are the lead sentences of each document and the canonical wording of the
corroborated facts; each is trimmed of a trailing participle/infinitive/relative clause
(", emphasizing ...", ", to strengthen ...", ", which ..."), then scored by how many of
who / whom / where / when it names (entities and dates inside it), by how many
independent sources back the fact it carries, and by whether two or more of them open
with that fact (the news, whoever it names); one stating outright what half the reports of it
or more only allege, relay or doubt ("Webb shot Ortiz" / "Webb allegedly shot Ortiz") is scored down.
"""

from __future__ import annotations

import re

from crosswire.align.backing import mostly_own_news, surer_than_sources
from crosswire.align.claims import is_boilerplate, trim_sentence
from crosswire.align.features import quote_balance
from crosswire.models import Alignment, AnnotatedDocument

__all__ = ["EventTerms", "headline", "trim_headline"]

_TAIL = re.compile(r",\s+(?:\w+ing|to|which|who|where|while|as|amid|amidst|after|before|during)\b")
# ", killing at least 12 people": the toll is the news of the sentence, not a clause to cut
_TOLL_TAIL = re.compile(
    r",\s+(?:killing|injuring|wounding|leaving)\b(?:\W+\w+){0,3}?\W+(?:\d|(?:dozens|scores|hundreds|thousands|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b)",
    re.I,
)
# A headline cannot lean on a sentence before it: no pronoun or connective first ("That man,
# Jose Luis Orozco, is now …", "But evidently, …", "Similarly, …").
_PRONOUN_START = re.compile(
    r"^\W*(he|she|they|it|this|these|those|that|its|their|we|i"
    r"|but|and|so|yet|still|also|however|similarly|meanwhile|instead)\b",
    re.I,
)
#: Fewer words than this say no event ("(Tue, 16 Aug 2011)" is a date line, not a headline).
_MIN_WORDS = 5


def trim_headline(text: str, *, min_words: int = 6, max_words: int = 30) -> str:
    """Cut a trailing subordinate clause after ``min_words`` words (not one that gives a toll,
    ", killing at least 12 people"); drop the final full stop."""
    for m in _TAIL.finditer(text):
        if _TOLL_TAIL.match(text, m.start()):
            continue
        if len(text[: m.start()].split()) >= min_words:
            text = text[: m.start()]
            break
    words = text.split()
    if len(words) > max_words:
        text = " ".join(words[:max_words]) + " …"
    return text.rstrip(" .;:")


class EventTerms:
    """Who, where and when inside a stretch of a document: entity mentions and dated expressions."""

    def __init__(self, alignment: Alignment) -> None:
        ex = alignment.extraction
        if ex.entities:
            self.mentions = [
                (m.document, m.start, m.end, e.type, e.id) for e in ex.entities for m in e.mentions
            ]
        else:
            self.mentions = [
                (m.document, m.start, m.end, m.label, m.text) for a in ex.story.documents for m in a.mentions
            ]
        self.dates = [(t.document, t.start, t.end) for t in ex.times if t.type == "DATE" and t.value]

    def count(self, doc: str, start: int, end: int) -> tuple[int, int, int]:
        """(distinct people named, up to 2; a place named: 0/1; a date named: 0/1) in ``[start, end)``."""
        inside = [(k, key) for d, ms, me, k, key in self.mentions if d == doc and start <= ms and me <= end]
        who = min(len({key for k, key in inside if k == "PERSON"}), 2)
        where = 1 if any(k in {"GPE", "LOC", "FAC"} for k, _ in inside) else 0
        when = 1 if any(d == doc and start <= ts and te <= end for d, ts, te in self.dates) else 0
        return who, where, when


def _has_verb(adoc: AnnotatedDocument, start: int, end: int) -> bool:
    """Whether ``[start, end)`` of the document holds a verb (True without a parse to ask)."""
    if adoc.doc is None:
        return True
    b0, b1 = adoc.document.to_body(start, end)
    span = adoc.doc.char_span(b0, b1, alignment_mode="expand") if b1 > b0 else None
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def headline(alignment: Alignment) -> str:
    """The most representative sentence, trimmed (empty only for a story without claims)."""
    ex = alignment.extraction
    terms = EventTerms(alignment)
    total = max(len(ex.story.story.families) or len(ex.story.story.documents), 1)
    # Each fact's number of origins that open with it: news leads with the news, so the fact
    # two or more independent reports open with is the story's event ("At least 12 people have
    # been killed after a 6.1-magnitude earthquake hit central Italy"), whoever it names.
    first = {a.document.id: a.sentences[0] for a in ex.story.documents if a.sentences}
    family_of = {m: f.id for f in ex.story.story.families for m in f.members}
    leads = {
        f.id: len(
            {
                family_of.get(c.document, c.document)
                for c in f.citations
                if (s0 := first.get(c.document)) is not None and c.start < s0.end and s0.start < c.end
            }
        )
        for f in alignment.facts
    }
    best: tuple[float, str] | None = None
    for adoc in ex.story.documents:
        doc = adoc.document
        for s in adoc.sentences[:3]:
            a, b = trim_sentence(doc, s.start, s.end)
            text = doc.text[a:b]
            if b <= a or is_boilerplate(text) or _PRONOUN_START.match(text) or text[:1] in "\"“'‘":
                continue
            line = text.split("\n", 1)[0]  # a title line, not the stamp under it
            whole = trim_headline(line, min_words=len(line.split()) + 1)  # no clause cut
            short = trim_headline(line)
            if short != whole and not _has_verb(adoc, a, a + len(short)):
                # the cut left a fragment ("Tuesday at Baldwin Wallace University in Berea, OH"
                # of "…, OH, after winning Ohio …, Gov. John Kasich said, …"): keep the clause
                short = whole
            if len(short.split()) < _MIN_WORDS or short.startswith("("):
                continue
            end = a + len(short)
            who, where, when = terms.count(doc.id, a, end)
            carried = [
                f
                for f in alignment.facts
                for c in f.citations
                if c.document == doc.id and c.start < b and a < c.end
            ]
            backing = max((f.independent_sources for f in carried), default=1)
            opened = max((leads[f.id] for f in carried), default=0)
            score = (
                who
                + where
                + when
                + 2.0 * backing / total
                - 0.3 * s.index
                - (0.5 if len(short.split()) > 25 else 0.0)
            )
            # Cut off with "…" it says less than a shorter sentence that ends; so does one the
            # splitter cut inside a quotation ('… “did well, because it was a substantive debate').
            # Whole, a sentence two origins open with is the story's lead.
            score += (
                -1.5 if short.endswith(" …") or quote_balance(short) != 0 else 1.0 if opened >= 2 else 0.0
            )
            # "Webb shot Ortiz" where most reports say he allegedly did: the first line a
            # reader sees states nothing more surely than they do
            score -= 1.5 if surer_than_sources(carried, ex.hedges, doc.id, a, end) else 0.0
            # nor one report's own news told around what the others say ("Webb, the man accused
            # of shooting Ortiz, had been fired last month")
            score -= 1.5 if mostly_own_news(carried, doc.text, doc.id, a, end) else 0.0
            if best is None or score > best[0]:
                best = (score, short)
    if best is not None:
        return best[1]
    if alignment.facts:
        return trim_headline(alignment.facts[0].text)
    return ""
