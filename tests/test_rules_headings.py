"""Heading rules: hierarchy, empty sections, the list's title, no license section."""

from __future__ import annotations

import pytest

from awesome.rules.headings import is_title_case
from tests.rule_support import TITLE, lines_of, run_rule


def test_skipped_heading_level_is_reported() -> None:
    text = TITLE + "## Models\n\n#### Encoder-only\n\ntext\n"
    found = run_rule(text, "heading-increment")
    assert lines_of(found) == [5]
    assert "level 4 follows level 2" in found[0].message


def test_heading_levels_one_step_at_a_time() -> None:
    text = TITLE + "## Models\n\n### Encoder-only\n\n#### Small\n\ntext\n\n## Data\n\ntext\n"
    assert run_rule(text, "heading-increment") == []


def test_empty_sections_are_reported() -> None:
    text = TITLE + "## Datasets\n\n<!-- soon -->\n\n## Benchmarks\n\n### Math\n"
    assert lines_of(run_rule(text, "empty-section")) == [3, 9]  # Benchmarks has a subsection


def test_sections_with_content_or_subsections_are_not_empty() -> None:
    text = TITLE + "## Datasets\n\n### Text\n\n- [Pile](https://arxiv.org/abs/2101.00027)\n"
    assert run_rule(text, "empty-section") == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("> no title\n", 1, "no title"),
        ("## Improper Title\n\ntext\n", 1, "level-1"),
        ("# my-awesome-list\n", 1, "title case"),
        ("# Awesome List\n\n# Another Top Heading\n", 3, "only the list's title"),
    ],
)
def test_main_heading_problems(text: str, line: int, words: str) -> None:
    found = run_rule(text, "awesome-heading")
    assert lines_of(found) == [line]
    assert words in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "# Awesome LLM Papers\n",
        "# AHA Acronyms Are Allowed\n",
        "# Awesome Node.js and iOS\n",
        '<h1 align="center">\n\t<img src="logo.svg" alt="Awesome">\n</h1>\n',
        "# Awesome NLP [![awesome list](https://b.example/badge.svg)](https://a.example)\n",
        "# Awesome NLP ![build passing](https://b.example/ci.svg)\n",
    ],
)
def test_main_heading_right(text: str) -> None:
    assert run_rule(text, "awesome-heading") == []


def test_title_case_is_judged_without_badges() -> None:
    text = "# awesome-nlp [![Awesome](https://b.example/badge.svg)](https://a.example)\n"
    assert [f.message for f in run_rule(text, "awesome-heading")] == [
        "write the list's title in title case: 'awesome-nlp'"
    ]


def test_title_case_keeps_small_words_lower() -> None:
    assert is_title_case("The State of the Art in Retrieval")
    assert not is_title_case("The state of the art")


def test_license_section_is_reported_at_any_level() -> None:
    text = TITLE + "## Contents\n\n- [Foo](#foo)\n\n## Foo\n\nx\n\n# Licence\n\nCC0\n"
    found = run_rule(text, "license-section")
    assert lines_of(found) == [11]


def test_no_license_section() -> None:
    text = TITLE + "## Foo\n\nLicensed works are listed here.\n"
    assert run_rule(text, "license-section") == []
