"""extract: who, what and when in each story.

Input → output: :class:`~crosswire.models.StoryDocs` → :class:`~crosswire.models.Extraction`
(canonical entities, quotes with speakers linked to entities, normalised time expressions,
sourcing notes and hedges).

- ``entities.py`` — :func:`~crosswire.extract.entities.resolve_entities`, ``entity_at``.
- ``roles.py`` — titles and appositives around names.
- ``quotes.py`` — ``extract_quotes(adoc, method=…)``; ``method="tagger"`` runs the CRF of
  ``quote_tagger.py`` stacked on the rules.
- ``quotes_link.py`` — ``link_speakers(quotes, entities, adocs)``, ``without_denials(quotes, adoc)``
  (reported clauses with a negated cue are no one's statement).
- ``sourcing.py`` — ``sourcing_notes(adocs, entities)`` (anonymity grants, no-comments) and
  ``mark_unnamed(quotes, adocs, notes, entities)`` (quotes resting on unnamed sources),
  ``unnamed_sources(quotes)`` (the words describing them, as notes).
- ``hedges.py`` — ``find_hedges(adoc)`` ("allegedly", "reportedly", "may have", "could not
  be verified": the words by which a report says less than that something is so).
- ``timex.py`` — ``extract_times(adoc)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crosswire.models import Extraction, Quote, StoryDocs, TimeExpression

__all__ = ["extract_story", "run"]


def extract_story(
    story: StoryDocs, *, quote_method: str = "rules", quote_model: str | None = None
) -> Extraction:
    """Entities, quotes (speakers linked to the entities) and times of one story.

    ``quote_method``/``quote_model``: see :func:`~crosswire.extract.quotes.extract_quotes`.
    """
    # Imported here: the quote and time extractors are separate modules with their own costs.
    from crosswire.extract.entities import resolve_entities
    from crosswire.extract.hedges import find_hedges
    from crosswire.extract.quotes import extract_quotes, link_speakers, without_denials
    from crosswire.extract.sourcing import mark_unnamed, sourcing_notes, unnamed_sources, unverified_notes
    from crosswire.extract.timex import extract_times, story_anchor

    adocs = story.documents
    entities = resolve_entities(adocs)
    raw: list[Quote] = []
    for adoc in adocs:
        raw.extend(without_denials(extract_quotes(adoc, method=quote_method, model=quote_model), adoc))
    sourcing = sourcing_notes(adocs, entities)
    quotes = mark_unnamed(link_speakers(raw, entities, adocs), adocs, sourcing, entities)
    times: list[TimeExpression] = []
    story_date = story_anchor(adocs)
    for adoc in adocs:
        times.extend(extract_times(adoc, story_date=story_date))
    hedges = tuple(h for adoc in adocs for h in find_hedges(adoc))
    order = {a.document.id: k for k, a in enumerate(adocs)}
    sourcing = sorted(
        [*sourcing, *unnamed_sources(quotes), *unverified_notes(adocs, hedges)],
        key=lambda n: (order.get(n.document, 0), n.start, n.end),
    )
    return Extraction(
        story=story,
        entities=entities,
        quotes=tuple(quotes),
        times=tuple(times),
        sourcing=tuple(sourcing),
        hedges=hedges,
    )


def run(
    stories: Iterable[StoryDocs], *, quote_method: str = "rules", quote_model: str | None = None
) -> Iterator[Extraction]:
    """One :class:`Extraction` per story, lazily, in input order."""
    for story in stories:
        yield extract_story(story, quote_method=quote_method, quote_model=quote_model)
