"""Render briefs: ``render(briefs, rejected=…, fmt="json"|"md"|"html") -> str``.

Input → output: :class:`~crosswire.models.Brief` list + the ledger's rejects → one string.
JSON follows ``docs/brief.schema.json``; Markdown is for terminals and notes; HTML is
one self-contained file (inline CSS and JS, no network) with every article embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from crosswire.brief.json_out import render_json, to_dict
from crosswire.errors import ConfigError
from crosswire.models import Brief, Rejected

__all__ = ["render", "to_dict"]


def render(
    briefs: Sequence[Brief],
    *,
    rejected: Sequence[Rejected] = (),
    fmt: Literal["json", "md", "html"] | str = "md",
) -> str:
    """All stories (largest first) and the rejected inputs in one document of format ``fmt``."""
    if fmt == "json":
        return render_json(briefs, rejected=rejected)
    if fmt == "md":
        from crosswire.brief.markdown import render_markdown

        return render_markdown(briefs, rejected=rejected)
    if fmt == "html":
        from crosswire.brief.html import render_html

        return render_html(briefs, rejected=rejected)
    raise ConfigError(f"unknown brief format {fmt!r}: choose json, md or html")
