"""Clean: Document → Document with a clean view mapped back to the original, run by run.

Input → output: ingested Documents → the same Documents with ``clean`` + ``offsets``,
``credit``/``credit_span``, ``dateline_place``, ``published`` from a dateline when unknown,
and ``truncated``/``truncation_reason``.

- :func:`run` — the stage;
- :func:`clean_document` — one document;
- :func:`normalize_for_matching` — same-length quote/dash/space normalisation, for matching only.
"""

from __future__ import annotations

from crosswire.clean.normalize import normalize_for_matching
from crosswire.clean.stage import clean_document, run

__all__ = ["clean_document", "normalize_for_matching", "run"]
