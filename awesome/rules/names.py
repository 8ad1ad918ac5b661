"""Spelling of venues and common typos (tables in awesome/data/spelling.toml).

Product and project names are the ``spell-check`` rule's (awesome/rules/spelling.py),
which reads ``[products]`` of the same file. Matching is on whole words and never
inside a URL, inline code or an HTML tag. Each finding carries a fix that
replaces exactly the misspelt span.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import NamedTuple

from awesome.inline import find_links
from awesome.model import Document, Entry
from awesome.rules._source import (
    entry_line_numbers,
    mask,
    prose_lines,
    source_line,
    span_fix,
    walk_entries,
)
from awesome.rules.base import Finding, LintContext, Rule
from awesome.spelling import LineFilter, SpellingMatcher, matcher, spelling_tables, trie_pattern


def typo_table() -> dict[str, str]:
    """Misspelt word -> right word, case-sensitive (``[typos]``)."""
    return dict(spelling_tables().get("typos", {}))


@functools.cache
def _venue_matcher() -> SpellingMatcher:
    return SpellingMatcher(spelling_tables().get("venues", {}), {})


class Misspelling(NamedTuple):
    start: int
    end: int
    wrong: str
    right: str


@functools.lru_cache(maxsize=16)
def _pattern(pairs: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    # A trie of the wrong forms: case counts, so one branch at most fits a character, and
    # its greedy tail tries the longest form first (a phrase wins over a word inside it),
    # as an alternation of the forms longest first would, at a third of the cost.
    forms = trie_pattern((wrong for wrong, _ in pairs), blanks=False)
    return re.compile(rf"(?<![\w./@-])(?:{forms})(?!\w|[.@/]\w)")


def find_misspellings(text: str, table: Mapping[str, str]) -> Iterator[Misspelling]:
    """Every whole-word occurrence in ``text`` of a wrong form listed in ``table``."""
    if not table:
        return
    pattern = _pattern(tuple(sorted(table.items())))
    for match in pattern.finditer(text):
        wrong = match.group(0)
        yield Misspelling(match.start(), match.end(), wrong, table[wrong])


@functools.lru_cache(maxsize=4096)
def canonical_venue(venue: str) -> str:
    """The venue with misspellings, old names and other casings of known venues fixed.

    Cached: a list names a few dozen venues over and over, and the matcher's pass is
    the costly part of venue-spelling on a long list."""
    fixed = venue
    for found in reversed(list(_venue_matcher().find(venue))):
        start = found.column - 1
        fixed = fixed[:start] + found.right + fixed[start + len(found.found) :]
    return fixed


def _venue_forms() -> list[str]:
    venues: dict[str, dict[str, list[str]]] = spelling_tables().get("venues", {})
    forms = [form for right, spec in venues.items() for form in [right, *spec.get("wrong", [])]]
    return sorted(forms, key=len, reverse=True)


# A year cut short (``'23``) or glued on (``2021``, ``-2021``) right after a venue.
_VENUE_YEAR = r"(?:\s?['’‘`](?P<short>\d{2})|[-_]?(?P<full>(?:19|20)\d{2}))(?![\w'’])"


@functools.cache
def _venue_year_pattern() -> re.Pattern[str]:
    """A known venue with its year cut short (``ICLR'23``) or glued on (``ICML2021``).

    The venues (all ASCII) as a trie: one branch at most fits a character, and its greedy
    tail tries the longest venue first, as an alternation of them longest first would."""
    venues = trie_pattern({form.lower() for form in _venue_forms()}, blanks=False)
    return re.compile(rf"(?<![\w./@-])(?P<venue>{venues}){_VENUE_YEAR}", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _name_filter(spelling: tuple[tuple[str, str], ...]) -> LineFilter:
    """One filter for the forms of spell-check, typo and venue-spelling's venue-year check.

    Each of them alone would make a pass over the whole text that costs about as much as
    the three together (the pass is paid per character, not per form).
    """
    products = matcher(dict(spelling))
    typos = trie_pattern({wrong.lower() for wrong in typo_table()})
    venues = trie_pattern({form.lower() for form in _venue_forms()}, blanks=False)
    year = re.sub(r"\(\?P<\w+>", "(?:", _VENUE_YEAR)  # one group name may stand once
    forms = [*typo_table(), *_venue_forms()]
    return LineFilter(
        f"{products.forms_pattern}|{typos}|{venues}{year}",
        products.ascii_forms and all(form.isascii() for form in forms),
    )


def name_lines(context: LintContext) -> set[int]:
    """0-based indexes of the lines where a product name, a typo or a venue with a
    glued-on year may stand (a superset), found once per lint run for the three rules."""
    found = context.cache.get("name_lines")
    if not isinstance(found, set):
        spelling = tuple(sorted(context.config.lint.spelling.items()))
        found = _name_filter(spelling).matching_lines(context.lines)
        context.cache["name_lines"] = found
    return found


def full_year(short: str, this_year: int) -> int:
    """``'23`` -> 2023; a two-digit year past next year is read as the 1900s."""
    year = 2000 + int(short)
    return year if year <= this_year + 1 else year - 100


def _without_links(text: str) -> str:
    """``text`` with whole Markdown links blanked: a label names a thing (a repository
    "EMNLP-2022-papers"), it does not give the entry's venue."""
    for link in find_links(text):
        text = text[: link.start] + " " * (link.end - link.start) + text[link.end :]
    return text


def check_venue_year_forms(entry: Entry, context: LintContext, this_year: int) -> Iterator[Finding]:
    """``ICLR'23`` and ``ICML2021`` in an entry: the parser cannot read them as venue and year."""
    pattern = _venue_year_pattern()
    candidates = name_lines(context)
    for number in entry_line_numbers(entry, context):
        text = source_line(context, number)
        if number - 1 not in candidates or not pattern.search(text):
            continue  # most lines have none: mask only the few that might
        for match in pattern.finditer(mask(_without_links(text))):
            short, full = match.group("short"), match.group("full")
            year = int(full) if full else full_year(short, this_year)
            right = f"{canonical_venue(match.group('venue'))} {year}"
            fix = span_fix(number, text, match.start(), match.end(), right)
            yield VENUE_SPELLING.finding(
                f"venue and year '{match.group(0)}' are written '{right}'",
                number,
                match.start() + 1,
                fix,
            )


def _locate_venue(entry: Entry, context: LintContext) -> tuple[int, str, int] | None:
    """(line, text, start) of the venue as written: its last occurrence in the entry's lines."""
    assert entry.venue is not None
    for number in reversed(entry_line_numbers(entry, context)):
        text = source_line(context, number)
        start = mask(text).rfind(entry.venue)
        if start != -1:
            return number, text, start
    return None


def check_venue_spelling(
    document: Document, context: LintContext, today: Callable[[], date] = date.today
) -> Iterable[Finding]:
    """``today`` is a parameter so tests can fix the date that two-digit years are read by."""
    this_year = today().year
    for _, entry in walk_entries(document):
        if not entry.parsed:
            continue
        if entry.year is None:
            yield from check_venue_year_forms(entry, context, this_year)
        if not entry.venue:
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
        fix = span_fix(line, text, start, start + len(entry.venue), fixed)
        yield VENUE_SPELLING.finding(message, line, start + 1, fix)


def _spelling_findings(
    rule: Rule, numbered: Iterable[tuple[int, str]], context: LintContext, table: Mapping[str, str]
) -> Iterator[Finding]:
    for number, masked in numbered:
        for found in find_misspellings(masked, table):
            text = source_line(context, number)
            fix = span_fix(number, text, found.start, found.end, found.right)
            yield rule.finding(
                f"'{found.wrong}' is spelt '{found.right}'", number, found.start + 1, fix
            )


def check_typos(document: Document, context: LintContext) -> Iterable[Finding]:
    table = typo_table()
    quick = _pattern(tuple(sorted(table.items())))
    # most lines hold no typo: test the raw line before masking it
    candidates = [i for i in sorted(name_lines(context)) if quick.search(context.lines[i])]
    if not candidates:
        return []
    return _spelling_findings(TYPO, prose_lines(context, set(candidates)), context, table)


VENUE_SPELLING = Rule(
    id="venue-spelling",
    kind="spelling",
    severity="warning",
    summary="A venue name is misspelt or uses an old name (Arxiv, NIPS, FaccT, ...).",
    doc="""\
Venues are written as they write themselves: ``arXiv``, ``NeurIPS`` (for every
year, also before the 2018 rename), ``FAccT``, ``Findings of EMNLP``. Any other
capitalisation of a known venue (``Iclr``) is fixed too. The table is
``[venues]`` in ``awesome/data/spelling.toml``. A known venue with a cut-short
or glued-on year (``ICLR'23``, ``ICML2021``) is written ``ICLR 2023``: only
then can the entry's venue and year be read and checked.

Wrong:

    - [Deep RL from Human Preferences](https://arxiv.org/abs/1706.03741) - NIPS 2017.

Right:

    - [Deep RL from Human Preferences](https://arxiv.org/abs/1706.03741) - NeurIPS 2017.
""",
    check=check_venue_spelling,
    fixable=True,
)

TYPO = Rule(
    id="typo",
    kind="spelling",
    severity="warning",
    summary="A common misspelling of an ordinary word (Communtity, aocial, ...).",
    doc="""\
A short list of misspellings seen in paper lists (``[typos]`` in
``awesome/data/spelling.toml``), checked on every line outside code: headings,
entries, paragraphs and HTML text.

Wrong:

    #### Alignment Efforts of Open-source Communtity

Right:

    #### Alignment Efforts of Open-source Community
""",
    check=check_typos,
    fixable=True,
)

RULES = [VENUE_SPELLING, TYPO]
