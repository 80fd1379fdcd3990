"""The ``crosswire cluster`` report: stories, their origin families and duplicates, and rejects.

Input → output: ``Sequence[StoryDocs]`` + ``Sequence[Rejected]`` → a text table or a JSON
document (``fmt="table"|"json"``), returned as one string ending in a newline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from crosswire.errors import ConfigError
from crosswire.labels import counted, family_label, source_name
from crosswire.models import AnnotatedDocument, Document, Family, Rejected, StoryDocs

__all__ = ["clusters_json", "render_clusters", "snippet"]

_SNIPPET = 72


def snippet(doc: Document) -> str:
    """The title, else the opening words of the body, on one line."""
    text = " ".join((doc.title or doc.body).split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rstrip() + "…"


def _doc_json(a: AnnotatedDocument) -> dict[str, Any]:
    d = a.document
    return {
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "source": d.source,
        "url": d.url,
        "credit": d.credit,
        "published": d.published,
        "words": d.words,
    }


def _family_json(f: Family) -> dict[str, Any]:
    return {
        "id": f.id,
        "label": f.label,
        "origin": f.origin,
        "members": list(f.members),
        "confidence": round(f.confidence, 3),
        "evidence": [
            {
                "kind": e.kind,
                "description": e.description,
                "documents": list(e.documents),
                "score": round(e.score, 3),
            }
            for e in f.evidence
        ],
    }


def clusters_json(story_docs: Sequence[StoryDocs], *, rejected: Sequence[Rejected]) -> dict[str, Any]:
    """The JSON-ready report (what ``fmt="json"`` serialises)."""
    return {
        "stories": [
            {
                "id": sd.story.id,
                "documents": [_doc_json(a) for a in sd.documents],
                "independent_sources": sd.story.independent_sources,
                "families": [_family_json(f) for f in sd.story.families],
                "duplicates": [
                    {"document": d.document, "of": d.of, "kind": d.kind, "similarity": round(d.similarity, 3)}
                    for d in sd.story.duplicates
                ],
                "superseded": [
                    {"document": v.document, "by": v.by, "reason": v.reason} for v in sd.story.superseded
                ],
            }
            for sd in story_docs
        ],
        "rejected": [{"path": r.path, "line": r.line, "code": r.code, "reason": r.reason} for r in rejected],
    }


def _family_lines(families: Sequence[Family], published: dict[str, str | None]) -> list[str]:
    """The families that join reports, each with its evidence; then, on one line, the reports
    that are sources on their own (a line each made a story of ten outlets ten lines of "shares
    no text, credit or publisher")."""
    joined = [f for f in families if len(f.members) > 1 or f.evidence]
    alone = [m for f in families if f not in joined for m in f.members]
    lines = ["  families:"] if joined else []
    for f in joined:
        label = family_label(_family_json(f), published) or f.origin or f.id
        evidence = "; ".join(e.description for e in f.evidence)
        lines.append(f"    family {label}: {', '.join(f.members)}" + (f" — {evidence}" if evidence else ""))
    if alone and joined:
        lines.append(f"    on their own: {', '.join(alone)} (no text, credit or publisher shared)")
    elif len(alone) > 1:
        lines.append("  families: none; each report is its own source (no text, credit or publisher shared)")
    return lines


def _table(story_docs: Sequence[StoryDocs], rejected: Sequence[Rejected]) -> str:
    lines: list[str] = []
    n_docs = sum(len(sd.documents) for sd in story_docs)
    lines.append(
        f"{len(story_docs)} {'story' if len(story_docs) == 1 else 'stories'} from {n_docs} documents"
    )
    for sd in story_docs:
        s = sd.story
        lines.append("")
        sources = s.independent_sources
        lines.append(
            f"{s.id}  {counted(len(s.documents), 'document')}, {counted(sources, 'independent source')}"
        )
        # ids are printed whole (``brief --story`` takes them), so the column fits the longest
        width = max([24, *(len(a.document.id) for a in sd.documents)])
        for a in sd.documents:
            d = a.document
            who = source_name({"source": d.source, "url": d.url}) or d.credit or "-"
            lines.append(f"  {d.id:<{width}} {(d.published or '-')[:10]:<10}  {who[:20]:<20}  {snippet(d)}")
        published = {a.document.id: a.document.published for a in sd.documents}
        lines.extend(_family_lines(s.families, published))
        for dup in s.duplicates:
            lines.append(
                f"  duplicate: {dup.document} repeats {dup.of} ({dup.kind}, similarity {dup.similarity:.2f})"
            )
        for v in s.superseded:
            lines.append(f"  superseded: {v.document} is an earlier version of {v.by} ({v.reason})")
    if rejected:
        lines.append("")
        lines.append(f"rejected ({len(rejected)}):")
        lines.extend(f"  {r.where()}: {r.reason} [{r.code}]" for r in rejected)
    return "\n".join(lines) + "\n"


def render_clusters(
    story_docs: Sequence[StoryDocs],
    *,
    rejected: Sequence[Rejected] = (),
    fmt: Literal["table", "json"] | str = "table",
) -> str:
    """The report as a table (for people) or JSON (for programs)."""
    if fmt == "json":
        return json.dumps(clusters_json(story_docs, rejected=rejected), ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(story_docs, rejected)
    raise ConfigError(f"unknown cluster report format {fmt!r}: use 'table' or 'json'")
