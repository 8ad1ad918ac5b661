"""Raw HTML balance."""

from __future__ import annotations

from tests.rule_support import lines_of, run_rule

TABLE = """# T

## Usage

<table>
  <tr>
    <td><b>Task</b></td>
    <td>{cell}</td>
  </tr>
</table>
"""


def test_unclosed_inline_tag_is_reported_at_its_opening() -> None:
    found = run_rule(TABLE.format(cell="<b>Usage<b>"), "html-balance")
    assert lines_of(found) == [8, 8]
    assert [f.column for f in found] == [9, 17]
    assert "<b>" in found[0].message


def test_balanced_table_with_void_and_optional_end_tags() -> None:
    text = TABLE.format(cell="<b>Usage</b><br><img src='x.png'/>") + "\n<ul><li>one<li>two</ul>\n"
    assert run_rule(text, "html-balance") == []


def test_stray_closing_tag_and_unclosed_details_at_section_end() -> None:
    text = "# T\n\n## A\n\nText</b> here.\n\n<details>\n\n- [X](https://x.example)\n\n## B\n\nok\n"
    found = run_rule(text, "html-balance")
    assert [(f.line, "closes" in f.message) for f in found] == [(5, True), (7, False)]


def test_details_spanning_blank_lines_is_fine_and_code_is_ignored() -> None:
    text = (
        "# T\n\n## A\n\n<details>\n<summary>More</summary>\n\n- [X](https://x.example)\n\n"
        "</details>\n\n`<b>` and\n\n```html\n<b>\n```\n"
    )
    assert run_rule(text, "html-balance") == []


ROWS = """# T

## Usage

<table>
  <tr><td>Name</td><td>Licence</td></tr>
  <tr>
    <td colspan="2"><b>Encoders</b></td>
  {close}
  <tr><td>BERT</td><td>Apache 2.0</td></tr>
{end}</table>
"""


def test_row_opened_where_it_should_close_is_reported() -> None:
    found = run_rule(ROWS.format(close="<tr>", end=""), "html-balance")
    assert [(f.line, f.column, f.message) for f in found] == [
        (7, 3, "<tr> is never closed before the next <tr> on line 9"),
        (9, 3, "<tr> is never closed before the next <tr> on line 10"),
    ]
    assert run_rule(ROWS.format(close="</tr>", end=""), "html-balance") == []


def test_row_left_open_at_the_end_of_the_table() -> None:
    text = ROWS.format(close="</tr>", end="  <tr><td>GPT</td><td>MIT</td>\n")
    found = run_rule(text, "html-balance")
    assert [(f.line, f.message) for f in found] == [
        (11, "<tr> is never closed before </table> on line 12")
    ]


def test_closing_row_without_an_opening_one() -> None:
    found = run_rule(ROWS.format(close="</tr></tr>", end=""), "html-balance")
    assert [(f.line, f.column, f.message) for f in found] == [
        (9, 8, "</tr> closes a tag that is not open")
    ]


def test_rows_may_go_unclosed_in_a_file_that_never_closes_them() -> None:
    text = "# T\n\n## A\n\n<table>\n<tr><td>a<td>b\n<tr><td>c<td>d\n</table>\n"
    assert run_rule(text, "html-balance") == []


def test_details_may_wrap_several_sections() -> None:
    text = (
        "# T\n\n<details>\n<summary>Archive</summary>\n\n## Old\n\n<b>x</b>\n\n"
        "## Older\n\nx <i>y\n\n</details>\n\n## New\n\n<div>\n"
    )
    found = run_rule(text, "html-balance")
    assert [(f.line, f.message) for f in found] == [
        (12, "<i> is never closed before </details> on line 14"),
        (18, "<div> is never closed"),
    ]
