"""The clean stage: Document → Document with a clean view, its offset map, and what the
text says about itself (dateline, credit, truncation).

Input → output: Documents from ingest → the same Documents (``dataclasses.replace``) with
``clean`` + ``offsets`` (:class:`~crosswire.models.OffsetMap`), ``credit``/``credit_span``,
``dateline_place``, ``published`` from the dateline when it was unknown
(``published_from="dateline"``), ``truncated``/``truncation_reason``, ``notes``.

What is removed from the clean view (it only ever deletes characters or collapses
whitespace, :mod:`crosswire.clean.layout`, so the offset map stays exact):

- the title line, when ingest found the headline at the start of the text (``meta["title_span"]``),
  and a URL line before it (``meta["url_span"]``);
- a leading dateline (:mod:`~crosswire.clean.dateline`);
- credit lines, syndication notes, sign-offs and a credit closing the last paragraph
  (:mod:`~crosswire.clean.credit`);
- a page's date stamp line near the top ("Published on Jul 02, 2013 4:22 PM"), which gives
  ``published`` when nothing else did (``published_from="stamp"``); failing that, an ISO date
  in the file's name ("politico_2016-07-05_slug.txt", ``published_from="file name"``);
- boilerplate lines, and a "Read more" / "(more)" closing the last line (:mod:`~crosswire.clean.boilerplate`);
- the outlet's notes on its report — a correction, a clarification, an update note, an editor's
  note (:mod:`~crosswire.clean.notes`) — kept as ``notes`` (:class:`~crosswire.models.EditorNote`),
  so their retracted words are never read as claims;
- markup tags a scraper or an export left in the text (``<tweet author="@cspan">``, ``</tweet>``;
  :mod:`~crosswire.clean.markup`), their contents kept;
- blank-line padding and whitespace runs.

A document with nothing left after cleaning is rejected into the ledger (when one is
given) rather than passed on empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from crosswire.clean.boilerplate import (
    is_boilerplate,
    is_end_mark,
    is_issuer_section,
    is_teaser,
    issuer_named,
    trailing_teaser,
    without_wire_slug,
)
from crosswire.clean.credit import (
    CreditMatch,
    byline,
    credit_line,
    inline_credit,
    signoff_line,
    syndication_note,
)
from crosswire.clean.dateline import Dateline, date_in_file_name, find_dateline, find_stamp
from crosswire.clean.language import LANGUAGE_NAMES, declared_language, guess_language
from crosswire.clean.layout import Line, collapse, hard_wrapped, split_lines
from crosswire.clean.markup import markup_spans
from crosswire.clean.notes import NoteKind, is_note_continuation, is_note_heading, note_kind
from crosswire.clean.truncation import truncation
from crosswire.ledger import Ledger
from crosswire.models import Document, EditorNote, Rejected, Span
from crosswire.wordlists import RELEASE_MASTHEAD

__all__ = ["clean_document", "run"]

#: Sign-offs are looked for only among this many last non-blank lines.
_SIGNOFF_WINDOW = 3
_MAX_HEADING_CHARS = 100  # an end mark or a section heading of a release: a short line
_MASTHEAD = re.compile(RELEASE_MASTHEAD)
_RELEASED = re.compile(r"(?i)(?:for[ \t]+)?immediate[ \t]+release\b[ \t:,.|–—-]*(?=\S)")
#: A page's date stamp line ("Published on Jul 02, 2013 4:22 PM") is looked for among this many first lines.
_STAMP_WINDOW = 6
#: A byline is one of the first lines above the first paragraph.
_BYLINE_WINDOW = 3
#: A first line this short may be a headline with a period; the dateline may then be on line two.
_MAX_HEADLINE_WORDS = 20
_SENTENCE_END = frozenset('.!?)]"”’')
_MIN_WRAPPED_CHARS = 40  # a line of hard-wrapped text is long; a short one ends its paragraph
# A note's heading closes the report when at most this much follows it ("CORRECTION:", "As
# published in …", the correction); more is the report going on.
_MAX_NOTE_LINES = 5
_MAX_NOTE_SECTION = 2500


def run(
    docs: Iterable[Document],
    *,
    ledger: Ledger | None = None,
    languages: Sequence[str] = ("en",),
    min_words: int = 5,
) -> Iterator[Document]:
    """Each document with its clean view and self-description filled in.

    With a ``ledger``, a document left empty, shorter than ``min_words`` words, or written in
    a language not in ``languages`` (empty: any), is rejected into it with the reason instead
    of being passed on.
    """
    for doc in docs:
        cleaned = clean_document(doc)
        if ledger is not None and not cleaned.clean:
            ledger.reject(
                Rejected(
                    doc.path or doc.id, "nothing is left after removing boilerplate and credit lines", "empty"
                )
            )
            continue
        if ledger is not None and cleaned.words < min_words:
            # A stub ("ok", "Page not found") reports nothing: as a story it would be one with
            # no headline, no fact and no date.
            ledger.reject(
                Rejected(
                    doc.path or doc.id,
                    f"the text has {cleaned.words} word{'s' if cleaned.words != 1 else ''}, fewer than the "
                    f"{min_words} a report needs (CROSSWIRE_MIN_WORDS sets the limit)",
                    "short",
                )
            )
            continue
        if ledger is not None and languages:
            lang = guess_language(cleaned.clean, declared=doc.language)
            if lang is not None and lang not in languages:
                name = LANGUAGE_NAMES.get(lang, lang)
                how = (
                    "its metadata gives the language as"
                    if declared_language(doc.language)
                    else "the text is in"
                )
                ledger.reject(
                    Rejected(
                        doc.path or doc.id,
                        f"{how} {name} ({lang}) and crosswire's models read "
                        f"{', '.join(languages)}; translate it first, or set CROSSWIRE_LANGUAGES "
                        "for a model that reads it",
                        "language",
                    )
                )
                continue
        yield cleaned


@dataclass(slots=True)
class _Plan:
    """What cleaning one text decided: ranges to delete and facts found on the way."""

    deletions: list[tuple[int, int]] = field(default_factory=list)
    credits: list[CreditMatch] = field(default_factory=list)
    removed: set[int] = field(default_factory=set)  # indices of lines removed whole
    teaser: bool = False
    syndicated: bool = False
    stamp: str | None = None  # ISO date of the page's date stamp line, when it has one
    issuer: str | None = None  # who issued a press release (its "SOURCE …" line or "About …" heading)
    notes: list[tuple[int, int, NoteKind]] = field(default_factory=list)  # the outlet's notes on its report


def clean_document(doc: Document) -> Document:
    """One document with ``clean``, ``offsets``, dateline, credit and truncation filled in."""
    text = doc.text
    lines = split_lines(text)
    plan = _Plan()
    body, body_start = _drop_title(doc, text, lines, plan)
    content = [ln for ln in body if not ln.blank]
    _mark_lines(text, content, plan)
    kept = [ln for ln in content if ln.index not in plan.removed]
    if not kept and plan.notes:
        # nothing but notes: the text is itself a correction or an editor's note (a paper's
        # "Editor's Note" column), and reporting it beats rejecting it as empty
        plan = _Plan()
        body, body_start = _drop_title(doc, text, lines, plan)
        _mark_lines(text, content, plan, notes=False)
        kept = [ln for ln in content if ln.index not in plan.removed]

    dateline = _find_dateline(text, kept, body_start)
    if dateline is not None:
        plan.deletions.append((dateline.start, dateline.end))
    inline = inline_credit(text, max(kept[-1].start, body_start), kept[-1].end) if kept else None
    if inline is not None:
        plan.deletions.append((inline.start, inline.end))
        plan.credits.append(inline)
    teaser = trailing_teaser(text, max(kept[-1].start, body_start), kept[-1].end) if kept else None
    if teaser is not None:  # "… the minister said. Read more" — the page showed only the start
        plan.deletions.append(teaser)
        plan.teaser = True

    plan.deletions.extend(markup_spans(text))
    wrapped = hard_wrapped(text, [ln for ln in body if ln.index not in plan.removed])
    clean, offsets = collapse(text, plan.deletions, unwrap=wrapped)

    credit, credit_span = _credit(doc.id, dateline, plan)
    last_content = content[-1] if content else None
    trailing_empty = (
        last_content is not None
        and last_content.index not in plan.removed  # a removed last line closes the article
        and inline is None  # "… it added. — PTI" closes the article too
        and _line_breaks(text[last_content.end :]) >= 2
    )
    truncated, reason = truncation(clean, teaser=plan.teaser, trailing_empty_paragraph=trailing_empty)

    meta: dict[str, Any] = dict(doc.meta)
    if plan.syndicated:
        meta["syndicated"] = True
    credits = [c.agency for c in plan.credits if c.agency]
    if dateline and dateline.agency:
        credits.insert(0, dateline.agency)
    if len(dict.fromkeys(credits)) > 1:
        meta["credits"] = list(dict.fromkeys(credits))
    if dateline is not None and dateline.distributor is not None:
        meta["distributor"] = dateline.distributor  # a press release: the issuer's words
    if plan.issuer is not None:
        meta["issuer"] = plan.issuer
    published, published_from = doc.published, doc.published_from
    if published is None and dateline is not None and dateline.date is not None:
        published, published_from = dateline.date, "dateline"
    elif published is None and plan.stamp is not None:
        published, published_from = plan.stamp, "stamp"
    elif published is None and doc.format in {"txt", "html"} and (named := date_in_file_name(doc.path)):
        published, published_from = named, "file name"
    return replace(
        doc,
        title=without_wire_slug(doc.title),
        source=doc.source or plan.issuer,  # a release saved without its outlet: its issuer
        clean=clean,
        offsets=offsets,
        credit=credit,
        credit_span=credit_span,
        dateline_place=dateline.place if dateline else doc.dateline_place,
        published=published,
        published_from=published_from,
        truncated=truncated,
        truncation_reason=reason,
        notes=tuple(EditorNote(doc.id, start, end, kind) for start, end, kind in plan.notes),
        meta=meta,
    )


# ----------------------------------------------------------------------- helpers


def _drop_title(doc: Document, text: str, lines: list[Line], plan: _Plan) -> tuple[list[Line], int]:
    """Delete the page's URL line and the headline ingest found at the start
    (``meta["url_span"]``, ``meta["title_span"]``).

    Returns the lines from the body's first line on, and where the body starts (after the
    headline, when the headline shares its line with the body).
    """
    body_start = 0
    url = doc.meta.get("url_span")
    first = next((i for i, ln in enumerate(lines) if not ln.blank), None)
    if url and first is not None and lines[first].start <= int(url[0]) and int(url[1]) <= lines[first].end:
        plan.deletions.append((lines[first].line_start, lines[first].next))
        lines, body_start = lines[first + 1 :], lines[first].next
    span = doc.meta.get("title_span")
    if not span:
        return lines, body_start
    start, end = int(span[0]), int(span[1])
    stamp: Line | None = None  # a date stamp line above the headline stays, for the stamp rule
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        if ln.end <= start and _MASTHEAD.fullmatch(text[ln.start : ln.end]):
            # a press release's "FOR IMMEDIATE RELEASE" and contact lines, above the headline
            plan.deletions.append((ln.line_start, ln.next))
            continue
        if stamp is None and url and ln.end <= start and find_stamp(text[ln.start : ln.end]) is not None:
            stamp = ln  # URL, date stamp, then the headline, as ingest read the page
            continue
        if not (ln.start <= start and end <= ln.end):
            break  # the span is not on the first line with text: leave the text alone
        if stamp is not None:
            if (ln.start, ln.end) != (start, end):
                break
            plan.deletions.append((ln.line_start, ln.next))
            return [x for x in lines if x is not ln], stamp.line_start
        if (ln.start, ln.end) == (start, end):
            plan.deletions.append((ln.line_start, ln.next))
            return lines[i + 1 :], ln.next
        plan.deletions.append((start, end))
        body_start = end
        while body_start < ln.end and text[body_start].isspace():
            body_start += 1
        return lines[i:], body_start
    return lines, body_start


def _mark_lines(text: str, content: list[Line], plan: _Plan, *, notes: bool = True) -> None:
    """Decide, line by line, what is a credit, a sign-off, a teaser, boilerplate or the outlet's
    note on its report (with ``notes``)."""
    last_body = -1  # position in ``content`` of the last line that is article text
    note_open = False  # the line before was a note that may go on ("We regret the error.")
    for pos, ln in enumerate(content):
        line = text[ln.start : ln.end]
        near_end = pos >= len(content) - _SIGNOFF_WINDOW
        if notes and note_open and _continues_note(text, content, pos, line):
            start, _, open_kind = plan.notes[-1]
            plan.notes[-1] = (start, ln.end, open_kind)
            plan.deletions.append((ln.line_start, ln.next))
            plan.removed.add(ln.index)
            continue
        note_open = False
        kind = note_kind(line) if notes else None
        if kind is not None:
            appended = line.rstrip(".").casefold().endswith("appended")
            rest = content[pos:]
            if (
                last_body >= 0
                and not appended
                and is_note_heading(line)
                and len(rest) <= _MAX_NOTE_LINES
                and rest[-1].end - ln.start <= _MAX_NOTE_SECTION
            ):
                # "CORRECTION:" closing the report: the note is all that follows
                for after in rest:
                    plan.deletions.append((after.line_start, after.next))
                    plan.removed.add(after.index)
                plan.notes.append((ln.start, content[-1].end, kind))
                break
            plan.deletions.append((ln.line_start, ln.next))
            plan.removed.add(ln.index)
            plan.notes.append((ln.start, ln.end, kind))
            # "Editor's note:" alone: its note is the next paragraph ("Correction appended" is
            # all there is: the correction closes the report)
            note_open = not appended
            continue
        match = (
            credit_line(text, ln.start, ln.end)
            or syndication_note(text, ln.start, ln.end)
            or (signoff_line(text, ln.start, ln.end) if near_end else None)
            # a byline stands above the article's first paragraph, never inside it
            or (byline(text, ln.start, ln.end) if last_body < 0 and pos < _BYLINE_WINDOW else None)
        )
        if match is not None:
            plan.deletions.append((ln.line_start, ln.next))
            plan.removed.add(ln.index)
            plan.syndicated = plan.syndicated or match.kind == "syndication"
            if match.kind != "bare" or pos == 0 or near_end:
                plan.credits.append(match)
            continue
        if pos < _STAMP_WINDOW and (stamp := find_stamp(line)) is not None:
            # the page's date, not a sentence of the article: it dates the article instead
            plan.deletions.append((ln.line_start, ln.next))
            plan.removed.add(ln.index)
            plan.stamp = plan.stamp or stamp
            continue
        if is_boilerplate(line) or is_teaser(line):
            plan.deletions.append((ln.line_start, ln.next))
            plan.removed.add(ln.index)
            if pos < _STAMP_WINDOW and (released := _RELEASED.match(line)) is not None:
                # "FOR IMMEDIATE RELEASE July 13, 2009": the release's date, as a stamp gives it
                plan.stamp = plan.stamp or find_stamp(line[released.end() :])
            plan.issuer = plan.issuer or issuer_named([line])
            continue
        heading = last_body >= 0 and len(line) <= _MAX_HEADING_CHARS
        following = (
            text[content[pos + 1].start : content[pos + 1].end] if heading and pos + 1 < len(content) else ""
        )
        if heading and (is_end_mark(line) or is_issuer_section(line, following)):
            # "###", "About <issuer>": the release ends here; its contacts, the issuer's own
            # description and its legal notice are no report
            for after in content[pos:]:
                plan.deletions.append((after.line_start, after.next))
                plan.removed.add(after.index)
            plan.issuer = issuer_named([text[a.start : a.end] for a in content[pos:]]) or plan.issuer
            break
        last_body = pos
    # A teaser counts only when no article text follows it.
    plan.teaser = any(is_teaser(text[ln.start : ln.end]) for ln in content[last_body + 1 :])


def _continues_note(text: str, content: list[Line], pos: int, line: str) -> bool:
    """True when content line ``pos`` goes on with the note on the line before it: a heading's
    paragraph, a "We regret the error.", or the next line of a note hard-wrapped mid-sentence."""
    before = text[content[pos - 1].start : content[pos - 1].end]
    if is_note_heading(before):
        return not is_note_heading(line)
    if is_note_continuation(line):
        return True
    wrapped = content[pos - 1].next == content[pos].line_start  # no blank line between them
    return wrapped and len(before) >= _MIN_WRAPPED_CHARS and before[-1:] not in _SENTENCE_END


def _find_dateline(text: str, kept: list[Line], body_start: int) -> Dateline | None:
    """The dateline opening the body: on the first line, or on the second when the first is a short
    line ingest did not take for a headline ("The Latest: Trump urges supporters…" with a period)."""
    if not kept:
        return None
    found = find_dateline(text, max(kept[0].start, body_start))
    if (
        found is None
        and len(kept) > 1
        and len(text[kept[0].start : kept[0].end].split()) <= _MAX_HEADLINE_WORDS
    ):
        found = find_dateline(text, kept[1].start)
    return found


def _credit(doc_id: str, dateline: Dateline | None, plan: _Plan) -> tuple[str | None, Span | None]:
    """The credit to report: the dateline's agency first, else the first credit naming one."""
    if dateline is not None and dateline.agency is not None and dateline.agency_span is not None:
        return dateline.agency, Span(doc_id, *dateline.agency_span)
    for match in plan.credits:
        if match.agency is not None:
            return match.agency, Span(doc_id, *match.span)
    return None, None


def _line_breaks(s: str) -> int:
    return s.count("\n") + s.count("\r") - s.count("\r\n") + sum(s.count(c) for c in "\u2028\u2029\x85")
