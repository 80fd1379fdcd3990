"""The background worker: assigns new documents to stories, recomputes briefs, polls feeds and folders.

Input → output: document ids (from ``POST /documents``, feeds, folders) and changed stories →
story assignments and fresh briefs in the :class:`~crosswire.seams.Store`.

One daemon thread does all the heavy work, so HTTP reads never wait for it: a reader gets
the last computed brief, and the story's ``stale`` flag says a newer one is coming.
Everything that touches the clusterer runs on this thread (the clusterer is not shared).
After new documents are placed the open window is regrouped in batch (``Engine.regroup``):
documents the streaming decisions put in the wrong story move, and every story that gained
or lost one gets a new brief. A regrouping waits ``regroup_interval`` seconds after the last
one, and at least ten times as long as the last one took, so it never takes more than a
tenth of the worker's time, however large the window.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

from crosswire.brief.json_out import BRIEF_REVISION
from crosswire.dedup.versions import as_version
from crosswire.labels import counted
from crosswire.ledger import Ledger

if TYPE_CHECKING:
    from crosswire.models import Document
    from crosswire.seams import Clock, Fetcher, Store
    from crosswire.service.engine import Engine

__all__ = ["IngestOutcome", "SystemClock", "Worker", "store_documents"]

log = logging.getLogger("crosswire.service")


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What became of one read document: stored, or a duplicate of a stored one (and why)."""

    document: str
    duplicate_of: str | None = None
    match: str | None = None  # "id" | "url" | "text"
    supersedes: str | None = None  # the stored version this changed page is the next of


def store_documents(store: Store, documents: Iterable[Document]) -> list[IngestOutcome]:
    """Store each document unless it duplicates one already stored (same id, URL or text).

    The same id or address with other words (the page fetched again after its outlet corrected
    it, a folder's file overwritten) is no duplicate: it is stored as the document's next
    version, ``"<id>~v2"``, which the story's brief reads instead of the earlier one.
    """
    outcomes = []
    for doc in documents:
        if (latest := _changed_version_of(store, doc)) is not None:
            first, number = (
                str(latest.meta.get("version_of") or latest.id),
                int(latest.meta.get("version") or 1),
            )
            doc = as_version(doc, of=first, number=number + 1)
            outcomes.append(IngestOutcome(doc.id, supersedes=latest.id))
            if store.add_document(doc) is None:
                continue
            outcomes.pop()  # raced with the same version: reported as the duplicate below
        dup = store.add_document(doc)
        if dup is None:
            outcomes.append(IngestOutcome(doc.id))
            continue
        match = "id"
        if dup != doc.id:
            stored = store.get_document(dup)
            match = "url" if stored is not None and doc.url and stored.url == doc.url else "text"
        outcomes.append(IngestOutcome(doc.id, dup, match))
    return outcomes


def _changed_version_of(store: Store, doc: Document) -> Document | None:
    """The latest stored version of the document ``doc`` is a changed read of (same id or
    address, other words once furniture is cleaned away), or None: new, or a duplicate."""
    prior_id = store.find_duplicate(doc)
    if prior_id is None or store.find_duplicate(doc, text_only=True) is not None:
        return None
    prior = store.get_document(prior_id)
    if prior is None:
        return None
    first = str(prior.meta.get("version_of") or prior.id)
    latest = store.get_document(first) or prior
    number = 2
    while (later := store.get_document(f"{first}~v{number}")) is not None:
        latest, number = later, number + 1
    if " ".join(latest.body.split()) == " ".join(doc.body.split()):
        return None  # the same report under new page furniture: a duplicate
    return latest


class Worker:
    """Queue of work for the one background thread (holds state, no algorithms)."""

    def __init__(
        self,
        store: Store,
        engine: Engine,
        *,
        fetcher: Fetcher | None = None,
        clock: Clock | None = None,
        tick: float = 0.5,
        warm_up: bool = True,
        replay_days: float = 3.0,
        regroup_interval: float = 5.0,
    ) -> None:
        self.store = store
        self.engine = engine
        self.fetcher = fetcher
        self.clock: Clock = clock or SystemClock()
        self.tick = tick
        self.warm_up = warm_up
        self.replay_days = replay_days
        self.regroup_interval = regroup_interval
        self._placed_since_regroup = False
        self._next_regroup = -float("inf")  # time.monotonic() when regrouping is allowed again
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()
        self._count_lock = threading.Lock()
        self._inflight = 0
        self._busy = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None

    # -- called from request threads ------------------------------------------------------

    def _put(self, kind: str, arg: str) -> None:
        # Counted before it is queued and uncounted after it is handled, so "nothing in
        # flight" never holds while an item sits between the queue and the worker.
        with self._count_lock:
            self._inflight += 1
        self._queue.put((kind, arg))

    def _done(self, n: int) -> None:
        with self._count_lock:
            self._inflight -= n

    def submit(self, document_ids: Iterable[str]) -> None:
        for i in document_ids:
            self._put("assign", i)

    def removed(self, document_id: str, story_id: str | None) -> None:
        self._put("forget", document_id)
        if story_id is not None:
            self._put("brief", story_id)

    def poll_now(self) -> None:
        self._put("poll", "")

    def pending(self) -> int:
        return self._inflight

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """True once nothing is in flight, nothing is running and no story is stale (for tests, benchmarks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._inflight == 0 and not self._busy.is_set() and not self.store.stale_stories():
                return True
            time.sleep(0.02)
        return False

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="crosswire-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._put("stop", "")
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    # -- the thread -------------------------------------------------------------------------

    def _run(self) -> None:
        self._busy.set()
        try:
            self._guard(self._recover)
        finally:
            self._busy.clear()
        while not self._stop.is_set():
            try:
                kind, arg = self._queue.get(timeout=self.tick)
            except queue.Empty:
                self._busy.set()
                try:
                    self._guard(self._poll_due)
                    self._guard(self._regroup_due)
                    self._guard(self._refresh_stale)
                finally:
                    self._busy.clear()
                continue
            if kind == "stop":
                self._done(1)
                break
            self._busy.set()
            try:
                # Drain what arrived meanwhile before doing anything: a batch of posted
                # documents is annotated in one pass, and one story costs one brief, not five.
                batch = [(kind, arg)]
                while True:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                if any(k == "stop" for k, _ in batch):
                    self._stop.set()
                self._guard(self._handle_batch, [(k, a) for k, a in batch if k != "stop"])
                self._done(len(batch))
                self._guard(self._regroup_due)
                self._guard(self._refresh_stale)
            finally:
                self._busy.clear()

    def _guard(self, step: Callable[..., object], *args: object) -> None:
        # The worker must outlive one bad document or a failing feed; the error is logged and
        # kept for /health, and the story keeps its last good brief.
        try:
            step(*args)
        except Exception as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            log.exception("crosswire worker step failed")

    def _recover(self) -> None:
        """Load models, rebuild the clusterer from stored documents, then finish what was left."""
        if self.warm_up:
            started = time.perf_counter()
            self.engine.warm()
            log.info("models loaded in %.1f s", time.perf_counter() - started)
            # Only stories that can still grow need the clusterer to know them: those with a
            # document from the last ``replay_days`` (the streaming window), not all history.
            since = (self.clock.now() - timedelta(days=self.replay_days)).isoformat(timespec="milliseconds")
            ids = self.store.all_document_ids(since=since)
            placed: list[tuple[Document, str]] = []
            for doc in self.store.get_documents(ids):
                stored = self.store.document_story(doc.id)
                if stored is not None:
                    placed.append((doc, stored))
            started = time.perf_counter()
            self.engine.prepare([d for d, _ in placed])
            for doc, stored_story in placed:
                # Restored, not assigned again: a fresh clusterer could group them differently
                # from the stories the store shows (and users have seen).
                self.engine.restore(doc, stored_story)
            if placed:
                log.info(
                    "restored %d recent documents into their stories in %.1f s",
                    len(placed),
                    time.perf_counter() - started,
                )
        outdated = self.store.outdated_briefs(BRIEF_REVISION)
        if outdated:
            # Briefs an older crosswire stored have an older shape: readers get them until
            # the new ones are computed (they are marked stale meanwhile).
            self.store.mark_stale(outdated)
            log.info("%s from an older crosswire will be computed again", counted(len(outdated), "brief"))
        for doc_id in self.store.unassigned_documents():
            self._put("assign", doc_id)

    def _handle_batch(self, batch: list[tuple[str, str]]) -> None:
        # one id may be queued twice: posted while start-up recovery queued every unassigned
        # document; prepared once (the second assign finds it placed and does nothing)
        assign = list(dict.fromkeys(a for k, a in batch if k == "assign"))
        if assign:
            docs = [d for d in self.store.get_documents(assign) if self.store.document_story(d.id) is None]
            started = time.perf_counter()
            self.engine.prepare(docs)
            log.info("prepared %d new documents in %.2f s", len(docs), time.perf_counter() - started)
        for kind, arg in batch:
            self._guard(self._handle, kind, arg)

    def _handle(self, kind: str, arg: str) -> None:
        if kind == "assign":
            doc = self.store.get_document(arg)
            if doc is None or self.store.document_story(arg) is not None:
                return  # deleted meanwhile, or already placed
            # The clusterer's story ids are the store's: a restart restores the stored grouping.
            story, merged = self.engine.assign(doc)
            self.store.assign_story(arg, story, merged=merged)
            self._placed_since_regroup = True
        elif kind == "forget":
            self.engine.forget(arg)
        elif kind == "brief":
            self.store.mark_stale([arg])
        elif kind == "poll":
            self._poll_due(force=True)

    def _assigns_queued(self) -> bool:
        return not self._queue.empty() and any(k == "assign" for k, _ in list(self._queue.queue))

    def _regroup_due(self) -> None:
        # Only when documents were placed since the last one, and not more often than the
        # interval: a regrouping costs one batch clustering of the open window.
        if not self._placed_since_regroup or time.monotonic() < self._next_regroup:
            return
        if self._assigns_queued():
            return  # more documents are coming; regroup once they are placed
        self._placed_since_regroup = False
        started = time.monotonic()
        moves = self.engine.regroup()
        took = time.monotonic() - started
        from crosswire.cluster.stream import regroup_pause

        self._next_regroup = started + took + regroup_pause(took, min_interval=self.regroup_interval)
        moved = 0
        for doc_id, sid in moves:
            old = self.store.document_story(doc_id)
            if old is None or old == sid:
                continue  # deleted meanwhile, or already there
            self.store.assign_story(doc_id, sid)  # the story it leaves is recomputed, or gone
            moved += 1
        if moved:
            log.info("regrouped the open window in %.2f s: %s moved", took, counted(moved, "document"))

    def _refresh_stale(self) -> None:
        for story_id in self.store.stale_stories():
            if self._assigns_queued():
                return  # more documents are coming; compute once they are placed
            ids = self.store.story_document_ids(story_id)
            if not ids:
                continue
            docs = self.store.get_documents(ids)
            started = time.perf_counter()
            try:
                computed = self.engine.brief(story_id, docs)
            except Exception as exc:
                log.exception("brief of %s failed", story_id)
                self.store.put_brief_error(story_id, f"{type(exc).__name__}: {exc}")
                continue
            fresh = self.store.put_brief(
                story_id,
                brief=computed.brief,
                markdown=computed.markdown,
                html=computed.html,
                summary=computed.summary,
                documents=ids,
                revision=BRIEF_REVISION,
            )
            log.info(
                "brief of %s (%s) computed in %.2f s%s",
                story_id,
                counted(len(ids), "document"),
                time.perf_counter() - started,
                "" if fresh else "; its documents changed meanwhile, computing again",
            )

    # -- feeds and folders ---------------------------------------------------------------------

    def _due(self, last: str | None, interval: float, now: datetime) -> bool:
        if last is None:
            return True
        return (now - datetime.fromisoformat(last)).total_seconds() >= interval

    def _poll_due(self, force: bool = False) -> None:
        now = self.clock.now()
        for feed in self.store.list_feeds():
            if force or self._due(feed.last_polled, feed.interval, now):
                self._poll_feed(feed.id, feed.url, feed.etag, feed.last_modified, now)
        for folder in self.store.list_folders():
            if force or self._due(folder.last_scanned, folder.interval, now):
                self._scan_folder(folder.id, folder.path, folder.seen, now)

    def _poll_feed(
        self, feed_id: int, url: str, etag: str | None, last_modified: str | None, now: datetime
    ) -> None:
        if self.fetcher is None:
            from crosswire.ingest.fetch import UrllibFetcher

            self.fetcher = cast("Fetcher", UrllibFetcher())
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        error = None
        try:
            res = self.fetcher.get(url, headers=headers)
            hdrs = {k.lower(): v for k, v in res.headers.items()}
            if res.status == 200:
                ledger = Ledger()
                docs = self.engine.read_upload(res.body, name=url, ledger=ledger)
                self._queue_new(store_documents(self.store, docs))
                etag, last_modified = hdrs.get("etag", etag), hdrs.get("last-modified", last_modified)
                if ledger.rejected:
                    error = "; ".join(f"{r.where()}: {r.reason}" for r in ledger.rejected[:3])
            elif res.status != 304:
                error = f"HTTP {res.status}"
        except Exception as exc:  # a feed that is down must not stop the others
            error = f"{type(exc).__name__}: {exc}"
        self.store.update_feed(
            feed_id, etag=etag, last_modified=last_modified, polled=now.isoformat(), error=error
        )

    def _scan_folder(self, folder_id: int, path: str, seen: dict[str, str], now: datetime) -> None:
        root = Path(path)
        error = None
        read: dict[str, str] = {}
        if not root.is_dir():
            error = f"{path} is not a folder (any more)"
        else:
            changed = []
            for file in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = file.relative_to(root).as_posix()
                if any(part.startswith(".") for part in rel.split("/")):
                    continue  # hidden files and editors' temporaries
                st = file.stat()
                sig = f"{st.st_size}:{st.st_mtime_ns}"
                if seen.get(rel) != sig:
                    changed.append(str(file))
                    read[rel] = sig
            if changed:
                ledger = Ledger()
                docs = self.engine.read_paths(changed, ledger=ledger)
                self._queue_new(store_documents(self.store, docs))
                if ledger.rejected:
                    error = "; ".join(f"{r.where()}: {r.reason}" for r in ledger.rejected[:3])
        self.store.update_folder(folder_id, scanned=now.isoformat(), error=error, seen=read)

    def _queue_new(self, outcomes: list[IngestOutcome]) -> None:
        for o in outcomes:
            if o.duplicate_of is None:
                self._put("assign", o.document)
