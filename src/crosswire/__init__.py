"""crosswire: which news reports tell the same story, and what independent sources corroborate.

Input → output: paths of news articles → briefs whose every sentence cites source characters.

The public API::

    import crosswire
    briefs = crosswire.run(["examples/hegseth-jaishankar"])
    print(crosswire.render(briefs, fmt="md"))

Stages can be run one by one through :mod:`crosswire.pipeline`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crosswire.config import Config, load_config
from crosswire.errors import (
    ConfigError,
    CrosswireError,
    InputError,
    MissingDependency,
    ModelError,
    RejectedInput,
    StoreError,
)
from crosswire.ledger import Ledger
from crosswire.models import (
    Brief,
    Citation,
    Conflict,
    Document,
    EditorNote,
    Entity,
    Fact,
    Family,
    Hedge,
    Quote,
    QuoteDate,
    QuoteGroup,
    Rejected,
    Sentence,
    SourcingNote,
    Span,
    Story,
    TimeExpression,
    Version,
)
from crosswire.pipeline import briefs, read, run, stories

if TYPE_CHECKING:
    from collections.abc import Sequence

__version__ = "0.1.0"

__all__ = [
    "Brief",
    "Citation",
    "Config",
    "ConfigError",
    "Conflict",
    "CrosswireError",
    "Document",
    "EditorNote",
    "Entity",
    "Fact",
    "Family",
    "Hedge",
    "InputError",
    "Ledger",
    "MissingDependency",
    "ModelError",
    "Quote",
    "QuoteDate",
    "QuoteGroup",
    "Rejected",
    "RejectedInput",
    "Sentence",
    "SourcingNote",
    "Span",
    "StoreError",
    "Story",
    "TimeExpression",
    "Version",
    "__version__",
    "briefs",
    "load_config",
    "read",
    "render",
    "run",
    "stories",
]


def render(briefs: Sequence[Brief], *, fmt: str = "md", rejected: Sequence[Rejected] = ()) -> str:
    """Render briefs as ``"json"``, ``"md"`` or ``"html"`` (see :mod:`crosswire.brief.render`)."""
    from crosswire.brief.render import render as _render

    out: Any = _render(list(briefs), rejected=list(rejected), fmt=fmt)
    return str(out)
