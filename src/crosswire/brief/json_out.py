"""Brief → plain dict (the JSON shape of ``docs/brief.schema.json``, ``"schema": "crosswire/1"``).

Input → output: :class:`~crosswire.models.Brief` → ``dict`` of JSON types; the Markdown and
HTML renderers read this dict too, so all three formats say the same thing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import Any
from urllib.parse import urlsplit

from crosswire.align import family_map
from crosswire.labels import counted, family_label
from crosswire.models import Brief, Citation, Rejected

__all__ = [
    "BRIEF_REVISION",
    "EMPTY",
    "INFERRED_DATE_NOTE",
    "NOTES_INTRO",
    "RETRACTED",
    "SCHEMA",
    "SOURCING_INTRO",
    "SOURCING_TITLE",
    "citation_dict",
    "contents",
    "contents_line",
    "details_note",
    "fact_reading",
    "hedged_note",
    "no_comments",
    "ordered",
    "origins",
    "outlet_notes",
    "rejected_dict",
    "render_json",
    "short_ids",
    "superseded_line",
    "timeline_by_date",
    "to_dict",
    "unnamed_by_document",
    "unnamed_note",
    "unverified_by_document",
]

# What a section says when it has nothing, the same in every format.
EMPTY = {
    "summary": "None: no sentence of these reports carries a claim.",
    "facts": "None: no fact is backed by two independent sources.",
    "timeline": "No dated events.",
    "single": "None.",
    "entities": "None found.",
    "coverage": "No facts to show.",
}

# How a reader is told what "(inferred)" next to a timeline date means.
INFERRED_DATE_NOTE = (
    'Dates marked (inferred) are read from relative words ("Tuesday", "later this year") in '
    "reports that carry no publication date, against the earliest publication date of the story."
)

# What a retraction means for the brief, said after the note in every format.
RETRACTED = "the report is left out of the facts, quotes and timeline"
# What the section of the outlets' own notes is, said above it in every format.
NOTES_INTRO = (
    "What the outlets say about their own reports (corrections, clarifications, updates, "
    "retractions, editor's notes). None of it is read as a claim of the story: a corrected report "
    "counts for what it says now, a retracted one not at all."
)

# What the sourcing section is, said above it in every format.
SOURCING_INTRO = (
    "Where the reports do not name whose words they carry, why they say so, who gave no "
    "comment, and what they say they could not verify. Outlets each told by unnamed sources may "
    "all carry one leak; a no-comment is no claim of the story."
)

# The sourcing section's title, the same in every format.
SOURCING_TITLE = "Unnamed sources, no comment, unverified"

SCHEMA = "crosswire/1"
#: Bumped whenever the brief JSON, Markdown or HTML changes shape or content rules, so a
#: service recomputes the briefs an older crosswire stored (2: quote groups carry ``said_on``,
#: ``first_reported`` and a ``kind`` per variant; 3: headlines keep a toll, a rising toll opens
#: with the first reports' leads, the timeline leaves a noun's history out, documents whose id
#: is an address are cited by their slug; 4: a lead-in ending in a colon is no claim, a headline
#: keeps a clause whose cut would leave no verb, a press release loses its masthead and closing
#: sections; 5: an outlet's corrections and notes on its report are no claims, and are shown on
#: their own; an earlier version of a report its outlet corrected or updated is left out, and so
#: is a report its outlet retracted; 6: quotes, facts and the new ``sourcing`` list say which
#: words rest on unnamed sources, and a no-comment is no claim, summary line or quote; 7: facts
#: carry the ``hedged`` cues of the reports that only allege, relay or doubt them, and are
#: worded, in the facts and the summary, as those reports word them; 8: a modifier told in
#: passing is a claim of its own, a sentence telling its own report's news around a shared fact
#: words no headline, summary or timeline line of it, and facts carry the
#: ``single_source_details`` of their wording that only its own origin tells).
BRIEF_REVISION = 8


def citation_dict(c: Citation) -> dict[str, Any]:
    return {"document": c.document, "start": c.start, "end": c.end, "text": c.text}


_LEADING_WORD = re.compile(r"^[\s\"“‘']*\w+")


def fact_reading(fact: Mapping[str, Any], names: Mapping[str, str]) -> tuple[str, str | None, str]:
    """A fact's text cut after its pronoun (the leading one, or the one at ``antecedent_at``),
    with the name it refers to in between.

    ``("He", "Pete Hegseth", " expressed hope …")``; ``(text, None, "")`` when the fact has no
    resolved ``antecedent``. Renderers print the name as an editor's note in square brackets,
    so the words of the source stay exactly as cited.
    """
    name = names.get(fact.get("antecedent") or "")
    at = fact.get("antecedent_at")
    if name and isinstance(at, int) and 0 < at <= len(fact["text"]):
        return fact["text"][:at], name, fact["text"][at:]
    head = _LEADING_WORD.match(fact["text"])
    if not name or head is None:
        return fact["text"], None, ""
    return fact["text"][: head.end()], name, fact["text"][head.end() :]


def origins(d: Mapping[str, Any], short: Mapping[str, str]) -> tuple[str, str, list[dict[str, Any]]]:
    """Why the story has as many independent sources as it says, for a reader.

    Returns a one-line note for the header ("002 and 003 are one origin: PTI"; empty when
    every document is its own origin), a sentence standing for the list when there is nothing
    to list (every document its own origin; empty otherwise), and one entry per origin family:
    ``label``, ``what`` ("documents 002, 003, one origin (confidence 0.68)", "its own origin")
    and the ``evidence`` sentences with short document names.
    """

    def shorten(text: str) -> str:
        for full, name in short.items():
            text = text.replace(full, name)
        return text

    published = {doc["id"]: doc.get("published") for doc in d["documents"]}
    rows: list[dict[str, Any]] = []
    shared: list[str] = []
    for f in d["families"]:
        members = [short.get(m, m) for m in f["members"]]
        label = family_label(f, published)
        if len(members) > 1:
            what = f"documents {', '.join(members)}, one origin (confidence {f['confidence']:.2f})"
        else:
            what = f"document {members[0]}" if label else "its own origin"
        rows.append(
            {
                "label": label or short.get(f["origin"], f["origin"]),
                "what": what,
                "evidence": [shorten(e["description"]) for e in f["evidence"]],
            }
        )
        if len(members) > 1:
            names = ", ".join(members[:-1]) + " and " + members[-1]
            shared.append(f"{names} are one origin" + (f": {label}" if label else ""))
    alone = ""
    if len(rows) == len(d["documents"]):
        alone = (
            "Each document is its own origin: no shared wire copy, credit line or reused text was found."
            if len(rows) > 1
            else "One document."
        )
    return "; ".join(shared), alone, rows


def timeline_by_date(
    timeline: Sequence[Mapping[str, Any]],
) -> list[tuple[str, bool, list[Mapping[str, Any]]]]:
    """(date, inferred, entries): consecutive timeline entries of one date read as one line."""
    return [
        (date, inferred, list(same))
        for (date, inferred), same in groupby(
            timeline, key=lambda t: (t["date"], bool(t.get("date_inferred")))
        )
    ]


def short_ids(ids: Sequence[str], *, urls: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """Short reference names for documents: each id's fewest leading "_"-separated fields that
    no other id starts with ("002_a6f8…" → "002"; "wash-post_2015-11-15_carnage…" →
    "wash-post_2015-11-15" beside "wash-post_2015-11-17_…", and "nyt_…" → "nyt").

    An id that is an address (a feed item's guid, "https://site.example/?p=48211") is named by
    the slug of the article's address in ``urls``, else its own ("earthquake-kills-12"), or
    its query ("p=48211"): a citation reads ``[earthquake-kills-12:0-154]``, not the address.
    """
    urls = urls or {}
    base = {i: _address_name(urls.get(i) or i) if "://" in i else i for i in ids}
    names = list(base.values())
    out: dict[str, str] = {}
    for i, name in base.items():
        fields = name.split("_")
        for k in range(1, len(fields) + 1):
            head = "_".join(fields[:k])
            if not any(o != name and (o == head or o.startswith(head + "_")) for o in names):
                break
        out[i] = head
    if len(set(out.values())) != len(out):
        return {i: i for i in ids}  # repeated ids: nothing shorter is safe
    return out


_PAGE_SUFFIX = re.compile(r"(?i)\.(?:s?html?|php|aspx?|ece|cms)$")
_GENERIC_SLUGS = frozenset({"index", "article", "articles", "story", "news", "amp", "post", "item", "view"})


def _address_name(address: str) -> str:
    """A reader's name for a page address: its last path segment when it reads as words
    ("…/2025/07/01/earthquake-kills-12/" → "earthquake-kills-12"), else its query
    ("/?p=48211" → "p=48211"), else host and path."""
    parts = urlsplit(address)
    segments = [s for s in parts.path.split("/") if s]
    slug = _PAGE_SUFFIX.sub("", segments[-1]) if segments else ""
    if re.search(r"[A-Za-z]{3}", slug) and slug.lower() not in _GENERIC_SLUGS:
        return slug[:48]
    if parts.query:
        return parts.query[:48]
    host = (parts.hostname or "").removeprefix("www.")
    return "/".join([host, *segments]) or address


def to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as JSON types, in the order a reader needs it."""
    story = brief.story
    fam = family_map(story)
    doc_ids = [d.id for d in brief.documents]
    families = [
        {
            "id": f.id,
            "label": f.label,
            "origin": f.origin,
            "members": list(f.members),
            "confidence": f.confidence,
            "evidence": [
                {"kind": e.kind, "description": e.description, "documents": list(e.documents)}
                for e in f.evidence
            ],
        }
        for f in story.families
    ]
    known = {m for f in story.families for m in f.members}
    families += [
        {"id": d, "label": None, "origin": d, "members": [d], "confidence": 1.0, "evidence": []}
        for d in doc_ids
        if d not in known
    ]
    names = {e.id: e.name for e in brief.entities}
    superseded = {v.document: v for v in story.superseded}
    by_id = {d.id: d for d in brief.documents}
    return {
        "story": {
            "id": story.id,
            "headline": brief.headline,
            "event_date": brief.event_date,
            "documents": doc_ids,
            "independent_sources": story.sources_read(brief.documents),
        },
        "documents": [
            {
                "id": d.id,
                "source": d.source,
                "title": d.title,
                "published": d.published,
                "family": fam.get(d.id, d.id),
                "path": d.path,
                "url": d.url,
                "credit": d.credit,
                # the outlet's corrections and notes on its report, never claims of the story
                "notes": [
                    {"kind": n.kind, "citation": citation_dict(d.cite(n.start, n.end))} for n in d.notes
                ],
                "retracted": d.retracted,
                # an earlier version of a report: its outlet's later one is read instead
                "superseded_by": (
                    {"document": v.by, "reason": v.reason}
                    if (v := superseded.get(d.id)) is not None
                    else None
                ),
            }
            for d in brief.documents
        ],
        "families": families,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "roles": list(e.roles),
                "documents": list(e.documents),
            }
            for e in brief.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "speaker": q.speaker,
                "speaker_name": names.get(q.speaker) if q.speaker else None,
                "speaker_text": q.speaker_text,
                "text": q.text,
                "kind": q.kind,
                "documents": list(q.documents),
                "citations": [citation_dict(c) for c in q.citations],
                "said_on": None
                if q.said_on is None
                else {
                    "date": q.said_on.date,
                    "citation": citation_dict(q.said_on.citation),
                    "inferred": q.said_on.inferred,
                },
                "first_reported": q.first_reported,
                "unnamed": q.unnamed,
                "variants": [
                    {
                        "text": v.text,
                        "documents": list(v.documents),
                        "citations": [citation_dict(c) for c in v.citations],
                        "verbatim": v.verbatim,
                        "kind": v.kind,
                        "diff": [{"op": op, "text": t} for op, t in v.diff],
                    }
                    for v in q.variants
                ],
            }
            for q in brief.quotes
        ],
        "facts": [
            {
                "id": f.id,
                "text": f.text,
                "citations": [citation_dict(c) for c in f.citations],
                "documents": list(f.documents),
                "independent_sources": f.independent_sources,
                "families": list(f.families),
                "status": f.status,
                "score": f.score,
                "antecedent": f.antecedent,
                "antecedent_at": f.antecedent_at,
                "unnamed": list(f.unnamed),
                "hedged": [
                    {
                        "kind": h.kind,
                        "citation": citation_dict(Citation(h.document, h.start, h.end, h.text)),
                        # the words the cue bears on, so a reader sees what the report doubts
                        "scope": citation_dict(by_id[h.document].cite(h.scope.start, h.scope.end))
                        if h.scope is not None and h.document in by_id
                        else None,
                    }
                    for h in f.hedged
                ],
                "single_source_details": [citation_dict(c) for c in f.single_source_details],
            }
            for f in brief.facts
        ],
        "conflicts": [
            {
                "id": c.id,
                "kind": c.kind,
                "description": c.description,
                "fact": c.fact,
                "sides": [
                    {"value": s.value, "citations": [citation_dict(x) for x in s.citations]} for s in c.sides
                ],
            }
            for c in brief.conflicts
        ],
        "timeline": [
            {
                "date": t.date,
                "date_inferred": t.inferred,
                "text": t.text,
                "citations": [citation_dict(c) for c in t.citations],
            }
            for t in brief.timeline
        ],
        "summary": [
            {"text": s.text, "citations": [citation_dict(c) for c in s.citations]} for s in brief.summary
        ],
        "coverage": {
            "documents": doc_ids,
            "families": [fam.get(d, d) for d in doc_ids],
            "rows": [
                {"fact": f.id, "status": f.status, "cells": [1 if d in f.documents else 0 for d in doc_ids]}
                for f in brief.facts
            ],
        },
        "single_source": [f.id for f in brief.facts if f.status == "single_source"],
        # how the reports are sourced, never claims: unnamed sources, why, who gave no comment,
        # and what a report says it could not verify
        "sourcing": [
            {
                "document": n.document,
                "kind": n.kind,
                "detail": n.detail,
                "who": n.who,
                "who_name": names.get(n.who) if n.who else None,
                "citation": citation_dict(by_id[n.document].cite(n.start, n.end)),
                "who_citation": citation_dict(by_id[n.document].cite(n.who_span.start, n.who_span.end))
                if n.who_span is not None
                else None,
            }
            for n in brief.sourcing
            if n.document in by_id
        ],
    }


def unnamed_note(f: Mapping[str, Any], short: Mapping[str, str]) -> str:
    """ "unnamed sources in 3 of 4 documents (bloomberg, herald, reuters)" for a fact some of
    whose reports rest on sources they do not name, else ""."""
    docs = f.get("unnamed") or []
    if not docs:
        return ""
    which = ", ".join(short.get(x, x) for x in docs)
    n = len(f["documents"])
    return (
        f"unnamed sources in {len(docs)} of {n} documents ({which})"
        if n > 1
        else f"unnamed sources ({which})"
    )


def hedged_note(f: Mapping[str, Any], short: Mapping[str, str]) -> str:
    """ "hedged in 2 of 3 documents: “allegedly” (ap), “suspected of” (times)" for a fact some of
    whose reports say less than that it is so; "hedged: “reportedly”" for a one-report fact; else ""."""
    cues = f.get("hedged") or []
    if not cues:
        return ""
    n = len(f["documents"])
    if n == 1:
        return "hedged: " + ", ".join(dict.fromkeys(f"“{h['citation']['text']}”" for h in cues))
    by_words: dict[str, list[str]] = {}
    for h in cues:
        by_words.setdefault(" ".join(h["citation"]["text"].lower().split()), []).append(
            short.get(h["citation"]["document"], h["citation"]["document"])
        )
    which = ", ".join(f"“{w}” ({', '.join(docs)})" for w, docs in by_words.items())
    if len(cues) < n:
        return f"hedged in {len(cues)} of {n} documents: {which}"
    return f"hedged in {'both' if n == 2 else f'all {n}'} documents: {which}"


def details_note(f: Mapping[str, Any], short: Mapping[str, str]) -> str:
    """ "only one source tells “argument over an unpaid tab” (ap)" for a fact backed by several
    origins whose wording carries details only its own origin tells; else ""."""
    details = [c for c in f.get("single_source_details") or [] if isinstance(c, dict) and c.get("text")]
    if not details:
        return ""
    words = " and ".join(dict.fromkeys(f"“{c['text']}”" for c in details))
    docs = ", ".join(dict.fromkeys(short.get(c["document"], c["document"]) for c in details))
    return f"only one source tells {words} ({docs})"


def unnamed_by_document(d: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]], list[dict[str, Any]]]]:
    """(document, citations of the distinct words describing its unnamed sources, citations of
    why it does not name them), for every document with either, in document order."""
    out = []
    for doc in d["documents"]:
        notes = [n for n in d.get("sourcing", ()) if n["document"] == doc["id"]]
        seen: set[str] = set()
        words = []
        for n in notes:
            key = " ".join(n["citation"]["text"].lower().split())
            if n["kind"] == "unnamed source" and key not in seen:
                seen.add(key)
                words.append(n["citation"])
        why = [n["citation"] for n in notes if n["kind"] == "anonymity"]
        if words or why:
            out.append((doc["id"], words, why))
    return out


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


def unverified_by_document(d: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """(document, citations of the sentences in which it says it could not verify what it
    tells) for every document with one, in document order."""
    out = []
    for doc in d["documents"]:
        said = [
            n["citation"]
            for n in d.get("sourcing", ())
            if n["document"] == doc["id"] and n["kind"] == "unverified"
        ]
        if said:
            out.append((doc["id"], said))
    return out


def no_comments(d: Mapping[str, Any]) -> list[tuple[str, list[tuple[str, list[dict[str, Any]]]]]]:
    """(who, [(what they did: "declined", "did not respond", …, citations)]) per one asked for
    comment, in the order first asked: a reader sees at once who has said nothing yet."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for n in d.get("sourcing", ()):
        if n["kind"] != "no comment":
            continue
        cite = n.get("who_citation")
        words = " ".join(str(cite.get("text", "")).split()) if cite else ""
        # a pronoun the parse gave as the subject names no one on its own
        who = n.get("who_name") or (
            "someone" if not words else f"someone (“{words}”)" if words.lower() in _PRONOUNS else words
        )
        out.setdefault(who, {}).setdefault(n.get("detail") or "no comment", []).append(n["citation"])
    return [(who, list(details.items())) for who, details in out.items()]


def outlet_notes(d: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every document's notes on itself, in document order: ``{"document", "kind", "citation"}``."""
    return [
        {"document": doc["id"], "kind": n["kind"], "citation": n["citation"]}
        for doc in d["documents"]
        for n in doc.get("notes", ())
    ]


def superseded_line(doc: Mapping[str, Any], short: Mapping[str, str]) -> str | None:
    """What a reader is told of an earlier version of a report, or None for any other document."""
    v = doc.get("superseded_by")
    if not v:
        return None
    return (
        f"an earlier version of {short.get(v['document'], v['document'])}, which supersedes it "
        f"({v['reason']}); left out of the facts, quotes and timeline"
    )


def rejected_dict(r: Rejected) -> dict[str, Any]:
    return {"path": r.path, "line": r.line, "code": r.code, "reason": r.reason}


def ordered(briefs: Sequence[Brief]) -> list[Brief]:
    """Largest story first (documents, then independent sources), stable otherwise."""
    return sorted(briefs, key=lambda b: (-len(b.documents), -b.story.sources_read(b.documents)))


def contents(briefs: Sequence[Brief]) -> list[dict[str, Any]]:
    """One line's worth per story, in the order the briefs are written (:func:`ordered`): what
    a reader of many stories scans first, and the id that ``crosswire brief --story`` takes."""
    rows = []
    for b in ordered(briefs):
        dates = sorted(d.published[:10] for d in b.documents if d.published)
        rows.append(
            {
                "id": b.story.id,
                "headline": b.headline,
                "event_date": b.event_date,
                "published": (dates[0], dates[-1]) if dates else None,
                "documents": len(b.documents),
                "independent_sources": b.story.sources_read(b.documents),
                "conflicts": sum(1 for c in b.conflicts if c.kind != "update"),
                "updates": sum(1 for c in b.conflicts if c.kind == "update"),
            }
        )
    return rows


def contents_line(row: Mapping[str, Any]) -> str:
    """What a contents entry says after its headline: "7 documents, 6 independent sources,
    1 update; event 2025-07-01, reports 2025-07-01 – 2025-07-02"."""
    parts = [counted(row["documents"], "document"), counted(row["independent_sources"], "independent source")]
    parts += [counted(row[k], k[:-1]) for k in ("conflicts", "updates") if row[k]]
    when = []
    if row["event_date"]:
        when.append(f"event {row['event_date']}")
    if row["published"]:
        first, last = row["published"]
        when.append(f"reports {first}" + (f" – {last}" if last != first else ""))
    return ", ".join(parts) + ("; " + ", ".join(when) if when else "")


def render_json(briefs: Sequence[Brief], *, rejected: Sequence[Rejected]) -> str:
    payload = {
        "schema": SCHEMA,
        "stories": [to_dict(b) for b in ordered(briefs)],
        "rejected": [rejected_dict(r) for r in rejected],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
