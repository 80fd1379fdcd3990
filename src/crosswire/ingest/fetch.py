"""The default :class:`~crosswire.seams.Fetcher`: HTTP GET over urllib (no extra dependency).

Input → output: a URL → :class:`Fetched` (status, body, headers). Tests and the service
plug in their own fetcher through the seam; nothing in the test suite touches the network.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field

__all__ = ["Fetched", "UrllibFetcher"]


@dataclass(slots=True)  # not frozen: FetchResult declares plain (settable) attributes
class Fetched:
    """One HTTP response (satisfies :class:`crosswire.seams.FetchResult`)."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class UrllibFetcher:
    """HTTP(S) GET with a timeout and a body-size cap; HTTP errors come back as a status, not an exception."""

    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    user_agent: str = "crosswire/0.1 (+offline news corroboration)"

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Fetched:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                return Fetched(response.status, body, {k.lower(): v for k, v in response.headers.items()})
        except urllib.error.HTTPError as exc:
            return Fetched(exc.code, b"", {k.lower(): v for k, v in (exc.headers or {}).items()})
