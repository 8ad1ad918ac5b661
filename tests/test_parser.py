from __future__ import annotations

from collections import Counter

from awesome.model import Document
from awesome.parser import parse_document


def _counts(doc: Document) -> dict[str, int]:
    return {section.heading: sum(e.parsed for e in section.entries) for section in doc.walk()}


# Counted by hand from the upstream file: parsed entries per heading, in document order.
UPSTREAM_COUNTS = {
    "Latest News💥": 0,
    "Other Practical Guides for LLMs": 3,
    "Practical Guide for Models": 0,
    "BERT-style Language Models: Encoder-Decoder or Encoder-only": 10,
    "GPT-style Language Models: Decoder-only": 18,
    "Practical Guide for Data": 0,
    "Pretraining data": 6,
    "Finetuning data": 3,
    "Test data/user data": 3,
    "Practical Guide for NLP Tasks": 0,
    "Traditional NLU tasks": 3,
    "Generation tasks": 4,
    "Knowledge-intensive tasks": 5,
    "Abilities with Scaling": 7,
    "Specific tasks": 12,
    "Real-World ''Tasks''": 1,
    "Efficiency": 0,
    "1. Cost": 5,
    "2. Latency": 1,
    "3. Parameter-Efficient Fine-Tuning": 4,
    "4. Pretraining System": 4,
    "Trustworthiness": 0,
    "1. Robustness and Calibration": 2,
    "2. Spurious biases": 6,
    "3. Safety issues": 4,
    "Benchmark Instruction Tuning": 7,
    "Alignment": 9,
    "Safety Alignment (Harmless)": 4,
    "Truthfulness Alignment (Honest)": 1,
    "Practical Guides for Prompting (Helpful)": 3,
    "Alignment Efforts of Open-source Communtity": 10,
    "Usage and Restrictions": 0,
    "Star History": 0,
}


def test_upstream_golden_entry_count_and_sections(upstream_text: str) -> None:
    doc = parse_document(upstream_text)
    assert list(_counts(doc).items()) == list(UPSTREAM_COUNTS.items())
    assert sum(UPSTREAM_COUNTS.values()) == 135


def test_upstream_line_numbers_point_at_the_source(upstream_text: str) -> None:
    lines = upstream_text.splitlines()
    doc = parse_document(upstream_text)
    for section in doc.walk():
        assert section.heading.split()[-1] in lines[section.line - 1]
        for entry in section.entries:
            assert lines[entry.line - 1] == entry.raw.splitlines()[0]
        for block in section.blocks:
            assert lines[block.line - 1] == block.text.splitlines()[0]


def test_upstream_pseudo_headings_become_subsections(upstream_text: str) -> None:
    doc = parse_document(upstream_text)
    efficiency = next(s for s in doc.walk() if s.heading == "Efficiency")
    assert [s.heading for s in efficiency.subsections] == [
        "1. Cost",
        "2. Latency",
        "3. Parameter-Efficient Fine-Tuning",
        "4. Pretraining System",
    ]
    assert all(s.pseudo and s.level == 4 for s in efficiency.subsections)


def test_upstream_title_catalog_and_unparsed_news(upstream_text: str) -> None:
    doc = parse_document(upstream_text)
    assert doc.title == "The Practical Guides for Large Language Models"
    assert doc.toc_line == 46 and "Catalog" in doc.toc_text
    news = next(s for s in doc.walk() if s.heading.startswith("Latest News"))
    assert len(news.entries) == 5 and not any(e.parsed for e in news.entries)


def test_upstream_entry_shapes(upstream_text: str) -> None:
    doc = parse_document(upstream_text)
    by_title = {e.title: e for _, e in doc.entries() if e.parsed}
    t5 = by_title[
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer"
    ]
    assert (t5.name, t5.authors, t5.authors_first_only, t5.venue, t5.year) == (
        "T5",
        ["Colin Raffel"],
        True,
        "JMLR",
        2019,
    )
    assert t5.arxiv_id == "1910.10683" and t5.label == "Paper"
    lamini = by_title["Lamini"]
    assert lamini.url == "https://github.com/lamini-ai/lamini/"
    assert [link.label for link in lamini.links] == ["Blog"]
    neox = by_title["GPT-NeoX-20B: An Open-Source Autoregressive Language Model"]
    assert neox.name == "GPT-NeoX-20B"
    wmt = by_title["Multilingual machine translation systems from Microsoft for WMT21 shared task"]
    assert (wmt.venue, wmt.year) == ("WMT", 2021)
    gopher = by_title["Scaling Language Models: Methods, Analysis & Insights from Training Gopher"]
    assert gopher.arxiv_id == "2112.11446"
    pricing = by_title["Pricing"]
    assert pricing.year is None and pricing.description == "OpenAI."


def test_common_awesome_shape_and_numbered_list() -> None:
    text = (
        "# Awesome Things\n\n## Tools\n\n"
        "- [Foo](https://foo.dev) - A tool for foo.\n"
        "1. [Bar](https://bar.dev) - Does bar.\n"
        "2. [Baz](https://baz.dev)\n"
    )
    doc = parse_document(text)
    entries = doc.sections[0].entries
    assert [(e.title, e.url, e.description) for e in entries] == [
        ("Foo", "https://foo.dev", "A tool for foo."),
        ("Bar", "https://bar.dev", "Does bar."),
        ("Baz", "https://baz.dev", ""),
    ]
    assert [e.line for e in entries] == [5, 6, 7]


def test_canonical_shape_is_read_back() -> None:
    line = (
        "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - **Transformer**. "
        "Vaswani et al., NeurIPS 2017. The original. [Code](https://github.com/x/y) · [Blog](https://b.log)"
    )
    entry = parse_document(f"# T\n\n## S\n\n{line}\n").sections[0].entries[0]
    assert entry.title == "Attention Is All You Need"
    assert entry.name == "Transformer"
    assert (entry.authors, entry.authors_first_only) == (["Vaswani"], True)
    assert (entry.venue, entry.year) == ("NeurIPS", 2017)
    assert entry.description == "The original."
    assert [(link.label, link.url) for link in entry.links] == [
        ("Code", "https://github.com/x/y"),
        ("Blog", "https://b.log"),
    ]
    assert entry.arxiv_id == "1706.03762"


def test_item_without_shape_is_kept_verbatim_with_its_nested_lines() -> None:
    text = "# T\n\n## S\n\n- just some words\n  - a nested note\n- [A](https://a.example) - Fine.\n"
    entries = parse_document(text).sections[0].entries
    assert not entries[0].parsed
    assert entries[0].raw == "- just some words\n  - a nested note"
    assert entries[1].parsed and entries[1].line == 7


def test_nested_sub_items_become_children() -> None:
    text = (
        "# T\n\n## S\n\n- [A](https://a.example) - Parent.\n  - [B](https://b.example) - Child.\n"
    )
    entry = parse_document(text).sections[0].entries[0]
    assert [c.title for c in entry.children] == ["B"]
    assert entry.children[0].line == 6


def test_crlf_and_bom_are_read_like_lf() -> None:
    text = "# T\n\n## S\n\n- [A](https://a.example) - Fine.\n"
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    assert parse_document(crlf) == parse_document(text)
    assert parse_document(crlf).sections[0].entries[0].line == 5


def test_blocks_keep_kind_and_line() -> None:
    text = "# T\n\nIntro.\n\n## S\n\n<table>\n<tr><td>x</td></tr>\n</table>\n\n```\n- not an item\n```\n\n| a | b |\n|---|---|\n"
    doc = parse_document(text)
    assert [(b.kind, b.line) for b in doc.intro] == [("paragraph", 3)]
    kinds = Counter(b.kind for b in doc.sections[0].blocks)
    assert kinds == Counter({"html": 1, "code": 1, "table": 1})
    assert doc.sections[0].entries == []


def test_setext_headings() -> None:
    doc = parse_document(
        "Awesome X\n=========\n\nIntro.\n\nTools\n-----\n\n- [A](https://a.example) - Fine.\n"
    )
    assert (doc.title, doc.title_line) == ("Awesome X", 1)
    assert [(s.heading, s.level, s.line) for s in doc.sections] == [("Tools", 2, 6)]
    assert doc.sections[0].entries[0].line == 9


def test_contents_list_without_heading_is_recognised_as_the_catalog() -> None:
    text = "# X\n\nIntro.\n\n- [X](#x)\n    - [Tools](#tools)\n\n## Tools\n\n- [A](https://a.example) - Fine.\n"
    doc = parse_document(text)
    assert doc.toc_line == 5 and "[Tools](#tools)" in doc.toc_text
    assert [b.kind for b in doc.intro] == ["paragraph"]


def test_intro_list_with_real_links_is_kept() -> None:
    doc = parse_document(
        "# X\n\n- [Site](https://site.example)\n\n## Tools\n\n- [A](https://a.example)\n"
    )
    assert [b.kind for b in doc.intro] == ["list"] and doc.toc_line is None


def test_numbered_item_over_its_own_indented_sub_list_is_an_item_not_a_heading() -> None:
    text = (
        "# X\n\n## Week\n\n1. A model that reads. [Paper](https://p.example)\n"
        "  - https://p.example\n2. Another one. [Paper](https://q.example)\n"
        "  - https://q.example\n"
    )
    doc = parse_document(text)
    assert [s.heading for s in doc.walk()] == ["Week"]
    assert [e.line for e in doc.sections[0].entries] == [5, 7]


def test_numbered_line_over_a_flush_bullet_list_is_still_a_heading() -> None:
    doc = parse_document("# X\n\n## Efficiency\n\n1. Cost\n- [A](https://a.example)\n")
    assert [(s.heading, s.level) for s in doc.walk()] == [("Efficiency", 2), ("1. Cost", 3)]


def test_blocks_remember_how_many_entries_stood_above_them() -> None:
    text = (
        "# X\n\n## Analytics\n\n_Web_\n\n- [B](https://b.example) - Web.\n- [A](https://a.example) - Web.\n\n"
        "_Business_\n\n- [D](https://d.example) - Business.\n\n<!-- end -->\n"
    )
    section = parse_document(text).sections[0]
    assert [(b.text, b.entries_before) for b in section.blocks] == [
        ("_Web_", 0),
        ("_Business_", 2),
        ("<!-- end -->", 3),
    ]


def test_contents_heading_variants_with_markers_and_notes_are_the_catalog() -> None:
    text = (
        "# X\n\n## Table of Content\n\n<!-- MarkdownTOC depth=4 -->\n\n- [Tools](#tools)\n"
        "    - [Sub](#sub)\n\n*(More than the top ten)*\n\n* [Old](#old) : before 2012\n\n"
        "<!-- /MarkdownTOC -->\n\n* * *\n\n## Tools\n\n### Sub\n\n## Old\n"
    )
    doc = parse_document(text)
    assert doc.toc_line == 3 and "MarkdownTOC" in doc.toc_text
    assert [s.heading for s in doc.walk()] == ["Tools", "Sub", "Old"]


def test_contents_section_with_real_prose_is_not_the_catalog() -> None:
    text = (
        "# X\n\n## Contents\n\n- [Tools](#tools)\n\nSee [the site](https://s.example) for more.\n\n"
        "## Tools\n"
    )
    doc = parse_document(text)
    assert doc.toc_line is None and [s.heading for s in doc.walk()] == ["Contents", "Tools"]


def test_bold_contents_label_over_a_hand_kept_list_goes_with_it() -> None:
    text = "# X\n\nIntro.\n\n**Table of Contents**\n\n1. [Tools](#tools)\n2. [Data](#data)\n\n## Tools\n"
    doc = parse_document(text)
    assert doc.toc_line == 5 and doc.toc_text.startswith("**Table of Contents**")
    assert [b.text for b in doc.intro] == ["Intro."]


def test_title_badges_are_kept_and_a_badge_line_under_the_title_joins_it() -> None:
    own = (
        "[![Awesome](https://cdn.example/sindresorhus/awesome/media/badge.svg)](https://a.example)"
    )
    doc = parse_document(f"# List {own}\n\nIntro.\n")
    assert (doc.title, doc.title_badges) == ("List", own)
    below = parse_document(f"# List\n\n{own}\n\nIntro.\n")
    assert (below.title_badges, [b.text for b in below.intro]) == (own, ["Intro."])
    other = "[![CI](https://ci.example/b.svg)](https://ci.example)"
    kept = parse_document(f"# List\n\n{other}\n")
    assert kept.title_badges == "" and [b.text for b in kept.intro] == [other]


def test_html_title_with_a_logo_stays_verbatim_and_no_later_heading_becomes_the_title() -> None:
    text = '<h1 align="center">\n\t<img src="logo.svg" alt="Awesome">\n</h1>\n\n## Tools\n\n# Resources\n'
    doc = parse_document(text)
    assert doc.title is None and doc.intro[0].text.startswith("<h1")
    assert [s.heading for s in doc.walk()] == ["Tools", "Resources"]
    plain = parse_document("<h1>My List</h1>\n\n## Tools\n")
    assert plain.title == "My List" and plain.intro == []


def test_blank_lines_inside_an_item_stay_in_its_verbatim_text() -> None:
    text = "# X\n\n## S\n\n- odd item\n\n  | a | b |\n  |---|---|\n- [A](https://a.example)\n"
    entry = parse_document(text).sections[0].entries[0]
    assert not entry.parsed
    assert entry.raw == "- odd item\n\n  | a | b |\n  |---|---|"


def test_contents_folded_in_details_with_a_back_to_top_link_is_the_catalog() -> None:
    text = (
        "# X\n\n## Contents\n\n<details>\n<summary>Expand contents</summary>\n\n"
        "- [Tools](#tools)\n\n**[⬆ back to top](#contents)**\n\n</details>\n\n## Tools\n"
    )
    doc = parse_document(text)
    assert doc.toc_line == 3 and [s.heading for s in doc.walk()] == ["Tools"]
    # a <details> the list opens but does not close stays, with its contents section
    unbalanced = text.replace("</details>\n\n", "")
    assert [s.heading for s in parse_document(unbalanced).walk()] == ["Contents", "Tools"]


def test_a_label_item_over_entries_keeps_its_text_and_its_entries_are_read() -> None:
    text = (
        "# X\n\n## Text\n\n* General\n    * [difflib](https://d.example) - Deltas.\n"
        "    * [chardet](https://c.example) - Encodings.\n* Odd\n    * no link here\n"
    )
    label, odd = parse_document(text).sections[0].entries
    assert (label.parsed, label.raw, label.line) == (False, "- General", 5)
    assert [(c.title, c.line) for c in label.children] == [("difflib", 6), ("chardet", 7)]
    assert not odd.parsed and odd.children == [] and odd.raw == "* Odd\n    * no link here"


def test_yaml_front_matter_is_kept_apart_and_lines_stay_right() -> None:
    doc = parse_document("---\ntitle: L\nlayout: default\n---\n\n# L\n\n## Tools\n")
    assert doc.front_matter == "---\ntitle: L\nlayout: default\n---"
    assert (doc.title, doc.title_line, doc.sections[0].line) == ("L", 6, 8)
    rule_first = parse_document("---\n\n# L\n")
    assert rule_first.front_matter == "" and rule_first.intro[0].kind == "rule"


def test_bold_title_entry_with_links_wrapped_in_brackets() -> None:
    text = (
        "# L\n\n## S\n\n"
        '1. <u>InstructGPT</u>: **"Training language models to follow instructions with human feedback"**.'
        " *Long Ouyang et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2203.02155)]"
        " [[Code](https://github.com/openai/following-instructions-human-feedback)]\n"
    )
    (_, entry), *_ = parse_document(text).entries()
    assert entry.parsed
    assert entry.title == "Training language models to follow instructions with human feedback"
    assert (entry.venue, entry.year, entry.arxiv_id) == ("NeurIPS", 2022, "2203.02155")
    assert entry.authors == ["Long Ouyang"] and entry.authors_first_only
    assert [link.label for link in entry.links] == ["Code"]


def test_a_top_heading_after_the_contents_heading_is_a_section_not_the_title() -> None:
    # Awesome-Diffusion-Models: badges, "## Contents", then "# Resources" and "# Papers"
    text = (
        "Intro.\n\n## Contents\n- [Resources](#resources)\n- [Papers](#papers)\n\n"
        "# Resources\n- [A](https://a.example) - A.\n\n# Papers\n- [B](https://b.example) - B.\n"
    )
    doc = parse_document(text)
    assert doc.title is None
    assert [s.heading for s in doc.sections] == ["Resources", "Papers"]
    # the usual shape is unchanged: a first "#" before any other heading is the title
    assert parse_document("# Awesome X\n\n## A\n- [A](https://a.example)\n").title == "Awesome X"


def test_an_inline_html_tag_at_the_start_of_a_line_continues_the_paragraph() -> None:
    # awesome-datascience: "[Available for ...](url)<br>" then "<br>" lines, then "</div>"
    doc = parse_document("Intro [x](https://x.org)<br>\n<br>\n</div>\n\nText\n<div>\nA\n</div>\n")
    assert [(b.kind, b.text) for b in doc.intro] == [
        ("paragraph", "Intro [x](https://x.org)<br>\n<br>"),
        ("html", "</div>"),
        ("paragraph", "Text"),
        ("html", "<div>\nA\n</div>"),
    ]
