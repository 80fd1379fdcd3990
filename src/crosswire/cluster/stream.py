"""Streaming story clustering: one annotated document at a time → its story.

Input → output: :class:`~crosswire.models.AnnotatedDocument`, one by one →
:class:`Assignment` (the story it joined or started, and the stories it merged).

Follows Miranda et al. 2018 ("Multilingual Clustering of Streaming News", EMNLP):
each story keeps centroids (a sparse TF-IDF sum, a mean embedding, an entity bag) and
the document joins the best-scoring open story above ``stream_threshold`` or starts a
new one. A document that scores at least ``stream_merge_threshold`` with two open
stories is taken as evidence they are one story and merges them. Stories with no new
document for ``window_days`` (by the injected :class:`~crosswire.seams.Clock`) close:
they keep their members but no longer take documents, and leave the candidate index,
so the cost of an assignment depends on the open window, not on history. A text seen
verbatim ``template_copies`` times is a page template: from then on each copy is a closed
story of its own (batch gives every copy its own story; a stream keeps the first copies
where they went).

A centroid decision cannot revisit an early mistake: the first report of a second, look-alike
event joins the first event's story, and a follow-up days later scores below the threshold
against its story's centroid. :meth:`StreamingClusterer.regroup` is the revision: it groups
the open window again with the batch clusterer
(:func:`~crosswire.cluster.batch.cluster_documents`, on the embeddings kept from arrival) and
takes that grouping. Each new group keeps the id of the old story it shares most documents
with, so ids stay stable; the documents that changed story are returned, for a caller that
stores stories (the service) or prints them (``crosswire watch``). :meth:`remove` takes a
deleted document out of its story; :meth:`restore` puts a stored document back into its
stored story, unscored (a restarted service rebuilding its window).

The vocabulary is incremental: document frequencies grow as documents arrive, and a
document's TF-IDF weights use the idf of the moment it arrived. The same holds for the
shared rare words that stand in for the entity overlap on input without mentions (as in
batch, ``ClusterConfig.w_rare_words``): a word is rare by its document frequency when the
document arrives, and a story counts how many members used each of its rare words (a word's
frequency only grows, so a word rare now was rare when any earlier member used it). The
document's score uses the rare words it shares with the *average* member, as batch average
link does: a union over members would grow with the story and draw every document to it.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np

from crosswire.cluster import story_id
from crosswire.cluster.features import (
    ClusterConfig,
    combine,
    day_number,
    entity_bag,
    entity_similarity,
    lead_text,
    rare_word_limit,
    text_key,
    time_factor,
    tokenize,
)
from crosswire.models import AnnotatedDocument, Story

if TYPE_CHECKING:
    import numpy.typing as npt

    from crosswire.seams import Clock, Embedder

__all__ = ["Assignment", "Regrouping", "StreamingClusterer", "regroup_pause"]

#: Terms of a document that look up candidate stories (its heaviest ones).
_QUERY_TERMS = 12
#: A posting list longer than this belongs to a term too common to find candidates with.
_MAX_POSTING = 1_000


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one document went: ``story_id``, whether it started it, and stories merged into it."""

    document: str
    story_id: str
    new_story: bool
    merged: tuple[str, ...] = ()
    score: float = 0.0  # the score against the story it joined (0.0 for a new story)


def regroup_pause(took: float, *, min_interval: float = 0.0) -> float:
    """Seconds to wait after a regrouping that took ``took`` seconds before the next one: at
    least ``min_interval``, and ten times ``took``, so that regrouping a large window takes at
    most a tenth of a stream's time (``crosswire watch``, the service's worker)."""
    return max(min_interval, 10.0 * took)


@dataclass(frozen=True, slots=True)
class Regrouping:
    """What :meth:`StreamingClusterer.regroup` changed: each moved document with the story it is
    in now, and the stories left with no document (their documents all moved)."""

    moves: tuple[tuple[str, str], ...] = ()
    dissolved: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Kept:
    """What a regrouping needs of an open-window document that its story's sums no longer show."""

    arrived: datetime
    emb: npt.NDArray[np.float32] | None
    order: int  # arrival number: members stay in arrival order when a story is rebuilt


@dataclass(slots=True)
class _Story:
    id: str
    members: list[AnnotatedDocument]
    terms: dict[str, float]  # sum of member TF-IDF vectors
    norm2: float  # squared norm of ``terms``
    emb: npt.NDArray[np.float32] | None  # sum of member embeddings
    entities: Counter[str]  # sum of member entity bags
    days: list[float]  # known publication days
    last_active: datetime
    seq: int = 0  # creation order: the older story survives a merge
    open: bool = True
    index_terms: set[str] = field(default_factory=set)
    rare: Counter[str] = field(default_factory=Counter)  # members using each word rare when they arrived


@dataclass(frozen=True, slots=True)
class _Incoming:
    """What one arriving document brings to the scoring and to the story it joins."""

    adoc: AnnotatedDocument
    terms: dict[str, float]
    emb: npt.NDArray[np.float32] | None
    ents: dict[str, float]
    day: float | None
    rare: set[str] | None  # rare words, only while the stream carries no mentions


def _add_terms(s: _Story, terms: dict[str, float]) -> None:
    """Add TF-IDF weights to a story's summed vector, keeping its squared norm current."""
    for t, w in terms.items():
        old = s.terms.get(t, 0.0)
        s.terms[t] = old + w
        s.norm2 += (old + w) ** 2 - old * old


def _doc_vector(tokens: list[str], df: Counter[str], n_docs: int, keep: int) -> dict[str, float]:
    """Sublinear-tf × current-idf weights, L2-normalised, pruned to the ``keep`` heaviest terms."""
    tf = Counter(tokens)
    w = {t: (1.0 + math.log(c)) * (math.log((1 + n_docs) / (1 + df[t])) + 1.0) for t, c in tf.items()}
    if len(w) > keep:
        w = dict(sorted(w.items(), key=lambda kv: -kv[1])[:keep])
    norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
    return {t: v / norm for t, v in w.items()}


class StreamingClusterer:
    """Holds the open window of stories; :meth:`add` assigns one document (see the module docstring)."""

    def __init__(
        self,
        embedder: Embedder | None,
        *,
        config: ClusterConfig | None = None,
        clock: Clock,
        vector_terms: int = 100,
    ) -> None:
        self.embedder = embedder
        self.config = config or ClusterConfig()
        self.clock = clock
        self.vector_terms = vector_terms  # terms kept per document vector: bounds centroid growth
        self._df: Counter[str] = Counter()
        self._entity_df: Counter[str] = Counter()
        self._n = 0
        self._stories: dict[str, _Story] = {}
        self._open: dict[str, _Story] = {}
        self._postings: dict[str, set[str]] = {}
        self._seen: set[str] = set()
        self._copies: Counter[str] = Counter()  # text_key → documents with that exact text
        # Documents of open stories: arrival time and lead embedding, for regroup() and remove().
        self._kept: dict[str, _Kept] = {}

    # ----------------------------------------------------------------- public

    def add(self, adoc: AnnotatedDocument, *, vector: npt.NDArray[np.float32] | None = None) -> Assignment:
        """Assign ``adoc`` to an open story or start one; ``vector`` skips the embedder (precomputed)."""
        doc_id = adoc.document.id
        now, doc, template = self._arrive(adoc, vector)
        terms, emb = doc.terms, doc.emb
        if template:
            # A page template (ClusterConfig.template_copies): from its ``limit``-th copy on, each
            # copy is a story of its own, closed at once so nothing joins it. Earlier copies stay
            # where they went: a stream cannot know a text will recur.
            self._seen.add(doc_id)
            story = self._new_story(doc, now)
            self._close(story)
            return Assignment(doc_id, story.id, True)

        scored = sorted(
            ((self._score(s, doc), s.id) for s in self._candidates(terms, emb)),
            reverse=True,
        )
        self._seen.add(doc_id)
        if not scored or scored[0][0] < self.config.stream_threshold:
            story = self._new_story(doc, now)
            return Assignment(doc_id, story.id, True)
        best_score, best_id = scored[0]
        group = [best_id]
        if best_score >= self.config.stream_merge_threshold:
            group += [sid for score, sid in scored[1:] if score >= self.config.stream_merge_threshold]
        # The oldest story survives a merge, so the id users saw first stays valid.
        group.sort(key=lambda sid: self._stories[sid].seq)
        story = self._stories[group[0]]
        merged = group[1:]
        for other_id in merged:
            self._merge(story, self._stories[other_id])
        self._join(story, doc, now)
        return Assignment(doc_id, story.id, False, tuple(merged), best_score)

    def restore(
        self, adoc: AnnotatedDocument, story: str, *, vector: npt.NDArray[np.float32] | None = None
    ) -> Assignment:
        """Put ``adoc`` into story ``story`` unscored, as a store recorded it; ``vector`` as in :meth:`add`.

        For a process that rebuilds its open window from stored stories (the service after a
        restart): adding the stored documents again would let the centroids decide afresh, and
        their grouping could differ from the one the store shows, which a user has seen and
        may have linked to. The document counts for the vocabulary as an added one does.
        """
        doc_id = adoc.document.id
        now, doc, template = self._arrive(adoc, vector)
        self._seen.add(doc_id)
        s = self._stories.get(story)
        if s is None:
            s = self._new_story(doc, now, sid=story)
            if template:
                self._close(s)  # a page template's copy alone, as add() leaves it: nothing joins it
            return Assignment(doc_id, story, True)
        if s.open:
            self._join(s, doc, now)
        else:
            s.members.append(adoc)  # a closed story keeps members, nothing else (as in _close)
        return Assignment(doc_id, story, False)

    def stories(self) -> tuple[Story, ...]:
        """Every story so far (open and closed), largest first; members in arrival order."""
        live = [s for s in self._stories.values() if s.members]
        live.sort(key=lambda s: (-len(s.members), s.members[0].document.id))
        return tuple(Story(id=s.id, documents=tuple(a.document.id for a in s.members)) for s in live)

    def story_documents(self, sid: str) -> tuple[AnnotatedDocument, ...]:
        """The annotated members of story ``sid`` in arrival order."""
        return tuple(self._stories[sid].members)

    def open_stories(self) -> int:
        return len(self._open)

    def close_expired(self, now: datetime | None = None) -> list[str]:
        """Close stories with no new document for ``window_days``; returns their ids."""
        now = now or self.clock.now()
        limit = timedelta(days=self.config.window_days)
        closed = [s for s in self._open.values() if now - s.last_active > limit]
        for s in closed:
            self._close(s)
        return [s.id for s in closed]

    def regroup(self) -> Regrouping:
        """Group the open window again in batch and take that grouping (see the module docstring).

        Closed stories are left as they are. A new group keeps the id of the old story it
        shares most documents with (ties: the older story), largest group first; a group with
        no such story left gets a fresh id. Centroids of the changed stories are rebuilt
        with the vocabulary of now. Costs one batch clustering of the open window.
        """
        from crosswire.cluster.batch import cluster_documents

        stories = sorted(self._open.values(), key=lambda st: st.seq)
        members = [a for st in stories for a in st.members]
        if len(members) < 2:
            return Regrouping()
        embs = [self._kept[a.document.id].emb for a in members]
        vectors = np.stack([e for e in embs if e is not None]) if all(e is not None for e in embs) else None
        groups = cluster_documents(members, embedder=None, config=self.config, vectors=vectors)
        owner = {a.document.id: st for st in stories for a in st.members}
        taken: set[str] = set()
        plan: list[tuple[_Story | None, list[AnnotatedDocument]]] = []
        for g in groups:
            docs = [members[k] for k in g]
            shared = Counter(owner[a.document.id].id for a in docs)
            free = [sid for sid in shared if sid not in taken]
            if free:
                best = max(free, key=lambda sid: (shared[sid], -self._stories[sid].seq))
                taken.add(best)
                plan.append((self._stories[best], docs))
            else:
                plan.append((None, docs))
        changed = [
            (old, docs)
            for old, docs in plan
            if old is None or {a.document.id for a in docs} != {a.document.id for a in old.members}
        ]
        if not changed:
            return Regrouping()
        dissolved = [st for st in stories if st.id not in taken]
        for st in [old for old, _ in changed if old is not None] + dissolved:
            self._unindex(st)
            del self._stories[st.id]
        # Ids the rebuilt stories will take: a fresh id must not be one of them. A story a
        # document started keeps that document's one-member hash as its id after the document
        # has moved on, so a new story of that document alone would get the same id.
        reserved = {old.id for old, _ in changed if old is not None}
        moves: list[tuple[str, str]] = []
        for old, docs in changed:
            sid = old.id if old is not None else self._fresh_id(docs, reserved)
            self._rebuild(sid, docs, seq=old.seq if old is not None else self._n)
            moves += [(a.document.id, sid) for a in docs if owner[a.document.id].id != sid]
        return Regrouping(tuple(moves), tuple(st.id for st in dissolved))

    def remove(self, document_id: str) -> str | None:
        """Take a deleted document out of its story; returns that story's id (None: not here).

        An open story's centroids are rebuilt without it; a story left empty is gone.
        """
        story = next(
            (st for st in self._stories.values() if any(a.document.id == document_id for a in st.members)),
            None,
        )
        if story is None:
            return None
        rest = [a for a in story.members if a.document.id != document_id]
        self._kept.pop(document_id, None)
        if not story.open:
            story.members = rest
        else:
            self._unindex(story)
            del self._stories[story.id]
            if rest:
                self._rebuild(story.id, rest, seq=story.seq)
        if not rest:
            self._stories.pop(story.id, None)
        return story.id

    # ---------------------------------------------------------------- private

    def _arrive(
        self, adoc: AnnotatedDocument, vector: npt.NDArray[np.float32] | None
    ) -> tuple[datetime, _Incoming, bool]:
        # What every arriving document does before it is placed: vocabulary, vectors, and the
        # page-template count; returns the time, the scored form and whether it is a template.
        doc_id = adoc.document.id
        if doc_id in self._seen:
            from crosswire.errors import InputError

            raise InputError(f"document id {doc_id!r} was already added to the stream — ids must be unique")
        now = self.clock.now()
        self.close_expired(now)
        tokens = tokenize(adoc.document.body)
        self._n += 1
        self._df.update(set(tokens))
        terms = _doc_vector(tokens, self._df, self._n, self.vector_terms)
        ents = entity_bag(adoc)
        self._entity_df.update(ents.keys())
        emb = vector
        if emb is None and self.embedder is not None:
            emb = self.embedder.embed([lead_text(adoc, sentences=self.config.lead_sentences)])[0]
        doc = _Incoming(adoc, terms, emb, ents, day_number(adoc), self._rare_words(tokens))
        key = text_key(adoc)
        if key is not None:
            self._copies[key] += 1
        limit = self.config.template_copies
        return now, doc, key is not None and limit > 0 and self._copies[key] >= limit

    def _fresh_id(self, docs: list[AnnotatedDocument], reserved: set[str]) -> str:
        # The members' hash, as a new story's id is; salted when it is taken or reserved.
        ids = [a.document.id for a in docs]
        sid, salt = story_id(ids), 0
        while sid in self._stories or sid in reserved:
            salt += 1
            sid = story_id([*ids, f"#{salt}"])
        reserved.add(sid)
        return sid

    def _rebuild(self, sid: str, docs: list[AnnotatedDocument], *, seq: int) -> _Story:
        # A story's sums from its members again. A member's TF-IDF weights and rare words use
        # the vocabulary of now (the ones of its arrival are not kept: memory on long streams).
        first = min(self._kept[a.document.id].arrived for a in docs)
        s = _Story(sid, [], {}, 0.0, None, Counter(), [], first, seq)
        self._stories[sid] = s
        self._open[sid] = s
        for a in sorted(docs, key=lambda a: self._kept[a.document.id].order):
            kept = self._kept[a.document.id]
            tokens = tokenize(a.document.body)
            terms = _doc_vector(tokens, self._df, self._n, self.vector_terms)
            doc = _Incoming(a, terms, kept.emb, entity_bag(a), day_number(a), self._rare_words(tokens))
            self._join(s, doc, kept.arrived)
        return s

    def _rare_words(self, tokens: list[str]) -> set[str] | None:
        # Only while no document has carried mentions: then the entity overlap is missing and
        # the shared rare words stand in for it (as in batch). Once the stream is annotated
        # they are never used again, so they are not kept (memory on long streams).
        if self._entity_df or self.config.w_rare_words <= 0:
            return None
        limit = rare_word_limit(self._n, max_df=self.config.rare_word_max_df)
        return {t for t in set(tokens) if self._df[t] <= limit}

    def _candidates(self, terms: dict[str, float], emb: npt.NDArray[np.float32] | None) -> list[_Story]:
        # Stories sharing the document's heaviest terms, ranked by the summed weight of the
        # shared terms (a cheap bound on the TF-IDF dot product): only the best
        # ``neighbours`` are scored, so an assignment costs the same with 100 or 100k open stories.
        hits: dict[str, float] = {}
        for t, w in sorted(terms.items(), key=lambda kv: -kv[1])[:_QUERY_TERMS]:
            posting = self._postings.get(t)
            if posting and len(posting) <= _MAX_POSTING:
                for sid in posting:
                    hits[sid] = hits.get(sid, 0.0) + w
        found = set(heapq.nlargest(self.config.neighbours, hits, key=hits.__getitem__))
        if emb is not None and 0 < len(self._open) <= self.config.stream_embedding_candidates_max:
            # Paraphrases may share few rare words: also take the nearest stories by embedding.
            sums = [(sid, s.emb) for sid, s in self._open.items() if s.emb is not None]
            if sums:
                mat = np.stack([v for _, v in sums])
                sims = (mat @ emb) / np.maximum(np.linalg.norm(mat, axis=1), 1e-12)
                for k in np.argsort(-sims)[: self.config.neighbours]:
                    found.add(sums[int(k)][0])
        return [self._open[i] for i in found if i in self._open]

    def _score(self, s: _Story, doc: _Incoming) -> float:
        terms, emb, ents, day, rare = doc.terms, doc.emb, doc.ents, doc.day, doc.rare
        dot = sum(w * s.terms.get(t, 0.0) for t, w in terms.items())
        lexical = dot / math.sqrt(s.norm2) if s.norm2 > 0 else 0.0
        cosine = None
        if emb is not None and s.emb is not None:
            norm = float(np.linalg.norm(s.emb))
            cosine = float(s.emb @ emb) / norm if norm > 0 else 0.0
        entities = None
        rare_words = None if rare is None else sum(s.rare[t] for t in rare) / len(s.members)
        # As in batch: once any document carried mentions the stream is annotated, and a
        # document or story without any simply shares none.
        if self._entity_df:
            n = len(s.members)
            mean = {k: v / n for k, v in s.entities.items()}
            idf = {
                k: math.log((1 + self._n) / (1 + self._entity_df[k])) + 1.0 for k in mean.keys() | ents.keys()
            }
            entities = entity_similarity(ents, mean, idf)
        t = 1.0
        if day is not None and s.days:
            nearest = min(s.days, key=lambda d: abs(d - day))
            t = time_factor(
                day, nearest, scale_days=self.config.time_scale_days, grace_days=self.config.time_grace_days
            )
        return combine(lexical, cosine, entities, t, config=self.config, rare_words=rare_words)

    def _new_story(self, doc: _Incoming, now: datetime, *, sid: str | None = None) -> _Story:
        s = _Story(
            id=sid or story_id([doc.adoc.document.id]),
            members=[],
            terms={},
            norm2=0.0,
            emb=None,
            entities=Counter(),
            days=[],
            last_active=now,
            seq=self._n,
        )
        self._stories[s.id] = s
        self._open[s.id] = s
        self._join(s, doc, now)
        return s

    def _join(self, s: _Story, doc: _Incoming, now: datetime) -> None:
        s.members.append(doc.adoc)
        prev = self._kept.get(doc.adoc.document.id)
        self._kept[doc.adoc.document.id] = _Kept(now, doc.emb, prev.order if prev else self._n)
        if doc.rare:
            s.rare.update(doc.rare)
        _add_terms(s, doc.terms)
        if doc.emb is not None:
            s.emb = doc.emb.astype(np.float32).copy() if s.emb is None else s.emb + doc.emb
        s.entities.update(doc.ents)
        if doc.day is not None:
            s.days.append(doc.day)
        s.last_active = max(s.last_active, now)
        # Index the document's heaviest terms so later documents sharing them find this story.
        for t, _ in sorted(doc.terms.items(), key=lambda kv: -kv[1])[: _QUERY_TERMS * 2]:
            if t not in s.index_terms:
                s.index_terms.add(t)
                self._postings.setdefault(t, set()).add(s.id)

    def _merge(self, into: _Story, other: _Story) -> None:
        _add_terms(into, other.terms)
        if other.emb is not None:
            into.emb = other.emb.copy() if into.emb is None else into.emb + other.emb
        into.entities.update(other.entities)
        into.rare.update(other.rare)
        into.days += other.days
        into.members += other.members
        into.last_active = max(into.last_active, other.last_active)
        self._unindex(other)
        for t in other.index_terms:
            if t not in into.index_terms:
                into.index_terms.add(t)
                self._postings.setdefault(t, set()).add(into.id)
        del self._stories[other.id]

    def _close(self, s: _Story) -> None:
        self._unindex(s)
        for a in s.members:
            self._kept.pop(a.document.id, None)

    def _unindex(self, s: _Story) -> None:
        # Out of the open window and the candidate index; its members stay where they are.
        s.open = False
        self._open.pop(s.id, None)
        for t in s.index_terms:
            posting = self._postings.get(t)
            if posting is not None:
                posting.discard(s.id)
                if not posting:
                    del self._postings[t]
