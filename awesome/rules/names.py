"""Spelling of names: venues, products and common typos (tables in awesome.data.spelling).

Matching is on whole words, case-sensitive, and never inside a URL, inline code
or an HTML tag. Each finding carries a fix that replaces exactly the misspelt
span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from awesome.data.spelling import CANONICAL_VENUES, PRODUCTS, TYPOS, VENUES
from awesome.model import Document, Entry
from awesome.rules._source import (
    entry_line_numbers,
    mask,
    prose_lines,
    source_line,
    unique_fix,
    walk_entries,
)
from awesome.rules.base import Finding, LintContext, Rule

_VENUE_CASE = {venue.casefold(): venue for venue in CANONICAL_VENUES}
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    wrong: str
    right: str


@lru_cache(maxsize=16)
def _pattern(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    # longest first, so "Open AI" wins over "AI"-like shorter forms
    forms = sorted((wrong for wrong, _ in pairs), key=len, reverse=True)
    alternation = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w./@-])(?:{alternation})(?!\w|[.@/]\w)")


def find_misspellings(text: str, table: Mapping[str, str]) -> Iterator[Misspelling]:
    """Every whole-word occurrence in ``text`` of a wrong form listed in ``table``."""
    if not table:
        return
    pattern = _pattern(tuple(sorted(table.items())))
    for match in pattern.finditer(text):
        wrong = match.group(0)
        yield Misspelling(match.start(), match.end(), wrong, table[wrong])


def canonical_venue(venue: str) -> str:
    """The venue with known misspellings and miscapitalised names fixed."""
    fixed = venue
    for found in reversed(list(find_misspellings(venue, VENUES))):
        fixed = fixed[: found.start] + found.right + fixed[found.end :]
    return _WORD.sub(
        lambda match: _VENUE_CASE.get(match.group(0).casefold(), match.group(0)), fixed
    )


def product_table(context: LintContext) -> dict[str, str]:
    """The shared product list plus the configuration's ``lint.spelling`` pairs."""
    return {**PRODUCTS, **context.config.lint.spelling}


def _locate_venue(entry: Entry, context: LintContext) -> tuple[int, str, int] | None:
    """(line, text, start) of the venue as written: its last occurrence in the entry's lines."""
    assert entry.venue is not None
    for number in reversed(entry_line_numbers(entry, context)):
        text = source_line(context, number)
        start = mask(text).rfind(entry.venue)
        if start != -1:
            return number, text, start
    return None


def check_venue_spelling(document: Document, context: LintContext) -> Iterable[Finding]:
    for _, entry in walk_entries(document):
        if not entry.parsed or not entry.venue:
            continue
        fixed = canonical_venue(entry.venue)
        if fixed == entry.venue:
            continue
        message = f"venue '{entry.venue}' is spelt '{fixed}'"
        where = _locate_venue(entry, context)
        if where is None:
            yield VENUE_SPELLING.finding(message, entry.line)
            continue
        line, text, start = where
        fix = unique_fix(line, text, start, start + len(entry.venue), fixed)
        yield VENUE_SPELLING.finding(message, line, start + 1, fix)


def _spelling_findings(
    rule: Rule, numbered: Iterable[tuple[int, str]], context: LintContext, table: Mapping[str, str]
) -> Iterator[Finding]:
    for number, masked in numbered:
        for found in find_misspellings(masked, table):
            text = source_line(context, number)
            fix = unique_fix(number, text, found.start, found.end, found.right)
            yield rule.finding(
                f"'{found.wrong}' is spelt '{found.right}'", number, found.start + 1, fix
            )


def _entry_lines(document: Document, context: LintContext) -> Iterator[tuple[int, str]]:
    """Masked source lines of entries, each line once (children share their parent's raw)."""
    seen: set[int] = set()
    for _, entry in walk_entries(document):
        for number in entry_line_numbers(entry, context):
            if number not in seen:
                seen.add(number)
                yield number, mask(source_line(context, number))


def check_product_spelling(document: Document, context: LintContext) -> Iterable[Finding]:
    return _spelling_findings(
        PRODUCT_SPELLING, _entry_lines(document, context), context, product_table(context)
    )


def check_typos(document: Document, context: LintContext) -> Iterable[Finding]:
    return _spelling_findings(TYPO, prose_lines(context), context, TYPOS)


VENUE_SPELLING = Rule(
    id="venue-spelling",
    kind="spelling",
    severity="warning",
    summary="A venue name is misspelt or uses an old name (Arxiv, NIPS, FaccT, ...).",
    doc="""\
Venues are written as they write themselves: ``arXiv``, ``NeurIPS`` (for every
year, also before the 2018 rename), ``FAccT``, ``Findings of EMNLP``. Any other
capitalisation of a known venue (``Iclr``) is fixed too. The table is
``awesome/data/spelling.py``.

Wrong:

    - [Deep RL from Human Preferences](https://arxiv.org/abs/1706.03741) - NIPS 2017.

Right:

    - [Deep RL from Human Preferences](https://arxiv.org/abs/1706.03741) - NeurIPS 2017.
""",
    check=check_venue_spelling,
    fixable=True,
)

PRODUCT_SPELLING = Rule(
    id="product-spelling",
    kind="spelling",
    severity="warning",
    summary="A product or company name is misspelt in an entry (Github, Pytorch, Openai, ...).",
    doc="""\
Names of products, projects and companies inside entries are written as their
owners write them: GitHub, PyTorch, OpenAI, ChatGPT, LLaMA, Hugging Face...
The list is ``PRODUCTS`` in ``awesome/data/spelling.py``; ``lint.spelling`` in
the configuration adds pairs. URLs and code are never touched.

Wrong:

    - [Openai's gpt-3 language model: A technical overview](https://lambdalabs.com/blog/demystifying-gpt-3)

Right:

    - [OpenAI's GPT-3 language model: A technical overview](https://lambdalabs.com/blog/demystifying-gpt-3)
""",
    check=check_product_spelling,
    fixable=True,
    peers=("spell-check",),
)

TYPO = Rule(
    id="typo",
    kind="spelling",
    severity="warning",
    summary="A common misspelling of an ordinary word (Communtity, aocial, ...).",
    doc="""\
A short list of misspellings seen in paper lists (``TYPOS`` in
``awesome/data/spelling.py``), checked on every line outside code: headings,
entries, paragraphs and HTML text.

Wrong:

    #### Alignment Efforts of Open-source Communtity

Right:

    #### Alignment Efforts of Open-source Community
""",
    check=check_typos,
    fixable=True,
)

RULES = [VENUE_SPELLING, PRODUCT_SPELLING, TYPO]
