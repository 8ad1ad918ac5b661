"""Whitespace rules: trailing whitespace, tabs, double spaces. All fixable."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome.model import Document
from awesome.rules.base import Finding, Fix, LintContext, Rule
from awesome.rules.outline import is_table_row, mask_code_spans

_TRAILING = re.compile(r"[ \t]+$")
_LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*")
_DOUBLE = re.compile(r"(?<=\S)  +(?=\S)")
_ITEM_START = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")


def _trailing(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    for index, line in enumerate(context.lines):
        if line[-1:] not in (" ", "\t") or outline.code[index]:
            continue  # the end of the line decides: no regex scan along every line
        match = _TRAILING.search(line)
        if match:
            fix = Fix(index + 1, match.group(0), "", column=match.start() + 1)
            yield TRAILING_WHITESPACE.finding(
                "line ends with whitespace", index + 1, match.start() + 1, fix
            )


def _indent_fix(number: int, indent: str, nested_item: bool) -> Fix:
    """Tabs in indentation become spaces: two per tab before a nested list marker, else four."""
    width = 2 if nested_item else 4
    return Fix(number, indent, indent.replace("\t", " " * width), column=1)


def _tabs(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    for index, line in enumerate(context.lines):
        if "\t" not in line or outline.code[index]:
            continue
        number = index + 1
        body_end = len(line.rstrip(" \t"))
        leading = _LEADING_TABS.match(line)
        start = 0
        if leading and leading.end() <= body_end:
            nested = bool(_ITEM_START.match(line))
            fix = _indent_fix(number, leading.group(0), nested)
            yield TABS.finding("tab used for indentation; use spaces", number, 1, fix)
            start = leading.end()
        for column in range(start, body_end):
            if line[column] == "\t":
                fix = Fix(number, "\t", " ", column=column + 1)
                yield TABS.finding("tab inside the text; use a space", number, column + 1, fix)


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _double_spaces(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    # the gap after a list marker ("*   Item") is the list's indent style, not prose
    marker_ends = {
        item.line: _lead(context.lines[item.line - 1]) + len(item.marker) for item in outline.items
    }
    for index, line in enumerate(context.lines):
        if "  " not in line.strip() or not outline.is_prose(index + 1):
            continue
        if is_table_row(line) or line.lstrip().startswith("<"):
            continue  # table padding and raw HTML indentation are layout, not prose
        masked = mask_code_spans(line)
        for match in _DOUBLE.finditer(masked):
            if match.start() == marker_ends.get(index + 1):
                continue
            fix = Fix(index + 1, match.group(0), " ", column=match.start() + 1)
            yield DOUBLE_SPACE.finding(
                f"{len(match.group(0))} spaces in a row; one is enough",
                index + 1,
                match.start() + 1,
                fix,
            )


TRAILING_WHITESPACE = Rule(
    id="trailing-whitespace",
    kind="whitespace",
    severity="warning",
    summary="No spaces or tabs at the end of a line.",
    doc="""Trailing whitespace is invisible, changes diffs and, as two spaces, makes a
hard line break that nobody meant. Lines inside fenced code are left alone.

Wrong: ``- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)␠␠``
Right: ``- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)``""",
    check=_trailing,
    fixable=True,
    peers=("no-trailing-spaces",),
)

TABS = Rule(
    id="no-tabs",
    kind="whitespace",
    severity="warning",
    summary="Spaces, not tabs, outside code blocks.",
    doc="""Tabs render at different widths and make list nesting ambiguous. Indentation
tabs become two spaces before a nested list marker and four elsewhere; a tab
inside text becomes one space.

Wrong: ``<TAB>- [Sub-item](https://example.org)``
Right: ``  - [Sub-item](https://example.org)``""",
    check=_tabs,
    fixable=True,
    peers=("no-tabs",),
)

DOUBLE_SPACE = Rule(
    id="double-space",
    kind="whitespace",
    severity="warning",
    summary="One space between words.",
    doc="""Two or more spaces between words are a typo in Markdown prose (they render as
one). Indentation, table padding, raw HTML and code are left alone.

Wrong: ``- [LoRA](https://arxiv.org/abs/2106.09685)  -  Low-rank adaptation.``
Right: ``- [LoRA](https://arxiv.org/abs/2106.09685) - Low-rank adaptation.``""",
    check=_double_spaces,
    fixable=True,
)
