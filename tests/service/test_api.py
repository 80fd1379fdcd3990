"""The JSON API against SQLite (tmp file) and PostgreSQL (``-m postgres``, CROSSWIRE_TEST_POSTGRES)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from crosswire.service.worker import Worker


def _post_seeds(service: Any, records: list[dict[str, Any]]) -> dict[str, Any]:
    r = service.post("/documents", json=records)
    assert r.status_code == 202, r.text
    return r.json()


def _only_story(service: Any) -> dict[str, Any]:
    page = service.get("/stories").json()
    assert page["total"] == 1, page
    return page["stories"][0]


def test_seeds_become_one_story_with_a_cited_brief(service: Any, seed_records: list[dict[str, Any]]) -> None:
    body = _post_seeds(service, seed_records)
    assert body["accepted"] == 5 and body["duplicates"] == 0 and body["rejected"] == 0
    assert [r["accepted"] for r in body["results"]] == [[r["id"]] for r in seed_records]
    service.settle()
    story = _only_story(service)
    assert story["documents"] == 5 and story["stale"] is False and story["updated_at"]
    r = service.get(f"/stories/{story['id']}")
    assert (
        r.headers["x-crosswire-stale"] == "false"
        and r.headers["x-crosswire-updated-at"] == story["updated_at"]
    )
    brief = r.json()
    assert brief["schema"] == "crosswire/1" and brief["rejected"] == []
    (one,) = brief["stories"]
    assert one["story"]["id"] == story["id"]
    texts = {r["id"]: r["text"] for r in seed_records}
    cites = [c for s in one["summary"] for c in s["citations"]]
    assert cites
    for c in cites:
        assert texts[c["document"]][c["start"] : c["end"]] == c["text"]


def test_posting_again_reports_duplicates_by_id_url_and_text(
    service: Any, seed_records: list[dict[str, Any]]
) -> None:
    _post_seeds(service, seed_records)
    again = _post_seeds(service, seed_records)
    assert again["accepted"] == 0 and again["duplicates"] == 5
    dup = again["results"][0]["duplicates"][0]
    assert dup["of"] == seed_records[0]["id"] and dup["match"] == "id"
    assert dup["message"] == f"duplicate of {seed_records[0]['id']} (same id)"

    same_text = {"id": "copy-of-0", "text": "  " + seed_records[0]["text"].replace("\n", "\r\n")}
    r = service.post("/documents", json=same_text).json()
    assert r["results"][0]["duplicates"][0] == {
        "id": "copy-of-0",
        "of": seed_records[0]["id"],
        "match": "text",
        "message": f"duplicate of {seed_records[0]['id']} (same text)",
    }
    first = {
        "id": "u1",
        "url": "https://example.org/a",
        "text": "One text about a harbour strike in Rotterdam.",
    }
    assert service.post("/documents", json=first).json()["accepted"] == 1
    # same address, same words: a duplicate (other words make a version, tested below)
    r = service.post("/documents", json={**first, "id": "u2", "text": first["text"] + "  "}).json()
    assert r["results"][0]["duplicates"][0]["match"] in {"url", "text"}
    assert service.store.count_documents() == 6


def test_a_page_posted_again_with_other_words_is_its_next_version(service: Any) -> None:
    # The same address (or id) with other words is the page after its outlet changed it: stored
    # as its next version, which the story's brief reads instead of the first
    first = {
        "id": "u1",
        "url": "https://example.org/a",
        "text": "One text about a harbour strike in Rotterdam.",
    }
    assert service.post("/documents", json=first).json()["accepted"] == 1
    changed = {"id": "u2", "url": "https://example.org/a", "text": "Another text about the harbour strike."}
    r = service.post("/documents", json=changed).json()
    assert r["accepted"] == 1 and r["duplicates"] == 0
    assert r["results"][0]["accepted"] == ["u1~v2"]
    assert r["results"][0]["versions"] == [
        {
            "id": "u1~v2",
            "supersedes": "u1",
            "message": "a changed version of u1 (same id or URL, other words), which it supersedes",
        }
    ]
    again = {"id": "u1", "text": "A third text: the harbour strike in Rotterdam ended on Friday."}
    r = service.post("/documents", json=again).json()
    assert r["results"][0]["versions"][0]["id"] == "u1~v3"
    assert r["results"][0]["versions"][0]["supersedes"] == "u1~v2"
    # posting any version's words again is a duplicate of it
    r = service.post("/documents", json={**changed, "id": "u9"}).json()
    assert r["results"][0]["duplicates"][0]["of"] == "u1~v2"
    assert service.store.count_documents() == 3


def test_rejects_are_reported_per_item_and_the_rest_is_kept(service: Any) -> None:
    r = service.post(
        "/documents",
        json=[{"id": "ok", "text": "Dockworkers in Rotterdam began a strike on Monday."}, {"id": "bad"}, 7],
    ).json()
    assert r["accepted"] == 1 and r["rejected"] == 2
    assert r["results"][1]["rejected"][0]["where"] == "request[1]"
    assert "text" in r["results"][1]["rejected"][0]["reason"]
    assert r["results"][2]["rejected"][0]["code"] == "malformed"


def test_bad_json_and_wrong_content_type(service: Any) -> None:
    r = service.post("/documents", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "not valid JSON" in r.json()["detail"]
    r = service.post("/documents", content=b"x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_upload_names_never_leave_the_upload_folder(service: Any, tmp_path: Path) -> None:
    files = [
        (
            "files",
            ("../../etc/passwd", b"Officials in Lagos said the new port opened on Friday.", "text/plain"),
        ),
        (
            "files",
            ("..\\..\\evil.txt", b"A second article about the port of Lagos and its cranes.", "text/plain"),
        ),
        ("files", ("..", b"A third article, this one on Nairobi's new rail link.", "text/plain")),
    ]
    r = service.post("/documents", files=files)
    assert r.status_code == 202, r.text
    names = [x["item"] for x in r.json()["results"]]
    assert names == ["passwd", "evil.txt", "upload"]
    uploads = tmp_path / "uploads"
    kept = sorted(p.name for p in uploads.iterdir())
    assert len(kept) == 3 and all(p.parent == uploads for p in uploads.iterdir())
    assert [k.split("-", 1)[1] for k in sorted(kept, key=lambda k: k.split("-", 1)[1])] == [
        "evil.txt",
        "passwd",
        "upload",
    ]
    assert not (tmp_path.parent / "etc").exists()
    assert service.store.get_document("passwd").path == "passwd"


def test_writes_need_a_valid_token_reads_do_not(service: Any) -> None:
    record = {"id": "x", "text": "Rain flooded the lower town of Valencia overnight."}
    r = service.client.post("/documents", json=record)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert "crosswire token create" in r.json()["detail"]
    r = service.client.post("/documents", json=record, headers={"Authorization": "Bearer cw_wrong"})
    assert r.status_code == 401
    r = service.client.post("/documents", json=record, headers={"Authorization": f"Basic {service.token}"})
    assert r.status_code == 401
    assert service.client.delete("/documents/x").status_code == 401
    assert service.client.post("/feeds", json={"url": "https://example.org/rss"}).status_code == 401
    assert service.store.count_documents() == 0
    assert service.get("/stories").status_code == 200


def test_oversized_request_gets_413_with_a_message(service: Any) -> None:
    big = {"id": "big", "text": "word " * 60_000}
    r = service.post("/documents", json=big)
    assert r.status_code == 413
    assert "at most 262144 bytes" in r.json()["detail"]
    assert service.store.count_documents() == 0


def test_document_with_highlighted_span(service: Any, seed_records: list[dict[str, Any]]) -> None:
    _post_seeds(service, seed_records)
    doc = seed_records[2]
    start = doc["text"].index("Hegseth")
    r = service.get(f"/documents/{doc['id']}", params={"start": start, "end": start + 7}).json()
    assert r["text"] == doc["text"]
    assert r["highlight"] == {"start": start, "end": start + 7, "text": "Hegseth"}
    assert service.get(f"/documents/{doc['id']}", params={"start": 5, "end": 10**6}).status_code == 422
    assert service.get("/documents/nope").status_code == 404


def test_document_ids_that_are_urls_work_in_paths(service: Any) -> None:
    rec = {
        "url": "https://news.example.com/2025/07/01/story?id=3",
        "text": "Ministers met in Geneva to discuss grain exports.",
    }
    r = service.post("/documents", json=rec).json()
    (doc_id,) = r["results"][0]["accepted"]
    path = "/documents/" + quote(doc_id, safe="")
    assert service.get(path).json()["url"] == rec["url"]
    assert service.delete(path).status_code == 200


def test_deleting_a_document_recomputes_its_story(service: Any, seed_records: list[dict[str, Any]]) -> None:
    _post_seeds(service, seed_records)
    service.settle()
    story = _only_story(service)
    gone = seed_records[0]["id"]
    r = service.delete(f"/documents/{gone}")
    assert r.json() == {"deleted": gone, "story_recomputed": story["id"]}
    service.settle()
    after = _only_story(service)
    assert after["documents"] == 4 and after["stale"] is False
    (brief,) = service.get(f"/stories/{story['id']}").json()["stories"]
    assert gone not in brief["story"]["documents"]
    assert service.delete(f"/documents/{gone}").status_code == 404


def test_readers_get_the_last_brief_marked_stale_while_a_new_one_is_computed(
    store: Any, fake_engine: Any, seed_records: list[dict[str, Any]]
) -> None:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app

    gate = threading.Event()
    real_brief = fake_engine.brief

    def slow_brief(story_id: str, documents: Any) -> Any:
        if len(documents) > 1:
            assert gate.wait(20)
        return real_brief(story_id, documents)

    fake_engine.brief = slow_brief
    worker = Worker(store, fake_engine, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        client.post("/documents", json=seed_records[0])
        assert worker.wait_idle(20)
        (story,) = client.get("/stories").json()["stories"]
        first_response = client.get(f"/stories/{story['id']}")
        first, first_at = first_response.json(), first_response.headers["x-crosswire-updated-at"]
        client.post("/documents", json=seed_records[1])
        for _ in range(200):
            now = client.get(f"/stories/{story['id']}")
            if now.headers["x-crosswire-stale"] == "true":
                break
            threading.Event().wait(0.02)
        assert now.headers["x-crosswire-stale"] == "true"
        assert now.json()["stories"] == first["stories"]  # the last computed brief, unchanged
        gate.set()
        assert worker.wait_idle(20)
        fresh = client.get(f"/stories/{story['id']}")
        assert fresh.headers["x-crosswire-stale"] == "false"
        assert len(fresh.json()["stories"][0]["story"]["documents"]) == 2
        assert fresh.headers["x-crosswire-updated-at"] > first_at


def test_a_regrouping_can_split_off_a_story_a_merge_had_taken(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app

    # The clusterer merges the dam story into the flood story when a bridging report comes,
    # then a regrouping splits the dam report off again under its old story's id (a fresh
    # id is the members' hash, as that story's was). The store must follow it there.
    script = {"flood-1": ("s-flood", ()), "dam-1": ("s-dam", ()), "bridge": ("s-flood", ("s-dam",))}

    def assign(doc: Any) -> tuple[str, tuple[str, ...]]:
        return script[doc.id]

    fake_engine.assign = assign
    worker = Worker(store, fake_engine, tick=0.05, regroup_interval=0)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        for doc_id in ["flood-1", "dam-1"]:
            client.post("/documents", json={"id": doc_id, "text": f"Report {doc_id} on the Kemmern flood."})
        assert worker.wait_idle(20)
        fake_engine.regroup_moves = [("dam-1", "s-dam")]
        client.post("/documents", json={"id": "bridge", "text": "The flood and the dam, in one report."})
        assert worker.wait_idle(20)
        assert store.document_story("dam-1") == "s-dam"
        assert {s["id"]: s["documents"] for s in client.get("/stories").json()["stories"]} == {
            "s-flood": 2,
            "s-dam": 1,
        }


def test_a_regrouping_moves_documents_and_recomputes_both_stories(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app

    flood = "Floodwaters swept through Kemmern on Monday after the Main burst its banks, the district said."
    dam = "Engineers said the Lauterbach reservoir dam held overnight after the spillway was opened."
    worker = Worker(store, fake_engine, tick=0.05, regroup_interval=0)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        for doc_id, text in [
            ("flood-1", flood),
            ("dam-1", dam),
            ("dam-2", dam.replace("overnight", "today")),
        ]:
            client.post("/documents", json={"id": doc_id, "text": text})
        assert worker.wait_idle(20)
        before = {s["id"]: s["documents"] for s in client.get("/stories").json()["stories"]}
        assert sorted(before.values()) == [1, 2]
        flood_story = store.document_story("flood-1")
        dam_story = store.document_story("dam-1")
        # The batch grouping of the window says dam-2 belongs to the flood story ...
        fake_engine.regroup_moves = [("dam-2", flood_story)]
        client.post("/documents", json={"id": "flood-2", "text": flood.replace("Monday", "Tuesday")})
        assert worker.wait_idle(20)
        assert fake_engine.regroup_moves == []
        left = client.get(f"/stories/{dam_story}").json()["stories"][0]
        assert left["story"]["documents"] == ["dam-1"]  # the story that lost one is recomputed
        # ... and then dam-1 too: its story, emptied, is gone into the flood story.
        fake_engine.regroup_moves = [("dam-1", flood_story)]
        client.post("/documents", json={"id": "flood-3", "text": flood.replace("Monday", "Wednesday")})
        assert worker.wait_idle(20)
        (story,) = client.get("/stories").json()["stories"]
        assert story["id"] == flood_story and story["documents"] == 5
        # A link to the story that is gone leads on to the one its documents went to.
        for path in (f"/stories/{dam_story}", f"/stories/{dam_story}/brief.md", f"/story/{dam_story}"):
            moved = client.get(path, follow_redirects=False)
            assert moved.status_code == 307
            assert moved.headers["location"] == path.replace(dam_story, flood_story)
        assert client.get("/stories/s-never-was").status_code == 404
        brief = client.get(f"/stories/{flood_story}").json()["stories"][0]
        assert sorted(brief["story"]["documents"]) == ["dam-1", "dam-2", "flood-1", "flood-2", "flood-3"]


def test_a_failing_brief_keeps_the_story_readable(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app

    worker = Worker(store, fake_engine, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        fake_engine.fail_on.add("s-" + __import__("hashlib").sha1(b"boom").hexdigest()[:12])
        client.post(
            "/documents", json={"id": "boom", "text": "An avalanche closed the Simplon pass on Sunday."}
        )
        assert worker.wait_idle(20)
        (story,) = client.get("/stories").json()["stories"]
        assert story["error"] == "RuntimeError: fake brief failure"
        assert client.get(f"/stories/{story['id']}").json()["stories"] == []
        assert client.get(f"/stories/{story['id']}/brief.md").status_code == 500


def test_brief_markdown_and_html(service: Any, seed_records: list[dict[str, Any]]) -> None:
    _post_seeds(service, seed_records)
    service.settle()
    sid = _only_story(service)["id"]
    md = service.get(f"/stories/{sid}/brief.md")
    assert (
        md.status_code == 200
        and md.headers["content-type"].startswith("text/markdown")
        and md.text.startswith("# ")
    )
    html = service.get(f"/stories/{sid}/brief.html")
    assert html.status_code == 200 and "<h1>" in html.text
    assert "script-src" not in html.headers["content-security-policy"]
    assert service.get("/stories/s-nope/brief.md").status_code == 404


def test_story_filters_and_paging(service: Any, seed_records: list[dict[str, Any]]) -> None:
    recs = [dict(r, source="pentagon-wire", published="2025-07-01") for r in seed_records]
    recs.append(
        {
            "id": "rail",
            "source": "metro-daily",
            "published": "2025-03-10",
            "text": "Commuters in Nairobi waited hours after the new rail link failed on its first morning.",
        }
    )
    _post_seeds(service, recs)
    service.settle()
    assert service.get("/stories").json()["total"] == 2
    assert service.get("/stories", params={"limit": 1}).json()["stories"][0]["documents"] == 5
    assert service.get("/stories", params={"limit": 1, "offset": 1}).json()["stories"][0]["documents"] == 1

    def ids(**params: str) -> list[int]:
        return [s["documents"] for s in service.get("/stories", params=params).json()["stories"]]

    assert ids(q="Nairobi commuters") == [1]
    assert ids(q="Jaishankar") == [5]
    assert ids(source="PENTAGON") == [5]
    assert ids(entity="hegseth") == [5]
    assert ids(**{"from": "2025-06-01"}) == [5]
    assert ids(to="2025-04-01") == [1]
    assert ids(q="zeppelin") == []
    sources = {s["documents"]: s["independent_sources"] for s in service.get("/stories").json()["stories"]}
    assert ids(min_sources=str(sources[5])) == [5] and ids(min_sources=str(sources[5] + 1)) == []
    assert service.get("/stories", params={"min_sources": "0"}).status_code == 422


def test_search_returns_snippets_with_match_ranges(service: Any, seed_records: list[dict[str, Any]]) -> None:
    _post_seeds(service, seed_records)
    r = service.get("/search", params={"q": "Pentagon"}).json()
    assert r["hits"]
    for h in r["hits"]:
        assert h["highlights"]
        for s, e in h["highlights"]:
            assert h["snippet"][s:e].lower() == "pentagon"
    # Query syntax in user input is taken as words, never as an error.
    assert service.get("/search", params={"q": 'NEAR( "unbalanced * OR'}).status_code == 200


def test_feeds_are_polled_with_etag(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.ingest.fetch import Fetched
    from crosswire.service.app import create_app

    calls: list[dict[str, str]] = []

    class FakeFetcher:
        def get(self, url: str, *, headers: dict[str, str] | None = None) -> Fetched:
            calls.append(dict(headers or {}))
            if (headers or {}).get("If-None-Match") == '"v1"':
                return Fetched(304, b"", {})
            return Fetched(
                200, b"Firefighters contained the blaze near Marseille on Sunday.", {"ETag": '"v1"'}
            )

    worker = Worker(store, fake_engine, fetcher=FakeFetcher(), tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        r = client.post("/feeds", json={"url": "https://example.org/news.xml", "interval": 60})
        assert r.status_code == 201
        assert worker.wait_idle(20)
        worker.poll_now()
        assert worker.wait_idle(20)
        (feed,) = client.get("/feeds").json()
        assert feed["etag"] == '"v1"' and feed["last_error"] is None and feed["last_polled"]
        assert calls[0] == {} and calls[-1] == {"If-None-Match": '"v1"'}
        assert store.count_documents() == 1
        assert client.post("/feeds", json={"url": "file:///etc/passwd"}).status_code == 422
        assert client.delete(f"/feeds/{feed['id']}").status_code == 200
        assert client.get("/feeds").json() == []
        assert client.delete(f"/feeds/{feed['id']}").status_code == 404


def test_folders_are_rescanned(store: Any, fake_engine: Any, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Dockworkers in Rotterdam began a strike on Monday over pay.")
    (inbox / ".hidden.txt").write_text("An editor's temporary file.")
    worker = Worker(store, fake_engine, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        r = client.post("/folders", json={"path": str(inbox), "interval": 1})
        assert r.status_code == 201, r.text
        assert worker.wait_idle(20)
        assert store.count_documents() == 1
        (inbox / "b.txt").write_text("The Rotterdam strike spread to Antwerp on Tuesday, unions said.")
        worker.poll_now()
        assert worker.wait_idle(20)
        assert sorted(d.id for d in store.list_documents()) == ["a", "b"]
        (folder,) = client.get("/folders").json()
        assert folder["files"] == 2
        assert client.post("/folders", json={"path": "relative/dir"}).status_code == 422
        assert client.post("/folders", json={"path": str(tmp_path / "missing")}).status_code == 422
        assert client.delete(f"/folders/{folder['id']}").status_code == 200


def test_security_headers_and_no_cors(service: Any) -> None:
    r = service.get("/", headers={"Origin": "https://evil.example"})
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in r.headers
    pre = service.client.options(
        "/documents", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in pre.headers


def test_openapi_documents_every_operation() -> None:
    from crosswire.service.app import create_app
    from crosswire.store.memory import MemoryStore

    store = MemoryStore()
    app = create_app(store, worker=Worker(store, object()))  # type: ignore[arg-type]
    spec = app.openapi()
    for path in ["/documents", "/stories", "/stories/{story_id}", "/search", "/feeds", "/folders"]:
        assert path in spec["paths"], path
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("summary"), f"{method.upper()} {path} has no summary"
    assert "multipart/form-data" in spec["paths"]["/documents"]["post"]["requestBody"]["content"]
    assert spec["paths"]["/stories"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def test_health(service: Any) -> None:
    h = service.get("/health").json()
    assert h["status"] == "ok" and h["documents"] == 0


@pytest.mark.parametrize(
    "host, loopback", [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False)]
)
def test_loopback_detection(host: str, loopback: bool) -> None:
    from crosswire.service.app import _is_loopback

    assert _is_loopback(host) is loopback


def test_after_a_restart_the_clusterer_holds_the_stored_grouping(
    store: Any, seed_records: list[dict[str, Any]]
) -> None:
    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app

    from .conftest import FakeEngine

    # A threshold no pair reaches: three stories, as a store may hold them after a regrouping.
    first = FakeEngine(threshold=1.1)
    worker = Worker(store, first, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        client.post("/documents", json=seed_records[:3])
        assert worker.wait_idle(20)
        stored = {s["id"]: s["documents"] for s in client.get("/stories").json()["stories"]}
    assert first.prepared == 3 and len(stored) == 3

    # A new process whose clusterer, deciding afresh, would put the three reports together.
    second = FakeEngine()
    worker = Worker(store, second, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        assert worker.wait_idle(20)
        assert second.members == {r["id"]: store.document_story(r["id"]) for r in seed_records[:3]}
        client.post("/documents", json=seed_records[3:])
        assert worker.wait_idle(20)
        after = {s["id"]: s["documents"] for s in client.get("/stories").json()["stories"]}
    # The new reports joined stored stories, under their stored ids; none was renamed or merged.
    assert set(after) == set(stored) and sum(after.values()) == 5


def test_a_restart_recomputes_briefs_an_older_crosswire_stored(
    store: Any, seed_records: list[dict[str, Any]]
) -> None:
    from fastapi.testclient import TestClient

    from crosswire.brief.json_out import BRIEF_REVISION
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize

    from .conftest import FakeEngine

    first = FakeEngine()
    worker = Worker(store, first, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        client.post("/documents", json=seed_records[:2])
        assert worker.wait_idle(20)
    (sid,) = {store.document_story(r["id"]) for r in seed_records[:2]}
    assert store.outdated_briefs(BRIEF_REVISION) == []
    # As an older crosswire left it: the same brief, stored under the revision before.
    old = store.get_brief(sid)
    store.put_brief(
        sid,
        brief=old,
        markdown="old",
        html="old",
        summary=summarize(old),
        documents=store.story_document_ids(sid),
        revision=BRIEF_REVISION - 1,
    )
    second = FakeEngine()
    worker = Worker(store, second, tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        assert worker.wait_idle(20)
        assert client.get(f"/stories/{sid}/brief.md").text != "old"
    assert second.briefs_computed == 1 and store.outdated_briefs(BRIEF_REVISION) == []


def test_a_restart_replays_only_the_streaming_window(store: Any, seed_records: list[dict[str, Any]]) -> None:
    from datetime import UTC, datetime, timedelta

    from fastapi.testclient import TestClient

    from crosswire.service.app import create_app
    from crosswire.testing import ManualClock

    from .conftest import FakeEngine

    worker = Worker(store, FakeEngine(), tick=0.05)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        client.post("/documents", json=seed_records[:3])
        assert worker.wait_idle(20)
    later = FakeEngine()
    clock = ManualClock(datetime.now(UTC) + timedelta(days=10))
    worker = Worker(store, later, clock=clock, tick=0.05, replay_days=3)
    with TestClient(create_app(store, worker=worker, token_required=False)) as client:
        assert worker.wait_idle(20)
        assert later.members == {}  # ten days on, the old story is closed: nothing replayed
        client.post("/documents", json=seed_records[3:])
        assert worker.wait_idle(20)
        assert sorted(s["documents"] for s in client.get("/stories").json()["stories"]) == [2, 3]
