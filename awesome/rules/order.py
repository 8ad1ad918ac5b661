"""entry-order: entries in each section stand in the canonical order of awesome.sorting."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Any

from awesome.metadata import MetadataLock
from awesome.model import Document, Entry, Section
from awesome.rules.base import Finding, LintContext, Rule

SortKey = Callable[[Entry, MetadataLock], Any]


def _sort_key() -> SortKey | None:
    """The canonical sort key, imported late (and None while awesome.sorting lacks it)."""
    try:
        from awesome import sorting
    except ImportError:
        return None
    key: SortKey | None = getattr(sorting, "canonical_key", None)
    return key


def kept_in_place(ranks: list[int]) -> list[bool]:
    """Which positions form the longest non-decreasing run of ``ranks`` (earliest such run).

    The entries outside it are the ones that moved: in ``D A B C`` that is ``D``, not
    ``A`` (which merely stands after it). Among runs of equal length the one keeping the
    earliest positions wins, so of two swapped neighbours the second is blamed.
    O(n log n): for each position, the length of the longest run starting there.
    """
    longest_from = [0] * len(ranks)
    best_start: list[int] = []  # best_start[k]: -(largest rank that starts a run of k + 1)
    for index in range(len(ranks) - 1, -1, -1):
        rank = ranks[index]
        longer = bisect.bisect_right(best_start, -rank)
        longest_from[index] = longer + 1
        if longer == len(best_start):
            best_start.append(-rank)
        else:
            best_start[longer] = min(best_start[longer], -rank)
    kept = [False] * len(ranks)
    wanted, last = len(best_start), -1
    for index, rank in enumerate(ranks):
        if wanted and longest_from[index] == wanted and rank >= last:
            kept[index], wanted, last = True, wanted - 1, rank
    return kept


def _ranks(keys: list[Any]) -> list[int]:
    order = {key: rank for rank, key in enumerate(sorted(set(keys)))}
    return [order[key] for key in keys]


def _message(
    section: Section, entries: list[Entry], ranks: list[int], kept: list[bool], at: int
) -> str:
    later = [i for i in range(len(entries)) if kept[i] and ranks[i] > ranks[at]]
    if later:
        where = f"should come before line {entries[later[0]].line}"
    else:
        last = max(i for i in range(len(entries)) if kept[i])
        where = f"should come after line {entries[last].line}"
    return (
        f"entry is out of order in section '{section.heading}' ({where}); 'awesome format' sorts it"
    )


def check_order(
    document: Document, context: LintContext, key: SortKey | None = None
) -> Iterable[Finding]:
    """Report, per section, the first entry that stands outside the longest sorted run."""
    key = key or _sort_key()
    if key is None or context.config.sort == "none":
        return
    for section in document.walk():
        entries = section.entries
        keys = [key(entry, context.lock) for entry in entries]
        if all(keys[i - 1] <= keys[i] for i in range(1, len(keys))):
            continue
        ranks = _ranks(keys)
        kept = kept_in_place(ranks)
        moved = kept.index(False)
        yield ENTRY_ORDER.finding(
            _message(section, entries, ranks, kept, moved), entries[moved].line
        )


ENTRY_ORDER = Rule(
    id="entry-order",
    kind="order",
    severity="warning",
    summary="Entries of a section are not in canonical order.",
    doc="""\
Inside each section, entries follow the canonical order of ``awesome format``
(``sort`` in the configuration; see awesome/sorting.py). One finding per
section names the first entry out of place (outside the longest run of
entries already in order, so an entry moved up is blamed, not its new
neighbours) and where it belongs; ``--fix`` re-sorts the section
through the formatter. ``sort = "none"`` turns the rule off.

Wrong (canonical order: by year, then arXiv date, then title):

    - [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.
    - [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2020.

Right:

    - [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2020.
    - [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.
""",
    check=check_order,
    fixable=True,
)

RULES = [ENTRY_ORDER]
