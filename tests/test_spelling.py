"""The spelling matcher, and its prefilter that picks the lines worth a full check."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome.rules.spelling import prose_only
from awesome.spelling import FOLDS_TO_ASCII, SpellingMatcher, matcher, product_names

# Pieces that make forms appear, glue them to neighbours or break them across lines.
_PIECES = st.sampled_from(
    [
        "GitHub", "github", "Git Hub", "git\thub", "Git\nHub", "gITlAB", "Git", "Py Torch",
        "pytorch", "Mac OS X", "mac os", "os x", "OSX", "Node.js", "nodejs", "node js",
        "scikit-learn", "sklearn", "Open AI", "openai", "LLaMA", "llama", "Llama Index",
        "K", "\u212a", "\u212aubernetes", "ubernetes", "\u0130", "Gİthub", "ſklearn", "ü", "x", "1", "_", "@", "/", ".", "-",
        " ", "  ", "\n", "`", "(", ")", "[", "]", "<b>", "</b>", "https://", "www.", "é",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=30).map("".join)


def _lines_with_findings(spell: SpellingMatcher, text: str, mask: bool) -> set[int]:
    lines = text.split("\n")
    return {
        index
        for index, line in enumerate(lines)
        if list(spell.find(prose_only(line) if mask else line))
    }


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_prefilter_keeps_every_line_with_a_finding(text: str) -> None:
    spell = matcher()
    candidates = spell.candidate_lines(text.split("\n"))
    assert _lines_with_findings(spell, text, mask=False) <= candidates
    assert _lines_with_findings(spell, text, mask=True) <= candidates


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_prefilter_with_configured_pairs(text: str) -> None:
    spell = SpellingMatcher(product_names(), {"gİt lab": "GitLab", "ſk": "SK", "x": "X"})
    assert _lines_with_findings(spell, text, mask=False) <= spell.candidate_lines(text.split("\n"))


def test_prefilter_skips_lines_without_a_standalone_form() -> None:
    text = "\n".join(
        [
            "- [A](https://github.com/a/b) - Plain words only.",  # 0: form only inside a URL
            "Trained in Pytorch.",  # 1
            "A path like src/pytorch or the handle @openai.",  # 2: glued on the left
            "Mac",  # 3: the start of a two-word form, cut by the line break
            "OS X and Pythonic.",  # 4
        ]
    )
    assert matcher().candidate_lines(text.split("\n")) == {1, 4}


def test_unicode_case_rules_are_kept_on_lines_beyond_ascii() -> None:
    """The Kelvin sign matches 'k' when case is ignored; the quick path must not drop it."""
    lines = ["Plain line.", "Runs on \u212aubernetes clusters."]
    assert matcher().candidate_lines(lines) == {1}
    assert [m.right for m in matcher().find(lines[1])] == ["Kubernetes"]


def test_found_misspellings_carry_their_column() -> None:
    found = list(matcher().find("Built on Pytorch and Git Hub."))
    assert [(m.found, m.right, m.column) for m in found] == [
        ("Pytorch", "PyTorch", 10),
        ("Git Hub", "GitHub", 22),
    ]


def _found(spell: SpellingMatcher, text: str) -> list[tuple[str, str, int]]:
    return [(m.found, m.right, m.column) for m in spell.find(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_trie_finds_what_every_form_longest_first_finds(text: str) -> None:
    """The shipped names are ASCII, so they are matched by a trie; one configured form
    beyond ASCII puts every form in an alternation, longest first: both find the same."""
    lines = text.split("\n")
    trie, alternation = matcher(), SpellingMatcher(product_names(), {"ünïcode": "Ünïcode"})
    for line in lines:
        assert _found(trie, line) == [f for f in _found(alternation, line) if f[1] != "Ünïcode"]


def test_only_four_characters_beyond_ascii_fold_into_it() -> None:
    """The prefilter searches again only the lines holding one of these (see FOLDS_TO_ASCII)."""
    ascii_class = re.compile("[" + re.escape("".join(map(chr, range(128)))) + "]", re.IGNORECASE)
    folding = [chr(c) for c in range(128, sys.maxunicode + 1) if ascii_class.fullmatch(chr(c))]
    assert "".join(folding) == FOLDS_TO_ASCII
