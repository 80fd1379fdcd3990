"""Format detection by content: the first kilobyte decides, the extension only breaks ties.

Input → output: raw bytes (for WARC and gzip) or decoded text → one of ``"warc"``,
``"feed"``, ``"html"``, ``"jsonl"``, ``"json"``, ``"mail"``, ``"text"``.

Rules, in order:

- bytes starting ``WARC/1.`` (or a gzip stream whose first member starts so) → ``warc``;
- text whose first tag is ``<rss``, ``<feed`` or ``<rdf:RDF`` (after an optional
  ``<?xml …?>`` declaration, comments and a doctype) → ``feed``;
- ``<!doctype html``, ``<html`` or a leading ``<head``/``<body`` → ``html``; so is any
  text starting with a tag when the name ends ``.html``/``.htm``/``.xhtml``;
- a first non-blank line that is a JSON object → ``jsonl``; a whole-text JSON array → ``json``;
- a text that opens with e-mail headers (an ``.eml`` message, or an mbox mailbox's "From " line
  and headers; :func:`crosswire.ingest.mail.is_mail`) → ``mail``;
- anything else → ``text``.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import zlib

from crosswire.ingest.mail import is_mail

__all__ = ["SNIFF_BYTES", "is_gzip", "is_mbox", "is_warc", "sniff_text"]

#: How much of a file the byte-level checks look at; a gzip stream's dynamic Huffman tables
#: can take a few hundred bytes before the first decompressed byte.
SNIFF_BYTES = 4096
_HEAD = 1024
_PROLOGUE = re.compile(r"\A(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE(?!\s+html)[^>]*>)*", re.S | re.I)
_FEED_TAG = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")


def is_gzip(head: bytes) -> bool:
    return head.startswith(b"\x1f\x8b")


def is_warc(head: bytes) -> bool:
    """``head``: the first bytes of a file; gzip-compressed WARCs are looked into."""
    if head.startswith(b"WARC/1."):
        return True
    if is_gzip(head):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
        return inner.startswith(b"WARC/1.")
    return False


def is_mbox(head: bytes) -> bool:
    """``head``: the first bytes of a file; an mbox mailbox opens with its "From sender date" line."""
    return head.startswith(b"From ") and is_mail(head[:_HEAD].decode("latin-1"))


def sniff_text(text: str, *, name: str = "") -> str:
    """The format of decoded ``text`` (see the module docstring)."""
    head = text[:_HEAD]
    stripped = head.lstrip()
    if stripped.startswith("<"):
        body = head[_PROLOGUE.match(head).end() :]  # type: ignore[union-attr]  # \A(...)* always matches
        if _FEED_TAG.match(body):
            return "feed"
        if _HTML_TAG.search(head):
            return "html"
        if name.lower().endswith(_HTML_NAMES):
            return "html"
    if stripped.startswith("["):
        try:
            value = json.loads(text)
        except ValueError:
            return "text"
        return "json" if isinstance(value, list) else "text"
    if stripped.startswith("{"):
        # the whole first line, not the sniffed kilobyte: a record with an article's text in it
        # runs to many kilobytes, and cut short it is no JSON
        body = text.lstrip()
        end = body.find("\n")
        first = (body if end < 0 else body[:end]).strip()
        try:
            value = json.loads(first)
        except ValueError:
            value = None
        if isinstance(value, dict):
            return "jsonl"
        try:
            value = json.loads(text)
        except ValueError:
            # A JSONL file whose first line is broken is still JSONL if a later line is an object.
            return "jsonl" if _later_object_line(body) else "text"
        return "json" if isinstance(value, dict) else "text"
    if is_mail(head):
        return "mail"
    return "text"


def _later_object_line(text: str) -> bool:
    for line in itertools.islice(io.StringIO(text), 1, 20):
        line = line.strip()
        if line.startswith("{"):
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except ValueError:
                continue
    return False
