"""Quote groups: the same words across outlets, verbatim or not, one speaker per group."""

from __future__ import annotations

from dataclasses import replace

from crosswire.align.quotes import (
    group_quotes,
    join_interrupted,
    normalize_quote,
    quote_similarity,
    word_diff,
)
from crosswire.models import Document, Entity, Quote, Span


def _q(doc: Document, qid: str, text: str, kind: str, speaker: str | None) -> Quote:
    i = doc.text.index(text)
    return Quote(qid, doc.id, i, i + len(text), text, kind, speaker)  # type: ignore[arg-type]


A = Document(
    "a",
    "Hegseth said: \"We're eager to work alongside you to realise our shared goals. They're deep and ongoing.\"",
)
B = Document("b", 'He described the goals as "deep and ongoing" on Tuesday.')
C = Document("c", "Hegseth said the US is eager to work with India on goals that are deep and ongoing.")
D = Document("d", 'Rubio said: "We\'re eager to work alongside you to realise our shared goals."')
E = Document("e", 'Jaishankar called it "one of the most consequential pillars" of the relationship.')
DOCS = {d.id: d for d in (A, B, C, D, E)}
ENTS = (
    Entity("hegseth", "Pete Hegseth", "PERSON", ("Hegseth",)),
    Entity("rubio", "Marco Rubio", "PERSON", ("Rubio",)),
)


def test_partial_quote_joins_the_full_quote_as_a_verbatim_variant() -> None:
    full = _q(
        A,
        "q1",
        "We're eager to work alongside you to realise our shared goals. They're deep and ongoing",
        "direct",
        "hegseth",
    )
    part = _q(B, "q2", "deep and ongoing", "partial", None)
    other = _q(E, "q3", "one of the most consequential pillars", "partial", "jaishankar")
    groups, conflicts = group_quotes([full, part, other], documents=DOCS, entities=ENTS)
    assert conflicts == []
    g = next(g for g in groups if "q1" in g.quotes)
    assert set(g.quotes) == {"q1", "q2"} and g.speaker == "hegseth" and g.kind == "direct"
    assert g.text == full.text  # canonical: the longest direct wording
    v = next(v for v in g.variants if v.documents == ("b",))
    assert v.verbatim
    assert ("equal", "deep and ongoing") in v.diff
    for c in g.citations:
        assert DOCS[c.document].text[c.start : c.end] == c.text


def test_paraphrase_is_not_verbatim() -> None:
    full = _q(
        A,
        "q1",
        "We're eager to work alongside you to realise our shared goals. They're deep and ongoing",
        "direct",
        "hegseth",
    )
    para = _q(
        C,
        "q2",
        "the US is eager to work with India on goals that are deep and ongoing",
        "indirect",
        "hegseth",
    )
    groups, _ = group_quotes([full, para], documents=DOCS, entities=ENTS, threshold=0.6)
    g = groups[0]
    assert len(g.quotes) == 2
    assert [v.verbatim for v in g.variants] == [True, False]


def test_same_words_from_two_speakers_are_an_attribution_conflict_not_one_group() -> None:
    h = _q(
        A,
        "q1",
        "We're eager to work alongside you to realise our shared goals. They're deep and ongoing",
        "direct",
        "hegseth",
    )
    r = _q(D, "q2", "We're eager to work alongside you to realise our shared goals.", "direct", "rubio")
    groups, conflicts = group_quotes([h, r], documents=DOCS, entities=ENTS)
    assert len(groups) == 2
    assert len(conflicts) == 1 and conflicts[0].kind == "attribution"
    assert {s.value for s in conflicts[0].sides} == {"Pete Hegseth", "Marco Rubio"}


def test_words_alike_letter_by_letter_but_not_the_same_are_no_attribution_conflict() -> None:
    one = Document("s", 'The deal, said Hegseth, "allows us to redefine the server building block".')
    two = Document("t", 'Rubio called the platform a "new server building block" for the cloud.')
    docs = {d.id: d for d in (one, two)}
    su = _q(one, "q1", "allows us to redefine the server building block", "direct", "hegseth")
    amd = _q(two, "q2", "new server building block", "partial", "rubio")
    _, conflicts = group_quotes([su, amd], documents=docs, entities=ENTS)
    assert conflicts == []


def test_a_speaker_titled_by_the_other_side_nests_in_it() -> None:
    from dataclasses import replace

    words = "We're eager to work alongside you to realise our shared goals."
    h = replace(_q(A, "q1", words, "direct", "hegseth"), speaker_text="Rubio adviser Pete Hegseth")
    r = _q(D, "q2", words, "direct", "rubio")
    _, conflicts = group_quotes([h, r], documents=DOCS, entities=ENTS)
    assert conflicts == []  # a person titled by the other speaker speaks for them


def test_word_diff_and_normalisation() -> None:
    assert normalize_quote("“Deep, and ongoing”…") == "deep and ongoing"
    assert word_diff("a b c", "a x c") == (("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c"))
    assert (
        quote_similarity("one of the most consequential pillars", "ONE of the most consequential pillars!")
        == 1.0
    )
    assert quote_similarity("said", "said") == 1.0
    assert quote_similarity("deep and ongoing", "free and open") < 0.8


def test_a_report_of_someone_s_words_is_not_grouped_as_those_words() -> None:
    from dataclasses import replace

    from crosswire.models import Span

    doc = Document(
        "r",
        "The report also said that Hegseth spoke about the US helping India. "
        "The US said that it hopes to finish several defence deals soon.",
    )
    docs = {doc.id: doc}
    outer = _q(doc, "q1", "Hegseth spoke about the US helping India", "indirect", None)
    cue = doc.text.index("spoke about")
    inner = replace(
        _q(doc, "q2", "the US helping India", "indirect", "hegseth"),
        speaker_span=Span("r", cue - 8, cue - 1),
        cue_span=Span("r", cue, cue + len("spoke about")),
    )
    groups, _ = group_quotes([outer, inner], documents=docs, entities=ENTS, threshold=0.6)
    # the reporter's sentence keeps its unknown speaker; Hegseth keeps only his own words
    assert sorted(g.quotes for g in groups) == [("q1",), ("q2",)]
    assert next(g for g in groups if g.quotes == ("q2",)).speaker == "hegseth"

    # one speaker's chain of cues is one statement
    hopes = doc.text.index("hopes")
    said_it = _q(doc, "q3", "it hopes to finish several defence deals soon", "indirect", "us")
    hope = replace(
        _q(doc, "q4", "to finish several defence deals soon", "indirect", "us"),
        cue_span=Span("r", hopes, hopes + len("hopes")),
    )
    groups, _ = group_quotes([said_it, hope], documents=docs, entities=ENTS, threshold=0.6)
    assert [sorted(g.quotes) for g in groups] == [["q3", "q4"]]


def _cued(doc: Document, qid: str, text: str, speaker: str | None, cue: str, *, nth: int = 0) -> Quote:
    i = doc.text.index(text)
    c = -1
    for _ in range(nth + 1):
        c = doc.text.index(cue, c + 1)
    return Quote(
        qid,
        doc.id,
        i,
        i + len(text),
        text,
        "direct",
        speaker,
        cue=cue,
        cue_span=Span(doc.id, c, c + len(cue)),
    )


def test_an_interrupted_quotation_is_one_quote_citing_each_piece() -> None:
    doc = Document(
        "i",
        "“The world is a complicated place”, he said, “and certainly our partnership can make a big "
        "difference too. It's not just for us”.",
    )
    first = _cued(doc, "p1", "The world is a complicated place", "jaishankar", "said")
    second = _cued(
        doc,
        "p2",
        "and certainly our partnership can make a big difference too. It's not just for us",
        None,
        "said",
    )
    ((unit, pieces),) = join_interrupted([first, second], documents={"i": doc})
    assert pieces == (first, second) and unit.speaker == "jaishankar"
    assert (
        unit.text
        == "The world is a complicated place … and certainly our partnership can make a big difference too. It's not just for us"
    )
    (g,), _ = group_quotes([first, second], documents={"i": doc})
    assert g.quotes == ("p1", "p2") and g.text == unit.text and g.speaker == "jaishankar"
    assert [c.text for c in g.citations] == [first.text, second.text]  # each piece, not the attribution


def test_quotations_around_one_cue_that_each_end_a_sentence_stay_two_quotes() -> None:
    two = Document(
        "t",
        "“It's not built merely on shared interests,” Jaishankar said. “And what we do in the region is "
        "crucial to its stability.”\n“The ties are strong.” he said, “but more can be done.”",
    )
    a = _cued(two, "a", "It's not built merely on shared interests,", "jaishankar", "said")
    b = _cued(two, "b", "And what we do in the region is crucial to its stability.", "jaishankar", "said")
    # a full stop inside the first quotation ends the statement, whatever follows
    c = _cued(two, "c", "The ties are strong.", "jaishankar", "said", nth=1)
    d = _cued(two, "d", "but more can be done.", "jaishankar", "said", nth=1)
    units = join_interrupted([a, b, c, d], documents={"t": two})
    assert [pieces for _, pieces in units] == [(a,), (b,), (c,), (d,)]


def test_pieces_given_to_two_speakers_or_not_split_by_their_cue_stay_apart() -> None:
    doc = Document("s", "“We will expand trade”, Rubio said, “and defence production”, the minister added.")
    first = _cued(doc, "r", "We will expand trade", "rubio", "said")
    second = _cued(doc, "m", "and defence production", "jaishankar", "added")
    assert len(join_interrupted([first, second], documents={"s": doc})) == 2
    # the same two pieces with no cue between them (the cue comes after both)
    late = Document("l", "“We will expand trade”, in short, “and defence production”, Rubio said.")
    x = _cued(late, "x", "We will expand trade", "rubio", "said")
    y = _cued(late, "y", "and defence production", "rubio", "said")
    assert len(join_interrupted([x, y], documents={"l": late})) == 2


def test_a_group_without_a_speaker_entity_keeps_the_words_that_name_the_speaker() -> None:
    from dataclasses import replace

    from crosswire.brief.quotes import speaker_label

    doc = Document("s", "Both leaders described the relationship as productive. He called the talks frank.")
    leaders = replace(
        _q(doc, "q1", "the relationship as productive", "indirect", None), speaker_text="Both leaders"
    )
    he = replace(_q(doc, "q2", "the talks frank", "indirect", None), speaker_text="He")
    named = replace(_q(doc, "q3", "the talks frank", "indirect", "hegseth"), speaker_text="He")
    groups, _ = group_quotes([leaders, he], documents={"s": doc}, entities=ENTS)
    by_quote = {g.quotes[0]: g for g in groups}
    assert by_quote["q1"].speaker_text == "Both leaders"
    assert by_quote["q2"].speaker_text is None  # a pronoun names no one out of its sentence
    assert speaker_label({"speaker": None, "speaker_name": None, "speaker_text": "Both leaders"}) == (
        "unknown speaker (“Both leaders”)"
    )
    # with an entity, the entity is the speaker and no phrase is kept
    (g,) = group_quotes([named], documents={"s": doc}, entities=ENTS)[0]
    assert g.speaker == "hegseth" and g.speaker_text is None


def test_a_title_in_quotation_marks_does_not_join_the_quotes_that_name_it() -> None:
    a = Document("a", 'Ross was paid $3 million to write and direct "The Hunger Games."', path="a.txt")
    b = Document(
        "b", 'Ross said he "would like a significant raise for a second The Hunger Games film."', path="b.txt"
    )
    title = _q(a, "T", "The Hunger Games.", "partial", None)
    said = _q(
        b, "S", "would like a significant raise for a second The Hunger Games film.", "partial", "e-ross"
    )
    assert quote_similarity(title.text, said.text) < 0.8
    groups, _ = group_quotes([title, said], documents={"a": a, "b": b})
    assert len(groups) == 2
    # an ordinary excerpt still joins the quotation it comes from
    assert quote_similarity("deep and ongoing", "They're deep and ongoing") == 1.0


def test_two_reports_in_one_document_join_only_when_one_holds_the_other() -> None:
    doc = Document(
        "w",
        "Clinton has said that she supports a $12 wage nationally but supports cities that go higher. "
        "Protesters hope the platform will endorse a $15 wage nationally. "
        '"Hillary is not going to be able to lead them by going for $12," Jealous said. '
        'Jealous said Clinton is "not going to be able to lead them".',
    )
    twelve = _q(
        doc, "q1", "she supports a $12 wage nationally but supports cities that go higher", "indirect", "c"
    )
    fifteen = _q(doc, "q2", "a $15 wage nationally", "indirect", None)
    assert quote_similarity(twelve.text, fifteen.text) >= 0.88  # alike letter by letter
    groups, _ = group_quotes([twelve, fifteen], documents={"w": doc})
    assert len(groups) == 2
    # the same words twice in one document (a pull quote, an excerpt) are still one statement
    full = _q(doc, "q3", "Hillary is not going to be able to lead them by going for $12", "direct", "j")
    part = _q(doc, "q4", "not going to be able to lead them", "partial", None)
    (g,) = group_quotes([full, part], documents={"w": doc})[0]
    assert set(g.quotes) == {"q3", "q4"}


def test_a_bare_name_reported_as_backed_joins_no_one_s_words() -> None:
    a = Document("a", "Reid, who endorsed Clinton in February, spoke on Tuesday.")
    b = Document("b", "All signs pointed to Obama endorsing Clinton on Thursday.")
    reid = _q(a, "r", "Clinton", "indirect", "reid")
    signs = _q(b, "s", "Clinton", "indirect", None)
    groups, _ = group_quotes([reid, signs], documents={"a": a, "b": b})
    assert len(groups) == 2
    # two outlets' identical short words are still one group
    c = Document("c", 'Trump called her "Crooked Hillary" again.')
    d = Document("d", 'He called her "Crooked Hillary" on Friday.')
    q1, q2 = (
        _q(c, "c1", "Crooked Hillary", "partial", "trump"),
        _q(d, "d1", "Crooked Hillary", "partial", None),
    )
    (g,) = group_quotes([q1, q2], documents={"c": c, "d": d})[0]
    assert g.speaker == "trump" and len(g.documents) == 2


def test_a_few_reported_words_found_in_a_long_quotation_get_no_diff() -> None:
    mail = Document(
        "m",
        "“I am pretty good at arithmetic, and I know that the fight in front of us is a very, very "
        "steep fight, but we will continue to fight for every vote,” he said in the e-mail.",
    )
    post = Document("p", "Still, Sanders has vowed to fight on.")
    said = _q(
        mail,
        "q1",
        "I am pretty good at arithmetic, and I know that the fight in front of us is a very, very steep "
        "fight, but we will continue to fight for every vote",
        "direct",
        "sanders",
    )
    vowed = _q(post, "q2", "to fight on", "indirect", "sanders")
    assert quote_similarity(said.text, vowed.text) >= 0.88
    (g,) = group_quotes([said, vowed], documents={"m": mail, "p": post}, statement_of={"q1": 0, "q2": 0})[0]
    v = next(v for v in g.variants if v.documents == ("p",))
    assert v.diff == ()  # striking out forty words around "to fight" would tell a reader nothing


def test_a_few_words_with_a_speaker_do_not_lend_it_to_a_long_quotation_without_one() -> None:
    a = Document(
        "a",
        'The promise to "make America great again" appeals to many, said Alan Abramowitz, a demographer.',
    )
    b = Document(
        "b",
        'He called Pence "my partner in this campaign and in the White House ... to make America safe '
        'again and to make America great again."',
    )
    slogan = _q(a, "q1", "make America great again", "partial", "abramowitz")
    long_ = _q(
        b,
        "q2",
        "my partner in this campaign and in the White House ... to make America safe again and to make "
        "America great again.",
        "direct",
        None,
    )
    assert quote_similarity(slogan.text, long_.text) >= 0.88
    groups, _ = group_quotes([slogan, long_], documents={"a": a, "b": b})
    assert len(groups) == 2 and next(g for g in groups if "q2" in g.quotes).speaker is None
    # an excerpt without a speaker still joins the quotation that has one
    full = replace(long_, speaker="trump")
    excerpt = replace(slogan, speaker=None)
    (g,) = group_quotes([full, excerpt], documents={"a": a, "b": b})[0]
    assert g.speaker == "trump" and set(g.quotes) == {"q1", "q2"}
    # each with its own speaker: two people said a few words alike, no attribution conflict
    groups, conflicts = group_quotes([slogan, full], documents={"a": a, "b": b})
    assert len(groups) == 2 and conflicts == []


def test_words_of_someone_else_s_people_join_no_other_person_s_group() -> None:
    doc = Document(
        "p",
        "Ryan, who had previously pledged to support the nominee, wavered.\n\n"
        "Sen. Kelly Ayotte's campaign said she would “support the nominee” but not endorse anyone.",
    )
    ryan = _q(doc, "q1", "to support the nominee", "indirect", "ryan")
    campaign = replace(
        _q(doc, "q2", "support the nominee", "partial", None),
        speaker_span=Span("p", doc.text.index("Sen. Kelly"), doc.text.index(" said she")),
    )
    ayotte = Entity(
        "ayotte",
        "Kelly Ayotte",
        "PERSON",
        mentions=(Span("p", doc.text.index("Kelly"), doc.text.index("'s camp")),),
    )
    groups, _ = group_quotes([ryan, campaign], documents={"p": doc}, entities=[ayotte])
    assert len(groups) == 2  # were one group of Ryan's
    # a phrase naming no one may still be anyone's
    anyone = replace(
        campaign, speaker_span=Span("p", doc.text.index("campaign said"), doc.text.index(" said she"))
    )
    (g,) = group_quotes([ryan, anyone], documents={"p": doc}, entities=[ayotte])[0]
    assert g.speaker == "ryan"


def test_words_a_source_relays_are_not_the_source_s_when_another_report_names_their_speaker() -> None:
    # ECB+ 19: the Times vouches for what police shouted; another report quotes the police
    text_a = "“Stay down, or we’ll shoot you again,” police said once Gray had been hit, according to The New York Times."
    a = Document("a", text_a)
    b = Document("b", "“Stay down, or we’ll shoot you again,” police said once Gray had been hit.")
    relay = replace(
        _q(a, "r", text_a[: text_a.index(", according")], "indirect", "nyt"),
        cue="according to",
        speaker_span=Span("a", text_a.index("The New York"), len(text_a) - 1),
    )
    inner = replace(
        _q(a, "i", "Stay down, or we’ll shoot you again", "direct", None),
        speaker_span=Span("a", text_a.index("police"), text_a.index(" said")),
        cue="said",
        cue_span=Span("a", text_a.index("said"), text_a.index("said") + 4),
    )
    other = replace(
        _q(b, "o", "Stay down, or we’ll shoot you again", "direct", None),
        speaker_text="police",
        speaker_span=Span("b", b.text.index("police"), b.text.index(" said")),
    )
    inner = replace(inner, speaker_text="police")
    groups, _ = group_quotes([relay, inner, other], documents={"a": a, "b": b})
    by_speaker = {g.speaker: sorted(g.quotes) for g in groups}
    assert by_speaker == {"nyt": ["r"], None: ["i", "o"]}  # the police's words were the Times's
