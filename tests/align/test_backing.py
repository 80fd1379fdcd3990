"""What a line of the brief may say, given what its citations back: details one source alone tells."""

from __future__ import annotations

from typing import Any

import pytest
import seedkit

from crosswire.align.backing import single_source_details
from crosswire.align.claims import Claim, extract_claims, token_offsets
from crosswire.align.features import content_words
from crosswire.models import Document

AP = "Marcus Webb shot Daniel Ortiz after an argument over an unpaid tab early Friday outside the tavern."
DMN = "Marcus Webb, the man accused of shooting Daniel Ortiz early Friday outside the tavern, was fired."


def _claim(doc: Document, start: int = 0, end: int | None = None) -> Claim:
    end = len(doc.text) if end is None else end
    text = doc.text[start:end]
    return Claim(
        f"{doc.id}:0", doc.id, 0, (start, end), ((start, end),), text, 0.0, True, content_words(text)
    )


def test_the_words_no_other_origin_tells_are_cited_in_the_wording() -> None:
    ap, dmn = Document(id="ap", text=AP), Document(id="dmn", text=DMN)
    canon, other = _claim(ap), _claim(dmn, 0, DMN.index(", was"))
    docs = {"ap": ap, "dmn": dmn}
    (detail,) = single_source_details(canon, [canon, other], documents=docs, family_of={})
    assert (detail.document, detail.text) == ("ap", "argument over an unpaid tab")
    assert AP[detail.start : detail.end] == detail.text
    # one origin: no other source to compare with, so no detail is "alone"
    assert single_source_details(canon, [canon, other], documents=docs, family_of={"dmn": "ap"}) == ()
    # words inside a quotation are the quote groups' business
    quoted = [(AP.index("argument"), AP.index(" early"))]
    assert single_source_details(canon, [canon, other], documents=docs, family_of={}, quoted=quoted) == ()


def test_a_word_of_the_same_family_or_an_entity_named_otherwise_is_told() -> None:
    a = Document(
        id="a", text="Congress gave specific authorization for the Interior Department to revoke the rule."
    )
    b = Document(id="b", text="Congress specifically authorized the Interior Department to revoke the rule.")
    canon = _claim(a)
    assert single_source_details(canon, [canon, _claim(b)], documents={"a": a, "b": b}, family_of={}) == ()
    us = Document(id="us", text="Officials of the United States of America met Indian negotiators.")
    short = Document(id="s", text="Officials of the USA met Indian negotiators.")
    canon, docs = _claim(us), {"us": us, "s": short}
    found = single_source_details(canon, [canon, _claim(short)], documents=docs, family_of={})
    assert [d.text for d in found] == ["United States of America"]
    names = {"us": [(17, 41, "E1")], "s": [(17, 20, "E1")]}  # one entity: "United States of America" = "USA"
    assert (
        single_source_details(canon, [canon, _claim(short)], documents=docs, family_of={}, mentions=names)
        == ()
    )


@pytest.mark.slow
def test_with_a_parse_a_detail_is_a_phrase_that_ends_on_what_it_names(nlp: Any) -> None:
    a = Document(
        id="a",
        text="The coalition thanked Obama for his leadership on addressing the urgent environmental issues.",
    )
    b = Document(id="b", text="Obama restored the rule, a step on environmental issues, the coalition said.")
    c = Document(
        id="c", text="The SWAT team found the suspect hiding in a shed behind the house, police said."
    )
    d = Document(id="d", text="Police found the suspect hiding in a shed behind the house.")
    e = Document(
        id="e", text="The SWAT team commanders quickly found the suspect hiding in a shed, police said."
    )
    parsed = {x.id: seedkit.annotate([x], nlp)[0] for x in (a, b, c, d, e)}

    def details(x: Document, y: Document) -> list[str]:
        adoc = parsed[x.id]
        starts, spans = token_offsets(adoc)
        canon = extract_claims(adoc, split_clauses=False)[0]
        other = extract_claims(parsed[y.id], split_clauses=False)[0]
        found = single_source_details(
            canon, [canon, other], documents={x.id: x, y.id: y}, family_of={}, parse=(adoc.doc, starts, spans)
        )
        return [f.text for f in found]

    # read to the end of its phrase, though the other report tells of environmental issues too
    assert details(a, b) == ["leadership on addressing the urgent environmental issues"]
    # it ends on what it names: "SWAT team commanders", not "… commanders quickly"; "SWAT team"
    # alone is under three words
    assert details(e, d) == ["SWAT team commanders"]
    assert details(c, d) == []
