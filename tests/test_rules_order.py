"""entry-order against awesome.sorting's canonical key."""

from __future__ import annotations

from awesome.config import Config
from awesome.parser import parse_document
from awesome.rules.order import ENTRY_ORDER, check_order
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
