"""awesome-style list items: ``- [Name](https://url) - Description.``

Three rules read the same item shape: the item form itself, a description that
repeats the name, and brackets or quotes left open.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple, cast

from awesome.inline import find_links, link_at
from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.outline import Item, Outline, is_blank, mask_code_spans, plain_text

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # an inline image
_REFERENCE = re.compile(r"\[((?:[^\]\\]|\\.)+)\](?:\[((?:[^\]\\]|\\.)*)\])?")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")
_FORMATTING = re.compile(
    r"^(?:\s*(?:\*\*[^*]+\*\*|\*[^*]+\*|__[^_]+__|_[^_]+_|`[^`]+`|!\[[^\]]*\]\([^)]*\)))*\s*$"
)
_END_MARKS = ".!?…"
# Images, badge links (``[![OSS][oss]](url)``, inline or by reference) and tags
# after the description: decoration, not prose to punctuate.
_IMAGE_ANY = r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"
_TRAILING_DECOR = re.compile(
    r"(?:\s*(?:"
    + _IMAGE_ANY
    + r"|\[\s*"
    + _IMAGE_ANY
    + r"\s*\](?:\([^)]*\)|\[[^\]]*\])|<[^>]+>))+\s*$"
)
# Metadata after a finished sentence: code-span tags (`MIT` `Go`) and a parenthesis
# holding only links (``([Demo](u), [Source Code](u))``).
_TRAILING_TAGS = re.compile(r"(?:\s*(?:`[^`]+`|\((?:\s*\[[^\[\]]+\]\([^()\s]*\)\s*,?)+\)))+\s*$")
_TAGS_ONLY = re.compile(r"^\s*`[^`]+`(?:\s*,?\s*`[^`]+`)*\s*$")
_SINGLE_CODE = re.compile(r"^`[^`]*`$")
_DOUBLE_END = re.compile(r"[.!?…][\"”]([.!?…]+)$")
_NO_SPACE_MARKER = re.compile(r"^\s*-\[")
_PARENTHETICAL = re.compile(r"\s*([*_]{0,2})\([^()]*\)\1$")
_LOWERCASE_NAMES = frozenset({"npm", "pnpm", "scikit-learn", "fastText", "word2vec", "pandas"})


class ListLink(NamedTuple):
    """The leading link of an awesome-style item and what follows it."""

    label: str
    url: str
    tail: str
    column: int


# Code point ranges of pictographic emoji (and their joiners and modifiers); box
# drawing, block elements and other technical symbols are not among them.
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x2300, 0x23FF),
    (0x2190, 0x21FF),
    (0xFE0E, 0xFE0F),
    (0x200D, 0x200D),
    (0xE0020, 0xE007F),
)


def is_emoji(char: str) -> bool:
    code = ord(char)
    if code < 0xA9:  # below the first of them, ©: the common case, decided at once
        return False
    return any(low <= code <= high for low, high in _EMOJI_RANGES) or char in "©®™"


def _is_symbol(char: str) -> bool:
    return is_emoji(char) or (ord(char) > 127 and unicodedata.category(char) == "So")


def _skip_decoration(text: str) -> int:
    """Index after leading emoji, images and badge links (``[![..](..)](..)``)."""
    if text[:1] == "[" and not text.startswith("[!["):
        return 0  # the usual item: its link comes first
    position = 0
    while position < len(text):
        rest = text[position:]
        stripped = len(rest) - len(rest.lstrip())
        if stripped:
            position += stripped
            continue
        image = _IMAGE.match(rest)
        if image:
            position += image.end()
            continue
        if rest.startswith("[!["):
            badge = link_at(text, position)
            if badge is not None and _IMAGE.fullmatch(badge.label.strip()):
                position = badge.end
                continue
        if _is_symbol(rest[0]):
            position += 1
            continue
        break
    return position


def leading_link(item: Item, outline: Outline) -> ListLink | None:
    """The item's first link after any decoration, or None when it does not start with one.

    Several rules ask for it; the outline keeps the answers of all its items.
    """
    return _leading_links(outline)[item.line]


def _leading_links(outline: Outline) -> dict[int, ListLink | None]:
    found = outline.memo.get("leading_links")
    if found is None:
        found = outline.memo["leading_links"] = {
            item.line: _leading_link(item, outline) for item in outline.items
        }
    return cast("dict[int, ListLink | None]", found)


def _leading_link(item: Item, outline: Outline) -> ListLink | None:
    text = item.text
    start = _skip_decoration(text)
    if start >= len(text) or text[start] != "[":
        return None
    inline = link_at(text, start)
    if inline is not None:
        return ListLink(inline.label, inline.url.strip(), text[inline.end :], start + 1)
    reference = _REFERENCE.match(text, start)
    if reference is None:
        return None
    key = reference.group(2) or reference.group(1)
    definition = outline.definitions.get(" ".join(key.split()).lower())
    if definition is None:
        return None  # not a link at all: plain bracketed text
    return ListLink(reference.group(1), definition[1], text[reference.end() :], start + 1)


def content_items(outline: Outline) -> list[tuple[Item, ListLink]]:
    """Items outside the contents list that start with a link (computed once per outline)."""
    found = outline.memo.get("content_items")
    if found is None:
        toc = outline.toc_heading()
        links = _leading_links(outline)
        found = outline.memo["content_items"] = [
            (item, link)
            for item in outline.items
            if (toc is None or item.heading != toc) and (link := links[item.line]) is not None
        ]
    return cast("list[tuple[Item, ListLink]]", found)


def split_description(tail: str) -> tuple[str, str | None]:
    """(separator problem or '', description) for the text after the link."""
    if not tail.strip() or _is_note(tail):
        return "", None
    if tail.startswith(" - ") and tail[3:4].strip():
        return "", tail[3:]
    dash = tail.find(" - ")
    if dash > 0 and tail[:dash].strip() and _FORMATTING.match(tail[:dash]):
        return "", tail[dash + 3 :]
    if re.match(r"^\s*[–—]\s", tail):
        return "en dash or em dash used as the separator; use ' - '", None
    loose = re.match(r"^(\s*)-(\s+)", tail)
    if loose and any(char not in " " for char in loose.group(1) + loose.group(2)):
        return "unusual whitespace around the separator; use plain spaces: ' - '", None
    return "separate the link and the description with ' - '", None


def _is_note(tail: str) -> bool:
    """A tail without description: a parenthetical note and/or emoji (``(Japanese)``, ``💲``),
    or code-span tags alone (``[Paper](url) `Uber`, `eBay```: who wrote it, the license)."""
    if _TAGS_ONLY.match(tail):
        return True
    text = tail.strip()
    while text and (is_emoji(text[-1]) or text[-1].isspace()):
        text = text[:-1]
    if not text:
        return True
    match = _PARENTHETICAL.match(" " + text)
    return match is not None and match.start() == 0


def _casing_ok(description: str) -> bool:
    word = description.split(maxsplit=1)[0] if description.strip() else ""
    if not word or not word[0].islower() or "LATIN" not in unicodedata.name(word[0], ""):
        return True  # only Latin script is held to capitals; many scripts have no case
    if word.rstrip(".,:;!?") in _LOWERCASE_NAMES:
        return True
    return any(char.isupper() or char.isdigit() for char in word)


def _strip_decoration_end(description: str) -> str:
    text = description.rstrip()
    if text[-1:] not in (")", "]", ">"):
        return text  # every decoration ends so: most descriptions end with a full stop
    return _TRAILING_DECOR.sub("", text)


def ending_ok(description: str) -> bool:
    """The description ends in . ! ? or … (inside a closing quote when all of it is quoted).

    An emoji may stand in for the final mark, and a parenthetical note such as
    ``(Japanese)`` may follow it; so may images and badges, and, once the sentence
    has ended, code-span tags and a parenthesis of links.
    """
    text = _strip_decoration_end(description)
    if _ends_sentence(text):
        return True
    before_tags = _strip_decoration_end(_TRAILING_TAGS.sub("", text))
    return before_tags != text and _ends_sentence(before_tags)


def _ends_sentence(text: str) -> bool:
    if text and is_emoji(text[-1]):
        return True
    last = list(find_links(text))
    if last and last[-1].end == len(text):
        return True  # a trailing link (Code, Blog...) is not prose to punctuate
    text = _PARENTHETICAL.sub("", text) if text.endswith((")", ")*", ")**", ")_")) else text
    if not text or _SINGLE_CODE.match(text):
        return False
    if text[-1] in _END_MARKS and _DOUBLE_END.search(text):
        return False
    if text[-1] in '"”':
        return len(text) > 1 and text[-2] in _END_MARKS
    return text[-1] in _END_MARKS


def _item_problem(link: ListLink) -> tuple[str, str | None]:
    """(message, description) of the first problem of an item, or ('', description)."""
    if not link.url or not (_SCHEME.match(link.url) or link.url.startswith("#")):
        return f"the item's link '{link.url}' is not a full URL", None
    if not plain_text(link.label):
        return "the item's link has no text", None
    problem, description = split_description(link.tail)
    if problem or description is None:
        return problem, None
    if not _casing_ok(description):
        return "start the description with a capital letter", description
    if not ending_ok(description):
        return "end the description with a full stop (or ! ? …)", description
    return "", description


def _list_items(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    for index, line in enumerate(context.lines):
        if "-[" in line and _NO_SPACE_MARKER.match(line) and outline.is_prose(index + 1):
            yield LIST_ITEM.finding("put a space after the list marker '-'", index + 1)
    for item, link in content_items(outline):
        message, _ = _item_problem(link)
        if message:
            yield LIST_ITEM.finding(message, item.line, item.indent + len(item.marker) + 2)


def _repeats(doc: Document, context: LintContext) -> Iterator[Finding]:
    for item, link in content_items(context.outline()):
        _, description = split_description(link.tail)
        name = plain_text(link.label)
        if not description or not name:
            continue
        head = description.lstrip('*_`"“ ')
        if head[: len(name)].lower() == name.lower():
            after = head[len(name) : len(name) + 1]
            if not after or not (after.isalnum() or after in "_"):
                yield REPEAT_ITEM.finding(
                    f"the description repeats the name '{name}'; start with what it is",
                    item.line,
                )


# --- balanced punctuation ----------------------------------------------------------------

PAIRS = {"(": ")", "[": "]", "“": "”"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_PAIR_CHARS = frozenset([*PAIRS, *CLOSERS, '"'])
_PAIR_CHAR = re.compile("[" + re.escape("".join(sorted(_PAIR_CHARS))) + "]")
_BARE_URL = re.compile(
    r"\b(?:https?|ftp)://[^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)*|<[^>\s]+>|<[A-Za-z/!][^>]*>"
)
_UNIT_START = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s|^\s*#|^\s*\|")
_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|"
    "optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|"
    "track|ul"
)
_HTML_BLOCK_TAG = re.compile(r"^\s*</?(?:" + _HTML_BLOCK_NAMES + r")(?:\s|/?>|$)", re.IGNORECASE)
_HTML_LONE_TAG = re.compile(
    r"""^\s*(?:<[A-Za-z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
    r"|</[A-Za-z][\w-]*\s*>)\s*$"
)
_ORDERED_MARKER = re.compile(r"^(\s*)(\d{1,9}[.)])")
# "1) ... 2) ..." and "a) ... b) ...": enumerators, not closing parentheses (unless
# one closes an open "(", as in "(level 2)").
_ENUMERATOR = re.compile(r"(?<!\S)[0-9A-Za-z]{1,2}\)")


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _mask_for_pairs(line: str) -> str:
    """Blank what is not prose: code spans, link destinations, URLs, tags, list markers.

    Each step runs only when the line has the characters it looks for: on large lists
    most lines need few of them.
    """
    text = mask_code_spans(line)
    if "![" in text:
        text = _IMAGE.sub(_spaces, text)
    if "](" in text:
        pieces: list[str] = []
        done = 0
        for link in find_links(text):
            label_start = text.index("[", link.start) + 1
            label_end = label_start + len(link.label)
            pieces += (
                text[done : link.start],
                " " * (label_start - link.start),
                text[label_start:label_end],
                " " * (link.end - label_end),
            )
            done = link.end
        if pieces:
            text = "".join(pieces) + text[done:]
    if "://" in text or "<" in text:
        text = _BARE_URL.sub(_spaces, text)
    marker = _ORDERED_MARKER.match(text)
    if marker:
        text = marker.group(1) + " " * len(marker.group(2)) + text[marker.end() :]
    return text


@dataclass
class _Open:
    char: str
    line: int
    column: int


# ``[label](url)`` with nothing nested or escaped: what find_links reads the same way.
_PLAIN_LINK = re.compile(r"\[([^\[\]\\`]*)\]\(([^()\s\\<]*)\)")
_LABEL = operator.methodcaller("group", 1)


def _no_pairs_outside_links(line: str) -> bool:
    """A quick, exact "nothing to pair" for the common line: with no escapes, code or
    images, the masking below finds exactly these links and keeps only their labels,
    so a line without brackets or quotes once the links are reduced to labels has none
    after masking either (masking only removes characters)."""
    if "\\" in line or "`" in line or "![" in line:
        return False
    return _PAIR_CHAR.search(_PLAIN_LINK.sub(_LABEL, line)) is None


def _enumerators(text: str) -> set[int]:
    """Indexes of the ')' of "1)" or "b)" enumerators, which close nothing."""
    if ")" not in text:
        return set()
    return {match.end() - 1 for match in _ENUMERATOR.finditer(text)}


def _scan_unit(lines: list[tuple[int, str]]) -> Iterator[Finding]:
    stack: list[_Open] = []
    waiting: Counter[str] = Counter()  # openers on the stack by character: no scan of it
    quote: _Open | None = None
    for number, line in lines:
        if _no_pairs_outside_links(line):
            continue
        masked = _mask_for_pairs(line)
        enumerators = _enumerators(masked)
        for found in _PAIR_CHAR.finditer(masked):
            char, column = found.group(0), found.start() + 1
            if found.start() in enumerators and not waiting["("]:
                continue  # "1) ... 2) ...": an enumerator, unless a '(' waits for it
            if char == '"':
                quote = None if quote else _Open(char, number, column)
            elif char in PAIRS:
                stack.append(_Open(char, number, column))
                waiting[char] += 1
            elif char in CLOSERS:
                if not waiting[CLOSERS[char]]:
                    yield BALANCED.finding(f"'{char}' closes nothing", number, column)
                    continue
                while stack[-1].char != CLOSERS[char]:
                    left = stack.pop()
                    waiting[left.char] -= 1
                    yield _never_closed(left)
                waiting[stack.pop().char] -= 1
    for left in [*stack, *([quote] if quote else [])]:
        yield _never_closed(left)


def _never_closed(left: _Open) -> Finding:
    close = PAIRS.get(left.char, '"')
    return BALANCED.finding(f"'{left.char}' is never closed with '{close}'", left.line, left.column)


def _starts_html_block(line: str, after_paragraph: bool) -> bool:
    """Whether a line opens a raw HTML block (CommonMark kinds 6 and 7): a block-level
    tag, or a lone complete tag such as ``<picture>`` (which cannot interrupt a
    paragraph). Its lines up to the next blank line are HTML, not prose."""
    if _HTML_BLOCK_TAG.match(line):
        return True
    return not after_paragraph and _HTML_LONE_TAG.match(line) is not None


def _open_paragraph(unit: list[tuple[int, str]]) -> bool:
    """Whether the next line would continue a paragraph (not after a heading or nothing)."""
    return bool(unit) and not unit[0][1].lstrip().startswith("#")


def _units(context: LintContext) -> Iterator[list[tuple[int, str]]]:
    """Paragraphs and list items: the spans in which brackets and quotes must pair up.

    Raw HTML blocks are left out: their quotes belong to attributes.
    """
    outline = context.outline()
    code, comment = outline.code, outline.comment
    unit: list[tuple[int, str]] = []
    in_html = False
    for index, line in enumerate(context.lines):
        number = index + 1
        if in_html:
            in_html = not is_blank(line)
            continue
        opens = is_blank(line) or code[index] or comment[index]  # a line no unit takes
        if opens or _UNIT_START.match(line):
            if unit:
                yield unit
            unit = [] if opens else [(number, line)]
            continue
        if "<" in line and _starts_html_block(line, after_paragraph=_open_paragraph(unit)):
            if unit:
                yield unit
            unit, in_html = [], True
            continue
        unit.append((number, line))
    if unit:
        yield unit


_SPLIT_TAG = re.compile(r"<[A-Za-z][\w-]*\s[^<>]*\n[^<>]*>")


def _mask_split_tags(unit: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The unit with HTML tags that span lines (``<img`` / ``src="…"`` / ``/>``) blanked:
    the per-line masking sees only a tag's pieces, and their quotes are attributes."""
    if len(unit) < 2 or not any("<" in text for _, text in unit):
        return unit
    joined = "\n".join(text for _, text in unit)
    masked = _SPLIT_TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), joined)
    if masked == joined:
        return unit
    return [(number, text) for (number, _), text in zip(unit, masked.split("\n"), strict=True)]


def _balanced(doc: Document, context: LintContext) -> Iterator[Finding]:
    for unit in _units(context):
        if len(unit) == 1:  # most units of a list: one item on one line, settled at once
            text = unit[0][1]
            if _PAIR_CHARS.isdisjoint(text) or _no_pairs_outside_links(text):
                continue
        elif all(_PAIR_CHARS.isdisjoint(text) for _, text in unit):
            continue
        yield from _scan_unit(_mask_split_tags(unit))


LIST_ITEM = Rule(
    id="list-item",
    kind="awesome",
    severity="error",
    summary="Items read '- [Name](https://url) - Description.' with a full URL and proper casing.",
    doc="""An item that starts with a link has a full URL and non-empty link text; a
description, when there is one, follows ' - ', starts with a capital letter (or a
symbol, number or a word with its own casing like 'iOS') and ends with . ! ? or …
Items of the contents list are not checked.

Wrong: ``- [vLLM](github.com/vllm-project/vllm)  -  fast inference``
Right: ``- [vLLM](https://github.com/vllm-project/vllm) - Fast inference and serving.``""",
    check=_list_items,
    peers=("awesome-list-item", "awesome/list-item"),
)

REPEAT_ITEM = Rule(
    id="no-repeat-item-in-description",
    kind="awesome",
    severity="error",
    summary="A description does not open by repeating the item's name.",
    doc="""The name is already the link text; the description should say what it is.

Wrong: ``- [vLLM](https://github.com/vllm-project/vllm) - vLLM is a serving engine.``
Right: ``- [vLLM](https://github.com/vllm-project/vllm) - Serving engine with paged attention.``""",
    check=_repeats,
    peers=("no-repeat-item-in-description",),
)

BALANCED = Rule(
    id="balanced-punctuation",
    kind="format",
    severity="error",
    summary="Brackets and quotes opened in a paragraph or item are closed in it.",
    doc="""Checks ( ) [ ] “ ” and straight double quotes within each paragraph or list item. Apostrophes are not checked; code, URLs and HTML (tags, also those spanning lines, and raw HTML blocks such as ``<picture>`` … ``</picture>``) are skipped.

Wrong: ``- [T5](https://arxiv.org/abs/1910.10683) - Text-to-text transfer (encoder-decoder.``
Right: ``- [T5](https://arxiv.org/abs/1910.10683) - Text-to-text transfer (encoder-decoder).``""",
    check=_balanced,
    peers=("balanced-punctuation", "match-punctuation"),
)
