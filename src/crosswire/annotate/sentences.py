"""Sentence boundaries: hints given to the parser, then sentences mapped to original offsets.

Input → output: a spaCy ``Doc`` over ``Document.body`` → :class:`~crosswire.models.Sentence`
tuples whose ``start``/``end`` point into ``Document.text``.

The small English parser splits sentences from the dependency tree, which goes wrong in
news text in a few systematic ways. Rather than patching sentences afterwards, the
``crosswire_sentence_hints`` component runs *before* the parser and presets
``Token.is_sent_start`` (the parser respects preset values), so ``Doc.sents`` seen by every
later consumer (quotes, times) and ``AnnotatedDocument.sentences`` agree:

- a paragraph break always starts a sentence;
- a closing quotation mark stays with the sentence it closes (``…stability."`` not ``"`` + ``The ties…``),
  an opening one starts the next;
- no break after an honorific/rank (``Col.``), an initial (``S. Jaishankar``) or a dotted
  abbreviation (``U.S.``) that continues the phrase (``U.S. Defense Secretary``), nor after a
  closing parenthesis unless the aside ended a sentence (``very few (if any!) people``,
  ``Kimani (Kiki) Gray says``);
- a dateline prefix (``WASHINGTON (Reuters) -``, ``Washington, July 2``) is its own sentence,
  and so is a heading on a line of its own, in capitals or title case (``ORLANDO MOURNS``);
- no sentence starts right after a word, a number or a comma ("Prosecutors Tuesday put on …"),
  nor with a lower-case word after a period ("Pitkin Ave." | "brandishing …").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from crosswire.annotate.lexicon import NEVER_FINAL_ABBREVIATIONS
from crosswire.models import Document, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["HINTS_COMPONENT", "build_sentences", "paragraph_breaks", "set_sentence_hints"]

HINTS_COMPONENT = "crosswire_sentence_hints"

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE_RUN = re.compile(r"[ \t\r\f\v]*\n\s*")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S., U.K., e.g.
_INITIAL = re.compile(r"^[A-Z]\.$")
_HINT_CHARS = re.compile(r"[.!?…\"“”«»\n)]|''")
_FINAL_PUNCT = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
# A line of its own followed by one line break: "ORLANDO MOURNS\n", "The Latest on the Probe\n".
_HEADING_LINE = re.compile(r"(?:^|\n)([^\n]{2,120})\n(?=[^\s])")
_MAX_HEADING_WORDS = 12
_CLOSING_ONLY = frozenset({"”", "»"})
_OPENING_ONLY = frozenset({"“", "«"})
# Marks that open or close by where they stand: the straight quote, and two apostrophes as
# some newspapers' archives print it (``''America is already great,'' he said.``).
_EITHER_WAY = frozenset({'"', "''"})
_DATELINE = re.compile(
    r"""
    (?:
        [A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}             # WASHINGTON, NEW DELHI
      | [A-Z][a-z.'-]+(?:\s+[A-Z][a-z.'-]+){0,3}             # Washington, New Delhi (needs a date or agency)
    )
    (?P<date>,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?
    (?P<agency>\s*\([A-Z][A-Za-z]+(?:[ /][A-Z][A-Za-z]+){0,2}\))?
    (?P<sep>\s*[-—–:]+)?\s+
    """,
    re.VERBOSE,
)


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each whitespace run in ``text`` that separates two paragraphs.

    When the text has blank lines, only blank lines separate paragraphs (single newlines are
    line wraps); otherwise every newline does, except where a line is wrapped mid-sentence
    (the next line starts in lower case after a word or a comma).
    """
    if _BLANK_LINE.search(text):
        pattern = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*\n\s*")
        return [(m.start(), m.end()) for m in pattern.finditer(text) if m.start() > 0 and m.end() < len(text)]
    breaks: list[tuple[int, int]] = []
    for m in _NEWLINE_RUN.finditer(text):
        s, e = m.start(), m.end()
        if s == 0 or e >= len(text):
            continue
        before, after = text[s - 1], text[e]
        if (before.isalnum() or before in ",-") and after.islower():
            continue  # a wrapped line
        breaks.append((s, e))
    return breaks


def _is_closing_quote(tok: Token) -> bool:
    if tok.text in _CLOSING_ONLY:
        return True
    if tok.text not in _EITHER_WAY or tok.i == 0:
        return False
    # A straight quote glued to the previous word ("stability.") closes; one after a space opens.
    return tok.nbor(-1).whitespace_ == "" and not tok.nbor(-1).is_space


def _is_opening_quote(tok: Token) -> bool:
    if tok.text in _OPENING_ONLY:
        return True
    if tok.text not in _EITHER_WAY:
        return False
    return not _is_closing_quote(tok) and tok.whitespace_ == ""


def _continues_abbreviation(prev: Token, tok: Token) -> bool:
    """True when ``prev`` is an abbreviation whose period does not end the sentence."""
    low = prev.text.lower()
    if low in NEVER_FINAL_ABBREVIATIONS:
        return True
    if len(prev.text) > 2 and prev.text[:-1].isalpha() and prev.text.endswith(".") and tok.text[:1].islower():
        return True  # a period the tokenizer kept on its word is an abbreviation's: "Okla. man guilty …"
    if _INITIAL.match(prev.text) and tok.text[:1].isupper():
        return True  # "S. Jaishankar"
    if _DOTTED.match(prev.text):
        if tok.text[:1].islower() or tok.is_digit:
            return True
        if tok.tag_ in {"NNP", "NNPS", "NN", "NNS", "JJ"}:
            # "U.S. Defense Secretary …" continues; "the U.S. India has …" is a new clause.
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            return nxt is None or not (nxt.tag_.startswith("VB") or nxt.tag_ == "MD")
    return False


def token_starts(doc: Doc) -> Any:
    """Character offset of every token (a numpy array), to find tokens without iterating the Doc."""
    return doc.to_array("IDX")


def token_index(starts: Any, char: int) -> int:
    """Index of the token containing character ``char`` (``starts`` from :func:`token_starts`)."""
    return int(starts.searchsorted(char, side="right")) - 1


def set_sentence_hints(doc: Doc) -> Doc:
    """Preset ``is_sent_start`` on ``doc`` before the parser runs (see the module docstring).

    Only tokens at or after a period, quotation mark, other final punctuation or newline can
    need a hint; they are found with a regex over the text, so long documents are not walked
    token by token in Python.
    """
    if len(doc) == 0:
        return doc
    text = doc.text
    starts = token_starts(doc)
    break_ends = [e for _, e in paragraph_breaks(text)]
    forced: set[int] = set()
    for end in break_ends:
        i = token_index(starts, end)
        if i > 0 and starts[i] == end:
            forced.add(i)
    # Datelines at the start of a paragraph become their own sentence.
    for para_start in [0, *break_ends]:
        m = _DATELINE.match(text, para_start)
        if m is None or not (m.group("sep") or m.group("agency") or m.group("date")):
            continue
        place = m.group(0).split(",")[0].split("(")[0].strip()
        if place.isupper() or m.group("date") or m.group("agency"):
            i = token_index(starts, m.end())
            if i > 0 and starts[i] == m.end() and doc[i].text[:1].isupper():
                forced.add(i)
    # A heading on a line of its own ends there, even where only blank lines part paragraphs:
    # "ORLANDO MOURNS\nOrlando mourned the dead …".
    for m in _HEADING_LINE.finditer(text):
        line = m.group(1)
        words = line.split()
        if len(words) > _MAX_HEADING_WORDS or line.rstrip()[-1:] in ".!?:;,\"”'’)":
            continue
        if line.isupper() or all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            i = token_index(starts, m.end())
            if 0 < i < len(doc) and starts[i] == m.end() and doc[i].text[:1].isupper():
                forced.add(i)
    candidates = set(forced)
    for m in _HINT_CHARS.finditer(text):
        i = token_index(starts, m.start())
        candidates.update((i, i + 1))
    n = len(doc)
    for i in sorted(candidates):
        if not 0 < i < n:
            continue
        tok = doc[i]
        prev = doc[i - 1]
        if i in forced:
            tok.is_sent_start = True
        elif tok.is_space or (
            _is_closing_quote(tok) and (prev.text in _FINAL_PUNCT or prev.text in {",", ";"})
        ):
            tok.is_sent_start = False
        elif prev.text in _FINAL_PUNCT and _is_opening_quote(tok):
            tok.is_sent_start = True
        elif _is_opening_quote(prev) or _continues_abbreviation(prev, tok):
            tok.is_sent_start = False
        elif prev.text == ")" and (tok.text[:1].islower() or (i > 1 and doc[i - 2].text not in _FINAL_PUNCT)):
            # "very few (if any!) people had …": the aside ends inside; "Kimani (Kiki) Gray says
            # …": a sentence ends at a parenthesis only when its aside ended one ("(again.) Then")
            tok.is_sent_start = False
        elif (
            tok.text[:1].isalpha()
            and tok.text[:1].islower()
            and prev.text.endswith(".")
            and prev.text != "..."
        ):
            # a sentence does not open in lower case after a period: "Pitkin Ave." | "brandishing
            # …" (after a quotation it may be its tag, '“You winning?” she said', which the
            # quote stage reads either way)
            tok.is_sent_start = False
    _no_start_after_a_word(doc, starts)
    return doc


def _no_start_after_a_word(doc: Doc, starts: Any) -> None:
    """No sentence starts right after a word, a number or a comma: the parser splits "Prosecutors
    Tuesday put on the most shocking evidence …" into "Prosecutors" and "Tuesday put on …".
    Tokens a hint already decided keep it (a dateline without a dash: "Washington, July 2 The")."""
    import numpy as np
    from spacy.attrs import SENT_START

    text = doc.text
    ends = starts + doc.to_array("LENGTH")
    after_word = np.fromiter(
        (text[e - 1].isalnum() or text[e - 1] == "," for e in ends[:-1]), dtype=bool, count=len(doc) - 1
    )
    values = doc.to_array(SENT_START).astype(np.int64)  # 1 start, -1 not, 0 the parser's call
    undecided = np.flatnonzero((values[1:] == 0) & after_word) + 1
    if len(undecided):
        values[undecided] = -1
        array: Any = values.astype(np.uint64).reshape(-1, 1)  # spaCy's own array type (-1 wraps)
        doc.from_array([SENT_START], array)


def _sentence_ranges(doc: Doc) -> Iterator[tuple[int, int]]:
    """Clean-view ``[start, end)`` of each sentence, whitespace trimmed, never across a paragraph break."""
    text: str = doc.text
    breaks = paragraph_breaks(text)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # The parser honours the hints; this split is the guarantee if a custom pipeline does not.
        cuts = [start] + [e for s, e in breaks if start < s and e < end] + [end]
        for a, b in itertools.pairwise(cuts):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                yield a, b


def build_sentences(document: Document, doc: Any) -> tuple[Sentence, ...]:
    """Sentences of ``document`` from the spaCy ``doc`` over its body, in original offsets."""
    body_breaks = [s for s, _ in paragraph_breaks(doc.text)]
    out: list[Sentence] = []
    paragraph = 0
    bi = 0
    for a, b in _sentence_ranges(doc):
        while bi < len(body_breaks) and body_breaks[bi] < a:
            bi += 1
            paragraph += 1
        start, end = document.to_original(a, b)
        out.append(
            Sentence(
                document=document.id,
                start=start,
                end=end,
                text=document.text[start:end],
                index=len(out),
                paragraph=paragraph,
            )
        )
    return tuple(out)
