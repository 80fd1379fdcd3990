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
  and headers; :func:`is_mail`) → ``mail``;
- anything else → ``text``.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import zlib

__all__ = ["HEADER_LINE", "SNIFF_BYTES", "is_gzip", "is_mail", "is_mbox", "is_warc", "sniff_text"]

#: How much of a file the byte-level checks look at; a gzip stream's dynamic Huffman tables
#: can take a few hundred bytes before the first decompressed byte.
SNIFF_BYTES = 4096
_HEAD = 1024
_PROLOGUE = re.compile(r"\A(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE(?!\s+html)[^>]*>)*", re.S | re.I)
_FEED_TAG = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")


# A header line ("Name: value") and its folded continuation (leading blank).
HEADER_LINE = re.compile(r"[!-9;-~]+:(?:[ \t]|$)")
_FOLDED = re.compile(r"[ \t]")
# Header names only e-mail carries; a text whose first lines are headers with two of them is mail.
_MAIL_HEADERS = frozenset(
    {
        "arc-seal",
        "cc",
        "content-transfer-encoding",
        "delivered-to",
        "dkim-signature",
        "from",
        "in-reply-to",
        "message-id",
        "mime-version",
        "received",
        "reply-to",
        "return-path",
        "sender",
        "subject",
        "to",
        "x-mailer",
    }
)
# mbox's separator line as a mail program writes it: "From", the envelope sender, an asctime() date.
_MBOX_SEPARATOR = re.compile(r"From \S+ +\w{3} \w{3} +\d{1,2} \d{1,2}:\d{2}(?::\d{2})? +\d{4}\s*$")


def is_mail(head: str) -> bool:
    """``head`` (the first kilobyte of a decoded file) is an e-mail message or an mbox mailbox.

    The lines up to the first blank one (or the end of ``head``; headers of delivered mail run to
    several kilobytes) must all be header lines, at least two of them with names only mail uses
    ("From", "Subject", "Message-ID", "Received", …). An mbox's first "From " line is skipped.
    """
    lines = head.lstrip("\ufeff").split("\n")
    if _MBOX_SEPARATOR.match(lines[0]):
        return True  # an mbox mailbox, however its first message begins (or an empty one)
    if lines and lines[0].startswith("From ") and not lines[0].startswith("From: "):
        lines = lines[1:]
    if len(lines) > 1 and not head.endswith("\n"):
        lines = lines[:-1]  # the last line may be cut by the sniffing limit
    names: set[str] = set()
    for number, line in enumerate(lines):
        line = line.rstrip("\r")
        if not line:
            break
        if HEADER_LINE.match(line):
            names.add(line.split(":", 1)[0].lower())
        elif not (number and _FOLDED.match(line)):
            return False
    return len(names & _MAIL_HEADERS) >= 2


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
