"""Boilerplate lines: page furniture a scraper kept between or after paragraphs.

Input → output: one stripped line → whether it is boilerplate (share and follow prompts,
newsletter and subscription prompts, "Also read" / "Read more" / "Click here" links,
"Advertisement" markers, copyright notices) — and separately whether it is a *teaser*
("Read more", "(more)", "Continue reading"), which at the end of a text means the
article was cut short.

Also the end mark of a press release ("###", "-30-", "ENDS") and the headings of its closing
sections ("About <issuer>", "Forward-Looking Statements"), after which nothing is the report.

Only whole lines that are nothing but the prompt are matched, and only short ones
(at most 30 words), so a sentence that merely mentions a newsletter is kept.

Also: a headline → the headline without the wire desk's slug ("UPDATE 2-Quake kills 12" →
"Quake kills 12"; "REFILE-EXCLUSIVE-…").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.wordlists import RELEASE_MASTHEAD

__all__ = [
    "is_boilerplate",
    "is_end_mark",
    "is_issuer_section",
    "is_teaser",
    "issuer_named",
    "trailing_teaser",
    "without_wire_slug",
]

_MAX_WORDS = 30
_MAX_CHARS = 300
_SOCIAL = r"(?:facebook(?: messenger)?|messenger|twitter|x|whatsapp|linkedin|telegram|instagram|youtube|threads|reddit|pinterest|sms|email|e-mail|google news|koo)"
_AGE = r"(?:an?|\d+) (?:years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)"
_PATTERNS = [
    r"advertisement|advertising|ad|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)",
    r"story continues (?:below|after)(?: (?:this |the )?(?:ad|advertisement))?|continue reading(?: below| the (?:main )?story)?",
    r"(?:also )?read (?:more|also|next)(?: ?[:|\-–—>»].*| (?:at|on) \S+| here)?|also read\b.*|read\s*[:|].*|"
    r"also (?:watch|see|check)\b.*|must (?:read|watch)\b.*",
    # Page metadata labels: "Published By: …", "Edited By: …", "Last Updated: Jul 2, 2025 10:15 IST".
    r"(?:published|edited|written|curated|reported) by\s*:.{0,80}|(?:last )?updated\s*:.{0,60}|published on\s*:.{0,60}|"
    r"(?:posted|published)\s*:.{0,60}",
    r"(?:see also|related(?: (?:stories|articles|news|coverage|links|reading))?|recommended(?: for you| stories)?|"
    r"trending(?: now| stories)?|more from \w+|top stories|latest news|don'?t miss)\s*[:|\-–—>»]?.*",
    r"click here\b.*|tap here\b.*|(?:watch|listen)(?: the)?(?: video| podcast| live)?\s*[:|\-–—].*",
    # Lead-ins to an embed (video, tweet, podcast player, sign-up form) the scraper dropped.
    r"(?:watch|listen|see|view|read|subscribe|sign up|enter|check out)\b.{0,120}\b(?:below|here|above|embedded)\s*[:.]?|"
    r"(?:also on|more on|more from) [\w .&'’-]{1,40}:|enter your e-?mail(?: address)?(?: here)?\s*:?",
    rf"follow (?:us|the \w+|[\w.]+)(?: on {_SOCIAL}(?:(?:,| and| &| or) {_SOCIAL})*| for (?:more|the latest)\b.*)?\.?",
    rf"(?:for (?:the latest|more)\b.*,? )?(?:follow|join|like) us on {_SOCIAL}\b.*",
    rf"share(?: this| the)?(?: article| story| post| page| link)?(?: (?:on|via|with) {_SOCIAL}(?:(?:,| and| &| or)? {_SOCIAL})*)?[:.]?",
    rf"{_SOCIAL}(?:\s*[|/,·•]\s*{_SOCIAL})*|print|copy link|comments?|\d+ comments?|save|bookmark|listen to (?:this )?(?:article|story)",
    r"subscribe(?: now| today| here| for free)?(?: to (?:our|the) .*)?[.!]?|.*\bsign up (?:for|to) (?:our|the) .*newsletter.*|"
    r"(?:get|receive) (?:our|the) .*newsletters?\b.*|(?:daily |weekly |free )?newsletters?\s*[:|\-–—].*|"
    r".*\bnewsletter\b.*\b(?:inbox|sign up|subscribe)\b.*",
    r"(?:©|\(c\)|copyright\b).*|all rights reserved\.?|.*\ball rights reserved\.?",
    # A relative time stamp: "Posted 1 year, 160 days ago", "Updated 3 hrs ago".
    rf"(?:(?:posted|published|updated|added)\s+)?(?:about |over )?{_AGE}(?:,?\s+(?:and\s+)?{_AGE})*\s+ago\b(?:\s*[\[(|·•].{{0,60}})?",
    # Picture and video furniture: "Image copyright Reuters", "Media caption Lorenzo Nunez says …",
    # "Media playback is unsupported on your device", "Photo: AP".
    r"(?:image|media|video|photo|picture) (?:copyright|caption|source)\b.*|"
    # a BBC page's player and its caption, run together on one line by the scraper
    r"media playback is (?:unsupported|not supported) on your device\.?(?:\s+media caption\b.*)?|"
    r"(?:photo|photograph|image|picture|video)s?(?: credit)?\s*:\s*.{0,60}|getty images|"
    r"(?:photo|photograph|image|picture)s? (?:by|courtesy of) .{1,60}",
    # page furniture of news sites: "Supported by", "Most viewed", "Reuse this content", "5 min read"
    r"supported by|explore more on these topics|reuse this content|most (?:viewed|read|popular|shared)|"
    r"\d{1,2} min(?:ute)?s? read|click to (?:share|email|print)\b.*|sign up (?:for|to)\b.{0,80}\bnewsletter\b.*",
    # the footer WordPress adds to every item of a feed: "The post <title> appeared first on <site>."
    r"the post .{1,240} appeared first on [^.,;:!?]{1,60}\.?|"
    r"download (?:the|our) .*\bapp\b.*|get (?:the|our) .*\bapp\b.*|"
    rf"(?:join|subscribe to) (?:us|our [\w ]+) (?:on|at) {_SOCIAL}.*",
    # the footer of a mailing (a press office's, a newsletter's): "You are subscribed to … releases.
    # Manage your subscription: …", "Unsubscribe", "View this email in your browser"
    r"you(?:'re| are) receiving this\b.*|you (?:are|were) (?:subscribed|signed up) (?:to|for)\b.*|"
    r"(?:to )?unsubscribe\b.*|"
    r"(?:manage|update|change) your (?:subscriptions?|(?:e-?mail )?preferences)\b.*|"
    r"this (?:e-?mail|message|newsletter) was sent to\b.*|"
    r"view (?:this|it) (?:e-?mail )?in (?:your|a) (?:web )?browser\b.*|"
    r"(?:having )?trouble viewing this (?:e-?mail|message)\b.*",
    # a press release's masthead and contact lines, and PR Newswire's closing "SOURCE <issuer>"
    RELEASE_MASTHEAD,
    r"(?-i:SOURCE[ \t]+[A-Z]).{0,80}",
]
_BOILERPLATE = re.compile(rf"(?i)[\[(•·|>»\-–—*\s]*(?:{'|'.join(_PATTERNS)})[\])\s]*")
_TEASER = re.compile(
    r"(?i)[\[(\s]*(?:read (?:more|the (?:full|rest of the) (?:story|article|report)|the rest|it all)"
    r"(?: (?:here|at [\w.]+|on [\w.]+))?|continue reading|more|continued|full story|\.\.\.|…)[\])\s.:>»→…]*"
)

# Only after a finished sentence: "Students will continue reading." is not a teaser. A feed's
# excerpt ends in "[…]" wherever it was cut ("… the civil protection agency […]").
_TRAILING_TEASER = re.compile(
    r"(?:(?<=[.!?”\"’…)\]])[ \t]+(?:\((?i:more|continued)\)|(?i:read more|read the full (?:story|article)|continue reading)"
    r"[ \t]*[\])>»→…:.]*)|[ \t]+\[(?:…|\.\.\.)\])[ \t]*\Z"
)


# A caption with its credit, as the Guardian prints it: "Rescuers in Onna. Photograph: A. Bianchi/Reuters".
_CAPTION_CREDIT = re.compile(
    r".{0,240}?\b(?:Photograph|Composite|Illustration)\s*:\s*[A-Z][\w .,'’/&-]{0,80}"
)


def is_boilerplate(line: str) -> bool:
    """True when the stripped ``line`` is nothing but page furniture."""
    if len(line) > _MAX_CHARS or len(line.split()) > _MAX_WORDS:
        return False  # a paragraph: skip the long regex
    if ("Photograph" in line or "Composite" in line or "Illustration" in line) and _CAPTION_CREDIT.fullmatch(
        line
    ):
        return True
    return _BOILERPLATE.fullmatch(line) is not None


# The mark a press release (and wire copy) ends with: "###", "# # #", "-30-", "- ENDS -". What follows
# it is the issuer's "About …" paragraph, media contacts and a mailing's footer, not the report.
_END_MARK = re.compile(
    r"[\[(\s]*(?:#[ \t]?#[ \t]?#(?:[ \t]?#)*|[-–—]*[ \t]*(?:30|ends?|end of (?:release|text))[ \t]*[-–—]*)[\])\s]*",
    re.I,
)


def is_end_mark(line: str) -> bool:
    """True when the stripped ``line`` is only the end mark of a release ("###", "-30-", "ENDS")."""
    return len(line) <= 24 and _END_MARK.fullmatch(line) is not None and not line.strip().isdigit()


# The sections a press release closes with, after its report: the issuer's own description
# ("About Aerodyne Systems" above "Aerodyne Systems Inc. is a leading supplier …") and the legal
# notice ("Forward-Looking Statements", "Safe Harbor Statement").
_ABOUT = re.compile(r"About[ \t]+(?P<name>[A-Z][\w.&'’-]*(?:,?[ \t]+[\w.&'’-]+){0,6})[ \t]*:?")
_LEGAL = re.compile(
    r"(?i:(?:cautionary[ \t]+(?:note|statement)s?[ \t]+(?:regarding|about|on|concerning)[ \t]+)?"
    r"forward[- ]looking[ \t]+(?:statements?|information)|safe[ \t]+harbou?r(?:[ \t]+statement)?)[ \t]*:?"
)


def is_issuer_section(line: str, following: str) -> bool:
    """True when the stripped ``line`` heads a press release's closing section: "About <X>" with
    ``following`` (the next line) opening with X's first word, or a forward-looking-statements
    or safe-harbor heading."""
    if len(line) > 100:
        return False  # a paragraph, not a heading
    if _LEGAL.fullmatch(line):
        return True
    about = _ABOUT.fullmatch(line)
    if about is None:
        return False
    below = following.split(maxsplit=1)
    return bool(below) and below[0].strip("“\"'‘’,").casefold() == about.group("name").split()[0].casefold()


_SOURCE_LINE = re.compile(r"SOURCE[ \t]+(?P<name>[A-Z][^\n]{0,79}?)[ \t]*")


def issuer_named(lines: Sequence[str]) -> str | None:
    """Who issued a release, from the closing ``lines``: PR Newswire's "SOURCE Aerodyne Systems
    Inc.", else its one "About Aerodyne Systems" heading; None when no line names one, or when
    two "About" sections do (a joint release, or a buyer's announcing the company it buys)."""
    for line in lines:
        if (m := _SOURCE_LINE.fullmatch(line)) is not None:
            return m.group("name").strip()
    about = {m.group("name").strip() for line in lines if (m := _ABOUT.fullmatch(line)) is not None}
    return about.pop() if len(about) == 1 else None


def trailing_teaser(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` of a "… Read more" / "(more)" / "Continue reading" / an excerpt's "[…]"
    closing the line, or None."""
    m = _TRAILING_TEASER.search(text, max(start, end - 80), end)
    return (m.start(), m.end()) if m and m.start() > start else None


def is_teaser(line: str) -> bool:
    """True for a "Read more" / "(more)" / "Continue reading" line that cuts an article short."""
    return len(line) <= 80 and _TEASER.fullmatch(line) is not None


# A wire desk's label before a headline, in capitals and joined by a hyphen: "UPDATE 2-", "WRAPUP 1-",
# "REFILE-", "CORRECTED-", "EXCLUSIVE-", "FACTBOX-", chained as in "REFILE-UPDATE 3-".
_WIRE_SLUG = re.compile(
    r"^(?:(?:(?:UPDATE|WRAPUP)(?: \d{1,2})?|REFILE|RPT|CORRECTED(?: \([A-Z ]+\))?|EXCLUSIVE|FACTBOX|"
    r"ANALYSIS|INSIGHT|SPECIAL REPORT|BREAKINGVIEWS|BRIEF|TIMELINE|PREVIEW|GRAPHIC|FOCUS|COLUMN|"
    r"INTERVIEW)[ \t]*-[ \t]*)+(?=\S)"
)


def without_wire_slug(title: str | None) -> str | None:
    """``title`` without a wire desk's leading slug ("UPDATE 2-Quake kills 12" → "Quake kills 12")."""
    if not title:
        return title
    return _WIRE_SLUG.sub("", title, count=1) or title
