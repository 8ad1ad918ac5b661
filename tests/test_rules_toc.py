"""Contents list and in-page anchors."""

from __future__ import annotations

import pytest

from awesome.formatting import format_text
from awesome.lint import apply_fixes
from tests.rule_support import TITLE, lines_of, run_rule

RIGHT = (
    TITLE
    + "## Contents\n\n"
    + "- [Models](#models)\n"
    + "  - [Encoder Only](#encoder-only)\n"
    + "- [Data Sets](#data-sets)\n\n"
    + "## Models\n\n### Encoder Only\n\nx\n\n"
    + "## Data Sets\n\nx\n\n"
    + "## Contributing\n\nx\n"
)


def test_contents_matching_headings_pass() -> None:
    assert run_rule(RIGHT, "toc") == []


def test_missing_item_and_mismatch() -> None:
    text = RIGHT.replace("- [Data Sets](#data-sets)\n", "").replace(
        "[Encoder Only](#encoder-only)", "[Encoders](#encoder-only)"
    )
    found = run_rule(text, "toc")
    assert lines_of(found) == [5, 6]
    assert "Data Sets" in found[0].message
    assert "Encoders" in found[1].message


def test_wrong_anchor_and_too_deep() -> None:
    text = RIGHT.replace("(#data-sets)", "(#datasets)").replace(
        "  - [Encoder Only](#encoder-only)\n",
        "  - [Encoder Only](#encoder-only)\n    - [Deep](#deep)\n",
    )
    found = run_rule(text, "toc")
    assert lines_of(found) == [6, 8]
    assert "deeper" in found[0].message
    assert "#datasets" in found[1].message


def test_missing_contents_section() -> None:
    text = TITLE + "## Models\n\nx\n\n## Data\n\nx\n"
    assert lines_of(run_rule(text, "toc")) == [1]


def test_broken_anchor_reported_and_case_fixed() -> None:
    text = TITLE + "## Prompt Engineering\n\nSee [above](#Prompt-Engineering) and [x](#nowhere).\n"
    found = run_rule(text, "broken-anchor")
    assert lines_of(found) == [5, 5]
    assert found[1].fix is None
    fixed = apply_fixes(text, found)
    assert "(#prompt-engineering)" in fixed
    assert "(#nowhere)" in fixed


def test_anchors_to_headings_repeats_and_html_ids_resolve() -> None:
    text = (
        TITLE
        + '## Bar\n\nx\n\n## Bar\n\n<a id="top"></a> [1](#bar) [2](#bar-1) [3](#top) '
        + '<a href="#bar">4</a> `[no](#code)`\n'
    )
    assert run_rule(text, "broken-anchor") == []


def test_contents_may_name_the_contributing_section() -> None:
    listed = RIGHT.replace(
        "- [Data Sets](#data-sets)\n",
        "- [Data Sets](#data-sets)\n- [Contributing](#contributing)\n",
    )
    assert run_rule(listed, "toc") == []
    misplaced = RIGHT.replace(
        "- [Models](#models)\n", "- [Contributing](#contributing)\n- [Models](#models)\n"
    )
    assert [f.message for f in run_rule(misplaced, "toc")] == [
        "contents item 'Contributing' does not match the section heading 'Models' (line 10)"
    ]


# Each text's links all resolve; the edit then breaks exactly the one anchor named.
@pytest.mark.parametrize(
    ("text", "edit", "broken"),
    [
        pytest.param(
            TITLE
            + "## Tools\n\n"
            + "- [Node](#user-content-node-js) [Py](#user-content-py) [T](#user-content-tools)\n\n"
            + '- <a id="node-js">**Node.js**</a>\n- <a name="py">Python</a>\n',
            ("#user-content-py", "#user-content-ruby"),
            "#user-content-ruby",
            id="user-content-prefix-reaches-html-ids-and-headings",
        ),
        pytest.param(
            '<h1 align="center">The Guide </h1>\n\n'
            + "## Models\n\n"
            + '<h2>\n  Models\n</h2>\n\n<H3 id="x">Data &amp; <b>Sets</b></H3>\n\n'
            + "[a](#the-guide-) [b](#models) [c](#models-1) [d](#data--sets)\n",
            # inside a fence an HTML heading is code and defines nothing
            ("<h2>\n  Models\n</h2>", "```\n<h2>Models</h2>\n```"),
            "#models-1",
            id="html-headings-give-anchors-in-document-order",
        ),
    ],
)
def test_anchors_resolve_until_one_is_broken(text: str, edit: tuple[str, str], broken: str) -> None:
    assert run_rule(text, "broken-anchor") == []
    assert [f.message for f in run_rule(text.replace(*edit), "broken-anchor")] == [
        f"'{broken}' matches no heading or anchor in this file"
    ]


# Lists whose sections start at ``###``, carry badges in their headings, or go on with a
# ``#`` section: the contents list the formatter writes for them must satisfy the rule.
SHAPES = {
    "starts at ###": "### Tools\n\n- [A](https://a.example) - A.\n\n"
    "#### Small\n\n- [B](https://b.example) - B.\n\n### Libraries\n\n- [C](https://c.example) - C.\n",
    "badge in a heading": "## Tools [![Awesome](https://awesome.re/badge.svg)](https://x.example)\n\n"
    "- [A](https://a.example) - A.\n\n## More\n\n- [B](https://b.example) - B.\n",
    "a later # section": "## Tools\n\n- [A](https://a.example) - A.\n\n# Resources\n\n"
    "## Books\n\n- [B](https://b.example) - B.\n\n## Talks\n\n- [C](https://c.example) - C.\n",
}


@pytest.mark.parametrize("body", SHAPES.values(), ids=SHAPES.keys())
def test_the_formatters_contents_list_passes(body: str) -> None:
    formatted = format_text(TITLE + "A list.\n\n" + body).formatted
    assert "## Contents" in formatted
    assert run_rule(formatted, "toc") == []


def test_a_section_under_a_later_top_section_is_not_a_top_item() -> None:
    text = (
        TITLE
        + "## Contents\n\n- [Tools](#tools)\n- [Books](#books)\n\n"
        + "## Tools\n\nx\n\n# Resources\n\n## Books\n\nx\n"
    )
    found = run_rule(text, "toc")
    assert found and "Books" in found[0].message and "Resources" in found[0].message


def test_an_optional_section_is_known_by_its_shown_text() -> None:
    text = RIGHT.replace(
        "## Contributing\n",
        "## Contributing [![PRs](https://img.example/prs.svg)](https://x.example)\n",
    )
    assert run_rule(text, "toc") == []
