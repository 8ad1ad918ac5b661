"""Suppression comments (awesome/rules/suppress.py), through the whole linter with real rules.

Each list below carries real defects; a test asserts which findings a comment silences
and, as much, which it leaves: a comment that silenced everything would fail them.
"""

from __future__ import annotations

import pytest

from awesome.lint import lint_text

HEAD = """\
# Awesome Test [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Papers on language models.

## Contents

- [Models](#models)

## Models

"""
SIBLINGS = {"contributing.md": "# Contributing\n\nOpen a pull request.\n"}

# one entry per line, each with a typo, a misspelt venue and (the third) an http link
ENTRIES = [
    "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)"
    " - Vaswani et al., NIPS 2017. The Communtity model.",
    "- [BERT](https://arxiv.org/abs/1810.04805) - Devlin et al., NIPS 2019. A Communtity model.",
    "- [GPT-2](http://github.com/openai/gpt-2) - Radford, NIPS 2019. Another Communtity model.",
    "- [XLNet](https://arxiv.org/abs/1906.08237) - Yang, NIPS 2019. Yet another Communtity model.",
]


def _findings(text: str) -> set[tuple[str, int]]:
    return {(f.rule, f.line) for f in lint_text(text, "README.md", siblings=SIBLINGS)}


def _line(text: str, marker: str) -> int:
    """The 1-based line of the only line that contains ``marker``."""
    [number] = [n for n, line in enumerate(text.split("\n"), 1) if marker in line]
    return number


def _list(*middle: str) -> str:
    return HEAD + "\n".join(middle) + "\n"


def test_the_unsuppressed_list_has_every_defect() -> None:
    """The baseline the other tests take away from."""
    text = _list(*ENTRIES)
    found = _findings(text)
    for entry in ENTRIES:
        line = _line(text, entry[:20])
        assert {("typo", line), ("venue-spelling", line)} <= found
    assert ("url-https", _line(text, "GPT-2")) in found


def test_disable_enable_silences_one_rule_between_the_comments_only() -> None:
    text = _list(
        ENTRIES[0],
        "<!-- awesome-lint disable typo -->",
        ENTRIES[1],
        ENTRIES[2],
        "<!-- awesome-lint enable typo -->",
        ENTRIES[3],
    )
    found = _findings(text)
    first, bert, gpt, last = (_line(text, e[:20]) for e in ENTRIES)
    assert ("typo", bert) not in found and ("typo", gpt) not in found
    # before and after the pair, the rule speaks
    assert ("typo", first) in found and ("typo", last) in found
    # between them, every other rule still does
    assert {("venue-spelling", bert), ("venue-spelling", gpt), ("url-https", gpt)} <= found


def test_disable_without_enable_lasts_to_the_end_of_the_file() -> None:
    text = _list(ENTRIES[0], "<!-- awesome-lint disable typo venue-spelling -->", *ENTRIES[1:])
    found = _findings(text)
    first = _line(text, ENTRIES[0][:20])
    assert {("typo", first), ("venue-spelling", first)} <= found
    assert {rule for rule, line in found if line > first} == {"url-https"}


def test_ids_may_be_separated_by_commas() -> None:
    text = _list("<!-- awesome-lint disable typo, url-https -->", *ENTRIES)
    assert {rule for rule, _ in _findings(text)} == {"venue-spelling"}


def test_a_comment_without_ids_disables_every_rule() -> None:
    text = _list(
        ENTRIES[0],
        "<!-- awesome-lint disable -->",
        ENTRIES[1],
        ENTRIES[2],
        "<!-- awesome-lint enable -->",
        ENTRIES[3],
    )
    found = _findings(text)
    silent = range(_line(text, "disable -->"), _line(text, "enable -->") + 1)
    assert [pair for pair in found if pair[1] in silent] == []
    first, last = _line(text, ENTRIES[0][:20]), _line(text, ENTRIES[3][:20])
    assert {("typo", first), ("venue-spelling", last)} <= found


def test_enable_of_another_rule_does_not_end_a_disable() -> None:
    text = _list(
        "<!-- awesome-lint disable typo -->",
        ENTRIES[0],
        "<!-- awesome-lint enable venue-spelling -->",
        ENTRIES[1],
    )
    found = _findings(text)
    assert not any(rule == "typo" for rule, _ in found)
    assert ("venue-spelling", _line(text, ENTRIES[1][:20])) in found


PROSE = """\
Some  prose with a double space.

<!-- awesome-lint ignore double-space -->
This  paragraph has two  double spaces
and a  third on its second line.

The  next paragraph is checked again.
"""


def test_ignore_covers_the_next_block_only() -> None:
    text = _list(*ENTRIES[:1]) + "\n" + PROSE
    found = _findings(text)
    spaces = {line for rule, line in found if rule == "double-space"}
    assert spaces == {_line(text, "Some  prose"), _line(text, "The  next")}


def test_ignore_silences_only_the_rules_it_names() -> None:
    text = _list("<!-- awesome-lint ignore typo -->", *ENTRIES[:2], "", ENTRIES[2])
    found = _findings(text)
    first, bert, gpt = (_line(text, e[:20]) for e in ENTRIES[:3])
    assert ("typo", first) not in found and ("typo", bert) not in found
    assert ("typo", gpt) in found  # after the blank line: another block
    assert {("venue-spelling", first), ("venue-spelling", bert)} <= found


def test_ignore_without_ids_covers_every_rule_of_the_block() -> None:
    text = _list(*ENTRIES[:1]) + "\n" + PROSE.replace("ignore double-space", "ignore")
    spaces = {line for rule, line in _findings(text) if rule == "double-space"}
    assert spaces == {_line(text, "Some  prose"), _line(text, "The  next")}


BAD_ITEMS = [
    "- [attention](https://arxiv.org/abs/1706.03762) - the transformer, lower case.",
    "- [Foo](foo.html) - Foo is not a full URL.",
]


@pytest.mark.parametrize(
    "comment",
    [
        "<!--lint disable awesome-list-item-->",  # awesome-lint's own form and id
        "<!--lint disable awesome/list-item-->",
        "<!--lint disable remark-lint:awesome/list-item-->",  # remark's id
        "<!-- awesome-lint disable awesome-list-item -->",  # a peer id in our form
        "<!-- awesome-lint disable list-item -->",
    ],
)
def test_peer_ids_map_to_our_rule(comment: str) -> None:
    bare = _list(*BAD_ITEMS)
    assert {rule for rule, _ in _findings(bare)} >= {"list-item", "no-repeat-item-in-description"}
    found = _findings(_list(comment, *BAD_ITEMS))
    assert not any(rule == "list-item" for rule, _ in found)
    # the peer id names one rule: the others on the same lines still speak
    assert any(rule == "no-repeat-item-in-description" for rule, _ in found)
    assert not any(rule == "unknown-suppression" for rule, _ in found)


DUPLICATES = [
    "- [BERT](https://arxiv.org/abs/1810.04805) - Devlin et al., 2018.",
    "- [BERT](https://arxiv.org/abs/1810.04805) - Devlin et al., 2018.",
]


def test_awesome_lints_double_link_covers_both_of_our_peer_rules() -> None:
    """awesome-lint's double-link finds what our double-link and duplicate-entry find."""
    bare = {rule for rule, _ in _findings(_list(*DUPLICATES))}
    assert {"double-link", "duplicate-entry"} <= bare
    found = {rule for rule, _ in _findings(_list("<!--lint disable double-link-->", *DUPLICATES))}
    assert not found & {"double-link", "duplicate-entry"}


def test_our_own_rule_id_silences_that_rule_only() -> None:
    """In an awesome-lint comment, ``double-link`` is our rule of that name, not the peer's."""
    text = _list("<!-- awesome-lint disable double-link -->", *DUPLICATES)
    found = {rule for rule, _ in _findings(text)}
    assert "double-link" not in found
    assert "duplicate-entry" in found


def test_an_unknown_id_is_reported_and_silences_nothing() -> None:
    comment = "<!-- awesome-lint disable typos url-https -->"
    text = _list(comment, *ENTRIES)
    findings = lint_text(text, "README.md", siblings=SIBLINGS)
    [unknown] = [f for f in findings if f.rule == "unknown-suppression"]
    assert (unknown.line, unknown.column) == (_line(text, comment), 1)
    assert "'typos'" in unknown.message and "url-https" not in unknown.message
    rules = {f.rule for f in findings}
    assert "typo" in rules  # the misspelt id suppressed nothing
    assert "url-https" not in rules  # the valid id beside it still works


def test_an_unknown_id_in_awesome_lints_form_is_not_ours_to_report() -> None:
    """``<!--lint ...-->`` may name remark-lint rules we do not have."""
    text = _list("<!--lint disable no-html-->", *ENTRIES)
    assert not any(rule == "unknown-suppression" for rule, _ in _findings(text))


def test_an_unknown_suppression_can_itself_be_configured_off() -> None:
    from awesome.config import Config, LintConfig

    text = _list("<!-- awesome-lint disable nothing-such -->", *ENTRIES)
    config = Config(lint=LintConfig(severity={"unknown-suppression": "off"}))
    rules = {f.rule for f in lint_text(text, "README.md", config, siblings=SIBLINGS)}
    assert "unknown-suppression" not in rules and "typo" in rules


@pytest.mark.parametrize(
    "shown",
    [
        ["```markdown", "<!-- awesome-lint disable -->", "```"],
        ["~~~", "<!-- awesome-lint disable typo nothing-such -->", "~~~"],
        ["Write `<!-- awesome-lint disable -->` above the lines to skip."],
    ],
)
def test_a_comment_shown_as_code_is_no_directive(shown: list[str]) -> None:
    """A list may show how to silence a rule: code is an example, not a comment."""
    text = _list(ENTRIES[0], "", "To silence a rule:", "", *shown, "", *ENTRIES[1:])
    found = _findings(text)
    last = _line(text, ENTRIES[3][:20])
    assert {("typo", last), ("venue-spelling", last)} <= found
    assert not any(rule == "unknown-suppression" for rule, _ in found)
