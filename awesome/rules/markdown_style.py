"""Markdown style rules that awesome-lint enables from remark-lint and that matter for lists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome.model import Document
from awesome.rules.base import Finding, Fix, LintContext, Rule
from awesome.rules.outline import mask_code_spans, plain_text

_EMPHASIS_LINE = re.compile(r"^\s*(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1\s*$")
_FULL_REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]\[((?:[^\[\]\\]|\\.)*)\]")
_SHORTCUT = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\](?![(\[:])")
_HEADING_END = ".,;:!?"
# A heading is a short label; a line of emphasis longer than this, or one that ends
# a sentence, is an emphasised sentence (a section's description, a plea).
_HEADING_WORDS = 6
_SENTENCE_END = ".!?。！？"
_ONLY_IN_PAGE_LINK = re.compile(r"^\[[^\]]*\]\(#[^)]*\)$")


def _final_newline(doc: Document, context: LintContext) -> Iterator[Finding]:
    lines = context.lines
    if lines and lines[-1] != "":
        fix = Fix(len(lines), "", lines[-1] + "\n")
        yield FINAL_NEWLINE.finding("the file does not end with a line break", len(lines), 1, fix)


def _marker_column(line: str) -> int:
    return len(line) - len(line.lstrip()) + 1


def _marker_style(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    style: str | None = None
    for item in outline.items:
        if item.marker not in "-*+":
            continue
        if style is None:
            style = item.marker
            continue
        if item.marker != style:
            line = context.lines[item.line - 1]
            column = _marker_column(line)
            fix = Fix(item.line, item.marker, style, column=column)
            yield MARKER_STYLE.finding(
                f"list marker '{item.marker}' where the file uses '{style}'", item.line, column, fix
            )


def _bullet_indent(doc: Document, context: LintContext) -> Iterator[Finding]:
    for item in context.outline().items:
        if item.depth == 0 and item.indent > 0:
            line = context.lines[item.line - 1]
            indent = line[: len(line) - len(line.lstrip())]
            fix = Fix(item.line, indent, "", column=1)
            yield BULLET_INDENT.finding(
                "a top-level list item starts indented; start it at the margin", item.line, 1, fix
            )


def _heading_style(doc: Document, context: LintContext) -> Iterator[Finding]:
    for heading in context.outline().headings:
        if heading.setext:
            yield HEADING_STYLE.finding(
                f"write the heading as '{'#' * heading.level} {heading.plain}' "
                "instead of underlining it",
                heading.line,
            )


def _heading_punctuation(doc: Document, context: LintContext) -> Iterator[Finding]:
    for heading in context.outline().headings:
        plain = heading.plain
        if plain and plain[-1] in _HEADING_END and not plain.endswith("..."):
            yield HEADING_PUNCTUATION.finding(
                f"the heading ends with '{plain[-1]}'; headings take no final punctuation",
                heading.line,
            )


def _emphasis_heading(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    lines = context.lines
    for index, line in enumerate(lines):
        if not outline.is_prose(index + 1):
            continue
        match = _EMPHASIS_LINE.match(line)
        if not match or not _reads_as_heading(match.group(2)):
            continue
        before = lines[index - 1].strip() if index > 0 else ""
        after = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not before and not after:
            yield EMPHASIS_HEADING.finding(
                "a paragraph of only bold or italic text reads as a heading; use a heading",
                index + 1,
            )


def _reads_as_heading(inner: str) -> bool:
    """Whether emphasised text could be a heading: a short label, not a sentence,
    and not a lone in-page link such as a back-to-top link."""
    if _ONLY_IN_PAGE_LINK.match(inner.strip()):
        return False
    text = plain_text(inner)
    if not text or (text[0] == "(" and text[-1] == ")"):
        return False  # nothing, or an aside such as "*(More than the top 100)*"
    return text[-1] not in _SENTENCE_END and len(text.split()) <= _HEADING_WORDS


def _references(line: str) -> Iterator[tuple[str, int, bool]]:
    """(label, column, is_full_reference) for each reference-looking bracket pair."""
    masked = mask_code_spans(line)
    for match in _FULL_REFERENCE.finditer(masked):
        label = match.group(2) or match.group(1)
        yield label, match.start() + 1, True
    for match in _SHORTCUT.finditer(masked):
        yield match.group(1), match.start() + 1, False


def _key(label: str) -> str:
    return " ".join(label.split()).lower()


def _undefined(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    for index, line in enumerate(context.lines):
        if "][" not in line or not outline.is_prose(index + 1):
            continue
        for label, column, full in _references(line):
            if full and _key(label) not in outline.definitions:
                yield UNDEFINED_REFERENCE.finding(
                    f"reference '[{label}]' has no definition ('[{label}]: https://...')",
                    index + 1,
                    column,
                )


def _unused(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    if not outline.definitions:
        return
    used: set[str] = set()
    definition_lines = {line for line, _ in outline.definitions.values()}
    for index, line in enumerate(context.lines):
        if "[" in line and index + 1 not in definition_lines and outline.is_prose(index + 1):
            used.update(_key(label) for label, _, _ in _references(line))
    for label, (line_number, _) in outline.definitions.items():
        if label not in used:
            yield UNUSED_DEFINITION.finding(f"definition '[{label}]' is never used", line_number)


FINAL_NEWLINE = Rule(
    id="final-newline",
    kind="whitespace",
    severity="error",
    summary="The file ends with a line break.",
    doc="""Without a final newline, the last line shows as changed in every diff that adds
below it, and some tools drop it.

Wrong: ``...last entry.`` at the very end of the file.
Right: ``...last entry.`` followed by a line break.""",
    check=_final_newline,
    fixable=True,
    peers=("final-newline",),
)

MARKER_STYLE = Rule(
    id="list-marker-style",
    kind="format",
    severity="warning",
    summary="One bullet character for unordered lists throughout the file.",
    doc="""Mixed ``-``, ``*`` and ``+`` bullets make diffs noisy and split lists in some renderers.

Wrong::

    - [GPT-2](https://openai.com/research/better-language-models)
    * [GPT-3](https://arxiv.org/abs/2005.14165)

Right: both items with ``-``.""",
    check=_marker_style,
    fixable=True,
    peers=("unordered-list-marker-style",),
)

BULLET_INDENT = Rule(
    id="list-bullet-indent",
    kind="format",
    severity="warning",
    summary="Top-level list items start at the left margin.",
    doc="""An indented first-level bullet is easy to mistake for a nested one.

Wrong: ``  - [OPT](https://arxiv.org/abs/2205.01068)`` as the first item of a list.
Right: ``- [OPT](https://arxiv.org/abs/2205.01068)``""",
    check=_bullet_indent,
    fixable=True,
    peers=("list-item-bullet-indent",),
)

HEADING_STYLE = Rule(
    id="heading-style",
    kind="format",
    severity="warning",
    summary="Headings use '#' marks, not underlines.",
    doc="""Underlined (setext) headings cannot go below level 2 and are easy to make by
accident with a line of dashes.

Wrong::

    Models
    ------

Right: ``## Models``""",
    check=_heading_style,
    peers=("heading-style",),
)

HEADING_PUNCTUATION = Rule(
    id="no-heading-punctuation",
    kind="format",
    severity="warning",
    summary="Headings do not end with punctuation.",
    doc="""A heading is a label, not a sentence, and the punctuation leaks into its anchor.

Wrong: ``## Instruction Tuning:``
Right: ``## Instruction Tuning``""",
    check=_heading_punctuation,
    peers=("no-heading-punctuation",),
)

EMPHASIS_HEADING = Rule(
    id="no-emphasis-as-heading",
    kind="format",
    severity="warning",
    summary="A line of only bold or italic text is a heading in disguise.",
    doc="""Bold lines standing alone look like headings but are missing from the outline,
the contents and the anchors.

Wrong: ``**Retrieval**`` on a line of its own.
Right: ``### Retrieval``

An emphasised sentence (ending in ``.``, ``!`` or ``?``, or longer than six
words) describes a section rather than naming one, a parenthesis is an aside,
and a lone back-to-top link
in bold is navigation; neither is reported.""",
    check=_emphasis_heading,
    peers=("no-emphasis-as-heading",),
)

UNDEFINED_REFERENCE = Rule(
    id="undefined-reference",
    kind="link",
    severity="error",
    summary="Every [text][label] reference has a definition.",
    doc="""A reference without a definition renders as literal brackets, not a link.

Wrong: ``[PaLM][palm]`` with no ``[palm]: https://...`` line.
Right: ``[PaLM][palm]`` and ``[palm]: https://arxiv.org/abs/2204.02311``""",
    check=_undefined,
    peers=("no-undefined-references",),
)

UNUSED_DEFINITION = Rule(
    id="unused-definition",
    kind="link",
    severity="warning",
    summary="Every link definition is used.",
    doc="""A definition nobody references is dead weight, often left by a removed entry.

Wrong: ``[palm]: https://arxiv.org/abs/2204.02311`` and no ``[...][palm]``.
Right: remove it, or reference it.""",
    check=_unused,
    peers=("no-unused-definitions",),
)
