"""Boilerplate lines are removed; sentences that mention the same words are kept."""

from __future__ import annotations

import pytest

from crosswire import clean
from crosswire.clean.boilerplate import is_boilerplate, is_end_mark, is_teaser
from crosswire.models import Document


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Media playback is unsupported on your device",
        "Media caption Lorenzo Nunez says he heard a strong explosion",
        "Image copyright Reuters",
        "Image caption The plane caught fire after take-off",
        "Photo: AP",
        "Story continues below this ad",
        "Story continues below advertisement",
        # a BBC page's player and caption, run together on one line
        "Media playback is unsupported on your device Media caption Footage shows damage in Onna",
        "Share this with Facebook Twitter Email",
        "Share this with Facebook Messenger Email Twitter",
        # the Guardian's, the New York Times' and WordPress's furniture
        "Rescuers search the rubble in Onna. Photograph: Alessandro Bianchi/Reuters",
        "Boris Johnson in Downing Street. Composite: Getty Images",
        "Photo by John Smith/AP",
        "Supported by",
        "Most viewed",
        "Reuse this content",
        "Explore more on these topics",
        "5 min read",
        "Click to share on Twitter (Opens in new window)",
        "Sign up to First Edition, our free daily newsletter",
        "Also Read: India, US to sign 10-year defence framework",
        "Also read",
        "Read more",
        "Read More: Quad ministers meet in Washington",
        "Click here to read the full statement",
        "Follow us on Twitter and Facebook",
        "For the latest news, follow us on Google News",
        "Share this article",
        "Share on WhatsApp",
        "Facebook | Twitter | WhatsApp | Email",
        "Subscribe to our newsletter",
        "Sign up for our daily newsletter to get the top stories",
        "© 2025 The Capital Ledger. All rights reserved.",
        "Copyright 2025 Example Media",
        "Download the Example News app for the latest updates",
        "ALSO READ | Quad foreign ministers meet in Washington",
        "Also Watch: Jaishankar at the Pentagon",
        "Published By: Asha Menon",
        "Last Updated: Jul 2, 2025 10:15 IST",
        "Posted 1 year, 160 days ago [downloaded on 2 October 2013]",
        "Updated 3 hrs ago",
        "POSTED: 1052 GMT (1852 HKT), April 10, 2007",
        "2 hours ago | Comments",
        "The post Earthquake kills at least 12 near L’Aquila appeared first on Abruzzo Today.",
        # a mailing's footer (press office, newsletter)
        "You are subscribed to Defense.gov releases. Manage your subscription: https://x.example/manage",
        "Unsubscribe | Update your preferences",
        "This email was sent to newsdesk@example.org",
        "View this email in your browser",
    ],
)
def test_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Hegseth on defence deals with India",
        "The minister said the newsletter was not the point.",
        "Read more about it in our report, the minister said, and the sales would go on.",
        "Twitter users shared the clip widely after the meeting.",
        "Subscribers to the service were told of the change on Tuesday, the company said.",
        "Follow-up talks are expected later this year.",
        "Published by Penguin, the memoir describes the talks.",
        "Updated figures were released on Tuesday, the ministry said.",
        "Photographs of the crash site were shared widely on Tuesday.",
        "Video footage showed passengers running from the plane.",
        "He was released two years ago.",
        "5 days ago the minister said the talks had failed.",
        "The photograph: a relic of 1979, he said.",
        "Supported by a majority of voters, the bill passed.",
        "Most viewed the plan as a failure, officials said.",
        "The post of mayor appeared first on the ballot in 1994, the council said, and again in 2004.",
        "Users can unsubscribe at any time, the company said.",
        "Update subscriptions rose 4 per cent in June, the company said.",
        "You were subscribed without your consent, the regulator told customers on Tuesday.",
    ],
)
def test_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_teasers() -> None:
    assert (
        is_teaser("Read more") and is_teaser("(more)") and is_teaser("Continue reading…") and is_teaser("[…]")
    )
    assert is_teaser("Read the rest of the story here.") and is_teaser("Read it all at example.com.")
    assert not is_teaser("More talks are planned.")
    assert not is_teaser("Read the rest of the statement, the minister said.")


def test_a_release_ends_at_its_end_mark_and_its_contacts_are_no_report() -> None:
    text = (
        "WASHINGTON — The Pentagon and India's Ministry of Defence agreed on Tuesday to sign a "
        "ten-year framework.\n\nThe framework will be signed later this year.\n\n-30-\n\n"
        "About the Department of Defense\nThe Department provides the military forces.\n\n"
        "Media contact: press@example.mil, +1 703 555 0100\n"
    )
    doc = next(clean.run([Document(id="r", text=text)]))
    assert doc.clean.endswith("The framework will be signed later this year.")
    assert "About the Department" not in doc.clean and not doc.truncated
    # a mark before any text of the report ends nothing
    head = "###\n\nThe Pentagon said talks went well.\n\nThey will meet again in July.\n"
    assert next(clean.run([Document(id="h", text=head)])).clean.endswith("They will meet again in July.")


@pytest.mark.parametrize("mark", ["###", "# # #", "-30-", "- 30 -", "ENDS", "- ENDS -", "[ENDS]", "-end-"])
def test_end_marks(mark: str) -> None:
    assert is_end_mark(mark)


@pytest.mark.parametrize("line", ["30", "The End", "# 3", "End of the talks, he said.", "Ends meet"])
def test_not_end_marks(line: str) -> None:
    assert not is_end_mark(line)


def test_boilerplate_removed_between_paragraphs() -> None:
    text = (
        "The two leaders met at the Pentagon.\n\nAdvertisement\n\nThey discussed sales.\n"
        "Also Read: Quad meets in Washington\nThey also discussed training.\n\nFollow us on X\n"
    )
    doc = next(clean.run([Document(id="b", text=text)]))
    assert (
        doc.clean
        == "The two leaders met at the Pentagon.\n\nThey discussed sales.\nThey also discussed training."
    )
    assert doc.truncated is False


@pytest.mark.parametrize(
    "line",
    [
        "Watch the full interview below:",
        "Listen to both interviews below:",
        "Subscribe here or listen to the latest episode below:",
        "Also on WorldPost:",
        "Enter your email address:",
    ],
)
def test_embed_lead_ins(line: str) -> None:
    assert is_boilerplate(line)


def test_a_stub_is_rejected_with_its_word_count() -> None:
    from crosswire.ledger import Ledger

    docs = [
        Document(id="ok", text="ok\n", path="inbox/ok.txt"),
        Document(id="404", text="Page not found\n", path="inbox/404.txt"),
        Document(
            id="rss", text="Dockworkers in Rotterdam extended their strike on Tuesday.\n", path="feed#1"
        ),
    ]
    ledger = Ledger()
    assert [d.id for d in clean.run(docs, ledger=ledger)] == ["rss"]  # one short sentence is a report
    reasons = {r.path: (r.code, r.reason) for r in ledger.rejected}
    assert reasons["inbox/ok.txt"] == (
        "short",
        "the text has 1 word, fewer than the 5 a report needs (CROSSWIRE_MIN_WORDS sets the limit)",
    )
    assert reasons["inbox/404.txt"][1].startswith("the text has 3 words")
    assert [d.id for d in clean.run(docs, ledger=Ledger(), min_words=1)] == ["ok", "404", "rss"]


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("UPDATE 2-Earthquake kills 12 in central Italy", "Earthquake kills 12 in central Italy"),
        ("REFILE-UPDATE 3-Italy quake toll rises", "Italy quake toll rises"),
        ("EXCLUSIVE-Meloni to declare emergency", "Meloni to declare emergency"),
        ("CORRECTED (OFFICIAL)-Quake hits Abruzzo", "Quake hits Abruzzo"),
        ("Update on the quake: 12 dead", "Update on the quake: 12 dead"),
        ("U.S.-Italy talks resume", "U.S.-Italy talks resume"),
        ("BRIEF-", "BRIEF-"),
    ],
)
def test_a_wire_slug_is_cut_from_the_title(title: str, shown: str) -> None:
    from crosswire.clean.boilerplate import without_wire_slug

    assert without_wire_slug(title) == shown
    doc = next(clean.run([Document(id="t", text=f"{title}\n\nThe quake struck at dawn.", title=title)]))
    assert doc.title == shown
