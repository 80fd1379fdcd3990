"""Hedges: the words by which a report says less than that something is so.

Input → output: an :class:`~crosswire.models.AnnotatedDocument` →
:class:`~crosswire.models.Hedge` s (:func:`find_hedges`), each a cue found in the clean view and
pinned to original characters, with the words it bears on (its scope, from the parse); :func:`hedge_cues` finds the
cues in any string. Both are pure; the extract stage runs :func:`find_hedges` on each report.

"Lopez allegedly fired the shots" and "Lopez fired the shots" are one fact in two degrees of
certainty, and a fact-checker must not read the second out of four reports that print the
first. The align stage marks a fact with the cues of every document that hedges what the
reports of it share (a cue whose scope holds most of those words) and, when half of them do,
words it as they do (:attr:`~crosswire.models.Fact.hedged`). Four kinds:

* **alleged** — a charge not proven: "allegedly", "purportedly", "supposedly", "alleged",
  "accused of", "the suspected gunman", "on suspicion of", "charged with", "claimed that" (not
  an accusation never made: "has not publicly accused Russia").
* **reported** — heard from others, nobody named: "reportedly", "is said to", "are believed
  to", "is understood to", "it is thought", "according to local media reports", "unconfirmed".
* **uncertain** — a possibility, a likelihood or an appearance: "may", "might", "could have
  fled", "apparently", "probably", "possibly", "perhaps", "likely", "it is possible", "a
  possible break-in", "appears to", "seemed to" (but not in a clause of time or condition:
  "when the fight appeared to die down" is what a witness saw then; nor in a question someone
  asks: "asked if she might consider …"; nor a "may" that concedes a point to turn from it,
  "Clinton may hold a lead, but …", nor "may as well", nor "wherever they may occur").
* **unverified** — the outlet says it could not check: "could not be independently verified",
  "has not been confirmed", "Reuters was unable to verify".

The rules are lexical and deliberately narrow. A modal is one only in lower case (so "May 5"
and "Theresa May" are not; a text in lower case throughout keeps a short list of month and
name contexts out); "could" counts only with a past ("could have killed"), where it doubts
what happened, not what can be done ("the US can soon complete"); "likely" only as an adverb or
with "to" ("is likely to"), not "more likely to vote" (a share of people); "claim" only with
"that" or "to be/have" ("claimed responsibility" is what a group did). A cue inside a quotation
counts: "“He may have fled,” police said" is the police hedging, and the report passes it on.
"""

from __future__ import annotations

import re
from typing import Literal

from crosswire.models import AnnotatedDocument, Hedge, Span

__all__ = ["HedgeKind", "find_hedges", "hedge_cues"]

HedgeKind = Literal["alleged", "reported", "uncertain", "unverified"]

_I = re.IGNORECASE
_PAST = (
    r"(?:been|\w+ed|\w+en|known|made|done|gone|seen|had|got|lost|led|hit|put|sent|brought|caught|"
    r"left|run|set|shot|spread|struck|taken|thought|told|won|fled|died|killed)"
)
# (kind, pattern, flags): case-insensitive unless the case carries the meaning (modals)
_RULES: tuple[tuple[HedgeKind, str, int], ...] = (
    ("alleged", r"\b(?:allegedly|purportedly|supposedly)\b", _I),
    ("alleged", r"\ballege[sd]?\b|\balleging\b", _I),
    ("alleged", r"\baccus(?:ed|es|ing)\b", _I),
    ("alleged", r"\bsuspected\b|\bon\s+suspicion\s+of\b", _I),
    # a charge is a fact, what it charges is not: "the two youths charged with murdering Horton"
    ("alleged", r"\b(?:charged|indicted)\s+(?:with|in|on|for)\b", _I),
    # "claims that …", "claims to be", "claims he's worth $10 billion" (a clause, not an object:
    # "claimed responsibility", "claimed momentum")
    (
        "alleged",
        r"\bclaim(?:s|ed|ing)?(?:\s+(?:that\b|to\s+(?:be|have)\b)|(?=\s+(?:he|she|they|it|we|I)\b(?:['’]\w+)?\s+\w))",
        _I,
    ),
    ("reported", r"\breportedly\b|\bunconfirmed\b", _I),
    (
        "reported",
        r"(?:\b(?:is|are|was|were|being|been)|['’]s)\s+(?:widely\s+|also\s+|now\s+)?"
        r"(?:said|reported|believed|thought|understood|rumou?red|presumed)\s+to\b",
        _I,
    ),
    (
        "reported",
        r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?"
        r"(?:believed|thought|understood|reported|rumou?red|said)\b",
        _I,
    ),
    # "according to unconfirmed local media reports"; a capital word names whose ("Reuters reports")
    ("reported", r"\b[Aa]ccording\s+to\s+(?:[a-z-]+\s+){0,3}reports\b", 0),
    (
        "unverified",
        r"\b(?:could\s+not|couldn[’']t|cannot|can\s+not|can[’']t|did\s+not|didn[’']t|"
        r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+unable\s+to|unable\s+to|"
        r"(?:has|have|had)\s+not\s+been\s+able\s+to|(?:was|were|is|are)\s+not\s+(?:possible|able)\s+to)\s+"
        r"(?:be\s+)?(?:independently\s+|immediately\s+|yet\s+)?(?:verif|confirm|authenticat|corroborat)\w*",
        _I,
    ),
    (
        "unverified",
        r"\b(?:has|have|had|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+)?"
        r"(?:verified|confirmed|authenticated|corroborated)\b|\bunverified\b",
        _I,
    ),
    ("uncertain", r"\b(?:apparently|possibly|probably|presumably|perhaps|maybe|seemingly)\b", _I),
    (
        "uncertain",
        r"\b(?:most\s+likely|(?:will|would|is|are|was|were|['’]s)\s+(?:very\s+|most\s+|increasingly\s+|highly\s+|quite\s+)?likely)\b"
        r"|(?<!more\s)(?<!less\s)(?<!as\s)(?<!most\s)\blikely\s+to\b",
        _I,
    ),
    # the report's own reading ("the video appears to show", "Trump seemed to overstay his
    # welcome"); "when the fight appeared to die down" tells what a witness saw: see _NARRATED
    (
        "uncertain",
        r"\b(?:appears|appeared|seems|seemed)\s+(?:to\b|(?:poised|set|headed|ready|close|certain|likely|unlikely)\b)"
        r"|\bit\s+(?:now\s+|also\s+)?(?:appears|appeared|seems|seemed)\b",
        _I,
    ),
    ("uncertain", r"\bit(?:\s+is|\s+was|['’]s)\s+(?:quite\s+|very\s+|entirely\s+)?possible\b(?!\s+to\b)", _I),
    ("uncertain", r"(?:(?<=\ba\s)|(?<=\ban\s)|(?<=\bthe\s))possible\b", _I),
    # modals in lower case only: "May 5", "Theresa May" and "military might" are none
    (
        "uncertain",
        r"(?<!\btheresa\s)(?<!\bmrs\.\s)(?<!\bmrs\s)"
        r"(?<!\bin\s)(?<!\bon\s)(?<!\bof\s)(?<!\bby\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\blast\s)(?<!\bnext\s)"
        r"(?<!\bthis\s)(?<!\bearly\s)(?<!\blate\s)(?<!\bmid-)\bmay\b(?!\s+\d)(?!,\s+\d)",
        0,
    ),
    (
        "uncertain",
        r"(?<!\bmilitary\s)(?<!\beconomic\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)"
        r"(?<!\bour\s)(?<!\bthe\s)(?<!\bfull\s)(?<!\bnaval\s)(?<!\bwith\s)\bmight\b",
        0,
    ),
    ("uncertain", r"\bcould\s+(?:well\s+|also\s+|possibly\s+|easily\s+)?have\s+" + _PAST + r"\b", _I),
)
_COMPILED = tuple((kind, re.compile(p, flags)) for kind, p, flags in _RULES)
# A past "appeared to"/"seemed to" in a clause of time or condition narrates what someone saw
# then ("when the fight appeared to die down, she …"), it does not doubt what the report says.
_NARRATED = re.compile(
    r"(?:^|[,;:.!?\n(—–]|\bthat)\s*(?:when|as|until|after|before|once|while|where|if|because)\b[^,;:.!?\n]*$",
    _I,
)
_PAST_LOOK = re.compile(r"(?:appeared|seemed)\b", _I)
# A modal inside a question someone asks ("asked if she might consider …", "asked what that
# might look like") doubts nothing the report says.
_ASKED = re.compile(
    r"\b(?:ask(?:ed|s|ing)?|wonder(?:ed|s|ing)?|question(?:ed|s)?)\b[^.;!?\n]{0,60}"
    r"\b(?:if|whether|what|how|why|who|when|where)\b[^.;!?\n]*$",
    _I,
)
# "may" granting a point only to turn from it ("Clinton may hold a lead in pledged delegates,
# but …"), an idiom ("may as well"), a place or time left open ("wherever they may occur"):
# no doubt of what the report says.
_CONCEDING = re.compile(r"^[^.;!?\n]{0,100}?,\s+but\b|^\s+as\s+well\b", _I)
_OPEN_ENDED = re.compile(r"\b(?:wherever|whatever|whoever|whenever|however)\b[^.;!?\n,]*$", _I)
# An accusation denied or never made ("has not publicly accused Russia") alleges nothing.
_NOT_MADE = re.compile(r"\b(?:not|never|n[’']t|no\s+longer)\s+(?:\w+ly\s+|yet\s+)?$", _I)


def hedge_cues(text: str) -> list[tuple[int, int, HedgeKind]]:
    """(start, end, kind) of every hedge cue in ``text``, in reading order, none overlapping
    (of two that overlap, the one starting first, then the longer, is kept: "is likely to")."""
    found = sorted(
        ((m.start(), m.end(), kind) for kind, rx in _COMPILED for m in rx.finditer(text)),
        key=lambda t: (t[0], -(t[1] - t[0])),
    )
    out: list[tuple[int, int, HedgeKind]] = []
    for start, end, kind in found:
        if out and start < out[-1][1]:
            continue
        before = text[max(0, start - 200) : start]
        if _PAST_LOOK.search(text, start, end) and _NARRATED.search(before):
            continue
        if kind == "uncertain" and _ASKED.search(before):
            continue
        if kind == "alleged" and _NOT_MADE.search(before):
            continue
        if text[start:end].lower() in ("may", "might") and (
            _CONCEDING.search(text[end : end + 120]) or _OPEN_ENDED.search(before)
        ):
            continue
        out.append((start, end, kind))
    return out


def find_hedges(adoc: AnnotatedDocument) -> list[Hedge]:
    """The hedge cues of one report, read in its clean view (no markup, no boilerplate) and
    pinned to its original text, each with the words it bears on (``Hedge.scope``): from the
    parse when the report has one, else the cue's sentence."""
    doc = adoc.document
    out = []
    for b_start, b_end, kind in hedge_cues(doc.body):
        start, end = doc.to_original(b_start, b_end)
        scope = _parsed_scope(adoc, b_start, b_end) if adoc.doc is not None else None
        if scope is None:
            sent = next((s for s in adoc.sentences if s.start <= start < s.end), None)
            scope = Span(doc.id, sent.start, sent.end) if sent is not None else None
        out.append(Hedge(doc.id, start, end, doc.text[start:end], kind, scope))
        if kind == "unverified" and (before := _told_before(adoc, start, end)) is not None:
            out.append(Hedge(doc.id, start, end, doc.text[start:end], kind, before))
    return out


# What a report says it could not verify, when it names it only so: "the video", "the claims"
_EVIDENCE = frozenset(
    {
        "account", "accounts", "allegation", "allegations", "claim", "claims", "detail", "details",
        "figure", "figures", "footage", "image", "images", "information", "photo", "photos",
        "picture", "pictures", "recording", "recordings", "report", "reports", "statement",
        "statements", "toll", "video", "videos", "number", "numbers", "authenticity",
    }
)  # fmt: skip
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _told_before(adoc: AnnotatedDocument, start: int, end: int) -> Span | None:
    """The sentence before the cue's when the cue's sentence only says that what it told could
    not be verified: "A video appears to show the two men arguing. The video could not be
    independently verified."; "Rebels shelled the hospital, a video showed. Reuters could not
    independently verify the video." Every word of the cue's sentence besides the cue, names
    and small words is a word of the sentence before or what evidence is called ("the claims",
    "the footage") — or it points back with "it" or "this" ("This could not be independently
    confirmed."); the two sentences are one paragraph. None otherwise."""
    sentences = adoc.sentences
    k = next((i for i, x in enumerate(sentences) if x.start <= start < x.end), None)
    if not k:  # no sentence, or the first one: nothing told before
        return None
    this, prev = sentences[k], sentences[k - 1]
    if this.paragraph != prev.paragraph:
        return None
    text = adoc.document.text
    rest = text[this.start : start] + " " + text[end : this.end]
    found = _WORDS.findall(rest)
    said = [w.lower() for w in found]
    words = [w.lower() for w in found if not w[0].isupper() and w.lower() not in _SMALL]
    if not words and _POINTERS.isdisjoint(said):
        return None  # nothing it points back at ("Reuters could not verify.")
    if len(words) > 4:
        return None  # news of its own
    before = {w.lower() for w in _WORDS.findall(prev.text)}
    if all(w in before or w in _EVIDENCE for w in words):
        return Span(adoc.document.id, prev.start, prev.end)
    return None


_POINTERS = frozenset({"it", "this", "that", "these", "those"})
_SMALL = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "such", "of", "or",
        "and", "by", "from", "on", "in", "as", "yet", "so", "far", "immediately", "independently",
        "whether", "was", "were", "is", "are", "be", "been", "not", "could", "but", "however",
    }
)  # fmt: skip


# A cue that leans on another word bears on that word's phrase: a modal or an adverb on its
# verb ("allegedly shot" → the clause of "shot"), an adjective on its noun ("the accused
# gunman who sprayed gunfire …"), "according to reports" on the clause it is attached to.
_LEANING = frozenset({"aux", "auxpass", "advmod", "amod", "npadvmod", "neg", "prep", "advcl", "mark"})


def _parsed_scope(adoc: AnnotatedDocument, b_start: int, b_end: int) -> Span | None:
    """The original characters of the phrase the cue at ``b_start``–``b_end`` (clean view) governs."""
    doc = adoc.document
    span = adoc.doc.char_span(b_start, b_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ in _LEANING and tok.head is not tok:
        tok = tok.head
    subtree = list(tok.subtree)
    lo = min(t.idx for t in subtree)
    hi = max(t.idx + len(t.text) for t in subtree)
    o_start, o_end = doc.to_original(min(lo, b_start), max(hi, b_end))
    return Span(doc.id, o_start, o_end)
