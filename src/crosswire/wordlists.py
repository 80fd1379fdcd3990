"""Word lists shared by stages that compare texts (cluster, align), and the few text
patterns two stages must read alike (an embedded post's credit: extract and align; a press release's masthead: ingest and clean).

Input → output: nothing; constants only. Each stage adds its own few words on top
(reporting verbs for claims, calendar words for story identity).
"""

from __future__ import annotations

__all__ = [
    "CALENDAR_ABBREVIATIONS",
    "CALENDAR_NAMES",
    "ENGLISH_STOP_WORDS",
    "POST_CREDIT",
    "RELEASE_MASTHEAD",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
]

#: English function words that carry neither a claim nor a story's identity.
ENGLISH_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "said",
        "same",
        "say",
        "says",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "told",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)

#: Weekday names, lower case.
WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

#: Weekday and month names, lower case: capitalised words that date a text, not name anything in it.
CALENDAR_NAMES = WEEKDAY_NAMES | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
}  # fmt: skip

#: Their usual short forms ("Sept.", "Jan").
CALENDAR_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)

#: Weekdays' short forms ("Tue", "Thurs."), as page stamps write them.
WEEKDAY_ABBREVIATIONS = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})

#: The credit an embedded post keeps when a page is scraped (the embed's fallback text, as the
#: platform writes it): a dash, the author's name, the handle in parentheses, and the date —
#: "— Sahil Kapur (@sahilkapur) September 1, 2016". Groups ``name`` and ``handle``; callers
#: anchor its end.
POST_CREDIT = (
    r"[ \t]*(?:—|–|--|-)[ \t]*(?P<name>[^\W\d_][^()\n—–]{0,60}?)[ \t]*(?P<handle>\(@\w{1,15}\))"
    r"(?:[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]*\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}[ \t]+\d{4}))?"
)

#: The lines a press release carries above its headline, each on its own: "FOR IMMEDIATE
#: RELEASE", "NEWS RELEASE", "EMBARGOED UNTIL 00:01 BST", "Media contact: Jane Roe, +1 703 …".
#: Ingest looks past them for the headline; clean removes them as furniture. Fullmatch a
#: stripped line.
RELEASE_MASTHEAD = (
    r"(?i:(?:for[ \t]+)?immediate[ \t]+release\b.{0,60}|(?:press|news|media)[ \t]+release(?:[ \t]*[:\-–—|].{0,60})?|"
    r"media[ \t]+advisory\b.{0,60}|embargoed[ \t]+(?:until|till|for|to)\b.{0,80}|"
    r"(?:(?:media|press|investor|news)[ \t]+)?(?:contacts?|enquiries|inquiries)[ \t]*:.{0,200})"
)
