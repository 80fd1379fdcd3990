"""Who said what, for reading: which quote groups lead the list and which go to "other attributions".

Input → output: the JSON dict of one brief (:func:`crosswire.brief.json_out.to_dict`) →
``(main, other)`` lists of its quote dicts, and per variant whether its diff is worth showing.

JSON keeps every group (a program may want them all); Markdown and HTML show a group in
the main list only when a reader can use it: a known speaker, enough words to say
something ("the US" is a fragment of a parse, not a statement), and not a reporting frame
around someone else's words ("Hegseth stated that …" attributed to the Department of
Defense repeats what Hegseth's own group already shows). The rest are listed, collapsed,
as other attributions. Groups keep the align order: direct → partial → indirect, most
documents first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from crosswire.align.features import content_words
from crosswire.labels import counted

__all__ = [
    "is_frame",
    "kind_documents",
    "kind_label",
    "several_days",
    "show_diff",
    "shown_variants",
    "speaker_label",
    "split_quotes",
    "variant_label",
    "when_label",
]

# verbs that introduce someone's words: "Hegseth stated that", "Hegseth believes"
_REPORTING = (
    r"(?:said|says|stated|states|told|added|noted|believes|believed|spoke|posted|wrote|"
    r"argued|claimed|announced|described|highlighted|emphasi[sz]ed|expressed|affirmed)"
)


def is_frame(text: str, names: Sequence[str]) -> bool:
    """``text`` opens by reporting someone else's words: "Pete Hegseth said the US is happy …"."""
    for name in names:
        if not name:
            continue
        pattern = r"^\W*(?:\w+\W+){0,3}?" + re.escape(name) + r"\s+" + _REPORTING + r"\b"
        if re.match(pattern, text):
            return True
    return False


def _aliases(d: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in d["entities"]:
        names = [e["name"], *e["aliases"]]
        # the surname alone is how reports name people after the first mention
        if e["type"] == "PERSON":
            names += [e["name"].split()[-1]]
        out[e["id"]] = sorted({n for n in names if len(n) > 2}, key=len, reverse=True)
    return out


def kind_documents(q: Mapping[str, Any]) -> str:
    """Its documents, and how many give it as the group's kind: "4 documents", or "in 1 of 4
    documents" when the others only report it in their own words (a reader checking a
    quotation needs to know which outlets print those words)."""
    n = len(q["documents"])
    # Briefs stored before variants carried a kind count every document as the group's kind.
    same = {d for v in q["variants"] if v.get("kind", q["kind"]) == q["kind"] for d in v["documents"]}
    k = len(same) if same else n
    return counted(n, "document") if k >= n else f"in {k} of {counted(n, 'document')}"


def kind_label(q: Mapping[str, Any]) -> str:
    """ "direct, 4 documents" or "direct in 1 of 4 documents" (:func:`kind_documents`)."""
    docs = kind_documents(q)
    return f"{q['kind']} {docs}" if docs.startswith("in ") else f"{q['kind']}, {docs}"


def several_days(d: Mapping[str, Any]) -> bool:
    """The brief's reports were published on more than one known day."""
    return len({str(doc.get("published") or "")[:10] for doc in d["documents"]} - {""}) > 1


def when_label(q: Mapping[str, Any], *, reported: bool = True) -> tuple[str, dict[str, Any] | None]:
    """When a group's words were said, for its label, and the citation that dates them:
    ("said 2025-07-01", cite), ("said 2025-07-02 (inferred)", cite), ("first reported
    2025-07-02", None) when no report dates the saying, or ("", None). ``reported``: give
    the first report's day (pointless when every report came out on one day)."""
    said = q.get("said_on")
    if said:
        return f"said {said['date']}" + (" (inferred)" if said["inferred"] else ""), said["citation"]
    if reported and q.get("first_reported"):
        return f"first reported {q['first_reported']}", None
    return "", None


_VARIANT_KIND = {"direct": "direct quote", "partial": "partial quote", "indirect": "reported speech"}


def variant_label(v: Mapping[str, Any], q: Mapping[str, Any]) -> str:
    """ "excerpt" or "other wording", with how it is given when that differs from the group."""
    label = "excerpt" if v["verbatim"] else "other wording"
    kind = v.get("kind", q["kind"])
    return label if kind == q["kind"] else f"{label} ({_VARIANT_KIND[kind]})"


def speaker_label(q: Mapping[str, Any]) -> str:
    """Who a rendered quote group is by: the entity's name, else the text's own words for the
    speaker; words resting on a source the report does not name say so ("unnamed source
    (“three people familiar with the matter”)", "Reuters (unnamed: “three people …”)")."""
    unnamed = q.get("unnamed")
    if q.get("speaker_name") or q.get("speaker"):
        name = str(q.get("speaker_name") or q["speaker"])
        return f"{name} (unnamed: “{unnamed}”)" if unnamed else name
    if unnamed:
        return f"unnamed source (“{unnamed}”)"
    return f"unknown speaker (“{q['speaker_text']}”)" if q.get("speaker_text") else "unknown speaker"


def split_quotes(d: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(main, other): the groups a reader should see first (an unnamed source among them), and the rest (unknown speaker,
    too few words, a reporting frame around another speaker's words, or a paraphrase lying
    inside another group's quote of the same document — a second parse of the same words)."""
    aliases = _aliases(d)
    speakers = {q["speaker"] for q in d["quotes"] if q["speaker"]}
    quotes = d["quotes"]
    first: list[bool] = []
    for q in quotes:
        words = len(content_words(q["text"]))
        others = [n for sp in speakers - {q["speaker"]} for n in aliases.get(sp, [])]
        first.append(
            # an unnamed source is no unknown speaker: the report chose not to name it
            (not q["speaker"] and not q.get("unnamed"))
            or words < (3 if q["kind"] == "indirect" else 2)
            or (q["kind"] == "indirect" and is_frame(q["text"], others))
        )
    # a paraphrase inside another (main-list) group's quote of the same document is a second
    # parse of the same words ("the US hopes to finish …" → "to finish …" given to "the US")
    kept = [
        (k, c["document"], c["start"], c["end"])
        for k, q in enumerate(quotes)
        if not first[k]
        for c in q["citations"]
    ]

    def nested(k: int, q: dict[str, Any]) -> bool:
        return all(
            any(
                o != k
                and doc == c["document"]
                and s <= c["start"]
                and c["end"] <= e
                and (s, e) != (c["start"], c["end"])
                for o, doc, s, e in kept
            )
            for c in q["citations"]
        )

    main: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    for k, q in enumerate(quotes):
        secondary = first[k] or (q["kind"] == "indirect" and nested(k, q))
        (other if secondary else main).append(q)
    return main, other


def show_diff(variant: dict[str, Any]) -> bool:
    """A diff helps only for another wording of the same words: not for an excerpt of the
    canonical text (verbatim) nor for a paraphrase that shares too few words to line up."""
    if variant["verbatim"] or not variant["diff"]:
        return False
    same = sum(len(t["text"].split()) for t in variant["diff"] if t["op"] == "equal")
    return same >= 0.5 * max(len(variant["text"].split()), 1)


def shown_variants(q: dict[str, Any]) -> list[dict[str, Any]]:
    """The variants of quote group ``q`` worth a line under it.

    Not the group's own wording, and not a wrapper that adds only function words around
    another variant of the same document: 'describing them as "deep and ongoing"' yields both
    the partial quote "deep and ongoing" and the clause 'them as "deep and ongoing"', and the
    second tells the reader nothing more; nor a piece of the group's own wording in the same
    report. JSON keeps them all.
    """
    variants = [v for v in q.get("variants") or [] if isinstance(v, dict)]
    spans = [
        (c["document"], c["start"], c["end"])
        for v in variants
        for c in v.get("citations") or []
        if "start" in c
    ]

    def wrapper(v: dict[str, Any]) -> bool:
        cites = [c for c in v.get("citations") or [] if "start" in c]
        if not cites:
            return False
        for c in cites:
            lo, hi = c["start"], c["end"]
            inner = [
                (s, e)
                for d, s, e in spans
                if d == c["document"] and lo <= s and e <= hi and (s, e) != (lo, hi)
            ]
            if not inner:
                return False
            rest = "".join(
                " " if any(s <= lo + k < e for s, e in inner) else ch for k, ch in enumerate(c["text"])
            )
            if content_words(rest):
                return False
        return True

    own = [
        (c["document"], c["start"], c["end"])
        for v in variants
        if v.get("text") == q.get("text")
        for c in v.get("citations") or []
        if "start" in c
    ]

    def inside_own(v: dict[str, Any]) -> bool:
        # "to finish several defence deals" inside the group's own "it hopes to finish several
        # defence deals", in the same report: a piece of the words already shown
        cites = [c for c in v.get("citations") or [] if "start" in c]
        return bool(cites) and all(
            any(d == c["document"] and s <= c["start"] and c["end"] <= e for d, s, e in own) for c in cites
        )

    return [v for v in variants if v.get("text") != q.get("text") and not wrapper(v) and not inside_own(v)]
