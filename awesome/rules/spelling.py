"""Product and project names spelled as their owners spell them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from awesome.inline import find_links
from awesome.model import Document
from awesome.rules.base import Finding, Fix, LintContext, Rule
from awesome.rules.names import name_lines
from awesome.rules.outline import mask_code_spans
from awesome.spelling import matcher

# URLs of any scheme (git+https://, ssh://), bare domains, e-mail addresses, tags,
# reference definitions, the key of a reference link (``[TypeScript][typescript]``) and
# image alt text (badges: ``![NPM version](...)``).
# Each with what it cannot match without: the alternation of those whose mark a line holds
# finds what all of them would (the others match nowhere on it), and a line without "@" is
# spared the address pattern, which tries every position of every long word.
_NOT_PROSE_PARTS = (
    ("://", r"\b[A-Za-z][A-Za-z0-9+.\-]*://\S+"),
    ("www.", r"www\.\S+"),
    ("@", r"\S+@\S+\.\w+"),
    ("<", r"<[^>]*>"),
    ("]:", r"^\s*\[[^\]]+\]:\s*\S+"),
    ("][", r"(?<=\])\[[^\]]*\]"),
    ("![", r"!\[[^\]]*\]"),
)


@functools.lru_cache(maxsize=128)
def _not_prose(marks: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(part for mark, part in _NOT_PROSE_PARTS if mark in marks))


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + "\x00" * (end - start) + text[end:]


def prose_only(line: str) -> str:
    """The line with code, link destinations, URLs, e-mail addresses and tags blanked."""
    text = mask_code_spans(line)
    if "](" in text:
        for link in find_links(text):
            label_end = text.find("](", link.start)
            if label_end != -1:
                text = _blank(text, label_end + 1, link.end)
    marks = tuple(mark for mark, _ in _NOT_PROSE_PARTS if mark in text)
    if not marks:
        return text  # the common line once its links are blanked: nothing more to find
    return _not_prose(marks).sub(lambda m: "\x00" * len(m.group(0)), text)


def _check(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    spell = matcher(context.config.lint.spelling)
    for index in sorted(name_lines(context)):
        line = context.lines[index]
        if not line.strip() or not outline.is_prose(index + 1):
            continue
        for miss in spell.find(prose_only(line)):
            fix = Fix(index + 1, miss.found, miss.right, column=miss.column)
            yield SPELL_CHECK.finding(
                f"'{miss.found}' is spelled '{miss.right}'", index + 1, miss.column, fix
            )


SPELL_CHECK = Rule(
    id="spell-check",
    kind="spelling",
    severity="warning",
    summary="Product and project names are spelled as their owners spell them.",
    doc="""Names like GitHub, PyTorch, OpenAI, LLaMA, JavaScript and macOS from
``awesome/data/spelling.toml``, plus the list's own ``lint.spelling`` pairs.
URLs, code and HTML are not checked.

Wrong: ``- [Pythia](https://github.com/EleutherAI/pythia) - Models trained in Pytorch.``
Right: ``- [Pythia](https://github.com/EleutherAI/pythia) - Models trained in PyTorch.``""",
    check=_check,
    fixable=True,
    peers=("awesome-spell-check", "awesome/spell-check"),
)
