"""Small word lists of general knowledge used by annotate's clean-up rules and by extract's resolver.

Input → output: nothing; constants, and two look-ups on them (:func:`country_for`,
:func:`is_a_name`).

They are deliberately short and generic (titles, ranks, weapon nouns): enough to fix the
systematic mistakes of a small statistical NER model, nothing specific to any one story. The
one long list, every country's names and demonyms, is data (``data/countries.tsv``), read by
:mod:`crosswire.places` and re-exported here.
"""

from __future__ import annotations

import re

from crosswire.places import COUNTRY_ALIASES, DEMONYMS, US_STATE_ABBREVIATIONS, US_STATES, country_for
from crosswire.wordlists import ENGLISH_STOP_WORDS

__all__ = [
    "BODY_NOUNS",
    "COUNTRY_ALIASES",
    "DEMONYMS",
    "EVENT_NOUNS",
    "FUNCTION_WORDS",
    "GEO_HEADS",
    "HONORIFICS",
    "NAME_SUFFIXES",
    "NEVER_FINAL_ABBREVIATIONS",
    "PLATFORMS",
    "POSTING_VERBS",
    "PRODUCT_NOUNS",
    "SPLIT_ABBREVIATIONS",
    "TITLE_HEADS",
    "US_STATES",
    "US_STATE_ABBREVIATIONS",
    "country_for",
    "is_a_name",
]


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (keeps the long lists readable)."""
    return frozenset(text.split())


#: Head words of job titles ("External Affairs *Minister*", "Defense *Secretary*"), lower-case.
#: A capitalised phrase ending in (or headed by) one of these before a name is a role, not an ORG.
TITLE_HEADS: frozenset[str] = _words(
    """
    minister ministers secretary secretaries president presidents vice-president premier chancellor
    spokesman spokeswoman spokesperson spokespeople ambassador ambassadors envoy envoys governor
    senator senators congressman congresswoman representative chairman chairwoman chairperson chair
    director commissioner chief commander admiral general mayor king queen prince princess emperor
    pope ceo cfo coo adviser advisor advisers advisors counsellor counselor attorney-general
    judge justice speaker leader deputy undersecretary under-secretary official officials officer
    head sheikh emir sultan ayatollah president-elect prosecutor lawmaker diplomat foreign-minister
    sheriff undersheriff lieutenant sergeant detective inspector superintendent trooper constable
    marshal coroner
    """
)

#: Honorifics and ranks written before a name; never a name part, never the end of a sentence.
HONORIFICS: frozenset[str] = _words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady col colonel gen lt maj major capt captain cmdr
    cdr adm sgt cpl pvt rev fr sen rep gov hon amb brig det insp supt atty sens reps govs
    """
)

#: Abbreviations spaCy's English tokenizer splits from their period ("Lt." → "Lt" + "."), which
#: leaves a lone "." that the parser takes for a sentence end ("Troy police Lt." | "Gerry
#: Scherlinck said."). Kept whole as special cases, as the tokenizer already keeps "Mr." and "Gen.".
SPLIT_ABBREVIATIONS: tuple[str, ...] = (
    "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Cdr.", "Sgt.", "Cpl.", "Pvt.",
    "Det.", "Insp.", "Supt.", "Atty.", "Amb.", "Brig.", "Hon.", "Ft.", "Sr.",
    "Sens.", "Reps.", "Govs.",  # plural, AP style: "with Sens. Ted Cruz (R-Texas), Marco Rubio …"
)  # fmt: skip

#: Abbreviations followed by a period that (practically) never end a sentence.
NEVER_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    f"{h}."
    for h in HONORIFICS
    | {"st", "mt", "ft", "no", "nos", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec"}
)

#: Suffixes that belong to a person's name: "Donald Trump Jr." is not "Donald Trump".
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: Nouns that make the name before them a product (weapons, aircraft, vessels).
PRODUCT_NOUNS: frozenset[str] = _words(
    """
    aircraft airliner airliners plane planes jet jets fighter fighters bomber bombers helicopter
    helicopters chopper choppers gunship gunships drone drones missile missiles rocket rockets
    howitzer howitzers tank tanks submarine submarines frigate frigates destroyer destroyers warship
    warships carrier carriers launcher launchers interceptor interceptors rifle rifles torpedo torpedoes
    """
)

#: Last words that make a named span a location: "Indo-Pacific region", "South China Sea".
GEO_HEADS: frozenset[str] = _words(
    "region ocean sea peninsula gulf strait straits basin mountains river valley desert coast"
)

#: Social platforms one "posts on"; "X" in particular is tagged ORG, PERSON or nothing by small models.
PLATFORMS: frozenset[str] = frozenset(
    {
        "X",
        "Twitter",
        "Facebook",
        "Instagram",
        "Telegram",
        "Threads",
        "Bluesky",
        "TikTok",
        "YouTube",
        "LinkedIn",
        "Weibo",
        "WeChat",
        "Truth Social",
        "Mastodon",
    }
)

#: Verbs that introduce a platform: "posted on X", "wrote on Telegram".
POSTING_VERBS: frozenset[str] = _words(
    "post posts posted posting wrote write writes writing tweet tweets tweeted said says shared shares "
    "announced announces added adds"
)

#: Heads of phrases that name a body or a text, never one person: "the Clinton campaign", "the
#: network", "the statement". They can be "it" or "they", never "he" or "she".
BODY_NOUNS: frozenset[str] = _words(
    """
    campaign company firm network agency ministry department office government administration
    committee commission council board union party court team group organization organisation
    newspaper paper magazine channel station website site blog statement release report readout
    announcement communique bulletin article story post tweet video poll survey study
    """
)

#: Things that happen or are held, never "he" or "she" ("as the committee meeting began, vowing …").
EVENT_NOUNS: frozenset[str] = _words(
    """
    meeting hearing session conference summit rally event debate vote election primary caucus
    convention ceremony trial speech interview email letter memo decision ruling verdict bill law
    plan deal agreement process platform program programme policy proposal
    """
)

#: Sentence-initial or connecting words that are capitalised but never part of a title.
FUNCTION_WORDS: frozenset[str] = _words(
    """
    a an the and or but also then meanwhile however later earlier yesterday today tomorrow on in at
    after before during when while as with by from to of for said says besides including like
    according both his her their its our my your this that these those former outgoing new
    now currently still once
    """
)


def is_a_name(text: str) -> bool:
    """True when every word of ``text`` but function words is capitalised: "The Hunger Games",
    "Great Satan" — a title or name in quotation marks, which many reports mention without
    quoting each other."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.casefold() not in ENGLISH_STOP_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)
