"""The ingest stage: paths → Documents, every refused item recorded in the ledger.

Input → output: files, directories, globs and feed URLs → :class:`Document` per article,
``text`` exactly as read (decoded file; for HTML, feeds and WARC the extracted text).

Format is detected by content (:mod:`crosswire.ingest.detect`), then read by
:mod:`~crosswire.ingest.text`, :mod:`~crosswire.ingest.html`, :mod:`~crosswire.ingest.jsonl`,
:mod:`~crosswire.ingest.feeds`, :mod:`~crosswire.ingest.mail` or :mod:`~crosswire.ingest.warc`. Readers raise (or yield)
:class:`~crosswire.errors.RejectedInput`; this module turns each into a
:class:`~crosswire.models.Rejected` and goes on, so one bad file or line never stops a run
and nothing good is lost. The size limit is checked before a file is read whole (only its first
bytes are sniffed); a WARC crawl, an mbox mailbox and a JSON Lines file are read a record at a
time, each record under the limit, whatever the size of the file. An unexpected
exception inside one item is recorded as code ``"error"`` with its text — a bug to report,
but not a reason to drop the other items.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Container, Iterable, Iterator
from pathlib import Path, PurePath

from crosswire.errors import InputNotFound, MissingDependency, RejectedInput
from crosswire.ingest import detect
from crosswire.ingest.decode import decode
from crosswire.ingest.guard import internal_error
from crosswire.ingest.paths import Input, expand, is_url
from crosswire.ledger import Ledger
from crosswire.models import Document, Rejected
from crosswire.seams import Fetcher

__all__ = ["DEFAULT_MAX_BYTES", "read_bytes", "run"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_Item = Document | RejectedInput
_RECORD_FORMATS = frozenset({"jsonl", "rss", "warc", "mail"})


def run(
    paths: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    ledger: Ledger,
    progress: Callable[[int, int], None] | None = None,
    fetcher: Fetcher | None = None,
    known: Container[str] = frozenset(),
) -> Iterator[Document]:
    """Documents from ``paths``; raises :class:`InputNotFound` only when no path exists at all.

    ``known``: ids already read (a watcher reading a grown mailbox again); a mailbox's messages
    of those ids are not even parsed, since a message's id is its place in the mailbox."""
    inputs, missing, empty_dirs = expand(paths)
    if not inputs and not empty_dirs:
        raise InputNotFound(", ".join(missing) if missing else "(no input paths given)")
    for raw in missing:
        ledger.reject(Rejected(raw, "no such file, directory or matching glob — check the path", "not-found"))
    for raw in empty_dirs:
        ledger.reject(Rejected(raw, "the directory holds no (non-hidden) files", "empty"))
    seen: dict[str, str] = {}
    total = len(inputs)
    for done, item in enumerate(inputs, start=1):
        yield from _unique(
            _guarded(
                _read_input(item, max_bytes=max_bytes, ledger=ledger, fetcher=fetcher, known=known), item.name
            ),
            seen,
            ledger,
        )
        if progress is not None:
            progress(done, total)


def read_bytes(
    data: bytes, *, name: str, ledger: Ledger, max_bytes: int = DEFAULT_MAX_BYTES, url: str | None = None
) -> Iterator[Document]:
    """Documents from one uploaded file's bytes.

    ``name`` is its file name (the ID of a text or HTML document is its stem) or the URL it
    was fetched from, which then also serves as ``url`` unless one is given.
    """
    if url is None and is_url(name):
        url = name
    if len(data) > max_bytes:
        ledger.reject(Rejected(name, _too_large(len(data), max_bytes), "too-large"))
        return
    yield from _unique(
        _guarded(_read_data(data, name=name, ledger=ledger, max_bytes=max_bytes, url=url), name), {}, ledger
    )


# ------------------------------------------------------------------------ internals


def _read_input(
    item: Input,
    *,
    max_bytes: int,
    ledger: Ledger,
    fetcher: Fetcher | None,
    known: Container[str] = frozenset(),
) -> Iterator[_Item]:
    if item.url is not None:
        yield from _read_url(item.url, max_bytes=max_bytes, ledger=ledger, fetcher=fetcher)
        return
    assert item.path is not None
    path, name = item.path, item.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield RejectedInput(name, f"cannot read the file ({exc.strerror})", code="unreadable")
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(detect.SNIFF_BYTES)
            # Containers are read a record at a time, each record under the limit, so a crawl
            # or a mailbox of any size is read; any other file must fit the limit whole.
            if detect.is_warc(head):
                from crosswire.ingest.warc import read_warc

                fh.seek(0)
                yield from read_warc(fh, path=name, ledger=ledger, max_bytes=max_bytes)
                return
            if detect.is_mbox(head):
                from crosswire.ingest.mail import read_mailbox

                fh.seek(0)
                yield from read_mailbox(fh, path=name, stem=_stem(name), max_bytes=max_bytes, known=known)
                return
            if size > max_bytes:
                if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                    # maybe JSON Lines: read a line at a time, each line under the limit
                    from crosswire.ingest.jsonl import read_jsonl_stream

                    fh.seek(0)
                    yield from read_jsonl_stream(fh, path=name, max_bytes=max_bytes)
                    return
                yield RejectedInput(name, _too_large(size, max_bytes), code="too-large")
                return
            data = head + fh.read()
    except OSError as exc:
        yield RejectedInput(name, f"cannot read the file ({exc.strerror or exc})", code="unreadable")
        return
    yield from _read_data(data, name=name, ledger=ledger, max_bytes=max_bytes, file=path)


def _read_url(url: str, *, max_bytes: int, ledger: Ledger, fetcher: Fetcher | None) -> Iterator[_Item]:
    if fetcher is None:
        from crosswire.ingest.fetch import UrllibFetcher

        fetcher = UrllibFetcher(max_bytes=max_bytes)
    assert fetcher is not None
    try:
        response = fetcher.get(url)
    except OSError as exc:  # urllib.error.URLError, timeouts, refused connections
        yield RejectedInput(
            url, f"cannot fetch the URL ({getattr(exc, 'reason', None) or exc})", code="fetch"
        )
        return
    if response.status == 304:
        ledger.count("ingest.not-modified")
        return
    if not 200 <= response.status < 300:
        yield RejectedInput(url, f"the server answered HTTP {response.status}", code="fetch")
        return
    if len(response.body) > max_bytes:
        yield RejectedInput(url, _too_large(len(response.body), max_bytes), code="too-large")
        return
    yield from _read_data(response.body, name=url, ledger=ledger, max_bytes=max_bytes, url=url)


def _read_data(
    data: bytes,
    *,
    name: str,
    ledger: Ledger,
    max_bytes: int,
    url: str | None = None,
    file: Path | None = None,
) -> Iterator[_Item]:
    """Detect the format of one file's bytes and read it with the matching reader."""
    head = data[: detect.SNIFF_BYTES]
    if detect.is_warc(head):
        from crosswire.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), path=name, ledger=ledger, max_bytes=max_bytes)
        return
    if detect.is_gzip(head):
        yield RejectedInput(
            name, "a gzip-compressed file that is not a WARC archive; decompress it first", code="binary"
        )
        return
    text, encoding = decode(data, path=name)
    if "mixed" in encoding:
        ledger.warn(f"{name}: mixed character encodings ({encoding}); each part was decoded separately")
    if "mojibake" in encoding:
        ledger.warn(
            f"{name}: UTF-8 text that had been read as cp1252 somewhere upstream ('Ã©' for 'é'); repaired"
        )
    fmt = detect.sniff_text(text, name=name)
    stem = _stem(name)
    if fmt == "feed":
        from crosswire.ingest.feeds import read_feed

        yield from read_feed(data, path=name, url=url, ledger=ledger)
    elif fmt == "html":
        from crosswire.ingest.html import read_html

        yield read_html(text, path=name, doc_id=stem, url=url)
    elif fmt == "jsonl":
        from crosswire.ingest.jsonl import read_jsonl

        yield from read_jsonl(text, path=name)
    elif fmt == "json":
        from crosswire.ingest.jsonl import read_json

        yield from read_json(text, path=name)
    elif fmt == "mail":
        from crosswire.ingest.mail import read_mail

        yield from read_mail(data, path=name, stem=stem)
    else:
        from crosswire.ingest.text import find_sidecar, read_text, sidecar_metadata

        sidecar = find_sidecar(file) if file is not None else None
        meta = sidecar_metadata(sidecar, ledger=ledger) if sidecar is not None else {}
        yield read_text(text, path=name, doc_id=stem, meta=meta, encoding=encoding)


def _guarded(items: Iterator[_Item], name: str) -> Iterator[_Item]:
    """``items``, with an exception that escapes a reader turned into one last rejected item."""
    try:
        yield from items
    except RejectedInput as exc:
        yield exc
    except MissingDependency:
        raise  # the environment, not the input: the CLI reports it once with the pip command
    except Exception as exc:  # one broken file must not end the run: recorded, not hidden
        yield internal_error(name, exc)


def _unique(items: Iterator[_Item], seen: dict[str, str], ledger: Ledger) -> Iterator[Document]:
    """Documents with a new ID; rejects (and repeated IDs) go to the ledger."""
    for item in items:
        if isinstance(item, RejectedInput):
            ledger.reject(Rejected(item.path, item.reason, item.code, item.line))
            continue
        first = seen.get(item.id)
        if first is not None:
            rejected_path, rejected_line = item.path, None
            if item.format in _RECORD_FORMATS:  # their path is "file:record-number"
                path, _, line = item.path.rpartition(":")
                if path and line.isdigit():
                    rejected_path, rejected_line = path, int(line)
            ledger.reject(
                Rejected(
                    rejected_path,
                    f"duplicate id {item.id}, first seen in {first}",
                    "duplicate",
                    rejected_line,
                )
            )
            continue
        seen[item.id] = item.path
        ledger.count("ingest.accepted")
        yield item


def _stem(name: str) -> str:
    if is_url(name):
        return name
    return PurePath(name).stem


def _too_large(size: int, max_bytes: int) -> str:
    return f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit; raise it with --max-bytes if intended"
