"""Truncation: did the text stop before the article did?

Input → output: the clean view and facts about the original's ending → ``(truncated, reason)``.

Signals, checked in this order (the first that fires is the reason):

1. **teaser** — the article body is followed by a "Read more" / "(more)" / "Continue
   reading" line, or its last line ends with one or with a feed excerpt's "[…]": a feed or
   page showed only the start.
2. **ellipsis** — the last paragraph ends with ``...``, ``…``, ``[…]`` or ``[...]``.
3. **unclosed quotation** — the last double quotation mark of the last paragraph opens a
   quotation (``“``, ``«``, or a ``"`` after a space or at the start) and nothing closes it.
   Only the last mark is judged, because copy often opens with one style and closes with
   the other, and a stray mark earlier in the paragraph says nothing about the ending.
4. **mid-sentence** — the last paragraph does not end in terminal punctuation
   (``.``, ``!``, ``?``) or a closing quotation mark (``”``, ``"``, ``»``), optionally
   followed by closing quotes or brackets.
5. **empty last paragraph** — the original ends with a paragraph break (a blank line)
   after its last paragraph, and that last paragraph is body text rather than a closing
   element (credit line, sign-off, syndication note, boilerplate). Scrapers that cut an
   article at a paragraph boundary — a paywall or a lazy-loaded page — leave exactly this
   trace; a file that simply ends with one newline does not fire it.

Closing elements are removed from the clean view before signals 2–4 look at its last
paragraph, so "…said. — PTI" is judged on "…said.".
"""

from __future__ import annotations

import re

__all__ = ["truncation"]

_ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[\s*(?:…|\.\.\.)\s*\])[\s\"'”’»)\]]*\Z")
_LAST_QUOTE = re.compile(r'["“”«»„][^"“”«»„]*\Z')
_TERMINAL = re.compile(r"(?:[.!?。！？]|[”\"»])[\"'”’»)\]]*\Z")


def truncation(clean: str, *, teaser: bool, trailing_empty_paragraph: bool) -> tuple[bool, str | None]:
    """``(truncated, reason)`` for a cleaned text (see the module docstring for the signals)."""
    last = clean.rsplit("\n", 1)[-1].strip()
    if teaser:
        return (
            True,
            "ends with a 'Read more' teaser or an excerpt's '[…]': only the start of the article was captured",
        )
    if not last:
        return False, None
    if _ELLIPSIS.search(last):
        return True, "ends with an ellipsis: the text was cut short"
    if _ends_in_open_quotation(last):
        return True, "ends inside a quotation that is never closed"
    if not _TERMINAL.search(last):
        return True, "ends mid-sentence (no terminal punctuation or closing quotation mark)"
    if trailing_empty_paragraph:
        return True, "ends with an empty paragraph after the last paragraph: cut at a paragraph break"
    return False, None


def _ends_in_open_quotation(paragraph: str) -> bool:
    m = _LAST_QUOTE.search(paragraph)
    if m is None:
        return False
    mark, at = paragraph[m.start()], m.start()
    if mark in "“«„":
        return True
    if mark == '"':
        before = paragraph[at - 1] if at else " "
        after = paragraph[at + 1] if at + 1 < len(paragraph) else ""
        return (before.isspace() or before in "([—–-:") and bool(after) and not after.isspace()
    return False
