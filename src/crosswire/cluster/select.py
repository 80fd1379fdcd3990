"""The stories a reader asked for: stories → those named (by story id or by a member document)
and told by enough independent sources.

Input → output: ``Sequence[StoryDocs]`` → ``list[StoryDocs]``, in the order given.

A folder a monitor collects holds many stories; a brief of each is long, so ``crosswire
brief --story … --min-sources …`` narrows the run before the extract stage, where its time
goes. A story's id is a hash of its members' ids (:func:`crosswire.cluster.story_id`), so it
changes when a report joins the story; a document's id does not, and names its story as well.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.errors import ConfigError
from crosswire.labels import counted
from crosswire.models import StoryDocs

__all__ = ["select_stories"]


def select_stories(
    stories: Sequence[StoryDocs], *, names: Sequence[str] = (), min_sources: int = 1
) -> list[StoryDocs]:
    """The stories ``names`` pick (all when empty) with at least ``min_sources`` independent sources.

    A name picks the story whose id it is, or begins ("s-87c6", enough digits to be one), or
    the story holding a document of that id. A name that picks nothing, or several stories
    by a short prefix, is a :class:`ConfigError` that lists what would have matched.
    """
    if min_sources < 1:
        raise ConfigError(f"--min-sources must be 1 or more, not {min_sources}")
    chosen: set[str] = set()
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        exact = [s for s in stories if s.story.id == name or name in s.story.documents]
        hits = exact or [s for s in stories if s.story.id.startswith(name)]
        if not hits:
            raise ConfigError(
                f"no story has the id {name!r} or a document of that id; the stories here are "
                f"{_listing(stories)} (a story's id changes when a report joins it: a document's "
                "id names its story for good; `crosswire cluster PATH` lists both)"
            )
        if len(hits) > 1:
            raise ConfigError(
                f"{name!r} begins the ids of {len(hits)} stories ({_listing(hits)}): give more of the id"
            )
        chosen.add(hits[0].story.id)
    return [
        s
        for s in stories
        if (not chosen or s.story.id in chosen)
        and s.story.sources_read([a.document for a in s.documents]) >= min_sources
    ]


def _listing(stories: Sequence[StoryDocs], *, most: int = 5) -> str:
    if not stories:
        return "none (no document was read)"
    shown = ", ".join(f"{s.story.id} ({counted(len(s.story.documents), 'document')})" for s in stories[:most])
    return shown + (f" and {len(stories) - most} more" if len(stories) > most else "")
