"""Raw HTML: every opened tag is closed, in order, within its section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.outline import mask_code_spans

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
_COMMENT = re.compile(r"<!--.*?-->")
# Elements that never take a closing tag.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)

# Elements whose end tag HTML lets an author leave out; closing an ancestor closes them.
OPTIONAL_END = frozenset(
    [
        "li",
        "p",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "option",
        "dt",
        "dd",
        "colgroup",
        "caption",
    ]
)

# Blocks that often wrap whole sections, headings included (a collapsed part of a list).
SPANS_SECTIONS = frozenset(["details", "div"])


@dataclass(frozen=True)
class _Open:
    name: str
    line: int
    column: int


def _tags(line: str) -> Iterator[tuple[bool, str, int]]:
    """(closing, lower-cased name, 1-based column) of each tag that matters."""
    if "<" not in line:
        return
    masked = _COMMENT.sub(lambda m: " " * len(m.group(0)), mask_code_spans(line))
    for match in _TAG.finditer(masked):
        name = match.group(2).lower()
        if name in VOID or match.group(3):
            continue
        yield bool(match.group(1)), name, match.start() + 1


@dataclass
class _Balance:
    """The open tags of a section, and which end tags this file may leave out."""

    optional: frozenset[str]
    stack: list[_Open] = field(default_factory=list)

    def open(self, name: str, line: int, column: int) -> Iterator[Finding]:
        if name == "tr" and "tr" not in self.optional:
            yield from self._row_left_open(line)
        self.stack.append(_Open(name, line, column))

    def _row_left_open(self, line: int) -> Iterator[Finding]:
        """A new row while the last one is open: the last one lacks its ``</tr>``."""
        depth = len(self.stack)
        while depth and self.stack[depth - 1].name in ("td", "th"):
            depth -= 1
        if depth and self.stack[depth - 1].name == "tr":
            row = self.stack[depth - 1]
            del self.stack[depth - 1 :]
            yield _unclosed(row, f" before the next <tr> on line {line}")

    def close(self, name: str, line: int, column: int) -> Iterator[Finding]:
        stack = self.stack
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].name == name), None)
        if depth is None:
            yield HTML_BALANCE.finding(f"</{name}> closes a tag that is not open", line, column)
            return
        while len(stack) > depth + 1:
            left = stack.pop()
            if left.name not in self.optional:
                yield _unclosed(left, f" before </{name}> on line {line}")
        stack.pop()

    def end_section(self, last: bool = False) -> Iterator[Finding]:
        """Report what the section left open; blocks that may hold headings stay open."""
        kept = [] if last else [tag for tag in self.stack if tag.name in SPANS_SECTIONS]
        found = [
            _unclosed(tag)
            for tag in self.stack
            if tag.name not in self.optional and tag not in kept
        ]
        self.stack[:] = kept
        return iter(found)


def _unclosed(tag: _Open, where: str = "") -> Finding:
    return HTML_BALANCE.finding(f"<{tag.name}> is never closed{where}", tag.line, tag.column)


def _optional_ends(lines: list[str]) -> frozenset[str]:
    """End tags this file may leave out: ``</tr>`` too, unless it closes rows anywhere.

    HTML lets rows go unclosed, but in a list that writes ``</tr>`` a row without it
    is a slip (typically ``<tr>`` typed for ``</tr>``), and it shifts the table.
    """
    if any("</tr" in line.lower() for line in lines if "</" in line):
        return OPTIONAL_END - {"tr"}
    return OPTIONAL_END


def _check(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    heading_lines = {heading.line for heading in outline.headings}
    balance = _Balance(_optional_ends(context.lines))
    for index, line in enumerate(context.lines):
        number = index + 1
        if number in heading_lines:
            yield from balance.end_section()
        if outline.code[index]:
            continue
        for closing, name, column in _tags(line):
            if closing:
                yield from balance.close(name, number, column)
            else:
                yield from balance.open(name, number, column)
    yield from balance.end_section(last=True)


HTML_BALANCE = Rule(
    id="html-balance",
    kind="html",
    severity="error",
    summary="Raw HTML tags are closed, in the right order, within their section.",
    doc="""An unclosed ``<b>`` or ``<details>`` swallows the rest of the section on GitHub.
Void elements (``<br>``, ``<img>``...) and self-closing tags need no end tag, nor
do those HTML lets an author leave out (``<li>``, ``<td>``...); ``<tr>`` is one of
them only in files that never write ``</tr>``: where rows are closed, a row left
open (often ``<tr>`` typed for ``</tr>``) is reported.

Wrong: ``<td><b>Usage<b></td>``
Right: ``<td><b>Usage</b></td>``

Tags are balanced per section, so one slip is reported once; ``<details>`` and
``<div>`` may wrap several sections and are balanced over the whole file.""",
    check=_check,
)
