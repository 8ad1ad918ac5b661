"""entry-order against awesome.sorting's canonical key."""

from __future__ import annotations

from awesome.config import Config
from awesome.parser import parse_document
from awesome.rules.order import ENTRY_ORDER, check_order, kept_in_place
from tests.rule_support import HEAD, context_for, lines_of, lint

OUT_OF_ORDER = (
    "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.\n"
    "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
    "- [LLaMA](https://arxiv.org/abs/2302.13971) - arXiv 2023.\n"
)
IN_ORDER = (
    "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
    "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2023.\n"
    "- [LLaMA](https://arxiv.org/abs/2302.13971) - arXiv 2023.\n"
)


def test_first_misplaced_entry_of_a_section_is_reported() -> None:
    findings = lint(ENTRY_ORDER, OUT_OF_ORDER)
    assert lines_of(findings) == [6]
    assert "line 5" in findings[0].message and ENTRY_ORDER.fixable


def test_canonical_order_is_clean() -> None:
    assert lint(ENTRY_ORDER, IN_ORDER) == []


def test_sort_none_turns_the_rule_off() -> None:
    assert lint(ENTRY_ORDER, OUT_OF_ORDER, config=Config(sort="none")) == []


def test_an_injected_key_is_used() -> None:
    text = HEAD + IN_ORDER
    shortest_first = list(
        check_order(
            parse_document(text), context_for(text), key=lambda entry, lock: len(entry.title)
        )
    )
    assert lines_of(shortest_first) == [6]


def test_an_entry_moved_up_is_blamed_not_its_new_neighbours() -> None:
    body = (
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - 2020.\n"
        "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) - 2021.\n"
    )
    findings = lint(ENTRY_ORDER, body)
    assert lines_of(findings) == [5]
    assert "should come after line 8" in findings[0].message


def test_an_entry_moved_down_says_where_it_belongs() -> None:
    body = (
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) - 2021.\n"
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - 2020.\n"
    )
    findings = lint(ENTRY_ORDER, body)
    assert lines_of(findings) == [8]
    assert "should come before line 5" in findings[0].message  # titles decide within 2020


def test_kept_in_place() -> None:
    assert kept_in_place([3, 0, 1, 2]) == [False, True, True, True]
    assert kept_in_place([0, 2, 1, 3]) == [True, True, False, True]
    assert kept_in_place([0, 0, 1, 1]) == [True] * 4
    assert kept_in_place([]) == []
    # linear-logarithmic: a long reversed section is one pass, not a quadratic scan
    reversed_ranks = list(range(50_000, 0, -1))
    assert kept_in_place(reversed_ranks).count(True) == 1
