"""HTTP hardening: request-size limit, security headers, safe upload names.

Input → output: ASGI traffic → the same traffic with oversized bodies answered 413 and every
response carrying a strict Content-Security-Policy; an uploaded file name → a name that
cannot leave its folder.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from crosswire.errors import InputError

__all__ = ["SecurityHeaders", "SizeLimit", "safe_upload_name", "safe_upload_path"]

#: No inline script and no third-party origin: the UI's one script and stylesheet are served
#: from /static. The brief's self-contained HTML gets its own policy (inline styles, no script).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
CSP_BRIEF_HTML = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'"
)

_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_upload_name(name: str) -> str:
    """The last path component of ``name``, reduced to ``[A-Za-z0-9._-]``, never hidden, never empty.

    ``../../etc/passwd`` → ``passwd``; ``C:\\x\\..\\evil.txt`` → ``evil.txt``; ``..`` → ``upload``.
    """
    base = unicodedata.normalize("NFKC", name).replace("\\", "/").split("/")[-1]
    base = _UNSAFE.sub("_", base).lstrip(".")[:120]
    return base or "upload"


def safe_upload_path(folder: Path, name: str, *, prefix: str = "") -> Path:
    """Where to keep an upload called ``name`` inside ``folder``; raises if it would land outside."""
    root = folder.resolve()
    target = (root / f"{prefix}{safe_upload_name(name)}").resolve()
    if target.parent != root:
        raise InputError(f"upload name {name!r} would leave the upload folder")
    return target


class _TooLarge(Exception):
    pass


async def _send_413(send: Any, limit: int, size: int | None) -> None:
    said = f"{size} bytes" if size is not None else "more than that"
    body = json.dumps(
        {
            "detail": f"request body too large: {said}; this server accepts at most {limit} bytes per request "
            "(split the upload, or raise CROSSWIRE_MAX_BYTES)"
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SizeLimit:
    """Answer 413 to bodies over ``limit`` bytes: by Content-Length up front, or while streaming."""

    def __init__(self, app: Any, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _send_413(send, self.limit, int(length))
            return
        seen = 0
        started = False

        async def counting_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_413(send, self.limit, None)


class SecurityHeaders:
    """Add CSP and the usual hardening headers to every HTTP response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [(k, v) for k, v in _HEADERS if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
