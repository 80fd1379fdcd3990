"""extract: who, what and when in each story.

Input → output: :class:`~crosswire.models.StoryDocs` → :class:`~crosswire.models.Extraction`
(canonical entities, quotes with speakers linked to entities, normalised time expressions).

- ``entities.py`` — :func:`~crosswire.extract.entities.resolve_entities`, ``entity_at``.
- ``roles.py`` — titles and appositives around names.
- ``quotes.py`` — ``extract_quotes(adoc)``, ``link_speakers(quotes, entities, adocs)``.
- ``timex.py`` — ``extract_times(adoc)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crosswire.models import Extraction, Quote, StoryDocs, TimeExpression

__all__ = ["extract_story", "run"]


def extract_story(story: StoryDocs) -> Extraction:
    """Entities, quotes (speakers linked to the entities) and times of one story."""
    # Imported here: the quote and time extractors are separate modules with their own costs.
    from crosswire.extract.entities import resolve_entities
    from crosswire.extract.quotes import extract_quotes, link_speakers
    from crosswire.extract.timex import extract_times

    adocs = story.documents
    entities = resolve_entities(adocs)
    raw: list[Quote] = []
    for adoc in adocs:
        raw.extend(extract_quotes(adoc))
    quotes = link_speakers(raw, entities, adocs)
    times: list[TimeExpression] = []
    for adoc in adocs:
        times.extend(extract_times(adoc))
    return Extraction(story=story, entities=entities, quotes=tuple(quotes), times=tuple(times))


def run(stories: Iterable[StoryDocs]) -> Iterator[Extraction]:
    """One :class:`Extraction` per story, lazily, in input order."""
    for story in stories:
        yield extract_story(story)
