"""Markup left in a text: tags a scraper or an export kept around embeds and formatting.

Input → output: a document's text → ``[start, end)`` ranges of its HTML/XML tags
(``<tweet id="…" author="@cspan">``, ``</tweet>``, ``<br/>``, ``<em>``), for the clean stage to
delete from the clean view. The text between the tags stays: an embedded post's words are
still what the page showed.

Only a tag's own shape counts: a letter right after ``<`` (or ``</``), ``name=value``
attributes, and ``>`` on the same line, so "x < y", "<3", "a <= b" or "a<b and c>d" are
left alone.
"""

from __future__ import annotations

import re

__all__ = ["markup_spans"]

_ATTRIBUTE = r"""[\w:.-]+[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'>]+)"""
_TAG = re.compile(rf"</?[A-Za-z][\w:-]*(?:[ \t]+{_ATTRIBUTE})*[ \t]*/?>")


def markup_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every markup tag in ``text``."""
    return [(m.start(), m.end()) for m in _TAG.finditer(text)]
