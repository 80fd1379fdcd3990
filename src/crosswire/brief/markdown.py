"""Brief → Markdown for terminals and notes.

Input → output: briefs (via :func:`crosswire.brief.json_out.to_dict`) + rejects → Markdown text.
Citations are written ``[002:123-245]`` (document, original start–end); every cited
stretch is quoted once under "Sources" so the reader can check it without the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosswire.brief.json_out import ordered, short_ids, to_dict
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


def _story(d: dict[str, Any]) -> list[str]:
    short = short_ids(d["story"]["documents"])
    ref = _Refs(short)
    s = d["story"]
    out = [f"# {s['headline'] or '(no headline)'}", ""]
    out.append(
        f"**Event date:** {s['event_date'] or 'unknown'} · **Documents:** {len(s['documents'])} · "
        f"**Independent sources:** {s['independent_sources']}"
    )
    out.append("")
    out.append("## Summary")
    out.append("")
    for i, x in enumerate(d["summary"], 1):
        out.append(f"{i}. {_one_line(x['text'])} {ref(x['citations'])}")
    out += ["", "## Corroborated facts", ""]
    for f in d["facts"]:
        if f["status"] != "single_source":
            flag = " **(contested)**" if f["status"] == "contested" else ""
            out.append(
                f"- {_one_line(f['text'])}{flag} — {f['independent_sources']} independent sources, "
                f"{len(f['documents'])} documents {ref(f['citations'], 5)}"
            )
    out += ["", "## Conflicts", ""]
    if not d["conflicts"]:
        out.append("None found.")
    for c in d["conflicts"]:
        out.append(f"- **{c['kind']}**: {c['description']}")
        for side in c["sides"]:
            out.append(f"  - “{_one_line(side['value'])}” {ref(side['citations'], 6)}")
    out += ["", "## Quotes", ""]
    for q in d["quotes"]:
        who = q["speaker_name"] or q["speaker"] or "unknown speaker"
        out.append(
            f"- **{who}** ({q['kind']}, {len(q['documents'])} documents): “{_one_line(q['text'])}” {ref(q['citations'], 4)}"
        )
        for v in q["variants"]:
            if v["text"] == q["text"]:
                continue
            diff = " ".join(
                t["text"]
                if t["op"] == "equal"
                else (f"~~{t['text']}~~" if t["op"] == "delete" else f"**{t['text']}**")
                for t in v["diff"]
            )
            kind = "verbatim" if v["verbatim"] else "paraphrased"
            out.append(f"  - {kind}: “{_one_line(v['text'])}” {ref(v['citations'], 3)} — diff: {diff}")
    out += ["", "## Timeline", ""]
    for t in d["timeline"]:
        out.append(f"- **{t['date']}** — {_one_line(t['text'])} {ref(t['citations'], 4)}")
    out += ["", "## Single-source claims", ""]
    single = [f for f in d["facts"] if f["status"] == "single_source"]
    for f in single:
        out.append(f"- {_one_line(f['text'])} {ref(f['citations'], 2)}")
    if not single:
        out.append("None.")
    out += ["", "## Entities", ""]
    for e in d["entities"]:
        roles = f" — {', '.join(e['roles'])}" if e["roles"] else ""
        out.append(f"- **{e['name']}** ({e['type']}){roles}; {len(e['documents'])} documents")
    out += ["", "## Coverage", ""]
    cols = [short.get(x, x) for x in d["coverage"]["documents"]]
    out.append(
        "| fact | "
        + " | ".join(f"{c} ({f})" for c, f in zip(cols, d["coverage"]["families"], strict=True))
        + " |"
    )
    out.append("|---|" + "---|" * len(cols))
    for row in d["coverage"]["rows"]:
        out.append(f"| {row['fact']} | " + " | ".join("■" if v else "·" for v in row["cells"]) + " |")
    out += ["", "## Documents", ""]
    for doc in d["documents"]:
        out.append(
            f"- `{short.get(doc['id'], doc['id'])}` {doc['title'] or doc['path'] or doc['id']} — "
            f"{doc['source'] or 'unknown source'}, {doc['published'] or 'date unknown'}, family {doc['family']}"
        )
    out += ["", "## Sources", ""]
    for label, c in ref.seen.items():
        out.append(f"- **[{label}]**")
        out.append("  > " + _one_line(c["text"]))
    out.append("")
    return out


def render_markdown(briefs: Sequence[Brief], *, rejected: Sequence[Rejected]) -> str:
    lines: list[str] = []
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
