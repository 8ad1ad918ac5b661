"""arXiv identifiers: recognise every form and normalise to the bare id (no version).

Forms understood (case-insensitive where arXiv is):

* new style ``YYMM.NNNN`` (April 2007 to December 2014) and ``YYMM.NNNNN`` (2015 on);
* old style ``archive(.SUBJ)/YYMMNNN`` (August 1991 to March 2007), e.g. ``hep-th/9901001``,
  ``math.GT/0309136``, ``cs/0112017``; the subject class is not part of the identifier (arXiv's
  preferred form of ``math.GT/0309136`` is ``math/0309136``, and the API answers with that), so it
  is dropped;
* either with a version suffix ``v2``, an ``arXiv:`` prefix, or as the DOI
  ``10.48550/arXiv.ID`` (optionally ``doi:`` or a doi.org URL);
* arxiv.org URLs: abs, pdf (with or without ``.pdf``), html, format, ps, on arxiv.org,
  www.arxiv.org or export.arxiv.org, http or https, with any query or fragment.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from awesome.errors import AwesomeError

_NEW = r"(?P<new>(?P<yymm>\d{4})\.(?P<num>\d{4,5}))"
_OLD = (
    r"(?P<old>(?P<archive>[a-z]+(?:-[a-z]+)*)(?:\.(?P<subj>[a-z]{2}))?"
    r"/(?P<oldyymm>\d{4})(?P<oldnum>\d{3}))"
)
_VERSION = r"(?:v(?P<version>\d+))?"
_ID = re.compile(rf"^(?:{_NEW}|{_OLD}){_VERSION}$", re.IGNORECASE)
_PREFIX = re.compile(r"^(?:arxiv:\s*|(?:doi:\s*)?10\.48550/arxiv\.)", re.IGNORECASE)
_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org", "xxx.lanl.gov"}
_PATH = re.compile(r"^/(?:abs|pdf|html|format|ps)/(?P<id>.+?)(?:\.pdf)?/?$", re.IGNORECASE)
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
# A URL that ``urlsplit`` would take apart in the obvious way (see _scheme_host_path).
_PLAIN_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://([A-Za-z0-9.\-]*)(/[^?#%\s\\]*)?(?=[?#]|$)")

# The usual link, https://arxiv.org/abs/2304.13712 or https://arxiv.org/pdf/2304.13712v2.pdf,
# read without splitting the URL (see parse_url); any other form takes the general path.
_COMMON_URL = re.compile(
    r"https?://(?:www\.)?arxiv\.org/(?:abs|pdf)/(?P<yymm>\d{4})\.(?P<num>\d{4,5})"
    r"(?:v(?P<version>[1-9]\d*))?(?:\.pdf)?/?"
)

# The eras of the numbering schemes, as YYMM strings comparable within one century.
_NEW_FIRST = "0704"
_FIVE_DIGITS_FIRST = "1501"
_OLD_FIRST = "9108"
_OLD_LAST = "0703"

EXPECTED_FORMS = (
    "expected an arXiv id such as 2304.13712, 2304.13712v2, arXiv:2304.13712, "
    "hep-th/9901001, 10.48550/arXiv.2304.13712 or an arxiv.org URL"
)


class ArxivIdError(AwesomeError):
    """A string is not an arXiv identifier in any known form."""


@dataclass(frozen=True)
class ArxivId:
    """A parsed identifier: ``base`` without version, ``version`` if one was given."""

    base: str
    version: int | None = None

    def __str__(self) -> str:
        return self.base if self.version is None else f"{self.base}v{self.version}"

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self.base}"

    @property
    def is_old_style(self) -> bool:
        return "/" in self.base


def _month_ok(yymm: str) -> bool:
    return 1 <= int(yymm[2:]) <= 12


def _new_style_problem(yymm: str, num: str) -> str | None:
    """Why a ``YYMM.NUM`` id cannot exist, or None when it can."""
    if not _month_ok(yymm):
        return f"month {yymm[2:]} does not exist"
    if yymm < _NEW_FIRST:
        return (
            "ids of the form YYMM.NNNN start in April 2007 (0704); "
            "older ones look like hep-th/9901001"
        )
    digits = 5 if yymm >= _FIVE_DIGITS_FIRST else 4
    if len(num) != digits:
        era = "from January 2015 on" if digits == 5 else "from April 2007 to December 2014"
        return f"ids {era} have {digits} digits after the dot"
    if int(num) == 0:
        return "the number after the dot starts at 1"
    return None


def _old_in_era(yymm: str) -> bool:
    # two-digit years: 91-99 are the 1900s, 00-07 the 2000s
    return yymm >= _OLD_FIRST or yymm <= _OLD_LAST


def _old_style_problem(yymm: str, num: str) -> str | None:
    if not _month_ok(yymm):
        return f"month {yymm[2:]} does not exist"
    if not _old_in_era(yymm):
        return "ids of the form archive/YYMMNNN run from August 1991 (9108) to March 2007 (0703)"
    if int(num) == 0:
        return "the number starts at 001"
    return None


def _match_bare(text: str) -> tuple[ArxivId | None, str | None]:
    """(id, None) when ``text`` is a valid id; (None, reason) when it is a near miss."""
    candidate = _PREFIX.sub("", text.strip())
    match = _ID.match(candidate)
    if match is None:
        return None, None
    version = match.group("version")
    if version is not None and int(version) == 0:
        return None, "versions start at v1"
    if match.group("new"):
        problem = _new_style_problem(match.group("yymm"), match.group("num"))
        base = match.group("new")
    else:
        problem = _old_style_problem(match.group("oldyymm"), match.group("oldnum"))
        # the subject class only repeats the primary category; without it, the id is the one
        # arXiv's API, abs pages and DOIs use, so both spellings name the same paper
        base = f"{match.group('archive').lower()}/{match.group('oldyymm')}{match.group('oldnum')}"
    if problem is not None:
        return None, problem
    return ArxivId(base, int(version) if version else None), None


def parse_bare(text: str) -> ArxivId | None:
    """Parse an id with optional ``arXiv:``/DOI prefix and version; None if not an id."""
    return _match_bare(text)[0]


def _scheme_host_path(url: str) -> tuple[str, str, str] | None:
    """(scheme, host, path) as ``urlsplit`` gives them, lower-cased host, path unquoted."""
    plain = _PLAIN_URL.match(url)
    if plain is not None:  # the usual link: no port, login, escapes or odd characters
        return plain.group(1).lower(), plain.group(2).lower(), plain.group(3) or ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts.scheme.lower(), (parts.hostname or "").lower(), unquote(parts.path)


def _url_candidate(url: str) -> str | None:
    """The id part of an arXiv or DOI URL (not yet validated), or None for other URLs."""
    split = _scheme_host_path(url.strip())
    if split is None:
        return None
    scheme, host, path = split
    if scheme not in ("http", "https"):
        return None
    if host in _HOSTS:
        match = _PATH.match(path)
        return match.group("id") if match else None
    if host in _DOI_HOSTS:
        # only arXiv's own DOIs: doi.org/2304.13712 is no DOI, and another DOI is another paper
        doi = path.lstrip("/")
        return doi if doi.lower().startswith("10.48550/arxiv.") else None
    return None


@functools.lru_cache(maxsize=1 << 17)
def parse_url(url: str) -> ArxivId | None:
    """The arXiv id a URL points at (abs, pdf, html, export, DOI), or None.

    Cached (ids are immutable): the parser and several lint rules ask about the same
    links of a list, and URL splitting is the slow part.
    """
    common = _COMMON_URL.fullmatch(url)
    if common is not None:  # a third of the general path's time, and the same answer
        yymm, num, version = common.groups()  # the three groups, in order
        if _new_style_problem(yymm, num) is None:
            return ArxivId(f"{yymm}.{num}", int(version) if version else None)
    candidate = _url_candidate(url)
    return parse_bare(candidate) if candidate is not None else None


def parse(text: str) -> ArxivId:
    """Parse any form of arXiv identifier or URL; raise :class:`ArxivIdError` if none."""
    text = text.strip()
    found, problem = _match_bare(text)
    if found is None and problem is None:
        candidate = _url_candidate(text if "://" in text else f"https://{text}")
        if candidate is not None:
            found, problem = _match_bare(candidate)
    if found is not None:
        return found
    reason = f": {problem}" if problem else ""
    raise ArxivIdError(f"not an arXiv identifier: {text!r}{reason} ({EXPECTED_FORMS})")


def arxiv_id_of_url(url: str) -> str | None:
    """The version-less id of an arXiv URL, or None for any other URL."""
    lowered = url.lower()
    # cheap test first: most links of a list are not arXiv links, and URL splitting is slow
    if "arxiv" not in lowered and "xxx.lanl.gov" not in lowered:
        return None
    found = parse_url(url)
    return found.base if found else None
