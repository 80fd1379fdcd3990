"""Attribution syntax over a spaCy parse: cue verbs, their speakers, noun-phrase extents.

Input → output: spaCy ``Token``s of one parsed document → cue tokens, speaker tokens and
token ranges. No offsets are mapped here; :mod:`crosswire.extract.quotes` does that.

The cue lexicon is deliberately about *saying*: verbs whose subject is the one who uttered or
wrote the words (say, add, tell, post, write, …). Verbs of belief or intent (believe, want,
plan) report a position rather than words; they are used only for indirect speech with a
that-clause, where the reported clause is still something the subject is on record as holding.
Verbs and nouns of stance with other complements ("endorsed Cruz", "vowed to …", "his claim
that …") are in :mod:`crosswire.extract.quotes_stance`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from crosswire.extract.quotes_stance import (
    NOUN_CUE_PREPS,
    is_noun_cue,
    is_report_source,
    lemma,
    stance_prep,
)
from crosswire.extract.timex_lexicon import DAYPART, DURATION_UNIT
from crosswire.wordlists import WEEKDAY_NAMES

__all__ = [
    "BELIEF_ADJECTIVES",
    "BELIEF_VERBS",
    "CHANNEL_NOUNS",
    "PRONOUNS",
    "SPEECH_VERBS",
    "clausal_complement",
    "cue_extent",
    "in_main_clause",
    "is_according",
    "is_belief_cue",
    "is_speech_cue",
    "noun_phrase",
    "speaker_of",
    "trailing_relative",
    "unclosed",
]

Token = Any  # spaCy Token; spaCy is an optional dependency, so no import at module level

#: Verbs of saying or writing (lemmas). A direct quotation is attributed only through these.
SPEECH_VERBS = frozenset(
    [
        "say",
        "add",
        "tell",
        "state",
        "note",
        "stress",
        "post",
        "write",
        "describe",
        "affirm",
        "highlight",
        "emphasise",
        "emphasize",
        "express",
        "explain",
        "insist",
        "claim",
        "argue",
        "declare",
        "announce",
        "assert",
        "warn",
        "tweet",
        "retweet",
        "reply",
        "respond",
        "answer",
        "ask",
        "acknowledge",
        "admit",
        "suggest",
        "continue",
        "conclude",
        "recall",
        "report",
        "remark",
        "comment",
        "mention",
        "observe",
        "reiterate",
        "repeat",
        "urge",
        "predict",
        "promise",
        "vow",
        "pledge",
        "confirm",
        "deny",
        "contend",
        "maintain",
        "quip",
        "joke",
        "concede",
        "confess",
        "complain",
        "caution",
        "counter",
        "agree",
        "disclose",
        "reveal",
        "testify",
        "tout",
        "boast",
        "praise",
        "criticize",
        "criticise",
        "accuse",
        "charge",
        "allege",
        "estimate",
        "proclaim",
        "exclaim",
        "shout",
        "yell",
        "whisper",
        "mutter",
        "scream",
        "laugh",
        "sigh",
        "chime",
        "interject",
        "retort",
        "rebut",
        "dismiss",
        "blast",
        "slam",
        "lament",
        "recount",
        "characterize",
        "characterise",
        "label",
        "call",
        "dub",
        "term",
        "brand",
        "welcome",
        "thank",
        "underscore",
        "underline",
        "reaffirm",
        "assure",
        "reassure",
        "advise",
        "inform",
        "notify",
        "text",
        "email",
        "message",
        "blog",
        "publish",
        "quote",
        "cite",
        "read",
        "echo",
        "chant",
        "point",
        "demand",
        "request",
        "remind",
        "portray",
        "mock",
        "condemn",
        "denounce",
        "signal",
        "hint",
        "muse",
        "wonder",
        "add",
        "recommend",
        "order",
        "instruct",
        "propose",
    ]
)

#: Verbs of belief, knowledge, finding or intent (lemmas): indirect speech only, with a clausal
#: complement ("polls show that …", "Hegseth believes the US …").
BELIEF_VERBS = frozenset(
    [
        "think",
        "believe",
        "feel",
        "hope",
        "fear",
        "expect",
        "know",
        "worry",
        "doubt",
        "guess",
        "reckon",
        "suspect",
        "assume",
        "consider",
        "find",
        "understand",
        "realize",
        "realise",
        "recognize",
        "recognise",
        "show",
        "indicate",
        "learn",
        "remember",
        "imagine",
        "decide",
        "determine",
        "suppose",
        "bet",
        "conclude",
        "imply",
        "predict",
        "demonstrate",
    ]
)

#: Adjectives of belief or certainty after a copula, with a that-clause: "were convinced that
#: …", "is confident that …", "are acutely aware that …". The subject of the copula holds the view.
BELIEF_ADJECTIVES = frozenset(
    [
        "adamant",
        "afraid",
        "aware",
        "certain",
        "concerned",
        "confident",
        "convinced",
        "doubtful",
        "fearful",
        "hopeful",
        "insistent",
        "optimistic",
        "pessimistic",
        "skeptical",
        "sure",
        "uncertain",
        "unsure",
        "worried",
    ]
)

#: Personal and relative pronouns that can stand for a speaker, with the mention labels they may
#: refer to. "I"/"we"/"you" outside quotation marks are the writer or the reader: never resolved.
PRONOUNS: dict[str, frozenset[str]] = {
    "he": frozenset({"PERSON"}),
    "she": frozenset({"PERSON"}),
    "they": frozenset({"ORG", "NORP", "GPE", "PERSON"}),
    "it": frozenset({"ORG", "GPE", "NORP"}),
    "who": frozenset({"PERSON", "ORG", "NORP", "GPE"}),
    "which": frozenset({"ORG", "GPE", "NORP"}),
    "that": frozenset({"PERSON", "ORG", "NORP", "GPE"}),
}

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_SUBJECT_RANK = {"PROPN": 0, "PRON": 0, "NOUN": 1}
# Dependencies through which a verb without its own subject borrows its head's subject:
# "Hegseth affirmed …, describing them as …" (advcl), "… and added" (conj), "went on to say" (xcomp).
_BORROW = frozenset({"advcl", "conj", "xcomp", "pcomp"})
# Nouns naming the channel of a statement: "posted on X", "wrote in a statement", "told CNN in an interview".
CHANNEL_NOUNS = frozenset(
    [
        "statement",
        "interview",
        "post",
        "tweet",
        "blog",
        "letter",
        "email",
        "e-mail",
        "message",
        "video",
        "speech",
        "remarks",
        "release",
        "briefing",
        "conference",
        "op-ed",
        "column",
        "memo",
        "note",
    ]
)
_EDGE_TRIM = frozenset({"punct", "cc", "prep", "mark"})
# Verbs that judge someone for what they said: "scolded Romney for suggesting …".
_JUDGING = frozenset({
    "scold", "criticize", "criticise", "praise", "blame", "thank", "fault", "attack", "slam",
    "chide", "rebuke", "condemn", "applaud", "commend", "credit", "mock", "ridicule", "knock",
    "hit", "lambaste", "blast", "berate", "reprimand", "denounce", "castigate", "congratulate",
    "salute", "hail",
})  # fmt: skip


def _crosses_line(doc: Any, i: int, j: int) -> bool:
    """Whether the text from token ``i`` up to token ``j`` holds a line break.

    Looked up token by token: ``Doc.text`` rebuilds the whole string on every access.
    """
    return any("\n" in doc[k].text_with_ws for k in range(i, j))


def is_speech_cue(tok: Token) -> bool:
    """A verb of saying (not inside a compound noun or used as a modifier).

    The tagger often reads a present-tense cue after a name as a plural noun ("…,” Viguerie
    notes."); such a word right after a name, at the end of its clause, is taken as the verb.
    """
    if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound", "nmod"}:
        return tok.lemma_.lower() in SPEECH_VERBS and not _discourse_marker(tok)
    return _mistagged_cue(tok)


# "That said, …", "This being said, …", "Having said that, …", "Needless to say, …": the
# writer turning the argument, no one reporting anything.
_MARKER = re.compile(
    r"(?:(?:that|this)(?: being)? said|having said (?:that|this)|needless to say)\s*,", re.IGNORECASE
)


def _discourse_marker(tok: Token) -> bool:
    """``tok`` is the "said" of a sentence-opening discourse marker ("That said, …")."""
    if tok.i - tok.sent.start > 2:
        return False
    head = tok.doc[tok.sent.start : min(tok.i + 3, tok.sent.end)].text
    return _MARKER.match(head) is not None


def _mistagged_cue(tok: Token) -> bool:
    # A capital marks a name, not a verb the tagger missed: "the United States." is no "states".
    if (
        tok.pos_ not in {"NOUN", "PROPN"}
        or not tok.text[:1].islower()
        or not tok.lower_.endswith("s")
        or tok.lower_[:-1] not in SPEECH_VERBS
    ):
        return False
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        before is not None
        and before.pos_ in {"PROPN", "PRON"}
        and (after is None or after.is_punct or after.is_space or after.pos_ in {"ADP", "ADV"})
    )


def is_belief_cue(tok: Token) -> bool:
    """A verb of belief, or an adjective of belief after a copula ("were convinced that …")."""
    if tok.dep_ == "acomp" and tok.lower_ in BELIEF_ADJECTIVES:
        return tok.pos_ in {"ADJ", "VERB"}  # "convinced", "worried" are often tagged as verbs
    return tok.pos_ == "VERB" and lemma(tok) in BELIEF_VERBS


def is_according(tok: Token) -> bool:
    """The ``according`` of "according to X"."""
    return tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)


def _infinitive_after_adjective(cue: Token, holder: Token) -> bool:
    """``cue`` is "to say" after an adjective of the clause headed by ``holder`` ("safe to say")."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)
    adjective = holder.pos_ == "ADJ" or any(c.dep_ == "acomp" for c in holder.children)
    return infinitive and adjective


def _quoted_as_saying(cue: Token) -> Token | None:
    """The person a report quotes: "the Daily News quoted witness Devonte Brown as saying",
    "Reuters cited a senior official as saying that …" — the object speaks, the subject relays.
    ``cue`` is the verb of quoting or the "saying" under it."""
    verb = cue
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.dep_ == "prep":
        verb = cue.head.head
    if verb.lemma_.lower() not in {"quote", "cite"}:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    saying = [
        p
        for p in verb.children
        if p.dep_ == "prep"
        and p.lower_ == "as"
        and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in p.children)
    ]
    return objs[0] if objs and saying and objs[0].i < saying[0].i else None


def speaker_of(cue: Token) -> Token | None:
    """The token heading the speaker of ``cue``: its subject, or the object of "according to".

    A verb without a subject borrows its head's along advcl/conj/xcomp links, so "Hegseth
    affirmed …, describing them as …" gives Hegseth. A relative clause ("who said") gives the
    relative pronoun, resolved later like any pronoun. Passive agents ("was told by X") and
    impersonal subjects give None: no speaker is guessed.
    """
    if is_report_source(cue):
        return next(c for c in cue.children if c.dep_ == "pobj")
    if is_noun_cue(cue):
        return next(c for c in cue.children if c.dep_ == "poss")
    if is_according(cue):
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    if _mistagged_cue(cue):
        return cue.doc[cue.i - 1]
    if (quoted := _quoted_as_saying(cue)) is not None:
        return quoted
    tok = cue
    for _ in range(4):
        # "was told/asked" has the addressee as subject, not the speaker; a "subject" across
        # a line break is the parser joining a heading to the text.
        subjects = [
            child
            for child in tok.children
            if child.dep_ in _SUBJ
            and not (child.dep_ == "nsubjpass" and tok.lemma_ in {"tell", "ask"})
            and not _crosses_line(cue.doc, min(child.i, cue.i), max(child.i, cue.i))
        ]
        if subjects:
            # Several subjects are a misparse ("In an e-mail to media members Thursday night,
            # Henry said": "-", "mail" and "Henry" all nsubj): a name or pronoun before a common
            # noun before anything else ("26%"), a person's name before a place's ("Tuesday … in
            # Berea, OH, …, Gov. John Kasich (R-OH), said"), then the first.
            child = min(
                subjects,
                key=lambda c: (
                    _SUBJECT_RANK.get(c.pos_, 2),
                    c.pos_ == "PROPN" and c.ent_type_ != "PERSON",
                    c.i,
                ),
            )
            if child.lower_ == "it" and _infinitive_after_adjective(cue, tok):
                return None  # "it's safe to say …", "it is fair to say that …": the writer's voice
            return _past_the_day(child)
        if _copula_adjective(tok):
            # "Aides were convinced that …": the adjective's holder is the copula's subject.
            tok = tok.head
            continue
        if tok.dep_ == "xcomp" and _copula_adjective(tok.head):
            # "Aides are quick to point out that …", "was reluctant to endorse Trump".
            tok = tok.head.head
            continue
        if tok.dep_ in _BORROW and tok.head.i != tok.i and tok.head.pos_ in {"VERB", "AUX"}:
            tok = tok.head
            # "Hegseth highlighted that the US and India are aware …, emphasizing …": a participle
            # hung on the reported clause belongs to the one who reports it.
            # Not to a head the parser put after the participle that does not report anything:
            # "Clinton went on offense …, saying …, his world view is …" (it hung "went" on
            # "is") keeps Clinton.
            if (
                tok.dep_ == "ccomp"
                and cue.dep_ == "advcl"
                and cue.tag_ == "VBG"
                and tok.head.i != tok.i
                and (tok.head.i < cue.i or is_speech_cue(tok.head) or is_belief_cue(tok.head))
            ):
                tok = tok.head
            continue
        # "punctuated his list by saying …": through the preposition to the verb it hangs on.
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in {"VERB", "AUX"}:
            verb = tok.head.head
            # … but "scolded Romney for suggesting …", "praised her for saying …": the one
            # judged for it said it (only after a verb that judges: PolNeAR dev and train
            # lose as much as they gain when any verb with an object counts)
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
            if tok.head.lower_ == "for" and objects and verb.lemma_ in _JUDGING:
                return _past_the_day(objects[0])
            tok = verb
            continue
        # "Gordon Advisors issued a statement Tuesday expressing condolences": the statement
        # speaks for whoever issued it (not for those who "were sent a memo stating …").
        if (
            tok.dep_ == "acl"
            and tok.head.lower_ in CHANNEL_NOUNS
            and tok.head.dep_ == "dobj"
            and any(c.dep_ == "nsubj" for c in tok.head.head.children)
        ):
            tok = tok.head.head
            continue
        break
    return _adjacent_name(cue)


#: Days a wire report puts between its source and the verb: "HP Monday announced …".
_DAY_WORDS = WEEKDAY_NAMES | {"today", "yesterday", "tonight"}


def _past_the_day(subj: Token) -> Token | None:
    """The source in "HP Monday announced …", "Google Thursday said …".

    The parser makes the day the subject and the source its compound; the source speaks (the
    day stays a time, read by the time extractor). A day with no source before it speaks for
    no one ("… office announced Friday that …", with "office" misparsed): no speaker.
    """
    if not _a_time(subj):
        return subj
    names = [
        c
        for c in subj.children
        if c.dep_ in {"compound", "nmod"} and c.i < subj.i and c.pos_ in {"PROPN", "NOUN"}
    ]
    return names[-1] if names else None


# Nouns that head a time expression ("Last week", "Friday morning"): the time extractor's units
# and parts of the day. Not "the 46-year-old", an age the recogniser also calls a date, who speaks.
_TIME_NOUNS = frozenset(DURATION_UNIT) | frozenset(DAYPART)


def _a_time(tok: Token) -> bool:
    """A day name, or a noun heading a time expression ("week" in "Last week"); not a name the
    recogniser ran into one ("Last week Stumpf … appeared")."""
    return tok.lower_ in _DAY_WORDS or (
        tok.ent_type_ in {"DATE", "TIME"} and tok.lemma_.lower() in _TIME_NOUNS
    )


def in_main_clause(verb: Token) -> bool:
    """The verb heads its sentence, or is coordinated with the verb that does."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


def _copula_adjective(tok: Token) -> bool:
    """An adjective complement of a verb or copula ("are *quick* to …", "were *convinced* that …")."""
    return bool(tok.pos_ in {"ADJ", "VERB"} and tok.dep_ == "acomp" and tok.head.pos_ in {"VERB", "AUX"})


def clausal_complement(tok: Token) -> set[int] | None:
    """Token ids of the that-clause a verb of saying or belief reports, or None.

    * Several clausal complements: the one after the verb. "A majority say they are paying
      attention; 26 percent say they have not been" is often parsed with the first "say"
      clause as a complement of the second.
    * A second that-clause the parser hung on the verb: "said that wages would fall, but
      that overtime would offset it" is one report.
    * Only the words after the verb, when the clause follows it: a relative pronoun moved out
      of it ("a minuet that Clinton and leading Democrats hope will soothe …") is no report.
    * A that-clause the parser took for a relative clause of a prepositional object: "said
      for the first time that the intelligence had passed …" (not "as": "touted it as
      evidence that …" is a stance and its object).
    """
    # a clause opened by "before", "once", "because" … tells when or why the verb happened,
    # whatever the parser called it: "Williams said before Kelly appeared on the scene"
    comps = [
        c
        for c in tok.children
        if c.dep_ == "ccomp"
        and not any(m.dep_ == "mark" and m.lower_ in _ADVERBIAL_MARKS for m in c.children)
    ]
    if len(comps) > 1:
        comps = [c for c in comps if c.i > tok.i] or comps
    if comps:
        ids = {t.i for t in comps[0].subtree}
        if comps[0].i > tok.i:
            # a relative pronoun moved out of the clause ("a minuet that Clinton and leading
            # Democrats hope will soothe tensions") stands before the speaker: the report is
            # what follows the verb, not the speaker's own words
            ids = {i for i in ids if i > tok.i}
        for c in tok.children:
            if c.dep_ == "conj" and c.i > comps[0].i and _has_mark_that(c):
                # The conjunction and comma between the two clauses come along.
                ids.update(k for k in range(max(ids) + 1, c.i) if tok.doc[k].dep_ in {"cc", "punct"})
                ids.update(t.i for t in c.subtree)
        return ids
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i or prep.lower_ == "as":
            continue
        for obj in prep.children:
            for clause in obj.children:
                if clause.dep_ in {"relcl", "acl"} and clause.i > obj.i and _has_mark_that(clause):
                    return {t.i for t in clause.subtree}
    return None


_ADVERBIAL_MARKS = frozenset(
    {
        "before",
        "after",
        "once",
        "until",
        "till",
        "since",
        "because",
        "although",
        "though",
        "unless",
        "while",
        "whereas",
    }
)


def _has_mark_that(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in verb.children)


def trailing_relative(doc: Any, after: int, ids: set[int]) -> int | None:
    """Where a non-restrictive relative clause about a name ends ``ids`` (its comma), or None.

    "… the FBI had secured the cooperation of Bryan Pagliano, who worked on Clinton's 2008
    campaign …": the writer's background on a person or organisation, not part of what the
    source said or holds. Only a clause that opens with a comma and a wh-word ("which", "who",
    "whom", "whose", "for whom"), hangs on a proper noun and runs to the end of the content,
    and only after token ``after`` (the cue). A clause about a common noun often carries the
    source's own judgement ("noted the integration of US systems, which has significantly
    enhanced India's capabilities") and stays.
    """
    last = max(ids)
    for k in sorted(ids):
        tok = doc[k]
        if k <= after or tok.dep_ != "relcl" or tok.head.pos_ != "PROPN":
            continue
        first: int = min(t.i for t in tok.subtree)
        wh = doc[first].lower_ in {"which", "who", "whom", "whose"} or (
            doc[first].dep_ == "prep" and first + 1 < len(doc) and doc[first + 1].lower_ in {"which", "whom"}
        )
        # The clause may stop one token short of the content's end (a closing mark or period).
        ends = max(t.i for t in tok.subtree) >= last - 1
        if wh and ends and first - 1 > after and doc[first - 1].text == ",":
            return first - 1
    return None


def _adjacent_name(cue: Token) -> Token | None:
    """A name right next to a subjectless cue: the parser's usual slip with long titles.

    "…, US Defence Secretary Pete Hegseth said that …" is often parsed with the name as an
    apposition of an earlier noun and "said" left without a subject; likewise "…," said Geoff
    Garin. Only a proper noun directly before (or, inverted, after) the verb is taken.
    """
    doc = cue.doc
    if cue.i > 0:
        before = doc[cue.i - 1]
        if before.pos_ == "PROPN" and before.dep_ in {"appos", "conj", "pobj", "dobj", "npadvmod"}:
            if before.lower_ not in _DAY_WORDS and before.ent_type_ not in {"DATE", "TIME"}:
                return before
            # A day never speaks ("… a statement on Thursday condemning …"), but the wire's
            # source before it does ("HP Monday announced …").
            source = _past_the_day(before)
            if source is not None and source is not before:
                return source
    # An inverted report follows the words it reports ('…," read the press release'); a bare
    # verb that opens a sentence or a quotation is an imperative ('"Tell your audience to …').
    opens = cue.i == cue.sent.start or doc[cue.i - 1].tag_ in {"``", "-LRB-"}
    if cue.i + 1 < len(doc) and not (cue.tag_ == "VB" and opens):
        after = doc[cue.i + 1]
        if after.pos_ == "PROPN" and after.head.i == cue.i:
            # "… office announced Friday that …": a day after the verb is when, not who
            return None if _a_time(after) else after
        if after.dep_ == "compound" and after.head.pos_ == "PROPN" and after.head.head.i == cue.i:
            return after.head
        # '"How big is that wall?" asked the boy': an inverted common-noun speaker.
        for child in cue.children:
            if (
                child.i > cue.i
                and child.dep_ in {"nsubj", "dobj", "attr"}
                and child.pos_ in {"NOUN", "PROPN"}
                and min(t.i for t in child.subtree) == cue.i + 1
                and cue.i > 0
                and (doc[cue.i - 1].is_punct or doc[cue.i - 1].is_quote)
            ):
                return child
    return None


def noun_phrase(head: Token, *, blocked: Iterable[int] = ()) -> tuple[int, int]:
    """Token range ``[i, j)`` of the noun phrase headed by ``head``.

    The phrase as the writer built it, which is also what attribution corpora mark as the
    source: appositions, ages, prepositional modifiers, participles and relative clauses stay
    ("Lance Beebe, 49, a Navy veteran who now works for the Air Force"; "exit polls taken in
    South Carolina"). A relative clause that holds a verb of saying does not ("Cruz, who says
    …": its "who" is a speaker of its own). The phrase never runs into a ``blocked`` token (a
    quotation) or over a line break, starts after a dateline's dash, and loses punctuation,
    conjunctions and prepositions at its edges.
    """
    blocked_set = set(blocked)
    skip: set[int] = set()
    for tok in head.subtree:
        if tok.i == head.i:
            continue
        reports = tok.dep_ == "relcl" and any(is_speech_cue(t) for t in tok.subtree)
        if (
            reports
            or (tok.dep_ in {"advcl", "ccomp", "parataxis"} and not _inside_relative(tok, head))
            or (tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"})
        ):
            # A verb clause inside the subject is the parser running on into the sentence.
            skip.update(t.i for t in tok.subtree)
    keep = [t.i for t in head.subtree if t.i not in skip]
    start = end = head.i
    # Grow contiguously from the head so a skipped clause cuts the phrase there.
    keep_set = set(keep)
    while start - 1 in keep_set and start - 1 not in blocked_set:
        start -= 1
    while end + 1 in keep_set and end + 1 not in blocked_set:
        end += 1
    doc = head.doc
    # A dateline before the name ends at its dash: "RENO, Nev. (AP) — Republican … Trump".
    for k in range(start, head.i):
        if doc[k].text in {"—", "–", "--"}:
            start = k + 1
    # A phrase never spans a line break (the parser sometimes joins a heading to the next line).
    while start < head.i and _crosses_line(doc, start, head.i):
        start += 1
    while end > head.i and _crosses_line(doc, head.i, end):
        end -= 1
    while start < head.i and (doc[start].dep_ in _EDGE_TRIM or doc[start].is_punct or doc[start].is_space):
        start += 1
    # A phrase never ends inside a hyphenated word the tokenizer cut: "Some co-workers said";
    # a dash written as a hyphen before a verb or a name is no such word ("the case-were").
    while (
        end + 1 < len(doc)
        and end + 1 not in blocked_set
        and not doc[end].whitespace_
        and "-" in (doc[end].text, doc[end + 1].text)
        and doc[end + 1].pos_ not in {"VERB", "AUX", "PROPN"}
    ):
        end += 1
    # A bracket the phrase opens after its head and never closes is an aside the parser hung on
    # the name ("according to exit polls (a sizable margin, but one that …"): cut before it.
    aside = next(
        (
            k
            for k in range(head.i + 1, end + 1)
            if doc[k].text in _OPENING and unclosed(doc[k : end + 1], _OPENING[doc[k].text])
        ),
        None,
    )
    if aside is not None:
        end = aside - 1
    while end > head.i and (doc[end].dep_ in _EDGE_TRIM or doc[end].is_punct or doc[end].is_space):
        if doc[end].text in _CLOSING and unclosed(doc[start:end], doc[end].text):
            break  # "Hewlett-Packard (hp.com)": the bracket the phrase opened closes it
        end -= 1
    return start, end + 1


def _inside_relative(tok: Token, head: Token) -> bool:
    """Is ``tok`` inside a relative clause of ``head``'s phrase ("the former mayor who made his
    name prosecuting the Mafia": the clause under "made" is the description going on)?"""
    t = tok.head
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "relcl":
            return True
        t = t.head
    return False


_CLOSING = {")": "(", "]": "["}
_OPENING = {"(": ")", "[": "]"}


def unclosed(span: Any, closing: str) -> bool:
    """``span`` (tokens) opens the bracket ``closing`` closes more often than it closes it."""
    opening = _CLOSING[closing]
    texts: list[str] = [t.text for t in span]
    return texts.count(opening) > texts.count(closing)


def cue_extent(cue: Token) -> tuple[int, int]:
    """Token range ``[i, j)`` of the cue words: "said", "posted on X", "said in a statement", "according to"."""
    if is_according(cue):
        to = next(c for c in cue.children if c.lower_ == "to")
        return min(cue.i, to.i), max(cue.i, to.i) + 1
    start = end = cue.i
    for child in cue.children:
        if child.dep_ == "prt" and child.i == end + 1:
            end = child.i
    if is_noun_cue(cue):
        nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if nxt is not None and nxt.dep_ == "prep" and nxt.head.i == cue.i and nxt.lower_ in NOUN_CUE_PREPS:
            return cue.i, cue.i + 2  # "support for", "attacks on"
        return cue.i, cue.i + 1
    prep = stance_prep(cue) if cue.pos_ == "VERB" else None
    if prep is not None and prep.i == end + 1:
        return start, prep.i + 1  # "called for", "referring to"
    for child in cue.children:
        # A channel right after the verb: "posted on X", "said in a statement".
        if child.dep_ == "prep" and child.lower_ in {"on", "in"} and child.i == end + 1:
            objs = [o for o in child.children if o.dep_ == "pobj"]
            # A channel noun ("a statement") or a platform's name ("X", "Truth Social").
            named = objs and objs[0].pos_ in {"PROPN", "NOUN"} and objs[0].text[:1].isupper()
            if objs and (objs[0].lemma_.lower() in CHANNEL_NOUNS or named):
                end = max(t.i for t in objs[0].subtree)
    return start, end + 1
