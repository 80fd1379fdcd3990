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
- of one named outlet, it was published later (a re-fetched page's newer stamp);
- it is a later read of the same document, changed since (:func:`as_version`: a watched file
  overwritten with the corrected page) — whatever the similarity, since crosswire read both.

Exact duplicates are no versions (nothing changed), and documents of different outlets never
are: those are copies, counted once by the origin families instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlsplit

from crosswire.models import Document, Duplicate, Version

__all__ = ["as_version", "find_versions"]

# An editor's note ("the views are the author's own") says nothing of a version.
_VERSION_NOTES = ("correction", "clarification", "update")
_A_NOTE = {"correction": "a correction", "clarification": "a clarification", "update": "an update note"}


def as_version(doc: Document, *, of: str, number: int) -> Document:
    """``doc``, read again from where ``of`` was read and changed since, as its ``number``-th
    version: id ``"{of}~v{number}"`` (the first read keeps its id), its spans and fingerprint
    renamed with it."""
    new_id = f"{of}~v{number}"
    return replace(
        doc,
        id=new_id,
        notes=tuple(replace(n, document=new_id) for n in doc.notes),
        credit_span=replace(doc.credit_span, document=new_id) if doc.credit_span else None,
        fingerprint=replace(doc.fingerprint, document=new_id) if doc.fingerprint else None,
        meta={**doc.meta, "version_of": of, "version": number},
    )


def find_versions(docs: Sequence[Document], duplicates: Sequence[Duplicate]) -> list[Version]:
    """Every document a later version of the same outlet's report supersedes, each with the
    latest version of its report and why (see the module docstring)."""
    by_id = {d.id: d for d in docs}
    parent = {d.id: d.id for d in docs}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    links = [(dup.document, dup.of) for dup in duplicates if dup.kind == "near"]
    links += [(d.id, str(d.meta["version_of"])) for d in docs if d.meta.get("version_of")]
    for a, b in links:
        if a in by_id and b in by_id:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for d in docs:
        groups.setdefault(root(d.id), []).append(d.id)
    out: list[Version] = []
    for members in groups.values():
        if len(members) < 2:
            continue
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


def _read_as(doc: Document) -> tuple[str, int]:
    """(the document first read, which read of it this is): ``(doc.id, 1)`` for a first read."""
    return str(doc.meta.get("version_of") or doc.id), int(doc.meta.get("version") or 1)


def _recency(doc: Document) -> tuple[int, bool, str]:
    return (_read_as(doc)[1], bool(_notes(doc)), doc.published or "")


def _later(latest: Document, other: Document, *, named: bool) -> str | None:
    """Why ``latest`` is a later version of the report than ``other``, or None when nothing says so."""
    (first, n), (other_first, k) = _read_as(latest), _read_as(other)
    if first == other_first and n > k:
        return f"read again from where {first} was read, changed since"
    mine, theirs = _notes(latest), _notes(other)
    if mine and not theirs:
        return f"it carries {_A_NOTE[mine[0]]} the other lacks"
    if not named:
        return None
    t1, t0 = _when(latest), _when(other)
    if t1 is not None and t0 is not None and (t1.tzinfo is None) == (t0.tzinfo is None) and t1 > t0:
        return f"published later ({latest.published} after {other.published})"
    return None
