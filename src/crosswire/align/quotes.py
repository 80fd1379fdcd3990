"""Quote groups: the same words as each outlet gives them, and who they are given to.

Input → output: the quotes of one story (``Extraction.quotes``) → :class:`~crosswire.models.QuoteGroup`
list (biggest first) and attribution :class:`~crosswire.models.Conflict` list (ids assigned by the caller).

Quotes match when one's words run inside the other's (a partial quote inside the full
one: rapidfuzz ``partial_ratio``) or their words match in another order (``token_sort_ratio``).
A group holds one speaker: a quote with no known speaker joins whoever said the words,
but two quotes given to *different* speakers never merge — near-identical words with two
speakers are an attribution conflict. Within one document, two quotes merge only when one's
words run inside the other's, and a bare name reported as what someone backed ("endorsed
Clinton") joins nothing. An indirect paraphrase joins the quotation it
renders when the speaker is the same and alignment put both in one fact
(``statement_of``). The canonical wording is the longest direct quote; every other
wording is a variant, verbatim when its words (quote marks, case and punctuation aside)
occur in the canonical text, with a word-level diff (as printed) when it is another
wording of the same words. Groups come direct → partial → indirect, most documents first.

An interrupted quotation (‘“The world is a complicated place”, he said, “and certainly our
partnership …”’) is one utterance: its pieces are grouped and shown as one text joined by
" … ", each piece cited on its own (:func:`join_interrupted`).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Literal

import numpy as np

from crosswire.align.features import SPEAKER_PRONOUNS, content_words, jaccard, normalize_quotes
from crosswire.annotate.lexicon import is_a_name
from crosswire.models import (
    Citation,
    Conflict,
    ConflictSide,
    Document,
    Entity,
    Quote,
    QuoteGroup,
    QuoteVariant,
)

__all__ = ["group_quotes", "join_interrupted", "normalize_quote", "quote_similarity", "word_diff"]

# speaker words that name no one once out of their sentence: pronouns, relative "who"
_NO_NAME = SPEAKER_PRONOUNS | {"who", "which", "that", "you", "his", "her", "their", "its"}

DiffOp = tuple[Literal["equal", "insert", "delete"], str]


def normalize_quote(text: str) -> str:
    """Lower case, ASCII quote marks, no punctuation, single spaces: the words of a quote."""
    t = normalize_quotes(text).lower()
    t = re.sub(r"\.\.\.|…", " ", t)
    t = re.sub(r"[^\w\s'-]", " ", t)
    return " ".join(t.split())


def quote_similarity(a: str, b: str, *, min_words: int = 3) -> float:
    """Similarity in [0, 1]: containment of the shorter quote in the longer, or reordered words.

    A name is never "contained": "The Hunger Games" inside "a raise for a second Hunger Games"
    is the same title, not the same quotation.
    """
    from rapidfuzz import fuzz

    na, nb = normalize_quote(a), normalize_quote(b)
    if not na or not nb:
        return 0.0
    shorter = min(len(na.split()), len(nb.split()))
    sort = fuzz.token_sort_ratio(na, nb) / 100.0
    if shorter < min_words:
        return sort if na == nb else 0.0
    if is_a_name(a if len(na.split()) <= len(nb.split()) else b):
        return sort
    return max(sort, fuzz.partial_ratio(na, nb) / 100.0)


def similarity_matrix(texts: Sequence[str], *, min_words: int = 3) -> np.ndarray:
    """:func:`quote_similarity` for every pair at once (rapidfuzz ``cdist``, in C)."""
    from rapidfuzz import fuzz, process

    all_norm = [normalize_quote(t) for t in texts]
    if not all_norm:
        return np.zeros((0, 0), dtype=np.float32)
    # copies quote the same words: score each distinct wording once
    norm = list(dict.fromkeys(all_norm))
    index = _positions(all_norm, norm)
    first = dict(zip(reversed(all_norm), reversed(texts), strict=True))  # a wording as first printed
    sort = process.cdist(norm, norm, scorer=fuzz.token_sort_ratio, dtype=np.float32) / 100.0
    part = process.cdist(norm, norm, scorer=fuzz.partial_ratio, dtype=np.float32) / 100.0
    words = np.array([len(x.split()) for x in norm])
    named = np.array([is_a_name(first[x]) for x in norm])
    shorter = np.minimum.outer(words, words)
    shorter_named = np.where(words[:, None] <= words[None, :], named[:, None], named[None, :])
    contained = np.where(shorter_named, sort, np.maximum(sort, part))
    same = np.eye(len(norm), dtype=bool)
    unique: np.ndarray = np.where(shorter >= min_words, contained, np.where(same, sort, 0.0))
    empty = words == 0
    unique[empty, :] = 0.0
    unique[:, empty] = 0.0
    out: np.ndarray = unique[np.ix_(index, index)].astype(np.float32)
    return out


def _positions(values: Sequence[str], distinct: Sequence[str]) -> np.ndarray:
    where = {v: k for k, v in enumerate(distinct)}
    return np.array([where[v] for v in values])


def _display_words(text: str) -> list[str]:
    """The words of a quote as printed, without the quotation marks around or inside it."""
    return [w for w in (re.sub(r"^[\"“”‘’']+|[\"“”‘’']+$", "", w) for w in text.split()) if w]


def word_diff(canonical: str, variant: str) -> tuple[DiffOp, ...]:
    """Word-level diff of ``variant`` against ``canonical`` (difflib over words).

    Words are compared by their normalised form (case, quote marks, punctuation aside) but
    printed as the sources write them, so "Deep," and "deep" are equal and the diff reads
    like the quote.
    """
    a, b = _display_words(canonical), _display_words(variant)
    ka, kb = [normalize_quote(w) for w in a], [normalize_quote(w) for w in b]
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(a[i1:i2])))
        if tag in {"delete", "replace"}:
            ops.append(("delete", " ".join(a[i1:i2])))
        if tag in {"insert", "replace"}:
            ops.append(("insert", " ".join(b[j1:j2])))
    return tuple(ops)


# What lies between the pieces of an interrupted quotation: the closing mark, the attribution
# and a comma, then the opening mark (‘”, he said, “’, ‘,” Hegseth added, "’). A full stop
# instead of the last comma ends the sentence: the next quotation is a new statement.
_INTERRUPTION = re.compile(r"^[\s,]*[”\"’']\s*,?\s*[^\n“”\".!?;:]{1,80}?,\s*[“\"‘']\s*$")


def join_interrupted(
    quotes: Sequence[Quote], *, documents: Mapping[str, Document]
) -> list[tuple[Quote, tuple[Quote, ...]]]:
    """Each utterance with the quotes it is made of: an interrupted quotation becomes one.

    Two direct quotes of one document are pieces of one quotation when the first does not end
    a sentence, only the attribution separates them (:data:`_INTERRUPTION`), the cue of one
    of them lies in that gap, and they have the same speaker (or one has none). The joined
    quote spans both pieces; its text is the pieces joined by " … " (so, unlike a
    :class:`Quote` of the extract stage, it is not the source text of its span: cite the
    pieces). Every other quote is its own utterance.
    """
    out: list[tuple[Quote, tuple[Quote, ...]]] = []
    by_doc: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        by_doc[q.document].append(q)
    joined: dict[str, tuple[Quote, tuple[Quote, ...]]] = {}
    absorbed: set[str] = set()
    for doc_id, qs in by_doc.items():
        doc = documents.get(doc_id)
        direct = sorted((q for q in qs if q.kind == "direct"), key=lambda q: q.start)
        unit: tuple[Quote, tuple[Quote, ...]] | None = None
        for q in direct:
            if unit is not None and doc is not None and _continues(unit[0], q, doc.text):
                head, pieces = unit
                unit = (
                    replace(
                        head, end=q.end, text=f"{head.text} … {q.text}", speaker=head.speaker or q.speaker
                    ),
                    (*pieces, q),
                )
                joined[pieces[0].id] = unit
                absorbed.add(q.id)
                continue
            unit = (q, (q,))
    for q in quotes:
        if q.id in absorbed:
            continue
        out.append(joined.get(q.id, (q, (q,))))
    return out


def _continues(first: Quote, second: Quote, text: str) -> bool:
    if first.end > second.start or first.text.rstrip().endswith((".", "!", "?")):
        return False
    if first.speaker and second.speaker and first.speaker != second.speaker:
        return False
    if not _INTERRUPTION.match(text[first.end : second.start]):
        return False
    cues = [sp for sp in (first.cue_span, second.cue_span) if sp is not None]
    return any(first.end <= sp.start and sp.end <= second.start for sp in cues)


def _canonical(quotes: Sequence[Quote]) -> Quote:
    rank = {"direct": 2, "partial": 1, "indirect": 0}
    return max(
        quotes, key=lambda q: (rank[q.kind], len(q.text.split()), -ord(q.document[0]) if q.document else 0)
    )


def _cite(q: Quote, documents: Mapping[str, Document]) -> Citation:
    doc = documents.get(q.document)
    return doc.cite(q.start, q.end) if doc is not None else q.citation


def _rival_attribution(a: Quote, b: Quote, aliases: Mapping[str, tuple[str, ...]], *, min_words: int) -> bool:
    """Two outlets quote the same words (every word of the shorter is in the longer, and the
    shorter is no mere few words of a long quotation) and give them to different, named speakers.

    Paraphrases (indirect speech) are too loose to pin words on someone; and when one
    quote names the other's speaker ("according to the ministry, the minister said …"), in its
    words or in its speaker's title ("AMD chief technology officer Mark Papermaster" and AMD),
    the attributions nest rather than compete.
    """
    if a.document == b.document or not a.speaker or not b.speaker or "indirect" in (a.kind, b.kind):
        return False
    wa, wb = normalize_quote(a.text).split(), normalize_quote(b.text).split()
    if min(len(wa), len(wb)) < min_words:
        return False
    short, long_ = sorted((wa, wb), key=len)
    if not set(short) <= set(long_):
        # "new server building block" against "allows us to redefine the server building
        # block": alike letter by letter, but not the same words
        return False
    if len(short) < 6 and len(long_) > 2 * len(short):
        # a slogan inside a long quotation ("make America great again" in a demographer's
        # words and at the end of Trump's forty): two people can say a few words
        return False
    for q, other in ((a, b), (b, a)):
        names = [n for n in aliases.get(other.speaker or "", ()) if n]
        if any(n.lower() in q.text.lower() for n in names):
            return False
        title = (q.speaker_text or "").lower()
        if any(re.search(rf"\b{re.escape(n.lower())}\b", title) for n in names):
            return False
    return True


def _nests(outer: Quote, inner: Quote) -> bool:
    """``outer`` reports ``inner`` with its attribution ("The report said that Hegseth spoke
    about …"): the outer words are the reporter's, not the inner speaker's, so the two never
    share a group however alike their words. One speaker's chain of cues ("the US said that
    it hopes to …") is one statement and may."""
    if outer.document != inner.document or (outer.speaker == inner.speaker and outer.speaker):
        return False
    spans = [sp for sp in (inner.speaker_span, inner.cue_span) if sp is not None]
    return any(outer.start <= sp.start and sp.end <= outer.end for sp in spans)


def _distinct_statements(a: Quote, b: Quote) -> bool:
    """Two attributions whose alike words still do not make them one statement.

    In one document a writer who gives the same words twice gives them as they are (a pull
    quote, a lede's excerpt of the full quotation): two reports there whose words do not run
    one inside the other are two statements ("she supports a $12 wage" and the protesters'
    "a $15 wage"). A bare name reported as what someone backed or criticised ("Reid endorsed
    Clinton", "Obama endorsing Clinton") is the name, not words anyone said, however often it
    recurs.
    """
    if a.kind == "indirect" and b.kind == "indirect" and is_a_name(a.text) and is_a_name(b.text):
        return True
    if a.document != b.document:
        return False
    na, nb = normalize_quote(a.text), normalize_quote(b.text)
    return na not in nb and nb not in na


def _excerpt_lends_speaker(known: Quote, unknown: Quote) -> bool:
    """Would a few words with a speaker give their speaker to a long quotation without one?

    "make America great again" inside a demographer's paraphrase (one report) and Trump's
    "my partner in this campaign … to make America great again" with no speaker found (another)
    share a slogan, not an utterance: the short words cannot say who spoke the long ones. An
    excerpt without a speaker still joins the quotation that has one."""
    short, long_ = len(normalize_quote(known.text).split()), len(normalize_quote(unknown.text).split())
    return short < 6 and long_ > 2 * short


def group_quotes(
    quotes: Sequence[Quote],
    *,
    documents: Mapping[str, Document],
    entities: Sequence[Entity] = (),
    statement_of: Mapping[str, int] | None = None,
    min_shared_words: float = 0.15,
    threshold: float = 0.88,
    conflict_threshold: float = 0.92,
    conflict_min_words: int = 4,
) -> tuple[list[QuoteGroup], list[Conflict]]:
    """Group ``quotes`` by wording (one speaker per group); report words given to two speakers."""
    utterances = join_interrupted(quotes, documents=documents)
    pieces_of = {u.id: pieces for u, pieces in utterances}
    quotes = [u for u, _ in utterances]

    def cites(q: Quote) -> tuple[Citation, ...]:
        return tuple(_cite(p, documents) for p in pieces_of[q.id])

    n = len(quotes)
    parent = list(range(n))
    sim = similarity_matrix([q.text for q in quotes])
    aliases = {e.id: (e.name, *e.aliases) for e in entities}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    speakers: dict[int, set[str]] = {i: {q.speaker} if q.speaker else set() for i, q in enumerate(quotes)}
    # Whom an unlinked speaker phrase names ("New Hampshire Sen. Kelly Ayotte's campaign"): not
    # anyone at all, but someone of that person's; their words join no other person's group.
    voiced: dict[int, list[frozenset[str]]] = {i: [] for i in range(n)}
    person_mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        if e.type == "PERSON":
            for m in e.mentions:
                person_mentions[m.document].append((m.start, m.end, e.id))
    for i, q in enumerate(quotes):
        sp = q.speaker_span
        if q.speaker is None and sp is not None:
            named = frozenset(
                eid for a, b, eid in person_mentions[sp.document] if sp.start <= a and b <= sp.end
            )
            if named:
                voiced[i].append(named)
    # A relay ("… police said once Gray had been hit, according to The New York Times") vouches
    # for words someone else is named as saying. Those words, quoted elsewhere with their own
    # unlinked speaker ("police"), are that speaker's, not the relay's source's: a group named
    # only by relays takes in no quote whose speaker is a phrase of its own.
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        by_doc[q.document].append(i)
    relayed: dict[int, bool] = {
        i: (quotes[i].cue or "").lower().startswith("according")
        and any(j != i and _nests(quotes[i], quotes[j]) for j in ids)
        for ids in by_doc.values()
        for i in ids
    }
    firsthand: dict[int, bool] = {i: bool(q.speaker) and not relayed[i] for i, q in enumerate(quotes)}
    phrased: dict[int, bool] = {
        i: q.speaker is None
        and bool(q.speaker_text)
        and normalize_quote(q.speaker_text or "").lower() not in _NO_NAME
        for i, q in enumerate(quotes)
    }
    pairs = [
        (float(sim[i, j]), i, j) for i, j in zip(*np.nonzero(np.triu(sim >= threshold, k=1)), strict=True)
    ]
    pairs.sort(reverse=True)
    clashes: list[tuple[int, int]] = []
    for s, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj or _nests(quotes[i], quotes[j]) or _nests(quotes[j], quotes[i]):
            continue
        if _distinct_statements(quotes[i], quotes[j]):
            continue
        if bool(speakers[ri]) != bool(speakers[rj]) and _excerpt_lends_speaker(
            *((quotes[i], quotes[j]) if speakers[ri] else (quotes[j], quotes[i]))
        ):
            continue
        if len(speakers[ri] | speakers[rj]) > 1:
            if s >= conflict_threshold and _rival_attribution(
                quotes[i], quotes[j], aliases, min_words=conflict_min_words
            ):
                clashes.append((i, j))
            continue
        known = speakers[ri] | speakers[rj]
        if known and any(not (named & known) for named in voiced[ri] + voiced[rj]):
            continue
        if (speakers[ri] and not firsthand[ri] and phrased[rj]) or (
            speakers[rj] and not firsthand[rj] and phrased[ri]
        ):
            continue
        parent[rj] = ri
        speakers[ri] |= speakers.pop(rj)
        voiced[ri] += voiced.pop(rj)
        firsthand[ri] = firsthand[ri] or firsthand.pop(rj)
        phrased[ri] = phrased[ri] or phrased.pop(rj)
    # a paraphrase ("Hegseth said the US is happy that ...") joins the quotation it renders
    # ("The United States is very pleased ...") when the speaker is the same and alignment put
    # both sentences in one fact: the words differ, the statement does not.
    # Each paraphrase group joins at most one quotation group (the one sharing most words), so
    # two different quotations of one speaker in one broad fact never merge through it.
    statement_of = statement_of or {}
    words = [content_words(q.text) for q in quotes]
    quoted = {find(i) for i, q in enumerate(quotes) if q.kind != "indirect"}
    for i, qi in enumerate(quotes):
        if qi.kind != "indirect" or not qi.speaker or qi.id not in statement_of or len(words[i]) < 3:
            continue
        options = [
            (qj.kind != "indirect", jaccard(words[i], words[j]), j)
            for j, qj in enumerate(quotes)
            if j != i
            and qj.speaker == qi.speaker
            and qj.document != qi.document
            and statement_of.get(qj.id) == statement_of[qi.id]
            and not (find(i) in quoted and find(j) in quoted)
        ]
        options = [o for o in options if o[1] >= min_shared_words and find(o[2]) != find(i)]
        if not options:
            continue
        *_, j = max(options)
        ri, rj = find(i), find(j)
        if len(speakers[ri] | speakers[rj]) <= 1:
            parent[ri] = rj
            speakers[rj] |= speakers.pop(ri)
            if ri in quoted:
                quoted.add(rj)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[find(i)].append(i)

    groups: list[QuoteGroup] = []
    group_of: dict[int, str] = {}
    rank = {"direct": 0, "partial": 1, "indirect": 2}
    # the reader's order: quotations before paraphrases, the most widely reported first
    ordered = sorted(
        members.values(),
        key=lambda m: (
            rank[_canonical([quotes[k] for k in m]).kind],
            -len({quotes[k].document for k in m}),
            min(quotes[k].id for k in m),
        ),
    )
    for gi, idx in enumerate(ordered, start=1):
        qs = [quotes[k] for k in idx]
        canon = _canonical(qs)
        canon_norm = normalize_quote(canon.text)
        by_wording: dict[str, list[Quote]] = defaultdict(list)
        for q in qs:
            by_wording[normalize_quote(q.text)].append(q)
        variants = []
        for wording, wqs in by_wording.items():
            verbatim = all(q.kind != "indirect" for q in wqs) and wording in canon_norm
            # a diff reads only against another wording of the same words: not a paraphrase, which
            # shares too little, nor a few words of reported speech that merely occur in a long
            # quotation ("to fight on" against forty words of Sanders's e-mail), which would strike
            # out nearly all of it (an excerpt's diff is all "equal": it is inside the canonical text)
            n_canon, n_variant = len(canon_norm.split()), len(wording.split())
            close = quote_similarity(canon.text, wqs[0].text) >= threshold and (
                verbatim or 2 * n_variant >= n_canon
            )
            variants.append(
                QuoteVariant(
                    text=wqs[0].text,
                    documents=tuple(dict.fromkeys(q.document for q in wqs)),
                    citations=tuple(c for q in wqs for c in cites(q)),
                    verbatim=verbatim,
                    diff=word_diff(canon.text, wqs[0].text) if close and wording != canon_norm else (),
                    kind=min((q.kind for q in wqs), key=rank.__getitem__),
                )
            )
        variants.sort(key=lambda v: (v.text != canon.text, not v.verbatim, -len(v.documents)))
        speaker = next(iter(speakers[find(idx[0])]), None)
        # a pronoun names no one out of its sentence ("he", "they"): only a phrase is shown
        named_by = [
            q.speaker_text
            for q in qs
            if q.speaker_text and normalize_quote(q.speaker_text).lower() not in _NO_NAME
        ]
        gid = f"Q{gi}"
        for k in idx:
            group_of[k] = gid
        groups.append(
            QuoteGroup(
                id=gid,
                speaker=speaker,
                text=canon.text,
                kind=canon.kind,
                quotes=tuple(p.id for q in qs for p in pieces_of[q.id]),
                variants=tuple(variants),
                documents=tuple(dict.fromkeys(q.document for q in qs)),
                citations=tuple(c for q in qs for c in cites(q)),
                speaker_text=None if speaker is not None or not named_by else " ".join(named_by[0].split()),
                unnamed=_unnamed_words(qs, documents),
            )
        )
    names = {e.id: e.name for e in entities}
    conflicts: list[Conflict] = []
    seen: set[frozenset[str]] = set()
    for i, j in clashes:
        key = frozenset({group_of[i], group_of[j]})
        if key in seen:
            continue
        seen.add(key)
        a, b = quotes[i], quotes[j]
        sa, sb = names.get(a.speaker or "", a.speaker or "?"), names.get(b.speaker or "", b.speaker or "?")
        conflicts.append(
            Conflict(
                "",
                "attribution",
                f"The same words are attributed to {sa} and to {sb}",
                (ConflictSide(sa, cites(a)), ConflictSide(sb, cites(b))),
            )
        )
    return groups, conflicts


def _unnamed_words(qs: Sequence[Quote], documents: Mapping[str, Document]) -> str | None:
    """The words describing the unnamed source a group rests on, when no quote of it has a named
    speaker of its own ("the sources said" in one report, "according to the report" in its
    rewrite): the first report's ("three people familiar with the matter")."""
    if any(q.unnamed is None and q.speaker is not None for q in qs):
        return None
    span = next((q.unnamed for q in qs if q.unnamed is not None), None)
    doc = documents.get(span.document) if span is not None else None
    if span is None or doc is None:
        return None
    return " ".join(doc.text[span.start : span.end].split())
