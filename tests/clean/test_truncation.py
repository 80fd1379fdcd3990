"""Truncation signals: each fires on its own case and stays quiet on complete texts."""

from __future__ import annotations

import pytest

from crosswire import clean
from crosswire.models import Document

DONE = "The two leaders met at the Pentagon on Tuesday."


def _clean(text: str) -> Document:
    return next(clean.run([Document(id="t", text=text)]))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"{DONE}\n\nThe minister said the deal would", "mid-sentence"),
        (f"{DONE}\n\nThe minister said the deal would be signed...", "ellipsis"),
        (f"{DONE}\n\nThe minister said the deal would be signed […]", "excerpt"),
        (f"{DONE}\n\nThe minister said the deal would be signed…", "ellipsis"),
        (f"{DONE}\n\nThe minister said the deal would be signed soon.\n\nRead more", "teaser"),
        (f"{DONE}\n\nHe said: “We hope to sign it soon. The details are", "quotation"),
        (f"{DONE}\n\nIndia has also deployed the Harpoon, it added.\n\n", "empty paragraph"),
        (f"{DONE}\n\nIndia has also deployed the Harpoon, it added.\n \n\t\n", "empty paragraph"),
    ],
)
def test_truncated(text: str, reason: str) -> None:
    doc = _clean(text)
    assert doc.truncated is True
    assert doc.truncation_reason is not None and reason in doc.truncation_reason


@pytest.mark.parametrize(
    "text",
    [
        DONE,
        f"{DONE}\n",  # one final newline is how text files end
        f"{DONE}\r\n",
        "“We will sign it soon,” he said.\n\n“Very soon.”",
        f"{DONE} “It is deep and ongoing”",  # a closing quote ends a sentence
        f"{DONE}\n\nBased On A PTI Report\n\n\n\n",  # blank padding after a closing credit line
        f"{DONE}\n\nAdvertisement\n\n",
        f"{DONE} Is it?",
        f"{DONE} (The ministry did not comment.)",
    ],
)
def test_complete(text: str) -> None:
    doc = _clean(text)
    assert (doc.truncated, doc.truncation_reason) == (False, None)


def test_nothing_left_is_rejected_into_the_ledger() -> None:
    from crosswire.ledger import Ledger

    ledger = Ledger()
    docs = list(
        clean.run(
            [Document(id="x", text="Advertisement\n\nShare this article\n", path="x.txt")], ledger=ledger
        )
    )
    assert docs == []
    [rej] = ledger.rejected
    assert (rej.path, rej.code) == ("x.txt", "empty")


@pytest.mark.parametrize("marker", ["Read more", "(more)", "Continue reading…", "Read More »"])
def test_inline_teaser_removed_and_flagged(marker: str) -> None:
    doc = _clean(f"{DONE} The minister said the deal would be signed soon. {marker}")
    assert doc.clean == f"{DONE} The minister said the deal would be signed soon."
    assert doc.truncated is True
    assert doc.truncation_reason is not None and "teaser" in doc.truncation_reason


@pytest.mark.parametrize("cut", ["the deal would be signed soon. […]", "the deal would be signed [...]"])
def test_a_feed_excerpt_mark_is_removed_and_flagged(cut: str) -> None:
    # WordPress feeds end an item's excerpt with "[…]", then a footer naming the site
    doc = _clean(
        f"{DONE} The minister said {cut}\n\nThe post Minister on the deal appeared first on Abruzzo Today.\n"
    )
    assert doc.clean == f"{DONE} The minister said {cut.rsplit(' ', 1)[0]}"
    assert doc.truncated is True and "excerpt" in (doc.truncation_reason or "")
    assert "editorial […] cut" in _clean(f"{DONE} He said the editorial […] cut was fair.").clean


def test_sentence_ending_in_teaser_words_is_not_a_teaser() -> None:
    doc = _clean("After the break the students will continue reading")
    assert doc.clean == "After the break the students will continue reading"
    assert doc.truncation_reason is not None and "mid-sentence" in doc.truncation_reason
    assert _clean("The pupils said they would continue reading.").truncated is False
