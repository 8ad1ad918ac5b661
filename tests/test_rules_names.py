"""venue-spelling and typo: findings, fixes, and what is never touched."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from awesome.model import Document
from awesome.parser import parse_document
from awesome.rules.names import (
    _VENUE_YEAR,
    TYPO,
    VENUE_SPELLING,
    _pattern,
    _venue_forms,
    _venue_year_pattern,
    canonical_venue,
    check_venue_spelling,
    find_misspellings,
    full_year,
    name_lines,
    typo_table,
)
from tests.rule_support import HEAD, apply_fixes, context_for, lines_of, lint


def parse(body: str) -> Document:
    return parse_document(HEAD + body)


def test_venue_misspellings_are_fixed_in_place() -> None:
    body = (
        "- **Deep RL from Human Preferences**, NIPS 2017 [Paper](https://arxiv.org/abs/1706.03741)\n"
        "- **Image as a Foreign Language**, Arixv 2022 [Paper](https://arxiv.org/abs/2208.10442)\n"
        "- **Want To Reduce Labeling Cost?**, EMNLP findings 2021 [Paper](https://aclanthology.org/x)\n"
        "- [Carbon intensity](https://dl.acm.org/doi/abs/10.1145/3531146.3533234) - FaccT 2022.\n"
    )
    findings = lint(VENUE_SPELLING, body)
    assert lines_of(findings) == [5, 6, 7, 8]
    assert findings[0].column == body.splitlines()[0].index("NIPS") + 1
    fixed = apply_fixes(body, findings)
    assert "NeurIPS 2017" in fixed and "arXiv 2022" in fixed
    assert "Findings of EMNLP 2021" in fixed and "FAccT 2022" in fixed
    assert "https://arxiv.org/abs/2208.10442" in fixed  # the URL is untouched
    assert lint(VENUE_SPELLING, fixed) == []


def test_lowercase_arxiv_venue_is_fixed_but_not_inside_its_url() -> None:
    body = "- [A Paper](https://arxiv.org/abs/2208.10442) - arxiv 2022.\n"
    findings = lint(VENUE_SPELLING, body)
    assert (
        apply_fixes(body, findings)
        == "- [A Paper](https://arxiv.org/abs/2208.10442) - arXiv 2022.\n"
    )


def test_correct_venues_are_not_reported() -> None:
    body = (
        "- [A](https://example.org/a) - NeurIPS 2020.\n"
        "- [B](https://example.org/b) - Findings of ACL 2023.\n"
        "- [C](https://example.org/c) - Nature Machine Intelligence 2020.\n"
    )
    assert lint(VENUE_SPELLING, body) == []


def test_canonical_venue() -> None:
    assert canonical_venue("Iclr") == "ICLR"
    assert canonical_venue("EMNLP findings") == "Findings of EMNLP"
    assert canonical_venue("Review of Communication Research") == "Review of Communication Research"


def test_typos_in_headings_entries_and_html_but_not_code() -> None:
    body = (
        "#### Alignment Efforts of Open-source Communtity\n\n"
        "- **How stereotypes are shared: the aocial categories**, 2019 [Paper](https://example.org/a)\n\n"
        "<td><b>Other noteable restrictions</b></td>\n\n"
        "```\nCommuntity\n```\n"
    )
    findings = lint(TYPO, body)
    assert lines_of(findings) == [5, 7, 9]
    fixed = apply_fixes(body, findings)
    assert "Open-source Community" in fixed and "the social categories" in fixed
    assert "Other notable restrictions" in fixed and "```\nCommuntity\n```" in fixed


def test_typo_table_fixes_to_itself() -> None:
    table = typo_table()
    assert table["Communtity"] == "Community"
    for right in table.values():
        assert [m.wrong for m in find_misspellings(right, table)] == []


def test_lower_case_acronyms_but_not_names() -> None:
    body = "- **Constitutional ai: Harmlessness from ai feedback**, 2022 [Paper](https://arxiv.org/abs/2212.08073)\n- **A Study**, 2022. *Ai Han et al.* [Paper](https://example.org/a)\n"
    findings = lint(TYPO, body)
    assert [(f.line, f.column) for f in findings] == [(5, 20), (5, 42)]
    assert "Constitutional AI: Harmlessness from AI feedback" in apply_fixes(body, findings)


def test_venue_with_a_short_or_glued_year_is_written_out() -> None:
    body = (
        "- [ELECTRA](https://openreview.net/forum?id=r1xMH1BtvB) - Clark et al., ICLR'20.\n"
        "- [Calibrate](https://proceedings.mlr.press/v139/zhao21c.html) - ICML2021.\n"
        "- [RLHF](https://arxiv.org/abs/1706.03741) - Christiano et al., NIPS\u201917.\n"
        "- [Old](https://example.org/old) - Neurips'98 proceedings.\n"
        "- [Fine](https://example.org/fine) - ICLR 2020.\n"
        "- [Also fine](https://example.org/ICLR2020) - Read at ICLR2020x and iclr.cc.\n"
        "- [EMNLP-2022-papers](https://github.com/o/EMNLP-2022-papers) - Accepted papers.\n"
    )
    findings = list(
        check_venue_spelling(parse(body), context_for(HEAD + body), lambda: date(2026, 1, 1))
    )
    assert lines_of(findings) == [5, 6, 7, 8]
    assert "'ICLR'20' are written 'ICLR 2020'" in findings[0].message
    fixed = apply_fixes(body, findings)
    assert "Clark et al., ICLR 2020." in fixed and "- ICML 2021." in fixed
    assert "Christiano et al., NeurIPS 2017." in fixed and "NeurIPS 1998 proceedings" in fixed
    assert parse(fixed).sections[0].entries[0].venue == "ICLR"


def test_two_digit_years() -> None:
    assert full_year("23", 2026) == 2023
    assert full_year("27", 2026) == 2027
    assert full_year("98", 2026) == 1998


# Pieces that make typos and venue-year forms appear, glue them to neighbours or break them.
_NAME_PIECES = st.sampled_from(
    [
        "Communtity", "communtity", "COMMUNTITY", "el al.", "el  al.", "Fine-tunning", "ICLR", "iclr",
        "NeurIPS", "NIPS", "Arixv", "EMNLP findings", "ACL  findings", "FAT*", "'23", "’21", "`19", "2021", "-2020",
        "_1999", "18", "\u212a", "\u0130", "é", "x", "_", "@", "/", ".", "-", " ", "\n", "`", "[", "](",
        ")", "https://",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=25).map("".join))
def test_one_scan_finds_every_line_a_typo_or_venue_year_stands_on(text: str) -> None:
    """The shared pass must keep each line that the typo and venue-year patterns match."""
    lines = text.split("\n")
    typos = _pattern(tuple(sorted(typo_table().items())))
    venue_years = _venue_year_pattern()
    wanted = {i for i, line in enumerate(lines) if typos.search(line) or venue_years.search(line)}
    assert wanted <= name_lines(context_for(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=25).map("".join))
@example("ACL  findings2021, EMNLP findings'23, Findings of EMNLP 2022, neurips2020")
def test_venue_years_are_found_as_by_every_venue_longest_first(text: str) -> None:
    """The venues are matched by a trie; an alternation of them, longest first, is the rule."""
    forms = sorted(_venue_forms(), key=len, reverse=True)
    alternation = "|".join(re.escape(form) for form in forms)
    reference = re.compile(rf"(?<![\w./@-])(?P<venue>{alternation}){_VENUE_YEAR}", re.IGNORECASE)

    def found(pattern: re.Pattern[str]) -> list[tuple[int, str, str]]:
        return [(m.start(), m.group("venue"), m.group(0)) for m in pattern.finditer(text)]

    assert found(_venue_year_pattern()) == found(reference)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=25).map("".join))
@example("el al. Fine-tunning fine-tunning COMMUNTITY Communtity")
def test_typos_are_found_as_by_every_form_longest_first(text: str) -> None:
    """The typos are matched by a trie; an alternation of them, longest first, is the rule."""
    table = typo_table()
    alternation = "|".join(re.escape(form) for form in sorted(table, key=len, reverse=True))
    reference = re.compile(rf"(?<![\w./@-])(?:{alternation})(?!\w|[.@/]\w)")
    expected = [(m.start(), m.end(), m.group(0)) for m in reference.finditer(text)]
    found = [(m.start, m.end, m.wrong) for m in find_misspellings(text, table)]
    assert found == expected
