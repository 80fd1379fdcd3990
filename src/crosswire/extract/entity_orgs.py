"""Organisations however a story writes them: acronyms, short forms, a company's legal name
and its short names, a group's number and hyphens, a news agency's names, and a one-letter
variant spelling of a name another report writes otherwise.

Input → output: the resolver's clusters of non-person mentions keyed by normalised name
(:class:`~crosswire.extract.entity_state.Cluster`) → the same mapping, merged in place.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from crosswire.clean.agencies import agency_name
from crosswire.extract.entity_state import Cluster

__all__ = [
    "merge_agencies",
    "merge_company_forms",
    "merge_group_forms",
    "merge_short_forms",
    "merge_variant_spellings",
    "name_initials",
]


# Words an acronym may skip: "TDCJ" is the Texas Department of Criminal Justice.
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def name_initials(key: str) -> set[str]:
    """A name key's initials, of every word and of all but its function words."""
    words = key.split()
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _ACRONYM_SKIPS)}


# Short forms bind to the one longer name they end: "Red Sox" and "Sox" → "Boston Red Sox",
# "Poseidon" → "P 8I Poseidon", as a surname binds to the full name. Places are left alone:
# "Aceh" is not "Central Aceh".
_SHORT_FORM_LABELS = frozenset({"ORG", "PRODUCT"})
# One-word names of a body of their own, never short for a longer name that ends with them:
# "the House" is a legislative chamber, never the White House ("the former House speaker").
# "the Senate" = "U.S. Senate", "the Party" = "Democratic Party" (a headline) stay short forms.
_BODIES_OF_THEIR_OWN = frozenset({"house"})


def merge_short_forms(clusters: dict[str, Cluster]) -> None:
    """Merge each organisation or product key into the one longer key of its label that ends with it."""

    def label(c: Cluster) -> str:
        return Counter(o.label for o in c.occs).most_common(1)[0][0]

    for key in sorted(clusters, key=lambda k: (-len(k.split()), k)):
        if key not in clusters or (lab := label(clusters[key])) not in _SHORT_FORM_LABELS:
            continue
        if key in _BODIES_OF_THEIR_OWN:
            continue
        longer = [
            k
            for k in clusters
            if k.endswith(" " + key) and len(k.split()) <= len(key.split()) + 2 and label(clusters[k]) == lab
        ]
        if len(longer) == 1:  # two ("US Navy", "Indian Navy"): no evidence which one is meant
            clusters[longer[0]].occs.extend(clusters.pop(key).occs)


# What ends a company's legal name: "Harbor Freight Lines Inc." is "Harbor Freight Lines".
_CORPORATE_SUFFIXES = frozenset(
    {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "ltd",
        "limited",
        "llc",
        "plc",
        "lp",
        "llp",
        "ag",
        "nv",
        "sa",
        "gmbh",
    }
)
# the labels the model gives a company's short name: "Meridian" alone is often NORP
_COMPANY_SHORT_LABELS = frozenset({"ORG", "NORP", "PRODUCT"})


def merge_company_forms(clusters: dict[str, Cluster]) -> None:
    """One entity per company however a report shortens its legal name.

    A report names a company in full once ("Harbor Freight Lines Inc.", "Meridian Rail
    Corp.") and then by its leading words ("Harbor Freight", "Meridian"), as it names a person
    by the surname. The corporate suffix is the evidence that the longer name is a company's:
    a key equal to its name without the suffix, or the leading words of it, merges into it when
    exactly one company fits ("Meridian" with two companies called Meridian … stays apart). The
    short name was never a country or a people (those are resolved before this).
    """
    companies: dict[str, str] = {}
    for key, c in clusters.items():
        words = key.replace(",", " ").split()
        if (
            len(words) >= 2
            and words[-1] in _CORPORATE_SUFFIXES
            and Counter(o.label for o in c.occs).most_common(1)[0][0] == "ORG"
        ):
            companies[key] = " ".join(words[:-1])
    for key in sorted(clusters, key=lambda k: (-len(k.split()), k)):
        if key in companies or key not in clusters:
            continue
        c = clusters[key]
        if not all(o.label in _COMPANY_SHORT_LABELS and o.mention.text[:1].isupper() for o in c.occs):
            continue
        fits = [
            full
            for full, base in companies.items()
            if full in clusters and (base == key or base.startswith(key + " "))
        ]
        if len(fits) == 1:
            for o in c.occs:
                o.label = "ORG"
            clusters[fits[0]].occs.extend(clusters.pop(key).occs)


def _group_form(key: str) -> str:
    """A group's name without its number or hyphens: "african-americans" → "african american"."""
    words = key.replace("-", " ").split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def merge_group_forms(clusters: dict[str, Cluster]) -> None:
    """One entity per group of people however it is written: "Democrat" = "Democrats",
    "African Americans" = "African-Americans" (NORP names differing in number or hyphens)."""
    by_form: dict[str, list[str]] = defaultdict(list)
    for key, c in clusters.items():
        if Counter(o.label for o in c.occs).most_common(1)[0][0] == "NORP":
            by_form[_group_form(key)].append(key)
    for keys in by_form.values():
        # the plural names the group ("Republicans", not the adjective "Republican"); then the
        # form most often written
        target = max(keys, key=lambda k: (k.endswith("s"), len(clusters[k].occs), k))
        for key in keys:
            if key != target:
                clusters[target].occs.extend(clusters.pop(key).occs)


def merge_agencies(clusters: dict[str, Cluster]) -> None:
    """One entity per news agency however it is written: "AP" = "Associated Press" =
    "The Associated Press", "AFP" = "Agence-France Presse" (the credit lines' agency table)."""
    by_agency: dict[str, list[str]] = {}
    for key in clusters:
        if (agency := agency_name(key)) is not None:
            by_agency.setdefault(agency, []).append(key)
    for keys in by_agency.values():
        target = max(keys, key=lambda k: (len(k), k))  # the full name is the entity's name
        for key in keys:
            if key != target:
                clusters[target].occs.extend(clusters.pop(key).occs)


def merge_variant_spellings(clusters: dict[str, Cluster]) -> None:
    """One organisation however a report spells one word of its name: "Gordon Advisers" in one
    report is the "Gordon Advisors" of three others.

    Two organisation keys of two words or more that differ in one word only, the first word
    the same, the two spellings five letters or longer and one edit apart, are one organisation
    unless a report names both (then they are two, "Alpha Partners" and "Alpha Partner"); the
    spelling fewer mentions use joins the other (as a typo of a surname joins its person).
    """
    from rapidfuzz.distance import Levenshtein

    def org(c: Cluster) -> bool:
        return Counter(o.label for o in c.occs).most_common(1)[0][0] == "ORG"

    keys = sorted(
        (k for k, c in clusters.items() if org(c) and len(k.split()) >= 2),
        key=lambda k: (-len(clusters[k].occs), k),
    )
    for rare in reversed(keys):
        if rare not in clusters:
            continue
        words = rare.split()
        for common in keys:
            if (
                common == rare
                or common not in clusters
                or len(clusters[common].occs) < len(clusters[rare].occs)
            ):
                continue
            other = common.split()
            if len(other) != len(words) or other[0] != words[0]:
                continue
            differ = [(a, b) for a, b in zip(words, other, strict=True) if a != b]
            if len(differ) != 1 or min(len(differ[0][0]), len(differ[0][1])) < 5:
                continue
            if Levenshtein.distance(*differ[0], score_cutoff=1) > 1:
                continue
            if clusters[rare].documents & clusters[common].documents:
                continue  # a report naming both means two
            clusters[common].occs.extend(clusters.pop(rare).occs)
            clusters[common].fuzzy_keys.add(rare)
            break
