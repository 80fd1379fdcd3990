"""Who said what for reading: main list vs other attributions, diffs only where they help."""

from __future__ import annotations

from typing import Any

from crosswire.brief.quotes import (
    is_frame,
    kind_label,
    show_diff,
    shown_variants,
    split_quotes,
    variant_label,
)


def _q(qid: str, text: str, kind: str, speaker: str | None, doc: str = "d", start: int = 0) -> dict[str, Any]:
    cite = {"document": doc, "start": start, "end": start + len(text), "text": text}
    return {
        "id": qid,
        "speaker": speaker,
        "speaker_name": {"h": "Pete Hegseth", "dod": "Department of Defense"}.get(speaker or ""),
        "text": text,
        "kind": kind,
        "documents": [doc],
        "citations": [cite],
        "variants": [],
    }


ENTITIES = [
    {
        "id": "h",
        "name": "Pete Hegseth",
        "type": "PERSON",
        "aliases": ["Hegseth"],
        "roles": [],
        "documents": ["d"],
    },
    {
        "id": "dod",
        "name": "Department of Defense",
        "type": "ORG",
        "aliases": [],
        "roles": [],
        "documents": ["d"],
    },
]


def test_fragments_unknown_speakers_frames_and_nested_parses_are_other_attributions() -> None:
    quotes = [
        _q("Q1", "We're eager to work alongside you to realise our shared goals", "direct", "h"),
        _q("Q2", "the US", "indirect", "h", start=200),
        _q("Q3", "to counterbalance China's growing assertiveness", "indirect", None, start=300),
        _q(
            "Q4",
            "Pete Hegseth said the US is happy that many defence systems were added",
            "indirect",
            "dod",
            start=400,
        ),
        _q("Q5", "the US is happy that many defence systems were added", "indirect", "h", start=418),
        _q("Q6", "many defence systems were added", "indirect", "dod", start=439),
    ]
    main, other = split_quotes({"quotes": quotes, "entities": ENTITIES})
    assert [q["id"] for q in main] == ["Q1", "Q5"]
    assert [q["id"] for q in other] == ["Q2", "Q3", "Q4", "Q6"]


def test_a_frame_reports_someone_elses_words() -> None:
    assert is_frame("Hegseth stated that the U.S. and India are aware", ["Hegseth"])
    assert not is_frame("Secretary Hegseth anticipates future meetings", ["Hegseth"])


def test_diffs_only_for_another_wording_of_the_same_words() -> None:
    excerpt = {
        "text": "deep and ongoing",
        "verbatim": True,
        "diff": [{"op": "equal", "text": "deep and ongoing"}],
    }
    reworded = {
        "text": "productive, pragmatic, and realistic",
        "verbatim": False,
        "diff": [
            {"op": "equal", "text": "productive, pragmatic"},
            {"op": "insert", "text": "and"},
            {"op": "equal", "text": "realistic"},
        ],
    }
    paraphrase = {
        "text": "the US is happy that many systems were added",
        "verbatim": False,
        "diff": [
            {"op": "delete", "text": "The United States is very pleased"},
            {"op": "insert", "text": "the US is happy"},
        ],
    }
    assert not show_diff(excerpt) and show_diff(reworded) and not show_diff(paraphrase)


def _variant(doc: str, start: int, text: str, *, verbatim: bool = True) -> dict[str, Any]:
    cite = {"document": doc, "start": start, "end": start + len(text), "text": text}
    return {"text": text, "documents": [doc], "citations": [cite], "verbatim": verbatim, "diff": []}


def test_a_wrapper_adding_only_function_words_is_not_shown() -> None:
    own = "We're eager to work alongside you to realise our shared goals. They're deep and ongoing"
    q = {
        "text": own,
        "variants": [
            _variant("002", 277, own),
            _variant("000", 1869, "deep and ongoing"),
            _variant("000", 1860, 'them as "deep and ongoing"', verbatim=False),
            # a wrapper that says what is described stays
            _variant(
                "000", 2000, 'the partnership as "one of the most consequential pillars"', verbatim=False
            ),
            _variant("000", 2020, "one of the most consequential pillars"),
        ],
    }
    assert [v["text"] for v in shown_variants(q)] == [
        "deep and ongoing",
        'the partnership as "one of the most consequential pillars"',
        "one of the most consequential pillars",
    ]


def test_a_piece_of_the_groups_own_wording_in_the_same_report_is_not_shown() -> None:
    own = "it hopes to finish several important defence deals with India soon"
    piece = "to finish several important defence deals with India soon"
    q = {
        "text": own,
        "variants": [
            _variant("004", 722, own),
            _variant("004", 731, piece, verbatim=False),
            _variant("003", 150, piece, verbatim=False),  # another report's words: shown
        ],
    }
    shown = shown_variants(q)
    assert [(v["text"], v["citations"][0]["document"]) for v in shown] == [(piece, "003")]


def _wording(text: str, doc: str, kind: str, *, verbatim: bool = False) -> dict[str, Any]:
    cite = {"document": doc, "start": 0, "end": len(text), "text": text}
    return {
        "text": text,
        "documents": [doc],
        "citations": [cite],
        "verbatim": verbatim,
        "kind": kind,
        "diff": [],
    }


def test_a_group_says_how_many_of_its_documents_give_it_in_its_kind() -> None:
    words = "The United States is very pleased with the integration of US defence items"
    q = _q("Q1", words, "direct", "h", doc="002")
    q["documents"] = ["002", "001", "004"]
    q["variants"] = [
        _wording(words, "002", "direct", verbatim=True),
        _wording("satisfaction with the integration of U.S. defense items", "001", "indirect"),
        _wording("the US is happy that American defence systems were added", "004", "indirect"),
    ]
    # Only 002 prints the words in quotation marks; the others report them in their own.
    assert kind_label(q) == "direct in 1 of 3 documents"
    assert [variant_label(v, q) for v in q["variants"]] == [
        "excerpt",
        "other wording (reported speech)",
        "other wording (reported speech)",
    ]
    q["variants"][1]["kind"] = q["variants"][2]["kind"] = "direct"
    assert kind_label(q) == "direct, 3 documents"
    # A brief stored before variants carried a kind: every document counts as the group's kind.
    for v in q["variants"]:
        del v["kind"]
    assert kind_label(q) == "direct, 3 documents" and variant_label(q["variants"][1], q) == "other wording"


def test_the_label_says_when_the_words_were_said_or_first_reported() -> None:
    from crosswire.brief.quotes import several_days, when_label

    q = _q("Q1", "We are glad the search is over", "direct", "h", doc="d")
    assert when_label(q) == ("", None)
    q["first_reported"] = "2025-07-02"
    assert when_label(q) == ("first reported 2025-07-02", None)
    assert when_label(q, reported=False) == ("", None)
    cite = {"document": "d", "start": 90, "end": 99, "text": "Wednesday"}
    q["said_on"] = {"date": "2025-07-02", "citation": cite, "inferred": True}
    assert when_label(q, reported=False) == ("said 2025-07-02 (inferred)", cite)
    brief = {
        "documents": [{"published": "2025-07-02T09:00"}, {"published": "2025-07-02"}, {"published": None}]
    }
    assert not several_days(brief)
    brief["documents"].append({"published": "2025-07-03"})
    assert several_days(brief)
