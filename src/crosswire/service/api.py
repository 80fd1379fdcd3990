"""The JSON API: post documents, read stories and briefs, search, watch feeds and folders.

Input → output: HTTP requests → JSON (documented in the OpenAPI schema at ``/openapi.json``).
Writes need ``Authorization: Bearer <token>`` (see :mod:`crosswire.service.auth`); reads do not.
Heavy work never runs here: accepted documents are queued for the worker.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel, Field

from crosswire.errors import InputError
from crosswire.ledger import Ledger
from crosswire.service.auth import verify_token
from crosswire.service.security import CSP_BRIEF_HTML, safe_upload_name, safe_upload_path
from crosswire.service.worker import store_documents
from crosswire.store.records import PRIVATE_MARK_END, PRIVATE_MARK_START, StoryInfo, StoryQuery

__all__ = ["require_token", "router"]

router = APIRouter()
BRIEF_SCHEMA = "crosswire/1"


# ------------------------------------------------------------------------- models


class Duplicate(BaseModel):
    id: str = Field(description="id of the posted document")
    of: str = Field(description="id of the stored document it repeats")
    match: Literal["id", "url", "text"]
    message: str


class NewVersion(BaseModel):
    id: str = Field(description="id the changed document is stored under: `<id>~v2`, `<id>~v3`, …")
    supersedes: str = Field(description="id of the stored version it replaces in the story's brief")
    message: str


class Reject(BaseModel):
    where: str
    code: str
    reason: str


class ItemResult(BaseModel):
    item: str = Field(description="record index (`request[3]`) or uploaded file name")
    accepted: list[str] = Field(description="ids of new documents, queued for clustering")
    versions: list[NewVersion] = Field(
        default_factory=list,
        description="accepted documents that are a changed version of a stored one (same id or URL, other words)",
    )
    duplicates: list[Duplicate]
    rejected: list[Reject]


class IngestResponse(BaseModel):
    accepted: int
    duplicates: int
    rejected: int
    results: list[ItemResult]


class StoryOut(BaseModel):
    id: str
    headline: str
    first_date: str | None
    last_date: str | None
    documents: int
    independent_sources: int
    conflicts: int
    updates: int = Field(0, description="figures a later report updates (a rising toll); not conflicts")
    corrections: int = Field(0, description="reports their outlets corrected, clarified or retracted")
    unnamed: int = Field(
        0, description="corroborated facts every report of which rests on sources it does not name"
    )
    stale: bool = Field(description="true while a newer brief is being computed")
    updated_at: str | None = Field(description="when the brief was computed; null before the first one")
    error: str | None = None


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    stories: list[StoryOut]


class BriefOut(BaseModel):
    """Exactly the brief JSON of ``docs/brief.schema.json``; freshness is in the headers
    ``X-Crosswire-Stale`` and ``X-Crosswire-Updated-At`` (the schema admits no extra keys)."""

    schema_: str = Field(alias="schema", serialization_alias="schema")
    stories: list[dict[str, Any]] = Field(
        description="the story's last computed brief; empty before the first one"
    )
    rejected: list[dict[str, Any]] = Field(description="always empty here (rejects are reported by POST)")

    model_config = {"populate_by_name": True}


class Highlight(BaseModel):
    start: int
    end: int
    text: str


class DocumentOut(BaseModel):
    id: str
    text: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    author: str | None
    path: str
    format: str
    story_id: str | None
    highlight: Highlight | None


class DocumentRow(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    story_id: str | None
    added_at: str


class Hit(BaseModel):
    document: str
    title: str | None
    source: str | None
    story_id: str | None
    snippet: str
    highlights: list[tuple[int, int]] = Field(description="[start, end) of the matched words in `snippet`")


class SearchOut(BaseModel):
    q: str
    hits: list[Hit]


class FeedIn(BaseModel):
    url: str = Field(description="http(s) URL of an RSS or Atom feed")
    interval: float = Field(900.0, ge=30, description="seconds between polls")


class FeedOut(BaseModel):
    id: int
    url: str
    interval: float
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    last_error: str | None


class FolderIn(BaseModel):
    path: str = Field(description="absolute path of a folder on the server")
    interval: float = Field(60.0, ge=1, description="seconds between scans")


class FolderOut(BaseModel):
    id: int
    path: str
    interval: float
    last_scanned: str | None
    last_error: str | None
    files: int


class Deleted(BaseModel):
    deleted: str
    story_recomputed: str | None = None


# ------------------------------------------------------------------------- helpers


def require_token(request: Request) -> None:
    """Dependency of every write endpoint: a valid bearer token, unless the app was built without."""
    if not request.app.state.token_required:
        return
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not verify_token(request.app.state.store, token.strip()):
        raise HTTPException(
            401,
            "a valid token is needed: create one with `crosswire token create` and send `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": "Bearer"},
        )


def story_out(s: StoryInfo) -> StoryOut:
    return StoryOut(
        id=s.id,
        headline=s.headline,
        first_date=s.first_date,
        last_date=s.last_date,
        documents=s.documents,
        independent_sources=s.independent_sources,
        conflicts=s.conflicts,
        updates=s.updates,
        corrections=s.corrections,
        unnamed=s.unnamed,
        stale=s.stale,
        updated_at=s.updated_at,
        error=s.error,
    )


def split_marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """Remove the private-use match marks, returning the plain snippet and the marked ranges."""
    out: list[str] = []
    ranges: list[tuple[int, int]] = []
    pos, start = 0, -1
    for ch in snippet:
        if ch == PRIVATE_MARK_START:
            start = pos
        elif ch == PRIVATE_MARK_END:
            if start >= 0:
                ranges.append((start, pos))
            start = -1
        else:
            out.append(ch)
            pos += 1
    return "".join(out), ranges


def _item_result(item: str, outcomes: list[Any], ledger: Ledger) -> ItemResult:
    return ItemResult(
        item=item,
        accepted=[o.document for o in outcomes if o.duplicate_of is None],
        versions=[
            NewVersion(
                id=o.document,
                supersedes=o.supersedes,
                message=f"a changed version of {o.supersedes} (same id or URL, other words), which it supersedes",
            )
            for o in outcomes
            if o.supersedes is not None and o.duplicate_of is None
        ],
        duplicates=[
            Duplicate(
                id=o.document,
                of=o.duplicate_of,
                match=o.match,
                message=f"duplicate of {o.duplicate_of} (same {o.match})",
            )
            for o in outcomes
            if o.duplicate_of is not None
        ],
        rejected=[Reject(where=r.where(), code=r.code, reason=r.reason) for r in ledger.rejected],
    )


def _summary(results: list[ItemResult]) -> IngestResponse:
    return IngestResponse(
        accepted=sum(len(r.accepted) for r in results),
        duplicates=sum(len(r.duplicates) for r in results),
        rejected=sum(len(r.rejected) for r in results),
        results=results,
    )


_RECORD = {
    "type": "object",
    "description": "one article, as in a JSONL line; needs `text` or `html`",
    "properties": {
        k: {"type": "string"} for k in ("id", "text", "html", "url", "source", "title", "author", "published")
    },
}
_UPLOAD_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"oneOf": [_RECORD, {"type": "array", "items": _RECORD}]}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            },
        },
    }
}


# ------------------------------------------------------------------------- documents


@router.post(
    "/documents",
    summary="Add documents (JSON records or uploaded files)",
    response_model=IngestResponse,
    status_code=202,
    dependencies=[Depends(require_token)],
    openapi_extra=_UPLOAD_DOC,
    tags=["documents"],
)
async def post_documents(request: Request) -> IngestResponse:
    """Read each item with the same readers as the CLI, store what is new and queue it for clustering.

    A JSON body is one record or a list of records (`id`, `text` or `html`, `url`, `source`,
    `title`, `author`, `published`). A multipart body carries files (`.txt`, `.html`, `.jsonl`,
    feeds, WARC, e-mail: `.eml` and mbox). Each item gets a result: accepted ids, duplicates (same id, URL or text as a
    stored document — nothing is stored twice) and rejects with reasons.
    """
    from starlette.concurrency import run_in_threadpool

    state = request.app.state
    ctype = request.headers.get("content-type", "")
    results: list[ItemResult] = []
    if ctype.startswith("application/json"):
        try:
            payload = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(400, f"request body is not valid JSON: {exc}") from exc
        records = payload if isinstance(payload, list) else [payload]
        if len(records) > state.max_items:
            raise HTTPException(413, f"{len(records)} records in one request; the limit is {state.max_items}")
        for i, record in enumerate(records):
            where = f"request[{i}]"
            ledger = Ledger()
            docs = await run_in_threadpool(state.engine.read_record, record, where=where, ledger=ledger)
            outcomes = await run_in_threadpool(store_documents, state.store, docs)
            results.append(_item_result(where, outcomes, ledger))
    elif ctype.startswith("multipart/form-data"):
        form = await request.form(max_files=state.max_items, max_fields=state.max_items)
        uploads = [v for _, v in form.multi_items() if not isinstance(v, str)]
        if not uploads:
            raise HTTPException(400, "no files in the multipart body (send them as `files`)")
        for up in uploads:
            data = await up.read()
            name = safe_upload_name(up.filename or "upload")
            ledger = Ledger()
            try:
                await run_in_threadpool(_keep_upload, state.uploads_dir, up.filename or name, data)
            except InputError as exc:  # pragma: no cover - safe_upload_name already prevents it
                raise HTTPException(400, str(exc)) from exc
            docs = await run_in_threadpool(state.engine.read_upload, data, name=name, ledger=ledger)
            outcomes = await run_in_threadpool(store_documents, state.store, docs)
            results.append(_item_result(name, outcomes, ledger))
    else:
        raise HTTPException(415, "send application/json (records) or multipart/form-data (files)")
    response = _summary(results)
    state.worker.submit(i for r in results for i in r.accepted)
    return response


def _keep_upload(folder: Path | None, name: str, data: bytes) -> None:
    """Keep the uploaded bytes (content-addressed, under a sanitised name) as the record of what came in."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    target = safe_upload_path(folder, name, prefix=hashlib.sha256(data).hexdigest()[:12] + "-")
    if not target.exists():
        target.write_bytes(data)


@router.get(
    "/documents", summary="List stored documents", response_model=list[DocumentRow], tags=["documents"]
)
def list_documents(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
    story: str | None = Query(None, description="only the documents of this story"),
) -> list[DocumentRow]:
    rows = request.app.state.store.list_documents(limit=limit, offset=offset, story_id=story)
    return [DocumentRow(**{k: getattr(r, k) for k in DocumentRow.model_fields}) for r in rows]


@router.get(
    "/documents/{document_id:path}",
    summary="One document's original text, optionally with a highlighted span",
    response_model=DocumentOut,
    tags=["documents"],
)
def get_document(
    request: Request,
    document_id: str,
    start: int | None = Query(None, ge=0, description="start of the span to highlight (original offsets)"),
    end: int | None = Query(None, ge=0, description="end of the span to highlight"),
) -> DocumentOut:
    store = request.app.state.store
    doc = store.get_document(document_id)
    if doc is None:
        raise HTTPException(404, f"no document {document_id!r}")
    highlight = None
    if start is not None and end is not None:
        if not start <= end <= len(doc.text):
            raise HTTPException(422, f"span {start}-{end} is outside the text (0-{len(doc.text)})")
        highlight = Highlight(start=start, end=end, text=doc.text[start:end])
    return DocumentOut(
        id=doc.id,
        text=doc.text,
        title=doc.title,
        source=doc.source,
        url=doc.url,
        published=doc.published,
        author=doc.author,
        path=doc.path,
        format=doc.format,
        story_id=store.document_story(doc.id),
        highlight=highlight,
    )


@router.delete(
    "/documents/{document_id:path}",
    summary="Delete a document; its story's brief is recomputed",
    response_model=Deleted,
    dependencies=[Depends(require_token)],
    tags=["documents"],
)
def delete_document(request: Request, document_id: str) -> Deleted:
    found, story = request.app.state.store.delete_document(document_id)
    if not found:
        raise HTTPException(404, f"no document {document_id!r}")
    request.app.state.worker.removed(document_id, story)
    return Deleted(deleted=document_id, story_recomputed=story)


# ------------------------------------------------------------------------- stories


@router.get("/stories", summary="List stories (paged, filtered)", response_model=StoryPage, tags=["stories"])
def list_stories(
    request: Request,
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
    date_from: str | None = Query(
        None, alias="from", description="ISO date: stories still running on or after it"
    ),
    date_to: str | None = Query(None, alias="to", description="ISO date: stories started on or before it"),
    source: str | None = Query(None, description="a document of the story is from this source"),
    entity: str | None = Query(None, description="the brief names this person, organisation or place"),
    q: str | None = Query(None, description="words in the headline or in a document"),
    min_sources: int = Query(1, ge=1, description="told by at least this many independent sources"),
) -> StoryPage:
    query = StoryQuery(
        date_from=date_from,
        date_to=date_to,
        source=source,
        entity=entity,
        text=q,
        min_sources=min_sources,
        limit=limit,
        offset=offset,
    )
    stories, total = request.app.state.store.list_stories(query)
    return StoryPage(total=total, limit=limit, offset=offset, stories=[story_out(s) for s in stories])


def _story_or_404(request: Request, story_id: str) -> StoryInfo:
    store = request.app.state.store
    story: StoryInfo | None = store.get_story(story_id)
    if story is None:
        # A story merged into another, or emptied by a regrouping: send the reader on to the
        # story its documents went to (307: the old id may come back).
        moved = store.story_moved_to(story_id)
        if moved is not None:
            path = request.url.path.replace(f"/stories/{story_id}", f"/stories/{moved}", 1)
            raise HTTPException(
                307, f"story {story_id!r} is now part of {moved!r}", headers={"Location": path}
            )
        raise HTTPException(404, f"no story {story_id!r}")
    return story


def _freshness(response: Response, story: StoryInfo) -> None:
    response.headers["X-Crosswire-Stale"] = "true" if story.stale else "false"
    response.headers["X-Crosswire-Updated-At"] = story.updated_at or ""


@router.get(
    "/stories/{story_id}",
    summary="A story's brief (JSON); header `X-Crosswire-Stale: true` says a newer one is coming",
    response_model=BriefOut,
    response_model_by_alias=True,
    tags=["stories"],
)
def get_story(request: Request, story_id: str) -> Response:
    """The last computed brief of the story, as valid brief JSON (`docs/brief.schema.json`).

    `X-Crosswire-Stale: true` says its documents changed and a newer brief is being computed;
    `X-Crosswire-Updated-At` says when this one was computed (empty before the first).
    Supports `If-None-Match` (304)."""
    # The brief is sent as stored, spliced into the envelope: parsing and re-validating a
    # 50-document brief (~400 KB) on every read would cost more than everything else together.
    story = _story_or_404(request, story_id)
    etag = f'"{story.updated_at or "none"}-{int(story.stale)}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if request.headers.get("if-none-match") == etag:
        response: Response = Response(status_code=304, headers=headers)
    else:
        cache = request.app.state.brief_cache
        key = (story.id, story.updated_at, story.stale)
        body = cache.get(key)
        if body is None:
            raw = request.app.state.store.get_brief_json(story_id)
            body = (
                f'{{"schema": {json.dumps(BRIEF_SCHEMA)}, "stories": [{raw or ""}], "rejected": []}}'.encode()
            )
            cache.put(key, body)
        response = Response(body, media_type="application/json", headers=headers)
    _freshness(response, story)
    return response


def _rendered(request: Request, story_id: str, fmt: str) -> tuple[str, StoryInfo]:
    story = _story_or_404(request, story_id)
    text = request.app.state.store.get_rendered(story_id, fmt)
    if text is None:
        raise HTTPException(
            409 if story.error is None else 500,
            f"the brief of {story_id} is not computed yet; try again shortly"
            if story.error is None
            else f"the brief of {story_id} failed: {story.error}",
        )
    return text, story


@router.get(
    "/stories/{story_id}/brief.html",
    summary="A story's brief as self-contained HTML",
    response_class=HTMLResponse,
    tags=["stories"],
)
def get_brief_html(request: Request, story_id: str) -> HTMLResponse:
    text, story = _rendered(request, story_id, "html")
    response = HTMLResponse(text, headers={"Content-Security-Policy": CSP_BRIEF_HTML})
    _freshness(response, story)
    return response


@router.get(
    "/stories/{story_id}/brief.md",
    summary="A story's brief as Markdown",
    response_class=PlainTextResponse,
    tags=["stories"],
)
def get_brief_md(request: Request, story_id: str) -> PlainTextResponse:
    text, story = _rendered(request, story_id, "md")
    response = PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
    _freshness(response, story)
    return response


# ------------------------------------------------------------------------- search


@router.get("/search", summary="Full-text search over documents", response_model=SearchOut, tags=["search"])
def search(
    request: Request, q: str = Query(..., min_length=1, max_length=500), limit: int = Query(20, ge=1, le=100)
) -> SearchOut:
    hits = []
    for h in request.app.state.store.search(q, limit=limit):
        snippet, ranges = split_marks(h.snippet)
        hits.append(
            Hit(
                document=h.document,
                title=h.title,
                source=h.source,
                story_id=h.story_id,
                snippet=snippet,
                highlights=ranges,
            )
        )
    return SearchOut(q=q, hits=hits)


# ------------------------------------------------------------------------- feeds and folders


def feed_out(f: Any) -> FeedOut:
    return FeedOut(
        id=f.id,
        url=f.url,
        interval=f.interval,
        etag=f.etag,
        last_modified=f.last_modified,
        last_polled=f.last_polled,
        last_error=f.last_error,
    )


def folder_out(f: Any) -> FolderOut:
    return FolderOut(
        id=f.id,
        path=f.path,
        interval=f.interval,
        last_scanned=f.last_scanned,
        last_error=f.last_error,
        files=len(f.seen),
    )


def check_feed_url(url: str) -> str:
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise HTTPException(422, f"feed URL {url!r} must start with http:// or https://")
    return url


def check_folder(path: str) -> str:
    p = Path(path).expanduser()
    if not p.is_absolute():
        raise HTTPException(422, f"folder {path!r} must be an absolute path on the server")
    if not p.is_dir():
        raise HTTPException(422, f"folder {path!r} does not exist on the server (or is not a folder)")
    return str(p.resolve())


@router.post(
    "/feeds",
    summary="Watch a feed",
    response_model=FeedOut,
    status_code=201,
    dependencies=[Depends(require_token)],
    tags=["watch"],
)
def post_feed(request: Request, body: FeedIn) -> FeedOut:
    """Poll the feed every `interval` seconds, with ETag / Last-Modified so unchanged feeds cost nothing."""
    feed = request.app.state.store.add_feed(check_feed_url(body.url), interval=body.interval)
    request.app.state.worker.poll_now()
    return feed_out(feed)


@router.get("/feeds", summary="List watched feeds", response_model=list[FeedOut], tags=["watch"])
def list_feeds(request: Request) -> list[FeedOut]:
    return [feed_out(f) for f in request.app.state.store.list_feeds()]


@router.delete(
    "/feeds/{feed_id}",
    summary="Stop watching a feed",
    response_model=Deleted,
    dependencies=[Depends(require_token)],
    tags=["watch"],
)
def delete_feed(request: Request, feed_id: int) -> Deleted:
    if not request.app.state.store.delete_feed(feed_id):
        raise HTTPException(404, f"no feed {feed_id}")
    return Deleted(deleted=str(feed_id))


@router.post(
    "/folders",
    summary="Watch a folder on the server",
    response_model=FolderOut,
    status_code=201,
    dependencies=[Depends(require_token)],
    tags=["watch"],
)
def post_folder(request: Request, body: FolderIn) -> FolderOut:
    """Re-scan the folder every `interval` seconds; new or changed files are read like `crosswire ingest`."""
    folder = request.app.state.store.add_folder(check_folder(body.path), interval=body.interval)
    request.app.state.worker.poll_now()
    return folder_out(folder)


@router.get("/folders", summary="List watched folders", response_model=list[FolderOut], tags=["watch"])
def list_folders(request: Request) -> list[FolderOut]:
    return [folder_out(f) for f in request.app.state.store.list_folders()]


@router.delete(
    "/folders/{folder_id}",
    summary="Stop watching a folder",
    response_model=Deleted,
    dependencies=[Depends(require_token)],
    tags=["watch"],
)
def delete_folder(request: Request, folder_id: int) -> Deleted:
    if not request.app.state.store.delete_folder(folder_id):
        raise HTTPException(404, f"no folder {folder_id}")
    return Deleted(deleted=str(folder_id))


class Health(BaseModel):
    status: str
    documents: int
    pending: int
    schema_version: int
    worker_error: str | None


@router.get("/health", summary="Liveness and worker backlog", response_model=Health, tags=["service"])
def health(request: Request) -> Health:
    state = request.app.state
    return Health(
        status="ok",
        documents=state.store.count_documents(),
        pending=state.worker.pending(),
        schema_version=state.store.schema_version,
        worker_error=state.worker.last_error,
    )
