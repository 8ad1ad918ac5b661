"""url-https, arxiv-url, url-tracking, url-whitespace."""

from __future__ import annotations

from awesome.rules.urls import (
    ARXIV_URL,
    URL_HTTPS,
    URL_TRACKING,
    URL_WHITESPACE,
    any_arxiv_id,
    canonical_arxiv_url,
    https_url,
    mirror_arxiv_id,
)
from awesome.urlkeys import strip_tracking
from tests.rule_support import apply_fixes, lines_of, lint


def test_http_to_a_host_that_serves_https() -> None:
    body = (
        "- [Calibrate Before Use](http://proceedings.mlr.press/v139/zhao21c.html) - ICML 2021.\n"
        "- [ShareGPT](http://sharegpt.com/) - Conversations.\n"
        '\n<td><a href="http://www.github.com/org/repo">Repo</a></td>\n'
    )
    findings = lint(URL_HTTPS, body)
    assert lines_of(findings) == [5, 8]
    fixed = apply_fixes(body, findings)
    assert "(https://proceedings.mlr.press/v139/zhao21c.html)" in fixed
    assert 'href="https://www.github.com/org/repo"' in fixed
    assert "(http://sharegpt.com/)" in fixed  # not known to serve https: left alone
    assert lint(URL_HTTPS, fixed) == []


def test_https_links_are_fine() -> None:
    assert lint(URL_HTTPS, "- [A](https://github.com/a/b) - Repo.\n") == []


def test_a_badge_image_and_its_target_are_two_urls() -> None:
    """``[![alt](image)](target)``: each URL is found on its own, neither runs into the other."""
    body = "[![Paper](http://github.com/org/repo/actions/workflows/ci.yml/badge.svg)](http://arxiv.org/pdf/2307.09288v2)\n"
    https = lint(URL_HTTPS, body)
    assert [f.message for f in https] == [
        "use https: https://github.com/org/repo/actions/workflows/ci.yml/badge.svg"
    ]
    arxiv = lint(ARXIV_URL, body)
    assert [f.message.split()[-1] for f in arxiv] == ["https://arxiv.org/abs/2307.09288"]
    fixed = apply_fixes(apply_fixes(body, https), lint(ARXIV_URL, apply_fixes(body, https)))
    assert fixed.endswith(
        "[![Paper](https://github.com/org/repo/actions/workflows/ci.yml/badge.svg)](https://arxiv.org/abs/2307.09288)\n"
    )


def test_arxiv_pdf_versioned_and_export_links_become_abs() -> None:
    body = (
        "- [Llama 2](https://arxiv.org/pdf/2307.09288) - 2023.\n"
        "- [Gopher](http://arxiv.org/abs/2112.11446v2) - 2021.\n"
        "- [Detecting](https://arxiv.org/pdf/2303.07205.pdf) - 2023. [Mirror](https://export.arxiv.org/abs/2303.07205)\n"
        "- [LoRA](https://arxiv.org/abs/2106.09685) - 2021.\n"
    )
    findings = lint(ARXIV_URL, body)
    # one finding per line; its fix rewrites both arXiv links of line 7
    assert lines_of(findings) == [5, 6, 7]
    assert findings[2].message.endswith("(and 1 more arXiv link(s) on this line)")
    fixed = apply_fixes(body, findings)
    assert fixed.splitlines()[0] == "- [Llama 2](https://arxiv.org/abs/2307.09288) - 2023."
    assert "(https://arxiv.org/abs/2112.11446)" in fixed
    assert fixed.count("https://arxiv.org/abs/2303.07205") == 2
    assert lint(ARXIV_URL, fixed) == []
    # the http arXiv link is arxiv-url's alone, so two fixes never fight over one span
    assert lint(URL_HTTPS, body) == []


def test_tracking_parameters_are_removed() -> None:
    body = (
        "- [License](https://github.com/o/r/blob/main/LICENSE.md?fbclid=IwAR1) - Text.\n"
        "- [Post](https://example.org/p?id=3&utm_source=tw&utm_medium=social#top) - Text.\n"
        "- [Search](https://example.org/s?q=llm) - Text.\n"
    )
    findings = lint(URL_TRACKING, body)
    assert lines_of(findings) == [5, 6]
    fixed = apply_fixes(body, findings)
    assert "(https://github.com/o/r/blob/main/LICENSE.md)" in fixed
    assert "(https://example.org/p?id=3#top)" in fixed


def test_whitespace_in_a_link_destination() -> None:
    body = '- [Blog](https://example.org/my post) - Text.\n- [Ok](https://example.org/a "A title") - Text.\n'
    findings = lint(URL_WHITESPACE, body)
    assert lines_of(findings) == [5]
    assert findings[0].severity == "error"
    assert "(https://example.org/my%20post)" in apply_fixes(body, findings)


def test_a_title_is_dropped_only_when_the_destination_ends_in_a_quoted_one() -> None:
    # the title search runs only on destinations ending in a quote (spaces after it aside)
    body = (
        "- [A](http://github.com/a/it's) - Apostrophe, no title.\n"
        "- [B](http://github.com/b 'B title'  ) - Title, then spaces.\n"
        '- [C](http://github.com/c "C") - Title.\n'
        "- [D](http://github.com/d) - Plain.\n"
    )
    findings = lint(URL_HTTPS, body)
    assert [finding.message.removeprefix("use https: ") for finding in findings] == [
        "https://github.com/a/it's",
        "https://github.com/b",
        "https://github.com/c",
        "https://github.com/d",
    ]
    fixed = apply_fixes(body, findings)
    assert "(https://github.com/b 'B title'  )" in fixed
    assert '(https://github.com/c "C")' in fixed


def test_each_url_form_is_found_only_with_its_marker() -> None:
    # attributes need "=", autolinks "<", definitions "]:": lines without them are skipped
    body = (
        "<p><a href='http://github.com/h'>H</a></p>\n"
        "\n"
        "See <http://github.com/auto> too.\n"
        "\n"
        "[ref]: http://github.com/def\n"
    )
    messages = [finding.message for finding in lint(URL_HTTPS, body)]
    assert [message.rsplit("/", 1)[1] for message in messages] == ["h", "auto", "def"]


def test_urls_in_fenced_code_are_ignored() -> None:
    body = "```\n[x](http://github.com/a?utm_source=1)\n```\n"
    for rule in (URL_HTTPS, ARXIV_URL, URL_TRACKING, URL_WHITESPACE):
        assert lint(rule, body) == []


def test_url_helpers() -> None:
    assert https_url("http://aclanthology.org/x") == "https://aclanthology.org/x"
    assert https_url("http://sub.openai.com/x") == "https://sub.openai.com/x"
    assert https_url("http://notopenai.com/x") is None
    assert canonical_arxiv_url("https://arxiv.org/abs/2106.09685") is None
    assert (
        canonical_arxiv_url("https://arxiv.org/abs/2106.09685v3")
        == "https://arxiv.org/abs/2106.09685"
    )
    assert strip_tracking("https://a.org/?gclid=1") == "https://a.org/"


def test_mirror_page_as_an_entry_link_becomes_abs_but_not_as_an_extra_link() -> None:
    body = (
        "- [Scaling Laws](https://ar5iv.labs.arxiv.org/html/2001.08361) - 2020.\n"
        "- [Chinchilla](https://huggingface.co/papers/2203.15556v1) - 2022.\n"
        "- [LoRA](https://www.alphaxiv.org/abs/2106.09685) - 2021.\n"
        "- [GPT-4](https://arxiv.org/abs/2303.08774) - 2023. [HF](https://huggingface.co/papers/2303.08774)\n"
        "- [Papers page](https://huggingface.co/papers) - Daily papers.\n"
    )
    findings = lint(ARXIV_URL, body)
    assert lines_of(findings) == [5, 6, 7]
    fixed = apply_fixes(body, findings)
    assert "[Scaling Laws](https://arxiv.org/abs/2001.08361)" in fixed
    assert "[Chinchilla](https://arxiv.org/abs/2203.15556)" in fixed
    assert "[LoRA](https://arxiv.org/abs/2106.09685)" in fixed
    assert "[HF](https://huggingface.co/papers/2303.08774)" in fixed
    assert lint(ARXIV_URL, fixed) == []


def test_mirror_and_any_arxiv_id() -> None:
    assert str(mirror_arxiv_id("https://ar5iv.org/html/2001.08361v3")) == "2001.08361v3"
    assert mirror_arxiv_id("https://hf.co/papers/2001.08361") is not None
    assert mirror_arxiv_id("https://huggingface.co/papers/not-an-id") is None
    assert mirror_arxiv_id("https://huggingface.co/models/2001.08361") is None
    assert mirror_arxiv_id("https://arxiv.org/abs/2001.08361") is None
    assert any_arxiv_id("https://arxiv.org/pdf/2001.08361v2.pdf") == "2001.08361"
    assert any_arxiv_id("https://www.alphaxiv.org/abs/2001.08361") == "2001.08361"
    assert any_arxiv_id("https://github.com/org/repo") is None


def test_reference_definitions_are_checked_but_not_fixed_in_place() -> None:
    body = (
        "- [GPT-4 Technical Report][gpt4] - OpenAI, 2023.\n\n"
        "[gpt4]: https://arxiv.org/pdf/2303.08774.pdf\n"
        '[blog]: http://github.com/o/r "The repository"\n'
        "[ok]: https://arxiv.org/abs/2303.08774\n"
    )
    arxiv = lint(ARXIV_URL, body)
    assert lines_of(arxiv) == [7] and arxiv[0].fix is None
    assert "https://arxiv.org/abs/2303.08774" in arxiv[0].message
    assert lines_of(lint(URL_HTTPS, body)) == [8]


# --- arXiv links outside entries: tables, prose, links labelled pdf ----------------------------


def test_a_table_row_gets_one_finding_whose_fix_rewrites_every_arxiv_link() -> None:
    body = (
        "| Model | Paper | Data |\n| --- | --- | --- |\n"
        "| PaLM | [PaLM](https://arxiv.org/pdf/2204.02311.pdf) | [The Pile](http://arxiv.org/abs/2101.00027v1) |\n"
    )
    findings = lint(ARXIV_URL, body)
    assert lines_of(findings) == [7] and findings[0].severity == "warning"
    fixed = apply_fixes(body, findings)
    assert fixed.splitlines()[2] == (
        "| PaLM | [PaLM](https://arxiv.org/abs/2204.02311)"
        " | [The Pile](https://arxiv.org/abs/2101.00027) |"
    )
    assert lint(ARXIV_URL, fixed) == []


def test_a_pdf_link_in_prose_is_reported_with_a_fix() -> None:
    body = "The survey behind this list is [on arXiv](https://arxiv.org/pdf/2304.13712), with [its code](https://github.com/o/r).\n"
    findings = lint(ARXIV_URL, body)
    assert lines_of(findings) == [5]
    assert "(https://arxiv.org/abs/2304.13712)" in apply_fixes(body, findings)


def test_a_link_labelled_pdf_beside_the_paper_link_stays_a_pdf_link() -> None:
    body = (
        "- [Scaling Laws for Neural Language Models](https://arxiv.org/abs/2001.08361) - 2020."
        " [pdf](https://arxiv.org/pdf/2001.08361.pdf)\n"
        "- [LoRA](https://example.org/lora) - 2021. [[pdf]](http://arxiv.org/pdf/2106.09685)\n"
        "\n| Paper | Files |\n| --- | --- |\n| GPT-3 | [PDF](https://arxiv.org/pdf/2005.14165v4) |\n"
    )
    findings = lint(ARXIV_URL, body)
    # rewriting to the abstract page would make the label wrong: only http is reported
    assert lines_of(findings) == [6]
    assert "the pdf on arxiv.org: https://arxiv.org/pdf/2106.09685" in findings[0].message
    fixed = apply_fixes(body, findings)
    assert "[[pdf]](https://arxiv.org/pdf/2106.09685)" in fixed
    assert lint(ARXIV_URL, fixed) == []


def test_a_pdf_labelled_link_that_is_the_entrys_own_link_becomes_abs() -> None:
    # "[[pdf](url)]" after a bold title is the entry's paper link: canonical form writes
    # "[Title](url)" and drops the label, so it links the abstract page like any other
    body = "1. **Scaling Laws for Neural Language Models**. 2020. [[pdf](https://arxiv.org/pdf/2001.08361.pdf)]\n"
    findings = lint(ARXIV_URL, body)
    assert lines_of(findings) == [5]
    assert "[[pdf](https://arxiv.org/abs/2001.08361)]" in apply_fixes(body, findings)


def test_a_fence_inside_a_list_item_is_code_for_the_url_rules_too() -> None:
    body = (
        "- [Tool](https://tool.example) - A tool.\n\n"
        "    ```sh\n"
        "    see <http://github.com/org/repo>\n"
        "    ```\n"
    )
    assert lint(URL_HTTPS, body) == []
    assert lines_of(lint(URL_HTTPS, body.replace("    ```sh\n", "").replace("    ```\n", ""))) == [
        7
    ]
