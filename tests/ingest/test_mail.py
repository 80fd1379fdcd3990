"""E-mail: a saved message (.eml) or an mbox mailbox → one Document per message, read as mail."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from crosswire import clean, ingest
from crosswire.ingest.detect import sniff_text
from crosswire.ledger import Ledger

READOUT = (
    "Senior Defense Spokesman Col. Chris Devine provided the following readout:\n\n"
    "Secretary of Defense Pete Hegseth met with Indian External Affairs Minister S. Jaishankar "
    "at the Pentagon on July 1, 2025. Secretary Hegseth expressed the U.S.’s hope to finalize "
    "major pending defense sales to India.\n\n"
    "“We’re eager to work alongside you to realize our shared goals,” Secretary Hegseth said.\n\n"
    "###\n\n"
    "You are subscribed to Defense.gov releases. Manage your subscription: "
    "https://subscriptions.defense.gov/manage\n"
)


def _release(text: str = READOUT, **headers: str) -> EmailMessage:
    m = EmailMessage()
    m["From"] = "U.S. Department of Defense <dod-releases@subscriptions.defense.gov>"
    m["To"] = "newsdesk@example.org"
    m["Subject"] = "Readout of Secretary of Defense Pete Hegseth’s Meeting With S. Jaishankar"
    m["Date"] = "Tue, 01 Jul 2025 21:14:00 +0000"
    m["Message-ID"] = "<20250701211400.123@subscriptions.defense.gov>"
    for name, value in headers.items():
        del m[name.replace("_", "-")]
        m[name.replace("_", "-")] = value
    m.set_content(text, cte="quoted-printable")
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
    m.add_alternative(html, subtype="html", cte="quoted-printable")
    return m


def _mail(sender: str, subject: str, date: str | None = None) -> EmailMessage:
    m = EmailMessage()
    m["From"], m["Subject"] = sender, subject
    if date is not None:
        m["Date"] = date
    return m


def _read(path: Path) -> tuple[list[ingest.Document], Ledger]:
    ledger = Ledger()
    return list(ingest.run([str(path)], ledger=ledger)), ledger


def test_a_press_release_by_mail_is_read_as_its_text_with_sender_subject_and_date(tmp_path: Path) -> None:
    path = tmp_path / "readout.eml"
    path.write_bytes(bytes(_release()))
    assert b"=E2=80=99" in path.read_bytes()  # quoted-printable on disk
    (doc,), ledger = _read(path)
    assert ledger.rejected == []
    assert (doc.id, doc.format, doc.path) == ("readout", "mail", str(path))
    assert doc.text == READOUT  # the plain part, decoded; the HTML alternative is not repeated
    assert doc.title == "Readout of Secretary of Defense Pete Hegseth’s Meeting With S. Jaishankar"
    assert doc.source == "U.S. Department of Defense"
    assert (doc.published, doc.published_from) == ("2025-07-01T21:14:00+00:00", "mail")
    assert doc.meta["from"] == "dod-releases@subscriptions.defense.gov"
    assert doc.meta["message_id"] == "<20250701211400.123@subscriptions.defense.gov>"
    # the clean view ends at the release's "###": the mailing's footer is no report, and the
    # release is not cut short because its last line is a link
    (cleaned,) = clean.run([doc])
    assert cleaned.clean.endswith("realize our shared goals,” Secretary Hegseth said.")
    assert not cleaned.truncated


def test_a_newsletter_with_html_only_is_read_without_its_markup(tmp_path: Path) -> None:
    m = _mail("newsletter@briefing.example", "Fwd: Re: Morning briefing", "2 Jul 2025 06:00:00 +0530")
    m.set_content(
        "<html><body><h1>Morning briefing</h1><p>India and the US will sign a ten-year defence "
        "framework, officials said.</p><p>View this email in your browser</p></body></html>",
        subtype="html",
    )
    path = tmp_path / "briefing.eml"
    path.write_bytes(bytes(m))
    (doc,), _ = _read(path)
    assert "<p>" not in doc.text and "ten-year defence framework, officials said." in doc.text
    assert doc.source == "briefing.example"  # no display name: the sender's domain
    assert doc.title == "Morning briefing"  # "Fwd: Re:" dropped
    assert doc.published == "2025-07-02T06:00:00+05:30"
    (cleaned,) = clean.run([doc])
    assert "browser" not in cleaned.clean


def test_a_mailbox_gives_one_document_per_message_and_rejects_one_without_text(tmp_path: Path) -> None:
    second = _release(
        "The Pentagon said India has deployed M777 howitzers.\n\n>From the archive: the 2016 deal.\n",
        Subject="Pentagon: India deploys howitzers",
        Message_ID="<2@example.org>",
    )
    attachment_only = _mail("desk@example.org", "Scan")
    attachment_only.add_attachment(
        b"%PDF-1.7 ...", maintype="application", subtype="pdf", filename="scan.pdf"
    )
    box = b""
    for k, message in enumerate((_release(), attachment_only, second)):
        raw = bytes(message).replace(b"\nFrom the archive", b"\n>From the archive")
        box += f"From sender{k}@example.org Tue Jul  1 21:14:00 2025\n".encode() + raw + b"\n"
    path = tmp_path / "inbox.mbox"
    path.write_bytes(box)
    docs, ledger = _read(path)
    assert [d.id for d in docs] == ["inbox#1", "inbox#3"]
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:3"]
    assert docs[1].title == "Pentagon: India deploys howitzers"
    assert "\nFrom the archive: the 2016 deal." in docs[1].text  # mboxrd's ">From " unescaped
    (rejected,) = ledger.rejected
    assert (rejected.path, rejected.line, rejected.code) == (str(path), 2, "no-text")
    assert "has no text or HTML body (it has only scan.pdf)" in rejected.reason


def test_a_forwarded_release_is_read_as_the_message_it_carries(tmp_path: Path) -> None:
    # forwarded as an attachment, with the forwarder's short note
    editor, forwarded = "Ann Editor <ann@newsroom.example>", "Thu, 03 Jul 2025 09:00:00 +0000"
    outer = _mail(editor, "Fwd: Readout", forwarded)
    outer.set_content("FYI, the readout below.\n")
    outer.add_attachment(_release())
    (tmp_path / "attached.eml").write_bytes(bytes(outer))
    (doc,), _ = _read(tmp_path / "attached.eml")
    assert doc.text == READOUT and doc.source == "U.S. Department of Defense"
    assert doc.published == "2025-07-01T21:14:00+00:00"

    # forwarded inline, as Gmail writes it: the quoted header lines give sender, date and subject
    inline = _mail(editor, "Fwd: Readout", forwarded)
    inline.set_content(
        "FYI\n\n---------- Forwarded message ---------\n"
        "From: U.S. Department of Defense <dod-releases@subscriptions.defense.gov>\n"
        "Date: Tue, Jul 1, 2025 at 5:14 PM\n"
        "Subject: Readout of the meeting\n"
        "To: <newsdesk@example.org>\n\n" + READOUT
    )
    (tmp_path / "inline.eml").write_bytes(bytes(inline))
    (doc,), _ = _read(tmp_path / "inline.eml")
    assert doc.text == READOUT
    assert (doc.source, doc.title) == ("U.S. Department of Defense", "Readout of the meeting")
    assert doc.published is not None and doc.published.startswith("2025-07-01")


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("From: a@example.org\nTo: b@example.org\nSubject: Hi\n\nBody.\n", "mail"),
        (
            "Received: from mx.example.org\n\tby mx2; Tue, 1 Jul 2025\nMessage-ID: <1@x>\nFrom: a@x\n\nB\n",
            "mail",
        ),
        ("From a@example.org Tue Jul  1 21:14:00 2025\nFrom: a@example.org\nSubject: Hi\n\nBody.\n", "mail"),
        # an article whose first lines look like labels is no message
        ("Date: July 2, 2025\nSource: PTI\n\nHegseth met Jaishankar.\n", "text"),
        ("From: Reuters\nThe quake struck at dawn.\n", "text"),
        ("From the Pentagon, Hegseth said: the talks went well.\nSubject: defence sales.\n", "text"),
    ],
)
def test_mail_is_told_by_its_headers(text: str, fmt: str) -> None:
    assert sniff_text(text, name="x.txt") == fmt


def test_an_uploaded_message_is_read_as_mail_too() -> None:
    # the service's POST /documents hands file uploads to read_bytes
    ledger = Ledger()
    (doc,) = ingest.read_bytes(bytes(_release()), name="readout.eml", ledger=ledger)
    assert (doc.id, doc.format, doc.source) == ("readout", "mail", "U.S. Department of Defense")


@pytest.mark.parametrize(
    ("charset", "body"),
    [
        ("x-bogus", "L’Aquila".encode()),  # an unknown charset over UTF-8 bytes
        ("iso-8859-1", "Gênes".encode("latin-1")),  # a real declaration the bytes need
        ("us-ascii", "L’Aquila".encode()),  # a wrong one: the bytes are UTF-8
    ],
)
def test_a_part_is_decoded_as_crosswire_decodes_files(charset: str, body: bytes) -> None:
    raw = (
        b"From: Desk <desk@example.org>\nSubject: Quake\nMIME-Version: 1.0\n"
        + f'Content-Type: text/plain; charset="{charset}"\nContent-Transfer-Encoding: 8bit\n\n'.encode()
        + b"The quake struck near "
        + body
        + b" at dawn, officials said.\n"
    )
    ledger = Ledger()
    (doc,) = ingest.read_bytes(raw, name="quake.eml", ledger=ledger)
    assert ledger.rejected == []
    assert doc.text.startswith(
        "The quake struck near " + body.decode("utf-8" if charset != "iso-8859-1" else "latin-1")
    )


def _alert() -> EmailMessage:
    items = [
        (
            "Hegseth meets Jaishankar at Pentagon, hails defence ties",
            "The Hindu",
            "https://www.thehindu.com/news/a1",
        ),
        (
            "US, India to sign 10-year defence framework soon",
            "Hindustan Times",
            "https://www.hindustantimes.com/b2",
        ),
        ("Pentagon chief eyes major arms sales to India", "Reuters", "https://www.reuters.com/world/c3"),
        ("Jaishankar calls defence ties a consequential pillar", "NDTV", "https://www.ndtv.com/d4"),
    ]
    snippet = "US Defence Secretary Pete Hegseth met External Affairs Minister S Jaishankar on Tuesday ..."
    text = "=== News - 4 new results for [hegseth jaishankar] ===\n\n" + "".join(
        f"{title}\n{outlet}\n{snippet}\n<https://www.google.com/url?rct=j&sa=t&url={url}&ct=ga>\n\n"
        for title, outlet, url in items
    )
    html = "".join(
        f'<p><a href="https://www.google.com/url?rct=j&amp;sa=t&amp;url={url}&amp;ct=ga">{title}</a><br>'
        f"{outlet}<br>{snippet}</p>"
        for title, outlet, url in items
    )
    m = _mail("Google Alerts <googlealerts-noreply@google.com>", "Google Alert - hegseth jaishankar")
    m.set_content(text + "Unsubscribe: https://www.google.com/alerts/remove?source=alertsmail\n")
    m.add_alternative(
        f"<html><body>{html}<a href='https://www.google.com/alerts'>Edit this alert</a></body></html>",
        subtype="html",
    )
    return m


@pytest.mark.parametrize("parts", ["both", "text only"])
def test_an_alert_digest_is_rejected_naming_the_sites_and_a_link_to_give(parts: str) -> None:
    m = _alert()
    if parts == "text only":
        m = _mail(m["From"], m["Subject"])
        m.set_content(_alert().get_body(preferencelist=("plain",)).get_content())  # type: ignore[union-attr]
    ledger = Ledger()
    assert list(ingest.read_bytes(bytes(m), name="alert.eml", ledger=ledger)) == []
    (rejected,) = ledger.rejected
    assert rejected.code == "digest"
    assert (
        "linking 4 articles on 4 sites (thehindu.com, hindustantimes.com, reuters.com, …)" in rejected.reason
    )
    assert "crosswire ingest https://www.thehindu.com/news/a1" in rejected.reason


def test_a_release_with_a_few_links_is_no_digest() -> None:
    text = READOUT.replace(
        "###",
        "Read the framework at https://www.defense.gov/framework, the joint statement at "
        "https://www.mea.gov.in/statement and the fact sheet at https://www.whitehouse.gov/facts.\n\n###",
    )
    ledger = Ledger()
    (doc,) = ingest.read_bytes(bytes(_release(text)), name="readout.eml", ledger=ledger)
    assert ledger.rejected == [] and doc.source == "U.S. Department of Defense"


def test_a_mailbox_larger_than_the_limit_is_read_message_by_message(tmp_path: Path) -> None:
    envelope = b"From press@example.mil Tue Jul  1 21:14:00 2025\n"
    big = _release(READOUT + "\nThe annex follows.\n" + "Annex line about the framework.\n" * 400)
    box = tmp_path / "inbox.mbox"
    box.write_bytes(b"".join(envelope + bytes(m) + b"\n" for m in (_release(), big, _release())))
    limit = len(bytes(_release())) + 200  # each readout fits, the annexed one and the mailbox do not
    ledger = Ledger()
    docs = list(ingest.run([str(box)], ledger=ledger, max_bytes=limit))
    assert [d.id for d in docs] == ["inbox#1", "inbox#3"]
    (rejected,) = ledger.rejected
    assert (rejected.line, rejected.code) == (2, "too-large") and "--max-bytes" in rejected.reason


def test_known_messages_of_a_mailbox_are_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a watcher reads a grown mailbox again: the messages it has are skipped by their place
    from crosswire.ingest import mail

    envelope = b"From press@example.mil Tue Jul  1 21:14:00 2025\n"
    box = tmp_path / "inbox.mbox"
    box.write_bytes(b"".join(envelope + bytes(_release()) + b"\n" for _ in range(3)))
    parsed: list[str] = []
    real = mail._read_message

    def counting(raw: bytes, **kw: object) -> object:
        parsed.append(str(kw["doc_id"]))
        return real(raw, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(mail, "_read_message", counting)
    docs = list(ingest.run([str(box)], ledger=Ledger(), known={"inbox#1", "inbox#2"}))
    assert [d.id for d in docs] == parsed == ["inbox#3"]
