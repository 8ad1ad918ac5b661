"""Helpers shared by the content rules: walking entries and locating text in the source.

Rules report on the model but fixes edit the source text, so a rule must find
where a value stands on its line. These helpers keep that in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome.model import Document, Entry, Section
from awesome.rules.base import Fix, LintContext

# Link destinations, inline code, autolinks and bare URLs: text no spelling rule may touch.
_LINK_DESTINATION = re.compile(r"\]\([^)\s]*(?:\s[^)]*)?\)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")


def walk_entries(document: Document) -> Iterator[tuple[Section, Entry]]:
    """Every entry with its section, children after their parent, in document order."""
    for section in document.walk():
        for entry in section.entries:
            yield section, entry
            if not entry.children:
                continue  # most entries: no stack to build
            stack = list(reversed(entry.children))
            while stack:
                child = stack.pop()
                yield section, child
                stack.extend(reversed(child.children))


def entry_line_numbers(entry: Entry, context: LintContext) -> range:
    """The source lines an entry's own text spans (1-based), at least its first line."""
    count = entry.raw.count("\n") + 1 if entry.raw else 1
    first = max(entry.line, 1)
    return range(first, min(first + count, len(context.lines) + 1))


def source_line(context: LintContext, line: int) -> str:
    """Line ``line`` (1-based) of the source, or '' when out of range."""
    return context.lines[line - 1] if 0 < line <= len(context.lines) else ""


def mask(text: str) -> str:
    """``text`` with URLs, code spans and HTML tags blanked out, positions kept."""
    for pattern in (_LINK_DESTINATION, _CODE_SPAN, _AUTOLINK, _HTML_TAG, _BARE_URL):
        text = pattern.sub(lambda match: " " * len(match.group(0)), text)
    return text


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Source lines outside fenced code blocks (fences excluded), with their 1-based numbers.

    The fences are the outline's (any indentation: a fence inside a list item is one), so
    every rule agrees on what is code.
    """
    from awesome.rules.outline import fenced_lines

    fenced = fenced_lines(lines)
    for index, text in enumerate(lines):
        if not fenced[index]:
            yield index + 1, text


def prose_lines(context: LintContext, only: set[int] | None = None) -> Iterator[tuple[int, str]]:
    """Source lines outside fenced code, masked, with their 1-based numbers.

    ``only`` (0-based indexes) limits which lines are masked and yielded.
    """
    for number, text in outside_fences(context.lines):
        if only is None or number - 1 in only:
            yield number, mask(text)


def span_fix(line: int, text: str, start: int, end: int, new: str) -> Fix:
    """A fix replacing exactly ``text[start:end]`` of source line ``line`` by ``new``."""
    return Fix(line, text[start:end], new, column=start + 1)
