"""Entry shape rules: items that fit no entry shape, entries that break the entry schema."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from awesome.export import entry_to_json
from awesome.model import Document, Entry, Section
from awesome.rules._source import walk_entries
from awesome.rules.base import Finding, LintContext, Rule
from awesome.schemas import quick_valid, validator

UNPARSED_DOC = """\
A list item that fits none of the entry shapes the parser knows. It is kept
verbatim, but no other rule can check it and the formatter cannot make it
canonical. An item that only labels the entries nested under it (``* General``
over its own ``* [name](url)`` items) is a group label, not a finding.

Wrong:

    - see also the GPT-4 paper, it is great

Right:

    - [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, arXiv 2023.

Task-list items (``- [ ] todo``) and the lists of sections about the list
(Contributing, How to, Usage, Install, Roadmap, News, Criteria, FAQ ...) are
steps and notes, not entries, and are not reported.
"""


def is_group_label(entry: Entry) -> bool:
    """An item such as ``* General`` that only names the entries nested under it.

    The parser keeps it as an unparsed item with children; it is the list's way of
    grouping, not an entry gone wrong, as long as something under it was read.
    """
    return not entry.parsed and any(child.parsed for child in entry.children)


# A GitHub task-list item: ``- [ ] todo``, ``- [x] done``.
_TASK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\](?:\s|$)")
# Sections of prose about the list, not of entries: their lists are steps, rules or news.
_PROSE_SECTION = re.compile(
    r"\b(?:contribut\w*|how[ -]to|usage|install\w*|getting started|set ?up|roadmap|to-?do|"
    r"news|updates?|change ?log|criteria|guidelines?|faq|acknowledge?ments?|citation|cite)\b",
    re.IGNORECASE,
)


def _not_entries(document: Document) -> set[int]:
    """Lines of list items that are not meant as entries: task-list items, and the
    items of prose sections (Contributing, How to, News ...) and of sections under them."""
    prose: set[int] = set()  # ids of prose sections

    def mark(section: Section, inherited: bool) -> None:
        if inherited or _PROSE_SECTION.search(section.heading):
            prose.add(id(section))
        for sub in section.subsections:
            mark(sub, id(section) in prose)

    for section in document.sections:
        mark(section, False)
    return {
        entry.line
        for section, entry in walk_entries(document)
        if id(section) in prose or _TASK.match(entry.raw)
    }


def check_unparsed_entries(document: Document, context: LintContext) -> Iterable[Finding]:
    """Items that fit no entry shape, except group labels, task lists and the lists of
    prose sections (Contributing, How to, News ...)."""
    skip: set[int] | None = None  # worked out only when some item is unparsed
    for _, entry in walk_entries(document):
        if entry.parsed or is_group_label(entry):
            continue
        if skip is None:
            skip = _not_entries(document)
        if entry.line in skip:
            continue
        preview = entry.raw.strip().splitlines()[0][:60] if entry.raw.strip() else ""
        yield UNPARSED_ENTRY.finding(
            f"list item fits no entry shape: '{preview}'"
            " (expected [Title](url) - AUTHORS, VENUE YEAR. Description)",
            entry.line,
        )


UNPARSED_ENTRY = Rule(
    id="unparsed-entry",
    kind="structure",
    severity="warning",
    summary="A list item fits no entry shape.",
    doc=UNPARSED_DOC,
    check=check_unparsed_entries,
    peers=(),
)

SCHEMA_DOC = """\
An entry whose exported JSON record (``awesome export --format json``) does not
validate against ``schema/entry.schema.json``: for example a year outside the
accepted range, an empty title, or a URL that is not absolute.

Wrong:

    - [](https://arxiv.org/abs/2303.08774) - arXiv 2023.

Right:

    - [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.
"""


def check_schema(document: Document, context: LintContext) -> Iterable[Finding]:
    for _, entry in document.entries():
        record = entry_to_json(entry)  # children are validated inside their parent
        if quick_valid("entry", record):
            continue  # valid; only invalid records pay for jsonschema's messages
        errors = sorted(validator("entry").iter_errors(record), key=lambda e: list(e.path))
        if errors:
            yield SCHEMA.finding(_schema_message(errors), entry.line)


def _schema_message(errors: list[Any]) -> str:
    best = errors[0]
    # oneOf hides the useful error inside its context: pick the deepest one
    while best.context:
        best = max(best.context, key=lambda e: len(list(e.absolute_path)))
    where = "/".join(str(part) for part in best.absolute_path) or "entry"
    return f"entry breaks the entry schema at {where}: {best.message}"


SCHEMA = Rule(
    id="schema",
    kind="structure",
    severity="error",
    summary="An entry does not validate against the entry JSON schema.",
    doc=SCHEMA_DOC,
    check=check_schema,
    peers=(),
)

RULES = [UNPARSED_ENTRY, SCHEMA]
