"""arXiv identifiers: recognise every form and normalise to the bare id (no version)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from awesome.errors import AwesomeError

_NEW = r"(?P<new>(?P<yymm>\d{4})\.(?P<num>\d{4,5}))"
_OLD = r"(?P<old>(?P<archive>[a-z]+(?:-[a-z]+)*)(?:\.(?P<subj>[A-Z]{2}))?/(?P<oldnum>\d{7}))"
_VERSION = r"(?:v(?P<version>\d+))?"
_ID = re.compile(rf"^(?:{_NEW}|{_OLD}){_VERSION}$")
_PREFIX = re.compile(r"^(?:arxiv:|10\.48550/arxiv\.)", re.IGNORECASE)
_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org", "xxx.lanl.gov"}
_PATH = re.compile(r"^/(?:abs|pdf|html|format|ps)/(?P<id>.+?)(?:\.pdf)?/?$")
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}

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


def _valid_new_style(yymm: str, num: str) -> bool:
    month = int(yymm[2:])
    if not 1 <= month <= 12 or yymm < "0704":
        return False
    # four-digit numbers ran from April 2007 to December 2014, five-digit ones since
    return len(num) == (5 if yymm >= "1501" else 4)


def parse_bare(text: str) -> ArxivId | None:
    """Parse an id with optional ``arXiv:``/DOI prefix and version; None if not an id."""
    candidate = _PREFIX.sub("", text.strip())
    match = _ID.match(candidate)
    if match is None:
        return None
    if match.group("new") and not _valid_new_style(match.group("yymm"), match.group("num")):
        return None
    base = match.group("new") or match.group("old")
    version = match.group("version")
    return ArxivId(base, int(version) if version else None)


def parse_url(url: str) -> ArxivId | None:
    """The arXiv id a URL points at (abs, pdf, html, export, DOI), or None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    if host in _HOSTS:
        match = _PATH.match(path)
        return parse_bare(match.group("id")) if match else None
    if host in _DOI_HOSTS:
        return parse_bare(path.lstrip("/"))
    return None


def parse(text: str) -> ArxivId:
    """Parse any form of arXiv identifier or URL; raise :class:`ArxivIdError` if none."""
    text = text.strip()
    found = parse_bare(text)
    if found is None:
        found = parse_url(text if "://" in text else f"https://{text}")
    if found is None:
        raise ArxivIdError(f"not an arXiv identifier: {text!r} ({EXPECTED_FORMS})")
    return found


def arxiv_id_of_url(url: str) -> str | None:
    """The version-less id of an arXiv URL, or None for any other URL."""
    lowered = url.lower()
    # cheap test first: most links of a list are not arXiv links, and URL splitting is slow
    if "arxiv" not in lowered and "xxx.lanl.gov" not in lowered:
        return None
    found = parse_url(url)
    return found.base if found else None
