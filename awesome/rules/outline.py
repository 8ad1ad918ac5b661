"""A line-level outline of a Markdown file for the form rules.

The document model keeps what a paper list means; the form rules also need
where things stand in the source: which lines are fenced code or HTML comments,
every ATX heading, every list item with its nesting depth, reference
definitions. One linear pass builds all of it, and the lint context caches it
so that each rule reads the same outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

# Any indentation: fences inside list items (or indented by tabs) are fences too.
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$")
_BREAK = re.compile(r"^ {0,3}([-*])(?:[ \t]*\1){2,}[ \t]*$")
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(\S*)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_TOC_TITLES = ("contents", "table of contents")


def is_blank(line: str) -> bool:
    """``not line.strip()`` without making the stripped copy (every line of a big list)."""
    return not line or line.isspace()


def plain_text(inline: str) -> str:
    """Inline Markdown as a reader sees it: link labels and image alt text, no markup."""
    # the four patterns below need one of these marks, and most link labels are plain
    # words (an "or" chain: no generator for each label)
    if not ("[" in inline or "<" in inline or "*" in inline or "__" in inline or "`" in inline):
        return inline.strip()
    text = _IMAGE.sub(lambda m: m.group(1), inline)
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), text)
    text = _TAG.sub("", text)
    return _EMPHASIS.sub("", text).strip()


class Heading(NamedTuple):
    level: int
    text: str
    """The inline source after the ``#`` marks, closing marks removed."""
    line: int
    setext: bool = False

    @property
    def plain(self) -> str:
        return plain_text(self.text)


class Item(NamedTuple):
    """One list item's first line."""

    line: int
    indent: int
    marker: str
    text: str
    depth: int
    heading: int | None
    """Index into :attr:`Outline.headings` of the heading above the item."""
    gap: str = " "
    """The whitespace between the marker and the text."""


@dataclass
class Outline:
    lines: list[str]
    code: list[bool] = field(default_factory=list)
    """True for lines of code blocks: fenced (fences included) or indented (0-based)."""
    comment: list[bool] = field(default_factory=list)
    """True for lines that lie wholly or partly in an HTML comment (0-based)."""
    headings: list[Heading] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    definitions: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Reference definitions by lower-cased label: (line, url)."""
    memo: dict[str, object] = field(default_factory=dict, repr=False)
    """Per-outline memo of views derived from it that several rules share."""

    def is_prose(self, line: int) -> bool:
        """Whether a 1-based line is ordinary Markdown (not code, not a comment)."""
        index = line - 1
        return not self.code[index] and not self.comment[index]

    def toc_heading(self) -> int | None:
        """Index of the contents heading (``## Contents``), if there is one."""
        for index, heading in enumerate(self.headings):
            if heading.level == 2 and heading.plain.lower() in _TOC_TITLES:
                return index
        return None

    def toc_items(self) -> list[Item]:
        """The list items that stand under the contents heading."""
        toc = self.toc_heading()
        if toc is None:
            return []
        return [item for item in self.items if item.heading == toc]


def _mark_comments(lines: list[str], code: list[bool]) -> list[bool]:
    """Lines that hold nothing but (parts of) HTML comments and blanks."""
    comment = [False] * len(lines)
    if not any("<!--" in line for line in lines):
        return comment
    inside = False
    for index, line in enumerate(lines):
        if code[index]:
            continue
        touched = inside
        residue: list[str] = []
        position = 0
        while position <= len(line):
            if inside:
                end = line.find("-->", position)
                if end == -1:
                    break
                inside = False
                position = end + 3
                continue
            start = line.find("<!--", position)
            if start == -1:
                residue.append(line[position:])
                break
            residue.append(line[position:start])
            touched = True
            inside = True
            position = start + 4
        comment[index] = touched and not "".join(residue).strip()
    return comment


def fenced_lines(lines: list[str]) -> list[bool]:
    """True for the lines of fenced code blocks, fences included (0-based)."""
    code = [False] * len(lines)
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                code[index] = True
            continue
        code[index] = True
        closes = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
        if closes and not line.strip().lstrip(fence[0]):
            fence = None
    return code


def _mark_indented_code(lines: list[str], code: list[bool]) -> list[re.Match[str] | None]:
    """Add indented code blocks to ``code``: after a blank line, four columns past the
    content of the list item the line belongs to (or past the margin outside lists).

    A paragraph's continuation lines are never code, however far they are indented.
    Returns the list-item match of each line that is not code (None for the others),
    so that :func:`build_outline` does not match every line a second time.
    """
    matches: list[re.Match[str] | None] = [None] * len(lines)
    columns: list[int] = []  # content columns of the open list items
    previous_blank = True
    inside = False
    for index, line in enumerate(lines):
        if code[index]:
            previous_blank, inside = False, False
            continue
        stripped = line.lstrip(" \t")
        if not stripped or stripped.isspace():
            previous_blank = True
            continue
        margin = line[: len(line) - len(stripped)]
        indent = _indent_width(margin)
        if previous_blank:
            while columns and indent < columns[-1]:
                columns.pop()
        base = columns[-1] if columns else 0
        if (previous_blank or inside) and indent >= base + 4:
            code[index] = inside = True
        else:
            inside = False
            item = matches[index] = _ITEM.match(line)
            if item:
                while columns and indent < columns[-1]:
                    columns.pop()
                marker, gap, rest = item.group(2, 3, 4)
                width = _indent_width(gap) if rest else 1
                columns.append(indent + len(marker) + max(1, width))
            elif stripped[0] == "#" and _ATX.match(line):
                columns.clear()
        previous_blank = False
    return matches


def _indent_width(text: str) -> int:
    if "\t" not in text:
        return len(text)
    width = 0
    for char in text:
        width += 4 - width % 4 if char == "\t" else 1
    return width


class _ItemDepth:
    """Nesting depth of list items from their indentation, with a stack of content columns."""

    def __init__(self) -> None:
        self._columns: list[int] = []

    def depth(self, indent: int, content_column: int) -> int:
        while self._columns and indent < self._columns[-1]:
            self._columns.pop()
        depth = len(self._columns)
        self._columns.append(content_column)
        return depth

    def reset(self) -> None:
        self._columns.clear()


def build_outline(lines: list[str]) -> Outline:
    """One pass over the source lines."""
    code = fenced_lines(lines)
    matches = _mark_indented_code(lines, code)
    outline = Outline(lines, code, _mark_comments(lines, code))
    depths = _ItemDepth()
    previous_blank = True
    for index, line in enumerate(lines):
        number = index + 1
        if code[index] or outline.comment[index]:
            previous_blank = is_blank(line)
            continue
        item = matches[index]
        # a line that reads as a list item is never a heading: an underline of "-" needs
        # three of them with nothing between, which the item pattern does not match
        if item is None and _add_heading(outline, line, number, previous_blank):
            depths.reset()
        elif not _add_item(outline, item, number, depths):
            _add_definition(outline, line, number)
            if not is_blank(line) and previous_blank and not line[:1].isspace():
                depths.reset()
        previous_blank = is_blank(line)
    return outline


def _add_heading(outline: Outline, line: str, number: int, previous_blank: bool) -> bool:
    first = line.lstrip(" ")[:1]
    if first not in ("#", "=", "-"):
        return False  # neither an ATX heading nor a setext underline
    match = _ATX.match(line) if first == "#" else None
    if match:
        text = (match.group(2) or "").strip()
        outline.headings.append(Heading(len(match.group(1)), text, number))
        return True
    # an underline is made of = or - alone: most lines starting with "-" are list items
    setext = None if line.strip(" \t=-") else _SETEXT.match(line)
    if setext and not previous_blank and number >= 2:
        above = outline.lines[number - 2]
        if above.strip() and not _ITEM.match(above) and not above.lstrip().startswith(("<", "|")):
            level = 1 if setext.group(1)[0] == "=" else 2
            if level == 2 and len(setext.group(1)) < 3:
                return False
            outline.headings.append(Heading(level, above.strip(), number - 1, setext=True))
            return True
    return False


def _add_item(
    outline: Outline, match: re.Match[str] | None, number: int, depths: _ItemDepth
) -> bool:
    if not match:
        return False
    line = match.string
    margin, marker, gap, rest = match.groups()
    if marker in "*-" and rest[:1] in ("", " ", "\t", marker) and _is_break(line, marker, rest):
        return False  # a thematic break, not an item
    indent = _indent_width(margin)
    content_column = indent + len(marker) + max(1, len(gap))
    heading = len(outline.headings) - 1 if outline.headings else None
    depth = depths.depth(indent, content_column)
    outline.items.append(Item(number, indent, marker, rest, depth, heading, gap))
    return True


def _is_break(line: str, marker: str, rest: str) -> bool:
    return not rest.strip(" \t" + marker) and _BREAK.match(line) is not None


def _add_definition(outline: Outline, line: str, number: int) -> None:
    match = _DEFINITION.match(line)
    if match:
        label = " ".join(match.group(1).split()).lower()
        outline.definitions.setdefault(label, (number, match.group(2).strip("<>")))


_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def mask_code_spans(line: str) -> str:
    """``line`` with the inside of inline code spans blanked out, same length."""
    if "`" not in line:
        return line
    return _CODE_SPAN.sub(lambda m: m.group(1) + "\x00" * len(m.group(2)) + m.group(1), line)


def is_table_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") or stripped.endswith("|")


_IMAGE_REF = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")


def images(line: str) -> list[tuple[str, str, int]]:
    """(alt, src, 1-based column) of each Markdown image on a line, code spans excluded."""
    masked = mask_code_spans(line)
    return [(m.group(1), m.group(2), m.start() + 1) for m in _IMAGE_REF.finditer(masked)]
