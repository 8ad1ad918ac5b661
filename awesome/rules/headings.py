"""Heading rules: hierarchy, empty sections, the main title, no license section."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.outline import Heading, Outline
from awesome.slug import heading_text

# Words a title keeps in lower case (articles, short conjunctions and prepositions).
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "en",
        "for",
        "from",
        "if",
        "in",
        "into",
        "nor",
        "of",
        "off",
        "on",
        "or",
        "per",
        "so",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "vs.",
        "with",
        "yet",
    ]
)
_WORD_START = re.compile(r"[^\W\d_]", re.UNICODE)
_LICENSE = re.compile(r"^licen[cs](?:e|es|ing)$", re.IGNORECASE)
_HTML_TITLE = re.compile(r"<(h1|img|picture|svg)\b", re.IGNORECASE)


def _increment(doc: Document, context: LintContext) -> Iterator[Finding]:
    previous: Heading | None = None
    for heading in context.outline().headings:
        if previous is not None and heading.level > previous.level + 1:
            yield HEADING_INCREMENT.finding(
                f"heading level {heading.level} follows level {previous.level}; "
                f"use level {previous.level + 1} or add the missing level",
                heading.line,
            )
        previous = heading


def _has_content(outline: Outline, start: int, end: int) -> bool:
    """Whether lines start..end-1 (1-based) hold anything but blanks and comments."""
    return any(
        outline.lines[n - 1].strip() and not outline.comment[n - 1] for n in range(start, end)
    )


def _empty_sections(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    headings = outline.headings
    for index, heading in enumerate(headings):
        if heading.level < 2:
            continue
        following = headings[index + 1] if index + 1 < len(headings) else None
        if following is not None and following.level > heading.level:
            continue  # its subsections are its content
        end = following.line if following is not None else len(outline.lines) + 1
        start = heading.line + (2 if heading.setext else 1)
        if not _has_content(outline, start, end):
            yield EMPTY_SECTION.finding(
                f"section '{heading.plain}' is empty; add content or remove the heading",
                heading.line,
            )


def is_title_case(title: str) -> bool:
    """Every significant word starts with a capital (or is not a cased word at all)."""
    words = title.split()
    for position, word in enumerate(words):
        first = _WORD_START.search(word)
        if first is None or not first.group(0).islower():
            continue
        if any(char.isupper() or char.isdigit() for char in word):
            continue  # iOS, macOS, p2p: a name with its own casing
        if position > 0 and word.lower().strip(",:;") in SMALL_WORDS:
            continue
        return False
    return True


def _html_title_block(lines: list[str]) -> bool:
    """An HTML block at the top of the file that carries a heading or logo."""
    block: list[str] = []
    for line in lines:
        if not line.strip():
            if block:
                break
            continue
        block.append(line)
    text = "\n".join(block)
    return bool(block) and block[0].lstrip().startswith("<") and bool(_HTML_TITLE.search(text))


def _main_heading(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    top = [heading for heading in outline.headings if heading.level == 1]
    if not top:
        if _html_title_block(context.lines):
            return
        if outline.headings:
            first = outline.headings[0]
            yield MAIN_HEADING.finding(
                f"the list's title must be a level-1 heading, not level {first.level}", first.line
            )
        else:
            yield MAIN_HEADING.finding("the list has no title (a '# Title' heading)", 1)
        return
    title = top[0]
    # Badges after the title are pictures, not words of it: judge the text without them.
    words = " ".join(heading_text(title.text).split())
    if not is_title_case(words):
        yield MAIN_HEADING.finding(f"write the list's title in title case: '{words}'", title.line)
    for extra in top[1:]:
        yield MAIN_HEADING.finding(
            "only the list's title may be a level-1 heading; make this level 2", extra.line
        )


def _license(doc: Document, context: LintContext) -> Iterator[Finding]:
    for heading in context.outline().headings:
        if _LICENSE.match(heading.plain.strip()):
            yield LICENSE_SECTION.finding(
                "remove the license section; the license belongs in a LICENSE file",
                heading.line,
            )


HEADING_INCREMENT = Rule(
    id="heading-increment",
    kind="structure",
    severity="warning",
    summary="Heading levels go down one step at a time.",
    doc="""A level skipped (``##`` straight to ``####``) breaks the outline that the table of
contents and screen readers build.

Wrong::

    ## Models
    #### Encoder-only

Right::

    ## Models
    ### Encoder-only""",
    check=_increment,
    peers=("heading-increment",),
)

EMPTY_SECTION = Rule(
    id="empty-section",
    kind="structure",
    severity="warning",
    summary="Every section has content (or subsections).",
    doc="""A heading followed directly by a heading of the same or a higher level is an
empty section: a placeholder that readers click into for nothing.

Wrong::

    ## Datasets

    ## Benchmarks

Right::

    ## Datasets

    - [The Pile](https://arxiv.org/abs/2101.00027) - 825 GiB of English text.

    ## Benchmarks""",
    check=_empty_sections,
    peers=("no-empty-sections", "empty-sections"),
)

MAIN_HEADING = Rule(
    id="awesome-heading",
    kind="awesome",
    severity="error",
    summary="One level-1 title, in title case (an HTML logo block also counts).",
    doc="""An awesome list opens with exactly one level-1 heading, its name, written in
title case; a centred HTML block with a logo may stand in for it.

Wrong: ``# awesome-llm-papers``
Right: ``# Awesome LLM Papers``""",
    check=_main_heading,
    peers=("awesome-heading", "awesome/heading", "no-multiple-toplevel-headings"),
)

LICENSE_SECTION = Rule(
    id="license-section",
    kind="awesome",
    severity="error",
    summary="No license section in the list; the license lives in its own file.",
    doc="""awesome lists keep the license in a LICENSE file (shown by GitHub beside the
README) rather than in a section of the list.

Wrong::

    ## License

    CC0

Right: a ``LICENSE`` file next to the list, and no ``## License`` heading.""",
    check=_license,
    peers=("awesome-license", "awesome/license"),
)
