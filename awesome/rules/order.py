"""entry-order: entries in each section stand in the canonical order of awesome.sorting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from awesome.metadata import MetadataLock
from awesome.model import Document, Entry
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


def check_order(
    document: Document, context: LintContext, key: SortKey | None = None
) -> Iterable[Finding]:
    """Report the first entry of each section that sorts before the one above it."""
    key = key or _sort_key()
    if key is None or context.config.sort == "none":
        return
    for section in document.walk():
        keys = [key(entry, context.lock) for entry in section.entries]
        for index in range(1, len(keys)):
            if keys[index] < keys[index - 1]:
                above = section.entries[index - 1]
                yield ENTRY_ORDER.finding(
                    f"entry is out of order in section '{section.heading}'"
                    f" (should come before line {above.line}); 'awesome format' sorts it",
                    section.entries[index].line,
                )
                break


ENTRY_ORDER = Rule(
    id="entry-order",
    kind="order",
    severity="warning",
    summary="Entries of a section are not in canonical order.",
    doc="""\
Inside each section, entries follow the canonical order of ``awesome format``
(``sort`` in the configuration; see awesome/sorting.py). One finding per
section names the first entry out of place; ``--fix`` re-sorts the section
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
