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

__all__ = ["clusters_json", "render_clusters"]

_SNIPPET = 72


def _snippet(doc: Document) -> str:
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
            }
            for sd in story_docs
        ],
        "rejected": [{"path": r.path, "line": r.line, "code": r.code, "reason": r.reason} for r in rejected],
    }


def _family_line(f: Family, published: dict[str, str | None]) -> str:
    label = family_label(_family_json(f), published) or f.origin or f.id
    evidence = (
        "; ".join(e.description for e in f.evidence) or "independent: shares no text, credit or publisher"
    )
    return f"    family {label}: {', '.join(f.members)} — {evidence}"


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
        for a in sd.documents:
            d = a.document
            who = source_name({"source": d.source, "url": d.url}) or d.credit or "-"
            lines.append(f"  {d.id:<24} {(d.published or '-')[:10]:<10}  {who[:20]:<20}  {_snippet(d)}")
        if s.families:
            lines.append("  families:")
            published = {a.document.id: a.document.published for a in sd.documents}
            lines.extend(_family_line(f, published) for f in s.families)
        for dup in s.duplicates:
            lines.append(
                f"  duplicate: {dup.document} repeats {dup.of} ({dup.kind}, similarity {dup.similarity:.2f})"
            )
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
