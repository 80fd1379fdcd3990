"""Sourcing: which sources a report leaves unnamed, why, and who gave no comment.

Input → output: the annotated documents of one story, its entities and its quotes (speakers
linked) → :class:`~crosswire.models.SourcingNote` s (:func:`sourcing_notes`) and the quotes
with ``Quote.unnamed`` set, without the clauses that only say how the report was sourced
(:func:`mark_unnamed`). Both are pure; the extract stage runs them after linking speakers.

A fact-checker reads "three people familiar with the matter said" differently from "the
company said": four outlets each told by unnamed officials may all carry one leak. The rules
are lexical and deliberately narrow:

* An **unnamed source** is a speaker phrase headed by a word for a person or group that is
  not a name ("officials", "people familiar with the matter", "a person close to the
  company", "the sources", "one of the people", "a Pentagon spokesman"), with no person's name
  inside it ("a spokeswoman, Dana Ruiz" is named). An organisation inside it is kept as its
  affiliation ("U.S. officials" still link to the United States), but the words say the
  speaker was not named. A named relay that cites one ("Reuters reported, citing three people
  familiar with the matter") rests on it too. Someone inside a named person's account is no
  source of the report ("Armstead testified that she overheard someone say …": she is).
* An **anonymity grant** is the report's account of why ("asking not to be identified
  because the discussions are confidential", "who spoke on condition of anonymity", "who was
  not authorized to speak publicly"). It is no one's statement: a quote whose content is such a
  clause is dropped (the indirect-speech rules read "asking not to be identified" as words).
* A **no comment** is a clause saying that someone asked gave none ("declined to comment",
  "did not respond to a request for comment", "could not be reached", "Calls to Gordon Advisors
  were not answered"): not a claim of the
  story, so not a fact, a summary line or a timeline entry, and not a quote ("to comment").
* An **unverified** note is the sentence in which a report says it could not verify what it
  tells ("Reuters could not independently verify the video"): its hedge cue (``Hedge`` of kind
  "unverified", :func:`unverified_notes`) hedges the claims it bears on; the note lists it with
  the report's other sourcing.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from crosswire.models import AnnotatedDocument, Entity, Hedge, Quote, SourcingNote, Span

__all__ = [
    "is_unnamed_source",
    "mark_unnamed",
    "no_comment_clauses",
    "sourcing_notes",
    "unnamed_sources",
    "unverified_notes",
]

# Heads of a phrase that describes a speaker without naming one. Titles that name one knowable
# person ("the president", "the defence secretary") are not here: the speaker linker resolves them.
_HEADS = (
    r"officials?|sources?|person|people|persons|aides?|advis[eo]rs?|diplomats?|insiders?|"
    r"executives?|staffers?|lawmakers?|legislators?|officers?|investigators?|allies|ally|"
    r"associates?|confidantes?|confidants?|spokes(?:wo)?m[ae]n|spokespersons?|spokespeople|"
    r"representatives?|employees?|shareholders?|investors?|bankers?|negotiators?|operatives?|"
    r"strategists?|donors?|witnesses|witness|analysts?|someone"
)
# the head must be the phrase's noun: nothing but a postmodifier ("familiar with …", "close to
# …", "who …", "for Meridian", ", speaking …") may follow it
_UNNAMED = re.compile(
    r"^(?:(?:the|a|an|one|two|three|four|five|six|several|some|many|other|more|multiple|"
    r"both|these|those|his|her|their|its|our|one\s+of\s+the|two\s+of\s+the|\d+)\s+)?"
    # modifiers: "senior", "U.S.", "Pentagon", "large Meridian" — never a function word, which
    # would make "his Twitter followers as the source for …" a source
    r"(?:(?!(?:as|of|to|for|by|in|on|at|with|and|or|but|that|which|who|said|says|is|are|was|were)\s)"
    r"[\w.'’&-]+\s+){0,5}?"
    r"(?:" + _HEADS + r")\b"
    r"(?=$|\s*[,(—–-]|\s+(?:familiar|close|with|who|whom|that|for|from|at|in|of|on|briefed|"
    r"involved|knowledgeable|aware|speaking|said|says|told|tell|asked|requesting|requested)\b)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this"})

# "asking not to be identified because …", "who spoke on condition of anonymity", "who was not
# authorized to speak publicly", "who requested anonymity to discuss …"
_GRANT = re.compile(
    r"(?:\b(?:who|and|but)\s+)?"
    r"(?:\b(?:ask(?:ed|ing|s)?|request(?:ed|ing|s)?|insist(?:ed|ing|s)?|spoke|speak(?:ing|s)?|"
    r"talk(?:ed|ing|s)?|declin(?:ed|ing|es)|agree(?:d|ing)?|demand(?:ed|ing)?|was|were|is|are)\s+)?"
    r"(?P<key>\bnot\s+to\s+be\s+(?:identified|named|quoted)(?:\s+by\s+name)?"
    r"|\bto\s+be\s+(?:identified|named)(?=\s|,|\.|$)"
    r"|\b(?:on|under)\s+(?:the\s+)?(?:condition|conditions)\s+(?:of\s+anonymity|that\s+(?:he|she|they|his|her|their)"
    r"(?:\s+\w+){0,4}\s+not\s+be\s+(?:identified|named|quoted))"
    r"|(?<=\s)anonymity\b"  # a bare "anonymity" only after a verb granting it: see _grant_matches
    r"|\bnot\s+authori[sz]ed\s+to\s+(?:speak|talk|comment|discuss|be\s+quoted|disclose|release)"
    r"|\bbecause\s+(?:he|she|they)\s+(?:was|were|is|are)\s+not\s+authori[sz]ed)"
    r"[^.;!?\"“”]*",
    re.IGNORECASE,
)
_GRANT_END = re.compile(
    r",\s+(?:said|says|told|according|but|and\s+(?:he|she|they)\s+said)\b|\s+(?:said|says|told)\b",
    re.IGNORECASE,
)

# the clause of a no-comment, by what the person asked did
_NO_COMMENT = re.compile(
    r"\b(?:"
    r"(?P<declined>(?:declined|declines|declining|refused|refuses|refusing)\s+(?:to\s+)?"
    r"(?:comment|discuss|respond|elaborate|answer|say\s+more)\b"
    # "declined a request for an interview", "declined multiple interview requests"; not "the court
    # refused requests to stop the count"
    r"|(?:declined|declines|refused|refuses)\s+(?:an?\s+|multiple\s+|several\s+|repeated\s+)?"
    r"(?:interview\s+requests?|interviews?|requests?\s+for\s+(?:an?\s+)?(?:interview|comment))\b"
    r"|(?:had|has|have|gave|offered)\s+no\s+(?:immediate\s+)?comment\b"
    r"|(?:would|will|did)\s+not\s+(?:immediately\s+)?comment\b)"
    r"|(?P<silent>(?:did\s+not|didn[’']t|has\s+not|hasn[’']t|have\s+not|haven[’']t|had\s+not)\s+"
    r"(?:immediately\s+|yet\s+)?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?)\b"
    r"(?=[^.;]{0,60}\b(?:request|comment|call|message|e-?mail|inquir|questions?\b|phone|text)))"
    r"|(?P<unreachable>(?:could\s+not|couldn[’']t|cannot|can[’']t)\s+(?:immediately\s+)?be\s+reached\b"
    r"|(?:not\s+available|unavailable)\s+(?:for|to)\s+(?:immediate\s+)?comment\b)"
    r")",
    re.IGNORECASE,
)
_DETAIL = {"declined": "declined", "silent": "did not respond", "unreachable": "could not be reached"}
# the same said of the attempt ("Calls to Gordon Advisors were not answered", "A message left
# with a spokesman for the state police was not immediately returned"): the predicate, after
# a subject that is a call, a message or a request
_UNANSWERED = re.compile(
    r"\b(?:calls?|phone\s+calls?|messages?|e-?mails?|voice\s?mails?|requests?|inquiries|queries)\b"
    r"[^.;!?]{0,80}?\b(?P<pred>(?:was|were|has\s+been|have\s+been|had\s+been)\s+not\s+(?:immediately\s+)?"
    r"(?:answered|returned))\b",
    re.IGNORECASE,
)
# where a no-comment clause ends: the sentence's end, or a coordinated clause of news after it
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|and|while|though|although|as)\b|\s+but\b", re.IGNORECASE)
# a conjunction or adverb opening the sentence is not the subject: "But the company could not …"
_LEADING = re.compile(r"^(?:(?:but|and|so|yet|meanwhile|however|separately)\b[,\s]*)+", re.IGNORECASE)


def is_unnamed_source(phrase: str) -> bool:
    """The speaker phrase describes a source without naming it (see the module docstring).

    ``phrase`` is the report's words for the speaker; the caller checks that no person's name
    lies inside them. "three people familiar with the matter" and "U.S. officials" are
    unnamed; "the company", "the Pentagon" and "the president" are not (an institution, and a
    title the report names elsewhere).
    """
    words = " ".join(phrase.split())
    if not words or words.lower() in _PRONOUNS:
        return False
    m = _UNNAMED.match(words)
    if m is None:
        return False
    # a capital head after the first word is part of a name: "Business Insider"
    head_at = m.end() - len(m.group().split()[-1])
    return head_at == 0 or not words[head_at].isupper()


def no_comment_clauses(text: str) -> list[tuple[int, int, int, str]]:
    """(start, subject end, end, detail) of every no-comment clause in one sentence ``text``.

    The clause runs from its subject (the sentence's start, past a leading "But") to the end
    of the predicate; ``detail`` is "declined", "did not respond" or "could not be reached".
    """
    found = [
        (m.start(), m.end(), next(_DETAIL[k] for k, v in m.groupdict().items() if v))
        for m in _NO_COMMENT.finditer(text)
    ]
    found += [(m.start("pred"), m.end("pred"), "did not respond") for m in _UNANSWERED.finditer(text)]
    out: list[tuple[int, int, int, str]] = []
    for m_start, m_end, detail in sorted(found):
        start = out[-1][2] if out else 0
        lead = _LEADING.match(text[start:])
        start += lead.end() if lead else 0
        while start < len(text) and text[start] in " ,;":
            start += 1
        subject_end = m_start
        while subject_end > start and text[subject_end - 1] in " ,":
            subject_end -= 1
        stop = _CLAUSE_END.search(text, m_end)
        end = stop.start() if stop else len(text.rstrip())
        out.append((start, subject_end, end, detail))
    return out


_GRANTING = re.compile(
    r"\b(?:request|ask|grant|given|sought|seek|demand|insist|agree)\w*\s+(?:for\s+)?$", re.I
)


def _inside_quotation(body: str, pos: int) -> bool:
    """``pos`` lies between quotation marks of its sentence (the speaker's words, not the report's)."""
    before = body[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _grant_matches(body: str) -> list[re.Match[str]]:
    """The anonymity grants of one sentence: not inside a quotation ("leaks … from sources hiding
    behind a cloak of anonymity", said the spokesman), and a bare "anonymity" only when granted
    ("requested anonymity to discuss …", "was granted anonymity")."""
    out = []
    for m in _GRANT.finditer(body):
        if _inside_quotation(body, m.start("key")):
            continue
        if m.group("key").lower() == "anonymity" and not _GRANTING.search(body[: m.start("key")]):
            continue
        out.append(m)
    return out


def grant_key(text: str, start: int) -> tuple[int, int] | None:
    """Where the words that grant anonymity are ("not to be identified", "on condition of
    anonymity") in the grant note starting at ``start`` of ``text``."""
    m = _GRANT.match(text, start)
    return (m.start("key"), m.end("key")) if m else None


def _grants(adoc: AnnotatedDocument) -> list[SourcingNote]:
    text = adoc.document.text
    out: list[SourcingNote] = []
    for sent in adoc.sentences:
        body = text[sent.start : sent.end]
        for m in _grant_matches(body):
            end = m.end()
            if stop := _GRANT_END.search(body, m.start("key"), end):
                end = stop.start()
            if (
                body[m.start() : m.start() + 4].lower() == "who "
                and (comma := body.find(",", m.start(), end)) > 0
            ):
                end = comma  # "…, who spoke on condition of anonymity, said": the clause closes at its comma
            while end > m.start() and body[end - 1] in " ,—–-(":
                end -= 1
            out.append(SourcingNote(adoc.document.id, sent.start + m.start(), sent.start + end, "anonymity"))
    return out


def _who(span: tuple[int, int], text: str, doc_id: str, entities: Sequence[Entity]) -> str | None:
    """The entity the subject of a no-comment names. Of the ones mentioned in it, not one named
    as an owner ("Trump's campaign manager, Corey Lewandowski" is Lewandowski), the last person
    ("Sanders campaign spokesman Michael Briggs"), else the first named; else, as the tagger often
    misses a short name late in a report ("Harbor Freight declined to comment"), the one entity
    whose name or alias the subject is, or begins ("Harbor Freight" of "Harbor Freight Lines
    Inc."), or whose surname it is."""
    named = sorted(
        (m.start, m.end, e.id, e.type)
        for e in entities
        for m in e.mentions
        if m.document == doc_id and span[0] <= m.start and m.end <= span[1]
    )
    if named:
        owned = [n for n in named if not re.match(r"['’]s?\b", text[n[1] : n[1] + 2])]
        people = [n for n in owned if n[3] == "PERSON"]
        return (people[-1] if people else (owned or named)[0])[2]
    subject = text[span[0] : span[1]]
    found: list[tuple[int, int, str]] = []
    for e in entities:
        if e.type not in {"PERSON", "ORG"}:
            continue
        for n in (e.name, *e.aliases):
            if len(n) > 2 and (hit := re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", subject)):
                found.append((hit.start(), -len(n), e.id))
    if found:
        return min(found)[2]  # the first named, the longest name there
    words = re.sub(r"^(?:the)\s+", "", " ".join(text[span[0] : span[1]].split()), flags=re.I).lower()
    if not words:
        return None
    tests: tuple[Callable[[str], bool], ...] = (
        lambda name: name == words,
        lambda name: name.startswith(words + " "),
        lambda name: name.endswith(" " + words),
    )
    for test in tests:
        fits = {
            e.id
            for e in entities
            if e.type in {"PERSON", "ORG"}
            for n in (e.name, *e.aliases)
            if test(n.lower())
        }
        if len(fits) == 1:
            return fits.pop()
        if fits:
            return None
    return None


def _token_at(tokens: list[tuple[int, int]], offset: int) -> int:
    """Index of the token starting at or after ``offset``."""
    return bisect.bisect_left(tokens, (offset, -1))


def _subject(
    adoc: AnnotatedDocument, tokens: list[tuple[int, int]], verb_at: int
) -> tuple[int, int, bool, Any] | None:
    """From the parse: the (start, end) of the subject of the no-comment verb at ``verb_at``,
    whether the no-comment is only its own predicate inside a larger sentence (a verb coordinated
    with an earlier one that has the subject, "He continues to insist … and refuses to answer
    questions"; a relative clause, "Norton, which declined to comment, returned …"), and the
    token naming whom (the subject's head, or the noun a relative pronoun stands for); None
    without a parse or a subject."""
    k = _token_at(tokens, verb_at)
    if adoc.doc is None or k >= len(tokens) or tokens[k][0] != verb_at:
        return None
    verb = adoc.doc[k]
    if verb.dep_ in {"aux", "auxpass", "neg"}:  # "did not respond", "could not be reached"
        verb = verb.head
    coordinated = False
    # up through coordinated verbs and the verbs whose subject they share ("continues to insist
    # on … and refuses to answer": refuses → insist → continues, whose subject it is)
    while verb.dep_ in {"conj", "xcomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        coordinated = coordinated or verb.dep_ == "conj"
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    if verb.dep_ == "relcl" and subject.lower_ in {"who", "which", "that"}:
        # "Mr. Lewandowski, who did not respond to a request for comment, has denied …": the
        # relative pronoun stands for the noun the clause hangs on
        return tokens[subject.i][0], tokens[subject.i][1], True, verb.head
    return tokens[subject.left_edge.i][0], tokens[subject.right_edge.i][1], coordinated, subject


def _who_by_parse(
    head: Any, tokens: list[tuple[int, int]], doc_id: str, entities: Sequence[Entity]
) -> str | None:
    """The entity a subject's head names: the head itself ("Harbor Freight", "Hope Hicks" of
    "Trump campaign spokeswoman Hope Hicks"), the person in apposition to it ("Trump's campaign
    manager, Corey Lewandowski"), its owner ("Iran's mission to the United Nations" is Iran's),
    or the body it speaks for ("A spokesman for Mr. Clinton", "A representative for Meridian"),
    or the one a call or message went to ("Calls to Gordon Advisors", "a message left with a
    spokesman for the state police")."""
    at = {(m.start, m.end): e.id for e in entities for m in e.mentions if m.document == doc_id}

    def named(tok: Any) -> str | None:
        s, e = tokens[tok.i]
        return next((eid for (ms, me), eid in at.items() if ms <= s and e <= me), None)

    def objects(tok: Any) -> list[Any]:
        # "a spokesman for X", "calls to X", "a message left with X" (through the participle)
        holders = [tok, *(c for c in tok.children if c.dep_ == "acl")]
        return [
            g
            for h in holders
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in {"for", "of", "at", "to", "with"}
            for g in c.children
            if g.dep_ == "pobj"
        ]

    for tok in (
        head,
        *(c for c in head.children if c.dep_ == "appos"),
        *(c for c in head.children if c.dep_ == "poss"),
        *objects(head),
        *(g for o in objects(head) for g in objects(o)),  # "a message left with a spokesman for X"
    ):
        if (eid := named(tok)) is not None:
            return eid
    return None


def _no_comments(adoc: AnnotatedDocument, entities: Sequence[Entity]) -> list[SourcingNote]:
    text = adoc.document.text
    doc_id = adoc.document.id
    tokens: list[tuple[int, int]] = []  # the parse's offsets, mapped once a report has a no-comment
    out: list[SourcingNote] = []
    for sent in adoc.sentences:
        body = text[sent.start : sent.end]
        for start, subject_end, end, detail in no_comment_clauses(body):
            if not tokens and adoc.doc is not None:
                tokens = [adoc.document.to_original(t.idx, t.idx + len(t.text)) for t in adoc.doc]
            verb_at = subject_end + len(body[subject_end:]) - len(body[subject_end:].lstrip(" ,"))
            if _inside_quotation(body, verb_at):
                continue  # "“The foundation has no comment on …”" is the speaker's statement
            lo, hi = sent.start + start, sent.start + subject_end
            parsed = _subject(adoc, tokens, sent.start + verb_at)
            coordinated, who = False, None
            if parsed is not None and lo <= parsed[0] < hi:
                # "Ramos said Trump has not replied …": the subject is Trump, not the sentence's
                # start; it runs to the end of its last word (the parse splits "G-III" in three)
                rest = text[parsed[1] : hi]
                end_word = parsed[1] + len(rest) - len(re.sub(r"^\S+", "", rest))
                lo, hi, coordinated = parsed[0], min(end_word, hi), parsed[2]
                who = _who_by_parse(parsed[3], tokens, doc_id, entities)
            stop = sent.start + end
            if (
                parsed is not None
                and parsed[3] is not None
                and coordinated
                and parsed[3].i < _token_at(tokens, lo)
            ):
                # a relative clause closes at its comma: ", who did not respond …, has denied"
                comma = text.find(",", sent.start + verb_at, stop)
                stop = comma if comma > 0 else stop
            subject = text[lo:hi]
            rel = re.match(r"^([^,]+),\s+(?:which|who)\s+", subject)
            who_end = lo + len(rel.group(1)) if rel else hi
            who_span = Span(doc_id, lo, who_end) if who_end > lo else None
            if who_span is None and out and out[-1].document == doc_id and out[-1].end >= lo - 2:
                # "declined to comment, didn't respond to requests …": the one before's subject
                who, who_span = out[-1].who, out[-1].who_span
            aside = Span(doc_id, lo + rel.end(), hi) if rel and hi > lo + rel.end() else None
            out.append(
                SourcingNote(
                    document=doc_id,
                    # a coordinated no-comment is only its own predicate: the other verb's is news
                    start=sent.start + verb_at if coordinated else lo,
                    end=stop,
                    kind="no comment",
                    detail=detail,
                    who=who or (_who((lo, who_end), text, doc_id, entities) if who_span else None),
                    who_span=who_span,
                    aside=None if coordinated else aside,
                )
            )
    return out


def sourcing_notes(adocs: Iterable[AnnotatedDocument], entities: Sequence[Entity] = ()) -> list[SourcingNote]:
    """The anonymity grants and no-comments of a story's reports, in reading order (pure)."""
    out: list[SourcingNote] = []
    for adoc in adocs:
        notes = _grants(adoc) + _no_comments(adoc, entities)
        out += sorted(notes, key=lambda n: (n.start, n.end))
    return out


def _persons(adoc: AnnotatedDocument) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in adoc.mentions if m.label == "PERSON"]


def _unnamed_span(span: Span, adoc: AnnotatedDocument) -> Span | None:
    """The describing words of an unnamed-source phrase, without what follows its first comma
    ("One large Meridian shareholder, who spoke on condition of anonymity …"); None when it names."""
    if any(span.start <= s and e <= span.end for s, e in _persons(adoc)):
        return None
    words = adoc.document.text[span.start : span.end]
    if not is_unnamed_source(words):
        return None
    cut = words.find(",")
    end = span.start + (len(words[:cut].rstrip()) if cut > 0 else len(words.rstrip()))
    return Span(span.document, span.start, end)


# "citing three people familiar with the matter", "quoting unnamed officials"
_CITING = re.compile(r"\b(?:citing|quoting)\s+(?P<np>[^,.;:!?\"“”()]+)", re.IGNORECASE)


def mark_unnamed(
    quotes: Sequence[Quote],
    adocs: Sequence[AnnotatedDocument],
    notes: Sequence[SourcingNote],
    entities: Sequence[Entity] = (),
) -> list[Quote]:
    """``quotes`` with ``unnamed`` set where they rest on a source the report does not name, and
    without the quotes that are only sourcing (pure): the words of an anonymity grant with
    nothing of substance before them ("not to be identified because the discussions are
    confidential"), the object of a no-comment ("to comment"), an unnamed source as the object
    of "citing". ``notes``: the story's :func:`sourcing_notes`."""
    by_doc = {a.document.id: a for a in adocs}
    person_ids = {e.id for e in entities if e.type == "PERSON"}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for n in notes:
        spans.setdefault((n.document, n.kind), []).append((n.start, n.end))
    by_quote_doc: dict[str, list[Quote]] = {}
    for q in quotes:
        by_quote_doc.setdefault(q.document, []).append(q)
    out: list[Quote] = []
    for q in quotes:
        adoc = by_doc.get(q.document)
        if adoc is None:
            out.append(q)
            continue
        if any(_only_granting(q, s, adoc.document.text) for s, _ in spans.get((q.document, "anonymity"), ())):
            continue  # "asking not to be identified because …" is how the report was sourced
        if _only_asking(q) and any(
            s <= q.start and q.end <= e for s, e in spans.get((q.document, "no comment"), ())
        ):
            continue  # "declined to comment": no words at all
        if (q.cue or "").lower().startswith(("citing", "cited", "cites", "quoting")) and is_unnamed_source(
            q.text
        ):
            continue  # "citing three people familiar with the matter" names a source, says nothing
        marked = _with_unnamed(q, adoc, person_ids)
        if marked.unnamed is not None and _told_by_a_person(q, by_quote_doc[q.document], adoc, person_ids):
            marked = q  # "she overheard someone say …": someone in her account, not the report's source
        out.append(marked)
    return out


def _told_by_a_person(
    q: Quote, quotes: Sequence[Quote], adoc: AnnotatedDocument, person_ids: set[str]
) -> bool:
    """The words naming ``q``'s speaker lie inside what a named person is reported to have said
    ("Armstead testified that after she overheard *someone* say “he has a gun” …"): the speaker
    is someone in that person's account, and the report's source is the person, who is named."""
    span = q.speaker_span
    if span is None:
        return False
    persons = _persons(adoc)
    for other in quotes:
        if other is q or not (other.start <= span.start and span.end <= other.end):
            continue
        named = other.speaker_antecedent or other.speaker_span
        if other.speaker in person_ids or (
            named is not None and any(s < named.end and named.start < e for s, e in persons)
        ):
            return True
    return False


def _only_granting(q: Quote, grant_start: int, text: str) -> bool:
    """The quote's words hold the words granting anonymity and nothing else of substance
    ("not to be identified because the discussions are confidential"), unlike a statement
    that runs into a grant ("He was unable to find a taker, he said, on condition of anonymity")
    or words inside its reason ("because she feared her employer would think she lied")."""
    key = grant_key(text, grant_start)
    if key is None or not (q.start < key[1] and key[0] < q.end):
        return False
    before = text[q.start : max(q.start, grant_start)]
    return len(re.findall(r"[^\W\d_]{3,}", before)) <= 1


def _only_asking(q: Quote) -> bool:
    """The quote's words are only the object of the no-comment ("to comment", "to comment on the talks")."""
    return bool(
        re.match(r"^(?:to\s+)?(?:comment|discuss|respond|elaborate|answer|say)\b", q.text.strip(), re.I)
    )


def _with_unnamed(q: Quote, adoc: AnnotatedDocument, person_ids: set[str]) -> Quote:
    if q.speaker in person_ids:
        return q
    span = q.speaker_antecedent or q.speaker_span
    if span is not None and (described := _unnamed_span(span, adoc)) is not None:
        return dataclasses.replace(q, unnamed=described)
    # a named relay citing an unnamed source, in the sentence of the quote after its cue
    sent = next((s for s in adoc.sentences if s.start <= q.start < s.end), None)
    if sent is None:
        return q
    after = max(
        q.end, q.cue_span.end if q.cue_span else q.end, q.speaker_span.end if q.speaker_span else q.end
    )
    text = adoc.document.text
    for m in _CITING.finditer(text, after, sent.end):
        described = _unnamed_span(Span(q.document, m.start("np"), m.end("np")), adoc)
        if described is not None:
            return dataclasses.replace(q, unnamed=described)
    return q


def unnamed_sources(quotes: Iterable[Quote]) -> list[SourcingNote]:
    """One "unnamed source" note per distinct span of words the quotes rest on, in reading order."""
    spans = dict.fromkeys(q.unnamed for q in quotes if q.unnamed is not None)
    return [
        SourcingNote(s.document, s.start, s.end, "unnamed source")
        for s in sorted(spans, key=lambda s: (s.document, s.start, s.end))
        if s is not None
    ]


def unverified_notes(adocs: Sequence[AnnotatedDocument], hedges: Iterable[Hedge]) -> list[SourcingNote]:
    """One "unverified" note per sentence in which a report says it could not verify what it
    tells ("The video could not be independently verified."), from its hedge cues."""
    out: dict[tuple[str, int], SourcingNote] = {}
    sentences = {a.document.id: a.sentences for a in adocs}
    for h in hedges:
        if h.kind != "unverified":
            continue
        sent = next((x for x in sentences.get(h.document, ()) if x.start <= h.start < x.end), None)
        start, end = (sent.start, sent.end) if sent is not None else (h.start, h.end)
        text = sent.text if sent is not None else h.text
        # the sentence as read, without the blank lines or spaces around it
        lead = len(text) - len(text.lstrip())
        start, end = start + lead, start + len(text.rstrip())
        out.setdefault(
            (h.document, start), SourcingNote(h.document, start, max(end, start + 1), "unverified")
        )
    return list(out.values())
