from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from awesome.entry_parser import _AUTHOR_SEPARATOR, _BOLD, _ET_AL, parse_entry_text, split_authors
from awesome.inline import unescape
from awesome.render import render_entry


def _round_trips(text: str) -> None:
    entry = parse_entry_text(text)
    assert entry is not None
    again = parse_entry_text(render_entry(entry)[2:])
    assert again == entry


def test_links_wrapped_in_brackets_and_a_trailing_bold_name() -> None:
    text = (
        "**Deep Reading**. *Ann Lee, Bo E. Kim and Cy Park*. NAACL 2018. "
        "[[pdf](https://arxiv.org/pdf/1802.05365.pdf)] [[project](https://p.example)] (**ELMo (v1)** )"
    )
    entry = parse_entry_text(text)
    assert entry is not None
    assert (entry.title, entry.url, entry.name) == (
        "Deep Reading",
        "https://arxiv.org/pdf/1802.05365.pdf",
        "ELMo (v1)",
    )
    assert (entry.authors, entry.venue, entry.year) == (
        ["Ann Lee", "Bo E. Kim", "Cy Park"],
        "NAACL",
        2018,
    )
    assert [(link.label, link.url) for link in entry.links] == [("project", "https://p.example")]
    assert entry.description == "" and entry.arxiv_id == "1802.05365"
    _round_trips(text)


def test_underlined_name_before_a_quoted_bold_title() -> None:
    text = '<u>GLaM</u>: **"GLaM: Scaling"**. *Nan Du et al.* ICML 2022. [[Paper](https://arxiv.org/abs/2112.06905)]'
    entry = parse_entry_text(text)
    assert entry is not None
    assert (entry.name, entry.title, entry.authors, entry.authors_first_only) == (
        "GLaM",
        "GLaM: Scaling",
        ["Nan Du"],
        True,
    )
    _round_trips(text)


def test_year_in_parentheses_then_authors_with_initials() -> None:
    text = "**Adam: A method** (2014), D. Kingma and J. Ba [[pdf]](http://arxiv.org/pdf/1412.6980)"
    entry = parse_entry_text(text)
    assert entry is not None
    assert (entry.authors, entry.year, entry.label) == (["D. Kingma", "J. Ba"], 2014, "[pdf]")
    _round_trips(text)
    undated = parse_entry_text("**Segments**, L. Chen et al. [[pdf]](https://s.example)")
    assert undated is not None and (undated.authors, undated.authors_first_only) == (
        ["L. Chen"],
        True,
    )
    _round_trips("**Segments**, L. Chen et al. [[pdf]](https://s.example)")


def test_three_authors_and_initials_read_back_from_the_canonical_line() -> None:
    entry = parse_entry_text("[T](https://t.example) - Abe, Bo E. Lin and Cy, NeurIPS 2020. Desc.")
    assert entry is not None
    assert (entry.authors, entry.venue, entry.year, entry.description) == (
        ["Abe", "Bo E. Lin", "Cy"],
        "NeurIPS",
        2020,
        "Desc.",
    )


def test_parts_the_canonical_line_cannot_carry_stay_in_the_description() -> None:
    for text in (
        "**Mind**. *Huawei Co., Ltd.* Some Journal 2022. [Paper](https://m.example)",
        "**Typo**. *Trieu H. Trinh el al.* arXiv 2018. [Paper](https://t.example)",
        "**Pre**. *Ann Lee and Bo Kim*. Preprint. [pdf](https://p.example)",
    ):
        entry = parse_entry_text(text)
        assert entry is not None and entry.authors == [] and entry.year is None, text
        assert entry.description.startswith("*"), text
        _round_trips(text)


def test_a_sentence_ending_in_a_year_is_a_description_not_a_venue() -> None:
    for text in (
        "[NLP](https://n.example) - course on Coursera that was only done in 2013. More.",
        "[T](https://t.example) - A tool released in 2019.",
    ):
        entry = parse_entry_text(text)
        assert entry is not None and (entry.venue, entry.year) == (None, None), text
    for text, venue in (
        ("[T](https://t.example) - Findings of EMNLP 2022.", "Findings of EMNLP"),
        ("[T](https://t.example) - **X**. Smith et al., arXiv 2023.", "arXiv"),
    ):
        entry = parse_entry_text(text)
        assert entry is not None and entry.venue == venue, text


def test_authors_written_before_a_bold_title_are_authors_not_a_name() -> None:
    # RSPapers: "Xue et al. **Title.** IJCAI, 2017. [code](url)"
    entry = parse_entry_text(
        "Xue et al. **Deep Matrix Factorization Models.** IJCAI, 2017. [code](https://github.com/r/d)"
    )
    assert entry is not None
    assert (entry.name, entry.authors, entry.authors_first_only) == (None, ["Xue"], True)
    assert (entry.venue, entry.year) == ("IJCAI", 2017)
    line = render_entry(entry)
    again = parse_entry_text(line.removeprefix("- "))
    assert again is not None and render_entry(again) == line
    # a model name before the title is still a name
    named = parse_entry_text(
        "GPT-3: **Few-Shot Learners** [paper](https://arxiv.org/abs/2005.14165)"
    )
    assert named is not None and named.name == "GPT-3"


def test_a_bold_title_loses_its_closing_full_stop() -> None:
    # GNNPapers: "**Deep Sets.** NIPS 2017. [paper](url)"
    entry = parse_entry_text(
        "**Deep Sets.** NIPS 2017. [paper](https://arxiv.org/pdf/1703.06114.pdf)"
    )
    assert entry is not None and (entry.title, entry.year) == ("Deep Sets", 2017)
    dots = parse_entry_text("**Wait for it...** 2020. [paper](https://example.org/p)")
    assert dots is not None and dots.title == "Wait for it..."


_BOLDISH = st.lists(st.sampled_from(["*", "**", "\\", "a", " ", "\n", "é"]), max_size=16).map(
    "".join
)
# The bold pattern as first written, one character a step: slower, and the reference for
# the quicker pattern with possessive runs.
_BOLD_STEPWISE = re.compile(r"\*\*(?P<text>(?:[^*\\]|\\.|\*(?!\*))+?)\*\*")


@given(_BOLDISH)
def test_the_bold_pattern_finds_what_the_stepwise_pattern_finds(text: str) -> None:
    quick, stepwise = _BOLD.search(text), _BOLD_STEPWISE.search(text)
    assert (quick and (quick.span(), quick.group("text"))) == (
        stepwise and (stepwise.span(), stepwise.group("text"))
    )


_AUTHORISH = st.lists(
    st.sampled_from(["Smith", "A.", " ", ",", "&", "and", "et", "al", ".", "\\", "\n", "\t"]),
    max_size=12,
).map("".join)


@given(_AUTHORISH)
def test_split_authors_shortcuts_agree_with_the_patterns(text: str) -> None:
    """split_authors skips a pattern when a substring it needs is missing: same result."""
    plain = unescape(text.strip().rstrip(","))
    et_al = _ET_AL.search(plain)
    if et_al is not None:
        plain = plain[: et_al.start()]
    names = [part.strip() for part in _AUTHOR_SEPARATOR.split(plain) if part.strip()]
    assert split_authors(text) == (names, et_al is not None)
