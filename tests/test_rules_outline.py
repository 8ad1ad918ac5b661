"""The line outline the form rules share: which lines are code, items, headings."""

from __future__ import annotations

from awesome.rules.outline import build_outline


def _code_lines(text: str) -> list[int]:
    outline = build_outline(text.split("\n"))
    return [index + 1 for index, is_code in enumerate(outline.code) if is_code]


def test_indented_code_after_a_blank_line_but_not_a_continuation() -> None:
    text = (
        "A paragraph\n"  # 1
        "    continued far to the right.\n"  # 2: still the paragraph
        "\n"
        "    code (line 4\n"  # 4
        "\n"
        "    more code\n"  # 6
        "Text again.\n"  # 7
    )
    assert _code_lines(text) == [4, 6]


def test_indented_code_inside_list_items_counts_from_the_item_content() -> None:
    text = (
        "- Item\n"  # 1
        "\n"
        "    Still the item's paragraph (four columns, content at two).\n"  # 3
        "\n"
        "      code in the item\n"  # 5
        "\n"
        "  - A nested item\n"  # 7
        "\n"
        "        code in the nested item\n"  # 9
        "\n"
        "1.  Ordered, content at four\n"  # 11
        "\n"
        "        code\n"  # 13
    )
    assert _code_lines(text) == [5, 9, 13]


def test_fences_inside_list_items_even_tab_indented() -> None:
    text = "- Example:\n\n\t```sh\n\tpip install x  # (\n\t```\n\nAfter.\n"
    assert _code_lines(text) == [3, 4, 5]
    outline = build_outline(text.split("\n"))
    assert [item.line for item in outline.items] == [1]
