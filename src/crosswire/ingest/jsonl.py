"""The JSON Lines reader: one article per line (also a JSON array or a single object).

Input → output: decoded text → Documents, one per valid record; each bad line becomes a
:class:`~crosswire.errors.RejectedInput` with its 1-based line number, yielded in place of
the document so the caller records it and goes on — good lines load whatever the others hold.

A record is a JSON object ``{id, url, source, title, published, author, text | html}``
(``published``: an ISO 8601 / RFC 2822 / written date, or epoch seconds);
``text`` is taken exactly as given, ``html`` goes through the HTML reader.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import IO, Any

from crosswire.errors import MissingDependency, RejectedInput
from crosswire.ingest.dates import from_epoch, normalize_date
from crosswire.ingest.decode import decode, repair_mojibake
from crosswire.ingest.guard import internal_error
from crosswire.models import Document

__all__ = ["from_record", "read_json", "read_jsonl", "read_jsonl_stream"]

_STR_FIELDS = ("url", "source", "title", "author", "site_name", "language")


def from_record(record: Any, *, where: str, default_id: str | None = None) -> Document:
    """A Document from one JSON object of the JSONL form; raises :class:`RejectedInput` when invalid.

    ``where`` names the record in messages (``"feed.jsonl:12"``) and becomes ``Document.path``;
    ``default_id`` is used when the record has neither ``id`` nor ``url``.
    """
    path, line = _split_where(where)
    if not isinstance(record, dict):
        raise RejectedInput(
            path, f"expected a JSON object, found {_kind(record)}", code="malformed", line=line
        )
    for key in _STR_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise RejectedInput(
                path, f'field "{key}" must be a string, found {_kind(value)}', code="malformed", line=line
            )
    raw_published = record.get("published")
    if raw_published is not None and (
        not isinstance(raw_published, str | int | float) or isinstance(raw_published, bool)
    ):
        raise RejectedInput(
            path,
            f'field "published" must be a date string or epoch seconds, found {_kind(raw_published)}',
            line=line,
        )
    raw_id = record.get("id")
    if (raw_id is not None and not isinstance(raw_id, str | int)) or isinstance(raw_id, bool):
        raise RejectedInput(path, f'field "id" must be a string or number, found {_kind(raw_id)}', line=line)
    text, html = record.get("text"), record.get("html")
    if text is not None and not isinstance(text, str):
        raise RejectedInput(path, f'field "text" must be a string, found {_kind(text)}', line=line)
    if html is not None and not isinstance(html, str):
        raise RejectedInput(path, f'field "html" must be a string, found {_kind(html)}', line=line)
    # before any offset is taken: a scraper's mojibake ("FranÃ§ois") is the usual JSONL defect
    text = repair_mojibake(text) if text is not None else None
    html = repair_mojibake(html) if html is not None else None
    url = _str(record.get("url"))
    doc_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else None
    doc_id = doc_id or url or default_id or where
    published = (
        from_epoch(raw_published) if isinstance(raw_published, int | float) else normalize_date(raw_published)
    )
    meta: dict[str, Any] = {}
    if record.get("published") and published is None:
        meta["published_raw"] = record["published"]

    if text is not None and text.strip():
        body, fmt = text, "jsonl"
        title = _str(record.get("title"))
        author = _str(record.get("author"))
        site = _str(record.get("site_name"))
        source = _str(record.get("source"))
    elif html is not None and html.strip():
        from crosswire.ingest.html import read_html

        try:
            page = read_html(html, path=path, doc_id=doc_id, url=url)
        except RejectedInput as exc:
            raise RejectedInput(path, f'field "html": {exc.reason}', code=exc.code, line=line) from None
        body, fmt = page.text, "jsonl"
        title = _str(record.get("title")) or page.title
        author = _str(record.get("author")) or page.author
        site = _str(record.get("site_name")) or page.site_name
        source = _str(record.get("source")) or page.source
        url = url or page.url
        if published is None and page.published:
            published = page.published
            meta["published_from"] = "html"
        if "title_span" in page.meta:
            meta["title_span"] = page.meta["title_span"]
    else:
        missing = "is empty" if (text is not None or html is not None) else "is missing"
        raise RejectedInput(path, f'the article body ("text" or "html") {missing}', code="empty", line=line)
    return Document(
        id=doc_id,
        text=body,
        path=where,
        format=fmt,
        url=url,
        source=source,
        title=title,
        author=author,
        published=published,
        published_from=meta.pop("published_from", "record") if published else None,
        site_name=site,
        language=_str(record.get("language")),
        meta=meta,
    )


def read_jsonl(text: str, *, path: str) -> Iterator[Document | RejectedInput]:
    """Documents of a JSON Lines text, with a :class:`RejectedInput` in place of each bad line."""
    yield from _read_lines(text.splitlines(), path=path, max_bytes=None)


def read_jsonl_stream(stream: IO[bytes], *, path: str, max_bytes: int) -> Iterator[Document | RejectedInput]:
    """Documents of a JSON Lines file read a line at a time from an open file, each line under
    ``max_bytes`` (a longer one is rejected, code ``too-large``), so the file may be any size.
    Raises :class:`RejectedInput` (``too-large``) when the first line is no JSON object: a file
    that large is then one document, over the limit."""
    lines = _byte_lines(stream, max_bytes)
    first = next(lines, b"")
    try:
        opens = isinstance(json.loads(first or b""), dict)
    except ValueError:
        opens = False
    if not opens:
        raise RejectedInput(
            path,
            f"the file is over the {max_bytes:,}-byte limit; raise it with --max-bytes if intended",
            code="too-large",
        )
    yield from _read_lines(itertools.chain([first], lines), path=path, max_bytes=max_bytes)


def _byte_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``stream`` (UTF-8 bytes, decoded later); None for one longer than ``max_bytes``,
    which is skipped without being held in memory."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _read_lines(
    lines: Iterable[str | bytes | None], *, path: str, max_bytes: int | None
) -> Iterator[Document | RejectedInput]:
    stem = PurePath(path).stem
    for number, raw in enumerate(lines, start=1):
        if raw is None:
            yield RejectedInput(
                path,
                f"the line is over the {max_bytes:,}-byte limit; raise it with --max-bytes if intended",
                code="too-large",
                line=number,
            )
            continue
        line = raw if isinstance(raw, str) else _decoded(raw, path=path)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RejectedInput(path, f"not valid JSON ({exc.msg} at column {exc.colno})", line=number)
            continue
        try:
            yield from_record(record, where=f"{path}:{number}", default_id=f"{stem}:{number}")
        except RejectedInput as exc:
            yield exc
        except MissingDependency:
            raise
        except Exception as exc:  # one broken line must not cost the lines after it
            yield internal_error(path, exc, line=number)


def _decoded(raw: bytes, *, path: str) -> str:
    """One line of a JSON Lines file: UTF-8 as the format says, else as crosswire decodes a file."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode(raw, path=path)[0] if raw.strip() else ""


def read_json(text: str, *, path: str) -> Iterator[Document | RejectedInput]:
    """Documents of a whole-file JSON value: an array of records, or one record."""
    stem = PurePath(path).stem
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield RejectedInput(path, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        try:
            yield from_record(record, where=f"{path}:{number}", default_id=f"{stem}:{number}")
        except RejectedInput as exc:
            yield exc
        except MissingDependency:
            raise
        except Exception as exc:  # one broken record must not cost the records after it
            yield internal_error(path, exc, line=number)


def _split_where(where: str) -> tuple[str, int | None]:
    head, sep, tail = where.rpartition(":")
    if sep and tail.isdigit():
        return head, int(tail)
    return where, None


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
