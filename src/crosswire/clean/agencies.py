"""News agencies: the names a credit line or a dateline may give, and their normal form.

Input → output: a name as written ("Press Trust of India", "PTI", "(Reuters)") → the
normalised agency name ("PTI", "Reuters"), and the regular expression that finds one.
Acronyms match case-sensitively (``AP`` must not match "ap" in a word); full names match
in any case.
"""

from __future__ import annotations

import re

__all__ = ["AGENCY", "AGENCY_LIST", "GENERIC_AGENCIES", "agency_name", "agency_names"]

#: normal form → spellings; acronyms (all caps, or "dpa") are matched case-sensitively.
_AGENCIES: dict[str, tuple[str, ...]] = {
    "PTI": ("PTI", "Press Trust of India"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "ANI": ("ANI", "Asian News International"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "UNI": ("UNI", "United News of India"),
    "Bloomberg": ("Bloomberg",),
    "UPI": ("UPI", "United Press International"),
    "Xinhua": ("Xinhua",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "TASS": ("TASS",),
    "Interfax": ("Interfax",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "AAP": ("AAP", "Australian Associated Press"),
    "PA Media": ("PA Media",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "CNA": ("CNA",),
    "Dow Jones": ("Dow Jones", "Dow Jones Newswires"),
}
#: Credit words that name no particular agency: the line is a credit line, but ``credit`` stays None.
GENERIC_AGENCIES = ("agencies", "agency", "wires", "wire services", "news agencies")


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.strip().strip("()[]").strip()).lower()


_LOOKUP = {_key(spelling): name for name, spellings in _AGENCIES.items() for spelling in spellings}


def _alternation() -> str:
    spellings = sorted((s for ss in _AGENCIES.values() for s in ss), key=len, reverse=True)
    parts = []
    for s in spellings:
        body = re.escape(s).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]")
        acronym = s.isupper() or s == "dpa"
        parts.append(body if acronym else f"(?i:{body})")
    generic = "|".join(re.escape(g).replace(r"\ ", r"\s+") for g in GENERIC_AGENCIES)
    return rf"(?:{'|'.join(parts)}|(?i:{generic}))"


#: One agency name (or a generic "agencies"), on word boundaries.
AGENCY = rf"(?<![\w-]){_alternation()}(?![\w-])"
#: One or more agencies: "PTI", "Reuters and AFP", "PTI, ANI & IANS".
AGENCY_LIST = rf"{AGENCY}(?:\s*(?:,|&|\band\b|/)\s*{AGENCY})*"
_ONE = re.compile(AGENCY)


def agency_name(text: str) -> str | None:
    """The normal form of the agency ``text`` names (``"press trust of india"`` → ``"PTI"``), or None."""
    return _LOOKUP.get(_key(text))


def agency_names(text: str) -> list[str]:
    """Every named agency in ``text``, in order, normalised, without repeats; generic words skipped."""
    out: list[str] = []
    for m in _ONE.finditer(text):
        name = agency_name(m.group(0))
        if name and name not in out:
            out.append(name)
    return out
