from __future__ import annotations

from pathlib import Path

import pytest

from awesome.formatting import format_text, link_targets, lost_content
from awesome.metadata import MetadataLock
from awesome.parser import parse_document


def test_upstream_formats_without_loss_and_is_idempotent(
    upstream_text: str, shipped_lock: MetadataLock
) -> None:
    first = format_text(upstream_text, lock=shipped_lock)
    assert first.problems == []
    second = format_text(first.formatted, lock=shipped_lock)
    assert second.problems == [] and second.formatted == first.formatted


def test_upstream_keeps_every_link_target_except_the_old_catalog(upstream_text: str) -> None:
    result = format_text(upstream_text)
    before = link_targets(upstream_text)
    after = link_targets(result.formatted)
    lost = before - after
    assert all(url.startswith("#") for url in lost)  # only the hand-kept catalog's anchors


def test_authors_are_filled_from_the_lock_only_where_missing(
    upstream_text: str, shipped_lock: MetadataLock
) -> None:
    formatted = format_text(upstream_text, lock=shipped_lock).formatted
    assert "**RoBERTa**. Liu et al., 2019." in formatted
    # an entry that shows its authors keeps them as written
    assert "**T5**. Colin Raffel et al., JMLR 2019." in formatted


def test_nothing_lost_check_refuses_a_rendering_that_drops_a_link() -> None:
    original = "# T\n\n## S\n\n- [A](https://a.example) - Fine. [Code](https://code.example)\n"
    doc = parse_document(original)
    dropped = "# T\n\n## S\n\n- [A](https://a.example) - Fine.\n"
    problems = lost_content(original, dropped, doc)
    assert any("https://code.example" in problem for problem in problems)


def test_nothing_lost_check_refuses_a_rendering_that_drops_words_or_entries() -> None:
    original = "# T\n\n## S\n\n- [A](https://a.example) - Fine words.\n- odd item\n"
    doc = parse_document(original)
    problems = lost_content(original, "# T\n\n## S\n\n- [A](https://a.example) - Fine.\n", doc)
    assert any("word(s) would be lost" in p and "words" in p for p in problems)
    assert any("entry count" in p for p in problems)


def test_primary_link_label_may_disappear() -> None:
    original = "# T\n\n## S\n\n- **A Paper**, 2020. [Paper](https://a.example)\n"
    result = format_text(original)
    assert result.problems == []
    assert "- [A Paper](https://a.example) - 2020." in result.formatted


def test_unparsed_items_survive_verbatim_and_last() -> None:
    original = "# T\n\n## S\n\n- something **odd** here\n- [B](https://b.example) - 2020.\n"
    result = format_text(original)
    assert result.problems == []
    assert result.formatted.endswith("- [B](https://b.example) - 2020.\n- something **odd** here\n")


def test_numbered_entries_become_bullets_without_counting_their_numbers_as_lost() -> None:
    original = "# T\n\n## S\n\n1. [B](https://b.example) `Uber`\n2. [A](https://a.example) `Lyft`\n"
    result = format_text(original)
    assert result.problems == []
    assert (
        "- [A](https://a.example) - `Lyft`\n- [B](https://b.example) - `Uber`\n" in result.formatted
    )


def test_a_logo_heading_and_an_old_awesome_badge_are_not_lost() -> None:
    badge = "[![Awesome](https://cdn.example/sindresorhus/awesome/badge.svg)](https://github.com/sindresorhus/awesome)"
    for original in (
        '<h1 align="center">\n\t<img src="https://logo.example/l.svg">\n</h1>\n\n## S\n\n- [A](https://a.example)\n',
        f"# T {badge}\n\n## S\n\n- [A](https://a.example)\n",
    ):
        result = format_text(original)
        assert result.problems == [], original
        assert format_text(result.formatted).formatted == result.formatted


def test_indented_first_item_that_is_not_read_stays_a_top_level_item() -> None:
    original = (
        "# T\n\n### S\n\n  - Paper: https://p.example\n"
        "- **Scaling Laws**, Arxiv 2022 [Paper](https://arxiv.org/abs/2210.10760)\n"
    )
    result = format_text(original)
    assert result.problems == []
    assert (
        "- [Scaling Laws](https://arxiv.org/abs/2210.10760) - Arxiv 2022.\n- Paper: https://p.example\n"
        in (result.formatted)
    )


def test_contents_like_lists_are_judged_the_same_before_and_after_formatting() -> None:
    for original in (
        "## Contents\n- [Back-End](#back-end)\n    <td>CC BY-SA 4.0</td>\n",
        "# T\n\n3. [Classification](#classification)\n<!-- note -->\n  - [Benchmarks](#benchmarks)\n",
    ):
        result = format_text(original)
        assert result.problems == [], original


def test_link_targets_of_two_large_texts_are_read_side_by_side_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from awesome import formatting

    original = (Path(__file__).parent / "data" / "upstream-README.md").read_text("utf-8")
    lines = original.split("\n")
    first_link = next(i for i, line in enumerate(lines) if "](http" in line)
    shortened = "\n".join(lines[:first_link] + lines[first_link + 1 :])
    monkeypatch.setattr(formatting, "_PARALLEL_MIN_LINES", 10)  # as if these were large
    both = formatting.link_targets_of_both(original, shortened)
    assert both == (formatting.link_targets(original), formatting.link_targets(shortened))
    assert both[0] != both[1]  # the two texts are told apart, in their own order


def test_link_targets_of_one_text_do_not_leak_into_the_next() -> None:
    # the Markdown parser is made once and reused: a reference defined in one text
    # must not resolve a reference in another
    assert link_targets("[q][r]\n\n[r]: https://r.example\n") == {"https://r.example": 1}
    assert link_targets("[q][r]\n") == {}
