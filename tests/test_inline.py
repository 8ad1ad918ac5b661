from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from awesome import inline
from awesome.inline import InlineLink, escape, find_links, link_at, links_in, unescape
from awesome.slug import SlugCounter, github_slug


def test_find_links_handles_nesting_escapes_parentheses_and_badges() -> None:
    text = (
        "[a \\] b](https://x.example/a_(b)) and ![img](i.png) and "
        '[![Badge](https://b.example/s.svg)](https://b.example) and [t](<https://s.example/a b> "title")'
    )
    found = [(link.label, link.url, link.image) for link in find_links(text)]
    assert found == [
        ("a \\] b", "https://x.example/a_(b)", False),
        ("img", "i.png", True),
        ("![Badge](https://b.example/s.svg)", "https://b.example", False),
        ("t", "https://s.example/a b", False),
    ]


def test_text_that_only_looks_like_a_link() -> None:
    assert list(find_links("[not a link] (https://x.example) \\[x](y)")) == []


_LINKISH = st.lists(
    st.sampled_from(["[", "]", "(", ")", "!", "\\", "`", "<", ">", " ", "\t", "\n", "a", "/", '"']),
    max_size=40,
).map("".join)


_NEVER = re.compile(r"(?!)")


def _scanned(text: str) -> list[InlineLink]:
    """The links of ``text`` with the regex shortcuts off: the bracket-by-bracket scanners alone."""
    with pytest.MonkeyPatch.context() as patch:
        for shortcut in ("_SIMPLE_LINK", "_ONE_DEEP", "_PLAIN_DESTINATION"):
            patch.setattr(inline, shortcut, _NEVER)
        return links_in(text)


@given(_LINKISH)
# where a shortcut could read too much or too little: escapes, code spans, nesting, titles
@example("[a\\](u)](v)")
@example("[`]`](u) [![a\\]](b)](c)")
@example('[![x](y)](z) [[p](q)] [a](<b c>) [a](b "t") [a](b(c))')
def test_the_shortcuts_find_what_the_scanners_find(text: str) -> None:
    found = links_in(text)
    assert found == _scanned(text)
    for link in found:  # and each is the link that starts at its bracket
        assert text[link.start : link.start + 1] == ("!" if link.image else "[")
        expected = link_at(text, link.start + 1 if link.image else link.start)
        assert expected is not None
        assert (link.label, link.url, link.end) == (expected.label, expected.url, expected.end)


def test_the_shortcuts_find_what_the_scanners_find_in_a_real_list() -> None:
    text = (Path(__file__).parent / "data" / "upstream-README.md").read_text("utf-8")
    assert links_in(text) == _scanned(text) != []


@given(st.text())
def test_escape_round_trips(text: str) -> None:
    assert unescape(escape(text)) == text


def test_github_slugs() -> None:
    assert github_slug("Latest News💥") == "latest-news"
    assert github_slug("Test data/user data") == "test-datauser-data"
    assert github_slug("Safety Alignment (Harmless)") == "safety-alignment-harmless"
    assert github_slug("[Linked](https://x.example) `code` *em*") == "linked-code-em"
    counter = SlugCounter()
    assert [counter.unique("Tools"), counter.unique("Tools"), counter.unique("Tools")] == [
        "tools",
        "tools-1",
        "tools-2",
    ]


def test_a_link_inside_brackets_that_are_not_a_link_is_found() -> None:
    found = [
        (link.label, link.url) for link in find_links("A [[pdf](https://p.example)] [x [y](u)] z")
    ]
    assert found == [("pdf", "https://p.example"), ("y", "u")]


def test_slugs_of_headings_with_badges_keep_the_space_before_the_image() -> None:
    # GitHub reads the anchor from the heading's text, where an image counts for nothing
    assert (
        github_slug("Awesome-LLM [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)")
        == "awesome-llm-"
    )
    assert github_slug("Tools [![List][icon]](https://l.example)") == "tools-"
    assert github_slug("🚀(New) Experiments") == "new-experiments"


def test_a_link_inside_brackets_that_are_not_a_link() -> None:
    # "[[Paper](url)]" renders as a link in brackets; survey reading lists write it everywhere
    found = list(
        find_links(
            "Venue 2022. [[Paper](https://arxiv.org/abs/2203.02155)] [[Code](https://github.com/o/r)]"
        )
    )
    assert [(link.label, link.url) for link in found] == [
        ("Paper", "https://arxiv.org/abs/2203.02155"),
        ("Code", "https://github.com/o/r"),
    ]
    assert [link.label for link in find_links("[see [this](https://a.org) too]")] == ["this"]
