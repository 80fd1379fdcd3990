"""Sentence-level text reuse between the documents of one story.

Input → output: document bodies → :class:`Passage` lists (:func:`passages`); two passage
lists and the story's quote pool → :class:`Reuse` (:func:`align`): the sentence pairs one
document shares with the other, and how much of that is *narrative*.

Why sentences, not whole documents: a rewrite that keeps a third of a wire story's
sentences, lightly reworded, shares little with it as a whole (in the test fixture,
MinHash J = 0.16, against 0.09 for an independent report of the same floods) but shows
sentence by sentence. Why narrative: outlets covering one event all carry the same
quotations — quotes are shared by nature — so words that appear inside quotation marks
anywhere in the story (the *quote pool*) do not count as evidence of copying. A sentence
that paraphrases a quote into reported speech ("Hegseth said the US hopes to complete…")
is discounted the same way, because its shared words are in the pool. So are bigrams of
two capitalised words — names, titles, places ("Chief Minister Himanta Biswa Sarma") —
which every report of the event shares too.

Matching form of a sentence: content words (stop words and reporting verbs dropped),
casefolded, British spellings folded to American (defence → defense, realise →
realize), light suffix stripping and a 6-character prefix, so inflection and spelling
do not hide reuse. Two sentences match when their content-word bigrams overlap
(containment ≥ ``min_containment``) or, for reworded sentences, when rapidfuzz's
``token_set_ratio`` of the content words is high and some bigrams are still shared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from crosswire.clean.normalize import normalize_for_matching

__all__ = ["Passage", "Reuse", "SentencePair", "align", "passages", "quote_pool", "stem"]

Bigram = tuple[str, str]

_STOP_WORDS = """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say saying told tells added adding stated noted
according also further one two its it's we're they're he's she's mr mrs ms dr
"""
_STOP = frozenset(_STOP_WORDS.split())
_TOKEN = re.compile(r"[a-z](?:\.[a-z])+\.?|\w+(?:'\w+)*", re.IGNORECASE)
_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s")
_UK = (("isation", "ization"), ("ised", "ized"), ("ise", "ize"), ("ising", "izing"), ("yse", "yze"))
_UK_WORDS = {"defence": "defense", "offence": "offense", "licence": "license", "programme": "program"}
# Sentence ends: . ! ? (plus closing quotes/brackets) then space, unless the word before
# is an abbreviation or an initial ("U.S. Defense", "Col. Chris", "S. Jaishankar").
_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")
_ABBREV_WORDS = """
mr mrs ms dr col gen lt sgt capt rep sen gov st jr sr no vs etc inc ltd co corp jan feb mar apr jun
jul aug sep sept oct nov dec u.s u.k u.n e.g i.e
"""
_ABBREV = frozenset(_ABBREV_WORDS.split())
_OPEN_CLOSE = {'"': None, "“": "”", "«": "»"}


def stem(word: str) -> str:
    """Matching form of one casefolded word: US spelling, light suffix strip, 6-char prefix."""
    w = word.replace("'", "").replace(".", "")
    w = _UK_WORDS.get(w, w)
    for uk, us in _UK:
        if w.endswith(uk) and len(w) > len(uk) + 2:
            w = w[: -len(uk)] + us
            break
    if len(w) > 5 and w.endswith("our") and w not in {"favour"}:
        w = w[:-3] + "or"
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    return w[:6]


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of a body: ``[start, end)`` in ``Document.body``; content stems and quote flags."""

    index: int
    start: int
    end: int
    stems: tuple[str, ...]
    quoted: tuple[bool, ...]  # per stem: inside quotation marks in this document
    proper: tuple[bool, ...]  # per stem: written with a capital (names, titles, places)
    bigrams: frozenset[Bigram] = field(init=False, repr=False, compare=False)
    #: Bigrams that can show copying: outside quotes, and not two capitalised words in a
    #: row — names, titles and places ("Chief Minister Himanta Biswa Sarma") are shared by
    #: every report of an event, like its quotes; the words around them are not. Nor the
    #: words of a title written in lower case before a name ("civil protection chief Fabrizio
    #: Curcio"): every report introduces the official so.
    evidence_bigrams: frozenset[Bigram] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        st, q, pr = self.stems, self.quoted, self.proper
        pairs = range(len(st) - 1)
        object.__setattr__(self, "bigrams", frozenset((st[i], st[i + 1]) for i in pairs))
        titled = _title_words(st, pr)
        evidence = frozenset(
            (st[i], st[i + 1])
            for i in pairs
            if not (q[i] or q[i + 1]) and not (pr[i] and pr[i + 1]) and not (i in titled and i + 1 in titled)
        )
        object.__setattr__(self, "evidence_bigrams", evidence)

    @property
    def quoted_share(self) -> float:
        return sum(self.quoted) / len(self.quoted) if self.quoted else 0.0


# Title heads before a name ("chief", "minister", "spokesman"), as stems; the words of a title
# are at most three before its head.
_TITLE_STEMS = frozenset(
    stem(w)
    for w in [
        "chief",
        "minister",
        "secretary",
        "president",
        "premier",
        "chancellor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "governor",
        "senator",
        "congressman",
        "congresswoman",
        "chairman",
        "chairwoman",
        "director",
        "commissioner",
        "commander",
        "general",
        "mayor",
        "prosecutor",
        "judge",
        "officer",
        "official",
        "head",
        "leader",
        "adviser",
        "advisor",
        "inspector",
        "superintendent",
        "sheriff",
        "coroner",
        "coach",
        "manager",
    ]
)
_TITLE_REACH = 3


def _title_words(stems: Sequence[str], proper: Sequence[bool]) -> set[int]:
    """Positions of a title and the name after it ("civil protection chief Fabrizio Curcio")."""
    out: set[int] = set()
    for i, s in enumerate(stems[:-1]):
        if s in _TITLE_STEMS and proper[i + 1]:
            out.update(range(max(0, i - _TITLE_REACH), i + 2))
    return out


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks, paired within each paragraph."""
    ranges: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        open_at: int | None = None
        closer: str | None = None
        for m in re.finditer(r"[\"“”«»]", para.group()):
            ch, pos = m.group(), para.start() + m.start()
            if open_at is None:
                if ch in _OPEN_CLOSE:
                    open_at, closer = pos, _OPEN_CLOSE[ch]
            elif ch in {'"', "”", "»"} and (closer is None or ch == closer or ch in {'"', "”"}):
                ranges.append((open_at, pos + 1))
                open_at = None
        if open_at is not None:  # an unclosed quote runs to the end of its paragraph (news style)
            ranges.append((open_at, para.end()))
    return ranges


def _sentence_bounds(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in _END.finditer(text):
        if "\n" not in m.group():
            before = text[start : m.start() + 1].split()
            last = before[-1].rstrip(".!?\"'”’)]").casefold().rsplit("-", 1)[-1] if before else ""
            nxt = text[m.end() : m.end() + 1]
            # Not an end: an abbreviation or initial ("U.S.", "Col.", "S."), or a lower-case
            # continuation ("interoperability ... between our forces").
            if last in _ABBREV or (len(last) == 1 and last.isalpha()) or nxt.islower():
                continue
        if text[start : m.start() + 1].strip():
            yield start, m.start() + 1
        start = m.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


def passages(body: str) -> list[Passage]:
    """The sentences of ``body`` with their content stems and per-stem quote flags."""
    quoted = _quoted_ranges(body)
    # Same-length folding of quotes/dashes, so token positions are body positions.
    folded = normalize_for_matching(body)
    out: list[Passage] = []
    qi = 0
    for start, end in _sentence_bounds(body):
        while start < end and body[start].isspace():
            start += 1
        stems: list[str] = []
        flags: list[bool] = []
        caps: list[bool] = []
        for m in _TOKEN.finditer(folded, start, end):
            caps_word = m.group()[:1].isupper()
            tok = m.group().casefold()
            if tok in _STOP or tok.replace("'", "") in _STOP or (tok.isdigit() and len(tok) < 3):
                continue
            pos = m.start()
            while qi < len(quoted) and quoted[qi][1] <= pos:
                qi += 1
            stems.append(stem(tok))
            flags.append(qi < len(quoted) and quoted[qi][0] <= pos)
            caps.append(caps_word)
        out.append(Passage(len(out), start, end, tuple(stems), tuple(flags), tuple(caps)))
    return out


def quote_pool(story: Iterable[Sequence[Passage]]) -> frozenset[Bigram]:
    """Content bigrams that occur inside quotation marks in any document of the story."""
    pool: set[Bigram] = set()
    for doc in story:
        for p in doc:
            for i in range(len(p.stems) - 1):
                if p.quoted[i] or p.quoted[i + 1]:
                    pool.add((p.stems[i], p.stems[i + 1]))
    return frozenset(pool)


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Passage ``a`` of the first document matches passage ``b`` of the second."""

    a: int
    b: int
    score: float  # combined similarity in [0, 1]
    narrative: int  # shared evidence bigrams: outside quotes and not name-name
    quoted: int  # shared bigrams found in the story's quote pool
    is_narrative: bool  # counts as evidence of copying (see :func:`align`)


@dataclass(frozen=True, slots=True)
class Reuse:
    """What one document shares with another, sentence by sentence."""

    pairs: tuple[SentencePair, ...]
    substantive: int  # substantive sentences of the shorter document (the denominator)

    @property
    def narrative_pairs(self) -> int:
        """Pairs whose shared words are mostly narrative, not quotation."""
        return sum(p.is_narrative for p in self.pairs)

    @property
    def share(self) -> float:
        """Narrative-reuse pairs over the shorter document's substantive sentences."""
        return self.narrative_pairs / self.substantive if self.substantive else 0.0

    @property
    def support(self) -> float:
        """All matched pairs (quote-derived too) over the shorter document's substantive sentences."""
        return len(self.pairs) / self.substantive if self.substantive else 0.0


def _similarity(p: Passage, q: Passage, shared: int) -> float:
    containment = shared / max(1, min(len(p.bigrams), len(q.bigrams)))
    words = fuzz.token_set_ratio(" ".join(p.stems), " ".join(q.stems)) / 100.0
    return max(containment, 0.5 * containment + 0.5 * words)


def align(
    a: Sequence[Passage],
    b: Sequence[Passage],
    *,
    pool: frozenset[Bigram] = frozenset(),
    min_words: int = 5,
    min_containment: float = 0.5,
    min_score: float = 0.55,
    min_narrative: int = 3,
    narrative_ratio: float = 0.5,
) -> Reuse:
    """Greedy one-to-one alignment of the sentences of ``a`` and ``b``.

    Only *substantive* sentences (≥ ``min_words`` content words) take part. A pair is kept
    when bigram containment ≥ ``min_containment`` or the combined score (containment and
    ``token_set_ratio``) ≥ ``min_score`` with at least two shared bigrams. It counts as
    *narrative* reuse when ≥ ``min_narrative`` shared bigrams are evidence (outside any
    quotation of the story, not two capitalised words) and they are ≥ ``narrative_ratio``
    of the evidence and quotation bigrams shared (name-name bigrams count for neither).
    """
    sa = [p for p in a if len(p.stems) >= min_words]
    sb = [q for q in b if len(q.stems) >= min_words]
    index: dict[Bigram, list[int]] = defaultdict(list)
    for j, q in enumerate(sb):
        for bg in q.bigrams:
            index[bg].append(j)
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(sa):
        pb = p.bigrams
        counts: dict[int, int] = defaultdict(int)
        for bg in pb:
            for j in index.get(bg, ()):
                counts[j] += 1
        for j, shared in counts.items():
            q = sb[j]
            if shared < 2:
                continue
            score = _similarity(p, q, shared)
            containment = shared / max(1, min(len(pb), len(q.bigrams)))
            if containment >= min_containment or score >= min_score:
                candidates.append((score, i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[SentencePair] = []
    for score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        p, q = sa[i], sb[j]
        narrative = len((p.evidence_bigrams & q.evidence_bigrams) - pool)
        quoted = len(p.bigrams & q.bigrams & pool)
        is_narrative = narrative >= min_narrative and narrative >= narrative_ratio * (narrative + quoted)
        pairs.append(SentencePair(p.index, q.index, round(score, 3), narrative, quoted, is_narrative))
    pairs.sort(key=lambda s: (s.a, s.b))
    return Reuse(tuple(pairs), min(len(sa), len(sb)))
