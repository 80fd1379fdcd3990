"""What a line of the brief may say, given what its citations back.

Input → output: facts (and the hedges, documents, families and entity mentions of their story)
→ yes/no answers and citations the brief writes by.

A corroborated fact is backed by several independent sources, but a sentence cited for it may
say more than they do: more surely ("Webb shot Ortiz" where the others say he allegedly did:
:func:`surer_than_sources`), with news of its own report told around it ("Webb, the man accused
of shooting Ortiz, had been fired last month": :func:`mostly_own_news`), or with details only
its own origin gives ("after an argument over an unpaid tab": :func:`single_source_details`).
Headline, summary and timeline prefer a sentence that says no more than its citations; the
facts list names the details one source alone tells.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import Any

from crosswire.align.claims import Claim
from crosswire.align.features import content_word_positions, content_words
from crosswire.models import Citation, Document, Fact, Hedge

__all__ = ["hedging_reports", "mostly_own_news", "single_source_details", "surer_than_sources"]


def surer_than_sources(
    facts: Sequence[Fact], hedges: Sequence[Hedge], document: str, start: int, end: int
) -> bool:
    """``document[start:end]`` carries a fact that half its reports or more only allege, relay or
    doubt (``Fact.mostly_hedged``) and carries no hedge cue of its own: "Webb shot Ortiz" where
    two reports of three say he allegedly did. Headline, summary and timeline do not word a thing so."""
    if not any(
        f.mostly_hedged
        and any(c.document == document and c.start < end and start < c.end for c in f.citations)
        for f in facts
    ):
        return False
    return not any(h.document == document and start <= h.start and h.end <= end for h in hedges)


# a clause's worth of news of its own ("had been fired last month"), not a stray word
_MIN_OWN_WORDS = 3


def mostly_own_news(facts: Sequence[Fact], text: str, document: str, start: int, end: int) -> bool:
    """``text[start:end]`` (of ``document``) carries a corroborated fact, and ``_MIN_OWN_WORDS``
    content words or more of it lie only in claims no other independent source backs: "Webb,
    the man accused of shooting Ortiz, had been fired last month, co-workers said", where the
    other reports tell only the accusation. Cited beside them, the whole sentence would read as
    what they say too; headline, summary and timeline prefer a sentence that is theirs as well."""
    spans: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
    for f in facts:
        alone = f.status == "single_source"
        spans[alone] += [
            (c.start, c.end)
            for c in f.citations
            if c.document == document and c.start < end and start < c.end
        ]
    if not spans[True] or not spans[False]:
        return False
    positions = [p for p, _ in content_word_positions(text, start, end)]
    own = sum(
        1
        for p in positions
        if any(s <= p < e for s, e in spans[True]) and not any(s <= p < e for s, e in spans[False])
    )
    return own >= _MIN_OWN_WORDS


def hedging_reports(
    members: Sequence[Claim], hedges: Mapping[str, Sequence[Hedge]], documents: Mapping[str, Document]
) -> dict[str, tuple[Claim, Hedge]]:
    """Document → (its hedged claim, the cue) for each document whose every claim among
    ``members`` carries a cue bearing on what the claims share: "Lopez allegedly shot Ortiz"
    hedges the shooting; "in a move that suggests there might be life in the old dog yet, AMD
    has acquired SeaMicro" does not hedge the deal the other reports tell. A document that also
    states it outright elsewhere does not hedge it."""
    out: dict[str, tuple[Claim, Hedge]] = {}
    plain: set[str] = set()
    for c in members:
        others = frozenset().union(*(o.words for o in members if o.document != c.document))
        cue = next(
            (
                h
                for h in hedges.get(c.document, ())
                if (any(s <= h.start and h.end <= e for s, e in c.parts) or _about_before(h, c))
                and _bears_on(h, c, others, documents)
            ),
            None,
        )
        if cue is None:
            plain.add(c.document)
        else:
            out.setdefault(c.document, (c, cue))
    return {d: v for d, v in out.items() if d not in plain}


def _about_before(h: Hedge, c: Claim) -> bool:
    """The cue stands after the claim's sentence and says it of the claim: "The video could not
    be independently verified" after the sentence telling what the video shows."""
    return (
        h.scope is not None
        and not h.scope.start <= h.start < h.scope.end
        and h.scope.start <= c.start
        and c.end <= h.scope.end
    )


def _bears_on(h: Hedge, c: Claim, shared: frozenset[str], documents: Mapping[str, Document]) -> bool:
    """The cue's scope holds at least half of the claim's content words that other reports of
    the fact use too (all its content words when they share none)."""
    if h.scope is None or c.document not in documents:
        return True
    text = documents[c.document].text
    words = [pw for s, e in c.parts for pw in content_word_positions(text, s, e)]
    counted = [at for at, w in words if w in shared] or [at for at, _ in words]
    if not counted:
        return True
    inside = sum(1 for at in counted if h.scope.start <= at < h.scope.end)
    return 2 * inside >= len(counted)


# a detail's worth of words ("argument over an unpaid tab"), not a stray word another report words otherwise
_MIN_DETAIL_WORDS = 3
_WORD_END = re.compile(r"[\w'’-]*")
_FAMILY_LETTERS = 6
# punctuation that ends a phrase: a detail does not run across it ("… 27-yd line, but despite …")
_BREAK = re.compile(r"\s[,;:()–—]|[,;:()–—\[\]\"“”]\s|\s[-–—]\s|[–—]")


_THINGS = frozenset({"NOUN", "PROPN", "NUM"})
# what a word hangs on further right when it opens a phrase ("the urgent → issues", "Senator → Eastland")
_OPENING = frozenset({"amod", "compound", "nummod", "det", "poss", "quantmod", "advmod", "nmod", "npadvmod"})


def _token_at(parse: tuple[Any, list[int], list[tuple[int, int]]], at: int) -> Any:
    """The token starting at original offset ``at`` (None when no token starts there)."""
    doc, starts, _ = parse
    k = bisect.bisect_left(starts, at)
    return doc[k] if k < len(starts) and starts[k] == at else None


def _token_ending(parse: tuple[Any, list[int], list[tuple[int, int]]], end: int) -> Any:
    """The token ending at original offset ``end`` (None when none does)."""
    doc, starts, spans = parse
    k = bisect.bisect_left(starts, end) - 1
    return doc[k] if 0 <= k < len(spans) and spans[k][1] == end else None


def _phrase_end(
    parse: tuple[Any, list[int], list[tuple[int, int]]], token: Any, limit: int, text: str
) -> int:
    """Where the phrase ``token`` opens ends: its head's when it modifies a word further right
    (through a chain of such modifiers), its object's when it is a preposition; never past
    ``limit`` nor across a phrase break."""
    _, _, spans = parse
    last = token
    for _ in range(8):  # a modifier chain is short; stop on a parse cycle
        if last.dep_ == "prep" and last.right_edge.i > last.i:
            last = last.right_edge
            continue
        if last.dep_ in _OPENING and last.head.i > last.i:
            last = last.head
            continue
        break
    own: int = spans[token.i][1]
    end: int = spans[last.i][1]
    return own if end > limit or _BREAK.search(text, own, end) else end


def _plain(word: str) -> str:
    """A stem without hyphens: "co-workers" and "coworkers" are one word."""
    return word.replace("-", "")


def single_source_details(
    canon: Claim,
    members: Sequence[Claim],
    *,
    documents: Mapping[str, Document],
    family_of: Mapping[str, str],
    quoted: Sequence[tuple[int, int]] = (),
    mentions: Mapping[str, Sequence[tuple[int, int, str]]] | None = None,
    vocabulary: Mapping[str, frozenset[str]] | None = None,
    parse: tuple[Any, list[int], list[tuple[int, int]]] | None = None,
) -> tuple[Citation, ...]:
    """Stretches of ``canon`` (the wording a fact is shown in) that no report of another origin
    among ``members`` tells anywhere in its text: in "Marcus Webb allegedly shot Daniel Ortiz
    after an argument over an unpaid tab early Friday" (AP), backed by the DMN's "the man accused
    of shooting Daniel Ortiz … early Friday", the words "argument over an unpaid tab".

    A stretch is ``_MIN_DETAIL_WORDS`` content words or more in a row, none of which the other
    origins' reports use (``vocabulary``: document → its content words, computed when absent), a
    name counting as used when they name the same entity (``mentions``: document → (start, end,
    Entity.id)) — "the United States" is told where "the US" is. Words inside ``quoted``
    stretches of ``canon``'s document are left out: a quotation (what others make of it is the
    quote groups' business), a hedge cue (the fact's hedged note names it). Empty when no other
    origin backs the fact.

    With ``parse`` (the spaCy doc of ``canon``'s document, its tokens' original starts and
    spans: ``claims.token_offsets``) a detail must hold a noun, a name or a number of its own
    ("Yet another potential", "weren't immediately known" are no details), it runs to the end of
    the phrase its last word opens ("their leadership on addressing the urgent" is read to "… the
    urgent environmental issues", though the others tell of environmental issues too), and it
    must end on a noun, a name or a number: "the SWAT team found" is cut off before what it says.
    """
    family = family_of.get(canon.document, canon.document)
    others = {c.document for c in members if family_of.get(c.document, c.document) != family}
    if not others or canon.document not in documents:
        return ()
    vocabulary = vocabulary or {}
    told = {
        _plain(w)
        for d in others
        if d in documents
        for w in (vocabulary.get(d) or content_words(documents[d].text))
    }
    # "specifically authorized" tells "specific authorization": a word is told when another
    # report uses one of its family (the same first letters)
    families = {w[:_FAMILY_LETTERS] for w in told if len(w) >= _FAMILY_LETTERS}
    mentions = mentions or {}
    named = {eid for d in others for _, _, eid in mentions.get(d, ())}
    shared_names = [(s, e) for s, e, eid in mentions.get(canon.document, ()) if eid in named]
    doc = documents[canon.document]
    out: list[Citation] = []

    def close(run: list[int], limit: int) -> None:
        if len(run) < _MIN_DETAIL_WORDS:
            return
        end = _WORD_END.match(doc.text, run[-1]).end()  # type: ignore[union-attr]
        if parse is not None:
            tokens = [t for t in (_token_at(parse, at) for at in run) if t is not None]
            if not tokens or not any(t.pos_ in _THINGS for t in tokens):
                return
            end = max(end, _phrase_end(parse, tokens[-1], limit, doc.text))
            # it ends on what it names: "the SWAT team commanders quickly" is told as "SWAT team
            # commanders"; "who was not immediately taken" has nothing left to tell
            things = [t for t in tokens if t.pos_ in _THINGS]
            last = _token_ending(parse, min(end, limit))
            if last is None or last.pos_ not in _THINGS:
                _, _, spans = parse
                end = spans[things[-1].i][1]
                if sum(1 for at in run if at < end) < _MIN_DETAIL_WORDS:
                    return
        out.append(doc.cite(run[0], min(end, limit)))

    for s, e in canon.parts:
        run: list[int] = []
        for at, word in content_word_positions(doc.text, s, e):
            plain = _plain(word)
            alone = (
                plain not in told
                and not (len(plain) >= _FAMILY_LETTERS and plain[:_FAMILY_LETTERS] in families)
                and not any(a <= at < b for a, b in shared_names)
                and not any(a <= at < b for a, b in quoted)
            )
            if run and (not alone or _BREAK.search(doc.text, run[-1], at)):
                close(run, e)  # a told word, or a comma, dash or bracket between: the detail ends
                run = []
            if alone:
                run.append(at)
        close(run, e)
    return tuple(out)
