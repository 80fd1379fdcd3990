"""In-memory fakes of the seams, for tests and for users' own test suites.

Input → output: nothing; each class satisfies one Protocol of :mod:`crosswire.seams`.

- :class:`FakeEmbedder` — hashed bag of words → deterministic unit vectors (no model).
- :class:`FixedClock` / :class:`ManualClock` — a "now" that does not move / moves when told.
- :class:`FakeFetcher` — URL → canned bytes; records every request (no network).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["FakeEmbedder", "FakeFetcher", "FakeResponse", "FixedClock", "ManualClock"]

_WORD = re.compile(r"\w+", re.UNICODE)


class FakeEmbedder:
    """Deterministic hashed bag-of-words vectors, L2-normalised.

    Texts that share words get a positive cosine, texts that share none get ~0: enough
    to exercise code that consumes embeddings without loading a model. Tokens are
    lower-cased ``\\w+`` runs; each adds ±1 to one of ``dim`` buckets chosen by a stable
    hash (blake2b, so vectors are identical across processes and Python versions).
    """

    name = "fake"

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self.calls = 0  # how many embed() calls, so tests can assert caching

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _WORD.findall(text.lower()):
                h = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
            else:
                # No words: a fixed unit vector, so every row is unit length as the protocol promises.
                out[row, 0] = 1.0
        return out


@dataclass(slots=True)
class FixedClock:
    """A clock stopped at ``at`` (timezone-aware UTC by default)."""

    at: datetime = field(default_factory=lambda: datetime(2025, 7, 2, 12, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.at


@dataclass(slots=True)
class ManualClock:
    """A clock that moves only when :meth:`advance` or :meth:`set` is called."""

    at: datetime = field(default_factory=lambda: datetime(2025, 7, 2, 12, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.at

    def advance(self, *, days: float = 0.0, hours: float = 0.0, seconds: float = 0.0) -> datetime:
        self.at += timedelta(days=days, hours=hours, seconds=seconds)
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at


@dataclass(slots=True)
class FakeResponse:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class FakeFetcher:
    """Serves ``pages[url]`` (bytes or a :class:`FakeResponse`); unknown URLs get 404."""

    pages: dict[str, bytes | FakeResponse] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> FakeResponse:
        self.requests.append((url, dict(headers or {})))
        page = self.pages.get(url)
        if page is None:
            return FakeResponse(status=404)
        return page if isinstance(page, FakeResponse) else FakeResponse(body=page)
