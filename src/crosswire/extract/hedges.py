"""Hedges: the words by which a report says less than that something is so.

Input → output: a :class:`~crosswire.models.Document` → :class:`~crosswire.models.Hedge` s
(:func:`find_hedges`), each a cue pinned to original characters; :func:`hedge_cues` does the
same on any string. Both are pure; the extract stage runs :func:`find_hedges` on each report.

"Lopez allegedly fired the shots" and "Lopez fired the shots" are one fact in two degrees of
certainty, and a fact-checker must not read the second out of four reports that print the
first. The align stage marks a fact with the cues of every document that hedges it and words
it as they do (:attr:`~crosswire.models.Fact.hedged`). Four kinds:

* **alleged** — a charge not proven: "allegedly", "purportedly", "supposedly", "alleged",
  "accused of", "the suspected gunman", "on suspicion of", "charged with", "claimed that".
* **reported** — heard from others, nobody named: "reportedly", "is said to", "are believed
  to", "is understood to", "it is thought", "according to local media reports", "unconfirmed".
* **uncertain** — a possibility, a likelihood or an appearance: "may", "might", "could have
  fled", "apparently", "probably", "possibly", "perhaps", "likely", "it is possible", "a
  possible break-in", "appears to", "seemed to" (but not in a clause of time or condition:
  "when the fight appeared to die down" is what a witness saw then).
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

from crosswire.models import Document, Hedge

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
    ("alleged", r"\bclaim(?:s|ed|ing)?\s+(?:that\b|to\s+(?:be|have)\b)", _I),
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
        r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+unable\s+to|unable\s+to)\s+"
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
        r"\b(?:most\s+likely|(?:will|would|is|are|was|were|['’]s)\s+(?:very\s+|most\s+)?likely)\b"
        r"|(?<!more\s)(?<!less\s)(?<!as\s)(?<!most\s)\blikely\s+to\b",
        _I,
    ),
    # the report's own reading ("the video appears to show", "Trump seemed to overstay his
    # welcome"); "when the fight appeared to die down" tells what a witness saw: see _NARRATED
    (
        "uncertain",
        r"\b(?:appears|appeared|seems|seemed)\s+to\b|\bit\s+(?:now\s+|also\s+)?(?:appears|appeared|seems|seemed)\b",
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
        if _PAST_LOOK.search(text, start, end) and _NARRATED.search(text, max(0, start - 200), start):
            continue
        out.append((start, end, kind))
    return out


def find_hedges(doc: Document) -> list[Hedge]:
    """The hedge cues of one report, pinned to ``doc.text`` (see the module docstring)."""
    return [Hedge(doc.id, start, end, doc.text[start:end], kind) for start, end, kind in hedge_cues(doc.text)]
