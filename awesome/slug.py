"""GitHub-style heading anchors."""

from __future__ import annotations

import re

# GitHub keeps letters, digits, spaces, hyphens and underscores, then turns spaces into hyphens.
_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*`]|<[^>]+>")


def github_slug(heading: str) -> str:
    """The anchor GitHub generates for a heading's text."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", heading)
    text = _DROP.sub("", text.strip().lower())
    return text.replace(" ", "-")


class SlugCounter:
    """Adds ``-1``, ``-2`` ... to repeated slugs, as GitHub does."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def unique(self, heading: str) -> str:
        slug = github_slug(heading)
        count = self._seen.get(slug)
        self._seen[slug] = 0 if count is None else count + 1
        return slug if count is None else f"{slug}-{count + 1}"
