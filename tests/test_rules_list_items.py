"""awesome-style list items, repeated names, balanced punctuation."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from awesome.rules.list_items import ending_ok
from tests.rule_support import TITLE, lines_of, run_rule


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("- [vLLM](github.com/vllm-project/vllm) - Fast serving.", "not a full URL"),
        ("- [](https://x.example) - Fast serving.", "no text"),
        ("- [vLLM](https://x.example)  -  Fast serving.", "separate the link"),
        ("- [vLLM](https://x.example) — Fast serving.", "dash"),
        ("- [vLLM](https://x.example) -\u00a0Fast serving.", "whitespace"),
        ("- [vLLM](https://x.example) - fast serving.", "capital"),
        ("- [vLLM](https://x.example) - Fast serving", "full stop"),
        ("- [vLLM](https://x.example) - `serving`", "full stop"),
        ('- [vLLM](https://x.example) - Says "done.".', "full stop"),
        ("-[vLLM](https://x.example) - Fast serving.", "space after the list marker"),
        ("- [vLLM](https://x.example) - Fast serving ![Free][free]", "full stop"),
        ("- [vLLM](https://x.example) - Fast serving `MIT` `Go`", "full stop"),
        ("- [vLLM](https://x.example) - Fast serving ([Source](https://s.example))", "full stop"),
        ("- [vLLM](https://x.example) - `MIT` `Go`", "full stop"),
        ("- [vLLM](https://x.example) `MIT` fast serving.", "separate the link"),
    ],
)
def test_list_item_wrong(item: str, words: str) -> None:
    found = run_rule(TITLE + item + "\n", "list-item")
    assert lines_of(found) == [3]
    assert words in found[0].message


@pytest.mark.parametrize(
    "item",
    [
        "- [vLLM](https://x.example) - Fast serving.",
        "- [vLLM](https://x.example)",
        "- [vLLM](https://x.example) - npm is how it ships!",
        "- [vLLM](https://x.example) - iOS apps… ⭐",
        "- [vLLM](https://x.example) - Zha et al., 2023. [Code](https://c.example)",
        "- [vLLM](https://x.example) - Served fast. (Japanese)",
        '- [vLLM](https://x.example) - "Quoted in full."',
        "- [vLLM](https://x.example) (parenthetical)",
        "- [![ci](https://b.example/b.svg)](#x) [vLLM](https://x.example) - Badge first.",
        "- [vLLM](https://x.example) - 软件开发人员的电报聊天.",
        "- Plain text items are not links and are left alone",
        "- [vLLM](https://x.example) - Fast serving. [![OSS][oss]](https://o.example) ![Free][free]",
        "- [vLLM](https://x.example) - Fast serving. [![OSS](https://b.example/o.svg)][o]",
        "- [vLLM](https://x.example) - Fast serving. ([Source Code](https://s.example)) `MIT` `Go`",
        "- [vLLM](https://x.example) - Fast. ([Demo](https://d.example), [Src](https://s.example))",
        "1. [Data Quality at Scale](https://x.example/dq) `Uber`",
        "2. [Item Categorization](https://x.example/ic) `DianPing`, `eBay`",
    ],
)
def test_list_item_right(item: str) -> None:
    assert run_rule(TITLE + item + "\n", "list-item") == []


def test_contents_items_are_not_list_items() -> None:
    text = TITLE + "## Contents\n\n- [lower case](#lower-case)\n\n## lower case\n\nx\n"
    assert run_rule(text, "list-item") == []


def test_ending_rules() -> None:
    assert ending_ok("Ends well…")
    assert ending_ok("“Quoted and closed.”")
    assert not ending_ok("”Reversed.“")
    assert not ending_ok("Generate sparklines ▁▂▃")


def test_description_repeating_the_name() -> None:
    text = TITLE + (
        "- [Redis](https://r.example) - Redis: a store.\n"
        "- [MyApp](https://m.example) - MYAPP is great.\n"
        "- [Node](https://n.example) - NodeJS is a runtime.\n"
        "- [Tool](https://t.example) **NEW** - Tool is amazing.\n"
    )
    assert lines_of(run_rule(text, "no-repeat-item-in-description")) == [3, 4, 6]


def test_description_not_repeating_the_name() -> None:
    text = TITLE + "- [SSPy](https://s.example) - Python version of SSPak. SSPy is fast.\n"
    assert run_rule(text, "no-repeat-item-in-description") == []


def test_unbalanced_quotes_and_brackets() -> None:
    text = TITLE + (
        '- [A](https://a.example) - Has "open quote.\n'
        "- [B](https://b.example) - Has (open paren.\n"
        "- [C](https://c.example) - Has “open curly.\n"
        "\nA paragraph ) closing nothing.\n"
    )
    found = run_rule(text, "balanced-punctuation")
    assert lines_of(found) == [3, 4, 5, 7]


def test_balanced_punctuation_right() -> None:
    text = TITLE + (
        '- [A](https://en.wikipedia.org/wiki/A_(b)) - It doesn\'t (really) "matter".\n'
        "\nA paragraph (spanning\ntwo lines) with `code (` and https://x.example/a_(b).\n"
        "\n1) First. 2) Second.\n"
    )
    assert run_rule(text, "balanced-punctuation") == []


# Each text pairs its parentheses up to one "(" on its line 7 (the body's third line),
# left open at the given column: that one is the only finding.
@pytest.mark.parametrize(
    ("body", "column"),
    [
        pytest.param(
            "Set `FORCE_COLOR=2` (level 2) or (level 3) for more colour.\n"
            "\nSteps: a) read, b) write (twice).\n"
            "\nThe call slice(arguments, 1) is fast (really.\n",
            38,
            id="numbers-close-them-enumerators-close-nothing",
        ),
        pytest.param(
            "1. [What to Read Next (Part 1)](https://d.example/next) `Blog`\n"
            "\nAdd to this list (please do), or ask [@jo](https://t.example/jo).\n"
            "\nSee [Page (b)](https://w.example/P_(b)) (and more.\n",
            41,
            id="in-link-labels-and-before-links",
        ),
    ],
)
def test_parentheses_pair_up_but_one_left_open(body: str, column: int) -> None:
    found = run_rule(TITLE + body, "balanced-punctuation")
    assert [(f.line, f.column, f.message) for f in found] == [
        (7, column, "'(' is never closed with ')'")
    ]


_PAIRISH = st.lists(
    st.sampled_from(
        ["[", "]", "(", ")", '"', "“", "”", "\\", "`", "!", "<", ">", " ", "a", "1", "-",
         "https://x.example/", "[a](b)", "](", "![i](p)", "*", "1)", "\t"]
    ),
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=300)
@given(_PAIRISH)
@example("\\[a](b)")
@example("`[a](b)` (")
def test_quick_skip_only_for_lines_without_brackets_after_masking(line: str) -> None:
    from awesome.rules.list_items import _PAIR_CHAR, _mask_for_pairs, _no_pairs_outside_links

    if _no_pairs_outside_links(line):
        assert _PAIR_CHAR.search(_mask_for_pairs(line)) is None


def test_quotes_of_html_attributes_are_not_prose() -> None:
    text = TITLE + (
        '<picture>\n  <source\n    srcset="\n      https://s.example/c.svg?t=dark\n    "\n  />\n'
        '  <img\n    alt="Chart"\n    src="https://s.example/c.svg"\n  />\n</picture>\n'
        '\n## Demo\n<p align="center">\n  "Open quote in a block\n</p>\n'
        '\nText <img\n  src="https://s.example/a.svg"\n  alt="a" /> and (more.\n'
        '\nA "real open quote.\n'
    )
    found = run_rule(text, "balanced-punctuation")
    assert [(f.line, f.message) for f in found] == [
        (22, "'(' is never closed with ')'"),
        (24, "'\"' is never closed with '\"'"),
    ]
