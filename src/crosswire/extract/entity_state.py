"""Working state of the entity resolver: a mention with what is known of it, a parsed
person's name, and a cluster of mentions believed to name one thing.

Input → output: none (types only); :mod:`crosswire.extract.entities` and
:mod:`crosswire.extract.entity_orgs` build and merge them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.models import Mention

__all__ = ["Cluster", "Name", "Occ"]


@dataclass(slots=True)
class Occ:
    """One mention with what the resolver knows about it (working state)."""

    order: int  # position in the story: (document index, start) flattened
    mention: Mention
    key: str
    label: str
    roles: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name as the resolver compares it: given names, surname, suffix (normalised)."""

    given: tuple[str, ...]
    surname: str
    suffix: str = ""


@dataclass(slots=True)
class Cluster:
    """Occurrences believed to name one thing (working state)."""

    label: str
    occs: list[Occ] = field(default_factory=list)
    name: Name | None = None  # people: the most complete name seen
    canonical: str | None = None  # fixed names (countries)
    base_key: str = ""  # non-people: the key other spellings were merged into
    extra_aliases: list[str] = field(default_factory=list)
    fuzzy_keys: set[str] = field(default_factory=set)  # typo spellings: never the canonical name

    @property
    def documents(self) -> set[str]:
        return {o.mention.document for o in self.occs}
