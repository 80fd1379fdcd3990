"""Attributions of stance: verbs and nouns of position, documents as sources, name-colon lines.

Input → output: spaCy ``Token``s of one parsed document → cue tests and the token ids of
what a cue attributes. No offsets are mapped here; :mod:`crosswire.extract.quotes` does that.

Attribution corpora such as PolNeAR annotate more than speech: a source's *position* is
attributed too ("Cruz endorsed Trump", "vowed to impose a tariff", "his attacks on
Clinton", "according to a Gallup poll", headlines such as "Paul Ryan: …"). crosswire
reports these as ``indirect`` quotes (reported speech or stance attributed to a source); the
cue text says which it is ("endorsed", "vowed", "attacks on", "in", ":") and the speaker
phrase names the source ("a new Gallup poll"), so a reader never mistakes a stance for words.
As everywhere in crosswire, an attribution with no named source is not reported.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ADJECTIVE_PREPS",
    "AS_VERBS",
    "FINDING_VERBS",
    "INTENT_VERBS",
    "NAME_LABELS",
    "NOUN_CUES",
    "NOUN_CUE_PREPS",
    "PREP_CUES",
    "REPORT_NOUNS",
    "STANCE_VERBS",
    "credited_colon",
    "is_noun_cue",
    "is_report_source",
    "is_stance_cue",
    "lemma",
    "name_colon",
    "noun_cue_content",
    "sentence_edge",
    "stance_content",
    "stance_prep",
]

Token = Any  # spaCy Token; spaCy is an optional dependency, so no import at module level

#: Entity labels of a name that can speak (a line "Paul Ryan: …").
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})

#: Verbs of stance whose *noun-phrase object* is what the subject is on record about
#: ("endorsed Cruz", "criticized the Paris agreement", "cited a poll", "declined comment"):
#: indirect attributions of a position, not of words; the cue text names the stance.
STANCE_VERBS = frozenset(
    [
        "accuse",
        "acknowledge",
        "announce",
        "applaud",
        "blame",
        "blast",
        "characterize",
        "cite",
        "credit",
        "criticize",
        "criticise",
        "decline",
        "decry",
        "defend",
        "denounce",
        "describe",
        "dismiss",
        "emphasize",
        "endorse",
        "express",
        "hail",
        "lament",
        "list",
        "mention",
        "mock",
        "note",
        "portray",
        "praise",
        "promise",
        "propose",
        "question",
        "quote",
        "rebut",
        "reject",
        "report",
        "recall",
        "recount",
        "reference",
        "reiterate",
        "repeat",
        "slam",
        "stress",
        "tout",
        "voice",
        "warn",
    ]
)

#: Verbs of intent or commitment whose *to-infinitive* is the position attributed
#: ("vowed to impose a tariff", "declined to comment", "expects to win").
INTENT_VERBS = frozenset(
    [
        "agree",
        "ask",
        "call",
        "claim",
        "decline",
        "expect",
        "hope",
        "pledge",
        "promise",
        "refuse",
        "seek",
        "threaten",
        "urge",
        "vow",
    ]
)

#: Verbs whose stance is the object of one preposition: "called for a ban", "referring to
#: the report", "talked about trade", "pushed for a vote".
PREP_CUES: dict[str, frozenset[str]] = {
    "advocate": frozenset({"for"}),
    "apologize": frozenset({"for"}),
    "argue": frozenset({"for", "against"}),
    "ask": frozenset({"about"}),
    "call": frozenset({"for"}),
    "comment": frozenset({"on"}),
    "complain": frozenset({"about"}),
    "point": frozenset({"to"}),
    "push": frozenset({"for"}),
    "refer": frozenset({"to"}),
    "speak": frozenset({"about"}),
    "talk": frozenset({"about"}),
    "warn": frozenset({"about", "against", "of"}),
    "worry": frozenset({"about"}),
}

#: Verbs of judgement whose stance is an object *and* what it is taken "as": "sees golf
#: courses as wasted space", "views Trump as a threat". Without the "as" they are perception.
AS_VERBS = frozenset(["see", "view", "regard", "cast", "paint"])

#: Nouns of saying or stance that carry their holder as a possessor: "his claim that …",
#: "Trump's attacks on Mr. Clinton", "Le Pen's endorsement of Trump". The content is a
#: that-clause, a to-infinitive or the object of a preposition. Nouns of action whose
#: possessor is rarely on record ("his plan", "her support", "the decision") are left out.
NOUN_CUES = frozenset(
    [
        "accusation",
        "allegation",
        "argument",
        "assertion",
        "attack",
        "belief",
        "claim",
        "criticism",
        "denial",
        "endorsement",
        "insistence",
        "pledge",
        "prediction",
        "promise",
        "suggestion",
        "vow",
        "warning",
    ]
)
NOUN_CUE_PREPS = frozenset({"for", "on", "about", "of", "against"})

#: Adjectives of stance after a copula whose position is the object of one preposition:
#: "has been critical of Mr. Trump", "are deeply skeptical of the establishment", "is worried
#: about the economy". Adjectives whose attributions matched PolNeAR train gold less than
#: about a third of the time ("proud of", "open to", "hostile to", "concerned about") are left out.
ADJECTIVE_PREPS: dict[str, frozenset[str]] = {
    "adamant": frozenset({"about"}),
    "clear": frozenset({"about"}),
    "confident": frozenset({"in", "about", "of"}),
    "critical": frozenset({"of"}),
    "dismissive": frozenset({"of"}),
    "firm": frozenset({"on"}),
    "fond": frozenset({"of"}),
    "frustrated": frozenset({"with", "by"}),
    "hopeful": frozenset({"about"}),
    "outspoken": frozenset({"about", "on"}),
    "pessimistic": frozenset({"about"}),
    "silent": frozenset({"on"}),
    "skeptical": frozenset({"of"}),
    "supportive": frozenset({"of"}),
    "sympathetic": frozenset({"to"}),
    "unhappy": frozenset({"with", "about"}),
    "upset": frozenset({"about", "with"}),
    "vocal": frozenset({"about"}),
    "wary": frozenset({"of"}),
    "worried": frozenset({"about"}),
}

#: Verbs by which a document reports a finding with a noun-phrase object: "polls show Sanders
#: within two points", "public records show no gifts", "the survey found a gender gap". Only
#: with a document as subject (:data:`REPORT_NOUNS`, :data:`FINDING_NOUNS`); a person who
#: "shows" or "finds" something is not attributing it.
FINDING_VERBS = frozenset(["show", "find", "indicate", "reveal", "suggest"])
FINDING_NOUNS = frozenset(["result", "finding", "number", "figure", "statistic", "poll", "survey"])

#: Documents and measurements that are sources in their own right: "In a Gallup poll, 40
#: percent …", "…, in recent polls from Quinnipiac". The cue text is the preposition and the
#: speaker phrase names the document, so a reader sees it is a poll, not a person.
REPORT_NOUNS = frozenset(
    [
        "poll",
        "survey",
        "study",
        "report",
        "analysis",
        "memo",
        "filing",
        "record",
        "document",
        "letter",
        "book",
        "article",
        "ad",
        "video",
        "footage",
        "data",
        "transcript",
        "census",
        "projection",
        "estimate",
        "review",
    ]
)


def lemma(tok: Token) -> str:
    """The lower-case lemma, with the small model's "hoped" → "hop" slip undone."""
    low: str = tok.lemma_.lower()
    return "hope" if low == "hop" and tok.lower_ in {"hoped", "hopes", "hoping"} else low


def is_stance_cue(tok: Token) -> bool:
    """A verb of stance or intent in the active voice (its subject holds the position)."""
    if tok.pos_ != "VERB" or tok.dep_ in {"amod", "compound", "nmod"}:
        return False
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children):
        return False
    word = lemma(tok)
    return word in STANCE_VERBS or word in INTENT_VERBS or word in PREP_CUES or word in AS_VERBS


def stance_prep(tok: Token) -> Token | None:
    """The preposition carrying the stance of ``tok`` ("called *for*", "referring *to*"), if any."""
    preps = PREP_CUES.get(lemma(tok))
    if not preps:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i and c.i - tok.i <= 2:
            return c
    return None


def is_noun_cue(tok: Token) -> bool:
    """A noun of saying or stance with a possessor: "his claim", "Trump's attacks"."""
    return tok.pos_ == "NOUN" and lemma(tok) in NOUN_CUES and any(c.dep_ == "poss" for c in tok.children)


def noun_cue_content(tok: Token) -> list[Token]:
    """The heads of what a noun cue reports: its that-clause, to-infinitive or prepositional
    object (every object: the parser makes three of "Clinton's super-qualifications")."""
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ in {"acl", "ccomp"} and (
            any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)
            or any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
        ):
            return [c]
        if c.dep_ == "prep" and c.lower_ in NOUN_CUE_PREPS and c.i == tok.i + 1:
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if objs:
                return objs
    return []


def is_report_source(tok: Token) -> bool:
    """The ``in`` of "in a Gallup poll" / "in recent surveys": a document as the source."""
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return False
    return any(c.dep_ == "pobj" and lemma(c) in REPORT_NOUNS for c in tok.children)


def sentence_edge(sent: Any, lo: int, hi: int) -> set[int] | None:
    """The rest of ``sent`` when tokens ``lo..hi`` open or close it (punctuation aside), else None."""

    def filler(t: Token) -> bool:
        return bool(t.is_punct or t.is_space or (t.dep_ == "cc" and t.i < lo))

    before = [t for t in sent if t.i < lo and not filler(t)]
    after = [t for t in sent if t.i > hi and not filler(t)]
    if before and after:
        return None
    return {t.i for t in (after or before)}


def name_colon(doc: Any, colon: Token, *, quoting: bool = False) -> tuple[int, int] | None:
    """Token range of a bare name opening a line before ``colon``: "Paul Ryan: …", "Matthews: …".

    Headlines and transcripts attribute with a colon alone. Only a short run of proper nouns
    (one of them a person, organisation or place) that starts its line qualifies, so "At
    issue: …" or "Update: …" do not. When the colon opens a quotation (``quoting``), the name
    may also follow a dash or "from" inside the line, as a roundup credits its excerpts:
    "Pollsters agree - Carl Bialik: “…”", "More from Jones: “…”".
    """
    i = colon.i
    while i > 0 and "\n" not in doc[i - 1].text_with_ws and colon.i - i < 6:
        i -= 1
    if i > 0 and "\n" not in doc[i - 1].text_with_ws:
        return _credited_name(doc, colon) if quoting else None
    words = [t for t in doc[i : colon.i] if not t.is_space]
    if not words or not words[0].text[:1].isupper():
        return _credited_name(doc, colon) if quoting else None
    if not all(_name_word(t) for t in words) or not any(t.ent_type_ in NAME_LABELS for t in words):
        return _credited_name(doc, colon) if quoting else None
    return words[0].i, words[-1].i + 1


def credited_colon(doc: Any, colon: Token) -> bool:
    """Whether ``colon`` follows names credited after a dash or "from" (see :func:`name_colon`)."""
    return colon.text == ":" and _credited_name(doc, colon) is not None


def _name_word(t: Token) -> bool:
    return bool(t.pos_ == "PROPN" or t.tag_ == "POS" or (t.pos_ == "NOUN" and t.text[:1].isupper()))


_CREDIT_LEADS = frozenset({"-", "–", "—", "―", "from"})


def _credited_name(doc: Any, colon: Token) -> tuple[int, int] | None:
    """Names between a dash (or "from") and ``colon``: "- Carl Bialik:", "-More from
    Blumenthal and Cohen:", "- HuffPollster:". Every word is part of a named entity, or an
    "and" between two."""
    i = colon.i
    while i > 0 and colon.i - i < 8:
        t = doc[i - 1]
        if (_name_word(t) and t.ent_type_ in NAME_LABELS) or (
            t.lower_ == "and" and i < colon.i and i > 1 and doc[i - 2].ent_type_ == "PERSON"
        ):
            i -= 1
        else:
            break
    if i == colon.i or i == 0 or doc[i].lower_ == "and" or doc[i - 1].lower_ not in _CREDIT_LEADS:
        return None
    lead = doc[i - 1]
    if lead.lower_ != "from" and not (i > 1 and doc[i - 2].whitespace_):
        return None  # a dash set off from the word before, not one inside a word ("Jean-Luc")
    return i, colon.i


def stance_content(tok: Token) -> set[int] | None:
    """Token ids of the position a verb of stance or intent attributes to its subject.

    "endorsed Ted Cruz", "blamed Obama for the deal" (the object and what it is blamed for),
    "vowed to impose a tariff", "declined to comment". Passives are left out: their subject
    is what the stance is about, not who holds it.
    """
    if is_noun_cue(tok):
        heads = noun_cue_content(tok)
        return {t.i for h in heads for t in h.subtree} if heads else None
    if tok.pos_ == "ADJ":
        return _adjective_content(tok)
    if _is_finding(tok):
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
        if objs:
            # "showed Clinton with a healthy lead over Sanders": the object and what is said of it.
            rest = [c for c in tok.children if c.i > objs[0].i and c.dep_ not in _NOT_FINDING]
            return {t.i for c in [objs[0], *rest] for t in c.subtree}
    if not is_stance_cue(tok):
        return None
    word = lemma(tok)
    if word in INTENT_VERBS:
        for c in tok.children:
            if (
                c.dep_ == "xcomp"
                and c.i > tok.i
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            ):
                return {t.i for t in c.subtree}
    prep = stance_prep(tok)
    if prep is not None:
        objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if objs:
            # "spoke about the US helping India": the parser hangs the gerund's subject and
            # the gerund on the preposition side by side; the position is both together.
            return {t.i for c in objs for t in c.subtree}
    if word in STANCE_VERBS or word in AS_VERBS:
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
        if word not in STANCE_VERBS and not any(
            c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i for c in tok.children
        ):
            objs = []
        if objs:
            ids = _contiguous(objs[0])
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in {"of", "for", "as"} and c.i > objs[0].i:
                    ids.update(t.i for t in c.subtree)
            return ids
    return None


def _contiguous(head: Token) -> set[int]:
    """The unbroken run of ``head``'s subtree around it: "listed Clinton's resume to try to make
    his case: attorney and …" hangs the list on "resume" across the clause between them."""
    ids = {t.i for t in head.subtree}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return set(range(lo, hi + 1))


_NOT_FINDING = frozenset({"punct", "cc", "conj", "parataxis"})


def _is_finding(tok: Token) -> bool:
    """A verb of :data:`FINDING_VERBS` in the active voice with a document as its subject."""
    if tok.pos_ != "VERB" or lemma(tok) not in FINDING_VERBS:
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    return bool(subj) and (lemma(subj[0]) in REPORT_NOUNS or lemma(subj[0]) in FINDING_NOUNS)


def _adjective_content(tok: Token) -> set[int] | None:
    """The object of the preposition of a stance adjective after a copula ("critical *of* X")."""
    preps = ADJECTIVE_PREPS.get(tok.lower_)
    if tok.dep_ != "acomp" or not preps:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in preps:
            objs = [o for o in c.children if o.dep_ in {"pobj", "pcomp"}]
            if objs:
                return {t.i for o in objs for t in o.subtree}
    return None
