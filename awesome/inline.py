"""Inline Markdown: finding links, and escaping text so a line parses back the same.

A small scanner of our own rather than a full Markdown parser: it is fast on
100k-entry lists and knows the positions of what it finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# Characters that would change how an entry line parses back.
_ESCAPE = re.compile(r"([\\\[\]|*`_])")
_UNESCAPE = re.compile(r"\\([\\\[\]|*`_()#<>!~.+-])")


class InlineLink(NamedTuple):
    """A ``[label](url)`` found in text; ``start``/``end`` index the source text.

    A named tuple rather than a frozen dataclass: as immutable, and several times cheaper
    to make (a frozen dataclass sets each field through ``object.__setattr__``); a 100k-entry
    list makes one per link.
    """

    label: str
    url: str
    start: int
    end: int
    image: bool = False


def escape(text: str) -> str:
    """Escape the characters that would break an entry line."""
    return _ESCAPE.sub(r"\\\1", text)


def unescape(text: str) -> str:
    """Undo backslash escapes of punctuation."""
    if "\\" not in text:
        return text  # the common case, and called for every part of every entry
    return _UNESCAPE.sub(r"\1", text)


# Brackets nested one deep (a badge's image, "[![alt](src)](url)") with no escapes or
# code inside: one match instead of a loop over every character; the loops below decide
# everything else, and the same way on these.
_ONE_DEEP = re.compile(r"\[(?:[^\[\]\\`]|\[[^\[\]\\`]*\])*\]")
_PLAIN_DESTINATION = re.compile(r"\(([^()\s\\<]*)\)")


def _match_bracket(text: str, start: int) -> int:
    """Index of the ``]`` that closes the ``[`` at ``start``, or -1."""
    found = _ONE_DEEP.match(text, start)
    if found is not None:
        return found.end() - 1
    depth = 0
    i = start
    n = len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            close = text.find("`", i + 1)
            if close != -1:
                i = close + 1
                continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _match_destination(text: str, start: int) -> tuple[str, int] | None:
    """Parse ``(url "title")`` at ``start``; return the url and the index after ``)``."""
    found = _PLAIN_DESTINATION.match(text, start)
    if found is not None:
        return found.group(1), found.end()
    n = len(text)
    i = start + 1
    while i < n and text[i] == " ":
        i += 1
    if i < n and text[i] == "<":
        close = text.find(">", i)
        if close == -1:
            return None
        url = text[i + 1 : close]
        end = text.find(")", close)
        return (url, end + 1) if end != -1 else None
    depth = 0
    url_start = i
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char in " \t":
            break
        i += 1
    url = text[url_start:i]
    if i < n and text[i] in " \t":
        # an optional title: skip to the closing parenthesis
        close = text.find(")", i)
        if close == -1:
            return None
        i = close
    if i >= n or text[i] != ")":
        return None
    return url, i + 1


# The common link, ``[label](url)`` with nothing nested, escaped, quoted or spaced:
# one regex match gives what the scanners below would find, at a fraction of the cost.
_SIMPLE_LINK = re.compile(r"\[([^\[\]\\`]*)\]\(([^()\s\\<]*)\)")
# Makes an InlineLink from a tuple of its five fields, as the named tuple's own _make does,
# without the Python-level __new__ that InlineLink(...) goes through: half the cost, on the
# quick paths that make one per link of a list.
_new_link = tuple.__new__


def find_links(text: str) -> Iterator[InlineLink]:
    """Every top-level ``[label](url)`` in ``text``, including images, left to right.

    A link whose label holds an image (a badge) is reported once, as a link.
    """
    return iter(links_in(text))


def links_in(text: str) -> list[InlineLink]:
    """:func:`find_links` as a list: built in one go, cheaper than a generator's steps
    (the parser asks for the links of every entry)."""
    links: list[InlineLink] = []
    i = 0
    while True:
        i = text.find("[", i)
        if i == -1:
            return links
        if i > 0 and text[i - 1] == "\\":
            i += 1
            continue
        link = _link_from(text, i, i > 0 and text[i - 1] == "!")
        if link is None:
            # brackets that are not a link may hold one: "[[Paper](url)]" in many paper lists
            i += 1
            continue
        links.append(link)
        i = link.end


def link_at(text: str, pos: int) -> InlineLink | None:
    """The link that starts exactly at ``pos``, if any."""
    if pos >= len(text) or text[pos] != "[":
        return None
    return _link_from(text, pos, False)


def _link_from(text: str, bracket: int, image: bool) -> InlineLink | None:
    """The link whose label opens at the ``[`` at ``bracket`` (an image's when ``image``:
    it then starts one character earlier, at the ``!``), or None."""
    start = bracket - 1 if image else bracket
    found = _SIMPLE_LINK.match(text, bracket)
    if found is not None:
        label, url = found.groups()
        return _new_link(InlineLink, (label, url, start, found.end(), image))
    close = _match_bracket(text, bracket)
    if close == -1 or close + 1 >= len(text) or text[close + 1] != "(":
        return None
    parsed = _match_destination(text, close + 1)
    if parsed is None:
        return None
    url, end = parsed
    return InlineLink(text[bracket + 1 : close], url, start, end, image)
