"""Canonical entities of a story: one per real-world person, organisation or place.

Input → output: the :class:`~crosswire.models.AnnotatedDocument` s of one story →
:class:`~crosswire.models.Entity` tuple (id, canonical name, type, aliases, roles, mentions),
and :func:`entity_at` to find the entity covering a span (speaker linking).

How mentions become entities (all within one story — nothing is merged across stories):

- **Names are compared normalised**: case, periods, a leading "the" and possessives do not
  count, so ``S. Jaishankar`` = ``S Jaishankar`` and ``U.S.`` = ``US``.
- **Countries** use a table of every country's names and demonyms, general knowledge kept
  as data (``data/countries.tsv``: ``US`` = ``U.S.`` = ``United States`` = ``America``,
  ``Burma`` = ``Myanmar``). **Demonyms** (NORP ``Indian``, ``American``) attach to their
  country: for "who is involved" a reader wants one India, and a demonym names the country's
  people or state. NORP groups that are not demonyms (parties, religions) stay NORP entities.
- **People**: full names cluster when surnames agree and given names are compatible
  (``Pete``/``Peter``, ``S``/``Subrahmanyam``, but not ``Hillary``/``Bill``), a dropped
  suffix aside (``Nick Rahall`` = ``Nick J. Rahall II``, but ``Jr.`` ≠ ``Sr.``). A surname alone
  binds to the one full name in the story with that surname (a lone first name, to the one
  full name with that first name), and a double surname alone (``Wasserman Schultz``) to the one
  full name it ends; when several share it, it binds only if exactly one of
  them appears in the same document, else it stays its own, ambiguous, entity. A surname never seen with a given name that is one typo away (rapidfuzz Levenshtein
  ≤ 1, ≤ 2 from 8 letters; same first letter, length ≥ 5, rarer than its target, and only in
  documents that also name the target) from a unique other person is that person
  (``Jaishanakar``); so is a full name with the same given names and a surname one edit away
  that no report writes beside the other spelling (``Gordon Advisers`` in one report of four,
  ``Gordon Advisors`` in three); a full name written with and without a space inside it is one person
  (``Vincent DelGiudice`` / ``Vincent Del Giudice``).
- **Headlines**: in a Title Case line the tagger reads "Obama Overturns" or "Flips Bush" as a
  name, and anywhere "Obama White House" or "Trump Administration"; such a "name" that is no
  person of the body text but holds one known surname is cut back to that surname.
- **Roles** come from titles and appositives around PERSON mentions (:mod:`.roles`), so
  ``External Affairs Minister`` is Jaishankar's role, not an organisation.
- **Organisations and places**: one entity per normalised name, whatever label the model gave
  each mention (the majority label wins); ``X region`` is ``X``; ``US Department of Defense`` is
  ``Department of Defense`` when that name also occurs; a state's AP abbreviation is the state
  (``Fla.`` in "R-Fla." is Florida); a group of people is one entity
  whatever its number or hyphens (``Democrat`` = ``Democrats``, ``African-Americans`` =
  ``African Americans``); an acronym in parentheses after a name,
  or one matching a name's initials (its function words skipped or not: ``TDCJ`` is the Texas
  Department of Criminal Justice), is that name (``DoD``); one word of an organisation's name
  spelled one letter otherwise in a report that does not also use the other spelling is the
  same organisation (``Gordon Advisers`` = ``Gordon Advisors``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from crosswire.annotate.lexicon import (
    DEMONYMS,
    GEO_HEADS,
    HONORIFICS,
    NAME_SUFFIXES,
    US_STATE_ABBREVIATIONS,
    country_for,
)
from crosswire.extract.entity_orgs import (
    merge_agencies,
    merge_company_forms,
    merge_group_forms,
    merge_short_forms,
    merge_variant_spellings,
    name_initials,
)
from crosswire.extract.entity_state import Cluster, Name, Occ
from crosswire.extract.roles import roles_around
from crosswire.models import AnnotatedDocument, Entity, Mention, Span

__all__ = ["NAME_LABELS", "entity_at", "name_key", "person_name_words", "resolve_entities"]

#: Mention labels that name something; numbers, dates and amounts are not entities.
NAME_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&.-]{1,11})\)")
# Two or more one-letter words in a row: initials written with spaces ("U. S. Geological Survey").
_SPACED_LETTERS = re.compile(r"\b[a-z](?: [a-z]\b)+")
_DOTTED_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_DOTTED_INITIAL = re.compile(r"\b[A-Z]\.(?:\s|$)")


def name_key(surface: str) -> str:
    """Normalised form for comparing names: lower case, no periods, no leading "the", no possessive."""
    s = unicodedata.normalize("NFKC", surface).replace("’", "'")
    s = re.sub(r"'s$|'$", "", s.strip())
    s = _DOTTED_ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), s)  # U.S. → US
    s = " ".join(s.replace(".", " ").split()).lower()  # S. Jaishankar → s jaishankar
    s = _SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), s)  # "U. S." → us, as "U.S."
    return s.removeprefix("the ")


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "entity"


# --------------------------------------------------------------------------- occurrences


_AGE_AFTER = re.compile(r",[ \t]*\d{1,3}(?:[ \t]*,|[ \t]*\.?[ \t]*$)", re.M)


def _occurrences(adocs: Sequence[AnnotatedDocument]) -> list[Occ]:
    occs: list[Occ] = []
    for adoc in adocs:
        text = adoc.document.text
        starts = [s.start for s in adoc.sentences]
        persons = [(m.start, m.end) for m in adoc.mentions if m.label == "PERSON"]
        for m in sorted(adoc.mentions, key=lambda m: m.start):
            if m.label not in NAME_LABELS:
                continue
            key = name_key(m.text)
            if not key:
                continue
            occ = Occ(order=len(occs), mention=m, key=key, label=m.label)
            if m.label in {"GPE", "ORG", "LOC", "NORP"}:
                occ.country = country_for(m.text) or (DEMONYMS.get(key) if m.label == "NORP" else None)
            if m.label == "PERSON":
                i = bisect.bisect_right(starts, m.start) - 1
                sent = adoc.sentences[i] if i >= 0 else None
                occ.roles = roles_around(
                    text,
                    m.start,
                    m.end,
                    sentence_start=sent.start if sent else 0,
                    sentence_end=sent.end if sent else None,
                    stops=[p for p in persons if p != (m.start, m.end)],
                )
            occs.append(occ)
    return occs


# -------------------------------------------------------------------------------- people


_NEXT_NAME_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")


def _complete_double_surnames(occs: list[Occ], texts: dict[str, str]) -> None:
    """ "Enrique Peña" followed by "Nieto", in a story that also writes "Peña Nieto": the model
    cut the full name before its second surname; the mention takes it, so the full name and the
    double surname are one person."""
    pairs = {o.key for o in occs if o.label == "PERSON" and len(o.key.split()) == 2}
    for o in occs:
        words = o.key.split()
        if o.label != "PERSON" or len(words) < 2:
            continue
        text = texts[o.mention.document]
        m = _NEXT_NAME_WORD.match(text, o.mention.end)
        if m is None or not m.group(1)[:1].isupper() or f"{words[-1]} {name_key(m.group(1))}" not in pairs:
            continue
        o.mention = replace(o.mention, end=m.end(), text=text[o.mention.start : m.end()])
        o.key = name_key(o.mention.text)


def _parse_person(key: str) -> Name | None:
    words = [w for w in key.split() if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    suffix = ""
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        suffix = words.pop()
    if not words:
        return None
    return Name(tuple(words[:-1]), words[-1], suffix)


def person_name_words(surface: str) -> tuple[str, ...]:
    """A person's name as the resolver compares it: normalised (:func:`name_key`), without
    honorifics and suffixes ("Mr. Fowler" → ``("fowler",)``, "Martin Luther King Jr." →
    ``("martin", "luther", "king")``); ``()`` when nothing is left."""
    n = _parse_person(name_key(surface))
    return (*n.given, n.surname) if n else ()


def _given_part_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a))  # Pete / Peter


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    if not _given_part_compatible(a[0], b[0]):
        return False
    if len(a) > 1 and len(b) > 1:  # George W. Bush is not George H. W. Bush
        return _given_part_compatible(a[1], b[1])
    return True


def _headline_line(text: str, start: int, end: int) -> bool:
    """Whether the mention sits in a Title Case line ("Obama Overturns Bush Rule On Species"),
    where the tagger takes capitalised verbs and nouns for parts of names."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    words = [
        w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[lo : hi if hi >= 0 else len(text)]) if len(w) > 3
    ]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# "Obama White House", "Trump Administration", "Clinton campaign": a person's name used as a
# modifier of an institution, which the tagger may label as one long PERSON.
_INSTITUTION_TAILS = frozenset(
    {"house", "administration", "campaign", "government", "office", "department", "team", "era", "cabinet"}
)


def _in_headlines(occs: Sequence[Occ], texts: dict[str, str]) -> list[bool]:
    """For each occurrence: does it stand in a headline line?"""
    # one look per line, not per mention: a scraped article may be one long line
    lines: dict[tuple[str, int], bool] = {}
    out = []
    for o in occs:
        text = texts[o.mention.document]
        key = (o.mention.document, text.rfind("\n", 0, o.mention.start))
        if key not in lines:
            lines[key] = _headline_line(text, o.mention.start, o.mention.end)
        out.append(lines[key])
    return out


def _trim_headline_names(occs: list[Occ], texts: dict[str, str]) -> list[Occ]:
    """Cut a headline's run-on "name" back to the known surname inside it.

    In a Title Case headline the tagger reads "Obama Overturns" or "Flips Bush" as names, and
    anywhere it may read "Obama White House" as one. When such a name is not a person known
    from the body text (a surname seen with a given name outside headlines, and compatible
    given names) but holds exactly one known surname, the mention becomes that surname alone
    (its span narrowed to it), which then binds as any bare surname does. A headline "name"
    holding no known surname whose first word the story also uses in lower case ("Buys
    SeaMicro" where a report writes "AMD buys SeaMicro"), and none of whose words names a
    person anywhere else in the story, is a misread verb phrase: it is not a person.
    """
    in_headline = _in_headlines(occs, texts)
    parsed = [_parse_person(o.key) for o in occs]
    known: dict[str, list[Name]] = defaultdict(list)
    for n, head in zip(parsed, in_headline, strict=True):
        if not head and n is not None and n.given and n.surname not in _INSTITUTION_TAILS:
            known[n.surname].append(n)
    body_words = {w for o, head in zip(occs, in_headline, strict=True) if not head for w in o.key.split()}
    lower_words: set[str] | None = None  # the story's lower-case words, read once when needed
    out = []
    for o, n, head in zip(occs, parsed, in_headline, strict=True):
        if n is not None and n.given and (head or n.surname in _INSTITUTION_TAILS):
            fits = any(_given_compatible(k.given, n.given) for k in known.get(n.surname, []))
            inside = [w for w in o.key.split() if w in known]
            if head and not fits and not inside and not set(o.key.split()) & body_words:
                if lower_words is None:
                    lower_words = {w for t in texts.values() for w in re.findall(r"\b[a-z][a-z'’-]+\b", t)}
                if o.key.split()[0] in lower_words:
                    continue  # "Buys SeaMicro": a verb and an object, read as a name
            if not fits and len(set(inside)) == 1:
                m = o.mention
                at = re.search(rf"\b{re.escape(inside[0])}\b", m.text, re.IGNORECASE)
                if at is not None:
                    word = m.text[at.start() : at.end()]
                    o = Occ(
                        o.order,
                        Mention(m.document, m.start + at.start(), m.start + at.end(), word, m.label),
                        inside[0],
                        o.label,
                        o.roles,
                        o.country,
                    )
        out.append(o)
    return out


def _resolve_people(occs: list[Occ], texts: dict[str, str] | None = None) -> list[Cluster]:
    if texts is not None:
        occs = _trim_headline_names(occs, texts)
    parsed = [(o, _parse_person(o.key)) for o in occs]
    full = sorted(
        ((o, n) for o, n in parsed if n is not None and n.given),
        key=lambda p: (-len(p[1].given), -sum(map(len, p[1].given)), p[0].order),
    )
    clusters: list[Cluster] = []
    lone_surnames = {n.surname for _, n in parsed if n is not None and not n.given}
    for occ, name in full:
        matches = [
            c
            for c in clusters
            if c.name is not None
            and c.name.surname == name.surname
            # a writer may drop the "II" or "Jr.": only two different suffixes part two names
            and (c.name.suffix == name.suffix or not c.name.suffix or not name.suffix)
            and _given_compatible(c.name.given, name.given)
        ]
        if not matches and name.surname not in lone_surnames:
            # a double surname alone ("Wasserman Schultz") is the one person it ends the name of
            # ("Debbie Wasserman Schultz"), as a single surname is; not when the story calls
            # people by the last word alone ("Clinton"): then "Hillary Clinton" is a name of its
            # own, and "Crooked Hillary Clinton" a nickname or a misread title
            matches = [
                c
                for c in clusters
                if c.name is not None
                and c.name.surname == name.surname
                and len(c.name.given) > len(name.given)
                and c.name.given[-len(name.given) :] == name.given
                and all(len(g) > 1 for g in name.given)
            ]
        if len(matches) == 1:
            matches[0].occs.append(occ)
        else:  # new person, or compatible with several (a bare "George Bush") — kept apart
            clusters.append(Cluster("PERSON", [occ], name))
    bare = [(o, n) for o, n in parsed if n is not None and not n.given]
    by_surname: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        if c.name is not None and len(c.occs) and c.name.given:
            by_surname[c.name.surname].append(c)
    loose: dict[str, Cluster] = {}
    by_given: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        if c.name is not None and c.name.given and len(c.name.given[0]) > 1:
            by_given[c.name.given[0]].append(c)
    for occ, name in bare:
        # A surname first ("Clinton"); failing that a first name ("Hillary") of exactly one person.
        candidates = by_surname.get(name.surname) or by_given.get(name.surname, [])
        if len(candidates) > 1:
            here = occ.mention.document
            candidates = [c for c in candidates if here in c.documents]
            # "Warren Jeffs … Jeffs …" before "Brent Jeffs" is introduced: the one named so far
            named_before = [
                c
                for c in candidates
                if any(o.mention.document == here and o.mention.start < occ.mention.start for o in c.occs)
            ]
            if len(named_before) > 1:
                # "Warren Jeffs … after his father, Rulon Jeffs, died … Jeffs said": the person
                # the document is about, when the others it names only once, in passing
                ranked = sorted((_first_and_count(c, here), k) for k, c in enumerate(named_before))
                if ranked[0][0][1] > 1 and all(count == 1 for (_, count), _ in ranked[1:]):
                    named_before = [named_before[ranked[0][1]]]
            if len(named_before) == 1:
                candidates = named_before
        if len(candidates) == 1:
            candidates[0].occs.append(occ)
        else:
            loose.setdefault(name.surname, Cluster("PERSON", [], name)).occs.append(occ)
    clusters.extend(loose.values())
    return _merge_typos(_merge_spacings(clusters))


def _first_and_count(c: Cluster, document: str) -> tuple[int, int]:
    """Where ``c`` is first named in ``document``, and how often it is named there."""
    at = [o.mention.start for o in c.occs if o.mention.document == document]
    return min(at), len(at)


def _merge_spacings(clusters: list[Cluster]) -> list[Cluster]:
    """One full name written with and without a space inside it is one person: "Vincent
    DelGiudice" and "Vincent Del Giudice" (the judge, in two reports), "LaRue" / "La Rue"."""
    by_letters: dict[str, Cluster] = {}
    result = []
    for c in sorted(clusters, key=lambda c: -len(c.occs)):
        if c.name is None or not c.name.given:
            result.append(c)
            continue
        letters = "".join((*c.name.given, c.name.surname, c.name.suffix))
        if letters in by_letters:
            by_letters[letters].occs.extend(c.occs)
            continue
        by_letters[letters] = c
        result.append(c)
    return result


def _merge_typos(clusters: list[Cluster]) -> list[Cluster]:
    """Fold a surname-only cluster into the one person it is a typo of, and a full name one
    report spells one letter otherwise into the person the other reports name."""
    from rapidfuzz.distance import Levenshtein

    result = list(clusters)
    for c in sorted(clusters, key=lambda c: len(c.occs)):
        if c.name is None or c.name.given or len(c.name.surname) < 5:
            continue
        s = c.name.surname
        limit = 1 if len(s) < 8 else 2
        targets = [
            t
            for t in result
            if t is not c
            and t.name is not None
            and len(t.occs) > len(c.occs)
            and c.documents <= t.documents  # the correct spelling is in the same report
            and t.name.surname != s
            and t.name.surname[:1] == s[:1]
            and abs(len(t.name.surname) - len(s)) <= limit
            and Levenshtein.distance(t.name.surname, s, score_cutoff=limit) <= limit
        ]
        if len(targets) == 1:
            targets[0].occs.extend(c.occs)
            targets[0].fuzzy_keys.update(o.key for o in c.occs)
            result.remove(c)
    # a full name one report spells one letter otherwise ("Gordon Advisers" where three reports
    # write "Gordon Advisors"): the same given names, a surname of five letters or more one edit
    # away, and no report naming both
    for c in sorted(result, key=lambda c: len(c.occs)):
        if c not in result or c.name is None or not c.name.given or len(c.name.surname) < 5:
            continue
        n = c.name
        targets = [
            t
            for t in result
            if t is not c
            and t.name is not None
            and len(t.occs) > len(c.occs)
            and not (c.documents & t.documents)
            and t.name.given == n.given
            and t.name.surname != n.surname
            and t.name.surname[:1] == n.surname[:1]
            and Levenshtein.distance(t.name.surname, n.surname, score_cutoff=1) <= 1
        ]
        if len(targets) == 1:
            targets[0].occs.extend(c.occs)
            targets[0].fuzzy_keys.update(o.key for o in c.occs)
            result.remove(c)
    return result


def _person_canonical(c: Cluster) -> str:
    candidates = [o for o in c.occs if o.key not in c.fuzzy_keys] or c.occs
    counts = Counter(o.mention.text for o in candidates)
    parsed = {t: _parse_person(name_key(t)) for t in counts}
    # first names some surface spells out: "B. Hussein Obama" gives way to "Barack Obama"
    spelled = {n.given[0][0] for n in parsed.values() if n and n.given and len(n.given[0]) > 1}

    def score(surface: str) -> tuple[int, int, int, int, int]:
        n = parsed[surface]
        initial_only = bool(n and n.given and len(n.given[0]) == 1 and n.given[0] in spelled)
        tokens = (len(n.given) + 1) if n else 0
        well_formed = all(w[:1].isupper() for w in surface.split())
        return (
            int(not initial_only),
            tokens,
            int(well_formed),
            len(_DOTTED_INITIAL.findall(surface)),
            counts[surface],
        )

    return max(counts, key=lambda s: (score(s), len(s), s))


# ------------------------------------------------------------------- organisations, places


_STATES = {name_key(abbreviation): state for abbreviation, state in US_STATE_ABBREVIATIONS.items()}


def _strip_geo_head(key: str) -> str:
    words = key.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in GEO_HEADS else key


def _resolve_others(occs: list[Occ], adocs: Sequence[AnnotatedDocument]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}
    countries: dict[str, Cluster] = {}
    for o in occs:
        if o.country is not None:
            c = countries.setdefault(o.country, Cluster("GPE", canonical=o.country, base_key=o.country))
            c.occs.append(o)
            continue
        key = _strip_geo_head(o.key)
        state = _STATES.get(key) if o.label == "GPE" else None  # "Fla." (in "R-Fla.") is Florida
        if state is not None:
            key = name_key(state)
        clusters.setdefault(key, Cluster(o.label, base_key=key, canonical=state)).occs.append(o)
    # "US Department of Defense" → "Department of Defense" when that name occurs too.
    for key in list(clusters):
        words = key.split()
        for n in (1, 2):
            rest = " ".join(words[n:])
            if len(words) > n + 1 and country_for(" ".join(words[:n])) and rest in clusters:
                clusters[rest].occs.extend(clusters.pop(key).occs)
                break
    merge_company_forms(clusters)
    merge_variant_spellings(clusters)
    merge_short_forms(clusters)
    merge_agencies(clusters)
    merge_group_forms(clusters)
    # Acronyms: "Department of Defense (DoD)" and names matching another's initials.
    texts = {a.document.id: a.document.text for a in adocs}
    for c in clusters.values():
        for o in c.occs:
            m = _ACRONYM_AFTER.match(texts[o.mention.document], o.mention.end)
            if m and m.group(1) not in c.extra_aliases:
                c.extra_aliases.append(m.group(1))
    acronyms = {name_key(a): k for k, c in clusters.items() for a in c.extra_aliases}
    for key in list(clusters):
        if key not in clusters or " " in key or not key.isalpha():
            continue
        if not all(sum(ch.isupper() for ch in o.mention.text) >= 2 for o in clusters[key].occs):
            continue  # "Asia" is a place, not the acronym "ASIA"
        target = acronyms.get(key)
        if target is None:
            initials = [k for k in clusters if " " in k and key in name_initials(k)]
            target = initials[0] if len(initials) == 1 else None
        if target is not None and target != key and target in clusters:
            clusters[target].occs.extend(clusters.pop(key).occs)
    out = list(countries.values())
    for c in clusters.values():
        labels = Counter(o.label for o in c.occs)
        c.label = max(labels, key=lambda lab: (labels[lab], lab != "ORG"))
        out.append(c)
    return out


def _other_canonical(c: Cluster) -> str:
    if c.canonical:
        return c.canonical
    # The plain name ("Indo-Pacific") before its variants ("Indo-Pacific region", "US Department of …").
    base = [o.mention.text for o in c.occs if o.key == c.base_key] or [o.mention.text for o in c.occs]
    counts = Counter(" ".join(t.split()) for t in base)
    return max(counts, key=lambda s: (counts[s], not s.islower(), len(s), s))


# ------------------------------------------------------------------------------- public


def _person_keys(occs: Iterable[Occ]) -> set[str]:
    keys: set[str] = set()
    for o in occs:
        n = _parse_person(o.key)
        if n is not None and n.given:
            keys.add(o.key)
            keys.add(n.surname)
    return keys


def _unique_roles(occs: Iterable[Occ]) -> tuple[str, ...]:
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    first: dict[str, int] = {}
    for o in occs:
        for r in o.roles:
            low = r.lower()
            counts[low] += 1
            first.setdefault(low, o.order)
            if low not in spelling or (r[:1].isupper() and not spelling[low][:1].isupper()):
                spelling[low] = r
    return tuple(spelling[k] for k in sorted(counts, key=lambda k: (-counts[k], first[k])))


def resolve_entities(adocs: Sequence[AnnotatedDocument]) -> tuple[Entity, ...]:
    """One :class:`Entity` per real-world person, organisation or place named in ``adocs`` (one story).

    Entities come most-mentioned first; ``id`` is ``"e-"`` + a slug of the canonical name
    (``-2``, ``-3`` … when two differ only in punctuation), stable for the same input.
    """
    occs = _occurrences(adocs)
    texts = {a.document.id: a.document.text for a in adocs}
    _complete_double_surnames(occs, texts)
    # A bare name ("SeaMicro") the model calls an organisation more often than a person, and
    # no full personal name outside the headlines explains, is that organisation.
    tagged = [o for o in occs if o.label == "PERSON"]
    body_names = _person_keys(
        o for o, head in zip(tagged, _in_headlines(tagged, texts), strict=True) if not head
    )
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for o in occs:
        labels[o.key][o.label] += 1
    for o in tagged:
        if " " not in o.key and o.key not in body_names:
            top, n = labels[o.key].most_common(1)[0]
            if top == "ORG" and n > labels[o.key]["PERSON"]:
                o.label = "ORG"
    # A name the model labels PERSON in one place and ORG in another is the person's when a
    # full personal name with that surname occurs in the story — a name as the headline trim
    # leaves it: a misread headline ("AMD Buys SeaMicro") must not make SeaMicro a person.
    person_keys = _person_keys(_trim_headline_names([o for o in occs if o.label == "PERSON"], texts))
    for o in occs:
        if o.label not in {"PERSON", "GPE", "LOC", "FAC"} and o.country is None and o.key in person_keys:
            o.label = "PERSON"
    # An age in apposition is a person's ("said Giulia Bianchi, 54, who ran into the street"),
    # whatever label the model gave the name: organisations and places have no age.
    for o in occs:
        if (
            o.label == "ORG"
            and o.country is None
            and _AGE_AFTER.match(texts[o.mention.document], o.mention.end)
        ):
            o.label = "PERSON"
    people = _resolve_people([o for o in occs if o.label == "PERSON"], texts)
    others = _resolve_others([o for o in occs if o.label != "PERSON"], adocs)

    built: list[tuple[int, int, Entity]] = []
    used: Counter[str] = Counter()
    ordered = sorted(people + others, key=lambda c: min(o.order for o in c.occs))
    for c in ordered:
        c.occs.sort(key=lambda o: o.order)
        # a name is shown with plain spaces ("James\u00a0Comey" as scraped is "James Comey")
        name = " ".join((_person_canonical(c) if c.label == "PERSON" else _other_canonical(c)).split())
        slug = _slug(name)
        used[slug] += 1
        eid = f"e-{slug}" if used[slug] == 1 else f"e-{slug}-{used[slug]}"
        surfaces = Counter(o.mention.text for o in c.occs)
        aliases = tuple(sorted(surfaces, key=lambda s: (-surfaces[s], s))) + tuple(
            a for a in c.extra_aliases if a not in surfaces
        )
        entity = Entity(
            id=eid,
            name=name,
            type=c.label,
            aliases=aliases,
            roles=_unique_roles(c.occs),
            mentions=tuple(Span(o.mention.document, o.mention.start, o.mention.end) for o in c.occs),
        )
        built.append((-len(c.occs), c.occs[0].order, entity))
    built.sort(key=lambda t: (t[0], t[1]))
    return tuple(e for _, _, e in built)


def entity_at(entities: Iterable[Entity], span: Span) -> Entity | None:
    """The entity with a mention covering ``span`` (same document), else one inside it, else overlapping.

    For speaker linking: ``span`` may be a bare name ("Hegseth") or a longer phrase that
    contains a name ("US Defence Secretary Pete Hegseth").
    """
    best: tuple[int, int, int] | None = None
    found: Entity | None = None
    for rank, entity in enumerate(entities):
        for m in entity.mentions:
            if m.document != span.document or m.end <= span.start or span.end <= m.start:
                continue
            if m.start <= span.start and span.end <= m.end:
                kind = 3
            elif span.start <= m.start and m.end <= span.end:
                kind = 2
            else:
                kind = 1
            overlap = min(m.end, span.end) - max(m.start, span.start)
            score = (kind, overlap, -rank)
            if best is None or score > best:
                best, found = score, entity
    return found
