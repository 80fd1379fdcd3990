"""Claims: the checkable statements of a document, each pinned to original characters.

Input → output: an :class:`~crosswire.models.AnnotatedDocument` (sentences in original
offsets, the spaCy doc over ``Document.body``) → a list of :class:`Claim`.

A claim is a sentence, or one clause of a sentence that packs several facts: in "the US
hopes to complete pending sales, expand co-production and sign a framework" each
coordinated verb phrase becomes a claim that keeps the shared subject and predicate
("the US hopes to" + "sign a framework"), so it reads on its own; so does each of two
coordinated object phrases that state something apiece ("recognized their commitment to a
free and open region" / "recognized awareness of regional security concerns"), and so does a
closing adjunct that a focusing adverb marks as a statement of its own ("underscored the
importance of the partnership, particularly in light of shared security concerns"), so a
report that backs only the adjunct backs only that claim; so does a comma-set modifier of the
subject that states something of its own ("Marcus Webb, the man accused of shooting Daniel
Ortiz, had been fired last month": the accusation, which other reports share, and the firing,
which only this one tells, are two claims), and so does a relative clause closing the sentence
("He noted the integration of US systems into India's inventory, which has significantly
enhanced its capabilities"); such a modifier is marked ``aside``. A split claim's
``parts`` are the (start, end) ranges of the original it is made of; its ``text`` is
those ranges joined by a space, so every character is traceable. Datelines, credit lines
and boilerplate are not claims, nor is a no-comment ("Harbor Freight declined to comment"):
it says how the report was sourced, not what happened; news it carries about its subject
("Meridian, which employs about 900 people, did not respond …") is kept as the claim
"Meridian employs about 900 people". A quotation the sentence splitter cut in two is one claim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crosswire.align.features import content_words, numbers_with_units, quote_balance
from crosswire.models import AnnotatedDocument, Citation, Document, Entity, Sentence, SourcingNote
from crosswire.wordlists import CALENDAR_ABBREVIATIONS, CALENDAR_NAMES, POST_CREDIT, WEEKDAY_ABBREVIATIONS

__all__ = [
    "Claim",
    "claim_text",
    "extract_claims",
    "is_boilerplate",
    "join_split_quotations",
    "token_offsets",
    "trim_sentence",
]


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement of one document; ``text`` is its ``parts`` of ``Document.text`` joined by spaces."""

    id: str
    document: str
    sentence: int  # Sentence.index
    sentence_span: tuple[int, int]  # the (trimmed) sentence it comes from, original offsets
    parts: tuple[tuple[int, int], ...]
    text: str
    position: float  # relative position of the sentence in the document: 0.0 is the lead
    whole: bool  # True when the claim is the whole (trimmed) sentence
    words: frozenset[str]
    numbers: tuple[tuple[float, str], ...] = ()
    entities: tuple[str, ...] = ()  # Entity.id of every entity mentioned inside the parts
    # a modifier told in passing ("…, the man accused of shooting Ortiz, …", "…, which has
    # enhanced its capabilities"), split from the sentence's main statement
    aside: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def original(self, at: int) -> int | None:
        """The original offset of ``text[at]`` (the parts are joined by one space; None past the end)."""
        pos = 0
        for s, e in self.parts:
            if at < pos + (e - s):
                return s + (at - pos)
            pos += e - s + 1
        return None

    def citations(self, documents: Mapping[str, Document]) -> tuple[Citation, ...]:
        """One citation per part, into the claim's own document."""
        doc = documents[self.document]
        return tuple(doc.cite(s, e) for s, e in self.parts)

    def local(self, offset: int) -> int | None:
        """Where the original offset ``offset`` falls in ``text`` (None outside the parts)."""
        pos = 0
        for s, e in self.parts:
            if s <= offset < e:
                return pos + (offset - s)
            pos += e - s + 1
        return None


# Lines that are about the article, not about the world.
_BOILERPLATE = re.compile(
    r"^\W*(?:based on (?:an? )?(?:\w+ )?(?:report|reports|inputs|wire)|with (?:agency )?inputs from|inputs from|"
    r"(?:reporting|writing|editing|edited) by|written by|also read|read more|read also|click here|"
    r"subscribe|sign up|follow us|download the|advertisement|copyright|all rights reserved|"
    r"this (?:story|article) (?:has been|was) (?:published|edited|updated)|"
    r"\(?this story has not been edited|"
    # a metadata line: when the article was published, not what happened
    r"(?:date )?(?:published|updated|posted|last updated)\s*(?:on\s*)?:?\s*(?:\w+day,?\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"|(?:https?:|www\.)\S+\s*$"
    # a blog's posting line: "On behalf of X, Esq. posted in Pedestrian Accidents on Wednesday, …"
    r"|(?:on behalf of [^\n]{1,80}?\s)?posted (?:in|to|under) [^\n]{1,60}? on (?:\w+day,?\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))"
    # the writer's own lines: "Follow Pam Key on Twitter @pamkeyNEN", "Amanda Terkel
    # contributed reporting.", "AP writer Ken Thomas contributed to this report."
    r"|follow (?:[\w.'’-]+ ){1,4}on (?:twitter|x|facebook|instagram)\b"
    r"|(?:[\w.'’-]+(?:,? (?:and )?| )){1,10}contributed (?:reporting|to this (?:report|story|article))\W*$",
    re.IGNORECASE,
)
# A dateline opening the text: "LONDON, March 3 (Reuters) —", "date 2024-03-03 London, March 3".
_DATELINE = re.compile(
    # a page's label before the first words: "BREAKING:", "Summary:", "Editor's note:"
    r"^\s*(?:(?i:breaking(?: news)?|update[d]?|exclusive|watch|analysis|summary|editor['’]s note)\s*[:|–—-]\s+)?"
    r"(?:(?:date|published|updated)[:\s]+\d{4}-\d{2}-\d{2}\S*\s+)?"
    r"(?:[A-Z][A-Za-z.'\- ]{1,30},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
    r"(?:,\s+\d{4})?\s*(?:\([A-Za-z]+\))?\s*[-–—:]?\s+)?"
)
# An embedded post's credit closing the sentence: "… for realz, people — David Martosko
# (@dmartosko) September 1, 2016". The post is its author's quote, not the writer's claim.
_POST_CREDIT_END = re.compile(POST_CREDIT + r"(?:\s*</?\w+>)*\W*$")
# A page's time stamp standing as a line of its own: "8:56am Monday 10th June 2013".
_STAMP_WORDS = CALENDAR_NAMES | CALENDAR_ABBREVIATIONS | WEEKDAY_ABBREVIATIONS
_STAMP_FIGURE = re.compile(
    r"\d{1,4}(?:st|nd|rd|th|am|pm)?|a\.?m\.?|p\.?m\.?|gmt|utc|bst|cet|ist|e[sd]?t|[cmp][sd]t", re.I
)
# A lead-in says nothing until what it introduces, a sentence of its own: "Devine provided the
# following readout:", "Here are some ways his campaign hopes to win:", "He told his audience, to
# rowdy applause:". A sentence that states something before its colon ("Ramsey says she was
# escorted out of the building and was outside for nine minutes before coming back:") stays.
_LEAD_IN = re.compile(
    r"(?i:\b(?:the following|as follows|below|here(?:'s|’s| is| are)|these|this)\b[^:\n]{0,100}|"
    r"\b(?:said|says|told|tells|wrote|writes|tweeted|tweeting|posted|posting|added|adds|noted|"
    r"replied|explained|announced|stated|reads)\b[^:\n]{0,48})[ \t]*:[\s\"”’]*$"
)
_MIN_WORDS = 4
_MIN_CONJUNCT_WORDS = 3
# "…, particularly in light of X": the adverb marks X as a second point, not a detail of the first
_FOCUS_ADVERBS = frozenset({"particularly", "especially", "notably", "specifically"})
_SPLIT_DEPS = frozenset(
    {"dobj", "prep", "xcomp", "ccomp", "attr", "acomp", "dative", "oprd", "advcl", "obj", "pobj"}
)


def _kept_ranges(doc: Document) -> list[tuple[int, int]]:
    """Original ranges that survive cleaning (all of the text when there is no clean view)."""
    if doc.offsets is None:
        return [(0, len(doc.text))]
    return [(o, o + n) for o, n in zip(doc.offsets.orig_starts, doc.offsets.lengths, strict=True) if n > 0]


def trim_sentence(
    doc: Document, start: int, end: int, *, kept: Sequence[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """Shrink ``[start, end)`` to what cleaning kept, minus a leading dateline, a leading dash
    and outer whitespace."""
    ranges = kept if kept is not None else _kept_ranges(doc)
    inside = [(max(s, start), min(e, end)) for s, e in ranges if s < end and e > start]
    if not inside:
        return start, start
    start, end = inside[0][0], inside[-1][1]
    text = doc.text[start:end]
    m = _DATELINE.match(text)
    if m and m.end() < len(text):
        start += m.end()
    # a closing quote mark the sentence splitter left at the start of the next paragraph
    m2 = re.match(r"[\"'”’]\s*\n\s*", doc.text[start:end])
    if m2:
        start += m2.end()
    while start < end and doc.text[start].isspace():
        start += 1
    # a dash that set the sentence off from a heading ("… MISLEADING? - Donald Trump has …")
    m3 = re.match(r"(?:--|[-–—―])[ \t]+(?=\S)", doc.text[start:end])
    if m3:
        start += m3.end()
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return start, end


def is_boilerplate(text: str) -> bool:
    """A credit line, a "read more", a copyright notice, a breadcrumb, an embedded post's credit:
    words about the article, not claims; and a stretch that is mostly not words (a URL split at
    its dots, a score table)."""
    chunks = text.split()
    if bool(_BOILERPLATE.match(text)) or len(chunks) < _MIN_WORDS:
        return True
    # the credit alone, its dash left with the post's words or trimmed as a heading's
    # ("Sahil Kapur (@sahilkapur) September 1, 2016</tweet>.")
    if _POST_CREDIT_END.search(text) or _POST_CREDIT_END.match("— " + text):
        return True
    if all(
        w.lower().rstrip(".") in _STAMP_WORDS or _STAMP_FIGURE.fullmatch(w)
        for w in re.findall(r"[^\s:,|/·•()\[\]-]+", text)
    ):
        return True  # a time stamp, not a sentence
    if chunks.count("/") >= 2:
        return True  # a breadcrumb ("News / World / Europe") or a URL's path cut at its dots
    if "/" in chunks and (_URL_TAIL.match(text) or _SLUG.search(text)):
        return True  # the rest of a URL cut at its dots: "com / troy-michigan-office-shooting-follow-1 …"
    wordy = sum(1 for c in chunks if _WORDISH.search(c))
    return wordy < _MIN_WORD_SHARE * len(chunks)


# What is left of a URL cut at its dots: a domain's last part, or a path's hyphenated slug.
_URL_TAIL = re.compile(r"^\W*(?:com|org|net|gov|edu|co|uk|au|nl|html?|php|aspx?)\s*/", re.I)
_SLUG = re.compile(r"/\s*[a-z0-9]+(?:-[a-z0-9]+){2,}\b")
# "com / 2007 / US / 04 / 09 / michigan": 3 of 11 chunks are words. A sentence, even one
# full of figures ("1 dead, 2 hurt in Mich. office shooting"), is mostly words.
_WORDISH = re.compile(r"[A-Za-z]{2}")
_MIN_WORD_SHARE = 0.5


def claim_text(doc: Document, parts: Sequence[tuple[int, int]]) -> str:
    """The words of ``parts`` of the original, joined by one space."""
    return " ".join(doc.text[s:e] for s, e in parts)


def token_offsets(adoc: AnnotatedDocument) -> tuple[list[int], list[tuple[int, int]]]:
    """Original (start, end) of every token of the spaCy doc, and the sorted starts for bisect."""
    doc = adoc.document
    spans = [doc.to_original(t.idx, t.idx + len(t.text)) for t in adoc.doc]
    return [s for s, _ in spans], spans


def _coordinated_group(tokens: Sequence[Any]) -> list[Any]:
    """The largest group of coordinated verbs in the sentence that each carry their own complement.

    The parser often hangs "hope to complete A, expand B and sign C" on the wrong head
    ("hope ... expand", "stated ... expand"); conjuncts share their verb form, so a head whose
    form differs is replaced by the last verb of that form before the first conjunct.
    """
    best: list[Any] = []
    pos = {t.i: k for k, t in enumerate(tokens)}
    if any(t.dep_ == "preconj" for t in tokens):
        return []  # "not only ... but also", "both ... and": the halves do not read alone
    for t in tokens:
        if t.pos_ != "VERB" or t.dep_ == "conj":
            continue
        conj = sorted((c for c in t.conjuncts if c.pos_ == "VERB" and c.i in pos), key=lambda x: x.i)
        if not conj:
            continue
        members = [t, *conj]
        form = conj[0].tag_
        if t.tag_ != form:
            lo, hi = pos[t.i] + 1, pos[conj[0].i]
            same = [x for x in tokens[lo:hi] if x.tag_ == form and x.pos_ == "VERB"]
            if not same:
                continue
            members = [same[-1], *conj]
        # "completing A, expanding B and strengthening C": the first of a comma list is often
        # parsed as the head of the rest; take it back into the group.
        first = pos[members[0].i]
        earlier = [x for x in tokens[:first] if x.pos_ == "VERB" and x.dep_ not in {"amod", "compound"}]
        if (
            earlier
            and earlier[-1].tag_ == form
            and earlier[-1].tag_ != "VBD"
            and (tokens[first - 1].is_punct or tokens[first - 1].dep_ == "cc")
        ):
            members = [earlier[-1], *members]
        if any(c.text.lower() in {"but", "yet"} for m in members for c in m.children if c.dep_ == "cc"):
            continue
        if not all(any(ch.dep_ in _SPLIT_DEPS for ch in m.children) for m in members):
            continue
        between = tokens[pos[members[0].i] : pos[members[-1].i]]
        if any(x.is_quote for x in between):
            continue  # the conjuncts straddle a quotation boundary: splitting would mix speakers
        if len(members) > len(best):
            best = members
    return best


def _coordinated_nominals(tokens: Sequence[Any]) -> list[Any]:
    """Coordinated object phrases that each state something: "recognized their commitment to a
    free and open region and awareness of regional security concerns".

    Used when no verbs coordinate. The parser often hangs the second conjunct, and its
    complement, on the wrong noun, so the conjuncts are cut by word order (each runs to the
    next conjunct) rather than by subtree; each must carry at least ``_MIN_CONJUNCT_WORDS``
    content words, so lists of names or single nouns ("trade, security and energy") stay whole.
    """
    if any(t.dep_ == "preconj" for t in tokens):
        return []
    pos = {t.i: k for k, t in enumerate(tokens)}
    for t in tokens:
        if t.pos_ != "NOUN" or t.dep_ not in {"dobj", "pobj"}:
            continue
        conj = sorted((c for c in t.conjuncts if c.pos_ == "NOUN" and c.i in pos), key=lambda x: x.i)
        if len(conj) != 1 or t.right_edge.i not in pos:
            continue  # a list of three or more is an inventory, not two statements
        members = [t, *conj]
        cut = [pos[t.left_edge.i], pos[conj[0].left_edge.i], pos[t.right_edge.i] + 1]
        between = tokens[cut[0] : cut[-1]]
        if any(x.is_quote for x in between) or any(
            c.text.lower() != "and" for m in members for c in m.children if c.dep_ == "cc"
        ):
            continue
        pieces = [tokens[cut[0] : cut[1]], tokens[cut[1] : cut[2]]]
        if all(sum(1 for x in p if x.is_alpha and not x.is_stop) >= _MIN_CONJUNCT_WORDS for p in pieces):
            # "commitment to [A and B]": the first clause keeps the noun that governs A, and
            # the second reads "recognized B", not "recognized their commitment to B"
            anchor = t
            while anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and anchor.head.head.pos_ == "NOUN":
                head = anchor.head.head
                if head.i not in pos or head.left_edge.i not in pos or head.right_edge.i not in pos:
                    break
                anchor = anchor.head.head
            return [anchor, *conj]
    return []


def _focused_adjunct(tokens: Sequence[Any]) -> int | None:
    """Where a closing adjunct of the main verb starts: ", particularly in light of shared
    security concerns in the region" (a prepositional phrase or adverbial clause that a
    focusing adverb opens after a comma and that runs to the end of the sentence).

    The adjunct must carry ``_MIN_CONJUNCT_WORDS`` content words and the main clause must
    keep a verb, so "…, especially now" stays whole.
    """
    for k, t in enumerate(tokens):
        if t.lower_ not in _FOCUS_ADVERBS or k == 0 or tokens[k - 1].text != ",":
            continue
        head = t.head
        if head.dep_ not in {"prep", "advcl"} or head.head.dep_ != "ROOT" or head.i < t.i:
            continue
        if head.i - t.i > 1:
            continue  # the adverb must open the phrase ("particularly in …", "especially given …")
        rest = tokens[k:]
        if any(x.is_quote for x in tokens) or any(x.i > head.right_edge.i and not x.is_punct for x in rest):
            continue  # a quotation, or more sentence after the adjunct
        if sum(1 for x in rest if x.is_alpha and not x.is_stop) < _MIN_CONJUNCT_WORDS + 1:
            continue  # the adverb itself does not count
        if not _has_verb(tokens[: k - 1]):
            continue
        return k
    return None


def _subject_aside(tokens: Sequence[Any]) -> tuple[Any, Any] | None:
    """A clause subject and the comma-set modifier of it that states something of its own:
    "Marcus Webb, the man accused of shooting Daniel Ortiz outside the tavern, had been fired
    last month", "The agreement, announced during Modi's visit in February, is expected to …",
    "Meridian, which employs about 900 people, reported a loss".

    The modifier is a relative clause, a participle, or an apposition with a clause in it (a role
    or an age — "Pete Hegseth, the US Defence Secretary, said" — says who, not what happened);
    it must carry ``_MIN_CONJUNCT_WORDS`` content words, close with a comma before the subject's
    verb, and leave a main clause with a verb and as many content words. A sentence quoting
    someone before the modifier ends is left whole: the halves would mix words and speakers.
    """
    pos = {t.i: k for k, t in enumerate(tokens)}
    for m in tokens:
        head = m.head
        if m.dep_ not in {"appos", "relcl", "acl"} or head.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        lo, hi = pos.get(m.left_edge.i), pos.get(m.right_edge.i)
        if lo is None or hi is None or head.left_edge.i not in pos or head.head.i not in pos:
            continue
        hi += 1
        if lo == 0 or tokens[lo - 1].text != "," or hi >= len(tokens) or tokens[hi].text != ",":
            continue
        if head.head.i < tokens[hi].i or pos[head.left_edge.i] >= lo - 1:
            continue  # the subject's verb must follow the modifier, and the subject precede it
        verb = head.head
        if not (verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")):
            continue  # the main clause's subject (or the reported one's: "…, co-workers said"), not a subordinate one's
        if any(x.dep_ in {"cc", "conj"} for x in head.subtree if x.i > m.right_edge.i):
            continue  # "Mitchell, the attorney general who …, and Magruder approved": a shared subject
        if m.dep_ == "appos" and not any(x.dep_ in {"acl", "relcl"} for x in tokens[lo:hi]):
            continue  # a clause in it, not a participle naming a role ("Boston's star designated hitter")
        if tokens[hi - 1].like_num and hi + 1 < len(tokens) and tokens[hi + 1].like_num:
            continue  # "valued at about $380, 600": a number's comma, not the modifier's end
        if any(x.is_quote for x in tokens[: hi + 1]):
            continue
        aside = tokens[lo:hi]
        rest = [*tokens[pos[head.left_edge.i] : lo - 1], *tokens[hi + 1 :]]
        if sum(1 for x in aside if x.is_alpha and not x.is_stop) < _MIN_CONJUNCT_WORDS:
            continue
        if sum(1 for x in rest if x.is_alpha and not x.is_stop) < _MIN_CONJUNCT_WORDS or not _has_verb(rest):
            continue
        return head, m
    return None


_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})
_AMOUNTS_AND_TIMES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _closing_relative(tokens: Sequence[Any]) -> tuple[int, int, int, int | None] | None:
    """A relative clause closing the sentence after a comma, on a noun that is not the subject,
    that states something of its own: "He noted the integration of US defence systems into
    India's inventory, which has significantly enhanced India's capabilities" — or closing it but
    for whom the report has it from ("took Chohan to Jamaica Hospital, where she was later
    pronounced dead, the NYPD said"). Returns where the noun phrase starts, where the comma
    stands, where the clause ends and where such a tag starts (None without one); the clause's
    claim is the noun phrase with its clause, as written ("which" may stand for more than the
    noun), the main claim keeps the tag. Not "…, all of which …" nor "when", and not in a
    sentence that quotes anyone.
    """
    if any(x.is_quote for x in tokens):
        return None
    pos = {t.i: k for k, t in enumerate(tokens)}
    for m in tokens:
        head = m.head
        if m.dep_ != "relcl" or head.dep_ in {"nsubj", "nsubjpass"} or m.i not in pos:
            continue
        lo, hi = pos.get(m.left_edge.i), pos.get(m.right_edge.i)
        if lo is None or hi is None or head.left_edge.i not in pos:
            continue
        if lo == 0 or tokens[lo - 1].text != "," or tokens[lo].lower_ not in _RELATIVE_WORDS:
            continue
        if head.ent_type_ in _AMOUNTS_AND_TIMES or head.like_num:
            continue  # "rose 5 percent in March, which surprised analysts": "which" stands for the clause
        tag = _speech_tag(tokens, hi + 1)
        if tag is None and any(not (x.is_punct or x.is_space) for x in tokens[hi + 1 :]):
            continue  # the clause must close the sentence, or all but its speech tag
        # the parser hangs the clause on the nearest noun ("into India's military inventory,
        # which has enhanced …"); the claim starts at the phrase the verb governs ("the
        # integration of US defence systems into India's military inventory, which …")
        anchor = head
        while (
            anchor.dep_ == "pobj"
            and anchor.head.dep_ == "prep"
            and anchor.head.head.pos_ in {"NOUN", "PROPN"}
        ):
            anchor = anchor.head.head
        if anchor.left_edge.i not in pos:
            continue
        head_lo = pos[anchor.left_edge.i]
        if head_lo >= lo - 1:
            continue
        main = tokens[: lo - 1]
        if sum(1 for x in tokens[lo : hi + 1] if x.is_alpha and not x.is_stop) < _MIN_CONJUNCT_WORDS:
            continue
        if sum(1 for x in main if x.is_alpha and not x.is_stop) < _MIN_CONJUNCT_WORDS or not _has_verb(main):
            continue
        return head_lo, lo - 1, hi + 1, tag
    return None


_SPEECH_LEMMAS = frozenset({"say", "tell", "report", "accord", "add", "explain", "announce", "confirm"})


def _speech_tag(tokens: Sequence[Any], k: int) -> int | None:
    """Where a short speech tag closing the sentence from ``tokens[k]`` on starts (", police
    said", ", according to cops"); None when what follows is anything else."""
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    words = [x for x in tokens[k + 1 :] if not (x.is_punct or x.is_space)]
    if not words or len(words) > 8 or not any(x.lemma_ in _SPEECH_LEMMAS for x in words):
        return None
    return k + 1


def _aside_parts(
    tokens: Sequence[Any], spans: Sequence[tuple[int, int]], start: int, end: int, aside: tuple[Any, Any]
) -> list[list[tuple[int, int]]]:
    """The main clause without the subject's modifier, then the modifier with its subject
    ("Meridian" + "employs about 900 people" when a relative pronoun is the modifier's subject;
    "Marcus Webb, the man accused of …" as written otherwise)."""
    head, m = aside
    pos = {t.i: k for k, t in enumerate(tokens)}
    lo, hi = pos[m.left_edge.i], pos[m.right_edge.i] + 1
    subj_lo, subj_hi = pos[head.left_edge.i], lo - 1
    if tokens[subj_lo].lower_ == "that" and tokens[subj_lo].tag_ == "IN" and subj_lo + 1 < subj_hi:
        # "allege that Simpson, who …": the parser may hang the "that" on the subject (not the
        # determiner of "That company, which …")
        subj_lo += 1
    subject = (spans[tokens[subj_lo].i][0], spans[tokens[subj_hi - 1].i][1])
    rest_lo, _ = _strip_edges(tokens, hi, len(tokens))
    main = [(start, subject[1]), (spans[tokens[rest_lo].i][0], end)]
    first = tokens[lo]
    if (
        m.dep_ == "relcl"
        and first.tag_ in {"WDT", "WP"}
        and first.dep_ in {"nsubj", "nsubjpass"}
        and tokens[subj_hi - 1].i == head.i
        and lo + 1 < hi
    ):
        # "which" stands for the subject only when the subject ends at its noun: in "the
        # acquisition of SeaMicro, which …" it may stand for SeaMicro, so that stays as written
        modifier = [subject, (spans[tokens[lo + 1].i][0], spans[tokens[hi - 1].i][1])]
    else:
        modifier = [(subject[0], spans[tokens[hi - 1].i][1])]
    return [main, modifier]


def _strip_edges(tokens: Sequence[Any], lo: int, hi: int) -> tuple[int, int]:
    """Drop conjunctions, commas and ellipses at both ends of tokens[lo:hi]."""
    while lo < hi and (tokens[lo].dep_ in {"cc", "punct"} or tokens[lo].is_space):
        lo += 1
    while hi > lo and (tokens[hi - 1].dep_ in {"cc", "punct"} or tokens[hi - 1].is_space):
        hi -= 1
    return lo, hi


def _split_parts(
    tokens: Sequence[Any], spans: Sequence[tuple[int, int]], start: int, end: int, text_of: str
) -> list[list[tuple[int, int]]]:
    """Original ranges of each clause claim of one sentence ([[whole sentence]] when it does not split)."""
    pos = {t.i: k for k, t in enumerate(tokens)}
    group = _coordinated_group(tokens)
    if group:
        starts = [pos[group[0].i]]
        group_end = max(pos[t.i] for t in group[-1].subtree if t.i in pos) + 1
    else:
        group = _coordinated_nominals(tokens)
        if not group:
            cut = _focused_adjunct(tokens)
            if cut is None:
                return [[(start, end)]]
            lo, hi = _strip_edges(tokens, 0, cut)
            adj_lo, adj_hi = _strip_edges(tokens, cut, len(tokens))
            return [
                [(max(start, spans[tokens[lo].i][0]), spans[tokens[hi - 1].i][1])],
                [(spans[tokens[adj_lo].i][0], min(end, spans[tokens[adj_hi - 1].i][1]))],
            ]
        # an object phrase starts at its first modifier ("their shared commitment")
        starts = [pos[group[0].left_edge.i]]
        group_end = pos[group[0].right_edge.i] + 1
    for m in group[1:]:
        lo, _ = _strip_edges(tokens, pos[m.left_edge.i], len(tokens))
        starts.append(lo)
    prefix_lo, prefix_hi = _strip_edges(tokens, 0, starts[0])
    prefix_hi = starts[0]  # keep "to" and the like, which every conjunct shares
    while prefix_hi > prefix_lo and tokens[prefix_hi - 1].is_space:
        prefix_hi -= 1
    out: list[list[tuple[int, int]]] = []
    for k, lo in enumerate(starts):
        hi = starts[k + 1] if k + 1 < len(starts) else group_end
        lo, hi = _strip_edges(tokens, lo, hi)
        if hi <= lo:
            return [[(start, end)]]
        if k + 1 == len(starts):
            # the last conjunct carries what follows the group ("... soon", ", the minister said").
            tail_hi = len(tokens)
            while tail_hi > hi and (tokens[tail_hi - 1].is_punct or tokens[tail_hi - 1].is_space):
                tail_hi -= 1
            hi = max(hi, tail_hi)
        if hi < len(tokens) and tokens[hi].text == ")" and any(t.text == "(" for t in tokens[lo:hi]):
            hi += 1  # keep an abbreviation in brackets whole: "Meeting (ABC)"
        own_subject = k > 0 and any(ch.dep_ in {"nsubj", "nsubjpass"} for ch in group[k].children)
        ranges: list[tuple[int, int]] = []
        if prefix_hi > prefix_lo and not own_subject:
            ranges.append((max(start, spans[tokens[prefix_lo].i][0]), spans[tokens[prefix_hi - 1].i][1]))
        ranges.append((spans[tokens[lo].i][0], min(end, spans[tokens[hi - 1].i][1])))
        if len(ranges) == 2 and not text_of[ranges[0][1] : ranges[1][0]].strip():
            # the shared subject runs straight into the clause ("Hegseth" + "welcomed the
            # progress"): one citation, not two pieces
            ranges = [(ranges[0][0], ranges[1][1])]
        out.append(ranges)
    return out


def _modifier_parts(
    tokens: Sequence[Any], spans: Sequence[tuple[int, int]], start: int, end: int
) -> list[list[tuple[int, int]]] | None:
    """The main clause, then a modifier that states something of its own (the subject's
    apposition or relative clause, or a relative clause closing the sentence); None when
    the sentence has none."""
    aside = _subject_aside(tokens)
    if aside is not None:
        return _aside_parts(tokens, spans, start, end, aside)
    closing = _closing_relative(tokens)
    if closing is None:
        return None
    head_lo, cut, rel_end, tag = closing
    lo, hi = _strip_edges(tokens, 0, cut)
    if hi < cut and tokens[hi].text == ")" and any(t.text == "(" for t in tokens[lo:hi]):
        hi += 1  # "Sen. James O. Eastland (D)": the bracket it opened
    rel_lo, rel_hi = _strip_edges(tokens, head_lo, rel_end if tag is not None else len(tokens))
    main = [(max(start, spans[tokens[lo].i][0]), spans[tokens[hi - 1].i][1])]
    if tag is not None:
        # "… took Chohan to Jamaica Hospital," + "the NYPD said.": whom the report has it from
        main = [(main[0][0], spans[tokens[cut].i][1]), (spans[tokens[tag].i][0], end)]
    return [main, [(spans[tokens[rel_lo].i][0], min(end, spans[tokens[rel_hi - 1].i][1]))]]


def _has_verb(tokens: Sequence[Any]) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def join_split_quotations(
    doc: Document,
    sentences: Sequence[Sentence],
    kept: Sequence[tuple[int, int]] | None = None,
    *,
    max_words: int = 40,
) -> list[Sentence]:
    """Sentences, with a quotation the splitter cut in two joined again.

    ‘"We're eager to work alongside you. They're deep and ongoing”, Hegseth said.’ is one
    statement: the first piece opens a quotation it does not close, the next (same
    paragraph) closes it. Split, the second piece reads "They're deep …" with no start.
    Only short quotations are joined (``max_words``): a long multi-sentence quotation is
    several statements, and one claim for all of them would match nothing well.
    """
    kept = kept if kept is not None else _kept_ranges(doc)
    out: list[Sentence] = []
    skip = False
    for k, sent in enumerate(sentences):
        if skip:
            skip = False
            continue
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        if nxt is not None:
            a, b = trim_sentence(doc, sent.start, sent.end, kept=kept)
            c, e = trim_sentence(doc, nxt.start, nxt.end, kept=kept)
            if (
                b > a
                and e > c
                and quote_balance(doc.text[a:b]) > 0
                and quote_balance(doc.text[c:e]) < 0
                and "\n\n" not in doc.text[b:c]
                and len(doc.text[a:e].split()) <= max_words
            ):
                out.append(
                    Sentence(
                        sent.document,
                        sent.start,
                        nxt.end,
                        doc.text[sent.start : nxt.end],
                        sent.index,
                        sent.paragraph,
                    )
                )
                skip = True
                continue
        out.append(sent)
    return out


def extract_claims(
    adoc: AnnotatedDocument,
    *,
    entities: Sequence[Entity] = (),
    split_clauses: bool = True,
    sourcing: Sequence[SourcingNote] = (),
) -> list[Claim]:
    """The claims of one document, in reading order.

    ``entities`` (the story's canonical entities) let each claim list the entities it names;
    ``sourcing`` (the story's sourcing notes) marks the no-comments that are no claims.
    Without a spaCy doc (``adoc.doc is None``) sentences are kept whole and not checked for a verb.
    """
    doc = adoc.document
    kept = _kept_ranges(doc)
    credit = doc.credit_span
    token_starts: list[int] = []
    token_spans: list[tuple[int, int]] = []
    if adoc.doc is not None:
        token_starts, token_spans = token_offsets(adoc)
    mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions if m.document == doc.id)
    n = max(len(adoc.sentences), 1)
    silent = [x for x in sourcing if x.kind == "no comment" and x.document == doc.id]
    claims: list[Claim] = []
    for sent in join_split_quotations(doc, adoc.sentences, kept):
        claims.extend(
            _sentence_claims(
                doc,
                sent,
                n,
                kept,
                credit,
                token_starts,
                token_spans,
                adoc.doc,
                mentions,
                split_clauses,
                silent,
            )
        )
    return claims


_JOINING_AFTER = re.compile(r"[\s,;:—–-]*(?:(?:and|but|while|though|although|as)\b\s*)?", re.IGNORECASE)
_JOINING_BEFORE = re.compile(r"[\s,;:—–-]*(?:\b(?:and|but|while|though|although)\s*)?$", re.IGNORECASE)


def _without_no_comment(text: str, start: int, end: int, silent: Sequence[SourcingNote]) -> tuple[int, int]:
    """``start``–``end`` without a no-comment clause that closes it ("… and refuses to answer
    questions about his plans") or opens it when the rest reads alone (starts a sentence of its
    own after a semicolon or a dash), with the word joining them; unchanged otherwise."""
    for x in silent:
        if not (start <= x.start < x.end <= end):
            continue
        if not content_words(text[start : x.start]):
            lead = _JOINING_AFTER.match(text, x.end)
            rest = lead.end() if lead else x.end
            # only when what is left reads alone: ", and a recording said the offices were
            # closed" needs the calls before it, so the sentence stays whole
            return (rest, end) if text[rest : rest + 1].isupper() else (start, end)
        if not content_words(text[x.end : end].rstrip(" .!?\"”’'")):
            tail = _JOINING_BEFORE.search(text, start, x.start)
            return start, (tail.start() if tail else x.start)
    return start, end


def _sentence_claims(
    doc: Document,
    sent: Sentence,
    n_sentences: int,
    kept: Sequence[tuple[int, int]],
    credit: Any,
    token_starts: list[int],
    token_spans: list[tuple[int, int]],
    spacy_doc: Any,
    mentions: Sequence[tuple[int, int, str]],
    split_clauses: bool,
    silent: Sequence[SourcingNote] = (),
) -> list[Claim]:
    start, end = trim_sentence(doc, sent.start, sent.end, kept=kept)
    if end <= start:
        return []
    text = doc.text[start:end]
    if is_boilerplate(text) or _LEAD_IN.search(text):
        return []
    # a sentence that is one no-comment is no claim; the news about its subject is
    quiet = next(
        (
            x
            for x in silent
            if start <= x.start < end
            and not content_words(doc.text[start : x.start])
            and not content_words(doc.text[x.end : end])
        ),
        None,
    )
    if credit is not None and credit.document == doc.id and credit.start < end and start < credit.end:
        return []
    if quiet is None:
        # a no-comment at one edge of the sentence is cut off, the rest is the claim: "Calls to
        # Gordon Advisors were not answered, and a recording said the offices were closed";
        # "Sanders continues to insist on a contested convention and refuses to answer questions"
        cut = _without_no_comment(doc.text, start, end, silent)
        if cut != (start, end) and len(content_words(doc.text[cut[0] : cut[1]])) < 3:
            return []  # nothing of substance besides the no-comment
        start, end = cut
    parts_list: list[list[tuple[int, int]]] = [[(start, end)]]
    passing = -1  # the piece told in passing (a modifier), if any
    if quiet is not None:
        if quiet.aside is None or quiet.who_span is None:
            return []
        parts_list = [[(quiet.who_span.start, quiet.who_span.end), (quiet.aside.start, quiet.aside.end)]]
    elif spacy_doc is not None:
        lo = bisect.bisect_left(token_starts, start)
        hi = bisect.bisect_left(token_starts, end)
        tokens = [spacy_doc[i] for i in range(lo, hi) if token_spans[i][1] <= end]
        if not _has_verb(tokens):
            return []
        if split_clauses:
            parts_list = _split_parts(tokens, token_spans, start, end, doc.text)
            if len(parts_list) == 1 and (pieces := _modifier_parts(tokens, token_spans, start, end)):
                parts_list, passing = pieces, 1
    out: list[Claim] = []
    for k, parts in enumerate(parts_list):
        ctext = claim_text(doc, parts)
        whole = len(parts_list) == 1
        ents = tuple(
            dict.fromkeys(eid for ms, me, eid in mentions if any(ps <= ms and me <= pe for ps, pe in parts))
        )
        out.append(
            Claim(
                id=f"{doc.id}:{sent.index}" + ("" if whole else f".{k + 1}"),
                document=doc.id,
                sentence=sent.index,
                sentence_span=(start, end),
                parts=tuple(parts),
                text=ctext,
                position=sent.index / n_sentences,
                whole=whole,
                words=content_words(ctext),
                numbers=tuple(numbers_with_units(ctext)),
                entities=ents,
                aside=k == passing,
            )
        )
    return out
