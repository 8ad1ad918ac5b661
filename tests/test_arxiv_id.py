"""Tests for awesome.arxiv_id: every form of identifier, generated and hand-picked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome.arxiv_id import ArxivId, ArxivIdError, arxiv_id_of_url, parse, parse_bare, parse_url

ARCHIVES = ["hep-th", "hep-ph", "astro-ph", "cond-mat", "cs", "math", "quant-ph", "gr-qc"]
SUBJECTS = ["GT", "AG", "CO", "LG", "AI"]


@st.composite
def new_style_ids(draw: st.DrawFn) -> str:
    """A valid new-style id: 4 digits after the dot 0704-1412, 5 digits from 1501."""
    year = draw(st.integers(7, 40))
    first_month = 4 if year == 7 else 1
    month = draw(st.integers(first_month, 12))
    digits = 5 if year >= 15 else 4
    number = draw(st.integers(1, 10**digits - 1))
    return f"{year:02d}{month:02d}.{number:0{digits}d}"


@st.composite
def old_style_ids(draw: st.DrawFn) -> str:
    """A valid old-style id archive(.SUBJ)/YYMMNNN between 9108 and 0703."""
    year, month = draw(
        st.one_of(
            st.tuples(st.just(91), st.integers(8, 12)),
            st.tuples(st.integers(92, 99), st.integers(1, 12)),
            st.tuples(st.integers(0, 6), st.integers(1, 12)),
            st.tuples(st.just(7), st.integers(1, 3)),
        )
    )
    archive = draw(st.sampled_from(ARCHIVES))
    subject = draw(st.one_of(st.none(), st.sampled_from(SUBJECTS)))
    prefix = f"{archive}.{subject}" if subject else archive
    return f"{prefix}/{year % 100:02d}{month:02d}{draw(st.integers(1, 999)):03d}"


ids = st.one_of(new_style_ids(), old_style_ids())
versions = st.one_of(st.none(), st.integers(1, 30))


def with_version(base: str, version: int | None) -> str:
    return base if version is None else f"{base}v{version}"


def canonical(written: str) -> str:
    """The id as arXiv names it: an old-style id loses its subject class (math.GT/ -> math/)."""
    archive, slash, number = written.partition("/")
    return f"{archive.split('.')[0]}/{number}" if slash else written


@given(ids, versions)
def test_bare_ids_round_trip(base: str, version: int | None) -> None:
    parsed = parse(with_version(base, version))
    assert parsed == ArxivId(canonical(base), version)
    assert str(parsed) == with_version(canonical(base), version)


@given(ids, versions, st.sampled_from(["arXiv:", "arxiv:", "ARXIV:", "arXiv: "]))
def test_arxiv_prefix(base: str, version: int | None, prefix: str) -> None:
    assert parse(prefix + with_version(base, version)) == ArxivId(canonical(base), version)


@given(ids, st.sampled_from(["10.48550/arXiv.", "10.48550/ARXIV.", "doi:10.48550/arXiv."]))
def test_doi_forms(base: str, prefix: str) -> None:
    assert parse(prefix + base).base == canonical(base)


@given(ids, st.sampled_from(["https://doi.org/", "http://dx.doi.org/"]))
def test_doi_urls(base: str, host: str) -> None:
    assert parse(f"{host}10.48550/arXiv.{base}").base == canonical(base)


URL_SHAPES = [
    "{scheme}://{host}/abs/{id}",
    "{scheme}://{host}/abs/{id}/",
    "{scheme}://{host}/pdf/{id}",
    "{scheme}://{host}/pdf/{id}.pdf",
    "{scheme}://{host}/html/{id}",
    "{scheme}://{host}/format/{id}",
]


@given(
    ids,
    versions,
    st.sampled_from(URL_SHAPES),
    st.sampled_from(["http", "https"]),
    st.sampled_from(["arxiv.org", "www.arxiv.org", "export.arxiv.org"]),
    st.sampled_from(["", "?context=cs.CL", "#S2", "?a=1&b=2#top"]),
)
def test_urls(
    base: str, version: int | None, shape: str, scheme: str, host: str, suffix: str
) -> None:
    url = shape.format(scheme=scheme, host=host, id=with_version(base, version)) + suffix
    assert parse(url) == ArxivId(canonical(base), version)
    assert parse_url(url) == ArxivId(canonical(base), version)
    assert arxiv_id_of_url(url) == canonical(base)


@given(ids)
def test_url_without_scheme(base: str) -> None:
    assert parse(f"arxiv.org/abs/{base}").base == canonical(base)


@given(ids, versions)
def test_parse_bare_agrees_with_parse(base: str, version: int | None) -> None:
    assert parse_bare(with_version(base, version)) == parse(with_version(base, version))


# parse_url reads the usual abs and pdf links by a shorter path than parse: same answers
@given(
    ids,
    versions,
    st.sampled_from(["http://", "https://", "https://www."]),
    st.sampled_from(["abs", "pdf"]),
    st.sampled_from(["", ".pdf", "/", ".pdf/", "?x=1"]),
)
def test_parse_url_agrees_with_parse(
    base: str, version: int | None, scheme: str, kind: str, suffix: str
) -> None:
    url = f"{scheme}arxiv.org/{kind}/{with_version(base, version)}{suffix}"
    assert parse_url(url) == parse(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2313.13712",  # no month 13
        "https://arxiv.org/abs/1412.12345",  # 2014 ids have 4 digits
        "https://arxiv.org/abs/0703.0001",  # new-style ids start in April 2007
        "https://arxiv.org/abs/2304.00000",
        "https://arxiv.org/pdf/2304.13712v0.pdf",
    ],
)
def test_parse_url_refuses_ids_that_cannot_exist(url: str) -> None:
    assert parse_url(url) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hep-th/9901001", ArxivId("hep-th/9901001")),
        ("math.GT/0309136", ArxivId("math/0309136")),
        ("math.gt/0309136v2", ArxivId("math/0309136", 2)),
        ("arXiv:math.CA/0611800v2", ArxivId("math/0611800", 2)),
        ("https://arxiv.org/abs/math.GT/0309136", ArxivId("math/0309136")),
        ("10.48550/arXiv.math/0309136", ArxivId("math/0309136")),
        ("cs/0112017", ArxivId("cs/0112017")),
        ("HEP-TH/9901001", ArxivId("hep-th/9901001")),
        ("0704.0001", ArxivId("0704.0001")),
        ("1412.9999v3", ArxivId("1412.9999", 3)),
        ("1501.00001", ArxivId("1501.00001")),
        ("2304.13712V2", ArxivId("2304.13712", 2)),
        ("  2304.13712\n", ArxivId("2304.13712")),
        ("https://arxiv.org/abs/hep-th/9901001v1", ArxivId("hep-th/9901001", 1)),
        ("https://arxiv.org/pdf/2106.09685v2.pdf", ArxivId("2106.09685", 2)),
        ("https://arxiv.org/html/2304.13712v2#S3", ArxivId("2304.13712", 2)),
        ("http://export.arxiv.org/abs/2304.13712?fmt=txt", ArxivId("2304.13712")),
        ("https://doi.org/10.48550/arXiv.2304.13712", ArxivId("2304.13712")),
    ],
)
def test_known_forms(text: str, expected: ArxivId) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2304.1371", "5 digits"),
        ("1412.12345", "4 digits"),
        ("0703.0001", "April 2007"),
        ("2313.13712", "month 13"),
        ("2304.00000", "starts at 1"),
        ("2304.13712v0", "v1"),
        ("hep-th/0704001", "March 2007"),
        ("hep-th/9107001", "August 1991"),
        ("https://arxiv.org/abs/2304.1371", "5 digits"),
    ],
)
def test_near_misses_explain_the_expected_form(text: str, reason: str) -> None:
    with pytest.raises(ArxivIdError) as caught:
        parse(text)
    assert reason in str(caught.value)
    assert "expected an arXiv id such as" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2304",
        "2304.137123",
        "hep-th/99010011",
        "https://example.org/abs/2304.13712",
        "https://arxiv.org/list/cs.CL/recent",
        "ftp://arxiv.org/abs/2304.13712",
        "https://github.com/hep-th/9901001",
        "10.1000/arXiv.2304.13712",
    ],
)
def test_not_ids(text: str) -> None:
    with pytest.raises(ArxivIdError, match="expected an arXiv id such as"):
        parse(text)
    assert parse_bare(text) is None


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        found = parse(text)
    except ArxivIdError as error:
        assert "not an arXiv identifier" in str(error)
    else:
        assert parse(str(found)) == found


def test_other_urls_have_no_id() -> None:
    assert arxiv_id_of_url("https://github.com/huggingface/peft") is None
    assert arxiv_id_of_url("http://[::1") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://doi.org/2304.13712",
        "https://doi.org/arXiv:2304.13712",
        "https://doi.org/hep-th/9901001",
        "https://doi.org/10.1145/2304.13712",
    ],
)
def test_a_doi_url_is_an_arxiv_id_only_under_arxivs_prefix(url: str) -> None:
    assert parse_url(url) is None
    assert arxiv_id_of_url(url) is None


def test_abs_url_and_style() -> None:
    assert parse("2304.13712v2").abs_url == "https://arxiv.org/abs/2304.13712"
    assert parse("hep-th/9901001").is_old_style
    assert not parse("2304.13712").is_old_style


_URL_PIECES = st.lists(
    st.sampled_from(
        ["http", "HTTPS", "ftp", "git+ssh", ":", "//", "/", "arxiv.org", "ArXiv.Org", "www.",
         "abs", "pdf", "1706.03762", "v2", ".pdf", "?", "#", "=", "@", ":8080", "%2F", " ",
         "\t", "\\", "[", "]", "é", "-", "_", "x"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@given(_URL_PIECES)
def test_quick_url_split_agrees_with_urlsplit(url: str) -> None:
    from urllib.parse import unquote, urlsplit

    from awesome.arxiv_id import _scheme_host_path

    try:
        parts = urlsplit(url)
    except ValueError:
        assert _scheme_host_path(url) is None
        return
    expected = (parts.scheme.lower(), (parts.hostname or "").lower(), unquote(parts.path))
    assert _scheme_host_path(url) == expected
