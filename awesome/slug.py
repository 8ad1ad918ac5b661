"""GitHub-style heading anchors."""

from __future__ import annotations

import re

from awesome.inline import find_links

# GitHub keeps letters, digits, spaces, hyphens and underscores, then turns spaces into hyphens.
_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_REF_IMAGE = re.compile(r"!\[[^\]]*\]\[[^\]]*\]")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_INLINE_MARKUP = re.compile(r"[*`]|<[^>]+>")


def heading_text(heading: str) -> str:
    """The text a heading shows: link labels without targets, no images, no tags or ``*``/`````.

    Images count for nothing, as in the text GitHub reads anchors from: the heading
    ``Tools [![Awesome](badge.svg)](url)`` shows ``Tools `` (with its space).
    """
    parts: list[str] = []
    position = 0
    for link in find_links(heading):
        parts.append(heading[position : link.start])
        if not link.image:
            parts.append(heading_text(link.label))
        position = link.end
    parts.append(heading[position:])
    text = _REF_LINK.sub(r"\1", _REF_IMAGE.sub("", "".join(parts)))
    return _INLINE_MARKUP.sub("", text)


def github_slug(heading: str) -> str:
    """The anchor GitHub generates for a heading's text."""
    text = heading_text(heading.strip())
    return _DROP.sub("", text.lower()).replace(" ", "-")


class SlugCounter:
    """Adds ``-1``, ``-2`` ... to repeated slugs, as GitHub does."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def unique(self, heading: str) -> str:
        slug = github_slug(heading)
        count = self._seen.get(slug)
        self._seen[slug] = 0 if count is None else count + 1
        return slug if count is None else f"{slug}-{count + 1}"
