"""Markdown style rules that awesome-lint enables from remark-lint."""

from __future__ import annotations

from awesome.lint import apply_fixes
from tests.rule_support import TITLE, lines_of, run_rule


def test_final_newline() -> None:
    found = run_rule("# T\n\nlast", "final-newline")
    assert lines_of(found) == [3]
    assert apply_fixes("# T\n\nlast", found) == "# T\n\nlast\n"
    assert run_rule("# T\n\nlast\n", "final-newline") == []


def test_list_marker_style() -> None:
    text = TITLE + "- [A](https://a.example)\n* [B](https://b.example)\n"
    found = run_rule(text, "list-marker-style")
    assert lines_of(found) == [4]
    assert apply_fixes(text, found).endswith("- [B](https://b.example)\n")
    assert (
        run_rule(
            TITLE + "- [A](https://a.example)\n1. [B](https://b.example)\n", "list-marker-style"
        )
        == []
    )


def test_list_bullet_indent() -> None:
    text = TITLE + "  - [A](https://a.example)\n"
    found = run_rule(text, "list-bullet-indent")
    assert lines_of(found) == [3]
    assert apply_fixes(text, found) == TITLE + "- [A](https://a.example)\n"
    assert (
        run_rule(
            TITLE + "- [A](https://a.example)\n  - [B](https://b.example)\n", "list-bullet-indent"
        )
        == []
    )


def test_heading_style() -> None:
    assert lines_of(run_rule(TITLE + "Models\n------\n\nx\n", "heading-style")) == [3]
    assert run_rule(TITLE + "## Models\n\nx\n\n---\n", "heading-style") == []


def test_heading_punctuation() -> None:
    assert lines_of(run_rule(TITLE + "## Tuning:\n\nx\n", "no-heading-punctuation")) == [3]
    assert run_rule(TITLE + "## What Is RLHF?.. No\n\nx\n", "no-heading-punctuation") == []


def test_emphasis_as_heading() -> None:
    assert lines_of(run_rule(TITLE + "**Retrieval**\n\nx\n", "no-emphasis-as-heading")) == [3]
    assert run_rule(TITLE + "**Retrieval** is a topic.\n\nx\n", "no-emphasis-as-heading") == []


def test_emphasised_sentences_and_back_links_are_not_headings() -> None:
    described = (
        TITLE
        + "## Tools\n\n*Tools for packing things.*\n\n- x\n\n"
        + "**Please send a pull request if you know one!**\n\n"
        + "_Things that help you when the build breaks at night_\n\n"
        + "**[^ back to top ^](#tools)**\n\n*(More than the top ten)*\n\nx\n"
    )
    assert run_rule(described, "no-emphasis-as-heading") == []
    labels = (
        TITLE + "_Web Analytics_\n\nx\n\n**Sponsors:**\n\nx\n\n**[Site](https://s.example)**\n\nx\n"
    )
    assert lines_of(run_rule(labels, "no-emphasis-as-heading")) == [3, 7, 11]


def test_undefined_and_unused_references() -> None:
    text = (
        TITLE
        + "See [PaLM][palm] and [GPT][gpt].\n\n[gpt]: https://g.example\n[old]: https://o.example\n"
    )
    assert lines_of(run_rule(text, "undefined-reference")) == [3]
    assert lines_of(run_rule(text, "unused-definition")) == [6]
    right = (
        TITLE
        + "See [PaLM][palm] and [gpt] and `[x][y]`.\n\n[palm]: https://p.example\n[gpt]: https://g.example\n"
    )
    assert run_rule(right, "undefined-reference") == []
    assert run_rule(right, "unused-definition") == []
