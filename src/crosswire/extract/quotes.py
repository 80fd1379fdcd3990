"""Quotes with their speakers: an annotated document → direct, partial and indirect quotes.

Input → output: :class:`~crosswire.models.AnnotatedDocument` (spaCy ``Doc`` over
``Document.body``, mentions in original offsets) → :class:`~crosswire.models.Quote` list,
every span in ORIGINAL offsets (``document.text[q.start:q.end] == q.text``).

Three kinds, found in one pass over the parse:

* ``direct`` — words between quotation marks that stand as a sentence or clause of their own
  ("…," Hegseth said / he said, "…" / Jaishankar posted on X, "…"). Marks of any style, also
  mismatched (see :mod:`.quotes_marks`); multi-paragraph quotations give one quote per paragraph.
* ``partial`` — a quoted fragment inside the writer's own sentence (described the partnership
  as "one of the most consequential pillars"). A fragment with no cue of saying in its
  sentence is a title, a nickname or a scare quote and is not reported.
* ``indirect`` — reported speech or stance attributed to a source: the clausal complement of
  a verb of saying or believing ("Hegseth said that the US and India are …", "…, he said");
  the whole sentence a source vouches for ("According to the Pentagon, …", "…, according to
  a new poll", "In a Gallup poll, 40 percent …"); the position taken by a verb or noun of
  stance ("endorsed Ted Cruz", "vowed to impose a tariff", "called for a ban", "his claim
  that …", see :mod:`.quotes_stance`); the rest of a headline or transcript line opened by a
  name and a colon ("Paul Ryan: …"). ``text`` is the reported words without the
  complementiser "that"; the cue text says which kind of attribution it is. A quotation
  that is only part of a reported clause ('"We are horrified" by the shooting, Nefzi said')
  is ``partial``, and the clause is the ``indirect`` quote.

Speakers: the subject of the cue verb (or the object of "according to", or the possessor of
a noun cue), as the full noun phrase the writer used (appositions, ages and relative clauses
included, as attribution corpora mark sources; a relative clause holding a verb of saying
is a speaker of its own and is cut). A pronoun speaker keeps its own words and span in
``speaker_text`` / ``speaker_span`` (that is what the text says and what attribution corpora
annotate) and its antecedent goes to ``speaker_antecedent`` (see :mod:`.quotes_pronouns`:
the most recent earlier speaker or subject mention that agrees with the pronoun, in the same
or the previous paragraph). No antecedent found → ``speaker_antecedent`` stays None;
nothing is guessed. A direct quotation without a cue of its own continues the quotation just
before it (same paragraph, or the paragraph before when it opens a paragraph) and takes that
speaker; a short one (four words or fewer) that continues nothing is a title and is dropped.

:func:`link_speakers` then maps the speaker (or its antecedent) to an ``Entity.id``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from crosswire.annotate.lexicon import is_a_name
from crosswire.errors import ConfigError
from crosswire.extract.quotes_link import link_speakers, without_denials
from crosswire.extract.quotes_marks import Quoted, find_quoted
from crosswire.extract.quotes_pronouns import resolve_speaker_pronouns
from crosswire.extract.quotes_stance import (
    credited_colon,
    is_report_source,
    is_stance_cue,
    lemma,
    name_colon,
    sentence_edge,
    stance_content,
)
from crosswire.extract.quotes_syntax import (
    CHANNEL_NOUNS,
    clausal_complement,
    cue_extent,
    is_according,
    is_belief_cue,
    is_speech_cue,
    noun_phrase,
    speaker_of,
    trailing_relative,
)
from crosswire.models import AnnotatedDocument, Document, Quote
from crosswire.wordlists import POST_CREDIT

__all__ = ["assemble_quotes", "extract_quotes", "link_speakers", "without_denials"]

Kind = Literal["direct", "partial", "indirect"]
Token = Any  # spaCy Token

_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}
_MIN_INDIRECT_TOKENS = 3
# Verbs that name something, whose object can carry the quoted name: 'called him “a stiff”'.
_NAMING_VERBS = frozenset({"call", "dub", "label", "brand", "term", "describe", "characterize", "nickname"})
# A quotation this short with no cue and no quotation before it to continue is a title or name.
_MAX_TITLE_WORDS = 4
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class _Attribution:
    """One quote under construction; offsets are into ``Document.body`` (spaCy's text)."""

    start: int
    end: int
    kind: Kind
    cue: Token | None = None
    speaker: tuple[int, int] | None = None  # token range of the speaker phrase
    antecedent: tuple[int, int] | None = None  # body char range
    quoted: Quoted | None = None
    cue_range: tuple[int, int] | None = None  # token range of the cue when not cue_extent(cue)
    # Body char ranges of cue and speaker where a token holds both ("-President Obama").
    cue_chars: tuple[int, int] | None = None
    speaker_chars: tuple[int, int] | None = None


# ------------------------------------------------------------------ public API


def extract_quotes(
    adoc: AnnotatedDocument, *, method: str = "rules", model: str | Path | None = None
) -> list[Quote]:
    """Every quote of ``adoc`` with its cue and speaker phrase, in text order (pure).

    ``method``: ``"rules"`` (this module), ``"tagger"`` (the CRF of :mod:`.quote_tagger`,
    stacked on the rules; ``model`` is its CRFsuite file, default the one ``crosswire
    train-quotes`` wrote) or ``"transformer"`` (the fine-tuned encoder of
    :mod:`.quote_transformer`, also stacked on the rules; ``model`` is its directory, default
    the one ``crosswire train-quotes --method transformer`` wrote; extra ``quotes-nn``).
    """
    if method == "tagger":
        from crosswire.extract.quote_tagger import tag_quotes

        return tag_quotes(adoc, model=model)
    if method == "transformer":
        from crosswire.extract.quote_transformer import transformer_quotes

        return transformer_quotes(adoc, model=model)
    if method != "rules":
        raise ConfigError(f"quote extraction method {method!r}: expected 'rules', 'tagger' or 'transformer'")
    doc = adoc.doc
    if doc is None:
        raise ValueError(f"{adoc.document.id}: the AnnotatedDocument has no spaCy Doc; run annotate first")
    # ``Doc.text`` is rebuilt on every access; the body is the same string.
    text = adoc.document.body
    if len(text) != len(doc.text):
        raise ValueError(
            f"{adoc.document.id}: the spaCy Doc is not over Document.body ({len(doc.text)} vs {len(text)} chars)"
        )
    quoted = find_quoted(text)
    blocked = _blocked_tokens(doc, quoted)
    atts = _quoted_attributions(doc, text, quoted, blocked)
    atts += _indirect_attributions(doc, text, quoted, blocked, atts)
    atts += _name_colon_attributions(doc, text, blocked)
    atts += _post_attributions(doc, text, atts)
    _resolve_pronouns(adoc, atts, quoted)
    return _to_quotes(adoc.document, doc, atts)


def assemble_quotes(
    adoc: AnnotatedDocument,
    items: Sequence[tuple[int, int, Kind, tuple[int, int] | None, tuple[int, int] | None]],
) -> list[Quote]:
    """Quotes from found attributions, pronoun speakers resolved (pure; used by the tagger).

    Each item is (content start, content end) in ``Document.body``, the kind, and the token
    ranges of the cue and of the speaker phrase (or None).
    """
    doc = adoc.doc
    atts = [
        _Attribution(s, e, kind, cue=doc[cue[0]] if cue else None, speaker=speaker, cue_range=cue)
        for s, e, kind, cue, speaker in items
    ]
    _resolve_pronouns(adoc, atts, find_quoted(adoc.document.body))
    return _to_quotes(adoc.document, doc, atts)


# ------------------------------------------------------------ quoted stretches


def _blocked_tokens(doc: Any, quoted: Sequence[Quoted]) -> set[int]:
    """Tokens inside quotation marks (marks included): never cues, never speakers."""
    out: set[int] = set()
    for q in quoted:
        span = doc.char_span(q.open, q.outer_end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


class _Tokens:
    """Character → token lookup for one parsed document (built once per document)."""

    __slots__ = ("doc", "starts")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, pos: int) -> Token:
        """The token covering character ``pos`` (the one before it when ``pos`` is a gap)."""
        return self.doc[max(bisect.bisect_right(self.starts, pos) - 1, 0)]


def _quoted_attributions(
    doc: Any, text: str, quoted: Sequence[Quoted], blocked: set[int]
) -> list[_Attribution]:
    toks = _Tokens(doc)
    out: list[_Attribution] = []
    for n, q in enumerate(quoted):
        # The cue is looked for in the sentences the quotation touches, within its paragraph.
        para_lo = text.rfind("\n", 0, q.open) + 1
        para_hi = text.find("\n", q.outer_end)
        para_hi = len(text) if para_hi == -1 else para_hi
        open_tok = toks.at(q.open)
        first_in = toks.at(q.start)
        last_in = toks.at(max(q.end - 1, q.start))
        after = toks.at(min(q.outer_end, len(text) - 1))
        lo = max(open_tok.sent.start, toks.at(para_lo).i)
        hi = min(
            _tag_sentence_end(doc, after, para_hi),
            toks.at(para_hi).i + 1 if para_hi < len(text) else len(doc),
        )
        region = [doc[i] for i in range(lo, hi) if i not in blocked and para_lo <= doc[i].idx < para_hi]
        # Between the neighbouring quotations: "A," he said, "B." / "C," she said.
        prev_end = quoted[n - 1].outer_end if n else 0
        next_open = quoted[n + 1].open if n + 1 < len(quoted) else len(text)
        near = [t for t in region if prev_end <= t.idx < next_open]
        credit = _dash_credit(toks, text, q, prev_end, next_open)
        if credit is not None:
            out.append(credit)
            continue
        kind = _quote_kind(text, toks, q, lo, blocked)
        inner = [doc[i] for i in range(first_in.i, last_in.i + 1)]
        cue = _credit_colon(toks, text, q) or _pick_cue(region, near, inner, q)
        if cue is None and kind == "partial":
            continue  # scare quote, title or nickname: no one is quoted
        if (
            kind == "partial"
            and len(_WORD.findall(text, q.start, q.end)) <= _MAX_TITLE_WORDS
            and is_a_name(text[q.start : q.end])
        ):
            continue  # to write and direct "The Hunger Games": a title, whatever verb is near
        att = _Attribution(q.start, q.end, kind, cue=cue, quoted=q)
        if cue is None:
            cue = _colon_cue(toks, text, q, blocked)
            att.cue = cue
        if cue is None:
            _continue_previous(att, out, text)
            if att.cue is None and len(_WORD.findall(text, q.start, q.end)) > _MAX_TITLE_WORDS:
                cue = att.cue = _tag_below(toks, text, q, blocked)
            if att.cue is None and len(_WORD.findall(text, q.start, q.end)) <= _MAX_TITLE_WORDS:
                continue  # "The Walking Dead" on a line of its own: a title, not a quote
        if att.speaker is None and cue is not None:  # (a continued quotation has its speaker)
            if cue.text == ":":
                att.speaker = name_colon(doc, cue, quoting=True)
            elif (sp := speaker_of(cue)) is not None and sp.i not in blocked:
                att.speaker = noun_phrase(sp, blocked=blocked)
        out.append(att)
    return out


# A credit line: a dash, a name, and at most a short description ("― Sonya Herridge",
# "-Michelle Marks, Philadelphia.", "— President Obama, tweeting after Clinton's speech.").
_CREDIT = re.compile(
    r"[ \t]*(?:\n[ \t]*){0,2}(?:--|[-–—―])[ \t]*(?P<name>[^\W\d_][^\s,;:()]*(?:[ \t]+[^\s,;:()]+){0,4})"
)
_NAME_PARTICLES = frozenset(
    {"al", "bin", "da", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la", "le", "van", "von"}
)
_MAX_CREDIT_WORDS = 12
_CREDIT_ONLY = re.compile(r"\s*(?:--|[-–—―])\s*[^\W\d_][\w.'’-]*(?:\s+[\w.'’-]+){0,5}[.,]?\s*")
_NON_BLANK = re.compile(r"\S+")


def _dash_credit(toks: _Tokens, text: str, q: Quoted, prev_end: int, next_open: int) -> _Attribution | None:
    """A quotation on a line of its own whose speaker is credited after a dash, on the same line
    or the next one: '“Mr. Trump embodies …” ― Sonya Herridge' (collected reader comments,
    epigraphs, a notebook's "quotable" item). The dash is the cue, the name the speaker.

    A line of its own: nothing before the opening mark on its line, or only the credit line of
    the quotation before (such lines run together once a text's short lines are unwrapped).
    """
    line_start = text.rfind("\n", 0, q.open) + 1
    before = text[max(line_start, prev_end) : q.open]
    if before.strip() and (line_start > prev_end or not _CREDIT_ONLY.fullmatch(before)):
        return None
    m = _CREDIT.match(text, q.outer_end)  # right after the quotation, or on the next line
    if m is None:
        return None
    line_end = text.find("\n", m.start("name"))
    line_end = min(len(text) if line_end == -1 else line_end, next_open)
    if len(text[m.start("name") : line_end].split()) > _MAX_CREDIT_WORDS:
        return None
    # The name: capitalised words (and particles inside it), up to the first other word.
    name_start = name_end = m.start("name")
    for w in _NON_BLANK.finditer(text, m.start("name"), m.end("name")):
        word = w.group()
        if not (word[:1].isupper() or (word in _NAME_PARTICLES and name_end > name_start)):
            break
        if word[:1].isupper():
            name_end = w.end()
    while name_end > name_start and text[name_end - 1] in ".’'":
        name_end -= 1  # "― Carla Sanchez."
    if name_end == name_start:
        return None
    dash = name_start - 1
    while text[dash] in " \t":
        dash -= 1
    cue_tok, first, last = toks.at(dash), toks.at(name_start), toks.at(name_end - 1)
    if first.tag_ not in {"NNP", "NNPS"} and not first.ent_type_:
        return None  # "— Reduce job-killing regulations …": a list below the quotation
    return _Attribution(
        q.start,
        q.end,
        "direct",
        cue=cue_tok,
        speaker=(first.i, last.i + 1),
        quoted=q,
        cue_range=(cue_tok.i, cue_tok.i + 1),
        cue_chars=(dash, dash + 1),
        speaker_chars=(name_start, name_end),
    )


def _tag_sentence_end(doc: Any, after: Token, para_hi: int) -> int:
    """End of the sentence after a quotation, taking in a short speech tag the parser split off.

    '"Is that all there is?" Trump said.' is often two sentences, the second a bare
    "Trump said."; it is the quotation's tag. A following sentence that reports something of
    its own ("He said the plan would fail.") is not.
    """
    end: int = after.sent.end
    if end >= len(doc) or doc[end].idx >= para_hi:
        return end
    nxt = doc[end]
    while nxt.is_space and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    sent = nxt.sent
    if nxt.i != sent.start or len(sent) > 20 or nxt.idx >= para_hi:
        return end
    for t in sent:
        if is_speech_cue(t) and not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in t.children):
            return int(sent.end)
    return end


_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+")


def _quote_kind(text: str, toks: _Tokens, q: Quoted, lo: int, blocked: set[int]) -> Kind:
    """``direct`` when the quotation stands as its own sentence or clause, else ``partial``."""
    doc = toks.doc
    if q.continued:
        return "direct"
    # The writer's words before the opening mark, back to the start of the sentence or line.
    line_start = text.rfind("\n", 0, q.open) + 1
    pre_start = max(doc[lo].idx if lo < len(doc) else 0, line_start)
    for m in _SENTENCE_END.finditer(text, pre_start, q.open):
        pre_start = m.end()
    pre = text[pre_start : q.open].rstrip()
    if not pre or pre.endswith(":"):
        return "direct"
    starts_upper = text[q.start].isupper() or not text[q.start].isalpha()
    before = [
        t for t in doc[lo : toks.at(q.open).i] if t.i not in blocked and not t.is_space and t.idx >= pre_start
    ]
    if pre.endswith(",") and any(is_speech_cue(t) for t in before):
        return "direct"  # "he said, “and certainly …" / "posted on X, “Had …"
    if starts_upper and before and is_speech_cue(before[-1]) and before[-1].tag_ != "VB":
        return "direct"  # "Trump said "You tell me."" (not '… and to counter "Hillary Clinton's rhetoric."')
    return "partial"


def _pick_cue(
    region: Sequence[Token], near: Sequence[Token], inner: Sequence[Token], q: Quoted
) -> Token | None:
    """The cue verb of a quotation among the unquoted tokens around it.

    A cue whose clause contains the quotation (an ancestor in the parse) wins; otherwise the
    nearest cue between the neighbouring quotations.
    """

    def distance(cue: Token) -> int:
        idx: int = cue.idx
        return idx - q.outer_end if idx >= q.outer_end else q.open - idx

    cues = [t for t in region if is_speech_cue(t) or is_according(t)]
    ruling = [c for c in cues if any(c in t.ancestors for t in inner)]
    if ruling:
        return min(ruling, key=distance)
    near_ids = {t.i for t in near}
    nearby = [c for c in cues if c.i in near_ids]
    return min(nearby, key=distance) if nearby else None


def _credit_colon(toks: _Tokens, text: str, q: Quoted) -> Token | None:
    """The colon of a roundup's credit right before the quotation ("Pollsters agree - Carl
    Bialik: “…”"): the credited name speaks, not the heading's verb before the dash."""
    before = text[: q.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = toks.at(len(before) - 1)
    return colon if credited_colon(toks.doc, colon) else None


def _colon_cue(toks: _Tokens, text: str, q: Quoted, blocked: set[int]) -> Token | None:
    """The cue of a sentence just before that ends with a colon.

    "Hegseth said:\n“…”", and also "Clinton released the following statement:" — a verb whose
    object is a statement, post or message introduces words as well as a verb of saying does.
    """
    before = text[: q.open].rstrip()
    if not before.endswith(":"):
        return None
    sent = toks.at(len(before) - 1).sent
    cues = [t for t in sent if t.i not in blocked and (is_speech_cue(t) or is_according(t))]
    if cues:
        return cues[-1]
    for t in sent:
        if (
            t.dep_ == "dobj"
            and t.lemma_.lower() in CHANNEL_NOUNS
            and t.head.pos_ == "VERB"
            and t.head.i not in blocked
        ):
            return t.head
    colon = toks.at(len(before) - 1)
    if colon.text == ":" and name_colon(toks.doc, colon, quoting=True) is not None:
        return colon
    # "Trump leaned in and boomed:", "Mr. Christie gloated:": a verb with a subject that ends
    # right at the colon introducing a quotation is used as a verb of saying, whatever it is.
    verb = toks.doc[colon.i - 1] if colon.i else None
    if (
        verb is not None
        and verb.pos_ == "VERB"
        and verb.i not in blocked
        and speaker_of(verb) is not None
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children)
    ):
        return verb
    return None


# Verbs a bare speech tag is made of ("…, Williams said.", "she added").
_TAG_VERBS = frozenset(
    {"say", "add", "tell", "write", "explain", "continue", "state", "insist", "declare", "recall"}
)


def _tag_below(toks: _Tokens, text: str, q: Quoted, blocked: set[int]) -> Token | None:
    """A bare speech tag opening the next paragraph of a quotation that ends its own: copy that
    puts each sentence on a line of its own ('“… Right now!” ¶ Williams, a critic of NYPD
    policy, said before Kelly appeared on the scene.'). The tag's verb reports nothing else."""
    line_end = text.find("\n", q.outer_end)
    if line_end == -1 or text[q.outer_end : line_end].strip(" \t.,;"):
        return None
    nxt = line_end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text):
        return None
    sent = toks.at(nxt).sent
    if any(t.i in blocked for t in sent):
        return None  # a quotation of its own
    cue = next((t for t in sent if is_speech_cue(t)), None)
    if (
        cue is None
        or lemma(cue) not in _TAG_VERBS
        or _reported_clause(cue) is not None
        or any(c.dep_ in {"dobj", "xcomp", "neg"} for c in cue.children)
    ):
        return None
    sp = speaker_of(cue)
    return cue if sp is not None and sp.i < cue.i and sp.lower_ not in {"i", "you", "we"} else None


# The line that introduces a transcript of what was just quoted: "Transcript as follows:",
# "Partial transcript as follows:", "Full text:", "Video Transcript:".
_TRANSCRIPT_INTRO = re.compile(
    r"(?:(?:partial|full|complete|video)\s+)?(?:transcript|text|remarks)(?:\s+as follows|\s+below)?\s*:", re.I
)


def _continue_previous(att: _Attribution, done: Sequence[_Attribution], text: str) -> None:
    """A direct quotation without a cue continues the one before it: same speaker, same cue."""
    if att.kind != "direct" or not done or att.quoted is None:
        return
    prev = done[-1]
    if prev.quoted is None or prev.cue is None or prev.cue_chars is not None:
        return  # (a quotation credited after a dash ends with its credit line)
    gap = text[prev.quoted.outer_end : att.quoted.open]
    breaks = len(_PARAGRAPH.findall(gap))
    same_paragraph = breaks == 0
    # A paragraph of bare quotation right after a paragraph that ends with an attributed one,
    # or after the line that introduces a transcript of it ("Transcript as follows:").
    between = gap.strip(" \t\r\n")
    next_paragraph = prev.kind == "direct" and (
        (breaks == 1 and "\n" not in between)
        or (breaks == 2 and _TRANSCRIPT_INTRO.fullmatch(between) is not None)
    )
    if att.quoted.continued or same_paragraph or next_paragraph:
        # Only called when the quotation's own sentences hold no cue, so nothing closer claims it.
        att.cue, att.speaker, att.antecedent = prev.cue, prev.speaker, prev.antecedent


# ------------------------------------------------------------- indirect speech


def _indirect_attributions(
    doc: Any, text: str, quoted: Sequence[Quoted], blocked: set[int], direct: Sequence[_Attribution]
) -> list[_Attribution]:
    by_cue: dict[int, list[_Attribution]] = {}
    for a in direct:
        if a.cue is not None and a.kind == "direct":
            by_cue.setdefault(a.cue.i, []).append(a)
    out: list[_Attribution] = []
    for tok in doc:
        if tok.i in blocked:
            continue
        content = _reported_clause(tok)
        min_tokens = _MIN_INDIRECT_TOKENS
        if content is None:
            content = stance_content(tok)
            min_tokens = 1
            if content is None:
                continue
        content = _trim_clause(doc, tok, content)
        i, j = _within_paragraph(doc, text, tok, content)
        while i < j and (
            doc[i].is_punct
            or doc[i].is_space
            or (doc[i].dep_ == "mark" and doc[i].lower_ == "that")
            # "said earlier that …": the adverb tells when it was said, not what
            or (
                doc[i].pos_ == "ADV"
                and i + 1 < j
                and doc[i + 1].dep_ == "mark"
                and doc[i + 1].lower_ == "that"
            )
        ):
            i += 1
        while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].dep_ == "cc"):
            j -= 1
        if j - i < min_tokens or all(doc[k].pos_ == "PRON" for k in range(i, j)):
            continue  # "… without reporting it": a lone pronoun tells a reader nothing
        start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        # A clause inside one quotation is the quotation itself, reported above.
        if any(q.open <= start and end <= q.outer_end for q in quoted):
            continue
        # A clause that ends inside a quotation keeps that quotation whole, closing mark included;
        # one that opens with a quotation starts at its mark (and so differs from the quotation).
        end = max([end, *(q.outer_end for q in quoted if start <= q.open < end < q.outer_end)])
        start = min([start, *(q.open for q in quoted if q.open < start <= q.start and q.outer_end < end)])
        if tok.i in by_cue and not _demote_direct(text, start, end, by_cue[tok.i]):
            continue
        sp = speaker_of(tok)
        # A reported clause with no one reporting it ("knowing who's who", "you'd think") is
        # the writer's own sentence, not a quote. A speaker inside the range is the parser
        # running on, unless the cue and its speaker interrupt the clause: "The US, he said,
        # will act soon", "what officials called a hate crime".
        if sp is None or sp.i in blocked or sp.lower_ == "you":
            continue
        if i <= sp.i < j and (sp.i in content or sp not in tok.subtree):
            continue
        out.append(_Attribution(start, end, "indirect", cue=tok, speaker=noun_phrase(sp, blocked=blocked)))
    return out


def _trim_clause(doc: Any, cue: Token, ids: set[int]) -> set[int]:
    """Cut the writer's own words the parser hung at the end of a reported clause.

    * A later cue of the same speaker: "He said that he was focused on the platform and noted
      that …", "… that Trump represents 'New York values,' stating during the debate that …":
      the second verb reports its own content.
    * A clause about the speaker again: "… is Hillary Clinton, and he railed against …"; not
      when the clause it joins has that subject too ("he hasn't had much time … and that he'll
      try …": the report goes on).
    * A non-restrictive relative clause about a name at the end: "…, who worked on …".
    """
    if not ids:
        return ids
    speaker = speaker_of(cue)
    who = speaker.lower_ if speaker is not None else None
    cut = max(ids) + 1
    for k in sorted(ids):
        t = doc[k]
        if k <= cue.i or t.dep_ not in {"conj", "advcl"}:
            continue
        subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        same_cue = (is_speech_cue(t) or is_stance_cue(t)) and not subj
        same_speaker = (
            t.dep_ == "conj"
            and bool(subj)
            and who is not None
            and subj[0].lower_ == who
            and not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == who for c in t.head.children)
        )
        if same_cue or same_speaker:
            cut = min(x.i for x in t.subtree)
            break
    kept = {x for x in ids if x < cut}
    aside = trailing_relative(doc, cue.i, kept) if kept else None
    return {x for x in kept if x < aside} if aside is not None else kept


def _demote_direct(text: str, start: int, end: int, direct: Sequence[_Attribution]) -> bool:
    """Whether the reported clause ``[start, end)`` says more than the direct quotes of its cue.

    '"We are horrified" by the shooting, Nefzi said': the quotation is part of a clause the
    writer reports, so it is ``partial`` and the clause is the attribution. A clause that is no
    more than the quotations ('"…," Hegseth said') leaves them ``direct``.
    """
    inside = [a for a in direct if a.start < end and start < a.end]
    rest = list(text[start:end])
    for a in inside:
        # Blank out the quotation with its marks (the clause may start inside the opening mark).
        lo, hi = (a.quoted.open, a.quoted.outer_end) if a.quoted is not None else (a.start, a.end)
        for k in range(max(lo, start), min(hi, end)):
            rest[k - start] = " "
    if len(_WORD.findall("".join(rest))) < _MIN_INDIRECT_TOKENS:
        return False
    for a in inside:
        a.kind = "partial"
    return True


def _reported_clause(tok: Token) -> set[int] | None:
    """Token ids of the clause reported by cue ``tok``, or None when ``tok`` reports none."""
    if is_according(tok):
        skip = {t.i for t in tok.subtree}
        edge = sentence_edge(tok.sent, min(skip), max(skip))
        if edge is not None:
            # "According to X, …" / "…, according to X.": the source vouches for the whole
            # sentence, whatever the parser attached the phrase to.
            return edge
        head = tok.head
        if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
            return None
        return {t.i for t in head.subtree if t.i not in skip}
    if is_report_source(tok):
        # Only at the edge of its sentence: "In a Gallup poll, 40 percent said …".
        skip = {t.i for t in tok.subtree}
        if max(skip) >= max(t.i for t in tok.sent if not (t.is_punct or t.is_space)) and all(
            c.tag_ == "NNS" and not any(x.dep_ in {"acl", "relcl", "prep"} for x in c.children)
            for c in tok.children
            if c.dep_ == "pobj"
        ):
            # "… because he is ahead in the polls": a standing, not a source; polls the writer
            # says more of ("in online polls conducted after the debates") are one
            return None
        return sentence_edge(tok.sent, min(skip), max(skip))
    speech = is_speech_cue(tok)
    if not speech and not is_belief_cue(tok):
        return None
    clause = clausal_complement(tok)
    if clause is not None:
        if speech and _trailing_tag(tok, clause):
            # "Witnesses said the shooter used a rifle, police Lt. Gerry Scherlinck said": the
            # parser hung the closing tag under the first report; the tag reports all of it.
            return set(range(tok.head.left_edge.i, max(clause) + 1))
        tags = [t for t in tok.children if t.dep_ == "ccomp" and t.i in clause and _trailing_tag(t)]
        if tags:
            inner = clausal_complement(tags[0])
            if inner is not None:
                return inner  # …and the first report is the clause before the tag
        return clause
    if speech:
        # "urged voters to “turn away”", "called him “a total stiff”", "described it as …":
        # an object and what is said of it.
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        compl = [
            c
            for c in tok.children
            if c.dep_ in {"xcomp", "oprd"} or (c.dep_ == "prep" and c.lower_ in {"as", "of"} and c.i > tok.i)
        ]
        if lemma(tok) in _NAMING_VERBS:
            # "called Singh's house to let the family know …" is a telephone call: what a naming
            # verb says of its object is a noun or adjective, never a purpose "to …"; the parser's
            # second object is the name ('calling them "smoke screens …"').
            compl = [c for c in compl if not any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)]
            compl = sorted([*compl, *objs[1:]], key=lambda c: c.i)
        if objs and compl and objs[0].i < compl[0].i:
            return {t.i for t in objs[0].subtree} | {t.i for c in compl for t in c.subtree}
        if objs and lemma(tok) in _NAMING_VERBS and any(t.is_quote for t in objs[0].subtree):
            # 'called anti-Trump protestors “illegals”': the parser makes one object of both.
            return {t.i for t in objs[0].subtree}
    if speech and tok.dep_ == "parataxis" and tok.head.pos_ in {"VERB", "AUX"}:
        # "The US, he said, will act soon." — the cue interrupts the clause it reports.
        skip = {t.i for t in tok.subtree}
        return {t.i for t in tok.head.subtree if t.i not in skip}
    return None


def _trailing_tag(tok: Token, clause: set[int] | None = None) -> bool:
    """``tok`` is a closing "…, X said" that the parser made the complement of an earlier cue.

    Its subject comes after its own reported clause, it ends its sentence, and its head is a
    verb of saying or belief to its left whose subject opens the report ("Witnesses said …").
    """
    head = tok.head
    if tok.dep_ != "ccomp" or head.i >= tok.i or not (is_speech_cue(head) or is_belief_cue(head)):
        return False
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    clause = clause if clause is not None else clausal_complement(tok)
    if not subj or not clause or max(clause) >= subj[0].left_edge.i:
        return False
    rest = [t for t in tok.sent if t.i > tok.i]
    return all(t.is_punct or t.is_space for t in rest) and min(clause) > head.i


def _name_colon_attributions(doc: Any, text: str, blocked: set[int]) -> list[_Attribution]:
    """ "Paul Ryan: FBI Decision … Defies Explanation": the rest of the line is the name's."""
    out = []
    for tok in doc:
        if tok.text != ":" or tok.i in blocked:
            continue
        speaker = name_colon(doc, tok)
        if speaker is None:
            continue
        hi = text.find("\n", tok.idx)
        hi = len(text) if hi == -1 else hi
        body = text[tok.idx + 1 : hi]
        start = tok.idx + 1 + (len(body) - len(body.lstrip()))
        end = tok.idx + 1 + len(body.rstrip().rstrip(".;,"))
        if len(_WORD.findall(text[start:end])) < 2 or not _says_something(doc, text, start, end):
            continue
        out.append(_Attribution(start, end, "indirect", cue=tok, speaker=speaker))
    return out


# An embedded post's credit closing its paragraph (``wordlists.POST_CREDIT``).
_POST_CREDIT = re.compile(POST_CREDIT + r"[ \t]*\.?[ \t]*$")
_MAX_POST_CHARS = 600


def _post_attributions(doc: Any, text: str, found: Sequence[_Attribution]) -> list[_Attribution]:
    """An embedded post credited at the end of its paragraph is its author's words, direct:
    "Rudy Giuliani and Jeff Sessions briefly wore MAKE MEXICO GREAT AGAIN ALSO hats …
    — Sahil Kapur (@sahilkapur) September 1, 2016". The handle is the cue, the name the speaker."""
    if "(@" not in text:
        return []  # no handle, no post: most reports
    toks = _Tokens(doc)
    taken = [(a.start, a.end) for a in found if a.kind == "direct"]
    out = []
    pos = 0
    for para in text.split("\n"):
        lo, pos = pos, pos + len(para) + 1
        m = _POST_CREDIT.search(para)
        if m is None or m.start() == 0 or m.start() > _MAX_POST_CHARS:
            continue
        start = lo + len(para) - len(para.lstrip())
        end = lo + m.start()
        if len(_WORD.findall(text, start, end)) < 2 or any(s <= start and end <= e for s, e in taken):
            continue
        name = (lo + m.start("name"), lo + m.end("name"))
        first, last = toks.at(name[0]), toks.at(name[1] - 1)
        cue = (lo + m.start("handle"), lo + m.end("handle"))
        cue_tok = toks.at(cue[0])
        out.append(
            _Attribution(
                start,
                end,
                "direct",
                cue=cue_tok,
                speaker=(first.i, last.i + 1),
                cue_range=(cue_tok.i, cue_tok.i + 1),
                cue_chars=cue,
                speaker_chars=name,
            )
        )
    return out


# A quoted stretch in single or double marks: "Trump stirs 'ugliness'", "… ‘Like an Open Orchid.’"
_QUOTED_BIT = re.compile(r"(?:^|[\s(])[‘'\"“][^‘’'\"“”\n]{2,}[’'\"”](?=$|[\s.,;:!?)])")


_NAME_LIST = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, ){2,}")


def _says_something(doc: Any, text: str, start: int, end: int) -> bool:
    """The rest of a "Name: …" line is a statement, not a label, a count or a list.

    A verb or a quotation makes it one. Without either (title-case headlines hide their verbs
    from the tagger: "… Not to Indict Defies Explanation"), it needs five words, and neither a
    number nor a list of names first. "Hillary Clinton: 1,769 delegates", "Iowa: Tim Albrecht,
    Brad Anderson, …" and "HP's Mark Hurd: Thoughts on consolidation" say nothing.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span):
        return True
    if _QUOTED_BIT.search(text, start, end) is not None:
        return True
    rest = text[start:end]
    return len(_WORD.findall(rest)) >= 5 and not rest[:1].isdigit() and not _NAME_LIST.match(rest)


def _within_paragraph(doc: Any, text: str, anchor: Token, ids: set[int]) -> tuple[int, int]:
    """Range ``[i, j)`` of ``ids`` in the paragraph of ``anchor`` (parsers run over headings).

    A cue in the middle of the clause ("The US, he said, will act") stays inside the range.
    """
    lo = text.rfind("\n", 0, anchor.idx) + 1
    hi = text.find("\n", anchor.idx)
    hi = len(text) if hi == -1 else hi
    kept = [i for i in ids if lo <= doc[i].idx < hi]
    return (min(kept), max(kept) + 1) if kept else (0, 0)


# ---------------------------------------------------------- pronoun speakers


def _resolve_pronouns(adoc: AnnotatedDocument, atts: list[_Attribution], quoted: Sequence[Quoted]) -> None:
    """Fill ``antecedent`` of pronoun speakers, in text order (earlier resolutions feed later ones)."""
    doc = adoc.doc
    atts.sort(key=lambda a: (doc[a.speaker[0]].idx if a.speaker else a.start, _KIND_RANK[a.kind]))
    found = resolve_speaker_pronouns(
        adoc,
        [a.speaker for a in atts],
        known=[a.antecedent for a in atts],
        quoted=[(q.open, q.outer_end) for q in quoted],
        reported=[(a.start, a.end) for a in atts],
    )
    for att, antecedent in zip(atts, found, strict=True):
        att.antecedent = antecedent
    atts.sort(key=lambda a: (a.start, _KIND_RANK[a.kind]))


# ------------------------------------------------------------------ output


def _to_quotes(document: Document, doc: Any, atts: Sequence[_Attribution]) -> list[Quote]:
    body = document.body
    seen: set[int] = set()
    out: list[Quote] = []
    for att in sorted(atts, key=lambda a: (a.start, _KIND_RANK[a.kind])):
        content = document.cite_body(att.start, att.end)
        if content.start in seen or not content.text.strip():
            continue
        seen.add(content.start)
        speaker_text = speaker_span = antecedent = None
        if att.speaker is not None:
            i, j = att.speaker
            sp = document.cite_body(*(att.speaker_chars or (doc[i].idx, doc[j - 1].idx + len(doc[j - 1]))))
            speaker_text, speaker_span = sp.text, sp.span
        if att.antecedent is not None:
            antecedent = document.cite_body(*att.antecedent).span
        cue_text = cue_span = None
        if att.cue is not None:
            ci, cj = att.cue_range or cue_extent(att.cue)
            c_start, c_end = att.cue_chars or (doc[ci].idx, doc[cj - 1].idx + len(doc[cj - 1]))
            while c_end - 1 > c_start and body[c_end - 1] in ".,;:":
                c_end -= 1  # the tokenizer's "X." at a sentence end
            c = document.cite_body(c_start, c_end)
            cue_text, cue_span = c.text, c.span
        out.append(
            Quote(
                id=f"q-{document.id}-{content.start}",
                document=document.id,
                start=content.start,
                end=content.end,
                text=content.text,
                kind=att.kind,
                speaker_text=speaker_text,
                speaker_span=speaker_span,
                speaker_antecedent=antecedent,
                cue=cue_text,
                cue_span=cue_span,
            )
        )
    return out
