"""The service's pipeline seam: how posted items become documents, stories and briefs.

Input → output: JSON records, uploaded bytes and watched paths → fingerprinted
:class:`~crosswire.models.Document`; a document → its story (streaming clustering); a
story's documents → a :class:`ComputedBrief` (brief JSON, Markdown, HTML, list columns).

:class:`PipelineEngine` runs the same stages as the CLI (``ingest`` readers, ``clean``,
``dedup``, ``annotate``, ``cluster.stream``, ``pipeline.briefs``, ``brief.render``). Tests
inject their own :class:`Engine`. Readers are called from request threads; ``assign``,
``forget`` and ``brief`` only from the single worker thread, so the clusterer needs no lock.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from crosswire.store.records import StorySummary

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from crosswire.cluster.stream import StreamingClusterer
    from crosswire.config import Config
    from crosswire.ledger import Ledger
    from crosswire.models import AnnotatedDocument, Document
    from crosswire.seams import Clock, Embedder

__all__ = ["CachingEmbedder", "ComputedBrief", "Engine", "PipelineEngine", "record_id", "summarize"]


@dataclass(frozen=True, slots=True)
class ComputedBrief:
    """One story's brief in every form the service serves."""

    brief: dict[str, Any]  # one element of the ``stories`` list of the brief JSON
    markdown: str
    html: str
    summary: StorySummary


class Engine(Protocol):
    def warm(self) -> None:
        """Load models and modules now (worker start-up), so the first document is not the slow one."""
        ...

    def read_record(self, record: Any, *, where: str, ledger: Ledger) -> list[Document]: ...

    def read_upload(self, data: bytes, *, name: str, ledger: Ledger) -> list[Document]: ...

    def read_paths(self, paths: Sequence[str], *, ledger: Ledger) -> list[Document]: ...

    def prepare(self, documents: Sequence[Document]) -> None:
        """Do the per-document work of a batch at once (annotation) before ``assign`` takes them one by one."""
        ...

    def assign(self, document: Document) -> tuple[str, tuple[str, ...]]:
        """The story ``document`` joins, and the stories merged into it by this arrival."""
        ...

    def restore(self, document: Document, story_id: str) -> None:
        """Put a stored document back into its stored story, unscored (a restart rebuilding the
        open window): the clusterer then knows the grouping the store shows, ids included."""
        ...

    def regroup(self) -> tuple[tuple[str, str], ...]:
        """Revise the grouping of the open window: each document that changed story, with its
        story now (the clusterer's id, as ``assign`` gives)."""
        ...

    def forget(self, document_id: str) -> None: ...

    def brief(self, story_id: str, documents: Sequence[Document]) -> ComputedBrief: ...


def record_id(record: Any) -> str:
    """A stable id for a posted record that has neither ``id`` nor ``url``: same record, same id."""
    blob = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return "d-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


# Notes that say a report was wrong, or is withdrawn: what the story list counts as corrections.
_CORRECTING = frozenset({"correction", "clarification", "retraction"})


def summarize(brief: dict[str, Any]) -> StorySummary:
    """The story-list columns of one story's brief JSON (tolerant of absent sections)."""
    story = brief.get("story") or {}
    documents = brief.get("documents") or []
    dates = sorted(
        {str(d.get("published"))[:10] for d in documents if isinstance(d, dict) and d.get("published")}
        | ({str(story["event_date"])[:10]} if story.get("event_date") else set())
    )
    families = brief.get("families") or []
    entities = tuple(
        str(e.get("name")) for e in brief.get("entities") or [] if isinstance(e, dict) and e.get("name")
    )
    return StorySummary(
        headline=str(story.get("headline") or brief.get("headline") or ""),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        # The brief's own count (families of the reports it reads: 0 when all were retracted);
        # else one source per family or outlet.
        independent_sources=int(
            story["independent_sources"]
            if isinstance(story.get("independent_sources"), int)
            else len(families)
            or len({d.get("source") or d.get("id") for d in documents if isinstance(d, dict)})
        ),
        # a rising toll ("update") is listed with the conflicts but is not one
        conflicts=sum(1 for c in brief.get("conflicts") or [] if c.get("kind") != "update"),
        updates=sum(1 for c in brief.get("conflicts") or [] if c.get("kind") == "update"),
        # corroborated facts every report of which rests on sources it does not name: four
        # outlets told by unnamed officials may all carry one leak
        unnamed=sum(
            1
            for f in brief.get("facts") or []
            if isinstance(f, dict)
            and f.get("status") != "single_source"
            and f.get("unnamed")
            and set(f.get("unnamed") or []) >= set(f.get("documents") or [])
        ),
        corrections=sum(
            1
            for d in documents
            if isinstance(d, dict)
            and any(isinstance(n, dict) and n.get("kind") in _CORRECTING for n in d.get("notes") or [])
        ),
        entities=entities,
    )


class CachingEmbedder:
    """An :class:`~crosswire.seams.Embedder` that remembers vectors by text (LRU).

    A live story's brief is recomputed on every new document; without the cache each
    recomputation would embed every claim of every earlier document again, so the cost of
    the n-th document would grow with n. Vectors are read-only copies of the model's output.
    """

    def __init__(self, inner: Embedder, *, max_items: int = 100_000) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.max_items = max_items
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        import numpy as np

        with self._lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
            for t in known:
                self._cache.move_to_end(t)
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            vectors = self.inner.embed(missing)
            known.update(zip(missing, vectors, strict=True))
            with self._lock:
                self._cache.update(zip(missing, vectors, strict=True))
                while len(self._cache) > self.max_items:
                    self._cache.popitem(last=False)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(np.stack([known[t] for t in texts]), dtype=np.float32)


class PipelineEngine:
    """The real stages, with the spaCy model and embedder loaded once on first use."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        embedder: Embedder | None = None,
        clock: Clock | None = None,
        cache_size: int = 4096,
    ) -> None:
        from crosswire.config import load_config

        self.config = config or load_config()
        self.clock = clock
        self._embedder: Embedder | None = CachingEmbedder(embedder) if embedder is not None else None
        self._clusterer: StreamingClusterer | None = None
        # The clusterer refuses an id it has seen; a document deleted and posted again is
        # clustered under a fresh internal name (the stored id does not change).
        self._arrivals: dict[str, int] = {}
        self._stored_id: dict[str, str] = {}  # internal name "X#n" → stored id "X"
        # Annotation is the costly step; a story's brief is recomputed on each new document,
        # so the annotated documents of recent stories are kept (LRU, by document id).
        self._annotated: OrderedDict[str, AnnotatedDocument] = OrderedDict()
        self._cache_size = cache_size

    # -- readers (request threads) -----------------------------------------------------

    def _finish(self, docs: Iterable[Document], ledger: Ledger) -> list[Document]:
        from crosswire import clean, dedup

        return list(
            dedup.run(
                clean.run(
                    docs, ledger=ledger, languages=self.config.languages, min_words=self.config.min_words
                )
            )
        )

    def read_record(self, record: Any, *, where: str, ledger: Ledger) -> list[Document]:
        from crosswire import ingest
        from crosswire.errors import RejectedInput
        from crosswire.models import Rejected

        try:
            doc = ingest.from_record(record, where=where, default_id=record_id(record))
        except RejectedInput as exc:
            ledger.reject(Rejected(exc.path, exc.reason, exc.code, exc.line))
            return []
        return self._finish([doc], ledger)

    def read_upload(self, data: bytes, *, name: str, ledger: Ledger) -> list[Document]:
        from crosswire import ingest

        return self._finish(ingest.read_bytes(data, name=name, ledger=ledger), ledger)

    def read_paths(self, paths: Sequence[str], *, ledger: Ledger) -> list[Document]:
        from crosswire import ingest

        return self._finish(ingest.run(paths, max_bytes=self.config.max_bytes, ledger=ledger), ledger)

    # -- worker thread -------------------------------------------------------------------

    def warm(self) -> None:
        import importlib

        from crosswire.models import Document

        # The stages a brief needs import scipy, sklearn and friends on first use (~1 s).
        for module in (
            "crosswire.cluster.stream",
            "crosswire.extract",
            "crosswire.align",
            "crosswire.brief.render",
        ):
            importlib.import_module(module)
        self._annotate([Document(id="\x00warm-up", text="The committee met in Geneva on Monday.")])
        self._annotated.pop("\x00warm-up", None)
        self.embedder.embed(["warm-up"])

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from crosswire.embedding import load_embedder

            self._embedder = CachingEmbedder(load_embedder(self.config.embedder))
        return self._embedder

    def _annotate(self, documents: Sequence[Document]) -> list[AnnotatedDocument]:
        from crosswire import annotate

        missing = [d for d in documents if d.id not in self._annotated]
        if missing:
            for adoc in annotate.run(
                missing, model=self.config.spacy_model, batch_size=self.config.batch_size
            ):
                self._annotated[adoc.document.id] = adoc
        out = []
        for d in documents:
            self._annotated.move_to_end(d.id)
            out.append(self._annotated[d.id])
        while len(self._annotated) > self._cache_size:
            self._annotated.popitem(last=False)
        return out

    def prepare(self, documents: Sequence[Document]) -> None:
        # One nlp.pipe over the batch is several times faster than one call per document.
        self._annotate(documents)

    def _stream(self) -> StreamingClusterer:
        from crosswire.cluster.features import ClusterConfig
        from crosswire.cluster.stream import StreamingClusterer

        if self._clusterer is None:
            from crosswire.service.worker import SystemClock

            self._clusterer = StreamingClusterer(
                self.embedder,
                config=ClusterConfig(window_days=self.config.window_days),
                clock=self.clock or SystemClock(),
            )
        return self._clusterer

    def _posting(self, document: Document) -> AnnotatedDocument:
        # The clusterer sees each posting of a document id once: a document deleted and posted
        # again arrives as "id#1", "id#2", … and is reported under its stored id.
        (adoc,) = self._annotate([document])
        n = self._arrivals.get(document.id, 0)
        self._arrivals[document.id] = n + 1
        if n:
            adoc = replace(adoc, document=replace(adoc.document, id=f"{document.id}#{n}"))
            self._stored_id[adoc.document.id] = document.id
        return adoc

    def assign(self, document: Document) -> tuple[str, tuple[str, ...]]:
        result = self._stream().add(self._posting(document))
        return str(result.story_id), tuple(str(m) for m in result.merged)

    def restore(self, document: Document, story_id: str) -> None:
        self._stream().restore(self._posting(document), story_id)

    def regroup(self) -> tuple[tuple[str, str], ...]:
        if self._clusterer is None:
            return ()
        moves = self._clusterer.regroup().moves
        return tuple((self._stored_id.get(doc, doc), str(story)) for doc, story in moves)

    def forget(self, document_id: str) -> None:
        self._annotated.pop(document_id, None)
        n = self._arrivals.get(document_id, 0)
        if self._clusterer is not None and n:
            # The clusterer knows the latest posting under its internal name.
            self._clusterer.remove(document_id if n == 1 else f"{document_id}#{n - 1}")

    def brief(self, story_id: str, documents: Sequence[Document]) -> ComputedBrief:
        from crosswire import pipeline
        from crosswire.brief.render import render, to_dict
        from crosswire.cluster import make_story

        # The service keeps its own story ids (stable while documents come and go).
        story_docs = make_story(self._annotate(documents), id=story_id)
        (brief,) = list(pipeline.briefs([story_docs], config=self.config, embedder=self.embedder))
        data = to_dict(brief)
        return ComputedBrief(
            brief=data,
            markdown=render([brief], rejected=[], fmt="md"),
            html=render([brief], rejected=[], fmt="html"),
            summary=summarize(data),
        )
