"""The seams: Protocols for the parts a user or a test swaps out.

Input → output: nothing; implementations live in their stage folders, in-memory fakes
in :mod:`crosswire.testing`.

- :class:`Embedder` — text → unit vectors (MiniLM ONNX by default).
- :class:`Clock` — "now", so streaming windows and services are testable.
- :class:`Fetcher` — URL → bytes, for feeds and pages (no network in tests).
- :class:`Store` — documents, stories and briefs that persist (SQLite, PostgreSQL, memory).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from crosswire.models import Document

__all__ = ["Clock", "Embedder", "FetchResult", "Fetcher", "Store"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of ``dim`` dimensions."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]: ...


class Clock(Protocol):
    def now(self) -> datetime: ...


class FetchResult(Protocol):
    status: int
    body: bytes
    headers: dict[str, str]


class Fetcher(Protocol):
    """HTTP GET with conditional headers (ETag / Last-Modified)."""

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> FetchResult: ...


class Store(Protocol):
    """Persistence for the service; see ``store/`` for the schema."""

    def add_documents(self, documents: Iterable[Document]) -> list[str]: ...

    def get_document(self, document_id: str) -> Document | None: ...

    def get_brief(self, story_id: str) -> dict[str, Any] | None: ...
