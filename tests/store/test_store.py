"""The Store protocol on SQLite, PostgreSQL and the memory fake: same calls, same answers."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest

from crosswire.errors import ConfigError, MigrationError
from crosswire.models import Document, EditorNote, Fingerprint, OffsetMap, Span
from crosswire.store import migrate, open_store
from crosswire.store.migrate import migrations
from crosswire.store.records import StoryQuery, StorySummary, document_from_json, document_to_json, text_hash

TEXT = (
    "  WASHINGTON (PTI) —  Hegseth met Jaishankar at the Pentagon on Tuesday.\n\nThey spoke of defence sales."
)


def _doc(doc_id: str = "d1", text: str = TEXT, **kw: Any) -> Document:
    return Document(id=doc_id, text=text, **kw)


def _summary(headline: str = "Hegseth meets Jaishankar", **kw: Any) -> StorySummary:
    base: dict[str, Any] = {
        "first_date": "2025-07-01",
        "last_date": "2025-07-02",
        "independent_sources": 3,
        "conflicts": 1,
    }
    return StorySummary(headline=headline, **{**base, **kw})


def test_document_round_trip_keeps_every_field(any_store: Any) -> None:
    first, second = "Hegseth met Jaishankar at the Pentagon on Tuesday.", "They spoke of defence sales."
    clean = f"{first} {second}"
    h = TEXT.index(first)
    # two runs: the first sentence plus one whitespace character, then the second sentence
    offsets = OffsetMap((0, len(first) + 1), (h, TEXT.index(second)), (len(first) + 1, len(second)))
    doc = _doc(
        url="https://example.org/a",
        source="example.org",
        title="Meeting",
        author="A. Writer",
        published="2025-07-01",
        published_from="dateline",
        dateline_place="WASHINGTON",
        credit="PTI",
        credit_span=Span("d1", 13, 16),
        clean=clean,
        offsets=offsets,
        fingerprint=Fingerprint("d1", "ab" * 16, 2**63 + 5),
        meta={"feed": "x", "n": 3},
        truncated=True,
        truncation_reason="ends mid-sentence",
        notes=(EditorNote("d1", 0, 7, "correction"),),
    )
    assert any_store.add_document(doc) is None
    back = any_store.get_document("d1")
    assert back == doc
    assert back.fingerprint.simhash == 2**63 + 5 and back.meta == {"feed": "x", "n": 3}
    assert back.notes == (EditorNote("d1", 0, 7, "correction"),)  # the outlet's correction stays cited
    c = back.cite_body(0, 7)
    assert back.text[c.start : c.end] == c.text == "Hegseth"
    c = back.cite_body(len(first) + 1, len(clean))
    assert back.text[c.start : c.end] == c.text == second


def test_codec_is_lossless_for_plain_documents() -> None:
    doc = _doc()
    assert document_from_json(doc.id, doc.text, document_to_json(doc)) == doc


def test_duplicates_by_id_url_and_text(any_store: Any) -> None:
    assert any_store.add_documents([_doc(url="https://example.org/a")]) == ["d1"]
    assert any_store.add_document(_doc()) == "d1"  # same id
    assert any_store.add_document(_doc("d2", TEXT.replace("\n\n", "\r\n\r\n") + "  ")) == "d1"  # same words
    assert any_store.add_document(_doc("d3", "Other words.", url="https://example.org/a")) == "d1"  # same URL
    assert any_store.add_document(_doc("d4", "Other words entirely.")) is None
    assert any_store.count_documents() == 2
    assert text_hash("a  b\n") == text_hash("a b")


def test_stories_assign_merge_delete(any_store: Any) -> None:
    for i, day in enumerate(["2025-07-02", "2025-07-01", "2025-07-03"]):
        any_store.add_document(
            _doc(f"d{i}", f"Report {i} of the meeting.", published=day, source=f"src{i % 2}")
        )
    any_store.assign_story("d0", "s-a")
    any_store.assign_story("d1", "s-a")
    any_store.assign_story("d2", "s-b")
    assert any_store.story_document_ids("s-a") == ["d1", "d0"]  # by publication date
    a = any_store.get_story("s-a")
    assert (a.first_date, a.last_date, a.documents, a.independent_sources, a.stale) == (
        "2025-07-01",
        "2025-07-02",
        2,
        2,
        True,
    )
    assert any_store.document_story("d2") == "s-b"
    assert any_store.unassigned_documents() == []

    # d2 arrives in s-a and brings s-b with it (the clusterer merged them)
    any_store.assign_story("d2", "s-a", merged=["s-b"])
    assert any_store.get_story("s-b") is None
    assert sorted(any_store.story_document_ids("s-a")) == ["d0", "d1", "d2"]

    found, story = any_store.delete_document("d0")
    assert (found, story) == (True, "s-a") and any_store.get_story("s-a").stale
    any_store.delete_document("d1")
    found, story = any_store.delete_document("d2")
    assert (found, story) == (True, None)  # the last document: the story goes too
    assert any_store.get_story("s-a") is None
    assert any_store.delete_document("d2") == (False, None)


def test_a_story_merged_away_says_where_its_documents_went(any_store: Any) -> None:
    for i in range(3):
        any_store.add_document(_doc(f"d{i}", f"Report {i} of the meeting."))
    any_store.assign_story("d0", "s-a")
    any_store.assign_story("d1", "s-b")
    any_store.assign_story("d2", "s-c")
    any_store.assign_story("d1", "s-a", merged=["s-b"])  # s-b → s-a
    any_store.assign_story("d0", "s-c", merged=["s-a"])  # s-a → s-c: s-b follows on
    assert any_store.story_moved_to("s-a") == "s-c"
    assert any_store.story_moved_to("s-b") == "s-c"
    assert any_store.story_moved_to("s-c") is None  # alive, not moved
    assert any_store.story_moved_to("s-never") is None
    any_store.assign_story("d1", "s-b")  # the id lives again
    assert any_store.story_moved_to("s-b") is None and any_store.get_story("s-b") is not None


def test_brief_is_fresh_only_for_the_documents_it_was_computed_from(any_store: Any) -> None:
    any_store.add_document(_doc("d1", "First report."))
    any_store.add_document(_doc("d2", "Second report."))
    any_store.assign_story("d1", "s-a")
    brief = {"story": {"id": "s-a", "headline": "H"}, "summary": [{"text": "First report.", "citations": []}]}
    assert any_store.put_brief(
        "s-a", brief=brief, markdown="# H", html="<h1>H</h1>", summary=_summary(), documents=["d1"]
    )
    story = any_store.get_story("s-a")
    assert not story.stale and story.updated_at and story.headline == "Hegseth meets Jaishankar"
    assert any_store.get_brief("s-a") == brief
    assert (
        any_store.get_rendered("s-a", "md") == "# H" and any_store.get_rendered("s-a", "html") == "<h1>H</h1>"
    )

    any_store.assign_story("d2", "s-a")  # arrives while the next brief is computed from d1 only
    assert not any_store.put_brief(
        "s-a", brief=brief, markdown="", html="", summary=_summary(), documents=["d1"]
    )
    assert any_store.get_story("s-a").stale and any_store.stale_stories() == ["s-a"]

    any_store.put_brief_error("s-a", "ValueError: boom")
    st = any_store.get_story("s-a")
    assert st.error == "ValueError: boom" and not st.stale and any_store.get_brief("s-a") == brief
    assert (
        any_store.put_brief("s-x", brief={}, markdown="", html="", summary=_summary(), documents=[]) is False
    )


def test_briefs_of_another_revision_are_outdated(any_store: Any) -> None:
    for k in (1, 2, 3):
        any_store.add_document(_doc(f"d{k}", f"Report number {k}."))
        any_store.assign_story(f"d{k}", f"s-{k}")
    kw: dict[str, Any] = {"brief": {}, "markdown": "", "html": "", "summary": _summary()}
    any_store.put_brief("s-1", documents=["d1"], **kw)  # stored before revisions were recorded
    any_store.put_brief("s-2", documents=["d2"], revision=1, **kw)
    any_store.put_brief("s-3", documents=["d3"], revision=2, **kw)
    assert sorted(any_store.outdated_briefs(2)) == ["s-1", "s-2"]
    any_store.put_brief("s-2", documents=["d2"], revision=2, **kw)
    assert any_store.outdated_briefs(2) == ["s-1"]


def test_a_story_counts_its_updates_apart_from_its_conflicts(any_store: Any) -> None:
    any_store.add_document(_doc("d1", "Twelve dead in the quake."))
    any_store.assign_story("d1", "s-q")
    any_store.put_brief(
        "s-q", brief={}, markdown="", html="", summary=_summary(updates=1), documents=["d1"], revision=4
    )
    (listed,), _ = any_store.list_stories(StoryQuery())
    assert (listed.conflicts, listed.updates) == (1, 1)
    assert any_store.get_story("s-q").updates == 1


@pytest.mark.parametrize(
    ("column", "revision", "text"),
    [
        ("corrections", 5, "Twelve dead in the quake."),  # reports their outlets corrected
        ("unnamed", 6, "Three people familiar with the matter said so."),  # facts on unnamed sources
    ],
)
def test_a_story_keeps_its_count_columns(any_store: Any, column: str, revision: int, text: str) -> None:
    any_store.add_document(_doc("d1", text))
    any_store.assign_story("d1", "s-q")
    summary = _summary(**{column: 2})
    any_store.put_brief(
        "s-q", brief={}, markdown="", html="", summary=summary, documents=["d1"], revision=revision
    )
    (listed,), _ = any_store.list_stories(StoryQuery())
    assert getattr(listed, column) == getattr(any_store.get_story("s-q"), column) == 2


@pytest.mark.parametrize(("version", "column"), [(6, "corrections"), (7, "unnamed")])
def test_a_migration_gives_stories_a_count_column(
    sql_url: str, monkeypatch: pytest.MonkeyPatch, version: int, column: str
) -> None:
    # schema 6: reports their outlets corrected; schema 7: corroborated facts on unnamed sources
    s = _open_at(sql_url, monkeypatch, version - 1)
    s.add_document(_doc("d1", "Report number 1."))
    s.assign_story("d1", "s-1")
    s.close()
    s = _open_at(sql_url, monkeypatch, None)
    assert s.schema_version >= version and getattr(s.get_story("s-1"), column) == 0
    s.put_brief("s-1", brief={}, markdown="", html="", summary=_summary(**{column: 1}), documents=["d1"])
    assert getattr(s.get_story("s-1"), column) == 1
    s.close()


_SHIPPED_MIGRATIONS = migrate.migrations  # before any test swaps it


def _open_at(sql_url: str, monkeypatch: pytest.MonkeyPatch, schema: int | None) -> Any:
    """The store at ``sql_url`` opened by a crosswire that ships the first ``schema`` migrations
    (None: all of them), as an older crosswire left it and a newer one opens it."""
    shipped = _SHIPPED_MIGRATIONS("sqlite" if sql_url.startswith("sqlite") else "postgres")
    monkeypatch.setattr(migrate, "migrations", lambda d: shipped[:schema])
    return open_store(sql_url)


def test_migration_4_marks_stored_briefs_with_an_update_for_recomputation(
    sql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Briefs stored before the updates column held their updates only in the brief JSON.
    s = _open_at(sql_url, monkeypatch, 3)
    update = {"conflicts": [{"kind": "update", "description": "toll rose"}]}
    for k, brief in ((1, update), (2, {"conflicts": [{"kind": "number"}]})):
        s.add_document(_doc(f"d{k}", f"Report number {k}."))
        s.assign_story(f"d{k}", f"s-{k}")
        with s._tx() as run:
            run(
                "UPDATE stories SET brief = ?, brief_revision = 3 WHERE id = ?",
                (json.dumps(brief), f"s-{k}"),
            )
    assert s.outdated_briefs(3) == []
    s.close()
    s = _open_at(sql_url, monkeypatch, None)
    assert s.schema_version >= 4
    assert s.outdated_briefs(3) == ["s-1"]
    assert {st.id: st.updates for st in s.list_stories(StoryQuery())[0]} == {"s-1": 0, "s-2": 0}
    s.close()


def test_list_stories_filters(any_store: Any) -> None:
    any_store.add_document(
        _doc("d1", "Hegseth met Jaishankar at the Pentagon.", source="Reuters", published="2025-07-01")
    )
    any_store.add_document(
        _doc("d2", "Floods closed schools in Valencia.", source="El País", published="2024-10-30")
    )
    any_store.assign_story("d1", "s-a")
    any_store.assign_story("d2", "s-b")
    any_store.put_brief(
        "s-a",
        brief={},
        markdown="",
        html="",
        documents=["d1"],
        summary=_summary(
            "Pentagon meeting",
            first_date="2025-07-01",
            last_date="2025-07-01",
            entities=("Pete Hegseth", "S. Jaishankar"),
        ),
    )

    def ids(**kw: Any) -> list[str]:
        stories, total = any_store.list_stories(StoryQuery(**kw))
        assert total == len(stories) or kw.get("limit")
        return [s.id for s in stories]

    assert ids() == ["s-a", "s-b"]  # newest first
    assert ids(limit=1, offset=1) == ["s-b"]
    assert ids(source="reuters") == ["s-a"] and ids(source="país") == ["s-b"]
    assert ids(entity="jaishankar") == ["s-a"] and ids(entity="100%_") == []
    assert ids(text="valencia schools") == ["s-b"] and ids(text="pentagon") == ["s-a"]
    assert ids(date_from="2025-01-01") == ["s-a"] and ids(date_to="2024-12-31") == ["s-b"]
    assert ids(date_from="2024-10-01", date_to="2024-11-01") == ["s-b"]
    # the brief's count of independent sources (3), or before it the outlets (1)
    assert ids(min_sources=2) == ["s-a"] and ids(min_sources=4) == [] and ids(min_sources=1) == ["s-a", "s-b"]


def test_search_marks_matches_and_survives_query_syntax(any_store: Any) -> None:
    any_store.add_document(_doc("d1", "Hegseth met Jaishankar at the Pentagon.", title="Pentagon talks"))
    any_store.add_document(_doc("d2", "Floods closed schools in Valencia."))
    (hit,) = any_store.search("pentagon")
    assert hit.document == "d1" and "\ue000" in hit.snippet and "\ue001" in hit.snippet
    assert any_store.search("   ") == []
    for hostile in ['"', "NEAR(a b", "a OR", "*", "title:x", "'; DROP TABLE documents; --"]:
        any_store.search(hostile)
    assert any_store.count_documents() == 2
    any_store.delete_document("d1")
    assert any_store.search("pentagon") == []


def test_feeds_folders_tokens(any_store: Any) -> None:
    f = any_store.add_feed("https://example.org/rss", interval=300)
    assert (
        any_store.add_feed("https://example.org/rss", interval=60).id == f.id
    )  # same URL: updated, not doubled
    any_store.update_feed(
        f.id,
        etag='"e1"',
        last_modified="Tue, 01 Jul 2025 10:00:00 GMT",
        polled="2025-07-01T10:00:00+00:00",
        error=None,
    )
    (feed,) = any_store.list_feeds()
    assert (feed.interval, feed.etag, feed.last_polled) == (60, '"e1"', "2025-07-01T10:00:00+00:00")
    assert any_store.delete_feed(f.id) and not any_store.delete_feed(f.id)

    d = any_store.add_folder("/srv/news", interval=10)
    any_store.update_folder(d.id, scanned="2025-07-01T10:00:00+00:00", error=None, seen={"a.txt": "10:1"})
    any_store.update_folder(
        d.id, scanned="2025-07-01T10:01:00+00:00", error="x: bad", seen={"a.txt": "12:2", "b.txt": "5:1"}
    )
    (folder,) = any_store.list_folders()
    assert folder.seen == {"a.txt": "12:2", "b.txt": "5:1"} and folder.last_error == "x: bad"
    assert any_store.delete_folder(d.id) and any_store.list_folders() == []

    any_store.add_token("ci", "ab" * 32)
    assert any_store.token_digests() == ["ab" * 32]


def test_concurrent_writers_do_not_lose_documents(any_store: Any) -> None:
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(15):
                any_store.add_document(_doc(f"t{n}-{i}", f"Thread {n} wrote report number {i}."))
                any_store.list_stories(StoryQuery())
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and any_store.count_documents() == 60


def test_migration_5_lets_the_versions_of_a_page_share_its_address(
    sql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A store made before schema 5 had one row an address: the page's corrected version could
    # not be stored beside the first
    s = _open_at(sql_url, monkeypatch, 4)
    s.add_document(_doc("d1", "The first version of the page.", url="https://example.org/a"))
    s.close()
    s = _open_at(sql_url, monkeypatch, None)
    assert s.schema_version >= 5
    version = _doc(
        "d1~v2",
        "The page as its outlet corrected it.",
        url="https://example.org/a",
        meta={"version_of": "d1", "version": 2},
    )
    assert s.add_document(version) is None
    assert s.get_document("d1~v2") == version
    # any other document under that address is still a duplicate of the first
    assert s.add_document(_doc("d3", "Other words.", url="https://example.org/a")) == "d1"
    s.close()


def test_migrations_are_numbered_and_recorded(sql_url: str) -> None:
    for dialect in ("sqlite", "postgres"):
        steps = migrations(dialect)
        assert [m.version for m in steps] == list(range(1, len(steps) + 1))
    s = open_store(sql_url)
    assert s.schema_version == len(migrations(s.dialect))
    s.close()
    again = open_store(sql_url)  # reopening applies nothing and keeps the data
    assert again.schema_version == s.schema_version
    again.close()


def test_a_newer_schema_is_refused(sql_url: str) -> None:
    s = open_store(sql_url)
    with s._tx() as run:
        run(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
            (999, "future", "2099-01-01"),
        )
    s.close()
    with pytest.raises(MigrationError, match=r"schema version 999.*upgrade crosswire"):
        open_store(sql_url)


def test_unknown_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="sqlite:///PATH"):
        open_store("mysql://nope")


def test_default_url_is_in_the_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from crosswire.store import default_url

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'crosswire' / 'crosswire.db'}"


def test_sqlite_uses_wal(sqlite_url: str) -> None:
    s = open_store(sqlite_url)
    assert s._rows("PRAGMA journal_mode")[0][0] == "wal"
    s.close()


def test_document_ids_since(any_store: Any) -> None:
    any_store.add_document(_doc("d1", "First report."))
    (row,) = any_store.list_documents()
    any_store.add_document(_doc("d2", "Second report."))
    assert any_store.all_document_ids() == ["d1", "d2"]
    assert any_store.all_document_ids(since=row.added_at) == ["d1", "d2"]
    assert any_store.all_document_ids(since="2999-01-01T00:00:00+00:00") == []


def test_a_new_migration_applies_once_and_a_failing_one_rolls_back(
    sql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = open_store(sql_url)
    dialect = s.dialect
    s.add_document(_doc("d1", "Kept across the upgrade."))
    s.close()
    shipped = migrate.migrations(dialect)
    step2 = migrate.Migration(
        len(shipped) + 1, "add_notes", "CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)"
    )
    monkeypatch.setattr(migrate, "migrations", lambda d: [*shipped, step2])
    s = open_store(sql_url)
    assert s.schema_version == step2.version and s.get_document("d1") is not None
    assert s._rows("SELECT count(*) FROM notes")[0][0] == 0
    s.close()

    broken = migrate.Migration(
        step2.version + 1, "broken", "CREATE TABLE half (id TEXT); SELECT * FROM no_such_table"
    )
    monkeypatch.setattr(migrate, "migrations", lambda d: [*shipped, step2, broken])
    with pytest.raises(MigrationError, match="broken"):
        open_store(sql_url)
    monkeypatch.setattr(migrate, "migrations", lambda d: [*shipped, step2])
    s = open_store(sql_url)  # the failed step left version 2 and no half-made table
    assert s.schema_version == step2.version
    with pytest.raises(Exception, match="half"):
        s._rows("SELECT * FROM half")
    s.close()
