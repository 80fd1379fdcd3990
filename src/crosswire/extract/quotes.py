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
  name and a colon ("Paul Ryan: …"). These are found by :mod:`.quotes_indirect`. ``text`` is the reported words without the
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

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crosswire.annotate.lexicon import is_a_name
from crosswire.errors import ConfigError
from crosswire.extract.quotes_attribution import Attribution, Kind, Token, TokenIndex
from crosswire.extract.quotes_indirect import (
    indirect_attributions,
    name_colon_attributions,
    post_attributions,
    reported_clause,
)
from crosswire.extract.quotes_link import link_speakers, without_denials
from crosswire.extract.quotes_marks import Quoted, find_quoted
from crosswire.extract.quotes_pronouns import resolve_speaker_pronouns
from crosswire.extract.quotes_stance import credited_colon, lemma, name_colon
from crosswire.extract.quotes_syntax import (
    CHANNEL_NOUNS,
    cue_extent,
    is_according,
    is_speech_cue,
    noun_phrase,
    speaker_of,
)
from crosswire.models import AnnotatedDocument, Document, Quote

__all__ = ["assemble_quotes", "extract_quotes", "link_speakers", "without_denials"]

_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}
# A quotation this short with no cue and no quotation before it to continue is a title or name.
_MAX_TITLE_WORDS = 4
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_WORD = re.compile(r"\w+")


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
    atts += indirect_attributions(doc, text, quoted, blocked, atts)
    atts += name_colon_attributions(doc, text, blocked)
    atts += post_attributions(doc, text, atts)
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
        Attribution(s, e, kind, cue=doc[cue[0]] if cue else None, speaker=speaker, cue_range=cue)
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


def _quoted_attributions(
    doc: Any, text: str, quoted: Sequence[Quoted], blocked: set[int]
) -> list[Attribution]:
    toks = TokenIndex(doc)
    out: list[Attribution] = []
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
        att = Attribution(q.start, q.end, kind, cue=cue, quoted=q)
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


def _dash_credit(toks: TokenIndex, text: str, q: Quoted, prev_end: int, next_open: int) -> Attribution | None:
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
    return Attribution(
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


def _quote_kind(text: str, toks: TokenIndex, q: Quoted, lo: int, blocked: set[int]) -> Kind:
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


def _credit_colon(toks: TokenIndex, text: str, q: Quoted) -> Token | None:
    """The colon of a roundup's credit right before the quotation ("Pollsters agree - Carl
    Bialik: “…”"): the credited name speaks, not the heading's verb before the dash."""
    before = text[: q.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = toks.at(len(before) - 1)
    return colon if credited_colon(toks.doc, colon) else None


def _colon_cue(toks: TokenIndex, text: str, q: Quoted, blocked: set[int]) -> Token | None:
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


def _tag_below(toks: TokenIndex, text: str, q: Quoted, blocked: set[int]) -> Token | None:
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
        or reported_clause(cue) is not None
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


def _continue_previous(att: Attribution, done: Sequence[Attribution], text: str) -> None:
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


# ---------------------------------------------------------- pronoun speakers


def _resolve_pronouns(adoc: AnnotatedDocument, atts: list[Attribution], quoted: Sequence[Quoted]) -> None:
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


def _to_quotes(document: Document, doc: Any, atts: Sequence[Attribution]) -> list[Quote]:
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
