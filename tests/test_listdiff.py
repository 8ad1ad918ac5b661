"""Entry-level diffs between two documents (awesome/listdiff.py), on hand-built documents."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome.listdiff import (
    diff_documents,
    located_entries,
    normalize_title,
    render_json,
    render_markdown,
    render_text,
)
from awesome.model import Document, Entry, Link, Section
from awesome.slug import github_slug


def paper(title: str, url: str | None = None, **fields: object) -> Entry:
    arxiv = fields.pop("arxiv_id", None)
    return Entry(title=title, url=url, arxiv_id=arxiv, **fields)  # type: ignore[arg-type]


def section(heading: str, *entries: Entry, subsections: list[Section] | None = None) -> Section:
    return Section(
        heading,
        2,
        github_slug(heading),
        entries=list(entries),
        subsections=subsections or [],
    )


def document(*sections: Section) -> Document:
    return Document("List", sections=list(sections))


ATTENTION = paper(
    "Attention Is All You Need",
    "https://arxiv.org/abs/1706.03762",
    arxiv_id="1706.03762",
    venue="NeurIPS",
    year=2017,
)
PILE = paper("The Pile", "https://arxiv.org/abs/2101.00027", arxiv_id="2101.00027", year=2020)
TOOL = paper("Some Tool", "https://example.com/tool", description="A tool.")


def base() -> Document:
    fresh = copy.deepcopy
    return document(section("Models", fresh(ATTENTION), fresh(TOOL)), section("Data", fresh(PILE)))


def test_identical_documents_have_no_changes() -> None:
    diff = diff_documents(base(), base())
    assert diff.empty
    assert diff.counts() == {"added": 0, "removed": 0, "moved": 0, "edited": 0}
    assert (diff.old_count, diff.new_count) == (3, 3)


def test_added_and_removed_entries_are_reported_with_their_sections() -> None:
    new = base()
    new.sections[1].entries.append(paper("A New Dataset", "https://example.org/data"))
    new.sections[0].entries.remove(new.sections[0].entries[1])
    diff = diff_documents(base(), new)
    added, removed = diff.of_kind("added"), diff.of_kind("removed")
    assert [(c.title, c.current.section) for c in added] == [("A New Dataset", "Data")]
    assert [(c.title, c.current.section) for c in removed] == [("Some Tool", "Models")]
    assert diff.of_kind("moved") == [] and diff.of_kind("edited") == []


def test_entry_moved_to_another_section_keeps_its_edits() -> None:
    new = base()
    moved = copy.deepcopy(PILE)
    moved.year = 2021
    new.sections[1].entries.clear()
    new.sections[0].entries.append(moved)
    diff = diff_documents(base(), new)
    [change] = diff.changes
    assert change.kind == "moved"
    assert change.old is not None and change.new is not None
    assert (change.old.section, change.new.section) == ("Data", "Models")
    assert [(f.field, f.old, f.new) for f in change.fields] == [("year", 2020, 2021)]


def test_edited_fields_are_listed_one_by_one_in_a_fixed_order() -> None:
    new = base()
    edited = new.sections[0].entries[0]
    edited.venue = "NIPS"
    edited.authors = ["Vaswani", "Shazeer"]
    edited.links = [Link("Code", "https://github.com/tensorflow/tensor2tensor")]
    [change] = diff_documents(base(), new).changes
    assert change.kind == "edited"
    assert [f.field for f in change.fields] == ["authors", "venue", "links"]
    assert change.fields[0].old == [] and change.fields[0].new == ["Vaswani", "Shazeer"]
    assert change.fields[2].new == ["Code: https://github.com/tensorflow/tensor2tensor"]


def test_arxiv_id_matches_entries_whose_title_and_url_form_changed() -> None:
    new = base()
    renamed = new.sections[0].entries[0]
    renamed.title = "Attention is all you need (Transformer)"
    renamed.url = "https://arxiv.org/pdf/1706.03762v5.pdf"
    [change] = diff_documents(base(), new).changes
    assert change.kind == "edited"
    assert {f.field for f in change.fields} == {"title", "url"}


def test_url_matches_entries_whose_title_changed() -> None:
    new = base()
    new.sections[0].entries[1].title = "Some Tool, renamed"
    new.sections[0].entries[1].url = "http://www.example.com/tool/?utm_source=list"
    [change] = diff_documents(base(), new).changes
    assert change.kind == "edited"
    assert [f.field for f in change.fields] == ["title", "url"]


def test_title_matches_entries_whose_link_was_replaced() -> None:
    new = base()
    new.sections[0].entries[1].url = "https://tool.example.net/"
    [change] = diff_documents(base(), new).changes
    assert (change.kind, change.title) == ("edited", "Some Tool")
    assert [f.field for f in change.fields] == ["url"]


def test_a_paper_listed_twice_is_not_reported_as_moved() -> None:
    old = document(section("Models", ATTENTION), section("Data", copy.deepcopy(ATTENTION)))
    new = copy.deepcopy(old)
    new.sections[1].entries[0].description = "Cited here for the data."
    [change] = diff_documents(old, new).changes
    assert (change.kind, change.current.section) == ("edited", "Data")


def test_subsections_are_named_by_their_path() -> None:
    child = section("Small", TOOL)
    old = document(section("Models", ATTENTION, subsections=[child]))
    new = document(section("Models", ATTENTION, TOOL, subsections=[section("Small")]))
    [change] = diff_documents(old, new).changes
    assert change.kind == "moved"
    assert change.old is not None and change.old.section == "Models / Small"


def test_unparsed_items_are_matched_by_their_text() -> None:
    odd = Entry(title="", parsed=False, raw="- something odd   without a link")
    old = document(section("Models", ATTENTION, odd))
    same = document(
        section(
            "Models", ATTENTION, Entry(title="", parsed=False, raw="* something odd without a link")
        )
    )
    assert diff_documents(old, same).empty
    changed = document(section("Models", ATTENTION, Entry(title="", parsed=False, raw="- other")))
    kinds = sorted((c.kind, c.title) for c in diff_documents(old, changed).changes)
    assert kinds == [("added", "other"), ("removed", "something odd without a link")]


def test_links_are_matched_as_duplicate_entry_matches_them() -> None:
    for old_url, new_url in [
        ("http://www.Example.com/tool/?utm_source=x&id=3#top", "https://example.com/tool?id=3"),
        ("https://youtube.com/watch?v=abc&si=share", "https://www.youtube.com/watch?v=abc"),
        ("https://openreview.net/pdf?id=r1xMH1BtvB", "https://openreview.net/forum?id=r1xMH1BtvB"),
    ]:
        old, new = base(), base()
        old.sections[0].entries[1].url = old_url
        new.sections[0].entries[1].url = new_url
        new.sections[0].entries[1].title = "Some Tool, renamed"
        [change] = diff_documents(old, new).changes
        assert (change.kind, [f.field for f in change.fields]) == ("edited", ["title", "url"])


def test_normalize_title_ignores_case_punctuation_and_spacing() -> None:
    assert normalize_title("LLaMA:  Open and Efficient") == normalize_title(
        "llama - open and efficient"
    )
    assert normalize_title("GPT-3") != normalize_title("GPT-4")


def test_text_report_names_lines_and_fields() -> None:
    new = base()
    new.sections[0].entries[0].year = 2018
    new.sections[0].entries[0].line = 12
    text = render_text(diff_documents(base(), new), "list/README.md", "origin/main")
    assert text.splitlines() == [
        "list/README.md: 0 added, 0 removed, 0 moved, 1 edited (since origin/main)",
        "list/README.md:12: ~ edited [Models] Attention Is All You Need",
        "    year: 2017 -> 2018",
    ]


def test_markdown_report_escapes_what_would_break_a_list_item() -> None:
    new = base()
    new.sections[1].entries.append(paper("Pipes | and [brackets]", "https://example.org/p"))
    report = render_markdown(diff_documents(base(), new), "list/README.md", "main")
    assert "#### Added" in report
    assert "[Pipes \\| and \\[brackets\\]](<https://example.org/p>) in Data" in report
    assert "**1** added" in report


def test_markdown_report_for_no_change_says_so() -> None:
    report = render_markdown(diff_documents(base(), base()), "list/README.md", "main")
    assert "No entry changed (3 entries)." in report


def test_json_report_carries_every_change() -> None:
    new = base()
    new.sections[0].entries[0].year = 2018
    data = json.loads(render_json(diff_documents(base(), new), "l.md", "HEAD"))
    assert data["summary"] == {"added": 0, "removed": 0, "moved": 0, "edited": 1}
    [change] = data["changes"]
    assert change["arxiv_id"] == "1706.03762"
    assert change["fields"] == [{"field": "year", "old": 2017, "new": 2018}]
    assert change["old"]["section"] == change["new"]["section"] == "Models"


titles = st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(st.lists(titles, min_size=0, max_size=12), st.lists(titles, min_size=0, max_size=12))
def test_counts_account_for_every_entry(old_titles: list[str], new_titles: list[str]) -> None:
    def build(names: list[str]) -> Document:
        return document(section("All", *(paper(name) for name in names)))

    diff = diff_documents(build(old_titles), build(new_titles))
    counts = diff.counts()
    matched = len(new_titles) - counts["added"]
    assert matched == len(old_titles) - counts["removed"]
    assert counts["moved"] == 0
    assert diff_documents(build(new_titles), build(new_titles)).empty


def test_section_paths_read_headings_as_shown() -> None:
    # GNNPapers links every heading back to the contents: "## [Models](#content)"
    doc = document(section("[Models](#content)", copy.deepcopy(ATTENTION)))
    assert [located.section for located in located_entries(doc)] == ["Models"]
