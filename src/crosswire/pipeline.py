"""The flow, top to bottom. Each stage is a generator in the folder named after its step.

Input → output: paths (files, directories, globs, feed URLs) → :class:`~crosswire.models.Brief` per story.

::

    ingest    paths            → Document            (text exactly as read + metadata; rejects to the ledger)
    clean     Document         → Document            (clean view + offset map, dateline, credit, truncation)
    dedup     Document         → Document            (+ Fingerprint: exact hash, SimHash, MinHash)
    annotate  Document         → AnnotatedDocument   (one spaCy pass: sentences, entity mentions)
    cluster   AnnotatedDocument→ StoryDocs           (stories, origin families, duplicates)
    extract   StoryDocs        → Extraction          (entities, quotes with speakers, time expressions)
    align     Extraction       → Alignment           (facts, corroboration, conflicts, quote groups)
    brief     Alignment        → Brief               (summary, timeline; rendered by brief.render)

Stages never call each other; only this module strings them together. Stage modules are
imported inside the functions so ``crosswire --help`` stays instant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from crosswire.config import Config, annotation_plan, load_config
from crosswire.ledger import Ledger

if TYPE_CHECKING:
    from crosswire.models import Brief, Document, StoryDocs
    from crosswire.seams import Embedder

__all__ = ["briefs", "load_models", "read", "run", "stories"]


def load_models(config: Config | None = None) -> Embedder:
    """Load spaCy and the embedder at once (the embedder in a thread): ~0.2 s off a cold run.

    spaCy stays cached inside ``annotate``; the embedder is returned for ``stories``/``briefs``.
    """
    from concurrent.futures import ThreadPoolExecutor

    from crosswire.annotate import load_nlp
    from crosswire.embedding import load_embedder

    config = config or load_config()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(load_embedder, config.embedder)
        load_nlp(config.spacy_model)
        return pending.result()


def read(
    paths: Iterable[str], *, config: Config | None = None, ledger: Ledger | None = None
) -> list[Document]:
    """ingest → clean → dedup: every accepted document, fingerprinted; rejects go to ``ledger``."""
    from crosswire import clean, dedup, ingest

    config = config or load_config()
    ledger = ledger if ledger is not None else Ledger()
    docs: Iterator[Document] = ingest.run(paths, max_bytes=config.max_bytes, ledger=ledger)
    docs = clean.run(docs, ledger=ledger, languages=config.languages, min_words=config.min_words)
    docs = dedup.run(docs)
    return list(docs)


def stories(
    documents: Iterable[Document],
    *,
    config: Config | None = None,
    embedder: Embedder | None = None,
) -> list[StoryDocs]:
    """annotate → cluster: the stories in the documents, largest first."""
    from crosswire import annotate, cluster
    from crosswire.embedding import load_embedder

    config = config or load_config()
    embedder = embedder or load_embedder(config.embedder)
    documents = list(documents)
    n_words = sum(len(d.body.split()) for d in documents)
    n_process, batch_size = annotation_plan(config, len(documents), n_words)
    annotated = annotate.run(documents, model=config.spacy_model, batch_size=batch_size, n_process=n_process)
    return list(cluster.run(annotated, embedder=embedder))


def briefs(
    story_docs: Iterable[StoryDocs], *, config: Config | None = None, embedder: Embedder | None = None
) -> Iterator[Brief]:
    """extract → align → brief: one brief per story."""
    from crosswire import align, brief, extract
    from crosswire.embedding import load_embedder

    config = config or load_config()
    embedder = embedder or load_embedder(config.embedder)
    extractions = extract.run(story_docs, quote_method=config.quote_method, quote_model=config.quote_model)
    alignments = align.run(extractions, embedder=embedder)
    return brief.run(alignments)


def run(paths: Iterable[str], *, config: Config | None = None, ledger: Ledger | None = None) -> list[Brief]:
    """The whole flow: paths → briefs, largest story first."""
    config = config or load_config()
    documents = read(paths, config=config, ledger=ledger)
    embedder = load_models(config)
    return list(
        briefs(stories(documents, config=config, embedder=embedder), config=config, embedder=embedder)
    )
