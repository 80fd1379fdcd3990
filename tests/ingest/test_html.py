"""The HTML reader on a realistic news page (navigation, share bar, related links, footer)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crosswire import clean, ingest
from crosswire.ingest.html import dropped_notices, read_html
from crosswire.ledger import Ledger


def test_news_page_body_and_metadata(write: Callable[[str, str], Path], news_page: str) -> None:
    path = write("hegseth.html", news_page)
    ledger = Ledger()
    [doc] = list(ingest.run([str(path)], ledger=ledger))
    assert ledger.rejected == []
    assert doc.format == "html"
    assert doc.id == "hegseth"
    assert doc.title == "Hegseth, Jaishankar discuss pending defence sales"
    assert doc.author == "Asha Menon"
    assert doc.site_name == doc.source == "The Capital Ledger"
    assert doc.url == "https://capital-ledger.example/world/hegseth-jaishankar-pentagon"
    assert doc.published is not None and doc.published.startswith("2025-07-02")
    assert doc.published_from == "html"
    assert "several major pending defence sales to India" in doc.text
    assert "consequential pillars" in doc.text
    for furniture in ("Sign in", "Share on Facebook", "All rights reserved", "Follow us on X", "dataLayer"):
        assert furniture not in doc.text


def test_headline_repeated_in_text_is_marked_for_clean(news_page: str) -> None:
    doc = read_html(news_page, path="p.html", doc_id="p")
    start, end = doc.meta["title_span"]
    assert doc.text[start:end] == doc.title


def test_html_detected_by_content_not_extension(write: Callable[[str, str], Path], news_page: str) -> None:
    path = write("saved-page.txt", news_page)
    [doc] = list(ingest.run([str(path)], ledger=Ledger()))
    assert doc.format == "html"
    assert "<p>" not in doc.text


def test_page_without_article_text_is_rejected_with_reason(write: Callable[[str, str], Path]) -> None:
    path = write(
        "empty.html",
        "<!doctype html><html><head><title>x</title></head><body><script>1</script></body></html>",
    )
    ledger = Ledger()
    assert list(ingest.run([str(path)], ledger=ledger)) == []
    [rej] = ledger.rejected
    assert rej.code == "no-text"
    assert rej.path == str(path)
    assert "no article text" in rej.reason


def test_page_without_date_has_no_date(news_page: str) -> None:
    page = news_page.replace(
        '<meta property="article:published_time" content="2025-07-02T08:15:00+05:30">', ""
    )
    page = page.replace(" | July 2, 2025", "")
    doc = read_html(page, path="p.html", doc_id="p")
    assert doc.published is None
    assert doc.published_from is None


def test_a_correction_notice_the_extractor_drops_is_kept_as_a_note(news_page: str) -> None:
    # Sites set their correction apart, in an aside the extractor leaves out as furniture: it
    # must not vanish on the way in — appended, the clean stage keeps it as the outlet's note
    notice = (
        '<aside class="correction-notice"><h4>Corrections</h4><p>Correction: An earlier version of this '
        "article said the meeting took place on Wednesday. It took place on Tuesday.</p></aside>"
    )
    page = news_page.replace("</article>", notice + "</article>", 1)
    plain = read_html(news_page, path="p.html", doc_id="p")
    doc = read_html(page, path="p.html", doc_id="p")
    note = (
        "Correction: An earlier version of this article said the meeting took place on Wednesday. "
        "It took place on Tuesday."
    )
    assert doc.text == plain.text.rstrip() + "\n\n" + note  # its paragraph, not the "Corrections" heading
    (cleaned,) = clean.run([doc])
    assert [(n.kind, cleaned.text[n.start : n.end]) for n in cleaned.notes] == [("correction", note)]
    assert "Wednesday" not in cleaned.clean


def test_a_marked_element_that_is_no_note_adds_nothing(news_page: str) -> None:
    plain = read_html(news_page, path="p.html", doc_id="p").text
    # a "corrections policy" link is marked, but it is no note on the report
    link = '<aside class="corrections-link">Read our corrections policy and how to report an error</aside>'
    assert dropped_notices(news_page.replace("</article>", link + "</article>", 1), plain) == []
    # a notice the extractor kept already is not added twice
    kept = '<p class="editors-note">Editor\'s note: This story has been updated with comment from the Pentagon.</p>'
    page = news_page.replace("</article>", kept + "</article>", 1)
    text = read_html(page, path="p.html", doc_id="p").text
    assert text.count("Editor's note: This story has been updated") == 1
