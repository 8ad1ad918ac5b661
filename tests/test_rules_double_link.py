"""The same URL linked twice."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from hypothesis import example, given
from hypothesis import strategies as st

from awesome.rules.double_link import normalize
from tests.rule_support import TITLE, lines_of, run_rule

TWICE = TITLE + (
    "- [BERT](https://arxiv.org/abs/1810.04805) - Encoder.\n"
    "- [GPT](https://openai.com/gpt) - Decoder.\n"
    "- [BERT again](http://arxiv.org/abs/1810.04805/) - Same paper.\n"
)


def test_duplicates_are_reported_at_every_place() -> None:
    found = run_rule(TWICE, "double-link")
    assert lines_of(found) == [3, 5]
    assert "also line 5" in found[0].message


def test_links_in_descriptions_do_not_count() -> None:
    text = TITLE + (
        "- [A](https://a.example) - Built on [lib](https://lib.example).\n"
        "- [B](https://b.example) - Fork of [lib](https://lib.example).\n"
    )
    assert run_rule(text, "double-link") == []


def test_allowed_duplicates_by_url_or_switch() -> None:
    assert (
        run_rule(TWICE, "double-link", allowed_duplicate_urls=["https://arxiv.org/abs/1810.04805"])
        == []
    )
    assert run_rule(TWICE, "double-link", allow_duplicates=True) == []


def test_normalize_keeps_fragments_and_other_schemes() -> None:
    assert normalize("http://Example.com/") == normalize("https://example.com")
    assert normalize("https://x.example/#a") != normalize("https://x.example/#b")
    assert normalize("javascript:void(0)") == "javascript:void(0)"


def test_prose_links_to_a_section_are_not_duplicates_but_repeated_items_are() -> None:
    text = TITLE + (
        "See [the models](#models) first.\n\n"
        "- [Models](#models)\n\n"
        "## Models\n\nBack to [the models](#models).\n"
    )
    assert run_rule(text, "double-link") == []
    twice = text.replace("- [Models](#models)\n", "- [Models](#models)\n- [Same](#models)\n")
    assert lines_of(run_rule(twice, "double-link")) == [5, 6]


_URLS = st.lists(
    st.sampled_from(
        ["http", "HTTPS", "ftp", "://", "/", "A.Example", "x", "?", "#", "=", "&", ":80",
         "@", "[", "]", " ", "\t", "\\", "%20", "é", "-", "."]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(_URLS)
@example("https://A.example/x/?#")
@example("https://a.example?q#f/")
def test_quick_normalize_agrees_with_urlsplit(url: str) -> None:
    stripped = url.strip().strip("<>")
    try:
        parts = urlsplit(stripped)
    except ValueError:
        return
    if parts.scheme.lower() not in ("http", "https"):
        assert normalize(url) == stripped
        return
    expected = urlunsplit(
        ("https", parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment)
    )
    assert normalize(url) == expected


def test_placeholders_and_back_to_top_items_are_navigation() -> None:
    text = TITLE + (
        "## Contents\n\n- [A](#a)\n\n## A\n\n- [x](https://x.example) - X.\n"
        "- [⬆ back to top](#contents)\n- [Soon](#)\n\n"
        "**[`^ back to top ^`](#)**\n\n## B\n\n- [Later](#)\n- [Back to top](#contents)\n\n"
        "[⬆ back to top](#contents)\n"
    )
    assert run_rule(text, "double-link") == []
    entries = text.replace("- [Soon](#)", "- [Intro](#b)").replace("- [Later](#)", "- [Again](#b)")
    assert lines_of(run_rule(entries, "double-link")) == [11, 17]


def test_a_url_linked_many_times_names_ten_other_lines_and_counts_the_rest() -> None:
    items = "".join(f"- [Item {n}](https://same.example) - Item.\n" for n in range(15))
    found = run_rule(TITLE + items, "double-link")
    assert len(found) == 15
    first, last = found[0], found[-1]
    others = [str(line) for line in lines_of(found) if line != first.line][:10]
    assert first.message.endswith(f"(also line {', '.join(others)} and 4 more)")
    assert f"also line {first.line}, " in last.message and last.message.endswith(" and 4 more)")
