"""Raw HTML: every opened tag is closed, in order, within its section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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


def _close(stack: list[_Open], name: str, line: int, column: int) -> Iterator[Finding]:
    depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].name == name), None)
    if depth is None:
        yield HTML_BALANCE.finding(f"</{name}> closes a tag that is not open", line, column)
        return
    while len(stack) > depth + 1:
        left = stack.pop()
        if left.name not in OPTIONAL_END:
            yield _unclosed(left, f" before </{name}> on line {line}")
    stack.pop()


def _leftovers(stack: list[_Open]) -> Iterator[Finding]:
    return (_unclosed(tag) for tag in stack if tag.name not in OPTIONAL_END)


def _unclosed(tag: _Open, where: str = "") -> Finding:
    return HTML_BALANCE.finding(f"<{tag.name}> is never closed{where}", tag.line, tag.column)


def _check(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    heading_lines = {heading.line for heading in outline.headings}
    stack: list[_Open] = []
    for index, line in enumerate(context.lines):
        number = index + 1
        if number in heading_lines:
            yield from _leftovers(stack)
            stack.clear()
        if outline.code[index]:
            continue
        for closing, name, column in _tags(line):
            if closing:
                yield from _close(stack, name, number, column)
            else:
                stack.append(_Open(name, number, column))
    yield from _leftovers(stack)


HTML_BALANCE = Rule(
    id="html-balance",
    kind="html",
    severity="error",
    summary="Raw HTML tags are closed, in the right order, within their section.",
    doc="""An unclosed ``<b>`` or ``<details>`` swallows the rest of the section on GitHub.
Void elements (``<br>``, ``<img>``...) and self-closing tags need no end tag.

Wrong: ``<td><b>Usage<b></td>``
Right: ``<td><b>Usage</b></td>``""",
    check=_check,
)
