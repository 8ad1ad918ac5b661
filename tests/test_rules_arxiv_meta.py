"""arxiv-title, arxiv-title-variant, arxiv-year, year-before-arxiv, future-year."""

from __future__ import annotations

from datetime import date

from awesome.metadata import Paper
from awesome.parser import parse_document
from awesome.rules.arxiv_meta import (
    ARXIV_TITLE,
    ARXIV_TITLE_VARIANT,
    ARXIV_YEAR,
    FUTURE_YEAR,
    WRONG_LINK_OVERLAP,
    YEAR_BEFORE_ARXIV,
    check_future_year,
    title_overlap,
    title_tokens,
)
from tests.rule_support import HEAD, context_for, lines_of, lint, lock_of

ZERO = Paper(
    "1910.02054",
    "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models",
    published="2019-10-04",
)
SHORTCUT = Paper(
    "2208.11857",
    "Shortcut Learning of Large Language Models in Natural Language Understanding",
    published="2022-08-25",
)
GPT3 = Paper("2005.14165", "Language Models are Few-Shot Learners", published="2020-05-28")
LOCK = lock_of(ZERO, SHORTCUT, GPT3)


def test_title_of_another_paper_is_an_error() -> None:
    body = (
        "- [Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism]"
        "(https://arxiv.org/abs/1910.02054) - arXiv 2019.\n"
    )
    findings = lint(ARXIV_TITLE, body, LOCK)
    assert lines_of(findings) == [5]
    assert "1910.02054" in findings[0].message and "wrong link" in findings[0].message
    assert lint(ARXIV_TITLE_VARIANT, body, LOCK) == []


def test_matching_title_is_fine_whatever_its_case_and_punctuation() -> None:
    body = "- [ZeRO - memory optimizations toward training trillion parameter models](https://arxiv.org/abs/1910.02054) - 2019.\n"
    assert lint(ARXIV_TITLE, body, LOCK) == []
    assert lint(ARXIV_TITLE_VARIANT, body, LOCK) == []


def test_abbreviated_or_renamed_title_is_a_warning() -> None:
    body = (
        "- [Shortcut learning of large language models in natural language understanding: A survey]"
        "(https://arxiv.org/abs/2208.11857) - 2022.\n"
    )
    findings = lint(ARXIV_TITLE_VARIANT, body, LOCK)
    assert lines_of(findings) == [5]
    assert findings[0].severity == "warning"
    assert lint(ARXIV_TITLE, body, LOCK) == []


def test_former_titles_are_accepted() -> None:
    renamed = Paper(
        SHORTCUT.id,
        SHORTCUT.title,
        published=SHORTCUT.published,
        former_titles=[
            "Shortcut learning of large language models in natural language understanding: A survey"
        ],
    )
    body = (
        "- [Shortcut learning of large language models in natural language understanding: A survey]"
        "(https://arxiv.org/abs/2208.11857) - 2022.\n"
    )
    assert lint(ARXIV_TITLE_VARIANT, body, lock_of(renamed)) == []


def test_secondary_arxiv_links_and_unknown_papers_are_not_compared() -> None:
    body = (
        "- **Vicuna**. [Repo](https://github.com/lm-sys/FastChat) [Paper](https://arxiv.org/abs/1910.02054)\n"
        "- [Something else entirely](https://arxiv.org/abs/2301.00001) - 2023.\n"
    )
    assert lint(ARXIV_TITLE, body, LOCK) == []
    assert lint(ARXIV_YEAR, body, LOCK) == []


def test_overlap_measure() -> None:
    assert title_tokens("Pre-training of BERTs for the Web") == {"pre", "training", "bert", "web"}
    assert title_overlap("Scaling Laws", "Scaling Laws for Neural Language Models") == 1.0
    wrong = title_overlap(
        "Reducing Activation Recomputation in Large Transformer Models",
        "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
    )
    assert wrong < WRONG_LINK_OVERLAP


def test_arxiv_only_year_must_be_the_v1_year() -> None:
    body = (
        "- [Shortcut Learning of Large Language Models in Natural Language Understanding]"
        "(https://arxiv.org/abs/2208.11857) - Arxiv 2023.\n"
        "- [Language Models are Few-Shot Learners](https://arxiv.org/pdf/2005.14165v4.pdf) - 2021.\n"
        "- [ZeRO: Memory Optimizations Toward Training Trillion Parameter Models]"
        "(https://arxiv.org/abs/1910.02054) - arXiv 2019.\n"
    )
    findings = lint(ARXIV_YEAR, body, LOCK)
    assert lines_of(findings) == [5, 6]
    assert "2022" in findings[0].message and findings[0].severity == "error"


def test_venue_year_before_arxiv_is_a_warning_and_later_is_fine() -> None:
    body = (
        "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - NeurIPS 2019.\n"
        "- [ZeRO: Memory Optimizations Toward Training Trillion Parameter Models]"
        "(https://arxiv.org/abs/1910.02054) - SC 2020.\n"
    )
    findings = lint(YEAR_BEFORE_ARXIV, body, LOCK)
    assert lines_of(findings) == [5]
    assert findings[0].severity == "warning"
    assert lint(ARXIV_YEAR, body, LOCK) == []


def test_future_year_uses_the_injected_today() -> None:
    body = "- [A Paper](https://example.org/a) - ICML 2031.\n- [B Paper](https://example.org/b) - ICML 2030.\n"
    text = HEAD + body
    document, context = parse_document(text), context_for(text)
    findings = list(check_future_year(document, context, today=lambda: date(2030, 6, 1)))
    assert lines_of(findings) == [5]
    assert list(check_future_year(document, context, today=lambda: date(2031, 1, 1))) == []
    assert FUTURE_YEAR.severity == "error"


def test_no_lock_means_no_metadata_findings() -> None:
    body = "- [Totally different](https://arxiv.org/abs/1910.02054) - arXiv 2001.\n"
    for rule in (ARXIV_TITLE, ARXIV_TITLE_VARIANT, ARXIV_YEAR, YEAR_BEFORE_ARXIV):
        assert lint(rule, body) == []


def test_a_mirror_page_links_the_paper_of_its_id() -> None:
    body = (
        "- [Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism]"
        "(https://huggingface.co/papers/1910.02054) - 2019.\n"
        "- [Shortcut Learning in NLU](https://ar5iv.labs.arxiv.org/html/2208.11857) - 2023.\n"
    )
    assert lines_of(lint(ARXIV_TITLE, body, LOCK)) == [5]
    assert lines_of(lint(ARXIV_TITLE_VARIANT, body, LOCK)) == [6]
    assert lines_of(lint(ARXIV_YEAR, body, LOCK)) == [6]


def test_titles_in_paper_tables_are_compared_too() -> None:
    body = (
        "| Year | Model | Paper |\n| --- | --- | --- |\n"
        "| 2019 | Megatron-LM | [Megatron-LM: Training Multi-Billion Parameter Language Models](https://arxiv.org/abs/1910.02054) |\n"
        "| 2022 | Shortcut | [Shortcut Learning in NLU Models](https://arxiv.org/pdf/2208.11857.pdf) |\n"
        "| 2020 | GPT-3 | [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) |\n"
        "| 2020 | GPT-3 | [GPT-3 paper](https://arxiv.org/abs/2005.14165v2) |\n"
        "- [Few-shot learners](https://example.org) - In a sentence, [Shortcut Learning in NLU Models](https://arxiv.org/abs/2208.11857).\n"
    )
    wrong = lint(ARXIV_TITLE, body, LOCK)
    assert [(f.line, f.column) for f in wrong] == [(7, 24)]
    assert lines_of(lint(ARXIV_TITLE_VARIANT, body, LOCK)) == [8]


def test_an_entry_without_arxiv_link_is_dated_by_its_exact_arxiv_title() -> None:
    body = (
        "- [Language Models are Few-Shot Learners](https://proceedings.neurips.cc/paper/2020/x) - NeurIPS 2019.\n"
        "- [Shortcut Learning of Large Language Models in Natural Language Understanding](https://github.com/o/r) - 2023.\n"
        "- [Language models are few-shot learners](https://papers.nips.cc/y) - NeurIPS 2020.\n"
        "- [Few-shot learners, a blog post](https://example.org/gpt3) - 2019.\n"
    )
    assert lines_of(lint(YEAR_BEFORE_ARXIV, body, LOCK)) == [5]
    assert lines_of(lint(ARXIV_YEAR, body, LOCK)) == [6]
    # the title itself is the match, so it is never reported as differing
    assert lint(ARXIV_TITLE_VARIANT, body, LOCK) == []


def test_a_wrong_link_names_the_paper_whose_title_it_is() -> None:
    megatron = Paper(
        "1909.08053",
        "Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism",
        published="2019-09-17",
    )
    body = (
        "- [Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism]"
        "(https://arxiv.org/abs/1910.02054) - 2019.\n"
    )
    (finding,) = lint(ARXIV_TITLE, body, lock_of(ZERO, megatron))
    assert finding.message.endswith("the lock has this title as arXiv 1909.08053")


def test_an_old_style_link_with_a_subject_class_is_checked_too() -> None:
    # arXiv's id has no subject class (astro-ph/0601001); a link may carry one, and both
    # rules used to miss the paper then (facts: shared/arxiv/atom/05_...astro-ph-0601001)
    title = (
        "Frequency of Hot Jupiters and Very Hot Jupiters from the OGLE-III Transit Surveys"
        " Toward the Galactic Bulge and Carina"
    )
    lock = lock_of(Paper("astro-ph/0601001", title, published="2006-01-02"))
    body = "- [A Wrong Paper About Something Else](https://arxiv.org/abs/astro-ph.EP/0601001) - 2007.\n"
    assert lines_of(lint(ARXIV_TITLE, body, lock)) == [5]
    assert lines_of(lint(ARXIV_YEAR, body, lock)) == [5]
