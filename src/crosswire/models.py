"""The one data model: frozen, slotted dataclasses passed between stages.

Input → output: nothing; every stage imports its inputs and outputs from here.

Flow of types through ``pipeline.py``::

    paths ─ingest→ Document (text exactly as read, metadata) | Rejected
          ─clean→  Document (+ clean view, OffsetMap, credit, dateline, truncated)
          ─dedup→  Fingerprint per document
          ─annotate→ AnnotatedDocument (sentences, mentions, spaCy Doc)
          ─cluster→ Story (documents, families, duplicates)
          ─extract→ Entity, Quote, TimeExpression, SourcingNote, Hedge per story
          ─align→  Fact, Conflict, QuoteGroup per story
          ─brief→  Brief (summary, timeline, coverage) → JSON / Markdown / HTML

Every span in the model is ``(document, start, end)`` into ``Document.text``, the
original text *exactly as read*; ``Citation.text`` is always ``text[start:end]`` of
that original, never a normalised copy, so a reader can find the characters.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

__all__ = [
    "Alignment",
    "AnnotatedDocument",
    "Brief",
    "Citation",
    "Conflict",
    "ConflictSide",
    "Document",
    "Duplicate",
    "EditorNote",
    "Entity",
    "Evidence",
    "Extraction",
    "Fact",
    "Family",
    "Fingerprint",
    "Hedge",
    "Mention",
    "OffsetMap",
    "Quote",
    "QuoteDate",
    "QuoteGroup",
    "QuoteVariant",
    "Rejected",
    "Sentence",
    "SourcingNote",
    "Span",
    "Story",
    "StoryDocs",
    "SummarySentence",
    "TimeExpression",
    "TimelineEntry",
    "Version",
]


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in ``Document.text`` of ``document``."""

    document: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.document}:{self.start}-{self.end}: need 0 <= start <= end")


@dataclass(frozen=True, slots=True)
class Citation:
    """A quotation of the source: ``original[start:end] == text`` always holds.

    Build one with :meth:`Document.cite` so the invariant cannot be broken.
    """

    document: str
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.document, self.start, self.end)


# ----------------------------------------------------------------------- offsets


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions in a cleaned view back to the original text.

    The cleaned view is a sequence of *runs*: run ``i`` copies the original from
    ``orig_starts[i]`` for ``lengths[i]`` characters and starts at ``clean_starts[i]``
    in the clean view. Cleaning only deletes characters or collapses whitespace runs
    to one character, so runs are enough; a per-character array would cost 4–8 bytes
    a character, too much for a 100k-document window.
    """

    clean_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    lengths: tuple[int, ...]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0,), (0,), (length,))

    @property
    def clean_length(self) -> int:
        return self.clean_starts[-1] + self.lengths[-1] if self.lengths else 0

    def to_original(self, pos: int) -> int:
        """Original offset of the clean character at ``pos`` (``pos == len(clean)`` maps past the end)."""
        if not self.clean_starts:
            return 0
        i = bisect.bisect_right(self.clean_starts, pos) - 1
        i = max(i, 0)
        delta = pos - self.clean_starts[i]
        if delta < self.lengths[i] or i == len(self.lengths) - 1:
            return self.orig_starts[i] + delta
        # pos falls exactly after run i (a deleted stretch follows): the end of run i.
        return self.orig_starts[i] + self.lengths[i]

    def to_clean(self, pos: int) -> int:
        """Clean-view offset of the original character at ``pos``; a deleted character maps to
        where the clean view resumes after it (the inverse of :meth:`to_original` on kept text)."""
        if not self.orig_starts:
            return 0
        i = max(bisect.bisect_right(self.orig_starts, pos) - 1, 0)
        return self.clean_starts[i] + min(pos - self.orig_starts[i], self.lengths[i])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` for the clean half-open range ``[start, end)``."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


# --------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input item that was not accepted, and why. Nothing is dropped silently."""

    path: str
    reason: str
    code: str  # short machine-readable kind: "empty", "binary", "too-large", "decode", "malformed", "language", ...
    line: int | None = None  # 1-based line (JSONL) or record number (feeds, WARC)

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, slots=True)
class EditorNote:
    """What an outlet says about its own report, not about the event: a correction ("An earlier
    version of this article said …"), a clarification, an update note ("This story has been
    updated with …", "(Adds Pentagon statement)") or an editor's note. ``text[start:end]`` of
    the document; the clean stage keeps it out of the clean view, so it is never a claim."""

    document: str
    start: int
    end: int
    kind: Literal["correction", "clarification", "update", "retraction", "editor's note"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article.

    ``text`` is the article text exactly as read (for ``.txt`` the decoded file; for
    HTML, feeds and WARC the text the extractor returned) and is the one thing every
    span points into. ``clean`` is the view later stages read (padding, boilerplate,
    dateline and credit lines removed); ``offsets`` maps it back to ``text``.
    """

    id: str
    text: str
    path: str = ""  # where it came from: file path, "file.jsonl:12", URL
    format: str = "txt"  # txt | html | jsonl | rss | warc | mail
    url: str | None = None
    source: str | None = None  # publisher / outlet (domain, feed <source>, site name)
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or datetime; None when unknown (never file mtime)
    # where the date came from: "dateline", "stamp", "sidecar", "html", "feed", "file name", ...
    published_from: str | None = None
    dateline_place: str | None = None
    credit: str | None = None  # wire agency / origin named by a credit line: "PTI", "Reuters", ...
    credit_span: Span | None = None
    site_name: str | None = None
    language: str | None = None
    truncated: bool = False
    truncation_reason: str | None = None
    clean: str = ""
    offsets: OffsetMap | None = None
    notes: tuple[EditorNote, ...] = ()  # the outlet's corrections and notes on this report
    fingerprint: Fingerprint | None = field(default=None, compare=False)
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    # -- helpers every stage uses to stay honest about offsets ------------------

    @property
    def body(self) -> str:
        """The cleaned view when there is one, else the original text."""
        return self.clean if self.offsets is not None else self.text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of :attr:`body` to ``text`` offsets."""
        if self.offsets is None:
            return start, end
        return self.offsets.span_to_original(start, end)

    def to_body(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of ``text`` to :attr:`body` offsets (the spaCy doc's)."""
        if self.offsets is None:
            return start, end
        return self.offsets.to_clean(start), self.offsets.to_clean(end)

    def cite(self, start: int, end: int) -> Citation:
        """A citation of ``text[start:end]`` (original offsets)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"citation {self.id}:{start}-{end} is outside the text (0-{len(self.text)})")
        return Citation(self.id, start, end, self.text[start:end])

    def cite_body(self, start: int, end: int) -> Citation:
        """A citation of a ``[start, end)`` range of :attr:`body`, mapped to the original."""
        s, e = self.to_original(start, end)
        return self.cite(s, e)

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()
        except ValueError:
            return date.fromisoformat(self.published[:10])

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def retracted(self) -> bool:
        """True when the outlet's own note withdraws the report ("This article has been retracted")."""
        return any(n.kind == "retraction" for n in self.notes)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document; ``start``/``end`` are original offsets."""

    document: str
    start: int
    end: int
    text: str  # == Document.text[start:end]
    index: int  # position in the document, 0-based
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention as the annotator found it (original offsets)."""

    document: str
    start: int
    end: int
    text: str
    label: str  # spaCy label after clean-up: PERSON, ORG, GPE, NORP, LOC, FAC, PRODUCT, EVENT, ...


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """A document after the one annotation pass.

    ``doc`` is the spaCy ``Doc`` over ``document.body`` (clean view); use
    ``document.to_original`` to turn its character offsets into spans.
    """

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    doc: Any = field(default=None, compare=False, hash=False, repr=False)


# ---------------------------------------------------------------- dedup, cluster


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Identity of a document's text for duplicate detection."""

    document: str
    exact: str  # hex digest of the normalised text
    simhash: int  # 64-bit
    minhash: Any = field(
        default=None, compare=False, hash=False, repr=False
    )  # dedup.sketch.MinHashSignature (datasketch-compatible)

    @property
    def simhash_hex(self) -> str:
        return f"{self.simhash:016x}"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """``document`` repeats ``of`` (exact or near); ``similarity`` in [0, 1]."""

    document: str
    of: str
    kind: Literal["exact", "near"]
    similarity: float


@dataclass(frozen=True, slots=True)
class Version:
    """An earlier version of a report that a later version of the same outlet's report supersedes
    (a page fetched before and after its correction): the brief reads the later one only."""

    document: str  # the earlier version
    by: str  # the latest version
    reason: str  # why ``by`` is the later: "it carries a correction the other lacks", …


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two documents share an origin: reused passages, a credit line, a publisher."""

    kind: Literal["text-reuse", "credit", "publisher", "duplicate"]
    description: str
    documents: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Family:
    """Documents derived from one origin; one family is one independent source."""

    id: str
    members: tuple[str, ...]
    origin: str | None  # the member judged the origin, or a named agency ("PTI")
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0
    label: str | None = None  # human name: "PTI", "reuters.com", or the origin's source


@dataclass(frozen=True, slots=True)
class Story:
    """Documents that report one event."""

    id: str
    documents: tuple[str, ...]
    families: tuple[Family, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    superseded: tuple[Version, ...] = ()  # earlier versions of a report, left out of the reading

    @property
    def independent_sources(self) -> int:
        return len(self.families) if self.families else len(self.documents)

    def unread(self, documents: Iterable[Document]) -> set[str]:
        """The reports a brief does not read: earlier versions a later one supersedes, and reports
        their outlets retracted (``documents``: the story's, for their notes)."""
        return {v.document for v in self.superseded} | {d.id for d in documents if d.retracted}

    def sources_read(self, documents: Sequence[Document]) -> int:
        """Independent sources among the reports a brief reads: origin families with a member
        that is not :meth:`unread`."""
        family = {d: d for d in self.documents} | {m: f.id for f in self.families for m in f.members}
        gone = self.unread(documents)
        return len({family.get(d.id, d.id) for d in documents if d.id not in gone})


@dataclass(frozen=True, slots=True)
class StoryDocs:
    """Stage boundary cluster → extract: a story with its annotated documents (in story order)."""

    story: Story
    documents: tuple[AnnotatedDocument, ...]


# ---------------------------------------------------------------------- extract


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world person, organisation or place across the documents of a story."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, FAC, PRODUCT, EVENT, ...
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # "External Affairs Minister", "Defense Secretary"
    mentions: tuple[Span, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.document for m in self.mentions))


@dataclass(frozen=True, slots=True)
class Quote:
    """Words attributed to a speaker. ``speaker`` is an ``Entity.id`` or None (unknown, never guessed)."""

    id: str
    document: str
    start: int
    end: int
    text: str  # == Document.text[start:end], the quoted content without the marks
    kind: Literal["direct", "partial", "indirect"]
    speaker: str | None = None
    speaker_text: str | None = None  # the words naming the speaker in this document ("he", "Hegseth")
    speaker_span: Span | None = None
    cue: str | None = None  # "said", "posted on X", "according to"
    cue_span: Span | None = None
    # When speaker_text is a pronoun ("he", "who"): the earlier phrase it refers to ("Rajnath Singh").
    speaker_antecedent: Span | None = None
    # The words describing a source the report does not name, which these words rest on: the
    # speaker itself ("three people familiar with the matter", "the sources") or the source a
    # named relay cites ("Reuters reported, citing three people familiar with the matter").
    unnamed: Span | None = None

    @property
    def citation(self) -> Citation:
        return Citation(self.document, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class SourcingNote:
    """What a report says about its sourcing rather than about the story.

    ``kind`` "unnamed source": the words describing a source the report does not name ("three
    people familiar with the matter", "the sources"); "anonymity": why it is not named ("asking
    not to be identified because the discussions are confidential"); "no comment": someone asked for comment gave none
    ("Harbor Freight declined to comment", "Meridian did not respond to a request for
    comment"), with ``detail`` "declined", "did not respond" or "could not be reached" and
    ``who``/``who_span`` for whom; ``aside`` is news the clause carries about them, kept as a
    claim ("Meridian, *which employs about 900 people*, did not respond …"); "unverified": the
    report says it could not verify what it tells ("Reuters could not independently verify the
    video"). ``start``/``end`` cover the clause (for "unverified", the sentence) in ``Document.text``.
    """

    document: str
    start: int
    end: int
    kind: Literal["unnamed source", "anonymity", "no comment", "unverified"]
    detail: str | None = None
    who: str | None = None  # Entity.id
    who_span: Span | None = None
    aside: Span | None = None


@dataclass(frozen=True, slots=True)
class Hedge:
    """Words by which a report says less than that something is so (``start``/``end`` in
    ``Document.text``, ``text`` those characters).

    ``kind`` "alleged": a charge not proven ("allegedly", "accused of", "charged with", "the suspected
    gunman", "claimed that"); "reported": heard from others, nobody named ("reportedly", "is
    said to", "according to local media reports", "is believed to"); "uncertain": a
    possibility or an appearance ("may", "might have fled", "apparently", "likely"); "unverified":
    the outlet says it could not check ("could not be independently verified").
    """

    document: str
    start: int
    end: int
    text: str
    kind: Literal["alleged", "reported", "uncertain", "unverified"]
    # What the cue bears on, from the parse: the clause or phrase it governs ("might" in "a
    # move that suggests there might be life in the old dog yet, AMD has acquired SeaMicro"
    # doubts the old dog, not the deal); the cue's sentence when there is no parse.
    scope: Span | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalised against the document's publication date (TIMEX3)."""

    document: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None  # TIMEX3 value: "2025-07-01", "2025-02", "P10Y", "PRESENT_REF"; None if unresolvable
    anchor: str | None = None  # the date it was resolved against
    # where the anchor came from: the document's own publication date, or — for a document
    # that carries none — the earliest publication date of the other reports of its story
    anchor_source: Literal["published", "story"] | None = None
    # Other values the words allow once read against the anchor: a yearless date read the
    # other way in time ("which ends January 31"), a day counted from a publication date that
    # may be a day late ("today" in a report posted past midnight). Two reports whose
    # readings meet do not contradict each other.
    readings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Stage boundary extract → align: who, what and when in one story."""

    story: StoryDocs
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    times: tuple[TimeExpression, ...]
    sourcing: tuple[SourcingNote, ...] = ()  # unnamed sources, anonymity grants, no-comments
    hedges: tuple[Hedge, ...] = ()  # "allegedly", "reportedly", "may have", "could not be verified"


# ------------------------------------------------------------------------ align


@dataclass(frozen=True, slots=True)
class Fact:
    """Claims from several documents that say the same thing."""

    id: str
    text: str  # canonical wording: the clearest supporting claim
    citations: tuple[Citation, ...]
    documents: tuple[str, ...]
    independent_sources: int
    status: Literal["corroborated", "single_source", "contested"]
    families: tuple[str, ...] = ()
    score: float = 0.0  # salience, used to order the summary
    # Entity.id of the person a leading pronoun of ``text`` refers to ("He said …"), taken from
    # the quote whose speaker that pronoun is; None when the text does not start with one or
    # nobody was resolved. Renderers show it as an editor's note: "He [Pete Hegseth] said …".
    antecedent: str | None = None
    # Where in ``text`` the note goes (just after the pronoun) when the pronoun is not the first
    # word: "“The world is a complicated place”, he [S. Jaishankar] said, …". None: after the first word.
    # A text that is wholly a direct quotation carries its speaker here, the note at its end:
    # "“That's a smoking gun.” [Rudy Giuliani]".
    antecedent_at: int | None = None
    # The documents whose claim of it rests on a source they do not name ("…, three people
    # familiar with the matter said"): four outlets each told by unnamed officials may share one leak.
    unnamed: tuple[str, ...] = ()
    # The words by which a document says less than that it is so ("allegedly", "reportedly",
    # "may have"): one per document whose every claim of the fact carries one bearing on what
    # the claims share. A fact at least half of whose documents only allege it is worded as
    # they word it (``mostly_hedged``).
    hedged: tuple[Hedge, ...] = ()
    # Details of ``text`` that only its own origin tells, cited in its document: "argument over
    # an unpaid tab" in AP's wording of a shooting the DMN tells without it. Several independent
    # sources back the fact, not each of its words.
    single_source_details: tuple[Citation, ...] = ()

    @property
    def mostly_hedged(self) -> bool:
        """At least half its documents only hedge it: it is worded as they word it, and no line
        of the brief states it outright."""
        return bool(self.hedged) and 2 * len({h.document for h in self.hedged}) >= len(self.documents)


@dataclass(frozen=True, slots=True)
class ConflictSide:
    value: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree on one slot: a date, number, place, person, attribution or sequence.

    ``update`` is the one kind that is not a disagreement: a running tally (a death toll)
    that later reports give higher; its sides are in publication order and its fact is not
    contested.
    """

    id: str
    kind: Literal["date", "number", "place", "person", "attribution", "sequence", "update"]
    description: str
    sides: tuple[ConflictSide, ...]
    fact: str | None = None  # the Fact.id it was found in, when slot-level


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One wording of a quote; ``diff`` is a word-level diff against the group's canonical text."""

    text: str
    documents: tuple[str, ...]
    citations: tuple[Citation, ...]
    verbatim: bool
    diff: tuple[tuple[Literal["equal", "insert", "delete"], str], ...] = ()
    # How its documents give it: "direct" when one of them quotes these words in marks. A
    # group is as direct as its most direct wording; this says which documents quote it so.
    kind: Literal["direct", "partial", "indirect"] = "indirect"


@dataclass(frozen=True, slots=True)
class QuoteDate:
    """The day words were said, as a report gives it: ``citation`` is the words that date it."""

    date: str  # TIMEX3 day, "2025-07-01"
    citation: Citation
    inferred: bool = False  # read from relative words of a report with no publication date


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same quote as several outlets give it."""

    id: str
    speaker: str | None  # Entity.id
    text: str
    kind: Literal["direct", "partial", "indirect"]
    quotes: tuple[str, ...]  # Quote.id
    variants: tuple[QuoteVariant, ...]
    documents: tuple[str, ...]
    citations: tuple[Citation, ...]
    # No entity for the speaker: the words that name them ("both leaders", "a senior official"),
    # so a reader sees who the text says spoke without a guess at which entity that is.
    speaker_text: str | None = None
    # The words of a report describing the unnamed source the group rests on ("three people
    # familiar with the matter"), when every quote of it rests on one; None when on the record.
    unnamed: str | None = None
    said_on: QuoteDate | None = None  # when the reports say the words were said
    first_reported: str | None = None  # the earliest publication date of its documents


@dataclass(frozen=True, slots=True)
class Alignment:
    """Stage boundary align → brief: facts, conflicts and quote groups of one story."""

    extraction: Extraction
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    quotes: tuple[QuoteGroup, ...]


# ------------------------------------------------------------------------ brief


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # TIMEX3 value
    text: str  # the clearest sentence of those that date the event: ``citations[0]``
    citations: tuple[Citation, ...]
    # True when every expression behind the date was resolved against a borrowed story date
    # (relative words in reports that carry no publication date of their own)
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Brief:
    """Everything a reader needs about one story; rendered by ``brief/`` to JSON, Markdown, HTML."""

    story: Story
    headline: str
    event_date: str | None
    documents: tuple[Document, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    facts: tuple[Fact, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    sourcing: tuple[SourcingNote, ...] = ()  # unnamed sources, anonymity grants, no-comments
