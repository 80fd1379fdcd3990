"""The cited summary: source sentences, most corroborated first, without repeats.

Input → output: an :class:`~crosswire.models.Alignment` → a tuple of
:class:`~crosswire.models.SummarySentence`, each the exact text of one source sentence
(trimmed of dateline/credit residue) and cited by that sentence plus every other
document's claim of the same facts.

Extractive by design: nothing is written that a source did not write, so every summary
sentence is contained in its first citation. Sentences are scored by the facts they
carry (salience = independent sources, centrality, position), chosen by maximal marginal
relevance (a sentence repeating a chosen fact or its words is redundant; one stating outright
what half the reports of it or more only allege, relay or doubt is scored down), and ordered
for reading: the lead first — the corroborated sentence that says who met whom, where and
when — then the most corroborated facts, then reading order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import EllipsisType

from crosswire.align.backing import mostly_own_news, surer_than_sources
from crosswire.align.claims import is_boilerplate, join_split_quotations, trim_sentence
from crosswire.align.features import (
    CONTEXTUAL_START,
    content_words,
    jaccard,
    quote_balance,
)
from crosswire.brief.headline import EventTerms
from crosswire.brief.timeline import event_date
from crosswire.models import Alignment, Citation, Document, Fact, SummarySentence

__all__ = ["Candidate", "candidates", "lead_sentence", "summarize"]

# (also after a word that orders it after the sentence before: "First, she and other Democrats …",
# "For his part, he …"; not after a time or place of its own: "On Tuesday, he said" may open a story)
_PRONOUN_START = re.compile(
    r"^\W*(?:(?:first|second|third|then|next|later|afterwards?|finally|instead|again|now|still|indeed"
    r"|meanwhile|moreover|however|in addition|in turn|for (?:his|her|their|its) part|at first),?\s+)?"
    r"(he|she|they|it|this|these|those|its|their|his|her)\b",
    re.I,
)
# "That's …", "That was …": a demonstrative pointing back at the sentence before; "But …",
# "And …", "So …": a sentence continuing the one before. Neither stands alone in a summary.
_LEANING_START = re.compile(
    r"^\W*(?:that(?:['’]s|\s+(?:is|was|are|were|has|had|will|would|could|can|may|might|means)\b)"
    r"|(?:but|and|yet|so|or|still|nor)\b)",
    re.I,
)
_SPEECH = re.compile(r"\b(said|says|added|stated|told|posted|wrote|noted|according to)\b", re.I)
# The writer in the first person outside any quotation ("While I am certainly one of those …,
# I am skeptical about their value"): a column's or a blog's opinion, not the story. "I" must
# be followed by a verb, so "World War I" and "Elizabeth I" are no first person.
_FIRST_PERSON = re.compile(
    r"\b(?:I(?:['’](?:m|ve|d|ll)\b|\s+(?:am|was|have|had|think|believe|know|feel|would|will|can|could"
    r"|do|did|don['’]t|didn['’]t|must|should|hope|want|see|say|said|agree|doubt|suspect|guess|wonder"
    r"|really|also|certainly|personally|still|just)\b)|[Mm]y|me)\b"
)
_QUOTE_MARK = re.compile(r"[\"“”]")
_CLOSING_MARK_AFTER = re.compile(r"[ \t]*[\"”][ \t]*(?:\n|$)")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A quotation whose tag names its speaker only as a pronoun: '“I think conservatives want to
# know …,” he added.' Alone in a summary, whose words are these?
_PRONOUN_TAG = re.compile(r"^\W*[\"“'‘].*[\"”'’]\s*(?:he|she|they)\s+\w+[^\"“”]*$", re.I | re.S)
# Words a headline leaves in lower case ("Deputy Shot and Killed in Los Angeles").
_TITLE_SMALL = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or", "over",
     "the", "to", "up", "vs", "with"}
)  # fmt: skip


# How far into a page its title and standfirst lines sit (characters of the original text).
_HEAD_CHARS = 400


def _heading(text: str, start: int, end: int) -> bool:
    """A line of its own with no closing punctuation ("SEACOM cable problems may only be
    resolved next week", "• Government wildlife experts to be consulted on development"):
    near the top of a page, its title or standfirst, however it is capitalised."""
    line = text[start:end].rstrip()
    # (a period may end a line capitalised as a title, "Donald Trump Got More Votes In Ohio Than
    # Hillary Clinton.": some archives end every headline with one)
    if line[-1:] in ".!?\"”’'…" and not (line[-1:] == "." and is_title_line(line[:-1])):
        return False
    before = text[:start].rstrip(" \t").rstrip("•·▪*–—-").rstrip(" \t")  # a standfirst's bullet
    after = text[end:].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def is_title_line(text: str) -> bool:
    """A page's title: no closing punctuation and (nearly) every word capitalised."""
    if text.rstrip()[-1:] in ".!?\"”’'…":
        return False
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if w.lower() not in _TITLE_SMALL]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source sentence that may go into the summary."""

    document: str
    start: int
    end: int
    text: str
    position: float
    index: int
    facts: tuple[str, ...]  # ids of the facts whose citations it overlaps
    sources: int  # the most independent sources behind any of those facts
    score: float
    # it states outright a fact half the reports of it or more only allege, relay or doubt
    surer: bool = False
    # its main statement is its own report's alone; what other sources back rides in an aside
    # ("Webb, the man accused of shooting Ortiz, had been fired last month, co-workers said")
    own_news: bool = False


def _overlaps(c: Citation, doc: str, start: int, end: int) -> bool:
    return c.document == doc and c.start < end and start < c.end


def candidates(alignment: Alignment) -> list[Candidate]:
    """Every claim-bearing sentence of the story with the facts it carries and its score."""
    facts = alignment.facts
    by_doc: dict[str, list[tuple[Fact, Citation]]] = {}
    for f in facts:
        for c in f.citations:
            by_doc.setdefault(c.document, []).append((f, c))
    # the words of a direct quotation, as (start, end) per document: a sentence inside one
    # whose speaker is named in another sentence ("… she said. “You never want …”") has no
    # speaker of its own
    quoted: dict[str, list[tuple[int, int]]] = {}
    for q in alignment.extraction.quotes:
        if q.kind == "direct":
            quoted.setdefault(q.document, []).append((q.start, q.end))
    out: list[Candidate] = []
    for adoc in alignment.extraction.story.documents:
        doc = adoc.document
        n = max(len(adoc.sentences), 1)
        for s in join_split_quotations(doc, adoc.sentences):
            a, b = trim_sentence(doc, s.start, s.end)
            if b <= a or is_boilerplate(doc.text[a:b]):
                continue
            carried = [f for f, c in by_doc.get(doc.id, []) if _overlaps(c, doc.id, a, b)]
            if not carried:
                continue  # not a claim (no verb, a dateline): never summary material
            carried = list({f.id: f for f in carried}.values())
            text = doc.text[a:b]
            if is_title_line(text) or (a < _HEAD_CHARS and _heading(doc.text, a, b)):
                continue  # "Sheriff's Deputy Shot and Killed": a page title (the brief has a headline)
            ranked = sorted((f.score for f in carried), reverse=True)
            # a sentence packing several corroborated facts is worth more than one carrying one
            score = ranked[0] + 0.1 * (sum(1 for f in carried if f.status != "single_source") - 1)
            if any(f.text == text for f in carried):
                score += 0.2  # the fact's own canonical wording: the clearest of its sentences
            if all(f.status == "single_source" for f in carried):
                score -= 0.5  # the summary tells what is corroborated first
            own_news = mostly_own_news(carried, doc.text, doc.id, a, b)
            if own_news:
                score -= 0.5  # as for a single-source sentence: its other citations back only a part
            surer = surer_than_sources(carried, alignment.extraction.hedges, doc.id, a, b)
            if surer:
                # "Webb shot Ortiz" when most reports only say he allegedly did: the summary
                # states nothing more surely than they do
                score -= 1.0
            if _PRONOUN_START.match(text) or _LEANING_START.match(text):
                score -= 1.5  # "He said ...", "But ..." does not stand alone in a summary
            if (
                (text[:1] in "\"“‘'" and not _SPEECH.search(text))
                or _PRONOUN_TAG.match(text)
                or any(
                    qa <= a and b <= qb + 2
                    for qa, qb in quoted.get(doc.id, [])  # + its closing mark
                )
            ):
                score -= 1.5  # a quotation without its speaker
            elif quote_balance(text) < 0 or (
                not _QUOTE_MARK.search(text) and _CLOSING_MARK_AFTER.match(doc.text, b)
            ):
                # 'People panicked …, " a spokesman said.': a quotation without its start; so is
                # the last line of a quotation opened lines before, its closing mark cut off
                # ('… have a chance to survive—and thrive. "')
                score -= 1.5
            if _FIRST_PERSON.search(_QUOTED.sub(" ", text)) and not _SPEECH.search(text):
                score -= 1.5  # the writer's own opinion, not the story
            if text.rstrip().endswith("?"):
                # "Now, how does Obama's claim about Clinton stack up?": a question tells nothing
                score -= 1.5
            words = len(text.split())
            if words < 6:
                score -= 1.0
            elif words > 60:
                score -= 0.3
            out.append(
                Candidate(
                    document=doc.id,
                    start=a,
                    end=b,
                    text=text,
                    position=s.index / n,
                    index=s.index,
                    facts=tuple(f.id for f in carried),
                    sources=max(f.independent_sources for f in carried),
                    score=score,
                    surer=surer,
                    own_news=own_news,
                )
            )
    return out


def lead_sentence(
    alignment: Alignment, pool: Sequence[Candidate], *, event: str | EllipsisType | None = ...
) -> Candidate | None:
    """The corroborated sentence that best tells who met whom, where and when (None when none does).

    It needs the story's canonical entities. It must name the story's event date (when it
    has one) and a person or a place — else two people and a place or a date —, stand alone
    (no leading pronoun, no bare quotation, no "also" or "the day before" leaning on an
    earlier sentence) and carry a fact backed by at least two independent sources; among
    those, the one naming most of who / where / when, best backed, earliest in its document.
    """
    if not alignment.extraction.entities:
        return None  # who met whom needs the story's people: no entity stage, no lead
    terms = EventTerms(alignment)
    main = event_date(alignment) if isinstance(event, EllipsisType) else event
    on_the_day = [
        (t.document, t.start, t.end) for t in alignment.extraction.times if main and t.value == main
    ]
    total = max(alignment.extraction.story.story.independent_sources, 1)
    best: tuple[float, Candidate] | None = None
    for c in pool:
        if (
            c.sources < 2
            or _PRONOUN_START.match(c.text)
            or CONTEXTUAL_START.match(c.text)
            or c.text[:1] in "\"“‘'"
        ):
            continue
        who, where, when = terms.count(c.document, c.start, c.end)
        if main:
            # the story's event date names the event: "bombs fell on the camp on Thursday",
            # not "South Sudan split off in July" (any date), nor a sentence where the tagger
            # took "Nonviolent Peaceforce" for a second person
            if not (who or where) or not any(
                d == c.document and c.start <= ts and te <= c.end for d, ts, te in on_the_day
            ):
                continue
        elif who < 2 or not (where or when):
            continue
        score = (
            who
            + where
            + when
            + 2.0 * c.sources / total
            - 0.3 * c.index
            - (0.5 if len(c.text.split()) > 45 else 0.0)
            - (1.0 if c.surer else 0.0)
            - (1.0 if c.own_news else 0.0)
        )
        if best is None or score > best[0]:
            best = (score, c)
    return best[1] if best else None


def _target_length(facts: Sequence[Fact], *, min_sentences: int, max_sentences: int) -> int:
    backed = sum(1 for f in facts if f.status != "single_source")
    want = backed if backed else math.ceil(len(facts) / 5)
    return max(min_sentences, min(max_sentences, want))


def summarize(
    alignment: Alignment,
    *,
    min_sentences: int = 3,
    max_sentences: int = 7,
    max_words: int | None = None,
    mmr_lambda: float = 0.6,
    headline: str | None = None,
    event: str | EllipsisType | None = ...,
) -> tuple[SummarySentence, ...]:
    """3–7 cited source sentences (or, with ``max_words``, as many as fill that budget).

    The first is the corroborated sentence that tells who met whom, where and when
    (:func:`lead_sentence`); when none does, the sentence the ``headline`` was cut from, if
    two independent sources back it. ``event``: the story's event date, when the caller has it
    (:func:`~crosswire.brief.timeline.event_date`; computed here otherwise).
    """
    pool = candidates(alignment)
    if not pool:
        return ()
    documents: dict[str, Document] = {a.document.id: a.document for a in alignment.extraction.story.documents}
    facts = {f.id: f for f in alignment.facts}
    words = {id(c): content_words(c.text) for c in pool}
    lo, hi = min(c.score for c in pool), max(c.score for c in pool)
    norm = {id(c): (c.score - lo) / (hi - lo) if hi > lo else 1.0 for c in pool}
    target = (
        max_sentences
        if max_words
        else _target_length(alignment.facts, min_sentences=min_sentences, max_sentences=max_sentences)
    )
    chosen: list[Candidate] = []
    used_words = 0
    remaining = list(pool)
    lead = lead_sentence(alignment, pool, event=event)
    if lead is None and headline:
        head = headline.removesuffix(" …")
        lead = next((c for c in pool if c.sources >= 2 and c.text.startswith(head)), None)
    if lead is not None:
        chosen.append(lead)
        remaining.remove(lead)
        used_words += len(lead.text.split())
    while remaining and len(chosen) < target:

        def mmr(c: Candidate) -> float:
            red = 0.0
            for s in chosen:
                if set(c.facts) & set(s.facts):
                    red = 1.0
                    break
                red = max(red, jaccard(words[id(c)], words[id(s)]))
            return mmr_lambda * norm[id(c)] - (1.0 - mmr_lambda) * red

        told = {f for s in chosen for f in s.facts}
        fresh = [c for c in remaining if not (c.facts and set(c.facts) <= told)]
        if not fresh:
            break  # every sentence left tells only facts already told: another wording is no news
        best = max(fresh, key=lambda c: (mmr(c), -c.position))
        remaining.remove(best)
        if chosen and mmr(best) < -0.2 and not max_words:
            break  # only repeats are left
        chosen.append(best)
        used_words += len(best.text.split())
        if max_words and used_words >= max_words:
            break
    # a sentence that leans on what came before ("The two leaders also discussed …") gives
    # way to another source's sentence that stands alone and carries the same corroborated
    # facts (a single-source clause riding along is no loss: the summary tells what is corroborated)
    backed = {f.id for f in alignment.facts if f.status != "single_source"}
    for k, c in enumerate(chosen):
        if c is lead or not CONTEXTUAL_START.match(c.text):
            continue
        same = (set(c.facts), set(c.facts) & backed or set(c.facts))
        alike = [
            o
            for o in pool
            if o not in chosen
            and set(o.facts) in same
            and not CONTEXTUAL_START.match(o.text)
            and o.score >= c.score
        ]
        if alike:
            chosen[k] = max(alike, key=lambda o: (o.score, -o.position))
    # for reading: the lead (who met whom, where, when), then the most corroborated facts
    chosen.sort(key=lambda c: (c is not lead, -c.sources, c.position, c.document))
    out = []
    for c in chosen:
        own = documents[c.document].cite(c.start, c.end)
        cites: dict[tuple[str, int, int], Citation] = {(own.document, own.start, own.end): own}
        for fid in c.facts:
            for cit in facts[fid].citations:
                if cit.document != c.document:
                    cites.setdefault((cit.document, cit.start, cit.end), cit)
        out.append(SummarySentence(text=c.text, citations=tuple(cites.values())))
    return tuple(out)
