"""The plain-text reader (the seed form): decoded file → one Document.

Input → output: a ``.txt`` file's decoded text (+ its sidecar, if any) → :class:`Document`
with ``text`` exactly as decoded (nothing stripped), ``id`` = file stem, a title when the
first line reads as a headline (or the second, after a first line that is the page's URL,
which becomes ``url``), and ``source``/``url``/``published``/``title``/``author``
from a sidecar ``<stem>.json`` or ``<stem>.meta.json``. The date is never the file mtime:
without a sidecar it stays unknown (``clean`` may still find it in a dateline).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from crosswire.clean.notes import note_kind
from crosswire.ingest.dates import normalize_date
from crosswire.ledger import Ledger
from crosswire.models import Document
from crosswire.wordlists import CALENDAR_ABBREVIATIONS, CALENDAR_NAMES, RELEASE_MASTHEAD

__all__ = [
    "SIDECAR_SUFFIXES",
    "find_sidecar",
    "headline_span",
    "read_text",
    "sidecar_metadata",
    "url_line_span",
]

SIDECAR_SUFFIXES = (".meta.json", ".json")

#: A headline: short, starts like a title, has no sentence-final or clause punctuation at the end.
_MAX_HEADLINE_WORDS = 18
_MAX_HEADLINE_CHARS = 160
_HEADLINE_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
_HEADLINE_BAD_END = re.compile(r"[.,;:\-–—]\s*\Z")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")
_NOT_HEADLINE_STARTS = (
    "date ", "dated ", "updated ", "updated:", "published ", "published:", "posted ", "posted:", "last updated",
    "by ", "photo", "image", "file photo", "representational", "source:", "credit:", "advertisement",
)  # fmt: skip


_LINE = re.compile(r"[ \t]*([^\n]*?)[ \t]*(?:\r?\n|\Z)")  # one line, its outer blanks apart
# A page saved as text often starts with its address on a line of its own (then the headline).
_URL_LINE = re.compile(r"\s*?[ \t]*(https?://[^\s<>\"]+)[ \t]*\r?\n")


_MASTHEAD = re.compile(RELEASE_MASTHEAD)


def _past_masthead(text: str, pos: int) -> int:
    """Where the headline of a press release starts: past its "FOR IMMEDIATE RELEASE" and
    contact lines (and the blank lines between them) from ``pos``; ``pos`` when there are none."""
    at, seen = pos, False
    while (m := _LINE.match(text, at)) is not None and m.end() > at:
        if m.group(1):
            if _MASTHEAD.fullmatch(m.group(1)) is None:
                break
            seen = True
        at = m.end()
    return at if seen else pos


def url_line_span(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the URL when the first line with text is a web address and nothing else."""
    m = _URL_LINE.match(text)
    return m.span(1) if m else None


# The words a date-and-time stamp is made of, besides calendar names and numbers.
_STAMP_WORDS = (
    CALENDAR_NAMES
    | CALENDAR_ABBREVIATIONS
    | {"am", "pm", "at", "on", "of", "ist", "et", "est", "edt", "gmt", "utc"}
)


def _only_a_date(line: str) -> bool:
    """True when every word of ``line`` is a calendar name, a number or a clock word."""
    words = re.findall(r"[A-Za-z.]+|\d+", line.casefold())
    return bool(words) and all(w.isdigit() or w.replace(".", "") in _STAMP_WORDS for w in words)


def _stamp_line_at(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` (with text after it) is a date stamp and nothing else."""
    end = text.find("\n", pos)
    if end == -1:
        return False
    line = text[pos:end].strip()
    low = line.lower()
    return bool(line) and (
        _only_a_date(line)
        or (
            low.startswith(("updated", "published", "posted", "date"))
            and _only_a_date(line.split(None, 1)[-1])
        )
    )


def headline_span(text: str, *, pos: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of the first line from ``pos`` on if it reads as a headline and body text follows it."""
    m = _LINE.match(text, pos)
    if m is None or not m.group(1):
        return None
    line = m.group(1)
    rest = text[m.end() :]
    words = line.split()
    if not rest.strip() or not 2 <= len(words) <= _MAX_HEADLINE_WORDS or len(line) > _MAX_HEADLINE_CHARS:
        return None
    if not _HEADLINE_START.match(line) or _HEADLINE_BAD_END.search(line) or _SENTENCE_INSIDE.search(line):
        return None
    if line.lower().startswith(_NOT_HEADLINE_STARTS):
        return None  # a dateline, byline or caption, not a headline
    if _only_a_date(line):
        return None  # "Friday, November 11, 2011", "THURSDAY, DECEMBER 3, 2009, 9:36 AM": a stamp
    if note_kind(line) is not None:
        return None  # "(Adds Pentagon statement in paragraph 3)", "CORRECTION APPENDED": the outlet's note
    # The body after a headline is longer than the headline (else it's a list of short lines).
    if len(rest.split()) <= len(words):
        return None
    return m.start(1), m.end(1)


def find_sidecar(path: Path) -> Path | None:
    """The metadata file next to ``path``: ``<stem>.meta.json`` first, then ``<stem>.json``."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate != path and candidate.is_file():
            return candidate
    return None


def sidecar_metadata(path: Path, *, ledger: Ledger) -> dict[str, Any]:
    """The fields of a sidecar, or ``{}`` (with a ledger warning) when it cannot be read."""
    try:
        value = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        ledger.warn(f"{path}: metadata sidecar ignored: {exc}")
        return {}
    if not isinstance(value, dict):
        ledger.warn(f"{path}: metadata sidecar ignored: expected a JSON object, found {type(value).__name__}")
        return {}
    return value


def read_text(
    text: str, *, path: str, doc_id: str, meta: dict[str, Any] | None = None, encoding: str | None = None
) -> Document:
    """One Document from a decoded text file; ``doc_id`` is its file stem, ``meta`` its sidecar's fields."""
    meta = meta or {}
    fields: dict[str, Any] = {"encoding": encoding} if encoding else {}
    title: str | None = None
    url = url_line_span(text)
    if url is not None:
        fields["url_span"] = url
    pos = text.index("\n", url[1]) + 1 if url else 0
    pos = _past_masthead(text, pos)
    span = headline_span(text, pos=pos)
    if span is None and url is not None and _stamp_line_at(text, pos):
        # URL, then the page's date stamp, then the headline: "Updated Saturday, December 05, 2009"
        span = headline_span(text, pos=text.index("\n", pos) + 1)
    if span is not None:
        title = text[span[0] : span[1]]
        fields["title_span"] = span
    published = normalize_date(meta.get("published") or meta.get("date"))
    if meta.get("published") and published is None:
        fields["published_raw"] = meta.get("published")

    def str_field(key: str) -> str | None:
        v = meta.get(key)
        return v.strip() or None if isinstance(v, str) else None

    return Document(
        id=str_field("id") or doc_id,
        text=text,
        path=path,
        format="txt",
        url=str_field("url") or (text[url[0] : url[1]] if url else None),
        source=str_field("source") or str_field("site_name"),
        title=str_field("title") or title,
        author=str_field("author"),
        published=published,
        published_from="sidecar" if published else None,
        site_name=str_field("site_name"),
        language=str_field("language"),
        meta=fields,
    )
