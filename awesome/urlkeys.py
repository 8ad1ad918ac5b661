"""Comparison keys for URLs: what two links must share to point at the same page.

Shared by the URL lint rules (tracking parameters), duplicate-entry (the same paper
linked twice) and ``awesome diff`` (matching an entry whose link changed form), so
that all three agree on when two links are one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

# Query parameters that only track where a click came from.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ref_src",
        "ref_url",
        "trk",
        "spm",
    }
)
_TRACKING_PREFIXES = ("utm_",)

# Parameters that track only on some hosts (elsewhere ``s`` or ``source`` may mean something):
# share links of YouTube and X carry a sharer id, Medium adds where the reader came from.
HOST_TRACKING_PARAMS: dict[str, frozenset[str]] = {
    "youtube.com": frozenset({"si", "feature"}),
    "youtu.be": frozenset({"si", "feature"}),
    "twitter.com": frozenset({"s", "t"}),
    "x.com": frozenset({"s", "t"}),
    "medium.com": frozenset({"source"}),
    "linkedin.com": frozenset({"trackingid"}),
    "spotify.com": frozenset({"si"}),
}

# Landing page and pdf of one paper on proceedings sites: one key for both.
_ACL_ID = re.compile(r"^/(?:anthology/)?(?P<id>[A-Za-z0-9.\-]+?)(?:v\d+)?(?:\.pdf)?/?$")
_PMLR = re.compile(r"^/(?P<volume>v\d+)/(?P<name>[\w\-]+?)(?:\.html|/(?P=name)\.pdf)?/?$")
_PAPER_SITES = (
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "mlr.press",
    "nips.cc",
    "neurips.cc",
)
_PAPER_SITE = re.compile("|".join(re.escape(site) for site in _PAPER_SITES))
_NEURIPS_HASH = re.compile(r"/(?:hash|file)/(?P<hash>[0-9a-f]{32})-")


def _is_tracking(pair: str, local: frozenset[str]) -> bool:
    name = pair.split("=", 1)[0].lower()
    return name in TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES) or name in local


def domains_of(host: str) -> Iterator[str]:
    """``host`` and each parent domain of it down to two labels: a.b.example.org,
    b.example.org, example.org (for tables keyed by domain, whose subdomains count too)."""
    parts = host.split(".")
    for i in range(len(parts) - 1):
        yield ".".join(parts[i:])


def _host_tracking(base: str) -> frozenset[str]:
    """The tracking parameters particular to the URL's host (or a parent domain of it)."""
    try:
        host = (urlsplit(base).hostname or "").lower()
    except ValueError:
        return frozenset()
    for domain in domains_of(host):
        found = HOST_TRACKING_PARAMS.get(domain)
        if found is not None:
            return found
    return frozenset()


def strip_tracking(url: str) -> str:
    """``url`` without tracking parameters; the rest of it is kept byte for byte."""
    head, hash_mark, fragment = url.partition("#")
    base, question, query = head.partition("?")
    if not question:
        return url
    local = _host_tracking(base)
    pairs = re.split(r"[&;]", query)
    kept = [pair for pair in pairs if pair and not _is_tracking(pair, local)]
    rebuilt = base + ("?" + "&".join(kept) if kept else "")
    return rebuilt + hash_mark + fragment


def normalize_url(url: str) -> str:
    """A comparison key: no scheme, lower-case host without www., no tracking, no trailing /."""
    url = strip_tracking(url.strip())
    try:
        parts = urlsplit(url)
        number = parts.port  # raises for a port that is no number or out of range
    except ValueError:
        return url
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{number}" if number and number not in (80, 443) else ""
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{host}{port}{path}{query}{fragment}"


# A plain "https://host/path": lower-case ASCII host without port or user, no query,
# fragment, space or control character. Its key is "host/path" (no "www.", no trailing
# slash) unless it is on a proceedings site: most links of a list, keyed without a split
# or parse.
_PLAIN_URL = re.compile(r"https?://(?P<key>[a-z0-9.\-]+(?:/[\w!$&'()*+,\-./:;=@~%]*)?)", re.ASCII)


def paper_url_key(url: str) -> str:
    """A comparison key under which a paper's landing page and its pdf coincide.

    On top of :func:`normalize_url`: OpenReview ``forum`` and ``pdf`` pages of one
    id, an ACL Anthology page and its ``.pdf``, a PMLR page and its pdf, NeurIPS
    proceedings ``Abstract`` and ``Paper`` files of one hash. A fragment points
    into the same page, so it is dropped (except ``#/`` and ``#!`` routes).
    """
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None:
        key = plain.group("key").removeprefix("www.").rstrip("/")
        if not _PAPER_SITE.search(key):
            return key
    return parsed_paper_url_key(url)


def parsed_paper_url_key(url: str) -> str:
    """:func:`paper_url_key` without its shortcut for plain URLs (every URL split and parsed)."""
    key = normalize_url(url)
    head, _, fragment = key.partition("#")
    if not fragment.startswith(("/", "!")):
        key = head
    if not _PAPER_SITE.search(key):
        return key  # most links are elsewhere: no second split
    try:
        parts = urlsplit("//" + key)
    except ValueError:
        return key
    host, path = parts.hostname or "", parts.path
    if host == "openreview.net" and path in ("/forum", "/pdf"):
        ids = [value for name, value in parse_qsl(parts.query) if name == "id"]
        return f"openreview:{ids[0]}" if ids else key
    if host in ("aclanthology.org", "aclweb.org"):
        match = _ACL_ID.match(path)
        return f"acl:{match.group('id')}" if match else key
    if host == "proceedings.mlr.press":
        match = _PMLR.match(path)
        return f"pmlr:{match.group('volume')}/{match.group('name')}" if match else key
    if host in ("proceedings.neurips.cc", "papers.nips.cc", "papers.neurips.cc"):
        found = _NEURIPS_HASH.search(path)
        return f"neurips:{found.group('hash')}" if found else key
    return key
