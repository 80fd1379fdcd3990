"""Brief → Markdown for terminals and notes.

Input → output: briefs (via :func:`crosswire.brief.json_out.to_dict`) + rejects → Markdown text.
Citations are written ``[002:123-245]`` (document, original start–end); every cited
stretch is quoted once under "Sources" so the reader can check it without the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosswire.brief.json_out import (
    EMPTY,
    INFERRED_DATE_NOTE,
    NOTES_INTRO,
    RETRACTED,
    SOURCING_INTRO,
    SOURCING_TITLE,
    contents,
    contents_line,
    details_note,
    fact_reading,
    hedged_note,
    no_comments,
    ordered,
    origins,
    outlet_notes,
    short_ids,
    superseded_line,
    timeline_by_date,
    to_dict,
    unnamed_by_document,
    unnamed_note,
    unverified_by_document,
)
from crosswire.brief.quotes import (
    kind_label,
    several_days,
    show_diff,
    shown_variants,
    speaker_label,
    split_quotes,
    variant_label,
    when_label,
)
from crosswire.labels import counted, source_name
from crosswire.models import Brief, Rejected

__all__ = ["render_markdown"]


class _Refs:
    """Citation → ``[doc:start-end]`` label, remembering each one for the Sources section."""

    def __init__(self, short: dict[str, str]) -> None:
        self.short = short
        self.seen: dict[str, dict[str, Any]] = {}

    def __call__(self, cites: Sequence[dict[str, Any]], limit: int = 8) -> str:
        labels = []
        for c in cites:
            label = f"{self.short.get(c['document'], c['document'])}:{c['start']}-{c['end']}"
            self.seen.setdefault(label, c)
            labels.append(f"[{label}]")
        labels = list(dict.fromkeys(labels))
        more = f" (+{len(labels) - limit} more)" if len(labels) > limit else ""
        return " ".join(labels[:limit]) + more


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quote(q: dict[str, Any], ref: _Refs, *, variants: bool = True, reported: bool = True) -> list[str]:
    who = speaker_label(q)
    when, dated_by = when_label(q, reported=reported)
    if when:
        when = f"; {when} {ref([dated_by], 1)}" if dated_by else f"; {when}"
    out = [f"- **{who}** ({kind_label(q)}{when}): “{_one_line(q['text'])}” {ref(q['citations'], 4)}"]
    for v in shown_variants(q) if variants else []:
        line = f"  - {variant_label(v, q)}: “{_one_line(v['text'])}” {ref(v['citations'], 3)}"
        if show_diff(v):
            diff = " ".join(
                t["text"]
                if t["op"] == "equal"
                else (f"~~{t['text']}~~" if t["op"] == "delete" else f"**{t['text']}**")
                for t in v["diff"]
            )
            line += f" — changes: {diff}"
        out.append(line)
    return out


def _sourcing(d: dict[str, Any], short: dict[str, str], ref: _Refs) -> list[str]:
    """The section on unnamed sources, no-comments and what reports could not verify, or nothing
    when the reports have none."""
    unnamed, silent, unverified = unnamed_by_document(d), no_comments(d), unverified_by_document(d)
    if not unnamed and not silent and not unverified:
        return []
    out = ["", f"## {SOURCING_TITLE}", "", SOURCING_INTRO, ""]
    for doc_id, words, why in unnamed:
        line = f"- **{short.get(doc_id, doc_id)}**"
        if words:
            line += " — unnamed: " + ", ".join(f"“{_one_line(c['text'])}” {ref([c])}" for c in words)
        if why:
            line += (
                ("; " if words else " — ")
                + "not named: "
                + ", ".join(f"“{_one_line(c['text'])}” {ref([c])}" for c in why)
            )
        out.append(line)
    for who, details in silent:
        out.append(
            f"- No comment from **{who}**: " + "; ".join(f"{what} {ref(cites)}" for what, cites in details)
        )
    for doc_id, said in unverified:
        out.append(
            f"- **{short.get(doc_id, doc_id)}** — could not verify: "
            + ", ".join(f"“{_one_line(c['text'])}” {ref([c])}" for c in said)
        )
    return out


def _story(d: dict[str, Any]) -> list[str]:
    short = short_ids(d["story"]["documents"], urls={doc["id"]: doc["url"] for doc in d["documents"]})
    ref = _Refs(short)
    s = d["story"]
    out = [f"# {s['headline'] or '(no headline)'}", ""]
    shared, alone, families = origins(d, short)
    out.append(
        f"**Event date:** {s['event_date'] or 'unknown'} · **Documents:** {len(s['documents'])} · "
        f"**Independent sources:** {s['independent_sources']}" + (f" ({shared})" if shared else "")
    )
    out.append("")
    out.append("## Summary")
    out.append("")
    for i, x in enumerate(d["summary"], 1):
        out.append(f"{i}. {_one_line(x['text'])} {ref(x['citations'])}")
    if not d["summary"]:
        out.append(EMPTY["summary"])
    names = {e["id"]: e["name"] for e in d["entities"]}

    def reading(f: dict[str, Any]) -> str:
        head, name, tail = fact_reading(f, names)
        return _one_line(head + (f" [{name}]" if name else "") + tail)

    out += ["", "## Corroborated facts", ""]
    if all(f["status"] == "single_source" for f in d["facts"]):
        out.append(EMPTY["facts"])
    for f in d["facts"]:
        if f["status"] != "single_source":
            flag = " **(contested)**" if f["status"] == "contested" else ""
            unnamed = f"; {note}" if (note := unnamed_note(f, short)) else ""
            unnamed += f"; {hedge}" if (hedge := hedged_note(f, short)) else ""
            unnamed += f"; {detail}" if (detail := details_note(f, short)) else ""
            out.append(
                f"- {reading(f)}{flag} — {counted(f['independent_sources'], 'independent source')}, "
                f"{counted(len(f['documents']), 'document')}{unnamed} {ref(f['citations'], 5)}"
            )
    # a rising toll ("update") is listed here too, but it is no disagreement: say so
    updates = any(c["kind"] == "update" for c in d["conflicts"])
    out += ["", "## Conflicts and updates" if updates else "## Conflicts", ""]
    if not d["conflicts"]:
        out.append("None found.")
    for c in d["conflicts"]:
        out.append(f"- **{c['kind']}**: {c['description']}")
        for side in c["sides"]:
            out.append(f"  - “{_one_line(side['value'])}” {ref(side['citations'], 6)}")
    notes = outlet_notes(d)
    versions = [(doc["id"], line) for doc in d["documents"] if (line := superseded_line(doc, short))]
    if notes or versions:
        out += ["", "## Corrections and editor's notes", "", NOTES_INTRO, ""]
        for n in notes:
            out.append(
                f"- **{short.get(n['document'], n['document'])}** ({n['kind']}): "
                f"“{_one_line(n['citation']['text'])}” {ref([n['citation']])}"
                + (f" — {RETRACTED}" if n["kind"] == "retraction" else "")
            )
        for doc_id, line in versions:
            out.append(f"- **{short.get(doc_id, doc_id)}**: {line}")
    out += _sourcing(d, short, ref)
    out += ["", "## Who said what", ""]
    main, other = split_quotes(d)
    days = several_days(d)
    for q in main:
        out += _quote(q, ref, reported=days)
    if not main:
        out.append("None found.")
    if other:
        out += ["", "### Other attributions", ""]
        out.append("Unknown speaker, too few words to stand alone, or a report of someone else's words.")
        out.append("")
        for q in other:
            out += _quote(q, ref, variants=False, reported=days)
    out += ["", "## Timeline", ""]
    if any(t.get("date_inferred") for t in d["timeline"]):
        out += [INFERRED_DATE_NOTE, ""]
    # entries of one date read as one line of the timeline, each sentence under it
    for date, inferred, same in timeline_by_date(d["timeline"]):
        mark = " (inferred)" if inferred else ""
        lines = [f"{_one_line(t['text'])} {ref(t['citations'], 4)}" for t in same]
        if len(lines) == 1:
            out.append(f"- **{date}**{mark} — {lines[0]}")
        else:
            out += [f"- **{date}**{mark}"] + [f"  - {line}" for line in lines]
    if not d["timeline"]:
        out.append(EMPTY["timeline"])
    out += ["", "## Single-source claims", ""]
    single = [f for f in d["facts"] if f["status"] == "single_source"]
    for f in single:
        unnamed = " — unnamed source" if f.get("unnamed") else ""
        unnamed += f" — {hedge}" if (hedge := hedged_note(f, short)) else ""
        out.append(f"- {reading(f)}{unnamed} {ref(f['citations'], 2)}")
    if not single:
        out.append(EMPTY["single"])
    out += ["", "## Entities", ""]
    for e in d["entities"]:
        roles = f" — {', '.join(e['roles'])}" if e["roles"] else ""
        out.append(f"- **{e['name']}** ({e['type']}){roles}; {counted(len(e['documents']), 'document')}")
    if not d["entities"]:
        out.append(EMPTY["entities"])
    out += ["", "## Coverage", ""]
    cols = [short.get(x, x) for x in d["coverage"]["documents"]]
    if not d["coverage"]["rows"]:
        out.append(EMPTY["coverage"])
    else:
        out.append(
            "| fact | "
            + " | ".join(f"{c} ({f})" for c, f in zip(cols, d["coverage"]["families"], strict=True))
            + " |"
        )
        out.append("|---|" + "---|" * len(cols))
    for row in d["coverage"]["rows"]:
        out.append(f"| {row['fact']} | " + " | ".join("■" if v else "·" for v in row["cells"]) + " |")
    out += ["", "## Independent origins", ""]
    if alone:
        out.append(alone)
    else:
        for f in families:
            out.append(
                f"- **{f['label']}**: {f['what']}" + "".join(f" — {_one_line(e)}" for e in f["evidence"])
            )
    out += ["", "## Documents", ""]
    for doc in d["documents"]:
        out.append(
            f"- `{short.get(doc['id'], doc['id'])}` {doc['title'] or doc['path'] or doc['id']} — "
            f"{source_name(doc) or 'unknown source'}, {doc['published'] or 'date unknown'}, family {doc['family']}"
            + "".join(f" · {n['kind']}" for n in doc.get("notes", ()))
            + (
                f" · superseded by {short.get(v['document'], v['document'])}"
                if (v := doc.get("superseded_by"))
                else ""
            )
        )
    out += ["", "## Sources", ""]
    for label, c in ref.seen.items():
        out.append(f"- **[{label}]**")
        out.append("  > " + _one_line(c["text"]))
    out.append("")
    return out


def _contents(briefs: Sequence[Brief]) -> list[str]:
    """Several stories: a numbered list of them first, each with the id ``--story`` takes."""
    rows = contents(briefs)
    n_docs = sum(r["documents"] for r in rows)
    out = [f"# {len(rows)} stories from {counted(n_docs, 'document')}", ""]
    for i, r in enumerate(rows, 1):
        out.append(
            f"{i}. **{_one_line(r['headline'] or '(no headline)')}** — {contents_line(r)} · `{r['id']}`"
        )
    return [*out, "", "---", ""]


def render_markdown(briefs: Sequence[Brief], *, rejected: Sequence[Rejected]) -> str:
    lines: list[str] = _contents(briefs) if len(briefs) > 1 else []
    for b in ordered(briefs):
        lines += _story(to_dict(b))
        lines.append("---")
        lines.append("")
    if not briefs:
        lines += ["No stories.", ""]
    if rejected:
        lines += ["## Rejected inputs", ""]
        for r in rejected:
            where = f"{r.path}:{r.line}" if r.line is not None else r.path
            lines.append(f"- `{where}` — {r.reason}")
        lines.append("")
    return "\n".join(lines)
