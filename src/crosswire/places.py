"""Places as general knowledge: every country's names and demonyms, and the US states.

Input → output: nothing; tables read once from ``data/countries.tsv``, and :func:`country_for`
("U.S." → "United States"). Shared by the clean stage (datelines), annotate's clean-up rules and
extract's resolver, so no stage imports another for them.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["COUNTRY_ALIASES", "DEMONYMS", "US_STATES", "US_STATE_ABBREVIATIONS", "country_for"]

# Every country's names and demonyms, general knowledge kept as data (``data/countries.tsv``).
_COUNTRY_FILE = Path(__file__).resolve().parent / "data" / "countries.tsv"


def _read_countries(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(normalised spelling → country, demonym → country) from the tab-separated country table."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, others, people = [*line.split("\t"), "", ""][:3]
        spellings = [] if others == "-" else [country.lower()]
        spellings += [o for o in others.split("|") if o and o != "-"]
        names.update(dict.fromkeys(spellings, country))
        demonyms.update(dict.fromkeys((d for d in people.split("|") if d), country))
    return names, demonyms


#: Normalised spelling → canonical country name ("usa" → "United States").
#: Demonym → canonical country name ("indian" → "India"); NORP mentions attach to the country.
COUNTRY_ALIASES, DEMONYMS = _read_countries(_COUNTRY_FILE)


#: US states in the abbreviations AP style writes after a name or in a party tag ("Sen. Marco
#: Rubio (R-Fla.)"), each → the state's name. Not "Wash." (Washington in news is mostly the
#: capital) nor "Miss." (an honorific); the states AP never abbreviates need no entry.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky",
    "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip

#: The names of the US states (not "Washington": in news mostly the capital, one voice with
#: "the US"), from the abbreviations above and the states AP writes out.
US_STATES: frozenset[str] = frozenset(US_STATE_ABBREVIATIONS.values()) | {
    "Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah",
}  # fmt: skip


def country_for(surface: str) -> str | None:
    """Canonical country named by ``surface`` ("U.S." → "United States"), or None."""
    key = " ".join(surface.replace(".", "").replace("’", "'").split()).lower()
    key = key.removeprefix("the ")
    return COUNTRY_ALIASES.get(key)
