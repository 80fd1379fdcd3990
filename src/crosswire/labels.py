"""How documents and origin families are named for a reader, in every output.

Input → output: a document or a family in its JSON form (``brief.json_out.to_dict``,
``cluster.report.clusters_json``) → the short name the brief, the cluster table and the web
UI print for it, and a count with its noun. One place, so the outputs never name the same
thing two ways.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from crosswire.clean.agencies import agency_name

__all__ = ["counted", "family_label", "source_name"]


def source_name(doc: Mapping[str, Any]) -> str | None:
    """Who published a document, for a reader: its ``source``, else its URL's host without "www."."""
    if doc.get("source"):
        return str(doc["source"])
    host = urlsplit(str(doc.get("url") or "")).hostname
    return host.removeprefix("www.") if host else None


def family_label(f: Mapping[str, Any], published: Mapping[str, str | None]) -> str | None:
    """What names a family (JSON form) for a reader: its credit or publisher ("PTI",
    "reuters.com"); for documents that only share text, "shared text", with the publisher
    of the earliest when the dates show it (but an agency a member credits names the family
    however it was joined: "Reuters"); None when only a member's id would name it."""
    members = list(f.get("members") or [])
    label = f.get("label") if f.get("label") and f.get("label") not in members else None
    kinds = {e.get("kind") for e in f.get("evidence") or []}
    credited = label is not None and agency_name(str(label)) is not None
    if len(members) > 1 and kinds and kinds <= {"text-reuse", "duplicate"} and not credited:
        # The label is then the publisher of the member judged the origin: said bare, "one
        # origin: ndtv.com" would read as ten reports by ndtv.com
        first = published.get(f.get("origin") or "")
        earliest = first is not None and all((published.get(m) or "") >= first for m in members)
        return f"shared text, earliest {label}" if label and earliest else "shared text"
    return str(label) if label else None


def counted(n: int, noun: str) -> str:
    """``n`` and the noun in the number it takes: "1 document", "2 documents", "0 conflicts"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
