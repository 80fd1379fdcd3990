"""An outlet's notes on its own report: corrections, clarifications, update notes, editor's notes.

Input → output: one stripped line → the kind of note it is (``"correction"``,
``"clarification"``, ``"update"``, ``"retraction"``, ``"editor's note"``) or None; and whether it is a note's
heading alone ("CORRECTION:", "Correction: October 2, 2016, Sunday."), after which the rest of the
report is the note.

A note is what the outlet says *about its report*, not what the report says about the event:
"Correction: An earlier version of this article said the meeting took place during the QUAD
summit." Read as a claim, its retracted words would stand against the other outlets as a
conflict sourced to the very report that withdrew them. So the clean stage takes notes out of
the clean view and keeps each as an :class:`~crosswire.models.EditorNote`, which the brief shows
on its own ("Corrections and editor's notes"): which outlet corrected what, cited.

What counts (whole lines only, each opening with one of these):

- a label and a colon or dash: "Correction:", "CLARIFICATION —", "Editor's note:", "Note to
  readers:", and "Update:" when what follows speaks of the report itself ("Update: This story
  has been updated with …"; an "UPDATE: The Pentagon later said …" paragraph is news, and stays);
- a sentence about the report's own versions: "An earlier version of this article misstated …",
  "This story has been updated to include …", "This article was corrected to …", "This version
  corrects …";
- a wire desk's advisory in parentheses: "(Corrects day of meeting in paragraph 2)", "(Adds
  Pentagon statement in paragraphs 4-5)", "(This July 2 story corrects …)", "(Refiles to fix
  typo)";
- "Correction appended" above a report whose correction closes it;
- a retraction: "Editor's note: This article has been retracted …", "This story has been
  withdrawn", "RETRACTION:", a wire's "(Story withdrawn; no replacement)" or "KILL:" advisory —
  the outlet no longer stands by the report, and the brief reads none of it.

A sentence that *mentions* a correction ("Politico responded with an editor's note saying …",
"The newspaper later issued a correction") is news about someone else's report and is kept.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["NoteKind", "is_note_continuation", "is_note_heading", "note_kind"]

NoteKind = Literal["correction", "clarification", "update", "retraction", "editor's note"]

_Q = "['’]"
_OPEN = r"[\[(*•\-–—\s]*"  # "(", "[", a bullet or a dash may open the line
_LABEL = (
    r"(?P<label>corrections?(?:[ \t]+appended)?|clarifications?(?:[ \t]+appended)?|retraction|retracted|"
    r"withdrawn|(?:mandatory[ \t]+)?kill|"
    rf"ed(?:itor)?{_Q}?s{_Q}?\.?[ \t]+note|eds?\.[ \t]+note|editors{_Q}?[ \t]+note|"
    r"note[ \t]+(?:to|for)[ \t]+(?:our[ \t]+)?readers|a[ \t]+note[ \t]+(?:to|for)[ \t]+(?:our[ \t]+)?readers|"
    r"update[sd]?)"
)
# A date may stand after the label: "Correction (July 2, 2025):", "Correction: October 2, 2016, Sunday."
_DATEISH = (
    r"(?:[ \t,]*(?:\d{1,4}(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
    r"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|a\.?m\.?|p\.?m\.?|(?-i:[AECMP][SD]?T|GMT|UTC|IST)|\d{1,2}:\d{2}|"
    r"[./-]))*"
)
_LABELLED = re.compile(
    rf"{_OPEN}{_LABEL}(?:[ \t]*\((?P<paren>[^)]{{0,40}})\))?(?P<date>{_DATEISH})[ \t]*"
    r"(?P<mark>[:—–]|-(?=[ \t])|\.(?=[ \t]*$))?[ \t]*(?P<rest>.*)",
    re.I | re.S,
)
_REPORT = r"(?:article|story|report|post|piece|item|column|blog[ \t]+post|version|headline|caption|photo[ \t]+caption|graphic|video)"
_SELF_NAMED = rf"(?:this|the[ \t]+above|the[ \t]+following|our)[ \t]+(?:[\w,]+[ \t]+){{0,3}}?{_REPORT}"
_VERSION = rf"an?[ \t]+(?:earlier|previous|prior|original)[ \t]+(?:version|edition|draft)(?:[ \t]+of[ \t]+(?:this|the)[ \t]+{_REPORT})?"
_VERB = (
    r"(?P<verb>correct(?:ed|s)|updat(?:ed|es)|revis(?:ed|es)|amend(?:ed|s)|clarifi(?:ed|es)|edit(?:ed|s)|"
    r"refil(?:ed|es)|chang(?:ed|es)|add(?:ed|s)|fix(?:ed|es)|remov(?:ed|es)|replac(?:ed|es)|"
    r"misstat(?:ed|es)|misspell(?:ed|s)|misspelt|misidentifi(?:ed|es)|misquot(?:ed|es)|misattribut(?:ed|es)|"
    r"incorrectly|erroneously|wrongly|mistakenly|inaccurately|gave|said|stated|reported|referred|included|"
    r"omitted|contained|retract(?:ed|s)|withdrawn|withdr[ae]ws?|unpublished|taken[ \t]+down|pulled)"
)
_SELF = re.compile(
    rf"{_OPEN}(?:(?P<version>{_VERSION})|{_SELF_NAMED}(?:[ \t]+\([^)]{{0,40}}\))?)[ \t,]+"
    rf"(?:(?:(?:has|have|had)[ \t]+been|will[ \t]+be)[ \t]+|was[ \t]+|is[ \t]+(?:being[ \t]+)?|were[ \t]+)?(?:also[ \t]+)?{_VERB}\b",
    re.I,
)
# A wire desk's advisory, the whole line in parentheses: "(Corrects paragraph 3 to say …)".
_ADVISORY = re.compile(
    r"[\[(][ \t]*(?:(?:this|the)[ \t]+(?:[\w,]+[ \t]+){0,3}?(?:story|article|report|version)[ \t]+|"
    r"(?:reuters|ap|afp|pti|ani|ians|upi|the[ \t]+associated[ \t]+press)[ \t]+)?"
    r"(?P<verb>corrects|clarifies|fixes|amends|updates|adds|recasts|refiles|repeats|writes[ \t]+through|"
    r"rewrites|inserts|removes|deletes|changes|replaces|adds|withdraws|kills|has[ \t]+been[ \t]+(?:corrected|"
    r"updated|refiled|clarified|withdrawn|retracted))\b[^\n]*[\])][ \t.]*",
    re.I,
)
# "(Story withdrawn; no replacement)", "This story has been withdrawn." — the wire's retraction.
_WITHDRAWN = re.compile(
    r"[\[(]?[ \t]*(?:this[ \t]+)?(?:story|article|report|item)[ \t]+(?:is[ \t]+being[ \t]+|has[ \t]+been[ \t]+|was[ \t]+)?"
    r"(?:withdrawn|killed|retracted)\b[^\n]*",
    re.I,
)
_DUE_TO = re.compile(
    r"(?:due[ \t]+to|because[ \t]+of)[ \t]+an?[ \t]+(?:editing|reporting|production)[ \t]+error\b", re.I
)
_DEVELOPING = re.compile(
    r"this[ \t]+is[ \t]+an?[ \t]+(?:developing|breaking)[ \t]+(?:news[ \t]+)?story\b[^\n]*", re.I
)
_CONTINUATION = re.compile(
    r"(?:we[ \t]+regret[ \t]+(?:the|this)[ \t]+error|as[ \t]+published[ \t]+in[ \t]+[^.]{1,60})[ \t]*\.?",
    re.I,
)
_DATE_ONLY = re.compile(rf"{_DATEISH}[ \t.]*", re.I)
_MAX_NOTE_CHARS = 1500  # a paragraph; a longer "line" is running text that happens to start so


def _kind_of(word: str) -> NoteKind:
    w = word.casefold()
    if w.startswith(("retract", "withdr", "unpublish", "taken", "pulled", "kill", "mandatory")):
        return "retraction"
    if w.startswith("clarif"):
        return "clarification"
    if w.startswith(("updat", "add", "recast", "refil", "repeat", "writes", "rewrite", "insert")):
        return "update"
    if w.startswith(("ed", "note", "a note")) and "note" in w:
        return "editor's note"
    return "correction"


def note_kind(line: str) -> NoteKind | None:
    """The kind of note the stripped ``line`` is, or None when it is no note on the report."""
    if not line or len(line) > _MAX_NOTE_CHARS:
        return None
    if (m := _ADVISORY.fullmatch(line)) is not None:
        return _kind_of(m.group("verb").split()[-1] if m.group("verb").startswith("has") else m.group("verb"))
    if (m := _LABELLED.fullmatch(line)) is not None and (m.group("mark") or not m.group("rest")):
        label = m.group("label").casefold()
        rest = m.group("rest")
        if label.startswith("update"):
            # "Update: This story has been updated with …" is about the report; "UPDATE: The
            # Pentagon later said …" is news, and "Updated: July 2, 2025 10:15 IST" a page stamp
            return "update" if rest and _SELF.match(rest) else None
        if not rest and not m.group("mark") and not m.group("date").strip() and " " not in label:
            return None  # a lone word ("Corrections") may be a section of a page's menu
        if rest and note_kind(rest) == "retraction":
            return "retraction"  # "Editor's note: This article has been retracted …"
        return _kind_of(label)
    if (m := _SELF.match(line)) is not None:
        verb = m.group("verb").casefold()
        if m.group("version") is not None:
            return "correction"  # "An earlier version of this article misstated …"
        if verb in {"said", "stated", "reported", "referred", "gave", "included", "contained", "omitted"}:
            return None  # "This report said …" is the report's words
        return _kind_of(verb)
    if _WITHDRAWN.fullmatch(line):
        return "retraction"
    if _DUE_TO.match(line):
        return "correction"
    if _DEVELOPING.fullmatch(line):
        return "update"  # "This is a developing story and will be updated."
    return None


def is_note_heading(line: str) -> bool:
    """True when the stripped ``line`` is a note's label alone, perhaps dated: the note follows it
    ("CORRECTION:", "Correction: October 2, 2016, Sunday.", "Editor's Note:")."""
    m = _LABELLED.fullmatch(line)
    return (
        m is not None
        and (not m.group("rest") or _DATE_ONLY.fullmatch(m.group("rest")) is not None)
        and not m.group("label").casefold().startswith("update")
        and note_kind(line) is not None
    )


def is_note_continuation(line: str) -> bool:
    """True for a line that only closes or frames a note: "We regret the error.", "As published
    in the International New York Times."."""
    return _CONTINUATION.fullmatch(line) is not None
