"""The e-mail reader: a saved message (``.eml``) or a mailbox (mbox) → one Document per message.

Input → output: a file's bytes → Documents, with a :class:`~crosswire.errors.RejectedInput` in
place of each message that carries no report (no text, or only links: a digest).

Press offices, wire services and newsletters deliver reports by e-mail, and a monitor saves
them as they come. Read as plain text, such a file is its headers, MIME boundaries and
quoted-printable codes ("=E2=80=99"), its HTML alternative repeated after the text; so it is
parsed with the standard library's :mod:`email` instead. Per message:

- ``text``: the ``text/plain`` body, its transfer encoding undone and its bytes decoded as a
  file's are (:func:`~crosswire.ingest.decode.decode`: the declared charset trusted only when it
  fits); else the ``text/html`` body with the markup stripped
  (:func:`~crosswire.ingest.markup.html_to_text`);
- ``title``: the Subject, without a leading "Fwd:"/"FW:"/"Re:"; ``published``: the Date header
  (ISO 8601, its UTC offset kept); ``source``: the sender's display name, else the domain of
  the address; ``meta``: ``message_id`` and the sender's ``from`` address;
- a forwarded message is read as the message it carries, whose sender, date and subject are
  the report's: forwarded as an attachment (``message/rfc822``) when its text is longer than the
  forwarder's own note; forwarded inline ("---------- Forwarded message ---------", "Begin
  forwarded message:", "-----Original Message-----", each followed by the quoted "From:",
  "Date:"/"Sent:", "Subject:" lines), the text is what follows those lines;
- ``id``: the file's stem for a single message; ``stem#N`` for the N-th message of a mailbox
  (from 1; a mailbox only grows at its end, so the number stays); ``path``: ``file:N`` for a
  mailbox's messages.

A message with no text or HTML part is rejected (code ``no-text``), naming the attachments it
has; so is a digest (code ``digest``: an alert or newsletter that links articles on three sites
or more, with no more than a headline and a snippet of its own per link — Google Alerts), naming
the sites and a link to give instead; an empty mailbox is rejected (code ``empty``). One message
that cannot be read does not stop the others of its mailbox.
"""

from __future__ import annotations

import io
import re
from collections.abc import Container, Iterable, Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from typing import IO
from urllib.parse import parse_qs, urlsplit

from crosswire.errors import RejectedInput
from crosswire.ingest.dates import normalize_date
from crosswire.ingest.decode import decode
from crosswire.ingest.detect import HEADER_LINE
from crosswire.ingest.guard import internal_error
from crosswire.ingest.markup import html_links, html_to_text
from crosswire.models import Document

__all__ = ["iter_mbox", "read_mail", "read_mailbox"]

_MBOXRD_ESCAPE = re.compile(rb"^>(>*From )", re.M)
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:fwd?|fw|re|aw|tr|wg)\s*:\s*)+", re.I)


def iter_mbox(stream: Iterable[bytes], *, max_bytes: int) -> Iterator[bytes | None]:
    """The messages of an mbox mailbox read line by line from ``stream`` (binary lines), unescaped
    (mboxrd: ">From " at a line start is a body's "From "); ``None`` in place of a message larger
    than ``max_bytes``, which is skipped without being held in memory. A separator is the first
    line, or a "From " line after a blank line and followed by a header line."""
    message = bytearray()
    too_large = False
    held: bytes | None = None  # a "From " line after a blank one: a separator if a header follows
    blank = first = True
    for line in stream:
        if first:
            first = False
            if line.startswith(b"From "):
                continue  # the mailbox's first separator
        if held is not None:
            if HEADER_LINE.match(line.decode("latin-1")):
                yield None if too_large else _MBOXRD_ESCAPE.sub(rb"\1", bytes(message))
                message, too_large = bytearray(), False
            elif not too_large:
                message += held  # a body line that happens to open with "From "
            held = None
        elif blank and line.startswith(b"From "):
            held = line
            continue
        blank = not line.strip()
        if too_large:
            continue
        message += line
        if len(message) > max_bytes:
            too_large, message = True, bytearray()
    if held is not None and not too_large:
        message += held
    yield None if too_large else _MBOXRD_ESCAPE.sub(rb"\1", bytes(message))


def read_mail(data: bytes, *, path: str, stem: str) -> Iterator[Document | RejectedInput]:
    """Documents of one ``.eml`` file or mbox mailbox held in memory (see the module docstring)."""
    if not data.startswith(b"From "):
        yield from _read_messages([data], path=path, stem=stem, mailbox=False, max_bytes=len(data))
        return
    yield from _read_messages(
        iter_mbox(io.BytesIO(data), max_bytes=len(data)),
        path=path,
        stem=stem,
        mailbox=True,
        max_bytes=len(data),
    )


def read_mailbox(
    stream: IO[bytes], *, path: str, stem: str, max_bytes: int, known: Container[str] = frozenset()
) -> Iterator[Document | RejectedInput]:
    """Documents of an mbox mailbox read from an open file one message at a time: a mailbox has no
    size limit, each message has ``max_bytes`` (a larger one is rejected, code ``too-large``).
    Messages whose id is ``known`` are skipped unparsed (a watcher reading a grown mailbox again)."""
    yield from _read_messages(
        iter_mbox(stream, max_bytes=max_bytes),
        path=path,
        stem=stem,
        mailbox=True,
        max_bytes=max_bytes,
        known=known,
    )


def _read_messages(
    messages: Iterable[bytes | None],
    *,
    path: str,
    stem: str,
    mailbox: bool,
    max_bytes: int,
    known: Container[str] = frozenset(),
) -> Iterator[Document | RejectedInput]:
    seen = False
    for number, raw in enumerate(messages, start=1):
        line = number if mailbox else None
        doc_id = f"{stem}#{number}" if mailbox else stem
        if doc_id in known:
            seen = True
            continue
        if raw is None:
            yield RejectedInput(
                path,
                f"the message is larger than the {max_bytes:,}-byte limit; raise it with --max-bytes if intended",
                code="too-large",
                line=line,
            )
            continue
        if not raw.strip():
            continue
        seen = True
        try:
            yield _read_message(raw, path=path, line=line, doc_id=doc_id)
        except RejectedInput as exc:
            yield exc
        except Exception as exc:  # one broken message must not end the mailbox: recorded, not hidden
            yield internal_error(path, exc, line=line)
    if mailbox and not seen:
        yield RejectedInput(path, "the mailbox holds no messages", code="empty")


def _read_message(raw: bytes, *, path: str, line: int | None, doc_id: str) -> Document:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)  # policy.default builds EmailMessage objects
    message_id = _header(message, "message-id")
    body, text = _body(message)
    if body is not message and text:
        # the text came from a message forwarded as an attachment: that message is the report
        message, message_id = body, _header(body, "message-id") or message_id
    inline = _inline_forward(text)
    quoted: dict[str, str] = {}
    if inline is not None:
        quoted, text = inline
    if not text.strip():
        attached = [p.get_filename() or p.get_content_type() for p in message.iter_attachments()]
        listed = f" (it has only {', '.join(attached)})" if attached else ""
        raise RejectedInput(
            path, f"the e-mail message has no text or HTML body{listed}", code="no-text", line=line
        )
    sender_name, sender_address = _sender(message, quoted.get("from"))
    articles = _article_links(message, text, sender=_domain(sender_address))
    hosts = list(dict.fromkeys(_host(u) for u in articles))
    if len(hosts) >= _DIGEST_SITES and len(text.split()) <= _DIGEST_WORDS_PER_LINK * len(articles):
        # an alert or a newsletter of links (Google Alerts): many outlets' headlines and
        # snippets, no report of its own — as one document it would join every story it names
        raise RejectedInput(
            path,
            f"the message is a digest linking {len(articles)} articles on {len(hosts)} sites "
            f"({', '.join(hosts[:3])}{', …' if len(hosts) > 3 else ''}), not a report; give "
            f"crosswire the articles its links lead to (crosswire ingest {articles[0]} …)",
            code="digest",
            line=line,
        )
    # a forwarded message's own date, not the forward's (which would date the report days late)
    published = normalize_date(
        (quoted.get("date") or quoted.get("sent") or "") if quoted else _header(message, "date")
    )
    return Document(
        id=doc_id,
        text=text,
        path=f"{path}:{line}" if line is not None else path,
        format="mail",
        source=sender_name or _domain(sender_address),
        title=_REPLY_PREFIX.sub("", quoted.get("subject") or _header(message, "subject") or "").strip()
        or None,
        published=published,
        published_from="mail" if published else None,
        language=_header(message, "content-language"),
        meta={k: v for k, v in (("message_id", message_id), ("from", sender_address)) if v},
    )


def _body(message: EmailMessage) -> tuple[EmailMessage, str]:
    """The message the text was read from (``message``, or one it carries) and that text."""
    own = ""
    part = message.get_body(preferencelist=("plain", "html"))
    if isinstance(part, EmailMessage):
        content = _part_text(part)
        own = html_to_text(content) if part.get_content_subtype() == "html" else content
    for attachment in message.iter_attachments():
        if attachment.get_content_type() == "message/rfc822":
            inner = attachment.get_content()
            if isinstance(inner, EmailMessage):
                carried, text = _body(inner)
                # "FYI, see the release below": the forwarder's note is not the report
                if len(text.split()) > len(own.split()):
                    return carried, text
    return message, own


# A digest links articles on this many sites or more, with at most this many words of its own
# text per article link (a headline and a snippet); a release or an article has many more.
_DIGEST_SITES = 3
_DIGEST_WORDS_PER_LINK = 80
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
# Links that are no article: the mailing's own machinery and social profiles.
_NOT_ARTICLE = re.compile(r"unsubscribe|preferences|optout|opt-out|manage|mailto:|/alerts?\b", re.I)
_SOCIAL_HOSTS = frozenset(
    {"facebook.com", "twitter.com", "x.com", "linkedin.com", "instagram.com", "youtube.com", "t.co"}
)


def _article_links(message: EmailMessage, text: str, *, sender: str | None) -> list[str]:
    """The distinct article links of a message: the HTML part's links whose anchor is a headline
    (four words or more), else the addresses in its text; redirects (``…/url?url=…``) followed,
    the sender's own site, social profiles and the mailing's machinery left out."""
    html = message.get_body(preferencelist=("html",))
    if isinstance(html, EmailMessage):
        found = [href for href, anchor in html_links(_part_text(html)) if len(anchor.split()) >= 4]
    else:
        found = _URL.findall(text)
    links: list[str] = []
    for url in found:
        url = _unwrapped(url)
        host = _host(url)
        if (
            not host
            or _NOT_ARTICLE.search(url)
            or host in _SOCIAL_HOSTS
            # the sender's own site, a subdomain of it or the domain it is a subdomain of
            or (
                sender is not None
                and (host == sender or host.endswith("." + sender) or sender.endswith("." + host))
            )
        ):
            continue
        if url not in links:
            links.append(url)
    return links


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _unwrapped(url: str) -> str:
    """The address a tracking redirect leads to (``https://www.google.com/url?…&url=https://…``)."""
    for key in ("url", "q", "u"):
        for value in parse_qs(urlsplit(url).query).get(key, []):
            if value.startswith(("http://", "https://")):
                return value
    return url


def _part_text(part: EmailMessage) -> str:
    """A text part's bytes decoded as crosswire decodes a file (:func:`~crosswire.ingest.decode.decode`):
    its declared charset trusted only when the bytes are not UTF-8 and decode cleanly with it, so
    an unknown or wrong charset does not lose the message; double-encoded text repaired."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return ""
    try:
        text, _ = decode(payload, path="(e-mail part)", declared=part.get_content_charset())
    except RejectedInput:
        return ""  # binary bytes in a text part: no text, so the message is rejected as "no-text"
    return text.replace("\r\n", "\n")


# The line a mail program puts above a message forwarded inline, then the quoted header lines.
_FORWARD_MARK = re.compile(
    r"^[ \t>]*(?:-{2,}[ \t]*(?:forwarded message|original message)[ \t]*-{2,}|begin forwarded message:|"
    r"_{10,})[ \t]*$",
    re.I | re.M,
)
_QUOTED_HEADER = re.compile(r"[ \t>]*\*?(from|date|sent|subject|to|cc|reply-to)\*?:\*?[ \t]*(.*)", re.I)


def _inline_forward(text: str) -> tuple[dict[str, str], str] | None:
    """The quoted header lines of a message forwarded inline and the text after them, or None.

    Only when the mark comes within the first lines (after the forwarder's short note) and is
    followed by a quoted "From:" line: a forwarded message further down is a thread, not a report.
    """
    mark = _FORWARD_MARK.search(text, 0, 600)
    if mark is None:
        return None
    headers: dict[str, str] = {}
    pos = mark.end() + 1
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        quoted = _QUOTED_HEADER.fullmatch(line)
        if quoted is not None:
            headers.setdefault(quoted.group(1).lower(), quoted.group(2).strip())
        elif line.strip() or headers:
            break  # the first line that is no header (blank lines may precede the headers)
        pos = end + 1
    if "from" not in headers:
        return None
    return headers, text[pos:].lstrip("\n")


def _header(message: EmailMessage, name: str) -> str | None:
    value = message.get(name)
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _sender(message: EmailMessage, quoted: str | None = None) -> tuple[str | None, str | None]:
    """The sender's display name and address: the ``quoted`` From of a forwarded message, else
    the message's From (Sender, Reply-To)."""
    values = [quoted] if quoted else [message.get(f) for f in ("from", "sender", "reply-to")]
    for value in values:
        if value is None:
            continue
        for name, address in getaddresses([str(value)]):
            if name or address:
                return (" ".join(name.split()) or None), (address or None)
    return None, None


def _domain(address: str | None) -> str | None:
    if not address or "@" not in address:
        return None
    return address.rsplit("@", 1)[1].lower() or None
