"""duplicate-entry: arXiv id forms, normalised URLs and titles, config switches, linear time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome.config import Config, LintConfig
from awesome.model import Document, Entry, Section
from awesome.rules.base import LintContext
from awesome.rules.duplicates import DUPLICATE_ENTRY, check_duplicates, title_key
from tests.rule_support import HEAD, lines_of, lint


def test_same_arxiv_id_in_abs_pdf_and_versioned_forms() -> None:
    body = (
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [Kaplan et al. scaling](https://arxiv.org/pdf/2001.08361v2.pdf) - 2020.\n"
        "- [Scaling paper](http://export.arxiv.org/abs/2001.08361v1) - 2020.\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    assert lines_of(findings) == [6, 7]
    assert all(
        "line 5" in finding.message and "2001.08361" in finding.message for finding in findings
    )
    assert findings[0].severity == "error"


def test_same_url_up_to_scheme_www_case_slash_and_tracking() -> None:
    body = (
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - A model.\n"
        "- [Stanford Alpaca repo](http://www.GitHub.com/tatsu-lab/stanford_alpaca/?utm_source=x) - Again.\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    assert lines_of(findings) == [6]
    assert "line 5" in findings[0].message and "same URL" in findings[0].message


def test_same_title_up_to_case_punctuation_and_spacing() -> None:
    body = (
        "- **Language Models are Few-Shot Learners**, NeurIPS 2020. [Paper](https://proceedings.neurips.cc/a)\n"
        "- **language models are few shot learners**, NIPS 2020. [Paper](https://proceedings.neurips.cc/b)\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    assert lines_of(findings) == [6]
    assert "same title" in findings[0].message


def test_distinct_entries_are_not_reported() -> None:
    body = (
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - A model.\n"
        "- [Vicuna](https://github.com/lm-sys/FastChat) - A model.\n"
    )
    assert lint(DUPLICATE_ENTRY, body) == []


def test_allow_duplicates_permits_cross_listing_but_not_repeats_in_a_section() -> None:
    text = (
        HEAD
        + "- [Scaling Laws](https://arxiv.org/abs/2001.08361) - 2020.\n"
        + "\n## Other\n\n"
        + "- [Scaling Laws](https://arxiv.org/abs/2001.08361) - 2020.\n"
        + "- [Scaling Laws again](https://arxiv.org/pdf/2001.08361) - 2020.\n"
    )
    from awesome.parser import parse_document

    config = Config(lint=LintConfig(allow_duplicates=True))
    context = LintContext(lines=text.splitlines(), config=config)
    findings = list(check_duplicates(parse_document(text), context))
    assert lines_of(findings) == [10]
    strict = list(check_duplicates(parse_document(text), LintContext(lines=text.splitlines())))
    assert lines_of(strict) == [9, 10]


def test_allowed_duplicate_urls() -> None:
    body = "- [Repo A](https://github.com/org/repo) - One.\n- [Repo B](https://github.com/org/repo/) - Two.\n"
    config = Config(lint=LintConfig(allowed_duplicate_urls=["https://github.com/org/repo"]))
    assert lint(DUPLICATE_ENTRY, body, config=config) == []
    assert lines_of(lint(DUPLICATE_ENTRY, body)) == [6]


def test_keys() -> None:
    assert title_key("Language Models are Few-Shot Learners!") == title_key(
        "language models are few shot learners"
    )


def test_one_hundred_thousand_entries_in_one_pass() -> None:
    # each entry is checked against a dict, so a large list costs a linear pass
    entries = [
        Entry(
            f"Paper number {i}",
            url=f"https://arxiv.org/abs/2301.{i:05d}",
            arxiv_id=f"2301.{i:05d}",
            line=i + 1,
        )
        for i in range(100_000)
    ]
    entries.append(Entry("Paper number 7", url="https://example.org/p7", line=100_002))
    document = Document("Big", sections=[Section("All", 2, "all", entries=entries)])
    findings = list(check_duplicates(document, LintContext(lines=[])))
    assert lines_of(findings) == [100_002]


def test_mirror_pages_count_as_their_arxiv_id() -> None:
    body = (
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [Kaplan et al.](https://ar5iv.labs.arxiv.org/html/2001.08361) - 2020.\n"
        "- [Kaplan (alphaXiv)](https://www.alphaxiv.org/overview/2001.08361v2) - 2020.\n"
        "- [Kaplan (HF)](https://huggingface.co/papers/2001.08361) - 2020.\n"
        "- [Kaplan (ar5iv.org)](https://ar5iv.org/abs/2001.08361) - 2020.\n"
        "- [Other](https://huggingface.co/papers/2203.15556) - 2022.\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    assert lines_of(findings) == [6, 7, 8, 9]
    assert all("same arXiv id 2001.08361" in finding.message for finding in findings)


def test_links_in_the_description_are_not_the_entry() -> None:
    body = (
        "- [Self-Instruct](https://arxiv.org/abs/2212.10560) - 2022.\n"
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - Data made the [Self-Instruct](https://arxiv.org/abs/2212.10560) way.\n"
        "- [LLaMA code](https://github.com/facebookresearch/llama) - Code. [Paper](https://arxiv.org/abs/2212.10560)\n"
    )
    # the trailing [Paper] link is the entry's paper; the one inside the sentence is a mention
    assert lines_of(lint(DUPLICATE_ENTRY, body)) == [7]


def test_generic_titles_and_same_titles_of_different_arxiv_papers() -> None:
    body = (
        "- [Code](https://github.com/org/one) - One project.\n"
        "- [Code](https://github.com/org/two) - Another project.\n"
        "- [A Survey of Widgets](https://arxiv.org/abs/2301.00001) - 2023.\n"
        "- [A survey of widgets](https://arxiv.org/abs/2302.00002) - 2023.\n"
        "- [A Survey of Widgets](https://example.org/widgets.pdf) - 2023.\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    # two arXiv ids say two papers; the third entry has no id, so its title decides
    assert lines_of(findings) == [9]
    assert "line 7 (same title)" in findings[0].message


def test_one_finding_per_entry_naming_every_entry_it_repeats() -> None:
    body = (
        "- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165) - 2020.\n"
        "- [GPT-3](https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html) - 2020.\n"
        "- [Language models are few-shot learners](https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf) - 2020.\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    assert lines_of(findings) == [7]
    assert findings[0].message.startswith("duplicate of the entry on line 5 (same title)")
    assert "also of line 6 (same URL" in findings[0].message


def test_a_link_whose_port_is_no_number_is_compared_not_crashed_on() -> None:
    body = "- [A](http://a.org:abc/x) - 2020.\n- [B](http://a.org:abc/x) - 2021.\n"
    assert lines_of(lint(DUPLICATE_ENTRY, body)) == [6]


# --- false positives seen on real lists -------------------------------------------------------


def test_in_page_anchors_are_neither_urls_nor_titles() -> None:
    # a contents list: every fragment used to reduce to the same empty URL, and "C++" to "C"
    body = (
        "- [Widget Theory](#widget-theory)\n"
        "- [Widgets](#widgets)\n"
        "- [C](#c)\n"
        "- [C++](#cpp)\n"
        "- [Parsers and Readers Here](#c-parsers)\n"
        "- [Parsers and Readers Here](#cpp-parsers)\n"
    )
    assert lint(DUPLICATE_ENTRY, body) == []


def test_a_short_name_repeated_with_different_urls_is_not_a_duplicate() -> None:
    body = (
        "- [Rust](https://example.org/rust-list)\n"
        "  - [Tutorials](https://example.org/rust-tutorials)\n"
        "- [Elixir](https://example.org/elixir-list)\n"
        "  - [Tutorials](https://example.org/elixir-tutorials)\n"
        "- [yaml](https://github.com/one/yaml) - Reads YAML.\n"
        "- [yaml](https://github.com/two/yaml) - Reads and writes YAML too.\n"
    )
    assert lint(DUPLICATE_ENTRY, body) == []


def test_a_short_name_with_the_same_url_is_still_a_duplicate() -> None:
    body = (
        "- [yaml](https://github.com/one/yaml) - Reads YAML.\n"
        "- [yaml](https://github.com/one/yaml/) - Again.\n"
    )
    findings = lint(DUPLICATE_ENTRY, body)
    assert lines_of(findings) == [6]
    assert "same URL" in findings[0].message and "same title" not in findings[0].message


def test_a_paper_title_alone_is_still_a_duplicate() -> None:
    body = (
        "- [Generative Adversarial Nets](https://example.org/gan) - 2014.\n"
        "- [Generative adversarial nets](https://example.org/gan.pdf) - 2014.\n"
    )
    assert lines_of(lint(DUPLICATE_ENTRY, body)) == [6]


def test_titles_that_differ_in_their_closing_notes_are_two_editions() -> None:
    body = (
        "- [Introduction to Widget Engineering (2019 edition)](https://example.org/a) - Course.\n"
        "- [Introduction to Widget Engineering (2021 edition)](https://example.org/b) - Course.\n"
        "- [Language Models are Few-Shot Learners](https://example.org/c) - 2020.\n"
        "- [Language Models are Few-Shot Learners (GPT-3)](https://example.org/d) - 2020.\n"
    )
    # a note on one side only is still the same title
    assert lines_of(lint(DUPLICATE_ENTRY, body)) == [8]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_titles_get_the_key_the_unicode_path_gives(title: str) -> None:
    # an "é" sends the title down the Unicode path, and stays in its key at the end
    assert title_key(title) == title_key(title + "é")[:-1]
