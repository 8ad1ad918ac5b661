"""Reading one list item's text into an :class:`Entry`.

Two families of shapes are understood:

* link first, the canonical and common awesome-list shape:
  ``[Title](url) - **NAME**. AUTHORS, VENUE YEAR. Description [Label](url) · [Label](url)``
  (every part after the link optional, ``[Name](url) - Description.`` included);
* bold title first, the shapes paper lists grow by hand:
  ``NAME **Title**, VENUE YEAR, [Paper](url)``,
  ``NAME: **"Title"**. *Authors et al.* VENUE YEAR. [Paper](url)``,
  ``**Name**. [Repo](url)/[Blog](url)``.

An item that fits neither comes back as None; the caller keeps it verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awesome.arxiv_id import arxiv_id_of_url
from awesome.inline import find_links, link_at, unescape
from awesome.model import Entry, Link

_YEAR = r"(?:19|20)\d\d"
_SEPARATOR = re.compile(r"^\s*(?:[-–—:]|,)\s*")
_NAME = re.compile(r"^\*\*(?P<name>(?:[^*\\]|\\.)+)\*\*\.(?:\s+|$)")
# AUTHORS, VENUE YEAR.  /  VENUE YEAR.  /  YEAR.   (the venue is short and has no sentence in it)
_META_YEAR = re.compile(
    rf"^(?:(?P<authors>[^.]*?(?:et al\.)?[^.,]*?), )?"
    rf"(?:(?P<venue>[^.!?]{{1,80}}?) )?(?P<year>{_YEAR})\.(?:\s+|$)"
)
_META_AUTHORS_ONLY = re.compile(r"^(?P<authors>[^.,]{1,80}? et al\.)(?:\s+|$)")
_BOLD = re.compile(r"\*\*(?P<text>(?:[^*\\]|\\.|\*(?!\*))+?)\*\*")
_ITALIC = re.compile(r"^\*(?P<text>[^*]+)\*|^_(?P<text2>[^_]+)_")
_TRAILING_YEAR = re.compile(rf"^(?P<venue>.*?)[\s,]*\(?(?P<year>{_YEAR})\)?[.,;]?$")
_LINK_GLUE = re.compile(r"^[\s/|,·•;-]*$")
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"))
_ET_AL = re.compile(r",?\s+et\.? al\.?$")
_MAX_NAME = 60


@dataclass
class _Tail:
    """The parts that can follow the title of an entry."""

    name: str | None = None
    authors: list[str] | None = None
    first_only: bool = False
    venue: str | None = None
    year: int | None = None
    description: str = ""
    links: list[Link] | None = None


def split_authors(text: str) -> tuple[list[str], bool]:
    """``A, B and C`` -> ([A, B, C], False); ``A et al.`` -> ([A], True)."""
    text = unescape(text.strip().rstrip(","))
    first_only = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    return [part.strip() for part in parts if part.strip()], first_only


def _strip_quotes(title: str) -> str:
    title = title.strip()
    for opening, closing in _QUOTES:
        if len(title) > 1 and title.startswith(opening) and title.endswith(closing):
            return title[1:-1].strip()
    return title


def _trailing_links(text: str) -> tuple[str, list[Link]]:
    """Split off the links at the end of ``text`` that are separated only by glue."""
    found = list(find_links(text))
    links: list[Link] = []
    end = len(text.rstrip())
    for link in reversed(found):
        if link.image or not _LINK_GLUE.match(text[link.end : end]):
            break
        links.insert(0, Link(unescape(link.label), link.url))
        end = link.start
    if not links:
        return text.strip(), []
    return text[:end].rstrip(" /|,·•;-").strip(), links


def _parse_meta_tail(rest: str) -> _Tail:
    """Parse what follows ``[Title](url) - `` in the link-first shape."""
    tail = _Tail()
    match = _NAME.match(rest)
    if match:
        tail.name = unescape(match.group("name")).strip()
        rest = rest[match.end() :]
    match = _META_YEAR.match(rest)
    if match:
        if match.group("authors"):
            tail.authors, tail.first_only = split_authors(match.group("authors"))
        tail.venue = unescape(match.group("venue")).strip() if match.group("venue") else None
        tail.year = int(match.group("year"))
        rest = rest[match.end() :]
    else:
        match = _META_AUTHORS_ONLY.match(rest)
        if match:
            tail.authors, tail.first_only = split_authors(match.group("authors"))
            rest = rest[match.end() :]
    tail.description, tail.links = _trailing_links(rest)
    return tail


def _first_link_entry(text: str) -> Entry | None:
    """The link-first shape, including ``**[Title](url)**``."""
    bold = text.startswith("**[")
    start = 2 if bold else 0
    link = link_at(text, start)
    if link is None or link.image or not link.label.strip():
        return None
    end = link.end
    if bold:
        if not text.startswith("**", end):
            return None
        end += 2
    rest = text[end:]
    separator = _SEPARATOR.match(rest)
    rest = rest[separator.end() :] if separator else rest.lstrip()
    tail = _parse_meta_tail(rest)
    return _make_entry(unescape(link.label).strip(), link.url, link.label, tail)


def _bold_first_entry(text: str) -> Entry | None:
    """The bold-title shapes of hand-grown paper lists."""
    bold = _BOLD.search(text)
    links = list(find_links(text))
    if bold is None or not links or links[0].start < bold.end():
        return None
    prefix = text[: bold.start()].strip().rstrip(":").strip()
    if len(prefix) > _MAX_NAME or "[" in prefix or "*" in prefix:
        return None
    title = _strip_quotes(unescape(bold.group("text")))
    meta = text[bold.end() : links[0].start]
    tail = _parse_bold_meta(meta)
    tail.name = prefix or None
    primary = links[0]
    after, extra = _trailing_links(text[primary.end :])
    tail.description = " ".join(part for part in (tail.description, after) if part)
    tail.links = extra
    return _make_entry(title, primary.url, primary.label, tail)


def _parse_bold_meta(meta: str) -> _Tail:
    """``, *Authors et al.* VENUE YEAR.`` between a bold title and its first link."""
    tail = _Tail()
    meta = meta.strip().lstrip(",.:;-–— ").strip()
    italic = _ITALIC.match(meta)
    if italic:
        tail.authors, tail.first_only = split_authors(italic.group("text") or italic.group("text2"))
        meta = meta[italic.end() :].strip().lstrip(",.;:").strip()
    meta = meta.rstrip(",;: ").strip()
    match = _TRAILING_YEAR.match(meta)
    if match:
        tail.year = int(match.group("year"))
        venue = match.group("venue").strip().rstrip(",.;:").strip()
        tail.venue = unescape(venue) or None
    elif meta:
        tail.description = meta
    return tail


def _make_entry(title: str, url: str, label: str, tail: _Tail) -> Entry:
    entry = Entry(
        title=title,
        url=url.strip(),
        name=tail.name,
        authors=tail.authors or [],
        authors_first_only=tail.first_only,
        venue=tail.venue,
        year=tail.year,
        description=tail.description,
        links=tail.links or [],
    )
    entry.label = unescape(label)
    entry.arxiv_id = first_arxiv_id(entry)
    return entry


def first_arxiv_id(entry: Entry) -> str | None:
    """The id of the entry's first arXiv link, in any form."""
    candidates = [entry.url or "", *(link.url for link in entry.links)]
    candidates += [link.url for link in find_links(entry.description)]
    for url in candidates:
        found = arxiv_id_of_url(url)
        if found:
            return found
    return None


# "[[Paper](url)]": a link wrapped in brackets, the habit of many paper lists (LLMSurvey)
_WRAPPED_LINK = re.compile(r"\[(\[(?:[^\[\]\\]|\\.)*\]\([^()\s]*\))\]")


def parse_entry_text(text: str) -> Entry | None:
    """Parse one list item's text (marker removed, lines joined); None if it fits no shape."""
    text = _WRAPPED_LINK.sub(r"\1", text.strip())
    if not text:
        return None
    return _first_link_entry(text) or _bold_first_entry(text)
