"""The lint engine: fixes, the nothing-lost check of --fix, and the command around it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from awesome.cli import cli
from awesome.formatting import link_targets, words
from awesome.lint import _lost_by_fixes, fix_file, lint_file
from awesome.rules.base import Fix

# A list with the defect of the upstream guide: an in-page link whose anchor is written
# in the heading's own capitals, which GitHub does not resolve.
WRONG_ANCHOR = """\
# Awesome Guides [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Papers and tools for language models.

Check the terms in [Usage and Restrictions](#Usage-and-Restrictions) before you use a model.

## Contents

- [Models](#models)
- [Usage and Restrictions](#usage-and-restrictions)

## Models

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - The transformer.

## Usage and Restrictions

Some weights are for research only; see [the terms](#Usage-and-Restrictions) again.

## Contributing

Pull requests are welcome.
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "README.md"
    path.write_text(text, "utf-8")
    (tmp_path / "contributing.md").write_text("# Contributing\n\nOpen a pull request.\n")
    return path


def test_fix_rewrites_a_wrong_anchor_and_loses_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, WRONG_ANCHOR)
    before = [f.rule for f in lint_file(path).findings]
    assert before.count("broken-anchor") == 2

    report = fix_file(path)

    assert report.problems == [] and report.changed
    fixed = path.read_text("utf-8")
    assert fixed.count("](#usage-and-restrictions)") == 3
    assert "#Usage-and-Restrictions" not in fixed
    assert [f.rule for f in lint_file(path).findings if f.rule in ("broken-anchor", "toc")] == []
    # the only targets and words that changed are the corrected anchors' capitals
    assert link_targets(WRONG_ANCHOR) - link_targets(fixed) == Counter(
        {"#Usage-and-Restrictions": 2}
    )
    assert words(WRONG_ANCHOR) - words(fixed) == Counter({"Usage": 2, "Restrictions": 2})
    # a second --fix finds nothing more to do
    again = fix_file(path)
    assert again.problems == [] and not again.changed
    assert path.read_text("utf-8") == fixed


def test_lint_fix_command_writes_the_corrected_anchor(tmp_path: Path) -> None:
    path = _write(tmp_path, WRONG_ANCHOR)
    result = CliRunner().invoke(cli, ["lint", "--fix", str(path)])
    assert "nothing written" not in result.output
    assert "(#usage-and-restrictions) before you use" in path.read_text("utf-8")


def test_a_target_removed_beside_a_fix_is_still_a_loss() -> None:
    original = "See [a](#Top) and [b](https://b.example).\n"
    fixed = "See [a](#top) and b.\n"
    problems = _lost_by_fixes(original, fixed, [Fix(1, "#Top", "#top", column=9)])
    assert problems[0] == "link target would be lost: https://b.example"


def test_a_rewrite_counts_only_when_its_result_is_there() -> None:
    original = "See [a](#Top).\n"
    fix = Fix(1, "#Top", "#top", column=9)
    assert _lost_by_fixes(original, "See [a](#top).\n", [fix]) == []
    assert _lost_by_fixes(original, "See a.\n", [fix]) == ["link target would be lost: #Top"]
