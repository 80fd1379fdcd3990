"""The WARC reader: web-archive response records holding HTML → Documents, via warcio.

Input → output: a WARC file (plain or gzip-compressed) → one Document per ``response``
record whose HTTP ``Content-Type`` is HTML, read by the HTML reader with the record's
``WARC-Target-URI`` as URL and ID. Other records (``request``, ``warcinfo``, ``metadata``,
images, scripts) are not articles: they are counted in the ledger, not rejected. A record
without article text becomes a :class:`~crosswire.errors.RejectedInput` with its record
number; a broken archive stops at the broken record and keeps everything read before it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import PurePath
from typing import IO, Any

from crosswire.errors import MissingDependency, RejectedInput
from crosswire.ingest.decode import declared_charset, decode
from crosswire.ingest.guard import internal_error
from crosswire.ingest.html import read_html
from crosswire.ledger import Ledger
from crosswire.models import Document

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _archive_iterator() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise MissingDependency("warcio", extra="web", purpose="Reading WARC web archives") from exc
    return ArchiveIterator


def read_warc(
    stream: IO[bytes], *, path: str, ledger: Ledger, max_bytes: int
) -> Iterator[Document | RejectedInput]:
    """Documents of the HTML responses in one WARC stream (see the module docstring)."""
    archive_iterator = _archive_iterator()
    from warcio.exceptions import ArchiveLoadFailed

    stem = PurePath(path).stem.removesuffix(".warc")
    size = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    number = 0
    archive = archive_iterator(stream)
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            if archive.offset < size:
                # warcio stops quietly at a cut gzip member; say what was left unread.
                yield RejectedInput(
                    path,
                    f"the archive ends with {size - archive.offset} bytes that are not a complete WARC record "
                    "(truncated download?); the records before them were read",
                    code="malformed",
                    line=number + 1,
                )
            return
        except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
            yield RejectedInput(
                path,
                f"broken WARC record, the rest of the archive is skipped ({exc})",
                code="malformed",
                line=number + 1,
            )
            return
        number += 1
        if record.rec_type != "response":
            ledger.count(f"ingest.warc.skipped.{record.rec_type}")
            continue
        content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
        if not content_type.lower().startswith(_HTML_TYPES):
            ledger.count("ingest.warc.skipped.not-html")
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        try:
            body = record.content_stream().read(max_bytes + 1)
        except (ValueError, OSError, EOFError) as exc:
            yield RejectedInput(
                path, f"cannot read the record's content ({exc})", code="malformed", line=number
            )
            continue
        if getattr(record.raw_stream, "limit", 0):
            yield RejectedInput(
                path,
                "the record is cut short (fewer bytes than its Content-Length)",
                code="malformed",
                line=number,
            )
            continue
        if len(body) > max_bytes:
            yield RejectedInput(
                path,
                f"record is larger than the {max_bytes}-byte limit (raise --max-bytes)",
                code="too-large",
                line=number,
            )
            continue
        try:
            html, _encoding = decode(body, path=path, declared=_charset(content_type))
            yield read_html(
                html, path=f"{path}:{number}", doc_id=url or f"{stem}#{number}", url=url, fmt="warc"
            )
        except RejectedInput as exc:
            yield RejectedInput(path, exc.reason, code=exc.code, line=number)
        except MissingDependency:
            raise
        except Exception as exc:  # one broken record must not cost the records after it
            yield internal_error(path, exc, line=number)


def _charset(content_type: str) -> str | None:
    return declared_charset(b"content-type: " + content_type.encode("latin-1", errors="replace"))
