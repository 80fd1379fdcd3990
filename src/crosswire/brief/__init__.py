"""Brief: what the user reads — headline, event date, cited summary, timeline, facts, conflicts.

Input → output: :class:`~crosswire.models.Alignment` per story → :class:`~crosswire.models.Brief`
per story; :mod:`crosswire.brief.render` turns briefs into JSON, Markdown or one HTML file.

Everything is extractive: the headline is a trimmed source sentence, each summary and
timeline line is a source sentence cited by itself and by every other document that
supports it, so a reader can check each word against the original characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crosswire.brief.headline import headline
from crosswire.brief.summary import summarize
from crosswire.brief.timeline import event_date, timeline
from crosswire.models import Alignment, Brief

__all__ = ["make_brief", "run"]


def make_brief(alignment: Alignment, *, min_sentences: int = 3, max_sentences: int = 7) -> Brief:
    """The brief of one story."""
    ex = alignment.extraction
    story = ex.story.story
    entities = sorted(ex.entities, key=lambda e: (-len(e.documents), -len(e.mentions), e.name))
    title = headline(alignment)
    date = event_date(alignment)  # read once: the timeline and the summary's lead need it too
    return Brief(
        story=story,
        headline=title,
        event_date=date,
        documents=tuple(a.document for a in ex.story.documents),
        entities=tuple(entities),
        quotes=alignment.quotes,
        facts=alignment.facts,
        conflicts=alignment.conflicts,
        timeline=timeline(alignment, event=date),
        summary=summarize(
            alignment, min_sentences=min_sentences, max_sentences=max_sentences, headline=title, event=date
        ),
        sourcing=ex.sourcing,
    )


def run(
    alignments: Iterable[Alignment], *, min_sentences: int = 3, max_sentences: int = 7
) -> Iterator[Brief]:
    """One :class:`Brief` per story, in the order the stories come."""
    for alignment in alignments:
        yield make_brief(alignment, min_sentences=min_sentences, max_sentences=max_sentences)
