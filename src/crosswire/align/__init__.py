"""Align: claims across documents → facts with corroboration, conflicts and quote groups.

Input → output: :class:`~crosswire.models.Extraction` per story →
:class:`~crosswire.models.Alignment` per story.

1. :mod:`claims` cuts each document into claims (sentences, or clauses of a sentence that
   packs several facts), each pinned to original characters; datelines, credits and
   boilerplate are not claims.
2. :mod:`facts` embeds the claims once per story, scores pairs by meaning and words,
   and groups them into facts (average link, one claim per document); a second, looser
   pass lets a group that adds no new source join the fact it restates (a document that
   says a thing twice, a paraphrase just under the strict thresholds) unless it names
   someone or something no other source mentions. A fact's independent sources are the
   distinct origin families (``Story.families``) behind its documents, never its claims.
   A fact some documents only hedge ("allegedly", "may have": ``Extraction.hedges``) carries
   their cues and is worded as they word it.
3. :mod:`conflicts` compares slots (dates, numbers, people) inside facts and places and
   event order across the story; :mod:`quotes` groups quotes and finds words given to
   two speakers; :mod:`when` dates each group's saying and its first report.

An earlier version of a report that a later one supersedes (``Story.superseded``: the page
before its correction) is left out of all three: the later version is what its outlet says; so
is a report its outlet retracted (``Document.retracted``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import numpy as np

from crosswire.align.claims import Claim, extract_claims
from crosswire.align.conflicts import (
    date_conflicts,
    number_conflicts,
    person_conflicts,
    place_conflicts,
    sequence_conflicts,
)
from crosswire.align.facts import (
    attach_groups,
    claim_similarity,
    claim_voices,
    family_vocabulary,
    group_claims,
    linked_groups,
    make_facts,
    pronoun_referents,
    rejoin_needless_splits,
)
from crosswire.align.quotes import group_quotes
from crosswire.align.when import date_quote_groups
from crosswire.annotate.lexicon import US_STATES, country_for
from crosswire.models import Alignment, Conflict, Entity, Extraction, Hedge, Quote, Story
from crosswire.seams import Embedder

__all__ = ["Claim", "align_story", "embed_texts", "family_map", "run", "statement_of"]


def family_map(story: Story) -> dict[str, str]:
    """Document id → origin family id; a document in no family is its own family."""
    out = {d: d for d in story.documents}
    for fam in story.families:
        for m in fam.members:
            out[m] = fam.id
    return out


def statement_of(
    quotes: Sequence[Quote], claims: Sequence[Claim], groups: Sequence[Sequence[int]]
) -> dict[str, int]:
    """Quote id → the fact group of the claim that holds most of its characters (quotes in no claim are left out).

    A modifier told in passing counts half: "He noted the integration of US systems into
    India's inventory, which has enhanced its capabilities" reports what he noted, the first claim."""
    group_of = {k: g for g, idx in enumerate(groups) for k in idx}
    by_doc: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        by_doc.setdefault(c.document, []).append(k)
    out: dict[str, int] = {}
    for q in quotes:
        best, best_overlap = None, 0.0
        for k in by_doc.get(q.document, []):
            overlap = sum(max(0, min(e, q.end) - max(s, q.start)) for s, e in claims[k].parts) / (
                2 if claims[k].aside else 1
            )
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        if best is not None and best in group_of:
            out[q.id] = group_of[best]
    return out


def embed_texts(embedder: Embedder, texts: Sequence[str], *, chunk: int = 16) -> np.ndarray:
    """One unit vector per text, each distinct text embedded once, in length-sorted chunks.

    Wire copies repeat sentences word for word, so distinct texts are far fewer than
    claims. A transformer batch is padded to its longest member: sending texts of similar
    length together (``chunk`` at a time, shortest first) wastes less work on padding than
    one batch mixing a 5-word clause with a 60-word sentence (about a third less CPU on the
    seed story).
    """
    if not texts:
        return np.zeros((0, int(getattr(embedder, "dim", 1))), dtype=np.float32)
    unique = sorted(dict.fromkeys(texts), key=len)
    parts = [
        np.asarray(embedder.embed(unique[i : i + chunk]), dtype=np.float32)
        for i in range(0, len(unique), chunk)
    ]
    where = {t: k for k, t in enumerate(unique)}
    out: np.ndarray = np.concatenate(parts)[[where[t] for t in texts]]
    return out


def _countries_and_states(entities: Sequence[Entity]) -> frozenset[str]:
    """Ids of the places of one known rank: countries, and US states. Two claims naming only
    different ones tell of different places; a city or province may lie inside a country the
    other claim names ("Aceh" / "Indonesia"), so it proves nothing either way."""
    return frozenset(
        e.id for e in entities if e.type == "GPE" and (country_for(e.name) == e.name or e.name in US_STATES)
    )


def _quoted(
    quotes: Sequence[Quote], kinds: tuple[str, ...] = ("direct",)
) -> dict[str, list[tuple[int, int]]]:
    """Where each document puts words in quotation marks: its direct quotations (and, with
    ``kinds``, its partial ones)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.kind in kinds:
            out.setdefault(q.document, []).append((q.start, q.end))
    return out


def _mentions(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, str]]]:
    """Each document's entity mentions as (start, end, Entity.id)."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for e in entities:
        for m in e.mentions:
            out.setdefault(m.document, []).append((m.start, m.end, e.id))
    return out


def _quote_speakers(quotes: Sequence[Quote]) -> dict[str, list[tuple[int, int, str]]]:
    """Each document's direct quotations whose speaker is known, with that speaker's Entity.id."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for q in quotes:
        if q.kind == "direct" and q.speaker is not None:
            out.setdefault(q.document, []).append((q.start, q.end, q.speaker))
    return out


def _unnamed(quotes: Sequence[Quote]) -> dict[str, list[tuple[int, int]]]:
    """Per document, the spans of quotes that rest on a source the report does not name."""
    out: dict[str, list[tuple[int, int]]] = {}
    for q in quotes:
        if q.unnamed is not None:
            out.setdefault(q.document, []).append((q.start, q.end))
    return out


def _by_document(hedges: Sequence[Hedge]) -> dict[str, list[Hedge]]:
    out: dict[str, list[Hedge]] = {}
    for h in hedges:
        out.setdefault(h.document, []).append(h)
    return out


def _centrality(vectors: np.ndarray) -> list[float]:
    """Cosine of each claim to the story's mean claim: how much of the story it carries."""
    if len(vectors) == 0:
        return []
    centroid = vectors.mean(axis=0)
    norm = float(np.linalg.norm(centroid)) or 1.0
    return [float(x) for x in np.clip(vectors @ (centroid / norm), 0.0, 1.0)]


def align_story(
    extraction: Extraction,
    *,
    embedder: Embedder,
    threshold: float = 0.55,
    average_threshold: float = 0.5,
    split_clauses: bool = True,
) -> Alignment:
    """Facts, conflicts and quote groups of one story (see the module docstring)."""
    story_docs = extraction.story
    adocs = story_docs.documents
    if left_out := story_docs.story.unread(a.document for a in adocs):
        # an earlier version of a report its outlet has since corrected or updated (the later
        # version is read, and the withdrawn words never stand against it or the other outlets),
        # and a report its outlet has retracted
        adocs = tuple(a for a in adocs if a.document.id not in left_out)
        extraction = replace(
            extraction,
            quotes=tuple(q for q in extraction.quotes if q.document not in left_out),
            times=tuple(t for t in extraction.times if t.document not in left_out),
            sourcing=tuple(n for n in extraction.sourcing if n.document not in left_out),
        )
    documents = {a.document.id: a.document for a in adocs}
    annotated = {a.document.id: a for a in adocs}
    family_of = family_map(story_docs.story)
    for d in documents:
        family_of.setdefault(d, d)

    claims: list[Claim] = []
    for a in adocs:
        claims += extract_claims(
            a, entities=extraction.entities, split_clauses=split_clauses, sourcing=extraction.sourcing
        )
    vectors = embed_texts(embedder, [c.text for c in claims])
    sim = claim_similarity(claims, vectors, threshold=threshold)
    groups = group_claims(claims, sim, threshold=threshold, average_threshold=average_threshold)
    if extraction.entities:
        # the looser second pass is safe only when its people and entity guards can check
        # a match; without the entity stage the strict first pass decides alone
        groups = attach_groups(
            claims,
            sim,
            groups,
            family_of=family_of,
            entity_families={
                e.id: frozenset(family_of.get(d, d) for d in e.documents) for e in extraction.entities
            },
            people=frozenset(e.id for e in extraction.entities if e.type == "PERSON"),
            places=_countries_and_states(extraction.entities),
            family_vocab=family_vocabulary(documents, family_of),
            voices=claim_voices(claims, extraction.quotes),
        )
    rejoined, groups = rejoin_needless_splits(claims, groups, documents=documents, family_of=family_of)
    if len(rejoined) != len(claims):
        # the whole sentences are new texts: embed them, keep every other claim's vector
        row = {c.id: k for k, c in enumerate(claims)}
        fresh = [c for c in rejoined if c.id not in row]
        fresh_vectors = dict(
            zip((c.id for c in fresh), embed_texts(embedder, [c.text for c in fresh]), strict=True)
        )
        vectors = np.stack([vectors[row[c.id]] if c.id in row else fresh_vectors[c.id] for c in rejoined])
        claims = rejoined
        sim = claim_similarity(claims, vectors, threshold=threshold)

    slot: list[tuple[int, Conflict]] = []
    slot += date_conflicts(claims, groups, times=extraction.times, documents=documents, annotated=annotated)
    slot += number_conflicts(
        claims, groups, documents=documents, annotated=annotated, entities=extraction.entities
    )
    slot += person_conflicts(
        claims, groups, entities=extraction.entities, documents=documents, annotated=annotated
    )
    # Copies of one origin do not disagree with each other: the same words read against two
    # publication dates ("earlier in the day" in a wire story and its next-day reprint) are one
    # report. A rising count across them is still an update.
    slot = [
        (g, c)
        for g, c in slot
        if c.kind == "update"
        or len({family_of.get(x.document, x.document) for side in c.sides for x in side.citations}) > 1
    ]
    facts, fact_ids = make_facts(
        claims,
        groups,
        documents=documents,
        family_of=family_of,
        centrality=_centrality(vectors),
        contested={g for g, c in slot if c.kind != "update"},  # a rising toll is news, not a dispute
        links=linked_groups(claims, sim, groups, threshold=average_threshold),
        referents=pronoun_referents(extraction.quotes),
        names={e.id: e.name for e in extraction.entities},
        quoted=_quoted(extraction.quotes),
        speakers=_quote_speakers(extraction.quotes),
        unnamed=_unnamed(extraction.quotes),
        hedges=_by_document(extraction.hedges),
        quotations=_quoted(extraction.quotes, ("direct", "partial")),
        mentions=_mentions(extraction.entities),
        annotated=annotated,
    )
    quote_groups, attribution = group_quotes(
        extraction.quotes,
        documents=documents,
        entities=extraction.entities,
        statement_of=statement_of(extraction.quotes, claims, groups),
    )
    quote_groups = date_quote_groups(
        quote_groups, extraction.quotes, times=extraction.times, annotated=annotated, documents=documents
    )
    story_level: list[Conflict] = []
    story_level += place_conflicts(annotated=adocs, entities=extraction.entities)
    story_level += sequence_conflicts(annotated=adocs, entities=extraction.entities)
    # "The same words are attributed to Lisa Su and to Lu" repeats the person conflict of the
    # fact those words are in ("Lisa Su vs Lu"): one disagreement, told once, at the fact
    disputed_people = {frozenset(x.value for x in c.sides) for _, c in slot if c.kind == "person"}
    story_level += [c for c in attribution if frozenset(x.value for x in c.sides) not in disputed_people]
    conflicts = [replace(c, fact=fact_ids[g]) for g, c in slot] + story_level
    conflicts = [replace(c, id=f"C{k + 1}") for k, c in enumerate(conflicts)]
    return Alignment(
        extraction=extraction, facts=tuple(facts), conflicts=tuple(conflicts), quotes=tuple(quote_groups)
    )


def run(extractions: Iterable[Extraction], *, embedder: Embedder) -> Iterator[Alignment]:
    """One :class:`Alignment` per story, in the order the stories come."""
    for extraction in extractions:
        yield align_story(extraction, embedder=embedder)
