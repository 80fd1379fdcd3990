"""One attribution under construction, shared by the finders of direct and reported speech.

Input → output: none (data only). :class:`Attribution` holds a quote while the finders of
:mod:`.quotes` (quotation marks) and :mod:`.quotes_indirect` (reported speech) build it, in
offsets into ``Document.body``; :class:`TokenIndex` finds the spaCy token at a character.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Literal

from crosswire.extract.quotes_marks import Quoted

__all__ = ["Attribution", "Kind", "Token", "TokenIndex"]

Kind = Literal["direct", "partial", "indirect"]
Token = Any  # spaCy Token


@dataclass(slots=True)
class Attribution:
    """One quote under construction; offsets are into ``Document.body`` (spaCy's text)."""

    start: int
    end: int
    kind: Kind
    cue: Token | None = None
    speaker: tuple[int, int] | None = None  # token range of the speaker phrase
    antecedent: tuple[int, int] | None = None  # body char range
    quoted: Quoted | None = None
    cue_range: tuple[int, int] | None = None  # token range of the cue when not cue_extent(cue)
    # Body char ranges of cue and speaker where a token holds both ("-President Obama").
    cue_chars: tuple[int, int] | None = None
    speaker_chars: tuple[int, int] | None = None


class TokenIndex:
    """Character → token lookup for one parsed document (built once per document)."""

    __slots__ = ("doc", "starts")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, pos: int) -> Token:
        """The token covering character ``pos`` (the one before it when ``pos`` is a gap)."""
        return self.doc[max(bisect.bisect_right(self.starts, pos) - 1, 0)]
