"""Finding every link with its line, and checking local targets on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome.links.extract import (
    LocalChecker,
    extract_files,
    heading_anchors,
    normalise_remote,
    scan,
)
from awesome.links.verdict import Occurrence, Verdict

DATA = Path(__file__).parent / "data" / "links"


def targets(text: str) -> list[tuple[str, int]]:
    return [(found.target, found.line) for found in scan(text)]


def test_every_kind_of_link_is_found_with_its_line() -> None:
    text = (DATA / "kinds.md").read_text("utf-8")
    found = targets(text)
    assert found == [
        ("#contents", 3),
        ("#papers", 4),
        ("https://arxiv.org/abs/2304.13712", 8),
        ("https://github.com/octo/live", 8),
        ("https://example.com/prose", 10),
        ("https://example.com/auto", 10),
        ("https://img.shields.io/badge.svg", 12),
        ("https://example.com/badge-target", 12),
        ("https://example.com/html?a=1&b=2", 14),
        ("https://example.com/image.png", 14),
        ("https://example.com/reference", 16),
        ("docs/guide.md#setup", 18),
        ("mailto:someone@example.com", 18),
        ("https://example.com/last", 30),
    ]


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("see https://example.com/a.", "https://example.com/a"),
        ("(https://example.com/a)", "https://example.com/a"),
        (
            "https://en.wikipedia.org/wiki/Foo_(bar), then",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
        ),
        ('"https://example.com/q?x=1"', "https://example.com/q?x=1"),
    ],
)
def test_bare_urls_lose_trailing_punctuation(line: str, url: str) -> None:
    assert targets(line) == [(url, 1)]


def test_only_real_html_link_attributes_count() -> None:
    line = '<img src="https://a.example/i.png" data-canonical-src="https://b.example/i.png">'
    assert targets(line) == [("https://a.example/i.png", 1)]


def test_code_and_comments_are_not_links() -> None:
    text = (
        "`https://code.example` <!-- https://hidden.example -->\n~~~\nhttps://fenced.example\n~~~"
    )
    assert targets(text) == []


def test_an_unclosed_comment_hides_the_following_lines() -> None:
    text = "<!--\n[x](https://hidden.example)\n-->\n[y](https://shown.example)"
    assert targets(text) == [("https://shown.example", 4)]


def test_heading_anchors_follow_github_with_duplicates() -> None:
    text = '# Papers\n## Papers\n### Fine-tuning & RLHF\nSetext Title\n====\n<a id="custom"></a>'
    assert heading_anchors(text) == {
        "papers",
        "papers-1",
        "fine-tuning--rlhf",
        "setext-title",
        "custom",
    }


def test_html_headings_have_anchors_with_their_edge_spaces() -> None:
    text = '<h1 align="center">The Guide </h1>\n# The Guide'
    assert heading_anchors(text) == {"the-guide", "the-guide-", "the-guide-1"}


def test_remote_urls_are_deduplicated_without_their_fragment() -> None:
    text = (
        "[a](https://example.com/p#one)\n[b](https://example.com/p#two)\n[c](HTTPS://example.com/p)"
    )
    extraction = extract_files([(Path("list.md"), text)])
    assert extraction.remote == {
        "https://example.com/p": [
            Occurrence("list.md", 1),
            Occurrence("list.md", 2),
            Occurrence("list.md", 3),
        ]
    }


def test_other_schemes_are_skipped_and_protocol_relative_is_https() -> None:
    assert normalise_remote("mailto:a@b.c") is None
    assert normalise_remote("ftp://example.com/f") is None
    assert normalise_remote("//example.com/x#y") == "https://example.com/x"


def test_local_anchors_and_files_are_checked_on_disk(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Setup\n", "utf-8")
    (tmp_path / "list.md").write_text("x", "utf-8")
    text = "\n".join(
        [
            "# Contents",
            "[ok](#contents) [bad](#nowhere)",
            "[file](docs/guide.md) [anchor](docs/guide.md#setup) [missing](docs/gone.md)",
            "[bad anchor](docs/guide.md#teardown) [root](/docs/guide.md) [dir](docs)",
        ]
    )
    extraction = extract_files([(tmp_path / "list.md", text)])
    verdicts = {r.url: r.verdict for r in extraction.local}
    assert verdicts == {
        "#contents": Verdict.OK,
        "#nowhere": Verdict.DEAD,
        "docs/guide.md": Verdict.OK,
        "docs/guide.md#setup": Verdict.OK,
        "docs/gone.md": Verdict.DEAD,
        "docs/guide.md#teardown": Verdict.DEAD,
        "/docs/guide.md": Verdict.OK,
        "docs": Verdict.OK,
    }
    assert extraction.remote == {}


def test_anchor_matching_ignores_case_and_percent_encoding(tmp_path: Path) -> None:
    source = tmp_path / "list.md"
    source.write_text("# Données\n", "utf-8")
    checker = LocalChecker()
    assert checker.check("#Donn%C3%A9es", source).verdict is Verdict.OK
    assert checker.check("#user-content-données", source).verdict is Verdict.OK


def test_an_html_heading_over_several_lines_is_an_anchor_as_lint_reads_it() -> None:
    from awesome.rules.toc import defined_anchors

    text = '# Title\n\n<h2 align="center">\n  Getting Started\n</h2>\n\n<a id="top"></a>\n'
    assert {"getting-started", "top", "title"} <= heading_anchors(text)
    assert heading_anchors(text) == defined_anchors(text.split("\n"))
