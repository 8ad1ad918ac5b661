"""awesome.urlkeys: when two links point at the same page."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from awesome.urlkeys import normalize_url, paper_url_key, parsed_paper_url_key, strip_tracking


def test_normalize_url_drops_scheme_www_case_slash_and_trackers() -> None:
    assert normalize_url("HTTP://WWW.Example.org/a/?fbclid=1#x") == "example.org/a#x"
    assert normalize_url("https://example.org/a?b=1&utm_medium=2") == "example.org/a?b=1"
    assert normalize_url("https://youtube.com/watch?v=x&si=share") == "youtube.com/watch?v=x"
    assert normalize_url("https://example.com:8080/a") == "example.com:8080/a"


def test_host_trackers_hold_on_subdomains_only() -> None:
    assert (
        strip_tracking("https://m.youtube.com/watch?v=x&si=a") == "https://m.youtube.com/watch?v=x"
    )
    # "si" means something elsewhere, a host whose name merely ends the same included
    assert (
        strip_tracking("https://notyoutube.com/w?v=x&si=a") == "https://notyoutube.com/w?v=x&si=a"
    )


def test_a_port_that_is_no_port_is_compared_as_written() -> None:
    # urlsplit only fails when .port is read: this once crashed awesome lint and awesome diff
    assert normalize_url("http://a.org:abc/x") == "http://a.org:abc/x"
    assert paper_url_key("https://b.org:99999/x") == "https://b.org:99999/x"
    assert paper_url_key("https://b.org:99999/x") != paper_url_key("https://b.org:99998/x")


# ordinary parameter names (hypothesis once drew "mc_cid", a Mailchimp tracker the rule rightly drops)
_NAME = st.sampled_from(["page", "q", "id", "lang", "sort", "v", "tab", "ref_type"])
_VALUE = st.text(alphabet="abcXYZ0123456789-._~%", max_size=8)
_PARAMS = st.lists(
    st.tuples(st.one_of(_NAME, st.sampled_from(["utm_source", "fbclid", "gclid"])), _VALUE),
    max_size=6,
)


@given(path=st.text(alphabet="abc/-_.0123456789", max_size=20), params=_PARAMS, fragment=_VALUE)
def test_strip_tracking_keeps_every_other_parameter_in_order(
    path: str, params: list[tuple[str, str]], fragment: str
) -> None:
    query = "&".join(f"{name}={value}" for name, value in params)
    url = (
        f"https://example.org/{path}"
        + (f"?{query}" if query else "")
        + (f"#{fragment}" if fragment else "")
    )
    cleaned = strip_tracking(url)
    kept = [f"{n}={v}" for n, v in params if not (n.startswith("utm_") or n in ("fbclid", "gclid"))]
    assert cleaned.split("#")[0].partition("?")[2] == "&".join(kept)
    assert strip_tracking(cleaned) == cleaned
    assert cleaned.endswith(f"#{fragment}") or not fragment


@given(path=st.text(alphabet="abc/-_0123456789", max_size=20))
def test_normalize_url_ignores_scheme_www_host_case_and_trailing_slash(path: str) -> None:
    base = normalize_url(f"https://example.org/{path}")
    assert normalize_url(f"http://WWW.Example.ORG/{path}/") == base
    assert normalize_url(base) == base


def test_landing_page_and_pdf_of_one_paper_are_one_url() -> None:
    pairs = [
        ("https://openreview.net/forum?id=r1xMH1BtvB", "https://openreview.net/pdf?id=r1xMH1BtvB"),
        ("https://aclanthology.org/N19-1423/", "https://aclanthology.org/N19-1423.pdf"),
        ("https://www.aclweb.org/anthology/N19-1423.pdf", "https://aclanthology.org/N19-1423"),
        (
            "https://proceedings.mlr.press/v139/zhao21c.html",
            "http://proceedings.mlr.press/v139/zhao21c/zhao21c.pdf",
        ),
        (
            "https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html",
            "https://papers.nips.cc/paper_files/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf",
        ),
        ("https://github.com/org/repo", "https://GitHub.com/org/repo#readme"),
    ]
    for left, right in pairs:
        assert paper_url_key(left) == paper_url_key(right), (left, right)
    different = [
        ("https://openreview.net/forum?id=A", "https://openreview.net/forum?id=B"),
        ("https://aclanthology.org/2022.acl-long.1/", "https://aclanthology.org/2022.acl-long.10/"),
        (
            "https://proceedings.mlr.press/v139/a21.html",
            "https://proceedings.mlr.press/v139/b21.html",
        ),
        ("https://example.org/app#/a", "https://example.org/app#/b"),
    ]
    for left, right in different:
        assert paper_url_key(left) != paper_url_key(right), (left, right)


# URL pieces that sit on either side of paper_url_key's shortcut for plain URLs: scheme and host case, www.,
# ports, users, queries, fragments, trailing slashes, spaces, non-ASCII, proceedings sites.
_URL_PIECES = st.sampled_from(
    [
        "https://",
        "http://",
        "HTTPS://",
        "ftp://",
        "www.",
        "WWW.",
        "a.org",
        "A.org",
        "github.com",
        "openreview.net",
        "aclanthology.org",
        "proceedings.mlr.press",
        "papers.nips.cc",
        "/",
        "/forum",
        "?id=x",
        "#frag",
        "#/route",
        ":80",
        ":8080",
        ":99999",
        "u@",
        "%41",
        " ",
        "\t",
        "_",
        "~",
        "-",
        ".",
        "é",
        "[",
        "]",
        "\\",
        "pdf",
        "v1",
        ".pdf",
        "utm_source=z",
        "&",
        ";",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_URL_PIECES, max_size=8).map("".join))
@example("https://github.com/org/repo")
@example("https://github.com/org/repo/")
@example("https://www.github.com/org/repo//")
@example("https://www./")
@example("http://www.www.x/a/")
@example("https://aclanthology.org/2020.acl-main.1.pdf")
def test_the_plain_url_shortcut_agrees_with_parsing(url: str) -> None:
    assert paper_url_key(url) == parsed_paper_url_key(url)
