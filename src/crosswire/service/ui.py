"""The web UI: server-rendered pages over the same store the API reads.

Input → output: HTTP GETs → HTML pages (story list, story brief, article with a highlighted
span, search, feed/folder admin); admin form posts → redirects. Pages work without
JavaScript; ``static/app.js`` only refreshes a stale brief and remembers the admin token.

Article text is untrusted: templates autoescape everything, and the one place HTML is built
here (:func:`highlighted`) escapes each piece before adding ``<mark>``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from crosswire.brief.json_out import (
    NOTES_INTRO,
    RETRACTED,
    SOURCING_INTRO,
    SOURCING_TITLE,
    details_note,
    fact_reading,
    hedged_note,
    no_comments,
    unnamed_by_document,
    unnamed_note,
    unverified_by_document,
)
from crosswire.brief.quotes import shown_variants, speaker_label
from crosswire.labels import family_label, source_name
from crosswire.service.auth import verify_token
from crosswire.service.cache import ResponseCache
from crosswire.store.records import PRIVATE_MARK_END, PRIVATE_MARK_START, StoryInfo, StoryQuery

__all__ = ["brief_view", "highlighted", "lead", "router", "templates", "when"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("crosswire.service").joinpath("templates")))
PAGE = 20


# ------------------------------------------------------------------------- view helpers


def highlighted(text: str, start: int | None, end: int | None) -> Markup:
    """``text`` escaped, with ``[start, end)`` wrapped in ``<mark id="hl">`` when it is a valid span."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return Markup(escape(text))
    return Markup(
        f'{escape(text[:start])}<mark id="hl" class="hl">{escape(text[start:end])}</mark>{escape(text[end:])}'
    )


def marked_snippet(snippet: str) -> Markup:
    """A search snippet escaped, then its private-use match marks turned into ``<mark>``."""
    safe = str(escape(snippet))
    return Markup(safe.replace(PRIVATE_MARK_START, "<mark>").replace(PRIVATE_MARK_END, "</mark>"))


def citation_url(c: dict[str, Any]) -> str:
    return f"/article/{quote(str(c.get('document', '')), safe='')}?start={int(c.get('start', 0))}&end={int(c.get('end', 0))}#hl"


@dataclass(slots=True)
class Cite:
    n: int  # the document's number in this story
    label: str  # its source, for the tooltip
    text: str
    url: str


@dataclass(slots=True)
class BriefView:
    """The brief JSON of one story, shaped for the template (every section optional)."""

    headline: str
    event_date: str | None
    documents: list[dict[str, Any]]
    summary: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    families: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    coverage: list[dict[str, Any]] = field(default_factory=list)  # rows: fact → one cell per document
    notes: list[dict[str, Any]] = field(default_factory=list)  # the outlets' corrections and notes
    # per document, its unnamed sources and why; per one asked, their no-comments
    unnamed: list[dict[str, Any]] = field(default_factory=list)
    no_comments: list[dict[str, Any]] = field(default_factory=list)
    unverified: list[dict[str, Any]] = field(default_factory=list)


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


def _diff(value: Any) -> list[tuple[str, str]]:
    """A word diff as ``(op, text)`` pairs, from ``{"op", "text"}`` objects or ``[op, text]`` pairs."""
    out = []
    for part in _list(value):
        if isinstance(part, dict):
            out.append((str(part.get("op", "equal")), str(part.get("text", ""))))
        elif isinstance(part, list | tuple) and len(part) == 2:
            out.append((str(part[0]), str(part[1])))
    return out


def brief_view(brief: dict[str, Any]) -> BriefView:
    """Number the documents, resolve citations to links, and build the coverage matrix."""
    story = brief.get("story") or {}
    docs: list[dict[str, Any]] = [
        dict(d) if isinstance(d, dict) else {"id": str(d)} for d in _list(brief.get("documents"))
    ]
    if not docs:
        docs = [{"id": str(i)} for i in _list(story.get("documents"))]
    number = {str(d.get("id")): i + 1 for i, d in enumerate(docs)}
    for d in docs:
        d["n"] = number[str(d.get("id"))]
        d["label"] = source_name(d) or d.get("site_name") or d.get("credit") or d.get("id")
        d["url_local"] = f"/article/{quote(str(d.get('id')), safe='')}"
    label = {str(d.get("id")): str(d["label"]) for d in docs}
    names = {
        str(e.get("id")): str(e.get("name")) for e in _list(brief.get("entities")) if isinstance(e, dict)
    }

    def cites(items: Any) -> list[Cite]:
        out = []
        for c in _list(items):
            if not isinstance(c, dict):
                continue
            doc = str(c.get("document"))
            out.append(Cite(number.get(doc, 0), label.get(doc, doc), str(c.get("text", "")), citation_url(c)))
        # In document order, so "1 2 2 4" reads as which sources say it.
        return sorted(out, key=lambda c: c.n)

    def with_cites(items: Any) -> list[dict[str, Any]]:
        out = []
        for item in _list(items):
            if isinstance(item, dict):
                item = dict(item)
                item["cites"] = cites(item.get("citations"))
                out.append(item)
        return out

    conflicts = []
    for c in with_cites(brief.get("conflicts")):
        c["sides_view"] = [
            {"value": s.get("value"), "cites": cites(s.get("citations"))}
            for s in _list(c.get("sides"))
            if isinstance(s, dict)
        ]
        conflicts.append(c)
    quotes = []
    for q in with_cites(brief.get("quotes")):
        name = names.get(str(q.get("speaker")))
        q["speaker_name"] = (
            speaker_label({**q, "speaker_name": name})
            if q.get("unnamed")
            else name or q.get("speaker_text") or "unattributed"
        )
        # the group's own wording plus the variants worth a line (not a wrapper around another)
        worth = {id(v) for v in shown_variants(q)}
        q["variants_view"] = [
            {
                **v,
                "cites": cites(v.get("citations")),
                "diff": [tuple(p) for p in _list(v.get("diff")) if len(p) == 2],
            }
            for v in _list(q.get("variants"))
            if isinstance(v, dict) and (v.get("text") == q.get("text") or id(v) in worth)
        ]
        quotes.append(q)
    facts = with_cites(brief.get("facts"))
    for f in facts:
        # "He [Pete Hegseth] said …": the template prints the three pieces, the name as a note
        head, note, tail = fact_reading(
            {
                "text": str(f.get("text", "")),
                "antecedent": f.get("antecedent"),
                "antecedent_at": f.get("antecedent_at"),
            },
            names,
        )
        f["reading"] = {"head": head, "note": note, "tail": tail}
        f["unnamed_note"] = unnamed_note(
            {"unnamed": _list(f.get("unnamed")), "documents": _list(f.get("documents"))}, label
        )
        # a brief stored before revision 7 has no cues: no note rather than a guess
        cues = [
            h for h in _list(f.get("hedged")) if isinstance(h, dict) and isinstance(h.get("citation"), dict)
        ]
        f["hedged_note"] = hedged_note({"hedged": cues, "documents": _list(f.get("documents"))}, label)
        # (a brief stored before revision 8 names no details: no note)
        f["details_note"] = details_note(
            {"single_source_details": _list(f.get("single_source_details"))}, label
        )
    coverage = []
    for f in facts:
        cited = {c.get("document") for c in _list(f.get("citations")) if isinstance(c, dict)}
        cited |= {str(x) for x in _list(f.get("documents"))}
        coverage.append(
            {
                "text": f.get("text", ""),
                "status": f.get("status", ""),
                "cells": [str(d.get("id")) in cited for d in docs],
            }
        )
    notes = [
        {
            "kind": n.get("kind"),
            "text": " ".join(str(note_cite.get("text", "")).split()),
            "cites": cites([note_cite]),
        }
        for d in docs
        for n in _list(d.get("notes"))
        if isinstance(n, dict) and isinstance(note_cite := n.get("citation"), dict)
    ]
    sourced = {
        "documents": docs,
        "sourcing": [n for n in _list(brief.get("sourcing")) if isinstance(n, dict)],
    }
    unnamed = [
        {
            "document": label.get(doc_id, doc_id),
            "n": number.get(doc_id, 0),
            "words": [{"text": " ".join(str(c.get("text", "")).split()), "cites": cites([c])} for c in words],
            "why": [{"text": " ".join(str(c.get("text", "")).split()), "cites": cites([c])} for c in why],
        }
        for doc_id, words, why in unnamed_by_document(sourced)
    ]
    silent = [
        {"who": who, "details": [{"what": what, "cites": cites(c)} for what, c in details]}
        for who, details in no_comments(sourced)
    ]
    unverified = [
        {
            "document": label.get(doc_id, doc_id),
            "said": [{"text": " ".join(str(c.get("text", "")).split()), "cites": cites([c])} for c in said],
        }
        for doc_id, said in unverified_by_document(sourced)
    ]
    families = []
    published = {str(d.get("id")): d.get("published") for d in docs}
    for fam in _list(brief.get("families")):
        if isinstance(fam, dict):
            fam = dict(fam)
            fam["label"] = family_label(fam, published)
            fam["member_numbers"] = [number.get(str(m), 0) for m in _list(fam.get("members"))]
            families.append(fam)
    return BriefView(
        headline=str(story.get("headline") or brief.get("headline") or ""),
        event_date=story.get("event_date") or brief.get("event_date"),
        documents=docs,
        summary=with_cites(brief.get("summary")),
        facts=facts,
        conflicts=conflicts,
        quotes=quotes,
        timeline=with_cites(brief.get("timeline")),
        notes=notes,
        unnamed=unnamed,
        no_comments=silent,
        unverified=unverified,
        families=families,
        entities=[e for e in _list(brief.get("entities")) if isinstance(e, dict)],
        coverage=coverage,
    )


def lead(text: str, *, limit: int = 90) -> str:
    """The first words of an article, cut at a word boundary: a name for an untitled document."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _span(story: StoryInfo) -> str:
    if not story.first_date:
        return "date unknown"
    if story.last_date and story.last_date != story.first_date:
        return f"{story.first_date} – {story.last_date}"
    return story.first_date


def when(iso: str | None) -> str:
    """An ISO timestamp as a reader wants it: ``2025-07-01 14:03 UTC``."""
    if not iso:
        return "never"
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if t.tzinfo is not None:
        t = t.astimezone(UTC)
    return t.strftime("%Y-%m-%d %H:%M UTC")


templates.env.globals.update(span=_span, marked_snippet=marked_snippet)
templates.env.filters["when"] = when


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


# ------------------------------------------------------------------------- pages


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def story_list(
    request: Request,
    q: str | None = None,
    source: str | None = None,
    entity: str | None = None,
    date_from: str | None = Query(None, alias="from"),
    date_to: str | None = Query(None, alias="to"),
    sources: str | None = None,
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    # "2+ independent sources": a form's empty or odd choice means any, not a 422 page
    min_sources = int(sources) if sources and sources.isdigit() and int(sources) > 1 else None
    filters = {
        "q": q,
        "source": source,
        "entity": entity,
        "from": date_from,
        "to": date_to,
        "sources": str(min_sources) if min_sources else None,
    }
    query = StoryQuery(
        date_from=date_from or None,
        date_to=date_to or None,
        source=source or None,
        entity=entity or None,
        text=q or None,
        min_sources=min_sources or 1,
        limit=PAGE,
        offset=(page - 1) * PAGE,
    )
    stories, total = request.app.state.store.list_stories(query)
    pages = max(1, math.ceil(total / PAGE))
    keep = {k: v for k, v in filters.items() if v}
    return _page(
        request,
        "stories.html",
        {
            "stories": stories,
            "total": total,
            "page": page,
            "pages": pages,
            "filters": filters,
            "prev_url": f"/?{urlencode({**keep, 'page': page - 1})}" if page > 1 else None,
            "next_url": f"/?{urlencode({**keep, 'page': page + 1})}" if page < pages else None,
            "filtered": bool(keep),
        },
    )


@router.api_route("/story/{story_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> Response:
    store = request.app.state.store
    story = store.get_story(story_id)
    if story is None:
        moved = store.story_moved_to(story_id)
        if moved is not None:  # merged into another story, or emptied by a regrouping
            return RedirectResponse(request.url.path.replace(story_id, moved, 1), status_code=307)
        return _page(
            request,
            "error.html",
            {"title": "No such story", "message": f"There is no story {story_id}."},
            404,
        )
    cache: ResponseCache = request.app.state.page_cache
    key = (story.id, story.updated_at, story.stale)
    if story.updated_at is not None and (cached := cache.get(key)) is not None:
        return HTMLResponse(cached)
    brief = store.get_brief(story_id)
    view = brief_view(brief) if brief else None
    documents = store.list_documents(limit=500, story_id=story_id) if view is None else []
    leads: dict[str, str] = {}
    if view is not None:
        # Articles without a title are named by their first words.
        untitled = [str(d.get("id")) for d in view.documents if not d.get("title")]
        leads = {d.id: lead(d.text) for d in store.get_documents(untitled)}
    page = _page(
        request,
        "story.html",
        {
            "story": story,
            "view": view,
            "pending_documents": documents,
            "leads": leads,
            "notes_intro": NOTES_INTRO,
            "retracted": RETRACTED,
            "sourcing_intro": SOURCING_INTRO,
            "sourcing_title": SOURCING_TITLE,
        },
    )
    if story.updated_at is not None:
        cache.put(key, bytes(page.body))
    return page


@router.api_route("/article/{document_id:path}", methods=["GET", "HEAD"], response_class=HTMLResponse)
def article_page(
    request: Request,
    document_id: str,
    start: int | None = Query(None, ge=0),
    end: int | None = Query(None, ge=0),
) -> HTMLResponse:
    store = request.app.state.store
    doc = store.get_document(document_id)
    if doc is None:
        return _page(
            request,
            "error.html",
            {"title": "No such article", "message": f"There is no document {document_id}."},
            404,
        )
    bad_span = start is not None and end is not None and not 0 <= start <= end <= len(doc.text)
    return _page(
        request,
        "article.html",
        {
            "doc": doc,
            "name": doc.title or lead(doc.text, limit=120),
            "story_id": store.document_story(doc.id),
            "body": highlighted(doc.text, start, end),
            "has_highlight": start is not None and end is not None and not bad_span,
            "bad_span": bad_span,
        },
    )


@router.api_route("/find", methods=["GET", "HEAD"], response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    hits = request.app.state.store.search(q, limit=50) if q.strip() else []
    return _page(request, "search.html", {"q": q, "hits": hits})


@router.api_route("/admin", methods=["GET", "HEAD"], response_class=HTMLResponse)
def admin_page(request: Request, msg: str | None = None, error: str | None = None) -> HTMLResponse:
    store = request.app.state.store
    return _page(
        request,
        "admin.html",
        {
            "feeds": store.list_feeds(),
            "folders": store.list_folders(),
            "msg": msg,
            "error": error,
            "documents": store.count_documents(),
            "pending": request.app.state.worker.pending(),
            "token_required": request.app.state.token_required,
        },
    )


def _admin_redirect(**params: str) -> RedirectResponse:
    return RedirectResponse(f"/admin?{urlencode(params)}", status_code=303)


def _check_form_token(request: Request, token: str) -> RedirectResponse | None:
    if request.app.state.token_required and not verify_token(request.app.state.store, token.strip()):
        return _admin_redirect(error="That token is not valid. Create one with `crosswire token create`.")
    return None


@router.post("/admin/feeds")
def admin_add_feed(
    request: Request, url: str = Form(...), interval: float = Form(900.0), token: str = Form("")
) -> RedirectResponse:
    from crosswire.service.api import check_feed_url

    if (denied := _check_form_token(request, token)) is not None:
        return denied
    try:
        feed = request.app.state.store.add_feed(check_feed_url(url), interval=max(interval, 30.0))
    except HTTPException as exc:
        return _admin_redirect(error=str(exc.detail))
    request.app.state.worker.poll_now()
    return _admin_redirect(msg=f"Watching feed {feed.url}")


@router.post("/admin/folders")
def admin_add_folder(
    request: Request, path: str = Form(...), interval: float = Form(60.0), token: str = Form("")
) -> RedirectResponse:
    from crosswire.service.api import check_folder

    if (denied := _check_form_token(request, token)) is not None:
        return denied
    try:
        folder = request.app.state.store.add_folder(check_folder(path), interval=max(interval, 1.0))
    except HTTPException as exc:
        return _admin_redirect(error=str(exc.detail))
    request.app.state.worker.poll_now()
    return _admin_redirect(msg=f"Watching folder {folder.path}")


@router.post("/admin/{kind}/{item_id}/delete")
def admin_delete(request: Request, kind: str, item_id: int, token: str = Form("")) -> RedirectResponse:
    if (denied := _check_form_token(request, token)) is not None:
        return denied
    store = request.app.state.store
    if kind == "feeds":
        found = store.delete_feed(item_id)
    elif kind == "folders":
        found = store.delete_folder(item_id)
    else:
        raise HTTPException(404)
    return _admin_redirect(msg="Stopped watching." if found else "It was already gone.")
