"""contributing.md and the code of conduct beside the list."""

from __future__ import annotations

from pathlib import Path

from awesome.lint import lint_file
from tests.rule_support import lines_of, run_rule

LIST = "# T\n\n- [X](https://x.example) - X.\n"


def test_contributing_missing_or_empty() -> None:
    assert lines_of(run_rule(LIST, "contributing", siblings={})) == [1]
    found = run_rule(LIST, "contributing", siblings={"contributing.md": " \n"})
    assert "empty" in found[0].message
    assert found[0].path == "list/contributing.md"


def test_contributing_present_also_in_github_folder() -> None:
    assert (
        run_rule(LIST, "contributing", siblings={".github/CONTRIBUTING.md": "Open a PR.\n"}) == []
    )


def test_code_of_conduct_placeholder_and_template_email(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST, "utf-8")
    (tmp_path / "contributing.md").write_text("PRs welcome.\n", "utf-8")
    (tmp_path / "code-of-conduct.md").write_text(
        "# Code\n\nContact [INSERT EMAIL ADDRESS].\nOr sindresorhus@gmail.com.\n", "utf-8"
    )
    found = [f for f in lint_file(tmp_path / "README.md").findings if f.rule == "code-of-conduct"]
    assert [(Path(f.path or "").name, f.line) for f in found] == [
        ("code-of-conduct.md", 3),
        ("code-of-conduct.md", 4),
    ]


def test_code_of_conduct_filled_in_or_absent() -> None:
    assert run_rule(LIST, "code-of-conduct", siblings={}) == []
    siblings = {"code_of_conduct.md": "Contact lists@example.org.\n"}
    assert run_rule(LIST, "code-of-conduct", siblings=siblings) == []
