"""The report formats, from results built by hand."""

from __future__ import annotations

import json

from awesome.links.report import Report, render
from awesome.links.verdict import LinkResult, Occurrence, Verdict
from awesome.schemas import validator


def sample() -> Report:
    dead = LinkResult("https://a.example/x,y", Verdict.DEAD, "404 Not Found", 404)
    dead.occurrences = [Occurrence("lists/a,b:c.md", 7), Occurrence("lists/a,b:c.md", 2)]
    moved = LinkResult("https://b.example/", Verdict.OK, "200 OK", 200, "https://b.example/new")
    moved.redirects = [(301, "https://b.example/new")]
    moved.occurrences = [Occurrence("README.md", 3)]
    fine = LinkResult("https://c.example/", Verdict.OK, "200 OK", 200, cached=True)
    fine.occurrences = [Occurrence("README.md", 4)]
    return Report([dead, moved, fine], ["README.md", "lists/a,b:c.md"], 1.5, excluded=1)


def test_github_annotations_escape_properties_and_data() -> None:
    lines = render(sample(), "github").splitlines()
    assert (
        lines[0]
        == "::notice file=README.md,line=3,title=Link moved::https://b.example/ -> https://b.example/new: 200 OK"
    )
    assert lines[1] == (
        "::error file=lists/a%2Cb%3Ac.md,line=2,title=Dead link::https://a.example/x,y: 404 Not Found"
    )
    assert lines[-1] == "3 links: 2 ok, 1 dead, 0 unknown, 1 moved, 1 from cache in 1.50 s"


def test_text_lists_every_occurrence_in_file_order() -> None:
    lines = render(sample(), "text").splitlines()
    assert lines[:3] == [
        "README.md:3: moved: https://b.example/ -> https://b.example/new (200 OK)",
        "lists/a,b:c.md:2: dead: https://a.example/x,y (404 Not Found)",
        "lists/a,b:c.md:7: dead: https://a.example/x,y (404 Not Found)",
    ]


def test_json_is_valid_and_complete() -> None:
    document = json.loads(render(sample(), "json"))
    assert list(validator("links-report").iter_errors(document)) == []
    assert document["summary"] == {
        "total": 3, "ok": 2, "dead": 1, "unknown": 0, "moved": 1, "cached": 1,
        "excluded": 1, "elapsed": 1.5,
    }  # fmt: skip
    assert document["links"][1]["redirects"] == [{"status": 301, "url": "https://b.example/new"}]


def test_markdown_escapes_table_cells() -> None:
    report = sample()
    report.results[0].reason = "odd | reason"
    out = render(report, "markdown")
    assert (
        "| <https://a.example/x,y> | odd \\| reason | lists/a,b:c.md:7, lists/a,b:c.md:2 |" in out
    )


def test_markdown_says_when_everything_works() -> None:
    fine = LinkResult("https://c.example/", Verdict.OK, "200 OK", 200)
    fine.occurrences = [Occurrence("README.md", 4)]
    assert "Every link works." in render(Report([fine], ["README.md"]), "markdown")
