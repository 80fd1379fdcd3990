"""Learned attribution tagger: an annotated document → quotes, stacked on the rule extractor.

Input → output: :class:`~crosswire.models.AnnotatedDocument` (spaCy ``Doc`` over
``Document.body``) → :class:`~crosswire.models.Quote` list in ORIGINAL offsets, the same
objects :func:`crosswire.extract.quotes.extract_quotes` returns.

Attribution corpora in the PARC tradition (PolNeAR) mark each token as at most one of Source,
Cue or Content, so an annotated paragraph is a tag sequence. A linear-chain CRF (CRFsuite)
tags every paragraph with BIO labels for SOURCE / CUE / CONTENT. Its token features are the
parse (word, lemma, part of speech, dependency, head, the nearest cue-like ancestor — its
lemma and kind — and the relation under it), the cue lexicons of :mod:`.quotes_syntax` and :mod:`.quotes_stance`,
quotation marks, and — stacking — what the rules found: whether the token is in a rule
content (and of which kind), a rule speaker or a rule cue. The rules are precise but miss the
broad, long-tailed attributions PARC annotates; the CRF learns when to trust them and how far
to extend them.

Tagged spans are then grouped into attributions around their cues: every CONTENT span joins
the cheapest CUE of its paragraph (same sentence first, then the nearest), so a content
interrupted by its cue ("The US, he said, will act") comes out as two quotes sharing one cue;
every cue takes the nearest SOURCE of its sentence as speaker; a content with no cue in its
paragraph continues the last attribution of the paragraph before. (Grouping the gold labels
of PolNeAR train this way and scoring them gives content overlap F1 0.99, speaker F1 0.96: the
losses are the tagger's, not the grouping's.) Quotes are then built by
:func:`crosswire.extract.quotes.assemble_quotes`, which also resolves pronoun speakers.

By default the rules' direct quotes are kept as they are (their content overlap precision is
0.93-0.96) and the tagger supplies everything else (``keep_rules="direct"``); keeping every
rule quote (``"all"``) or none scored a little lower on held-out train, and dropping
attributions of low CRF confidence traded recall for precision at no gain in F1.

The model is a CRFsuite file trained by :mod:`.quote_tagger_train` (``crosswire train-quotes
BRAT_DIR``) from a brat attribution corpus such as PolNeAR; none ships with crosswire (see
:func:`default_model_path`). Everything here is a pure function of the parse and the model.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from crosswire.errors import MissingDependency, ModelError
from crosswire.extract.quotes_marks import Quoted, find_quoted
from crosswire.extract.quotes_stance import (
    AS_VERBS,
    INTENT_VERBS,
    NOUN_CUES,
    PREP_CUES,
    REPORT_NOUNS,
    STANCE_VERBS,
)
from crosswire.extract.quotes_syntax import BELIEF_VERBS, SPEECH_VERBS
from crosswire.models import AnnotatedDocument, Quote

__all__ = [
    "DEFAULT_KEEP_RULES",
    "ROLES",
    "Item",
    "KeepRules",
    "TaggedAttribution",
    "default_model_path",
    "document_features",
    "document_sequences",
    "group_attributions",
    "load_tagger",
    "quotes_from_labels",
    "rule_token_labels",
    "spans_from_labels",
    "tag_quotes",
]

Token = Any  # spaCy Token
Kind = Literal["direct", "partial", "indirect"]
KeepRules = Literal["none", "direct", "all"]


def default_model_path() -> Path:
    """Where ``crosswire train-quotes`` writes, and the tagger looks, when no model is named.

    No model ships with crosswire: the attribution corpora a tagger learns from (PolNeAR,
    PARC 3.0) are research data without a licence to redistribute what is derived from
    them, so each user trains one from a corpus they may use.
    """
    from platformdirs import user_data_dir

    return Path(user_data_dir("crosswire", appauthor=False)) / "quote-tagger.crfsuite"


ROLES = ("SOURCE", "CUE", "CONTENT")

_QUOTE_CHARS = frozenset("\"“”„‟«»'‘’`")
_STANCE = STANCE_VERBS | INTENT_VERBS | frozenset(PREP_CUES) | AS_VERBS
# An ancestor this far up is no longer "the verb this clause reports to".
_MAX_CLIMB = 8
# Cost of linking across a sentence boundary, in tokens of distance.
_OTHER_SENTENCE = 60
_WORD = re.compile(r"\w")
#: One token's features: ``name=value`` strings.
Item = list[str]
#: Attributions the CRF is less sure of are dropped (chosen on a held-out fifth of PolNeAR train).
DEFAULT_MIN_CONFIDENCE = 0.0
#: Which rule quotes stand as they are (chosen on held-out train, see ``tag_quotes``).
DEFAULT_KEEP_RULES: KeepRules = "direct"


@dataclass(frozen=True, slots=True)
class TaggedAttribution:
    """One attribution found by the tagger, in body offsets / token ranges.

    ``contents`` are body character ranges (a discontinuous content has several); ``cue`` and
    ``source`` are token ranges ``[i, j)`` of the spaCy ``Doc``.
    """

    contents: tuple[tuple[int, int], ...]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    confidence: float = 1.0  # the CRF's mean marginal of the content and cue tokens' labels


# ------------------------------------------------------------------ sequences


def document_sequences(doc: Any) -> list[list[int]]:
    """Token indices of each paragraph (a line of text), whitespace tokens left out."""
    out: list[list[int]] = []
    cur: list[int] = []
    for t in doc:
        if t.is_space:
            if "\n" in t.text and cur:
                out.append(cur)
                cur = []
            continue
        cur.append(t.i)  # spaCy keeps every newline in a whitespace token of its own
    if cur:
        out.append(cur)
    return out


# ------------------------------------------------------------- rule features


def rule_token_labels(adoc: AnnotatedDocument, quotes: Sequence[Quote]) -> dict[int, str]:
    """Token index → what the rules made of it: ``C-direct``, ``C-partial``, ``C-indirect``,
    ``S`` (speaker) or ``Q`` (cue). An outer content does not overwrite an inner one."""
    doc = adoc.doc
    out: dict[int, str] = {}
    rank = {"direct": 0, "partial": 1, "indirect": 2}
    spans: list[tuple[int, int, int, str]] = []
    for q in quotes:
        spans.append((2 + rank[q.kind], q.start, q.end, "C-" + q.kind))
        if q.speaker_span is not None:
            spans.append((0, q.speaker_span.start, q.speaker_span.end, "S"))
        if q.cue_span is not None:
            spans.append((1, q.cue_span.start, q.cue_span.end, "Q"))
    for _, s, e, label in sorted(spans, reverse=True):
        span = doc.char_span(*adoc.document.to_body(s, e), alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                out[i] = label
    return out


# ------------------------------------------------------------- token features


def _lexicon(tok: Token) -> str:
    word = tok.lemma_.lower()
    if tok.pos_ in {"VERB", "AUX"}:
        if word in SPEECH_VERBS:
            return "say"
        if word in BELIEF_VERBS:
            return "believe"
        if word in _STANCE:
            return "stance"
    elif tok.pos_ == "NOUN":
        if word in NOUN_CUES or word in SPEECH_VERBS:
            return "noun"
        if word in REPORT_NOUNS:
            return "report"
    if word == "according":
        return "according"
    return "-"


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if not _WORD.search(text):
        return "q" if text[0] in _QUOTE_CHARS else "p"
    if text.isupper() and len(text) > 1:
        return "U"
    return "T" if text[0].isupper() else "l"


def _cue_ancestor(i: int, heads: Sequence[int], deps: Sequence[str], lex: Sequence[str]) -> tuple[str, int]:
    """The nearest ancestor that looks like a cue with the relation of the clause under it, and
    that ancestor's index (-1 if none)."""
    child = i
    head = heads[i]
    for _ in range(_MAX_CLIMB):
        if head == child:
            break
        if lex[head] != "-":
            return lex[head] + "|" + deps[child], head
        child, head = head, heads[head]
    return "-|-", -1


def _inside_quotes(doc: Any, quoted: Sequence[Quoted]) -> dict[int, str]:
    """Token index → ``o`` (opening mark), ``i`` (inside) or ``c`` (closing mark)."""
    out: dict[int, str] = {}
    for q in quoted:
        span = doc.char_span(q.open, q.outer_end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            t = doc[i]
            out[i] = "o" if t.idx < q.start else "c" if t.idx >= q.end else "i"
    return out


def document_features(doc: Any, rules: dict[int, str], quoted: Sequence[Quoted]) -> list[list[Item]]:
    """CRFsuite features (``name=value`` strings) of every token of every paragraph.

    ``rules`` comes from :func:`rule_token_labels`, ``quoted`` from :func:`find_quoted`.
    Token attributes are read once into lists: spaCy's string properties cost a lookup each.
    (spaCy's tok2vec vectors as real-valued features were tried and gave nothing on held-out
    train, at half the speed.)
    """
    n = len(doc)
    lower = [t.lower_ for t in doc]
    lem = [t.lemma_.lower() for t in doc]
    pos = [t.pos_ for t in doc]
    deps = [t.dep_ for t in doc]
    heads = [t.head.i for t in doc]
    lex = [_lexicon(t) for t in doc]
    inq = _inside_quotes(doc, quoted)
    quote = [inq.get(i, "-") for i in range(n)]
    rule = [rules.get(i, "-") for i in range(n)]
    sent_start = [bool(t.is_sent_start) for t in doc]
    # Sentence context: which kinds of cue the sentence holds, and on which side of its first
    # cue-like word (and of the rules' cue) the token stands.
    sent_feats: list[tuple[str, str, str]] = [("", "", "")] * n
    for sent in doc.sents:
        rng = range(sent.start, sent.end)
        kinds = "+".join(sorted({lex[i] for i in rng} - {"-"})) or "-"
        cue = next((i for i in rng if lex[i] != "-"), None)
        rule_cue = next((i for i in rng if rule[i] == "Q"), None)
        for i in rng:
            side = "-" if cue is None else ("<" if i < cue else ">" if i > cue else "=") + lex[cue]
            rside = "-" if rule_cue is None else "<" if i < rule_cue else ">" if i > rule_cue else "="
            sent_feats[i] = ("sx=" + kinds, "cs=" + side, "rs=" + rside)
    # Per-token features that neighbours reuse, built once.
    around = [
        (f"w={lower[i]}", f"p={pos[i]}", f"r={rule[i]}", f"x={lex[i]}", f"q={quote[i]}") for i in range(n)
    ]
    out: list[list[Item]] = []
    for seq in document_sequences(doc):
        feats: list[Item] = []
        last = len(seq) - 1
        for k, i in enumerate(seq):
            t = doc[i]
            h = heads[i]
            anc, anc_i = _cue_ancestor(i, heads, deps, lex)
            f = [
                "b",
                *around[i],
                *sent_feats[i],
                "l=" + lem[i],
                "t=" + t.tag_,
                "d=" + deps[i],
                "sh=" + _shape(t.text),
                "hl=" + lem[h],
                "hd=" + deps[h],
                "hp=" + pos[h],
                "dh=" + deps[i] + "|" + lem[h],
                "hx=" + lex[h],
                "a=" + anc,
                "ad=" + anc + "|" + deps[i],
                "al=" + (lem[anc_i] + "|" + anc if anc_i >= 0 else "-"),
                "e=" + (t.ent_iob_ + t.ent_type_ if t.ent_type_ else "-"),
                "ss" if sent_start[i] else "s-",
                "se" if i + 1 >= n or sent_start[i + 1] else "e-",
            ]
            if k == 0:
                f.append("BOP")
            else:
                f.append(f"rr={rule[seq[k - 1]]}|{rule[i]}")
            if k == last:
                f.append("EOP")
            for off in (-2, -1, 1, 2):
                kk = k + off
                if 0 <= kk <= last:
                    f.extend(f"{off}{x}" for x in around[seq[kk]])
            feats.append(f)
        out.append(feats)
    return out


# ------------------------------------------------------------------ decoding


def spans_from_labels(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(role, k, l)`` runs of a BIO sequence, positions ``[k, l)`` in the sequence.

    An ``I-`` after a different role starts a run too (CRF output need not be well formed).
    """
    out: list[tuple[str, int, int]] = []
    role: str | None = None
    start = 0
    for k, lab in enumerate([*labels, "O"]):
        tag, _, r = lab.partition("-")
        if role is not None and (tag != "I" or r != role):
            out.append((role, start, k))
            role = None
        if tag in {"B", "I"} and role is None:
            role, start = r, k
    return out


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def group_attributions(
    doc: Any, seq: Sequence[int], labels: Sequence[str], marginals: Sequence[float] | None = None
) -> list[TaggedAttribution]:
    """Attributions of one tagged paragraph, grouped around cues.

    Each CONTENT run joins the cheapest CUE (token distance, plus a penalty for each sentence
    boundary and for another content lying in between); each cue takes the cheapest SOURCE of
    the paragraph, the same sentence strongly preferred. A content with no cue in its
    paragraph is kept without cue and speaker. ``marginals`` (the probability of each
    token's label) give each attribution its confidence.
    """
    at = {i: k for k, i in enumerate(seq)}
    runs = spans_from_labels(labels)
    # Token ranges in the Doc; runs are contiguous in the sequence and thus in the paragraph.
    by_role: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
    for role, k, l_ in runs:
        i, j = seq[k], seq[l_ - 1] + 1
        if role != "CONTENT":
            # PARC spans often take the comma after a source ("Beebe, 49, a veteran,"); a
            # speaker or cue phrase is reported without edge punctuation.
            while i < j and doc[i].is_punct:
                i += 1
            while j > i and doc[j - 1].is_punct:
                j -= 1
        if role in by_role and i < j:
            by_role[role].append((i, j))
    contents, cues, sources = by_role["CONTENT"], by_role["CUE"], by_role["SOURCE"]

    def sents(rng: tuple[int, int]) -> tuple[int, int]:
        return doc[rng[0]].sent.start, doc[rng[1] - 1].sent.end

    def cost(a: tuple[int, int], b: tuple[int, int], *, through: Sequence[tuple[int, int]]) -> int:
        sa, sb = sents(a), sents(b)
        apart = sa[1] <= sb[0] or sb[1] <= sa[0]
        lo, hi = min(a[1], b[1]), max(a[0], b[0])
        between = sum(1 for x in through if lo <= x[0] and x[1] <= hi)
        return _gap(a, b) + _OTHER_SENTENCE * apart + 20 * between

    # Linking only the near contents (and splitting a cue's far contents off) was tried: both
    # lost F1 on held-out train, since PARC contents often run over several sentences.
    attached: dict[int | None, list[tuple[int, int]]] = {}
    for c in contents:
        best = min(range(len(cues)), key=lambda k: cost(c, cues[k], through=contents), default=None)
        attached.setdefault(best, []).append(c)
    out: list[TaggedAttribution] = []
    for key, members in attached.items():
        cue = cues[key] if key is not None else None
        source = None
        if cue is not None and sources:
            source = min(sources, key=lambda s: cost(s, cue, through=contents))
            if cost(source, cue, through=contents) >= 2 * _OTHER_SENTENCE:
                source = None
        spans = tuple((doc[i].idx, doc[j - 1].idx + len(doc[j - 1])) for i, j in members)
        confidence = 1.0
        if marginals is not None:
            probs = [
                marginals[at[i]]
                for a, b in [*members, *([cue] if cue else [])]
                for i in range(a, b)
                if i in at
            ]
            confidence = sum(probs) / len(probs) if probs else 0.0
        out.append(TaggedAttribution(spans, cue, source, confidence))
    return out


# ----------------------------------------------------------------- inference

_taggers = threading.local()


def load_tagger(model: str | Path | None = None) -> Any:
    """An opened ``pycrfsuite.Tagger`` for ``model`` (default: :func:`default_model_path`), one per thread.

    CRFsuite taggers are not safe to share between threads, so each thread opens its own.
    """
    try:
        import pycrfsuite
    except ImportError as exc:
        raise MissingDependency("python-crfsuite", extra="nlp", purpose="The quote tagger") from exc
    path = Path(model) if model is not None else default_model_path()
    if not path.is_file():
        raise ModelError(
            f"{path}: no quote tagger model there — train one from a brat attribution corpus with "
            "`crosswire train-quotes BRAT_DIR` (writes the default model), or use the rules "
            "(CROSSWIRE_QUOTE_METHOD=rules, the default)"
        )
    cache: dict[tuple[Path, int], Any] = getattr(_taggers, "cache", None) or {}
    _taggers.cache = cache
    key = (path, path.stat().st_mtime_ns)  # a model retrained in place is reopened
    tagger = cache.get(key)
    if tagger is None:
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path}: not a CRFsuite model ({exc})") from exc
        cache[key] = tagger
    return tagger


def _continue_paragraph(att: TaggedAttribution, previous: Sequence[TaggedAttribution]) -> TaggedAttribution:
    """A content with no cue in its paragraph continues the last attribution of the paragraph before.

    Quotations and reported speech running over paragraphs are one attribution with a
    discontinuous content in PARC; sharing the cue makes them one again.
    """
    if att.cue is not None:
        return att
    with_cue = [a for a in previous if a.cue is not None]
    if not with_cue:
        return att
    last = max(with_cue, key=lambda a: a.cue[0] if a.cue else 0)
    return TaggedAttribution(att.contents, last.cue, last.source, att.confidence)


def _clean_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim quotation marks, edge punctuation and a leading complementiser "that"."""
    while start < end and (text[start].isspace() or not _WORD.match(text[start])):
        start += 1
    while end > start and (text[end - 1].isspace() or not _WORD.match(text[end - 1])):
        end -= 1
    if text[start : start + 5].lower() == "that " and end - start > 5:
        start += 5
    return start, end


def _kind(text: str, start: int, end: int, quoted: Sequence[Quoted], rule_kinds: dict[int, Kind]) -> Kind:
    """The rule's kind for the same stretch; else direct or partial for exactly a quotation."""
    if start in rule_kinds:
        return rule_kinds[start]
    for q in quoted:
        if q.open <= start and end <= q.outer_end and not _WORD.search(text, q.start, start):
            if _WORD.search(text, end, q.end):
                continue
            line = text.rfind("\n", 0, q.open) + 1
            pre = text[line : q.open].rstrip()
            return "direct" if not pre or pre[-1] in ".:,!?" else "partial"
    return "indirect"


def tag_quotes(
    adoc: AnnotatedDocument,
    *,
    model: str | Path | None = None,
    keep_rules: KeepRules = DEFAULT_KEEP_RULES,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Quote]:
    """Quotes of ``adoc`` found by the CRF tagger on top of the rules (pure given the model).

    An attribution whose mean label probability is below ``min_confidence`` is dropped.

    ``keep_rules``: ``"direct"`` keeps the rules' direct quotes as they are, ``"all"`` keeps
    every rule quote; the tagger's attributions that overlap a kept quote are dropped.
    """
    from crosswire.extract.quotes import extract_quotes

    doc = adoc.doc
    rule_quotes = extract_quotes(adoc, method="rules")
    quoted = find_quoted(adoc.document.body)
    tagger = load_tagger(model)
    feats = document_features(doc, rule_token_labels(adoc, rule_quotes), quoted)
    labels: list[list[str]] = []
    marginals: list[list[float]] = []
    for f in feats:
        tagger.set(f)
        labs = tagger.tag()
        labels.append(labs)
        if min_confidence > 0:  # forward-backward costs as much again as tagging
            marginals.append([tagger.marginal(lab, k) for k, lab in enumerate(labs)])
    return quotes_from_labels(
        adoc,
        labels,
        marginals=marginals if min_confidence > 0 else None,
        rule_quotes=rule_quotes,
        keep_rules=keep_rules,
        min_confidence=min_confidence,
    )


def quotes_from_labels(
    adoc: AnnotatedDocument,
    labels: Sequence[Sequence[str]],
    *,
    marginals: Sequence[Sequence[float]] | None = None,
    rule_quotes: Sequence[Quote] = (),
    keep_rules: KeepRules = "none",
    min_confidence: float = 0.0,
) -> list[Quote]:
    """Quotes from BIO labels of every paragraph (:func:`document_sequences` order).

    ``rule_quotes`` lend their kind to a content with the same start.
    """
    from crosswire.extract.quotes import assemble_quotes

    doc = adoc.doc
    text = adoc.document.body
    quoted = find_quoted(text)
    seqs = document_sequences(doc)
    if len(seqs) != len(labels):
        raise ValueError(f"{adoc.document.id}: {len(labels)} label sequences for {len(seqs)} paragraphs")
    atts: list[TaggedAttribution] = []
    previous: list[TaggedAttribution] = []
    for n, (seq, labs) in enumerate(zip(seqs, labels, strict=True)):
        found = group_attributions(doc, seq, labs, marginals[n] if marginals is not None else None)
        found = [_continue_paragraph(a, previous) for a in found if a.confidence >= min_confidence]
        atts.extend(found)
        previous = found
    rule_kinds: dict[int, Kind] = {adoc.document.to_body(q.start, q.end)[0]: q.kind for q in rule_quotes}
    keep = [q for q in rule_quotes if keep_rules == "all" or (keep_rules == "direct" and q.kind == "direct")]
    kept = [adoc.document.to_body(q.start, q.end) for q in keep]
    items: list[tuple[int, int, Kind, tuple[int, int] | None, tuple[int, int] | None]] = []
    for att in atts:
        for s, e in att.contents:
            s, e = _clean_content(text, s, e)
            if s >= e or any(a < e and s < b for a, b in kept):
                continue
            # A content that holds only part of a quotation keeps that quotation whole, marks
            # included, as the rules do ('described it as "one of the most … pillars"').
            for q in quoted:
                if s <= q.open < e < q.outer_end and q.start < e:
                    e = q.outer_end
                elif q.open < s < q.outer_end <= e and s <= q.end:
                    s = q.open
            items.append((s, e, _kind(text, s, e, quoted, rule_kinds), att.cue, att.source))
    quotes = assemble_quotes(adoc, items)
    if keep:
        quotes = sorted([*quotes, *keep], key=lambda q: q.start)
    return quotes
