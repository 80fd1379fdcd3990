"""Align: claims across documents → facts with corroboration, conflicts and quote groups.

Input → output: :class:`~crosswire.models.Extraction` per story →
:class:`~crosswire.models.Alignment` per story.

1. :mod:`claims` cuts each document into claims (sentences, or clauses of a sentence that
   packs several facts), each pinned to original characters; datelines, credits and
   boilerplate are not claims.
2. :mod:`facts` embeds the claims once per story, scores pairs by meaning and words,
   and groups them into facts (average link, one claim per document); a fact's
   independent sources are the distinct origin families (``Story.families``) behind it.
3. :mod:`conflicts` compares slots (dates, numbers, people) inside facts and places and
   event order across the story; :mod:`quotes` groups quotes and finds words given to
   two speakers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
from crosswire.align.facts import claim_similarity, group_claims, linked_groups, make_facts
from crosswire.align.quotes import group_quotes
from crosswire.models import Alignment, Conflict, Extraction, Story
from crosswire.seams import Embedder

__all__ = ["Claim", "align_story", "family_map", "run"]


def family_map(story: Story) -> dict[str, str]:
    """Document id → origin family id; a document in no family is its own family."""
    out = {d: d for d in story.documents}
    for fam in story.families:
        for m in fam.members:
            out[m] = fam.id
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
    documents = {a.document.id: a.document for a in adocs}
    annotated = {a.document.id: a for a in adocs}
    family_of = family_map(story_docs.story)
    for d in documents:
        family_of.setdefault(d, d)

    claims: list[Claim] = []
    for a in adocs:
        claims += extract_claims(a, entities=extraction.entities, split_clauses=split_clauses)
    if claims:
        # wire copies repeat sentences word for word: embed each distinct text once
        texts = [c.text for c in claims]
        unique = list(dict.fromkeys(texts))
        where = {t: k for k, t in enumerate(unique)}
        unique_vectors = np.asarray(embedder.embed(unique), dtype=np.float32)
        vectors = unique_vectors[[where[t] for t in texts]]
    else:
        vectors = np.zeros((0, getattr(embedder, "dim", 1)), dtype=np.float32)
    sim = claim_similarity(claims, vectors, threshold=threshold)
    groups = group_claims(claims, sim, threshold=threshold, average_threshold=average_threshold)

    slot: list[tuple[int, Conflict]] = []
    slot += date_conflicts(claims, groups, times=extraction.times, documents=documents, annotated=annotated)
    slot += number_conflicts(claims, groups, documents=documents)
    slot += person_conflicts(claims, groups, entities=extraction.entities, documents=documents)
    facts, fact_ids = make_facts(
        claims,
        groups,
        documents=documents,
        family_of=family_of,
        centrality=_centrality(vectors),
        contested={g for g, _ in slot},
        links=linked_groups(claims, sim, groups, threshold=average_threshold),
    )
    quote_groups, attribution = group_quotes(
        extraction.quotes, documents=documents, entities=extraction.entities
    )
    story_level: list[Conflict] = []
    story_level += place_conflicts(annotated=adocs, entities=extraction.entities)
    story_level += sequence_conflicts(annotated=adocs)
    story_level += attribution
    conflicts = [replace(c, fact=fact_ids[g]) for g, c in slot] + story_level
    conflicts = [replace(c, id=f"C{k + 1}") for k, c in enumerate(conflicts)]
    return Alignment(
        extraction=extraction, facts=tuple(facts), conflicts=tuple(conflicts), quotes=tuple(quote_groups)
    )


def run(extractions: Iterable[Extraction], *, embedder: Embedder) -> Iterator[Alignment]:
    """One :class:`Alignment` per story, in the order the stories come."""
    for extraction in extractions:
        yield align_story(extraction, embedder=embedder)
