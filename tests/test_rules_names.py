"""venue-spelling, product-spelling, typo: findings, fixes, and what is never touched."""

# ruff: noqa: E501  (sample list lines are long by nature)

from __future__ import annotations

from awesome.config import Config, LintConfig
from awesome.data.spelling import PRODUCTS, TYPOS, VENUES
from awesome.rules.names import (
    PRODUCT_SPELLING,
    TYPO,
    VENUE_SPELLING,
    canonical_venue,
    find_misspellings,
)
from tests.rule_support import apply_fixes, lines_of, lint


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


def test_product_names_in_titles_and_descriptions() -> None:
    body = (
        "- **Openai’s gpt-3 language model: A technical overview**, 2020. [Blog](https://lambdalabs.com/x)\n"
        "- [Is chatgpt a good translator?](https://arxiv.org/abs/2301.08745) - 2023. Code on Github.\n"
        "- **OpenAssitant**. [Repo](https://github.com/LAION-AI/Open-Assistant)\n"
    )
    findings = lint(PRODUCT_SPELLING, body)
    assert [(f.line, f.message.split("'")[1]) for f in findings] == [
        (5, "Openai"),
        (5, "gpt-3"),
        (6, "chatgpt"),
        (6, "Github"),
        (7, "OpenAssitant"),
    ]
    fixed = apply_fixes(body, findings)
    assert "OpenAI’s GPT-3" in fixed and "Is ChatGPT a" in fixed and "on GitHub." in fixed
    assert "(https://github.com/LAION-AI/Open-Assistant)" in fixed
    assert lint(PRODUCT_SPELLING, fixed) == []


def test_product_names_are_never_changed_inside_urls_or_code() -> None:
    body = (
        "- [GitHub](https://github.com/openai/gpt-3) - Use `pytorch` from www.github.com/pytorch.\n"
    )
    assert lint(PRODUCT_SPELLING, body) == []


def test_configured_spelling_pairs_are_added() -> None:
    body = "- [A Tool](https://example.org/a) - Built on Jax.\n"
    assert lint(PRODUCT_SPELLING, body) == []
    config = Config(lint=LintConfig(spelling={"Jax": "JAX"}))
    findings = lint(PRODUCT_SPELLING, body, config=config)
    assert apply_fixes(body, findings) == "- [A Tool](https://example.org/a) - Built on JAX.\n"


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


def test_tables_do_not_overlap_and_fix_to_themselves() -> None:
    assert not set(PRODUCTS) & set(TYPOS)
    for table in (PRODUCTS, VENUES, TYPOS):
        for right in table.values():
            assert [m.wrong for m in find_misspellings(right, table)] == []
