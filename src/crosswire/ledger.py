"""The ledger: what each stage accepted, rejected and dropped, and why.

Input → output: stages call :meth:`Ledger.reject` / :meth:`Ledger.count`; the CLI and the
service read it to report rejects and to choose the exit code. Nothing disappears silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from crosswire.models import Rejected

__all__ = ["Ledger"]


@dataclass(slots=True)
class Ledger:
    """Mutable run state shared by the stages of one run (not a boundary model)."""

    rejected: list[Rejected] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    def reject(self, item: Rejected) -> None:
        self.rejected.append(item)
        self.counts[f"rejected.{item.code}"] += 1

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def warn(self, message: str) -> None:
        self.warnings.append(message)
