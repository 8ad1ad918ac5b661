"""Whitespace rules: trailing whitespace, tabs, double spaces (each fixable)."""

from __future__ import annotations

from awesome.lint import apply_fixes
from tests.rule_support import TITLE, lines_of, run_rule

ITEM = "- [LoRA](https://arxiv.org/abs/2106.09685) - Low-rank adaptation."


def test_trailing_whitespace_wrong_and_fixed() -> None:
    text = f"# T\n\n{ITEM}  \n{ITEM}\t\n"
    found = run_rule(text, "trailing-whitespace")
    assert lines_of(found) == [3, 4]
    assert found[0].column == len(ITEM) + 1
    assert apply_fixes(text, found) == f"# T\n\n{ITEM}\n{ITEM}\n"


def test_trailing_whitespace_right_and_code_left_alone() -> None:
    text = f"# T\n\n{ITEM}\n\n```\ncode  \n```\n"
    assert run_rule(text, "trailing-whitespace") == []


def test_tabs_in_indentation_and_text() -> None:
    text = f"# T\n\n{ITEM}\n\t- [Sub](https://example.org) - Sub\titem.\n"
    found = run_rule(text, "no-tabs")
    assert [(f.line, f.column) for f in found] == [(4, 1), (4, 36)]
    fixed = apply_fixes(text, found)
    assert fixed.splitlines()[3] == "  - [Sub](https://example.org) - Sub item."


def test_tabs_right_and_tabs_in_code_allowed() -> None:
    text = f"# T\n\n{ITEM}\n  - [Sub](https://example.org) - Sub item.\n\n```make\n\tcc x.c\n```\n"
    assert run_rule(text, "no-tabs") == []


def test_double_space_wrong_and_fixed() -> None:
    text = "# T\n\n- [LoRA](https://arxiv.org/abs/2106.09685)  -  Low-rank  adaptation.\n"
    found = run_rule(text, "double-space")
    assert [f.column for f in found] == [43, 46, 56]
    fixed = apply_fixes(text, found)
    assert fixed == "# T\n\n- [LoRA](https://arxiv.org/abs/2106.09685) - Low-rank adaptation.\n"


def test_double_space_right_tables_code_and_indentation_allowed() -> None:
    text = (
        "# T\n\n"
        f"{ITEM}\n"
        "    - [Deep](https://example.org) - Indented `a  b` code.\n\n"
        "| a  | b |\n|----|---|\n\n"
        '<td align="center">  x</td>\n'
    )
    assert run_rule(text, "double-space") == []


def test_spaces_after_a_list_marker_are_indent_style_not_double_spaces() -> None:
    text = TITLE + "*   [Examples](#examples)\n    *   [Nested](#nested)\n1.  Ordered  item.\n"
    found = run_rule(text, "double-space")
    assert [(f.line, f.column) for f in found] == [(5, 12)]
