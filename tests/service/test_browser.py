"""End to end in a real browser: the real server, Debian Chromium driven by Playwright.

Skipped when /usr/bin/chromium or the playwright package is missing (``scripts/ci-services.sh``
installs Chromium; never run ``playwright install``). Screenshots are kept under
``artifacts/screenshots/`` (git-ignored) for a human to look at.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium, or run scripts/ci-services.sh)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed (pip install playwright)"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """The app under uvicorn on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start in 20 s"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def _serve(tmp_path: Path, engine: Any) -> tuple[Server, str]:
    from crosswire.service.app import create_app
    from crosswire.service.auth import issue_token
    from crosswire.service.worker import Worker
    from crosswire.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'browser.db'}")
    token = issue_token(store, name="browser")
    app = create_app(store, worker=Worker(store, engine, tick=0.1), uploads_dir=tmp_path / "uploads")
    return Server(app), token


def _wait_for_story(base: str, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = httpx.get(f"{base}/stories").json()
        failed = [s["error"] for s in page["stories"] if s["error"]]
        assert not failed, f"the brief failed: {failed[0]}"
        ready = [s for s in page["stories"] if s["updated_at"] and not s["stale"]]
        if ready:
            return ready[0]
        time.sleep(0.2)
    raise AssertionError(f"no story with a brief after {timeout} s: {page}")


def _click_citation_and_check(
    browser: Any, base: str, story: dict[str, Any], texts: dict[str, str], name: str, viewport: dict[str, int]
) -> None:
    ctx = browser.new_context(viewport=viewport, java_script_enabled=True)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/")
    page.screenshot(path=str(SHOTS / f"{name}-stories.png"), full_page=True)
    page.click(f"a[href='/story/{story['id']}']")
    page.wait_for_selector("a.cite")
    page.screenshot(path=str(SHOTS / f"{name}-story.png"), full_page=True)
    cite = page.locator("a.cite").first
    href = cite.get_attribute("href")
    assert href
    cite.click()
    mark = page.wait_for_selector("mark#hl")
    doc_id = page.url.split("/article/", 1)[1].split("?", 1)[0]
    start = int(href.split("start=")[1].split("&")[0])
    end = int(href.split("end=")[1].split("#")[0])
    from urllib.parse import unquote

    assert mark.inner_text() == texts[unquote(doc_id)][start:end]
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < viewport["height"], (
        "the highlighted sentence is scrolled into view"
    )
    page.screenshot(path=str(SHOTS / f"{name}-article.png"), full_page=False)
    assert errors == []
    ctx.close()


@pytest.mark.slow
def test_seeds_through_the_api_to_a_highlighted_citation(
    browser: Any, tmp_path: Path, seed_paths: list[Path]
) -> None:
    """The real pipeline: post the five seeds, wait for the brief, click a citation, see the sentence."""
    from crosswire.service.engine import PipelineEngine

    SHOTS.mkdir(parents=True, exist_ok=True)
    server, token = _serve(tmp_path, PipelineEngine())
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seed_paths}
    with server:
        files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in seed_paths]
        r = httpx.post(
            f"{server.url}/documents", files=files, headers={"Authorization": f"Bearer {token}"}, timeout=60
        )
        assert r.status_code == 202 and r.json()["accepted"] == 5, r.text
        story = _wait_for_story(server.url, timeout=120)
        assert story["documents"] == 5
        brief = httpx.get(f"{server.url}/stories/{story['id']}").json()
        jsonschema.validate(
            brief, json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))
        )
        texts = {d: texts[d] for d in texts}
        _click_citation_and_check(
            browser, server.url, story, texts, "seeds-desktop", {"width": 1280, "height": 900}
        )
        _click_citation_and_check(browser, server.url, story, texts, "seeds-phone", PHONE)


def test_hostile_article_runs_no_script(browser: Any, tmp_path: Path, fake_engine: Any) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    server, token = _serve(tmp_path, fake_engine)
    text = (
        "The council met in Oslo on Monday. <script>window.__xss = 1</script> "
        '<img src="x" onerror="window.__xss = 2"> The vote was close.'
    )
    with server:
        r = httpx.post(
            f"{server.url}/documents",
            json={"id": "hostile", "title": "<img src=x onerror=window.__xss=3>", "text": text},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.json()["accepted"] == 1
        story = _wait_for_story(server.url, timeout=20)
        ctx = browser.new_context(viewport=PHONE)
        page = ctx.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        start = text.index("<script>")
        for url in [
            f"/article/hostile?start={start}&end={start + 40}",
            f"/story/{story['id']}",
            "/",
            "/find?q=Oslo",
        ]:
            page.goto(server.url + url)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__xss") is None, url
        page.goto(f"{server.url}/article/hostile?start={start}&end={start + 40}")
        assert "<script>window.__xss = 1</script>" in page.locator("mark#hl").inner_text()
        page.screenshot(path=str(SHOTS / "hostile-article-phone.png"), full_page=True)
        assert dialogs == []
        ctx.close()


def test_a_stale_story_page_reloads_when_the_new_brief_lands(
    browser: Any, tmp_path: Path, fake_engine: Any
) -> None:
    gate = threading.Event()
    real_brief = fake_engine.brief

    def gated(story_id: str, documents: Any) -> Any:
        if len(documents) > 1:
            assert gate.wait(30)
        return real_brief(story_id, documents)

    fake_engine.brief = gated
    server, token = _serve(tmp_path, fake_engine)
    auth = {"Authorization": f"Bearer {token}"}
    first = {
        "id": "a",
        "title": "Dockworkers strike in Rotterdam",
        "text": "Dockworkers in Rotterdam began a strike on Monday over pay and hours.",
    }
    second = {
        "id": "b",
        "text": "The Rotterdam dockworkers strike over pay and hours spread to Antwerp on Tuesday.",
    }
    with server:
        httpx.post(f"{server.url}/documents", json=first, headers=auth)
        story = _wait_for_story(server.url, timeout=20)
        httpx.post(f"{server.url}/documents", json=second, headers=auth)
        page = browser.new_page(viewport=PHONE)
        deadline = time.monotonic() + 20
        while True:
            page.goto(f"{server.url}/story/{story['id']}")
            if page.locator("#stale-note").count():
                break
            assert time.monotonic() < deadline, "the story never showed as stale"
            time.sleep(0.1)
        assert page.locator(".sources li").count() == 1  # the last computed brief, one document
        page.screenshot(path=str(SHOTS / "stale-story-phone.png"), full_page=True)
        gate.set()
        page.wait_for_selector("#stale-note", state="detached", timeout=20_000)  # app.js reloaded it
        assert page.locator(".sources li").count() == 2
        page.close()
