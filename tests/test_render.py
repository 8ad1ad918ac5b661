from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome.metadata import MetadataLock, Paper
from awesome.model import Document, Entry, Link, Section
from awesome.parser import parse_document
from awesome.render import render_document, render_entry


def _doc(*entries: Entry) -> Document:
    return Document("Sample", sections=[Section("Papers", 2, "papers", 1, entries=list(entries))])


def test_canonical_entry_line_has_every_part_in_order() -> None:
    entry = Entry(
        title="Attention Is All You Need",
        url="https://arxiv.org/abs/1706.03762",
        name="Transformer",
        authors=["Vaswani"],
        authors_first_only=True,
        venue="NeurIPS",
        year=2017,
        description="The original.",
        links=[Link("Code", "https://c.example"), Link("Blog", "https://b.example")],
    )
    assert render_entry(entry) == (
        "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - **Transformer**. "
        "Vaswani et al., NeurIPS 2017. The original. [Code](https://c.example) · [Blog](https://b.example)"
    )


def test_authors_forms() -> None:
    base = {"title": "T", "url": "https://t.example", "year": 2020}
    assert "Smith, 2020." in render_entry(Entry(**base, authors=["Smith"]))  # type: ignore[arg-type]
    assert "Smith and Jones, 2020." in render_entry(Entry(**base, authors=["Smith", "Jones"]))  # type: ignore[arg-type]
    first = Entry(**base, authors=["Smith"], authors_first_only=True)  # type: ignore[arg-type]
    assert "Smith et al., 2020." in render_entry(first)


def test_document_has_badge_contents_and_sections_in_order() -> None:
    doc = parse_document(
        "# My List\n\nIntro text.\n\n## B Section\n\n- [Z](https://z.example) - 2021.\n- [A](https://a.example) - 2020.\n\n### Sub\n\n- [Q](https://q.example)\n\n## A Section\n\nSome prose.\n"
    )
    text = render_document(doc)
    assert text.startswith(
        "# My List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\nIntro text.\n"
    )
    assert (
        "## Contents\n\n- [B Section](#b-section)\n  - [Sub](#sub)\n- [A Section](#a-section)\n"
        in text
    )
    assert text.index("## B Section") < text.index("## A Section")
    assert text.index("[A](https://a.example)") < text.index("[Z](https://z.example)")


def test_sorting_by_year_then_arxiv_date_then_title_then_undated_then_unparsed() -> None:
    lock = MetadataLock(
        {
            "2301.00002": Paper("2301.00002", "Later", published="2023-01-05"),
            "2301.00001": Paper("2301.00001", "Earlier", published="2023-01-02"),
        }
    )
    entries = [
        Entry(title="raw", parsed=False, raw="- something odd"),
        Entry(title="No year", url="https://n.example"),
        Entry(
            title="b later",
            url="https://arxiv.org/abs/2301.00002",
            year=2023,
            arxiv_id="2301.00002",
        ),
        Entry(title="a no date", url="https://x.example", year=2023),
        Entry(
            title="z earlier",
            url="https://arxiv.org/abs/2301.00001",
            year=2023,
            arxiv_id="2301.00001",
        ),
        Entry(title="Old", url="https://o.example", year=2019),
    ]
    text = render_document(_doc(*entries), lock)
    order = ["Old", "z earlier", "b later", "a no date", "No year", "something odd"]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)


def test_title_sort_and_no_sort_from_config() -> None:
    from awesome.config import Config

    entries = [
        Entry(title="b", url="https://b.example", year=2019),
        Entry(title="A", url="https://a.example", year=2020),
    ]
    by_title = render_document(_doc(*entries), config=Config(sort="title"))
    assert by_title.index("[A]") < by_title.index("[b]")
    unsorted = render_document(_doc(*reversed(entries)), config=Config(sort="none"))
    assert unsorted.index("[A]") < unsorted.index("[b]")


# Text that an entry field may hold: brackets, pipes, stars, backticks, unicode, emoji.
_field_chars = st.sampled_from(list(string.ascii_letters + string.digits + " []|*`-:?!'éß中😀—&/"))
_title = (
    st.text(_field_chars, min_size=1, max_size=60)
    .map(str.strip)
    .filter(lambda s: any(c.isalnum() for c in s))
)
_word = st.text(st.sampled_from(list(string.ascii_letters + "éüß")), min_size=2, max_size=12).map(
    str.capitalize
)
_url = st.from_regex(r"https://[a-z]{1,10}\.example/[a-z0-9_-]{0,20}", fullmatch=True)


@st.composite
def _entries(draw: st.DrawFn) -> Entry:
    year = draw(st.none() | st.integers(1990, 2030))
    authors = draw(st.lists(_word, min_size=0, max_size=2)) if year else []
    first_only = bool(authors) and len(authors) == 1 and draw(st.booleans())
    venue = draw(st.none() | _word) if year else None
    return Entry(
        title=draw(_title),
        url=draw(_url),
        name=draw(st.none() | _title),
        authors=authors,
        authors_first_only=first_only,
        venue=venue,
        year=year,
        description=draw(
            st.sampled_from(["", "A fine paper.", "Uses 中文 and emoji 😀.", "Long " * 30 + "end."])
        ),
        links=[Link(draw(_word), draw(_url)) for _ in range(draw(st.integers(0, 2)))],
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_entries(), min_size=1, max_size=6))
def test_parse_render_parse_gives_the_same_entries(entries: list[Entry]) -> None:
    text = render_document(_doc(*entries), config=_no_sort())
    reparsed = parse_document(text).sections[0].entries
    assert reparsed == entries


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_entries(), min_size=1, max_size=6))
def test_rendering_is_a_fixed_point(entries: list[Entry]) -> None:
    once = render_document(_doc(*entries))
    assert render_document(parse_document(once)) == once


def _no_sort():  # type: ignore[no-untyped-def]
    from awesome.config import Config

    return Config(sort="none")


def test_upstream_parse_render_parse_keeps_every_entry(upstream_text: str) -> None:
    from awesome.config import Config

    doc = parse_document(upstream_text)
    again = parse_document(render_document(doc, config=Config(sort="none")))
    before = [(s.heading, s.entries) for s in doc.walk()]
    after = [(s.heading, s.entries) for s in again.walk()]
    assert after == before
    raws = [[e.raw for e in s.entries if not e.parsed] for s in doc.walk()]
    assert [[e.raw for e in s.entries if not e.parsed] for s in again.walk()] == raws


def _canonical(text: str) -> str:
    """The canonical form of ``text``, checked to be a fixed point (rendering it again changes nothing)."""
    out = render_document(parse_document(text))
    assert render_document(parse_document(out)) == out
    return out


def test_labels_and_details_tags_keep_their_entries_apart() -> None:
    text = (
        "# X\n\n## Analytics\n\n_Web_\n\n- [B](https://b.example) - Web.\n- [A](https://a.example) - Web.\n\n"
        "_Business_\n\n- [D](https://d.example) - Business.\n- [C](https://c.example) - Business.\n\n"
        "<details>\n<summary>More</summary>\n\n- [F](https://f.example)\n- [E](https://e.example)\n\n</details>\n"
    )
    out = _canonical(text)
    body = out[out.index("## Analytics") :]
    assert body == (
        "## Analytics\n\n_Web_\n\n- [A](https://a.example) - Web.\n- [B](https://b.example) - Web.\n\n"
        "_Business_\n\n- [C](https://c.example) - Business.\n- [D](https://d.example) - Business.\n\n"
        "<details>\n<summary>More</summary>\n\n- [E](https://e.example)\n- [F](https://f.example)\n\n</details>\n"
    )


def test_title_keeps_its_own_awesome_badge_and_gets_one_only_when_missing() -> None:
    own = (
        "[![Awesome](https://cdn.example/sindresorhus/awesome/media/badge.svg)](https://a.example)"
    )
    assert render_document(parse_document(f"# L {own}\n")).startswith(f"# L {own}\n")
    assert render_document(parse_document(f"# L\n\n{own}\n\nIntro.\n")).startswith(
        f"# L {own}\n\nIntro."
    )
    ci = "[![CI](https://ci.example/b.svg)](https://ci.example)"
    assert render_document(parse_document(f"# L {ci}\n")).startswith(
        f"# L {ci} [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
    )


def test_contents_nest_by_the_heading_tree_so_the_list_starts_flush() -> None:
    text = "# X\n\n## Tools\n\n## Files\n\n# Resources\n\n## Websites\n\n### Deep\n"
    out = _canonical(text)
    assert (
        "## Contents\n\n- [Tools](#tools)\n- [Files](#files)\n- [Resources](#resources)\n"
        "  - [Websites](#websites)\n\n"
    ) in out


def test_markup_in_titles_and_badge_labels_is_written_as_the_source_had_it() -> None:
    text = (
        "# X\n\n## Tools\n\n- [**Bold Name**](https://b.example) - Fast.\n"
        "- [`tool`](https://t.example) - Lightweight. [![OSS][OSS Icon]](https://s.example)\n"
        "- [a_b c](https://a.example) - x [![B](https://i.example/b.svg)](https://y.example)\n"
    )
    out = _canonical(text)
    assert "- [**Bold Name**](https://b.example) - Fast.\n" in out
    assert (
        "- [`tool`](https://t.example) - Lightweight. [![OSS][OSS Icon]](https://s.example)\n"
        in out
    )
    assert "[![B](https://i.example/b.svg)](https://y.example)" in out
    # in canonical order the markup does not count: a_b, Bold Name, tool
    assert out.index("[a_b c]") < out.index("[**Bold Name**]") < out.index("[`tool`]")
    # a title changed since parsing (say by lint --fix) is written escaped
    doc = parse_document(text)
    doc.sections[0].entries[0].title = "*Starred* Name"
    assert "- [\\*Starred\\* Name](https://b.example)" in render_document(doc)


def test_contents_labels_and_anchors_of_headings_with_badges() -> None:
    text = "# X\n\n## Markdown Tools [![List][icon]](https://l.example)\n\n## Other [x](https://o.example)\n"
    out = _canonical(text)
    assert "- [Markdown Tools](#markdown-tools-)\n- [Other x](#other-x)\n" in out


def test_a_badge_line_above_the_title_joins_it_and_stays_there() -> None:
    text = (
        "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
        "[![X](https://x.example/b.svg)](https://x.example)\n\n# Prod ML\n\nIntro.\n"
    )
    out = _canonical(text)
    assert out.startswith(
        "# Prod ML [![Awesome](https://awesome.re/badge.svg)](https://awesome.re) "
        "[![X](https://x.example/b.svg)](https://x.example)\n\nIntro.\n"
    )


def test_a_kept_contents_section_is_not_doubled_by_a_generated_one() -> None:
    text = "# X\n\n## Contents\n\n<details>\n\n- [Tools](#tools)\n\n## Tools\n\n- [A](https://a.example)\n"
    out = _canonical(text)
    assert out.count("## Contents") == 1 and "<details>" in out


def test_a_label_item_is_written_as_is_with_its_entries_under_it() -> None:
    text = "# X\n\n## Text\n\n* General\n    * [difflib](https://d.example) - Deltas.\n"
    out = _canonical(text)
    assert "\n- General\n  - [difflib](https://d.example) - Deltas.\n" in out


def test_front_matter_stays_at_the_top() -> None:
    text = "---\ntitle: L\n---\n\n# L\n\n## Tools\n\n- [A](https://a.example)\n"
    out = _canonical(text)
    assert out.startswith("---\ntitle: L\n---\n\n# L [![Awesome]")


def test_a_linked_content_heading_keeps_its_table_and_gets_no_second_contents() -> None:
    # GNNPapers: "## [Content](#content)" over a table of section links
    text = (
        "# Papers\n\n## [Content](#content)\n\n| Section |\n|-|\n| [Models](#models) |\n\n"
        "## [Models](#content)\n\n- [A](https://a.example) - A.\n"
    )
    out = _canonical(text)
    assert "## Contents" not in out
    assert "## [Content](#content)\n\n| Section |" in out


def test_contents_take_the_place_of_the_hand_kept_list_and_list_what_follows() -> None:
    # awesome-rl and Awesome-LLM keep their contents under a first section ("Contributing")
    text = (
        "# List\n\nIntro.\n\n## Contributing\n\nSend pull requests.\n\n"
        "## Table of Contents\n\n- [Codes](#codes)\n\n## Codes\n\n- [A](https://a.example) - A.\n"
    )
    out = _canonical(text)
    assert out.index("## Contributing") < out.index("## Contents") < out.index("## Codes")
    assert "- [Contributing](#contributing)" not in out
    assert "- [Codes](#codes)" in out
    # a contents list without one of its own still goes above the first section
    plain = render_document(parse_document("# List\n\n## A\n\n- [A](https://a.example)\n"))
    assert plain.index("## Contents") < plain.index("## A\n")


def test_no_awesome_badge_on_a_title_the_list_links_to() -> None:
    # the badge would turn the title's anchor from #papers into #papers- (RSPapers)
    linked = render_document(
        parse_document("# Papers\n\n[up](#papers)\n\n## A\n\n- [x](https://x.org)\n")
    )
    assert linked.startswith("# Papers\n")
    unlinked = render_document(
        parse_document("# Papers\n\nText.\n\n## A\n\n- [x](https://x.org)\n")
    )
    assert unlinked.startswith("# Papers [![Awesome]")


def test_a_logo_above_the_title_stays_above_it() -> None:
    text = '<div align="center"><img src="logo.png"></div>\n\n# Title\n\nText.\n\n## A\n\n- [x](https://x.org)\n'
    out = _canonical(text)
    assert out.index("<div") < out.index("# Title") < out.index("Text.")
