"""Ingest: files, directories, globs and feed URLs → :class:`~crosswire.models.Document`.

Input → output: paths → Documents with ``text`` exactly as read plus metadata; every
refused item (binary, empty, undecodable, too large, malformed, duplicate ID) becomes a
:class:`~crosswire.models.Rejected` in the :class:`~crosswire.ledger.Ledger`.

- :func:`run` — the stage (paths → Documents);
- :func:`read_bytes` — one uploaded file's bytes → Documents (the HTTP service);
- :func:`from_record` — one JSON object of the JSONL form → Document;
- :class:`UrllibFetcher` — the default :class:`~crosswire.seams.Fetcher` for feed URLs.

Heavy readers (trafilatura, feedparser, warcio, charset-normalizer) are imported only
when a file needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crosswire.ingest.jsonl import from_record
from crosswire.ingest.stage import DEFAULT_MAX_BYTES, read_bytes, run

if TYPE_CHECKING:
    from crosswire.ingest.fetch import Fetched, UrllibFetcher

__all__ = ["DEFAULT_MAX_BYTES", "Fetched", "UrllibFetcher", "from_record", "read_bytes", "run"]


def __getattr__(name: str) -> Any:
    # urllib.request costs ~50 ms to import; only feed URLs need it.
    if name in ("Fetched", "UrllibFetcher"):
        from crosswire.ingest import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
