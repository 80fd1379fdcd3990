"""Lexical features of a piece of text: content words, numbers, overlap.

Input → output: a string (or a spaCy span) → normalised content words, numbers with
their units, Jaccard overlap. Used by claim alignment, conflicts, quote
grouping and the brief's redundancy check, so they all agree on what "the same words" means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from crosswire.wordlists import ENGLISH_STOP_WORDS

__all__ = [
    "CONTEXTUAL_START",
    "NUMBER_WORDS",
    "NUMERAL",
    "SPEAKER_PRONOUNS",
    "STOPWORDS",
    "content_word_positions",
    "content_words",
    "jaccard",
    "normalize_quotes",
    "numbers_with_units",
    "numeral_value",
    "quote_balance",
    "stem",
]

# A compact English stop list: function words and reporting filler that carry no claim.
STOPWORDS = ENGLISH_STOP_WORDS | {
    "added",
    "already",
    "cannot",
    "he's",
    "it's",
    "s",
    "she's",
    "stated",
    "t",
    "that's",
    "there's",
    "they're",
    "us",
    "we're",
    "would'nt",
}  # reporting verbs and contractions: not claims

# A speaker named only by a pronoun: it says who spoke only inside its own sentence.
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
}

# A sentence that leans on what came before: "The two leaders also discussed ...",
# "Besides Hegseth, ...". Such a sentence reads badly as a fact's wording or a summary line.
CONTEXTUAL_START = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(also|too|further|however|meanwhile|besides|additionally|moreover|echoing"
    # a time told relative to the sentence before ("The day before, at a rally …")
    r"|(?:day|night|morning|week|month|year) (?:before|after|earlier|later)|(?:next|following|previous|same) "
    r"(?:day|night|morning|week|month|year)|(?:earlier|later) that)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
# A numeral as written: "2,000", "6.2", and fractions read whole ("4 1/2", "4½", "1/2"), so the
# "2" of "4 1/2 months" is never a count of its own; a number in a date or ratio ("7/1/2025",
# "24/7") is no numeral at all. Used with a lookbehind that keeps it off "x2" and ".5".
NUMERAL = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+[1-9]/[1-9]\d?|\s?[½¼¾])?|[1-9]/[1-9]\d?)(?![\d/])"
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# Not a number of its own: a model's ("AK-47", "F-16") or the decimal part of a figure a
# tokenizer cut at its point ("magnitude-6. 0").
_NUMBER = re.compile(
    r"(?<![\w.,/])(?<![A-Z]-)(?<!\d\.\s)("
    + NUMERAL
    + r")(?:\s*(million|billion|thousand|hundred|bn|%|per ?cent))?"
    r"(?:[\s-]+([A-Za-z]+))?"
)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
#: A death toll's figure comes after the toll and its verb, within the clause: "the death toll
#: from Tuesday's earthquake rose to 24", "a death toll of at least 29", "the death toll now stands
#: at 30" (a bare "toll" may be a road's).
TOLL_BEFORE = re.compile(
    r"\b(?:death|casualty|fatality)[ -]tolls?\b[^.;:!?\"()]{0,90}?"
    r"\b(?:to|at|of|reached|hit|passed|topped|exceeded|is|was)[ \t]+"
    r"(?:(?:at least|more than|over|about|around|nearly|almost|some|an estimated)[ \t]+)?\Z"
)
_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "′": "'", "–": "-", "—": "-"}
)


def quote_balance(text: str) -> int:
    """+1 when ``text`` opens a quotation it does not close, -1 when it closes one it did not open."""
    curly = text.count("“") - text.count("”")
    if curly:
        return 1 if curly > 0 else -1
    straight = text.count('"') % 2
    if not straight:
        return 0
    # one straight mark: opening when it starts a word, closing when it ends one — or when it
    # stands alone after a clause's punctuation ('their homes, " a spokesman said', as text
    # rejoined from tokens spaces it)
    i = text.index('"')
    spaced_close = (
        i >= 2 and text[i - 1] == " " and text[i - 2] in ",.!?" and text[i + 1 : i + 2] in ("", " ")
    )
    return 1 if i + 1 < len(text) and (i == 0 or text[i - 1].isspace()) and not spaced_close else -1


def normalize_quotes(text: str) -> str:
    """Typographic quotes and dashes → ASCII (same length), for matching only, never for display."""
    return text.translate(_QUOTES)


def stem(word: str) -> str:
    """A light suffix stripper: enough to match "sales"/"sale", "signed"/"sign", "defence"/"defense"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    # British/American spelling: defence/defense, realise/realize, honour/honor.
    w = re.sub(r"ence$", "ense", w)
    w = re.sub(r"is(e|ed|es|ing|ation)$", r"iz\1", w)
    w = re.sub(r"our$", "or", w)
    # derived forms name the same thing: "awareness"/"aware", "regional"/"region"
    w = re.sub(r"(?<=\w{4})ness$", "", w)
    w = re.sub(r"(?<=\w{3})ional$", "ion", w)
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]  # "sale"/"sales", "signe(d)": one stem
    return w


def content_words(text: str | Any) -> frozenset[str]:
    """Stemmed content words of ``text``; a spaCy span/doc is read through its lemmas."""
    if not isinstance(text, str):
        out = set()
        for tok in text:
            if tok.is_alpha and not tok.is_stop and tok.lower_ not in STOPWORDS:
                out.add(stem(tok.lemma_ or tok.text))
            elif tok.like_num:
                out.add(tok.text.lower())
        return frozenset(out)
    return frozenset(w for _, w in content_word_positions(text, 0, len(text)))


def content_word_positions(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset in ``text``, stem) of each content word of ``text[start:end]``: the words
    :func:`content_words` reads, where they stand (typographic quotes count as ASCII ones)."""
    plain = normalize_quotes(text[start:end])  # same length: offsets carry over
    return [
        (start + m.start(), stem(w))
        for m in _WORD.finditer(plain)
        if ((w := m.group(0)).lower() not in STOPWORDS and len(w) > 1) or w.isdigit()
    ]


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def numeral_value(raw: str) -> float:
    """The value of a ``NUMERAL`` match: "2,000" → 2000, "4 1/2" → 4.5, "4½" → 4.5."""
    raw = raw.replace(",", "")
    if raw[-1] in _FRACTIONS:
        return float(raw[:-1].strip() or 0) + _FRACTIONS[raw[-1]]
    if "/" in raw:
        whole, _, part = raw.rpartition(" ")  # "4 1/2" → "4", "1/2"; "1/2" → "", "1/2"
        num, den = part.split("/")
        return float(whole or 0) + int(num) / int(den)
    return float(raw)


def numbers_with_units(text: str) -> list[tuple[float, str]]:
    """Numbers in ``text`` with the word that follows (their unit): "10-year" → (10, "year").

    Years ("2025") and day-of-month numbers are left to the date slot, so "July 1" is not a number
    that can conflict with "1 million".
    """
    out: list[tuple[float, str]] = []
    norm = normalize_quotes(text)
    for m in _NUMBER.finditer(norm):
        raw, scale, unit = m.group(1), m.group(2), m.group(3) or ""
        if _YEAR.match(raw) and not scale:
            continue
        before = norm[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", before):
            continue  # "July 1"
        if unit.lower() in {"jan", "january", "feb", "february", "march", "april", "may", "june", "july"} | {
            "august",
            "september",
            "october",
            "november",
            "december",
        }:
            continue  # "1 July"
        value = numeral_value(raw)
        if scale and scale.lower() in _SCALES:
            value *= _SCALES[scale.lower()]
        elif scale:
            unit = "percent"
        elif TOLL_BEFORE.search(norm, max(0, m.start() - 120), m.start()):
            unit = "people"  # "the death toll … rose to 24": 24 dead
        out.append((value, stem(unit) if unit else ""))
    for m in re.finditer(r"\b(" + "|".join(NUMBER_WORDS) + r")\b[\s-]+([A-Za-z]+)", norm, re.IGNORECASE):
        word, unit = m.group(1).lower(), m.group(2).lower()
        if word == "one" and unit in {"of", "another", "the"}:
            continue  # "one of the most ..." is not a count
        if unit in NUMBER_WORDS or unit in STOPWORDS:
            continue
        if word in _SCALES and re.search(r"\d\s*$", norm[: m.start()]):
            continue  # "2 million": already read with its digits
        out.append((float(NUMBER_WORDS[word]), stem(unit)))
    return out
