"""Hosts checked through their APIs instead of their pages: arXiv, DOI and GitHub.

arXiv pages throttle scrapers and DOI resolvers bounce through publishers with bot walls,
while their APIs answer exactly the question "does this exist". Each function here reads
one API answer; the requests are made by the scheduler (per-host limits apply to the API
hosts too). arXiv links are looked up in batches by the shared arXiv client
(:mod:`awesome.links.arxiv_api`); here they are only recognised.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from awesome.arxiv_id import ArxivId, parse_url
from awesome.links.verdict import Verdict

_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
_GITHUB_HOSTS = {"github.com", "www.github.com"}
# First path segments on github.com that are site pages, not users or organisations.
_GITHUB_RESERVED = {
    "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events",
    "explore", "features", "login", "marketplace", "new", "notifications", "orgs",
    "organizations", "pricing", "pulls", "issues", "search", "security", "settings",
    "site", "sponsors", "topics", "trending", "users",
}  # fmt: skip


@dataclass(frozen=True)
class ApiVerdict:
    """An API's answer about one link: verdict, reason, and a new URL when it moved."""

    verdict: Verdict
    reason: str
    final_url: str | None = None
    note: str | None = None


# --- recognising links ---------------------------------------------------------------

# Every host the recognisers below accept (arXiv's, the DOI resolvers, GitHub) contains
# one of these; the hostname is part of the URL as written, only its case may differ
# (and urlsplit drops tabs and line breaks, which could join a name).
_SPECIAL_MARKS = ("arxiv", "xxx.lanl.gov", "doi", "github", "\t", "\n", "\r")


def maybe_special(url: str) -> bool:
    """False when no recogniser can match ``url``: a cheap test before three URL splits."""
    lowered = url.lower()
    return any(mark in lowered for mark in _SPECIAL_MARKS)


def arxiv_id(url: str) -> ArxivId | None:
    """The arXiv id (with its version, if any) of an arxiv.org or arXiv DOI link."""
    return parse_url(url)


def doi_of_url(url: str) -> str | None:
    """The DOI of a doi.org link, or None."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() not in _DOI_HOSTS:
        return None
    doi = unquote(parts.path).lstrip("/")
    return doi if doi.startswith("10.") and "/" in doi else None


def github_repo(url: str) -> tuple[str, str] | None:
    """``(owner, repo)`` of a link to a repository's front page on github.com, or None."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() not in _GITHUB_HOSTS or parts.query:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) != 2 or segments[0].lower() in _GITHUB_RESERVED:
        return None
    owner, repo = segments
    repo = repo.removesuffix(".git")
    return (owner, repo) if owner and repo else None


# --- DOI ------------------------------------------------------------------------------


def doi_query_url(api_url: str, doi: str) -> str:
    return f"{api_url.rstrip('/')}/{quote(doi, safe='/')}"


def doi_verdict(status: int | None, body: bytes) -> ApiVerdict | None:
    """The handle API's answer: responseCode 1 exists, 100 does not; None when unclear."""
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
        code = data.get("responseCode") if isinstance(data, dict) else None
    except ValueError:
        code = None
    if code in (1, 200):  # 200: the handle exists but has no values of the asked type
        return ApiVerdict(Verdict.OK, "DOI is registered")
    if code == 100 or status == 404:
        return ApiVerdict(Verdict.DEAD, "DOI is not registered")
    return None


# --- GitHub ---------------------------------------------------------------------------


def github_query_url(api_url: str, owner: str, repo: str) -> str:
    return f"{api_url.rstrip('/')}/repos/{quote(owner)}/{quote(repo)}"


def host_key_matches(url: str, api_url: str) -> bool:
    """Whether ``url`` is on the API's scheme, host and port (tokens go nowhere else)."""
    first, second = urlsplit(url), urlsplit(api_url)
    return (first.scheme, first.netloc.lower()) == (second.scheme, second.netloc.lower())


def github_rate_limited(status: int | None, headers: Mapping[str, str]) -> bool:
    """A 429, or a 403 saying the hourly allowance is spent (``headers`` case-insensitive)."""
    if status == 429:
        return True
    return status == 403 and headers.get("x-ratelimit-remaining") == "0"


def github_verdict(owner: str, repo: str, status: int | None, body: bytes) -> ApiVerdict | None:
    """The repository API's answer about ``owner/repo``; None when it is not conclusive."""
    if status == 404:
        return ApiVerdict(Verdict.DEAD, "GitHub repository not found")
    if status != 200:
        return None
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("full_name"), str):
        return None
    full_name: str = data["full_name"]
    archived = bool(data.get("archived"))
    note = "archived repository" if archived else None
    if full_name.lower() != f"{owner}/{repo}".lower():
        new_url = f"https://github.com/{full_name}"
        moved_note = f"repository moved to {full_name}" + (" (archived)" if archived else "")
        return ApiVerdict(Verdict.OK, "GitHub repository exists", new_url, moved_note)
    return ApiVerdict(Verdict.OK, "GitHub repository exists", None, note)
