from __future__ import annotations

from awesome.parser import parse_document
from awesome.sorting import entry_runs, sort_title


def test_sort_title_reads_past_markup_and_opening_quotes() -> None:
    assert sort_title("**Bold** Name") == "bold name"
    assert sort_title("`tool`") == "tool"
    assert sort_title("“Quoted” title") == "quoted” title"


def test_entries_are_sorted_in_runs_that_blocks_keep_apart() -> None:
    text = (
        "# X\n\n## S\n\n- [B](https://b.example)\n- [A](https://a.example)\n\n_Later_\n\n"
        "- [D](https://d.example)\n- [C](https://c.example)\n"
    )
    runs = entry_runs(parse_document(text).sections[0])
    assert [[entry.title for entry in run] for run in runs] == [["B", "A"], ["D", "C"]]
