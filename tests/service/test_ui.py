"""Server-rendered pages: they work without JavaScript and never let article text become markup."""

from __future__ import annotations

import re
from typing import Any

from crosswire.service.ui import brief_view, highlighted, marked_snippet

HOSTILE = (
    "Officials said the <script>alert('x')</script> ceremony in Oslo went ahead. "
    'A second line <img src=x onerror="alert(1)"> and a link <a href="javascript:alert(2)">here</a>.'
)


def test_article_text_is_escaped_everywhere(service: Any) -> None:
    rec = {
        "id": "hostile",
        "title": "<b onmouseover=alert(3)>Oslo</b>",
        "source": "<i>x</i>",
        "text": HOSTILE,
    }
    assert service.post("/documents", json=rec).json()["accepted"] == 1
    service.settle()
    (story,) = service.get("/stories").json()["stories"]
    start = HOSTILE.index("<script>")
    pages = [
        service.get("/article/hostile", params={"start": start, "end": start + 30}).text,
        service.get(f"/story/{story['id']}").text,
        service.get("/").text,
        service.get("/find", params={"q": "ceremony Oslo"}).text,
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b onmouseover" not in html
        assert 'href="javascript:' not in html
    article = pages[0]
    assert '<mark id="hl" class="hl">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;' in article
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in article
    # the only scripts on any page are our own, from /static
    for html in pages:
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']


def test_story_page_links_every_citation_to_its_sentence(
    service: Any, seed_records: list[dict[str, Any]]
) -> None:
    service.post("/documents", json=seed_records)
    service.settle()
    (story,) = service.get("/stories").json()["stories"]
    html = service.get(f"/story/{story['id']}").text
    links = re.findall(r'class="cite" href="(/article/[^"]+)"', html)
    assert links
    texts = {r["id"]: r["text"] for r in seed_records}
    for link in links[:5]:
        m = re.match(r"/article/([^?]+)\?start=(\d+)&amp;end=(\d+)#hl", link)
        assert m, link
        doc, start, end = m.group(1), int(m.group(2)), int(m.group(3))
        page = service.get(f"/article/{doc}?start={start}&end={end}").text
        inner = re.search(r'<mark id="hl" class="hl">(.*?)</mark>', page, re.S)
        assert inner is not None
        from html import unescape

        assert unescape(inner.group(1)) == texts[doc][start:end]
    for section in ["Summary", "What the sources say", "Quotes", "Coverage", "Sources"]:
        assert f"<h2>{section}</h2>" in html


def test_story_list_shows_counts_and_filters(service: Any, seed_records: list[dict[str, Any]]) -> None:
    service.post("/documents", json=[dict(r, source="wire") for r in seed_records])
    service.settle()
    html = service.get("/").text
    assert "5 documents" in html and "5 independent sources" in html
    assert "No stories" in service.get("/", params={"q": "zeppelin"}).text
    assert "No stories" in service.get("/", params={"sources": "6"}).text
    picked = service.get("/", params={"sources": "5"}).text
    assert "5 documents" in picked and '<option value="5" selected>' in picked
    assert "5 documents" in service.get("/", params={"sources": "any"}).text  # an odd value: no filter
    assert service.get("/story/s-missing").status_code == 404
    assert service.get("/article/missing").status_code == 404


def test_story_before_its_first_brief_lists_its_documents(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.worker import Worker

    store.add_document(
        Document(id="d1", text="Dockworkers in Rotterdam began a strike.", title="Rotterdam strike")
    )
    store.assign_story("d1", "s-1")
    # No `with`: the lifespan (and so the worker) never starts, so no brief is ever computed.
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    html = client.get("/story/s-1").text
    assert 'data-stale="true"' in html and "not computed yet" in html and "Rotterdam strike" in html
    r = client.get("/stories/s-1")
    assert r.json() == {"schema": "crosswire/1", "stories": [], "rejected": []}
    assert r.headers["x-crosswire-stale"] == "true" and r.headers["x-crosswire-updated-at"] == ""
    assert client.get("/stories/s-1/brief.md").status_code == 409


def test_admin_forms_need_the_token(service: Any, tmp_path: Any) -> None:
    r = service.client.post(
        "/admin/folders", data={"path": str(tmp_path), "token": "wrong"}, follow_redirects=False
    )
    assert r.status_code == 303 and "error=" in r.headers["location"]
    assert service.store.list_folders() == []
    r = service.client.post(
        "/admin/folders", data={"path": str(tmp_path), "token": service.token}, follow_redirects=False
    )
    assert r.status_code == 303 and "msg=" in r.headers["location"]
    (folder,) = service.store.list_folders()
    page = service.get("/admin").text
    assert str(tmp_path) in page
    r = service.client.post(
        f"/admin/folders/{folder.id}/delete", data={"token": service.token}, follow_redirects=False
    )
    assert r.status_code == 303 and service.store.list_folders() == []


def test_highlight_helpers_escape_before_marking() -> None:
    assert str(highlighted("a<b>c", 1, 4)) == 'a<mark id="hl" class="hl">&lt;b&gt;</mark>c'
    assert str(highlighted("a<b>c", 3, 99)) == "a&lt;b&gt;c"
    assert str(marked_snippet("x \ue000<i>\ue001 y")) == "x <mark>&lt;i&gt;</mark> y"


def test_brief_view_tolerates_missing_sections() -> None:
    view = brief_view({"story": {"id": "s-1", "headline": "H", "documents": ["a"]}})
    assert view.headline == "H" and view.documents[0]["n"] == 1 and view.facts == [] and view.coverage == []
    view = brief_view(
        {
            "documents": [{"id": "a", "source": "A"}, {"id": "b", "source": "B"}],
            "facts": [
                {
                    "text": "t",
                    "status": "corroborated",
                    "citations": [{"document": "b", "start": 0, "end": 1, "text": "x"}],
                }
            ],
        }
    )
    assert view.coverage == [{"text": "t", "status": "corroborated", "cells": [False, True]}]
    assert view.facts[0]["cites"][0].n == 2 and view.facts[0]["cites"][0].url == "/article/b?start=0&end=1#hl"


def test_brief_view_names_sources_and_families_as_the_brief_does() -> None:
    view = brief_view(
        {
            "documents": [
                {"id": "a", "url": "https://www.ndtv.com/x", "published": "2011-11-11"},
                {"id": "b", "source": "Hindustan Times", "published": "2011-11-12"},
            ],
            "families": [
                {
                    "id": "f-a",
                    "label": "ndtv.com",
                    "origin": "a",
                    "members": ["a", "b"],
                    "evidence": [{"kind": "text-reuse", "description": "3 of 8 sentences reused"}],
                }
            ],
        }
    )
    assert [d["label"] for d in view.documents] == ["ndtv.com", "Hindustan Times"]
    assert view.families[0]["label"] == "shared text, earliest ndtv.com"


def test_story_page_shows_a_pronoun_antecedent_as_an_escaped_note(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    text = "He posted on X that the talks went well."
    store.add_document(Document(id="d1", text=text, title="Talks"))
    store.assign_story("d1", "s-1")
    brief = {
        "story": {"id": "s-1", "headline": "Talks", "documents": ["d1"]},
        "documents": [{"id": "d1", "source": None, "title": "Talks", "published": None}],
        "entities": [{"id": "e-1", "name": "Rajnath <Singh>", "type": "PERSON"}],
        "facts": [
            {
                "id": "F1",
                "text": text,
                "citations": [{"document": "d1", "start": 0, "end": len(text), "text": text}],
                "documents": ["d1"],
                "independent_sources": 1,
                "status": "single_source",
                "antecedent": "e-1",
            }
        ],
    }
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summarize(brief), documents=["d1"])
    html = TestClient(create_app(store, worker=Worker(store, fake_engine))).get("/story/s-1").text
    assert (
        'He <span class="ed" title="editor’s note: who is meant, or who said the quoted words">[Rajnath &lt;Singh&gt;]</span> posted on X'
        in html
    )


def test_brief_view_names_the_antecedent_of_a_leading_pronoun() -> None:
    view = brief_view(
        {
            "entities": [{"id": "e-1", "name": "Rajnath <Singh>"}],
            "facts": [
                {"text": "He posted on X.", "status": "single_source", "antecedent": "e-1"},
                {"text": "The ties are strong.", "status": "single_source", "antecedent": None},
            ],
        }
    )
    assert view.facts[0]["reading"] == {"head": "He", "note": "Rajnath <Singh>", "tail": " posted on X."}
    assert view.facts[1]["reading"] == {"head": "The ties are strong.", "note": None, "tail": ""}


def test_times_read_as_utc() -> None:
    from crosswire.service.ui import when

    assert when("2025-07-01T16:03:09.120+02:00") == "2025-07-01 14:03 UTC"
    assert when(None) == "never" and when("not a time") == "not a time"


def test_story_page_shows_a_rising_toll_as_an_update_not_a_conflict(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    texts = {"d1": "The quake killed 5 people.", "d2": "The quake killed 24 people."}
    for k, t in texts.items():
        store.add_document(Document(id=k, text=t, title="Quake"))
        store.assign_story(k, "s-1")

    def side(doc: str, value: str) -> dict[str, Any]:
        t = texts[doc]
        return {"value": value, "citations": [{"document": doc, "start": 0, "end": len(t), "text": t}]}

    brief = {
        "story": {"id": "s-1", "headline": "Quake", "documents": list(texts)},
        "documents": [{"id": k, "source": None, "title": "Quake", "published": None} for k in texts],
        "conflicts": [
            {
                "id": "C1",
                "kind": "update",
                "description": "The count rose as reports came in (people): 5 people (2013-07-02) → 24 people (2013-07-03)",
                "sides": [side("d1", "5 people"), side("d2", "24 people")],
            }
        ],
    }
    summary = summarize(brief)
    assert (summary.conflicts, summary.updates) == (0, 1)  # the conflict badge counts disagreements only
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summary, documents=list(texts))
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    html = client.get("/story/s-1").text
    assert '<span class="badge update">update</span> The count rose as reports came in' in html
    assert "<h2>Conflicts and updates</h2>" in html
    assert 'class="badge contested">update' not in html
    # the list and the story's header say the story has an update, beside (not as) its conflicts
    assert '<span class="badge update">1 update</span>' in html
    listing = client.get("/").text
    assert '<span class="badge update">1 update</span>' in listing and "conflict" not in listing
    assert client.get("/stories").json()["stories"][0]["updates"] == 1


def _notes_section(store: Any, fake_engine: Any, note: str, kind: str) -> tuple[str, int, int]:
    """The story page's notes section for one document carrying ``note`` (of ``kind``), with
    where the note is in the document's text."""
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    text = f"Hegseth met Jaishankar at the Pentagon on Tuesday.\n\n{note}"
    store.add_document(Document(id="d1", text=text, title="Meeting"))
    store.assign_story("d1", "s-1")
    start = text.index(note)
    cite = {"document": "d1", "start": start, "end": len(text), "text": note}
    doc = {"id": "d1", "source": "example.org", "title": "Meeting", "published": None}
    doc |= {"retracted": kind == "retraction", "notes": [{"kind": kind, "citation": cite}]}
    brief = {"story": {"id": "s-1", "headline": "Meeting", "documents": ["d1"]}, "documents": [doc]}
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summarize(brief), documents=["d1"])
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    html = client.get("/story/s-1").text
    # the list, the story's header and GET /stories count the corrected report
    badge = "1 correction</"
    assert badge in client.get("/").text and f'<a class="badge update" href="#notes">{badge}' in html
    assert client.get("/stories").json()["stories"][0]["corrections"] == 1
    return html.split('<section id="notes">', 1)[1].split("</section>", 1)[0], start, len(text)


def test_story_page_shows_an_outlets_correction_cited(store: Any, fake_engine: Any) -> None:
    note = "Correction: An earlier version of this article said the meeting took place on Wednesday."
    section, start, end = _notes_section(store, fake_engine, note, "correction")
    assert "<h2>Corrections and editor’s notes</h2>" in section
    assert f'<span class="badge update">correction</span> “{note}”' in section
    assert f'href="/article/d1?start={start}&amp;end={end}#hl"' in section  # to its words
    assert "left out of the facts" not in section  # only a retraction says so


def test_story_page_says_a_retracted_report_is_not_read(store: Any, fake_engine: Any) -> None:
    section, _, _ = _notes_section(
        store, fake_engine, "Editor's note: This article has been retracted.", "retraction"
    )
    assert "retraction</span>" in section
    assert "— the report is left out of the facts, quotes and timeline" in section


def test_story_page_shows_unnamed_sources_and_no_comments_cited(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    text = (
        "Harbor Freight is in talks to buy Meridian, three people familiar with the matter said, "
        "asking not to be identified. Harbor Freight declined to comment. The figures could not be "
        "independently verified."
    )
    store.add_document(Document(id="d1", text=text, title="Deal"))
    store.assign_story("d1", "s-1")

    def cite(words: str) -> dict[str, Any]:
        start = text.index(words)
        return {"document": "d1", "start": start, "end": start + len(words), "text": words}

    talks = "Harbor Freight is in talks to buy Meridian"
    brief = {
        "story": {"id": "s-1", "headline": "Deal", "documents": ["d1"]},
        "documents": [{"id": "d1", "source": "example.org", "title": "Deal", "published": None}],
        "entities": [{"id": "e-hf", "name": "Harbor Freight", "type": "ORG", "aliases": [], "roles": []}],
        "facts": [
            {
                "id": "F1",
                "text": talks,
                "citations": [cite(talks)],
                "documents": ["d1"],
                "independent_sources": 1,
                "status": "single_source",
                "unnamed": ["d1"],
            },
        ],
        "quotes": [
            {
                "id": "Q1",
                "speaker": None,
                "speaker_text": "three people familiar with the matter",
                "text": talks,
                "kind": "indirect",
                "documents": ["d1"],
                "citations": [cite(talks)],
                "variants": [],
                "unnamed": "three people familiar with the matter",
            },
        ],
        "sourcing": [
            {
                "document": "d1",
                "kind": "unnamed source",
                "detail": None,
                "who": None,
                "who_name": None,
                "citation": cite("three people familiar with the matter"),
                "who_citation": None,
            },
            {
                "document": "d1",
                "kind": "anonymity",
                "detail": None,
                "who": None,
                "who_name": None,
                "citation": cite("asking not to be identified"),
                "who_citation": None,
            },
            {
                "document": "d1",
                "kind": "no comment",
                "detail": "declined",
                "who": "e-hf",
                "who_name": "Harbor Freight",
                "citation": cite("Harbor Freight declined to comment"),
                "who_citation": cite("Harbor Freight declined"),
            },
            {
                "document": "d1",
                "kind": "unverified",
                "detail": None,
                "who": None,
                "who_name": None,
                "citation": cite("The figures could not be independently verified."),
                "who_citation": None,
            },
        ],
    }
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summarize(brief), documents=["d1"])
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    html = client.get("/story/s-1").text
    section = html.split('<section id="sourcing">', 1)[1].split("</section>", 1)[0]
    assert "<h2>Unnamed sources, no comment, unverified</h2>" in section
    start = text.index("three people")
    assert "unnamed: “three people familiar with the matter”" in section
    assert f'href="/article/d1?start={start}&amp;end={start + 37}#hl"' in section
    assert "not named: “asking not to be identified”" in section
    assert '<span class="badge update">no comment</span> <strong>Harbor Freight</strong>: declined' in section
    assert (
        "<strong>example.org</strong> — could not verify: “The figures could not be independently verified.”"
        in section
    )
    assert "— unnamed source (“three people familiar with the matter”)" in html  # the quote's speaker
    assert '<span class="badge single_source">unnamed sources (example.org)</span>' in html  # the fact
    # a single-source fact on unnamed sources is no corroboration to warn about: no badge
    assert "on unnamed sources</" not in html and client.get("/stories").json()["stories"][0]["unnamed"] == 0


def test_story_list_says_how_many_corroborated_facts_rest_on_unnamed_sources(
    store: Any, fake_engine: Any
) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    texts = {
        "d1": "The talks are advanced, three people familiar with the matter said.",
        "d2": "The talks are advanced, according to people with knowledge of the matter.",
    }
    for k, t in texts.items():
        store.add_document(Document(id=k, text=t, title="Deal"))
        store.assign_story(k, "s-1")
    cites = [{"document": k, "start": 0, "end": 22, "text": t[:22]} for k, t in texts.items()]
    brief = {
        "story": {"id": "s-1", "headline": "Deal", "documents": list(texts)},
        "documents": [{"id": k, "source": f"{k}.example", "title": "Deal", "published": None} for k in texts],
        "facts": [
            {"id": "F1", "text": texts["d1"][:22], "citations": cites, "documents": list(texts),
             "independent_sources": 2, "status": "corroborated", "unnamed": list(texts)},
        ],
    }  # fmt: skip
    summary = summarize(brief)
    assert summary.unnamed == 1
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summary, documents=list(texts))
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    assert ">1 on unnamed sources</span>" in client.get("/").text
    assert (
        'href="#sourcing" title="corroborated facts every report of which rests on sources it does not name">1 on unnamed sources</a>'
        in client.get("/story/s-1").text
    )
    assert client.get("/stories").json()["stories"][0]["unnamed"] == 1


def test_story_page_says_which_reports_only_hedge_a_fact(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    texts = {
        "ap": "Marcus Webb allegedly shot Daniel Ortiz outside the tavern.",
        "tv": "Marcus Webb shot Daniel Ortiz outside the tavern early Friday.",
    }
    for doc_id, text in texts.items():
        store.add_document(Document(id=doc_id, text=text, title="Shooting"))
        store.assign_story(doc_id, "s-1")
    cue = {"document": "ap", "start": 12, "end": 21, "text": "allegedly"}
    brief = {
        "story": {"id": "s-1", "headline": "Shooting", "documents": list(texts)},
        "documents": [{"id": d, "source": d, "title": "Shooting", "published": None} for d in texts],
        "facts": [
            {
                "id": "F1",
                "text": texts["ap"],
                "citations": [
                    {"document": d, "start": 0, "end": len(t), "text": t} for d, t in texts.items()
                ],
                "documents": list(texts),
                "independent_sources": 2,
                "status": "corroborated",
                "hedged": [{"kind": "alleged", "citation": cue, "scope": None}],
            },
            # a brief stored before revision 7 has no cues: no note, no error
            {
                "id": "F2",
                "text": texts["tv"],
                "citations": [{"document": "tv", "start": 0, "end": 10, "text": texts["tv"][:10]}],
                "documents": ["tv"],
                "independent_sources": 1,
                "status": "single_source",
            },
        ],
    }
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summarize(brief), documents=list(texts))
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    html = client.get("/story/s-1").text
    assert "hedged in 1 of 2 documents: “allegedly” (ap)</span>" in html
    assert html.count("hedged") == 1  # F2, stored without cues, carries no note


def test_story_page_names_the_details_one_source_alone_tells(store: Any, fake_engine: Any) -> None:
    from fastapi.testclient import TestClient

    from crosswire.models import Document
    from crosswire.service.app import create_app
    from crosswire.service.engine import summarize
    from crosswire.service.worker import Worker

    texts = {
        "ap": "Marcus Webb shot Daniel Ortiz after an argument over an unpaid tab.",
        "dmn": "Marcus Webb, the man accused of shooting Daniel Ortiz, had been fired.",
    }
    for doc_id, text in texts.items():
        store.add_document(Document(id=doc_id, text=text, title="Shooting"))
        store.assign_story(doc_id, "s-1")
    at = texts["ap"].index("argument")
    detail = {"document": "ap", "start": at, "end": len(texts["ap"]) - 1, "text": texts["ap"][at:-1]}
    cited = [{"document": d, "start": 0, "end": len(t), "text": t} for d, t in texts.items()]
    fact = {
        "id": "F1",
        "text": texts["ap"],
        "citations": cited,
        "documents": list(texts),
        "independent_sources": 2,
        "status": "corroborated",
    }
    brief = {
        "story": {"id": "s-1", "headline": "Shooting", "documents": list(texts)},
        "documents": [{"id": d, "source": d, "title": "Shooting", "published": None} for d in texts],
        # F2: as stored before revision 8, without details: no note, no error
        "facts": [{**fact, "single_source_details": [detail]}, {**fact, "id": "F2"}],
    }
    store.put_brief("s-1", brief=brief, markdown="", html="", summary=summarize(brief), documents=list(texts))
    client = TestClient(create_app(store, worker=Worker(store, fake_engine)))
    html = client.get("/story/s-1").text
    assert "— only one source tells “argument over an unpaid tab” (ap)</span>" in html
    assert html.count("only one source tells") == 1
