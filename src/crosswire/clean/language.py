"""Which language a text is written in: a function-word vote, enough to keep other languages
away from crosswire's English models.

Input → output: a document's clean text (and the language its metadata declares) → an ISO
639-1 code ("en", "fr", …), or None when the text is too short or too unlike any listed
language to tell (such a text is kept: a box score or a list of names is not a foreign text).

Why a vote and not a model: the English spaCy pipeline turns a French article into nonsense
entities and facts without any error, so the clean stage must catch it; the languages a news
stream mixes with English are told apart by their commonest words, which every text uses,
and no dependency or model download is needed for that.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["LANGUAGE_NAMES", "declared_language", "guess_language"]

# The commonest function words of each language, left out where another listed language
# uses the same word as often ("de", "la", "en" are shared and count for each that has them).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "is",
            "that",
            "for",
            "on",
            "with",
            "was",
            "as",
            "by",
            "it",
            "be",
            "are",
            "at",
            "from",
            "has",
            "have",
            "his",
            "her",
            "this",
            "said",
            "which",
            "an",
            "were",
            "not",
            "but",
            "they",
            "he",
            "she",
            "will",
            "would",
            "had",
            "been",
            "their",
            "who",
            "its",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "un",
            "une",
            "et",
            "est",
            "que",
            "qui",
            "dans",
            "pour",
            "pas",
            "sur",
            "au",
            "aux",
            "avec",
            "ce",
            "cette",
            "il",
            "elle",
            "ont",
            "sont",
            "été",
            "par",
            "plus",
            "ne",
            "se",
            "son",
            "sa",
            "ses",
            "leur",
            "nous",
            "vous",
            "a",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "del",
            "de",
            "un",
            "una",
            "y",
            "es",
            "que",
            "en",
            "por",
            "para",
            "con",
            "no",
            "se",
            "su",
            "sus",
            "al",
            "lo",
            "como",
            "más",
            "pero",
            "fue",
            "ha",
            "han",
            "este",
            "esta",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "einen",
            "mit",
            "von",
            "zu",
            "auf",
            "für",
            "sich",
            "im",
            "auch",
            "es",
            "sie",
            "er",
            "wir",
            "wurde",
            "werden",
            "hat",
            "sind",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "gli",
            "le",
            "di",
            "del",
            "della",
            "che",
            "e",
            "è",
            "un",
            "una",
            "per",
            "non",
            "con",
            "si",
            "sono",
            "ha",
            "anche",
            "da",
            "nel",
            "alla",
            "al",
            "dei",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "as",
            "do",
            "da",
            "dos",
            "das",
            "de",
            "um",
            "uma",
            "e",
            "é",
            "que",
            "em",
            "para",
            "com",
            "não",
            "se",
            "por",
            "mais",
            "foi",
            "na",
            "no",
            "ao",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "dat",
            "niet",
            "op",
            "te",
            "zijn",
            "met",
            "voor",
            "die",
            "er",
            "aan",
            "ook",
            "als",
            "bij",
            "door",
            "maar",
        ]
    ),
}
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}
_PUNCT = ".,;:!?\"'()[]{}“”‘’«»-—–…*"
_DECLARED = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)


# ISO 639-2 codes of the listed languages, as some feeds give them
_THREE_LETTER = {
    "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "deu": "de", "ger": "de",
    "ita": "it", "por": "pt", "nld": "nl", "dut": "nl",
}  # fmt: skip


def declared_language(declared: str | None) -> str | None:
    """The ISO 639-1 code of a declared language tag ("fr", "en-GB", "eng"), else None."""
    m = _DECLARED.match(declared.strip()) if declared else None
    if m is None:
        return None
    code = m.group(1).lower()
    return code if len(code) == 2 else _THREE_LETTER.get(code)


def guess_language(
    text: str,
    *,
    declared: str | None = None,
    min_words: int = 30,
    max_words: int = 400,
    min_share: float = 0.12,
) -> str | None:
    """The language of ``text``: its declared language when that is a language tag ("fr",
    "en-GB"), else the listed language whose function words make the largest share of its
    first ``max_words`` words — when that share is at least ``min_share`` and, for a language
    other than English, at least twice English's. None when it cannot tell."""
    if (code := declared_language(declared)) is not None:
        return code
    # str.split and strip, not a regex: this runs on every document of a run
    words = [w for w in (t.strip(_PUNCT) for t in text[: max_words * 12].lower().split()[:max_words]) if w]
    if len(words) < min_words:
        return None
    counts = Counter(words)
    hits = {lang: sum(counts[w] for w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    if hits[best] < min_share * len(words):
        return None
    if best != "en" and hits[best] < 2 * hits["en"]:
        return "en"  # English with foreign names or a quoted phrase
    return best
