"""Who "he" is: the antecedents of pronoun speakers, in one document.

Input → output: an annotated document, its speaker phrases as token ranges in text order, the
body ranges of its quotations and of its reported contents → the antecedent of each pronoun
speaker as a body range, or None (nothing guessed). Called by :mod:`.quotes`.

A pronoun's antecedent is the most recent earlier speaker, or subject mention of a compatible
type, in the same or the previous paragraph. Mentions inside quotation marks or inside
reported clauses are skipped (they are what was said, not who said it), and so are entities
already called by the other gendered pronoun. The candidate must agree with the pronoun:
"he"/"she" is one person — never a plural, names joined by "and", the writer's "I", nor a
person the document genders the other way (:mod:`.gender`), nor a person the pronoun's own
clause names after it ("she said, in a caution to Sanders backers"); "they" is not one named
person or office holder; "it" is neither a person nor a plural. A name that only modifies the
subject ("Rendell, a Clinton surrogate, said …") is no subject. "He"/"she" outside quotation
marks may reach further back than the previous paragraph, but only to a person the document
itself calls so, with no other name in between. Inside a reported clause, that clause's subject is a
candidate too ("LaRue said Magruder lied when he claimed …"); when no subject fits, a direct
object the sentence genders so is ("shooting his girlfriend after she refused …"). For a
relative pronoun ("who said") the antecedent is the noun it modifies; a possessive one ("his
vow to be neutral") is resolved as its subject form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from crosswire.annotate.lexicon import BODY_NOUNS, EVENT_NOUNS, TITLE_HEADS
from crosswire.extract.gender import Genders, name_genders, noun_gender, surname_key
from crosswire.extract.quotes_syntax import (
    PRONOUNS,
    in_main_clause,
    is_belief_cue,
    is_speech_cue,
    noun_phrase,
)
from crosswire.models import AnnotatedDocument

__all__ = ["resolve_speaker_pronouns"]

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # entity types that can speak
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}


def resolve_speaker_pronouns(
    adoc: AnnotatedDocument,
    speakers: Sequence[tuple[int, int] | None],
    *,
    known: Sequence[tuple[int, int] | None],
    quoted: Sequence[tuple[int, int]],
    reported: Sequence[tuple[int, int]],
) -> list[tuple[int, int] | None]:
    """The antecedent (body range) of each speaker phrase (token range, in text order) that is a
    pronoun; ``known`` antecedents are kept, and every resolution feeds the later ones.
    ``reported`` is the body range of what each speaker said, in the same order."""
    doc = adoc.doc
    text = doc.text
    inside = list(quoted)
    mentions = _subject_mentions(adoc, [*inside, *reported])
    nested = _reported_subjects(adoc, inside, reported) + _fronted_subjects(adoc, inside)
    genders = name_genders(adoc, quoted=inside)
    named = [
        (t.idx, t.lower_)
        for t in doc
        if t.pos_ == "PROPN"
        and (t.dep_ in {"nsubj", "nsubjpass"} or (t.ent_type_ == "PERSON" and t.dep_ != "compound"))
    ]
    # (position, char range, label or None, pronoun used) of speakers met so far.
    met: list[tuple[int, tuple[int, int], str | None, str | None]] = []
    nested_speakers: set[int] = set()  # positions of speakers inside another's reported clause
    out: list[tuple[int, int] | None] = []
    for n, (speaker, antecedent) in enumerate(zip(speakers, known, strict=True)):
        if speaker is None:
            out.append(antecedent)
            continue
        i, j = speaker
        pos = doc[i].idx
        word = doc[i].lower_ if j - i == 1 else ""
        # a possessor is who spoke through a noun ("his vow to be neutral"): its pronoun's person
        word = _POSSESSIVES.get(word, word) if doc[i].tag_ == "PRP$" else word
        if word in PRONOUNS and antecedent is None:
            head = doc[i]
            if (
                head.dep_ in {"nsubj", "nsubjpass"}
                and head.head.dep_ == "relcl"
                and word in {"who", "which", "that"}
            ):
                ni, nj = noun_phrase(head.head.head)
                antecedent = (doc[ni].idx, doc[nj - 1].idx + len(doc[nj - 1]))
            else:
                fit = _agreement(doc, word, genders)
                if word in {"he", "she"} and not any(a <= pos < b for a, b in inside):
                    fit = _not_named_in_clause(fit, doc, _clause_names(head, inside))
                antecedent = _cataphora(adoc, head, fit)
                # Inside a reported clause, that clause's own subject is a candidate too ("LaRue
                # said Magruder lied when he claimed …"), and so is the subject of a clause
                # that opens the pronoun's sentence ("While Trump has railed …, he's sought").
                here = [(s, e, label) for s, e, label, (a, b) in nested if a <= pos < b]
                # Outside every reported clause, a speaker inside one is not who "he" goes on to
                # be: "Melendres said that …, whereas Petraeus acknowledged that … He also said"
                # is Melendres again.
                voiced = met
                if not any(a <= pos < b for a, b in reported):
                    voiced = [m for m in met if m[0] not in nested_speakers]
                if antecedent is None:
                    # (the window is worked out once: ``Doc.text`` joins every token anew)
                    window = _paragraph_window(text, pos)
                    antecedent = _antecedent(
                        doc,
                        pos,
                        word,
                        voiced,
                        [*mentions, *here],
                        inside,
                        fit=fit,
                        named=named,
                        window=window,
                    )
                    antecedent = (
                        _closer_subject(doc, pos, antecedent, met, [*inside, *reported], fit, window=window)
                        or antecedent
                    )
                if antecedent is None and word in {"he", "she"} and not any(a <= pos < b for a, b in inside):
                    antecedent = _object_antecedent(doc, i, genders)
        # ("The US, he said, will act": a cue inside its own clause is not nested)
        if not in_main_clause(doc[i:j].root.head) and any(
            a <= pos < b for k, (a, b) in enumerate(reported) if k != n
        ):
            nested_speakers.add(pos)
        if antecedent is not None:
            met.append((pos, antecedent, _label_at(adoc, antecedent), word or None))
        elif word not in PRONOUNS:
            rng = (pos, doc[j - 1].idx + len(doc[j - 1]))
            met.append((pos, rng, _label_at(adoc, rng) or _nominal_label(doc[i:j]), None))
        out.append(antecedent)
    return out


def _clause_names(pronoun: Any, inside: Sequence[tuple[int, int]]) -> set[str]:
    """Surnames of the people named after a subject pronoun in the clause it governs, outside
    quotation marks: "she said, in an implicit caution to Sanders backers" names Sanders there,
    "He said Obama hopes …" Obama. Not a name before it ("While Trump has railed …, he's
    sought"), nor a possessor ("He notes … an issue with Trump's microphone": news writing does
    say so of the same man)."""
    verb = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or verb is pronoun:
        return set()
    own = {t.i for t in pronoun.subtree}
    return {
        surname_key(t.text)
        for t in verb.subtree
        if t.i > pronoun.i
        and t.i not in own
        and t.ent_type_ == "PERSON"
        and t.pos_ == "PROPN"
        and not (t.dep_ == "poss" or (t.head.dep_ == "poss" and t.head.ent_type_ == "PERSON"))
        and not any(a <= t.idx < b for a, b in inside)
    } - {""}


def _not_named_in_clause(
    fit: Callable[[tuple[int, int]], int], doc: Any, names: set[str]
) -> Callable[[tuple[int, int]], int]:
    """``fit``, but 0 for a person named inside the pronoun's own clause: a pronoun never refers
    to a name it governs (binding theory's principle C), so "she said, in a caution to Sanders
    backers" is not Sanders, and "He said Obama hopes …" not Obama."""
    if not names:
        return fit

    def unless_named(rng: tuple[int, int]) -> int:
        span = doc.char_span(*rng, alignment_mode="expand")
        head = span.root.text if span is not None and len(span) else ""
        return 0 if head and surname_key(head) in names else fit(rng)

    return unless_named


def _closer_subject(
    doc: Any,
    pos: int,
    found: tuple[int, int] | None,
    met: Sequence[tuple[int, tuple[int, int], str | None, str | None]],
    skip: Sequence[tuple[int, int]],
    fit: Callable[[tuple[int, int]], int],
    *,
    window: int,
) -> tuple[int, int] | None:
    """A name the model did not tag, subject of a main clause between the last mention of
    ``found`` (itself, or a speaker resolved to it: ``met``) and the pronoun at ``pos`` in its
    paragraph, outside quotations and reported clauses (``skip``), that fits the pronoun:
    "Lynch still has the final say …, and though she has said …" is Lynch, not a person two
    paragraphs up; but in 'After a face-off …, he testified, Timmons pulled the trigger. "…," he
    said' Timmons is what was testified, and "he" is still whoever testified."""
    if found is None:
        return None
    last = max([found[1], *(at for at, rng, _, _ in met if rng == found)])
    lo = max(last, window)
    between = doc.char_span(lo, pos, alignment_mode="expand") if lo < pos else None
    for tok in reversed(list(between or ())):
        if not lo <= tok.idx < pos:
            continue
        if (
            tok.pos_ == "PROPN"
            and not tok.ent_type_
            and tok.dep_ in {"nsubj", "nsubjpass"}
            and in_main_clause(tok.head)
            and not any(a <= tok.idx < b for a, b in skip)
        ):
            i, j = noun_phrase(tok)
            rng = (doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
            return rng if fit(rng) else None
    return None


def _cataphora(
    adoc: AnnotatedDocument, pronoun: Any, fit: Callable[[tuple[int, int]], int]
) -> tuple[int, int] | None:
    """The name a fronted clause's pronoun looks ahead to: "Even as he accused the Justice
    Department of …, Giuliani wouldn't speculate" — the subject of the main clause right after,
    when it is a person's name that fits the pronoun."""
    verb = pronoun.head
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "advcl" or verb.head.i < verb.i:
        return None
    if not in_main_clause(verb.head) or not any(c.dep_ == "mark" for c in verb.children):
        return None  # a subordinate clause ("Even as he …"), not a report ("…," he testified, …)
    if (is_speech_cue(verb) or is_belief_cue(verb)) and not any(c.dep_ == "dobj" for c in verb.children):
        return None  # "As he noted, …" reports the rest; it does not name who follows
    subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > verb.i]
    if not subjects or subjects[0].pos_ != "PROPN" or subjects[0].ent_type_ != "PERSON":
        return None
    i, j = noun_phrase(subjects[0])
    doc = adoc.doc
    rng = (doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))
    return rng if fit(rng) else None


def _object_antecedent(doc: Any, i: int, genders: Genders) -> tuple[int, int] | None:
    """The direct object before the pronoun in its sentence (not "through a spokesman, he"), when
    no subject or speaker fits and the nearest person object is one the document (or its own
    noun) gives that pronoun: "charged a man with shooting his pregnant girlfriend after she
    refused …"."""
    pronoun = doc[i].lower_
    for tok in reversed([t for t in doc[i].sent if t.i < i and t.dep_ == "dobj"]):
        said = _said(doc, tok, genders) if tok.pos_ in {"NOUN", "PROPN"} else None
        if said is None and tok.ent_type_ != "PERSON":
            continue  # not a person, or one we cannot tell: look further left
        if said != pronoun:
            return None
        start = min(t.idx for t in tok.subtree if t.i <= tok.i and t.dep_ not in {"cc", "conj"})
        return (start, tok.idx + len(tok))
    return None


def _antecedent(
    doc: Any,
    pos: int,
    pronoun: str,
    speakers: Sequence[tuple[int, tuple[int, int], str | None, str | None]],
    mentions: Sequence[tuple[int, int, str]],
    inside: Sequence[tuple[int, int]],
    *,
    fit: Callable[[tuple[int, int]], int],
    named: Sequence[tuple[int, str]],
    window: int,
) -> tuple[int, int] | None:
    """The most recent compatible speaker or subject mention before ``pos`` in this or the
    previous paragraph; further back only for "he"/"she" outside quotation marks, only when the
    most recent compatible one is a person the document itself gives that pronoun (``fit`` 2),
    and no other name comes in between as a person or as the subject of a clause (``named``:
    position and head word of such names — "Mr. Justice is running …" may be the "he" of the
    next line even when the model missed the name, and "Mr. LaRue's main argument was …" the
    "he" of "Nixon never called, he said"). ``window``: where the previous paragraph starts."""
    labels = PRONOUNS[pronoun]
    other = {"he": "she", "she": "he"}.get(pronoun)
    # Entities already called by the other gendered pronoun are not this one.
    wrong_gender = {rng for _, rng, _, used in speakers if other and used == other}
    # Mentions first: at one position the speaker's whole phrase wins (the sort is stable).
    found = [(s, (s, e)) for s, e, label in mentions if s < pos and label in labels]
    found += [
        (spos, rng)
        for spos, rng, label, _used in speakers
        if spos < pos and (label is None or label in labels) and not any(a <= rng[0] < b for a, b in inside)
    ]
    found = [(spos, rng) for spos, rng in found if rng not in wrong_gender]
    found.sort(key=lambda c: c[0])
    for spos, rng in reversed(found):
        score = fit(rng)
        if not score:
            continue
        if spos >= window:
            return rng
        quoted = any(a <= pos < b for a, b in inside)
        if other is not None and score == 2 and not quoted:
            span = doc.char_span(*rng, alignment_mode="expand")
            head = span.root.lower_ if span is not None and len(span) else ""
            if not any(rng[1] <= at < pos and word != head for at, word in named):
                return rng
        # Beyond the window "Hiller … she said" holds only when the nearest fitting person
        # is one the document calls "she": a person it never genders may be "he" as well.
        return None
    return None


_FIRST_SECOND = frozenset({"i", "me", "we", "us", "you"})
_PLURAL_WORDS = frozenset({"they", "them", "those", "these", "many", "both", "all", "several"})


def _agreement(doc: Any, pronoun: str, genders: Genders) -> Callable[[tuple[int, int]], int]:
    """How well the phrase at a body range fits ``pronoun``: 0 not at all, 1 it may, 2 the
    document gives that person this very pronoun. "he"/"she": one person, not one the document
    genders the other way ("Clinton … her health" is no "he"), not "the spokeswoman" for "he";
    "they": not one named person or one office holder ("the judge"); "it": neither a person nor
    a plural. The writer's "I" and "we" are none of them."""
    if pronoun not in {"he", "she", "they", "it"}:
        return lambda rng: 1

    def fit(rng: tuple[int, int]) -> int:
        span = doc.char_span(*rng, alignment_mode="expand")
        if span is None or not len(span):
            return 1
        root = span.root
        if root.pos_ == "PRON" and root.lower_ in _FIRST_SECOND:
            return 0  # (not "US": a country)
        # (an untyped "Wines" tagged NNPS may well be a misspelled surname)
        # (a surname in -s the tagger calls a plural noun is still one person: "Sanders also pledged")
        plural = (root.tag_ == "NNS" and root.ent_type_ != "PERSON") or (
            root.tag_ == "NNPS" and root.ent_type_ in {"NORP", "ORG"}
        )
        plural = plural or _joined(root) or (root.pos_ != "PROPN" and root.lower_ in _PLURAL_WORDS)
        person = root.ent_type_ == "PERSON" or (root.tag_ == "NN" and root.lower_ in TITLE_HEADS)
        if pronoun == "they":
            return int(plural or not person)
        if pronoun == "it":
            return int(not (plural or person))
        if plural or (root.pos_ == "NOUN" and (root.lower_ in BODY_NOUNS or root.lower_ in EVENT_NOUNS)):
            # "Will Smith, Robert DeNiro and Patti LaBelle", "the Clinton campaign", "the
            # platform committee meeting" are no "she"
            return 0
        said = _said(doc, root, genders)
        return 1 if said is None else 2 if said == pronoun else 0

    return fit


def _said(doc: Any, root: Any, genders: Genders) -> str | None:
    """The pronoun of the person a word names: by the document for a name, by the word itself
    for a gendered noun ("girlfriend"), None when neither says."""
    if root.ent_type_ != "PERSON":
        return noun_gender(root.text)
    i, j = root.i, root.i + 1
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return genders.of(doc[i:j].text)


def _joined(root: Any) -> bool:
    """Is ``root`` one of names joined by "and" (the parser hangs "and" on any of them)?"""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    chain = [first]
    while nxt := [c for c in chain[-1].children if c.dep_ == "conj"]:
        chain.append(nxt[0])
    if len(chain) < 2 or not any(
        c.dep_ == "cc" and c.lower_ in {"and", "&"} for t in chain for c in t.children
    ):
        return False
    # Names and names, or nouns and nouns; "the actress and activist Kamala Lopez" is one person.
    return len({t.pos_ for t in chain}) == 1


def _paragraph_window(text: str, pos: int) -> int:
    """Start of the paragraph before the one holding ``pos``."""
    here = text.rfind("\n", 0, pos)
    if here == -1:
        return 0
    # Skip the blank lines between paragraphs, then find the start of the previous one.
    k = here
    while k > 0 and text[k - 1].isspace():
        k -= 1
    prev = text.rfind("\n", 0, k)
    return prev + 1


def _subject_mentions(
    adoc: AnnotatedDocument, inside: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Mentions (body offsets) that are subjects of their clause and outside ``inside``."""
    out = []
    for s, e, label, span in _mention_spans(adoc, inside):
        root = span.root
        if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i > root.i:
            continue  # a modifier: in "Rendell, a Clinton surrogate, said" the subject is Rendell
        # Subjects, and the appositions/compounds of subjects ("Defence Minister Rajnath Singh").
        while root.dep_ in {"appos", "compound", "conj"} and root.head.i != root.i:
            root = root.head
        if (
            label == "PERSON"
            and root.dep_ == "ROOT"
            and root.pos_ == "PROPN"
            and all(t.dep_ == "compound" for t in span.doc[span.sent.start : span.start])
            and any(t.pos_ in {"VERB", "AUX"} for t in span.sent)  # not a heading
        ):
            # "Rep. Devin Nunes (R-Calif.), chairman of …, didn't second-guess …, but he did call
            # for …": the verb was taken for a noun and the name left as the whole sentence's
            # head; it is still who the sentence is about
            out.append((s, e, label))
            continue
        if root.dep_ in {"nsubj", "nsubjpass", "pobj"} and (root.dep_ != "pobj" or root.head.lower_ == "to"):
            if root.dep_ != "pobj" and not in_main_clause(root.head):
                # "Mr. Trump was blunt, claiming that President Obama wanted …. 'You'd have to be
                # insane,' he said": the subject of a reported or subordinate clause is not who
                # "he" goes on to be; the main clause's subject is
                continue
            out.append((s, e, label))
    return out


def _mention_spans(
    adoc: AnnotatedDocument, quoted: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, str, Any]]:
    """``(start, end, label, span)`` in body offsets of the mentions that can speak, outside
    quotation marks."""
    for m in adoc.mentions:
        if m.label not in _SPEAKER_LABELS:
            continue
        s, e = adoc.document.to_body(m.start, m.end)
        span = adoc.doc.char_span(s, e, alignment_mode="expand")
        if span is not None and not any(a <= s < b for a, b in quoted):
            yield s, e, m.label, span


def _reported_subjects(
    adoc: AnnotatedDocument, quoted: Sequence[tuple[int, int]], reported: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str, tuple[int, int]]]:
    """Mentions (body offsets) that are the subject of a reported clause, with its range."""
    out = []
    for s, e, label, span in _mention_spans(adoc, quoted):
        holders = [r for r in reported if r[0] <= s < r[1]]
        if holders and span.root.dep_ in {"nsubj", "nsubjpass"} and span.root.head.dep_ == "ccomp":
            out.append((s, e, label, min(holders, key=lambda r: r[1] - r[0])))
    return out


def _fronted_subjects(
    adoc: AnnotatedDocument, quoted: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str, tuple[int, int]]]:
    """Subjects of a subordinate clause that opens its sentence, with the rest of the sentence
    as their range: "While Trump has railed against the tax code, he's sought …"."""
    out = []
    for s, e, label, span in _mention_spans(adoc, quoted):
        verb = span.root.head
        if (
            span.root.dep_ in {"nsubj", "nsubjpass"}
            and verb.dep_ == "advcl"
            and verb.i < verb.head.i
            and in_main_clause(verb.head)
            # "As Mr. Bown observed, … when he wouldn't be worried": the observer reports the rest
            and not (is_speech_cue(verb) or is_belief_cue(verb))
        ):
            out.append((s, e, label, (e, span.sent.end_char)))
    return out


def _label_at(adoc: AnnotatedDocument, rng: tuple[int, int]) -> str | None:
    """Type of the phrase at a body range: the type of the name at its head, None when its head
    is no name ("Connecticut's tax commissioner" is no place, "Republican nominee Donald
    Trump" no party)."""
    span = adoc.doc.char_span(*rng, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root.idx
    for m in adoc.mentions:
        ms, me = adoc.document.to_body(m.start, m.end)
        if ms <= head < me and m.label in _SPEAKER_LABELS:
            return m.label
    return None


def _nominal_label(span: Any) -> str | None:
    """Type of a speaker phrase whose head is no name: a body or a text is an ORG ("the Clinton
    campaign", "the statement"), a title is a PERSON ("Connecticut's tax commissioner"), a name
    inside gives its type ("the city of Phoenix"), and other singular nouns count as PERSON
    ("the secretary")."""
    root = span.root
    if root.ent_type_:
        return str(root.ent_type_)
    if root.pos_ == "PROPN":
        return None
    if root.lower_ in BODY_NOUNS:
        return "ORG"  # "the Clinton campaign" is the campaign's word, not Clinton's
    if root.lower_ in TITLE_HEADS or noun_gender(root.text):
        return "PERSON"
    # (a name that only modifies a singular noun is where the person comes from, not what
    # the phrase is: "One California delegate" is a person)
    named = [
        t.ent_type_
        for t in span
        if t.ent_type_ in _SPEAKER_LABELS
        and not (root.tag_ == "NN" and t.head.i == root.i and t.dep_ == "compound")
    ]
    if named:
        return str(named[0])
    return "PERSON" if root.tag_ == "NN" else None
