"""unparsed-entry and schema."""

from __future__ import annotations

from awesome.model import Document, Entry, Section
from awesome.rules.base import LintContext
from awesome.rules.entries import RULES, SCHEMA, UNPARSED_ENTRY
from tests.rule_support import TITLE, lines_of, lint, run_rule


def test_unparsed_item_is_reported_with_its_line() -> None:
    body = "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.\n- see the GPT-4 paper, it is great\n"
    findings = lint(UNPARSED_ENTRY, body)
    assert lines_of(findings) == [6]
    assert "see the GPT-4 paper" in findings[0].message
    assert findings[0].severity == "warning"


def test_parsed_entries_are_not_reported() -> None:
    body = "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.\n"
    assert lint(UNPARSED_ENTRY, body) == []


def test_a_group_label_over_its_own_entries_is_not_reported() -> None:
    body = (
        "- Basics\n"
        "    - [tidy](https://example.org/tidy) - Cleans up widget files.\n"
        "    - [sprocket](https://example.org/sprocket) - Turns widgets around.\n"
        "- Readers\n"
        "    - [gadget-reader](https://example.org/reader) - Reads gadget files.\n"
        "- see the GPT-4 paper, it is great\n"
        "- An empty group\n"
    )
    # labels with entries under them group the list; prose items and empty labels do not
    assert lines_of(lint(UNPARSED_ENTRY, body)) == [10, 11]


def test_a_label_over_items_that_fit_no_shape_is_still_reported() -> None:
    body = "- Notes\n    - see the GPT-4 paper, it is great\n"
    assert lines_of(lint(UNPARSED_ENTRY, body)) == [5]  # the parser keeps both as one item


def _doc_with(entry: Entry) -> Document:
    return Document("Papers", sections=[Section("Section", 2, "section", line=3, entries=[entry])])


def test_schema_reports_a_year_out_of_range() -> None:
    entry = Entry("A Title", url="https://example.org/a", year=1066, line=5)
    findings = list(SCHEMA.check(_doc_with(entry), LintContext(lines=[])))
    assert lines_of(findings) == [5]
    assert "year" in findings[0].message


def test_schema_reports_a_url_with_spaces() -> None:
    entry = Entry("A Title", url="https://example.org/a b", line=7)
    findings = list(SCHEMA.check(_doc_with(entry), LintContext(lines=[])))
    assert lines_of(findings) == [7]
    assert "url" in findings[0].message


def test_schema_accepts_a_valid_entry() -> None:
    body = "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, arXiv 2023.\n"
    assert lint(SCHEMA, body) == []


def test_rule_metadata_is_complete() -> None:
    for rule in RULES:
        assert "Wrong" in rule.doc and "Right" in rule.doc
        assert rule.severity in ("error", "warning")


def test_task_lists_and_steps_in_prose_sections_are_not_entries() -> None:
    text = TITLE + (
        "## Models\n\n- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.\n"
        "- [ ] Add the Gemini report\n- [x] Add the figure\n\n"
        "## Contributing\n\n1. Fork the repository.\n2. Add your paper to its section.\n\n"
        "### Checks\n\n- Run the linter first\n\n"
        "## How to Use\n\n1. Install the tool\n2. Run it\n\n"
        "## Latest News\n\n- We added a section.\n\n"
        "## Data\n\n1. see the GPT-4 paper, it is great\n2. [ ]x not a task\n"
    )
    found = run_rule(text, "unparsed-entry")
    assert [(f.line, f.message[:45]) for f in found] == [
        (29, "list item fits no entry shape: '1. see the GP"),
        (30, "list item fits no entry shape: '2. [ ]x not a"),
    ]
