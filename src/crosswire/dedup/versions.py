"""Versions of one report: documents and their duplicates → which are superseded by a later one.

Input → output: the documents of a story and their :class:`~crosswire.models.Duplicate`
relations → :class:`~crosswire.models.Version` records (earlier version, latest version, why).

A monitor fetches a page before and after its outlet corrects or updates it; a folder holds
both. The two are near duplicates (a sentence changed, a paragraph added) of one outlet, and
read together the earlier one's retracted words stand against the correction as a conflict, or
against the other outlets as a disagreement the outlet itself withdrew. So the later version is
read and the earlier one is left out of the facts, quotes and timeline — listed, with the reason.

Two near duplicates are versions of one report when they come from one outlet (the same page
address, the same site, the same named source; or neither names one) and one of them is
knowably the later:

- it carries a correction, clarification or update note (:mod:`crosswire.clean.notes`) and the
  other none — the only test for documents that name no outlet, since two outlets' copies of one
  wire story are near duplicates too, and their publication times say nothing of versions;
- of one named outlet, it was published later (a re-fetched page's newer stamp).

Exact duplicates are no versions (nothing changed), and documents of different outlets never
are: those are copies, counted once by the origin families instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlsplit

from crosswire.models import Document, Duplicate, Version

__all__ = ["find_versions"]

# An editor's note ("the views are the author's own") says nothing of a version.
_VERSION_NOTES = ("correction", "clarification", "update")
_A_NOTE = {"correction": "a correction", "clarification": "a clarification", "update": "an update note"}


def find_versions(docs: Sequence[Document], duplicates: Sequence[Duplicate]) -> list[Version]:
    """Every document a later version of the same outlet's report supersedes, latest first in
    each group of versions (see the module docstring)."""
    by_id = {d.id: d for d in docs}
    groups: dict[str, list[str]] = {}
    for dup in duplicates:
        if dup.kind == "near" and dup.document in by_id and dup.of in by_id:
            members = groups.setdefault(dup.of, [dup.of])
            members.append(dup.document)
    out: list[Version] = []
    for members in groups.values():
        outlets: dict[str, list[Document]] = {}
        for m in members:
            outlets.setdefault(_outlet(by_id[m]), []).append(by_id[m])
        for outlet, same in outlets.items():
            if len(same) < 2:
                continue
            latest = max(same, key=_recency)
            for other in same:
                if other is latest:
                    continue
                reason = _later(latest, other, named=bool(outlet))
                if reason is not None:
                    out.append(Version(other.id, latest.id, reason))
    return out


def _outlet(doc: Document) -> str:
    """The outlet a document comes from, as far as it says: its site, else its named source;
    "" when it names none."""
    if doc.url:
        host = (urlsplit(doc.url).hostname or "").casefold().removeprefix("www.")
        if host:
            return host
    return (doc.source or "").strip().casefold()


def _notes(doc: Document) -> list[str]:
    return [n.kind for n in doc.notes if n.kind in _VERSION_NOTES]


def _when(doc: Document) -> datetime | None:
    if not doc.published or len(doc.published) <= 10:
        return None  # a day alone does not order two versions of one day's report
    try:
        return datetime.fromisoformat(doc.published.replace("Z", "+00:00"))
    except ValueError:
        return None


def _recency(doc: Document) -> tuple[bool, str]:
    return (bool(_notes(doc)), doc.published or "")


def _later(latest: Document, other: Document, *, named: bool) -> str | None:
    """Why ``latest`` is a later version of the report than ``other``, or None when nothing says so."""
    mine, theirs = _notes(latest), _notes(other)
    if mine and not theirs:
        return f"it carries {_A_NOTE[mine[0]]} the other lacks"
    if not named:
        return None
    t1, t0 = _when(latest), _when(other)
    if t1 is not None and t0 is not None and (t1.tzinfo is None) == (t0.tzinfo is None) and t1 > t0:
        return f"published later ({latest.published} after {other.published})"
    return None
