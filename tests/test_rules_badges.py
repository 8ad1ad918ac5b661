"""The Awesome badge and CI badges."""

from __future__ import annotations

import pytest

from tests.rule_support import lines_of, run_rule


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("# Awesome Papers\n", "add the Awesome badge"),
        ("# Awesome Papers [![Awesome](badge.svg)](https://awesome.re)\n", "not 'badge.svg'"),
        (
            "# Awesome Papers [![Awesome](https://awesome.re/badge.svg)](https://example.org)\n",
            "link to https://awesome.re",
        ),
    ],
)
def test_badge_wrong(title: str, words: str) -> None:
    found = run_rule(title, "awesome-badge")
    assert lines_of(found) == [1]
    assert words in found[0].message


@pytest.mark.parametrize("name", ["badge", "badge-flat", "badge-flat2"])
def test_badge_right(name: str) -> None:
    title = f"# Awesome Papers [![Awesome](https://awesome.re/{name}.svg)](https://awesome.re)\n"
    assert run_rule(title, "awesome-badge") == []


def test_ci_badges_are_reported() -> None:
    text = (
        "# T\n\n"
        "[![Build](https://github.com/o/r/actions/workflows/lint.yml/badge.svg)](https://x.example)\n"
        "![](https://img.shields.io/circleci/project/github/o/r.svg)\n"
    )
    assert lines_of(run_rule(text, "no-ci-badge")) == [3, 4]


def test_other_badges_are_fine() -> None:
    text = "# T\n\n![stars](https://img.shields.io/github/stars/o/r.svg) `![](https://travis-ci.org/x.svg)`\n"
    assert run_rule(text, "no-ci-badge") == []
