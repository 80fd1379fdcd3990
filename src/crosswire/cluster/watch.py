"""``crosswire watch``: poll a folder; each new file (or new record of a file that grows) joins a
story or starts one.

Input → output: a directory (scanned every ``interval`` seconds) → one line per new
document on stdout ('doc X → story S (score 0.41) · 3 documents · “title of its first report”'),
and with ``once`` the story table; an exit
code (0 all accepted, 1 some rejected, 2 nothing usable).

New files go through the same stages as a batch run (ingest → clean → dedup → annotate)
and then :class:`~crosswire.cluster.stream.StreamingClusterer`, whose window closes
stories idle for ``config.window_days``. After a scan's files are placed, the open
window is regrouped in batch (:meth:`~crosswire.cluster.stream.StreamingClusterer.regroup`)
and each document that changed story gets a line ("doc X → story S (regrouped)"), so
what a scan leaves is what ``crosswire cluster`` would say of the window. A regrouping that
took t seconds is not repeated for 10·t seconds (:func:`~crosswire.cluster.stream.regroup_pause`):
on a large window the scans in between only place their files.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from crosswire.cluster.features import ClusterConfig
from crosswire.errors import InputNotFound
from crosswire.labels import counted
from crosswire.ledger import Ledger

if TYPE_CHECKING:
    from crosswire.cluster.stream import Assignment, StreamingClusterer
    from crosswire.config import Config
    from crosswire.models import AnnotatedDocument, Document

__all__ = ["SystemClock", "scan", "watch"]


class SystemClock:
    """The real clock (UTC)."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(slots=True)
class _Seen:
    """Files already handled (with the size and mtime they were read at), the (size, mtime) of
    files seen once but maybe still being written, the ids of the documents read with the hash
    of their latest text and how many reads of it changed it, and the rejects reported (a file
    read again must not place or report anything twice)."""

    done: dict[Path, tuple[int, int]] = field(default_factory=dict)
    pending: dict[Path, tuple[int, int]] = field(default_factory=dict)
    read_ids: set[str] = field(default_factory=set)
    texts: dict[str, str] = field(default_factory=dict)  # id → text hash of its latest version
    versions: dict[str, int] = field(default_factory=dict)  # id → its latest version's number
    rejects: set[tuple[str, str]] = field(default_factory=set)


def scan(directory: Path, seen: _Seen, *, settle: bool) -> list[Path]:
    """New regular files under ``directory``, and files that changed since they were read (an mbox
    mailbox or a JSONL file that grows as messages and records are appended); sorted, hidden
    files skipped.

    With ``settle``, a file is returned only once its size and mtime are unchanged since the
    previous scan, so a file still being copied in is not read half-written.
    """
    ready: list[Path] = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        st = path.stat()
        stamp = (st.st_size, st.st_mtime_ns)
        if seen.done.get(path) == stamp:
            continue
        if settle and seen.pending.get(path) != stamp:
            seen.pending[path] = stamp
            continue
        seen.pending.pop(path, None)
        seen.done[path] = stamp
        ready.append(path)
    return ready


def _story_label(clusterer: StreamingClusterer, story_id: str) -> tuple[int, str]:
    """(members, what the story is about for someone tailing the output): the title of its
    first report, which stays put as reports join (a streaming story has no headline yet)."""
    from crosswire.cluster.report import snippet

    members = clusterer.story_documents(story_id)
    return len(members), snippet(members[0].document) if members else ""


def _describe(a: Assignment, clusterer: StreamingClusterer) -> str:
    n, title = _story_label(clusterer, a.story_id)
    if a.new_story:
        return f"doc {a.document} → story {a.story_id} (new) · “{title}”"
    line = f"doc {a.document} → story {a.story_id} (score {a.score:.2f})"
    if a.merged:
        line += f"; merged {', '.join(a.merged)} into it"
    return line + f" · {counted(n, 'document')} · “{title}”"


def _ingest(
    paths: Iterable[Path], *, config: Config, ledger: Ledger, seen: _Seen | None = None
) -> list[AnnotatedDocument]:
    """The annotated documents of ``paths`` not read before (``seen`` gains them): a file read
    again because it grew gives only its new messages or records; a document read again with
    other words (the page overwritten with its corrected version, a record rewritten) is its
    next version, ``"{id}~v2"``, which supersedes the first in the story's brief."""
    from crosswire import annotate, clean, dedup, ingest

    seen = seen or _Seen()
    known = seen.read_ids
    read = ingest.run([str(p) for p in paths], max_bytes=config.max_bytes, ledger=ledger, known=known)
    fingerprinted = dedup.run(
        clean.run(read, ledger=ledger, languages=config.languages, min_words=config.min_words)
    )

    def fresh() -> Iterator[Document]:
        for d in fingerprinted:
            # compared as cleaned (the fingerprint's hash of the body): a page saved again under
            # new furniture is the same report
            words = d.fingerprint.exact if d.fingerprint else ""
            if d.id not in known:
                known.add(d.id)
                seen.texts[d.id] = words
                yield d
            elif seen.texts.get(d.id, words) != words:
                seen.texts[d.id] = words
                number = seen.versions[d.id] = seen.versions.get(d.id, 1) + 1
                yield dedup.as_version(d, of=d.id, number=number)

    return list(annotate.run(fresh(), model=config.spacy_model, batch_size=config.batch_size))


def _story_table(clusterer: StreamingClusterer, *, fmt: str, rejected: Ledger) -> str:
    from crosswire.cluster import make_story
    from crosswire.cluster.report import render_clusters

    # Under the stream's ids, the ones the assignment lines printed.
    story_docs = [make_story(clusterer.story_documents(s.id), id=s.id) for s in clusterer.stories()]
    return render_clusters(story_docs, rejected=rejected.rejected, fmt=fmt)


def watch(
    directory: str | Path,
    *,
    interval: float = 2.0,
    once: bool = False,
    fmt: str = "table",
    quiet: bool = False,
    config: Config | None = None,
    out: TextIO | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Watch ``directory`` until interrupted (or scan it once); returns the exit code."""
    from crosswire.cluster.stream import StreamingClusterer, regroup_pause
    from crosswire.config import load_config
    from crosswire.embedding import load_embedder

    config = config or load_config()
    out = out or sys.stdout
    root = Path(directory)
    if not root.is_dir():
        raise InputNotFound(str(directory))
    clusterer = StreamingClusterer(
        load_embedder(config.embedder),
        config=ClusterConfig(window_days=config.window_days),
        clock=SystemClock(),
    )
    ledger = Ledger()
    seen = _Seen()
    accepted = 0
    reported = 0
    placed = False  # documents placed since the last regrouping
    next_regroup = -float("inf")  # time.monotonic() when regrouping is allowed again
    try:
        while True:
            new = scan(root, seen, settle=not once)
            if new:
                read = Ledger()
                for adoc in _ingest(new, config=config, ledger=read, seen=seen):
                    assignment = clusterer.add(adoc)
                    accepted += 1
                    placed = True
                    if not quiet:
                        replaces = _replaces(adoc.document)
                        line = (
                            json.dumps(
                                {
                                    "type": "assignment",
                                    **_assignment_json(assignment, clusterer),
                                    "supersedes": replaces,
                                },
                                ensure_ascii=False,
                            )
                            if fmt == "json"
                            else _describe(assignment, clusterer)
                            + (f" · a changed version of {replaces}, which it supersedes" if replaces else "")
                        )
                        print(line, file=out, flush=True)
                for r in read.rejected:  # a file read again repeats its bad records: report them once
                    if (r.where(), r.reason) not in seen.rejects:
                        seen.rejects.add((r.where(), r.reason))
                        ledger.reject(r)
            if placed and (once or time.monotonic() >= next_regroup):
                # Revise the centroid decisions with the batch grouping of the window; on a
                # large window not after every scan (regroup_pause).
                started = time.monotonic()
                moves = clusterer.regroup().moves
                took = time.monotonic() - started
                next_regroup = started + took + regroup_pause(took)
                placed = False
                for doc_id, story in moves:
                    if not quiet:
                        line = (
                            json.dumps({"type": "regroup", "document": doc_id, "story": story})
                            if fmt == "json"
                            else f"doc {doc_id} → story {story} (regrouped)"
                        )
                        print(line, file=out, flush=True)
            if not quiet:
                for r in ledger.rejected[reported:]:
                    print(f"rejected {r.where()}: {r.reason}", file=sys.stderr)
            reported = len(ledger.rejected)
            if once:
                break
            clusterer.close_expired()
            sleep(interval)
    except KeyboardInterrupt:
        pass
    if once:
        out.write(_story_table(clusterer, fmt=fmt, rejected=ledger))
    if accepted == 0:
        return 2 if ledger.rejected or once else 0
    return 1 if ledger.rejected else 0


def _replaces(doc: Document) -> str | None:
    """The version a changed read of a document supersedes (its first read, or the version
    before), or None for a first read."""
    first, number = doc.meta.get("version_of"), doc.meta.get("version")
    if not first or not isinstance(number, int):
        return None
    return str(first) if number == 2 else f"{first}~v{number - 1}"


def _assignment_json(a: Assignment, clusterer: StreamingClusterer) -> dict[str, object]:
    n, title = _story_label(clusterer, a.story_id)
    return {
        "document": a.document,
        "story": a.story_id,
        "new_story": a.new_story,
        "merged": list(a.merged),
        "score": round(a.score, 3),
        "documents": n,
        "title": title,
    }
