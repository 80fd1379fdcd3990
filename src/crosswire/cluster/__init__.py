"""Story clustering: annotated documents → stories, with origin families and duplicates.

Input → output: ``Iterable[AnnotatedDocument]`` → ``Iterator[StoryDocs]``, largest story first.

The grouping itself is :func:`crosswire.cluster.batch.cluster_documents` (TF-IDF +
entities + title/lead embeddings + publication time, page templates unlinked, TF-IDF
rows expanded by their nearest neighbours, average-link on a sparse candidate graph);
this module turns groups into :class:`~crosswire.models.Story`
values with stable ids and attaches the origin families
(:func:`crosswire.cluster.families.find_families`) and duplicates
(:func:`crosswire.dedup.find_duplicates`) of each story's documents.
Streaming lives in :mod:`crosswire.cluster.stream`, folder watching in
:mod:`crosswire.cluster.watch`, the CLI report in :mod:`crosswire.cluster.report`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from crosswire.cluster.features import ClusterConfig
from crosswire.errors import InputError
from crosswire.models import AnnotatedDocument, Story, StoryDocs

if TYPE_CHECKING:
    from crosswire.seams import Embedder

__all__ = ["ClusterConfig", "order_documents", "run", "story_id"]


def story_id(document_ids: Iterable[str]) -> str:
    """``"s-"`` + 12 hex digits of the sha1 of the sorted member ids: same members, same id."""
    joined = "\n".join(sorted(document_ids))
    return "s-" + hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def order_documents(adocs: Sequence[AnnotatedDocument]) -> tuple[AnnotatedDocument, ...]:
    """Story order: by publication date (dated first), then by id."""
    return tuple(
        sorted(adocs, key=lambda a: (a.document.published is None, a.document.published or "", a.document.id))
    )


def make_story(adocs: Sequence[AnnotatedDocument], *, id: str | None = None) -> StoryDocs:
    """One :class:`StoryDocs`: ordered documents, stable id, families, duplicates and superseded
    versions attached.

    ``id`` keeps an id the caller already gave the story (a stream's, a service's): by
    default it is :func:`story_id` of the members.
    """
    from crosswire.cluster.families import find_families
    from crosswire.dedup import find_duplicates, find_versions

    ordered = order_documents(adocs)
    docs = [a.document for a in ordered]
    duplicates = find_duplicates(docs)
    story = Story(
        id=id if id is not None else story_id(d.id for d in docs),
        documents=tuple(d.id for d in docs),
        families=find_families(docs),
        duplicates=tuple(duplicates),
        superseded=tuple(find_versions(docs, duplicates)),
    )
    return StoryDocs(story=story, documents=ordered)


def run(
    adocs: Iterable[AnnotatedDocument],
    *,
    embedder: Embedder | None,
    config: ClusterConfig | None = None,
) -> Iterator[StoryDocs]:
    """Group ``adocs`` into stories and yield them, largest first (ties: earliest first member).

    Batch: every input is read before the first story is yielded. ``embedder=None``
    clusters on TF-IDF, entities and time alone (the weights are renormalised).
    """
    from crosswire.cluster.batch import cluster_documents

    config = config or ClusterConfig()
    items = list(adocs)
    seen: set[str] = set()
    for a in items:
        if a.document.id in seen:
            raise InputError(
                f"document id {a.document.id!r} appears twice in the input of clustering — ids must be unique"
            )
        seen.add(a.document.id)
    groups = cluster_documents(items, embedder=embedder, config=config)
    stories = [make_story([items[k] for k in g]) for g in groups]
    stories.sort(key=lambda s: (-len(s.documents), s.story.documents[0]))
    yield from stories
