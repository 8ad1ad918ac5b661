"""URL hygiene: https where the host serves it, canonical arXiv links, no tracking, no spaces.

The rules read URLs from the source lines (Markdown link destinations, HTML
``href``/``src`` attributes and autolinks) so that every fix names the exact
text to replace, tables and paragraphs included. Fenced code is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from typing import NamedTuple
from urllib.parse import urlsplit

from awesome.arxiv_id import ArxivId, parse_bare, parse_url
from awesome.inline import InlineLink, find_links
from awesome.model import Document, Entry
from awesome.rules._source import outside_fences, span_fix, walk_entries
from awesome.rules.base import Finding, Fix, LintContext, Rule
from awesome.urlkeys import domains_of, strip_tracking

# Hosts known to serve the same pages over https (a subdomain of one counts too).
HTTPS_HOSTS = frozenset(
    {
        "aclanthology.org",
        "aclweb.org",
        "jmlr.org",
        "aaai.org",
        "ijcai.org",
        "thecvf.com",
        "ecva.net",
        "mlsys.org",
        "neurips.cc",
        "icml.cc",
        "iclr.cc",
        "acm.org",
        "sciencedirect.com",
        "pnas.org",
        "researchgate.net",
        "distill.pub",
        "kaggle.com",
        "lmsys.org",
        "eleuther.ai",
        "together.xyz",
        "databricks.com",
        "stability.ai",
        "mistral.ai",
        "blog.google",
        "deepmind.google",
        "arxiv.org",
        "openreview.net",
        "proceedings.mlr.press",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "dl.acm.org",
        "doi.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "nature.com",
        "science.org",
        "semanticscholar.org",
        "paperswithcode.com",
        "github.com",
        "github.io",
        "githubusercontent.com",
        "gitlab.com",
        "huggingface.co",
        "openai.com",
        "anthropic.com",
        "google.com",
        "youtube.com",
        "twitter.com",
        "x.com",
        "medium.com",
        "wikipedia.org",
        "pypi.org",
        "readthedocs.io",
        "microsoft.com",
        "deepmind.com",
        "notion.site",
    }
)

# Sites that show an arXiv paper under its id: HTML renderings, discussion pages.
# host -> path pattern holding the id. They are the same paper as arxiv.org/abs/ID.
ARXIV_MIRRORS: dict[str, re.Pattern[str]] = {
    host: re.compile(pattern, re.IGNORECASE)
    for host, pattern in {
        "ar5iv.labs.arxiv.org": r"^/(?:html|abs)/(?P<id>.+?)/?$",
        "ar5iv.org": r"^/(?:html|abs)/(?P<id>.+?)/?$",
        "alphaxiv.org": r"^/(?:abs|overview|pdf)/(?P<id>.+?)(?:\.pdf)?/?$",
        "huggingface.co": r"^/papers/(?P<id>.+?)/?$",
        "hf.co": r"^/papers/(?P<id>.+?)/?$",
        "arxiv-vanity.com": r"^/papers/(?P<id>.+?)/?$",
        "browse.arxiv.org": r"^/(?:abs|pdf|html)/(?P<id>.+?)(?:\.pdf)?/?$",
    }.items()
}

_HTML_URL = re.compile(r"""\b(?:href|src)\s*=\s*(?P<q>["'])(?P<url>.*?)(?P=q)""", re.IGNORECASE)
_AUTOLINK = re.compile(r"<(?P<url>https?://[^>]*)>")
# a reference definition: "[1]: https://arxiv.org/pdf/2303.08774.pdf" (an optional title after it)
_DEFINITION = re.compile(
    r"""^ {0,3}\[[^\]]+\]:[ \t]*<?(?P<url>[^\s<>]+)>?(?:[ \t]+["'(].*)?[ \t]*$"""
)
_SPACE = re.compile(r"\s")
_LINK_TITLE = re.compile(r"""\s+(?:"[^"]*"|'[^']*')\s*$""")
# "[pdf]", "[[PDF]]", "Paper (pdf)": the author links the pdf on purpose.
_PDF_LABEL = re.compile(r"\bpdf\b", re.IGNORECASE)


class SourceUrl(NamedTuple):
    """A URL found on a source line; ``start``/``end`` index the line text.

    ``outer_start``/``outer_end`` span the whole construct that holds the URL (the
    Markdown link, the HTML attribute, the autolink): fixes replace all of it, so
    the engine's nothing-lost check sees a link replaced, not a target dropped.
    """

    line: int
    url: str
    start: int
    end: int
    outer_start: int
    outer_end: int
    definition: bool = False
    """A reference definition (``[1]: url``): reported, but not fixed in place, because
    the engine's nothing-lost check cannot see a definition as a link on its own."""
    label: str = ""
    """The label of a Markdown link (``pdf`` in ``[pdf](url)``); empty for other forms."""


def _destination(text: str, opening: int, closing: int) -> tuple[int, int] | None:
    """The span of a link destination between its parentheses, spaces kept, title dropped."""
    inner = text[opening + 1 : closing]
    if inner.lstrip().startswith("<"):
        return None
    # a title ends in a quote (spaces after it aside): most destinations have none, and
    # this test is far cheaper than the backtracking search
    title = _LINK_TITLE.search(inner) if inner.rstrip().endswith(('"', "'")) else None
    end = opening + 1 + (title.start() if title else len(inner))
    return (opening + 1, end) if end > opening + 1 else None


def _markdown_urls(
    found: list[SourceUrl], number: int, text: str, links: Iterable[InlineLink], offset: int
) -> None:
    """Add to ``found`` the destinations of ``links`` (found at ``offset`` of ``text``) and
    of the links inside their labels: the image of a badge, ``[![alt](image)](target)``."""
    for link in links:
        label_start = offset + link.start + (2 if link.image else 1)
        opening = label_start + len(link.label) + 1  # the "(" after the label's "]"
        span = _destination(text, opening, offset + link.end - 1)
        if span is not None:
            start, end = span
            outer_start, outer_end = offset + link.start, offset + link.end
            url = text[start:end]
            found.append(
                SourceUrl(number, url, start, end, outer_start, outer_end, label=link.label)
            )
        if "](" in link.label:
            _markdown_urls(found, number, text, find_links(link.label), label_start)


def _add_urls_of_line(found: list[SourceUrl], number: int, text: str) -> None:
    # Each form needs a marker (a Markdown link "](", an attribute "=", an autolink "<",
    # a definition "]:"): a substring test skips the scans that cannot match, same output.
    if "](" in text:
        _markdown_urls(found, number, text, find_links(text), 0)
    for pattern, marker in ((_HTML_URL, "="), (_AUTOLINK, "<")):
        if marker not in text:
            continue
        for match in pattern.finditer(text):
            start, end = match.start("url"), match.end("url")
            found.append(
                SourceUrl(number, match.group("url"), start, end, match.start(), match.end())
            )
    definition = _DEFINITION.match(text) if "]:" in text else None
    if definition:
        start, end = definition.start("url"), definition.end("url")
        url = definition.group("url")
        found.append(SourceUrl(number, url, start, end, start, end, definition=True))


def source_urls(context: LintContext) -> list[SourceUrl]:
    """Every URL written in the source outside fenced code, in line order.

    Computed once per lint run and shared by the four URL rules.
    """
    cached = context.cache.get("source_urls")
    if isinstance(cached, list):
        return cached
    # one list filled in place: a chain of generators per line costs more than the scan
    found: list[SourceUrl] = []
    for number, text in outside_fences(context.lines):
        if "](" in text or "=" in text or "<" in text or "]:" in text:
            _add_urls_of_line(found, number, text)
    context.cache["source_urls"] = found
    return found


def _host_serves_https(host: str) -> bool:
    return any(domain in HTTPS_HOSTS for domain in domains_of(host.lower().removeprefix("www.")))


def https_url(url: str) -> str | None:
    """The https form of an http URL whose host serves https, else None."""
    if url[:7].lower() != "http://" or parse_url(url) is not None:
        return None  # arXiv paper links are rewritten whole by arxiv-url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return "https://" + url[len("http://") :] if _host_serves_https(host) else None


def canonical_arxiv_url(url: str) -> str | None:
    """``https://arxiv.org/abs/ID`` for any other form of arXiv paper URL, else None."""
    if "arxiv" not in url.lower() and "doi.org" not in url.lower():
        return None
    found = parse_url(url)
    if found is None:
        return None
    canonical = found.abs_url
    return canonical if url != canonical else None


def mirror_arxiv_id(url: str) -> ArxivId | None:
    """The arXiv id of a mirror page (ar5iv, alphaXiv, Hugging Face papers, ...), else None."""
    lowered = url.lower()
    # cheap test first: most links are not mirror pages (an "or" chain: no generator per URL)
    if not (
        "ar5iv" in lowered
        or "alphaxiv" in lowered
        or "/papers/" in lowered
        or "browse.arxiv" in lowered
    ):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    pattern = ARXIV_MIRRORS.get(host)
    match = pattern.match(parts.path) if pattern else None
    return parse_bare(match.group("id")) if match else None


def any_arxiv_id(url: str) -> str | None:
    """The version-less arXiv id of an arXiv URL in any form or of a mirror page, else None."""
    lowered = url.lower()
    if "arxiv" in lowered or "doi.org" in lowered or "xxx.lanl.gov" in lowered:
        found = parse_url(url)
        if found is not None:
            return found.base
    mirrored = mirror_arxiv_id(url)
    return mirrored.base if mirrored else None


def own_arxiv_id(entry: Entry) -> str | None:
    """The version-less arXiv id of the paper an entry's own link shows: an arXiv URL in
    any form, or a mirror page (ar5iv, alphaXiv, Hugging Face papers); else None."""
    url = entry.url
    if not url:
        return None
    # the parser's id came from the first arXiv link, the entry's own link first: when that
    # link holds the id it is that paper's page, and needs no second parse (most entries)
    if entry.arxiv_id and entry.arxiv_id in url and "arxiv" in url.lower():
        return entry.arxiv_id
    return any_arxiv_id(url)


def _url_fix(context: LintContext, found: SourceUrl, better: str) -> Fix:
    """Replace ``found``'s URL by ``better``, the whole construct holding it spanned."""
    text = context.lines[found.line - 1]
    around = text[found.outer_start : found.start] + better + text[found.end : found.outer_end]
    return span_fix(found.line, text, found.outer_start, found.outer_end, around)


def _check_each(
    context: LintContext, rule: Rule, fixed: Callable[[str], str | None], message: str
) -> Iterator[Finding]:
    for found in source_urls(context):
        better = fixed(found.url)
        if better is None or better == found.url:
            continue
        fix = None if found.definition else _url_fix(context, found, better)
        yield rule.finding(
            message.format(url=found.url, better=better), found.line, found.start + 1, fix
        )


def check_https(document: Document, context: LintContext) -> Iterable[Finding]:
    return _check_each(context, URL_HTTPS, https_url, "use https: {better}")


def _primary_urls(document: Document) -> set[tuple[int, str]]:
    """(line, url) of every entry's own link: the only place a mirror page stands for a paper."""
    return {(entry.line, entry.url) for _, entry in walk_entries(document) if entry.url}


def pdf_labelled(label: str) -> bool:
    """Does a link's label say it is the pdf (``[pdf]``, ``[[PDF]]``)?"""
    return bool(label) and _PDF_LABEL.search(label) is not None


def arxiv_pdf_url(url: str) -> str | None:
    """``https://arxiv.org/pdf/...`` for an arXiv pdf link that is not already that, else None.

    A link labelled pdf is meant to open the pdf: rewriting it to the abstract page
    would make its label wrong, so only the scheme and host are made canonical.
    """
    if parse_url(url) is None:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    if not path.startswith("/pdf/"):
        return canonical_arxiv_url(url)  # a [pdf] label on an abstract page: link it as usual
    wanted = "https://arxiv.org" + path
    return wanted if wanted != url else None


def _arxiv_better(found: SourceUrl, primary: Callable[[], set[tuple[int, str]]]) -> str | None:
    if "arxiv" not in found.url.lower() and "doi.org" not in found.url.lower():
        return None  # cheap test first: most links are elsewhere
    # an entry's own link loses its label in canonical form ("[Title](url)"), so a
    # "[[pdf](url)]" that is the entry's paper link is linked like any other
    if pdf_labelled(found.label) and (found.line, found.url.strip()) not in primary():
        return arxiv_pdf_url(found.url)
    return canonical_arxiv_url(found.url)


def _line_fix(text: str, line: int, group: list[tuple[SourceUrl, str]]) -> Fix | None:
    """One fix rewriting every arXiv link of ``group`` (one source line, left to right)."""
    if any(found.definition for found, _ in group):
        return None
    start, end = group[0][0].outer_start, group[-1][0].outer_end
    pieces: list[str] = []
    at, closed = start, start
    for found, better in group:
        if found.outer_start < closed:
            return None  # nested constructs: the engine's second round fixes the rest
        pieces += [text[at : found.start], better]
        at, closed = found.end, found.outer_end
    pieces.append(text[at:end])
    return span_fix(line, text, start, end, "".join(pieces))


def check_arxiv_url(document: Document, context: LintContext) -> Iterable[Finding]:
    """One finding per line (a table row may hold several), its fix rewriting them all."""
    primary: list[set[tuple[int, str]]] = []

    def primary_urls() -> set[tuple[int, str]]:
        if not primary:  # only when a link labelled pdf asks
            primary.append(_primary_urls(document))
        return primary[0]

    wanted = [
        (found, better)
        for found in source_urls(context)
        if (better := _arxiv_better(found, primary_urls)) is not None and better != found.url
    ]
    reported: set[int] = set()
    for line, items in groupby(wanted, key=lambda item: item[0].line):
        group = sorted(items, key=lambda item: item[0].start)
        first, better = group[0]
        text = context.lines[line - 1]
        fix = _line_fix(text, line, group)
        if fix is None and not first.definition:
            fix = _url_fix(context, first, better)
        what = "the pdf on arxiv.org" if "/pdf/" in better else "the arXiv abstract page"
        more = f" (and {len(group) - 1} more arXiv link(s) on this line)" if len(group) > 1 else ""
        reported.add(line)
        yield ARXIV_URL.finding(f"link {what}: {better}{more}", line, first.start + 1, fix)
    # A mirror page as an entry's own link hides arXiv's versions and metadata; the same
    # page as an extra labelled link ([HF Papers](...)) beside the arXiv link is fine.
    for found in source_urls(context):
        mirrored = mirror_arxiv_id(found.url)
        if mirrored is None or found.line in reported:
            continue
        if (found.line, found.url.strip()) not in primary_urls():
            continue
        better = mirrored.abs_url
        reported.add(found.line)
        yield ARXIV_URL.finding(
            f"link the arXiv abstract page, not a mirror: {better}",
            found.line,
            found.start + 1,
            _url_fix(context, found, better),
        )


def _without_tracking(url: str) -> str | None:
    if "?" not in url or parse_url(url) is not None:
        return None  # arxiv-url rewrites the whole link
    cleaned = strip_tracking(url)
    return cleaned if cleaned != url else None


def check_tracking(document: Document, context: LintContext) -> Iterable[Finding]:
    return _check_each(
        context, URL_TRACKING, _without_tracking, "remove tracking parameters: {better}"
    )


def _without_whitespace(url: str) -> str | None:
    if " " not in url and not _SPACE.search(url):
        return None
    return _SPACE.sub("%20", url.strip())


def check_whitespace(document: Document, context: LintContext) -> Iterable[Finding]:
    return _check_each(
        context, URL_WHITESPACE, _without_whitespace, "URL contains whitespace: {better}"
    )


URL_HTTPS = Rule(
    id="url-https",
    kind="url",
    severity="warning",
    summary="An http link to a host that serves https.",
    doc="""\
Plain http exposes readers to tampering and costs a redirect. Links to hosts
known to serve https (arxiv.org, github.com, aclanthology.org,
proceedings.mlr.press, openai.com and others; see ``HTTPS_HOSTS``) must use it.

Wrong:

    - [Calibrate Before Use](http://proceedings.mlr.press/v139/zhao21c.html) - ICML 2021.

Right:

    - [Calibrate Before Use](https://proceedings.mlr.press/v139/zhao21c.html) - ICML 2021.
""",
    check=check_https,
    fixable=True,
)

ARXIV_URL = Rule(
    id="arxiv-url",
    kind="url",
    severity="warning",
    summary="An arXiv link that is not https://arxiv.org/abs/ID.",
    doc="""\
Link an arXiv paper by its abstract page without a version: the pdf, a
versioned page or the export mirror all hide later versions and the metadata.
An entry whose own link is a page that shows the paper under its arXiv id
(ar5iv, alphaXiv, Hugging Face papers) links arXiv instead; such pages are
fine as extra labelled links beside the arXiv link. This holds anywhere in the
file (entries, tables, prose, HTML), each with a fix that replaces only the
URL. A link labelled as the pdf (``[pdf](...)``, ``[[PDF]](...)``) beside the
entry's own link, in a table or in prose stays a pdf link, since its label
says so: only ``https://arxiv.org`` is asked of it. (When it is the entry's
own link, canonical form drops the label, and it links the abstract page.)
One finding per line, whose fix rewrites every arXiv link of the line.

Wrong:

    - [Llama 2: Open Foundation and Fine-Tuned Chat Models](https://arxiv.org/pdf/2307.09288v2.pdf)

Right:

    - [Llama 2: Open Foundation and Fine-Tuned Chat Models](https://arxiv.org/abs/2307.09288)
""",
    check=check_arxiv_url,
    fixable=True,
)

URL_TRACKING = Rule(
    id="url-tracking",
    kind="url",
    severity="warning",
    summary="A URL carries tracking parameters (utm_*, fbclid, gclid, ...).",
    doc="""\
Tracking parameters follow a link from a social feed into the list; they
change nothing in the page and leak where readers came from.

Wrong:

    - [OPT license](https://github.com/facebookresearch/metaseq/blob/main/LICENSE.md?fbclid=IwAR1)

Right:

    - [OPT license](https://github.com/facebookresearch/metaseq/blob/main/LICENSE.md)
""",
    check=check_tracking,
    fixable=True,
)

URL_WHITESPACE = Rule(
    id="url-whitespace",
    kind="url",
    severity="error",
    summary="A URL contains whitespace.",
    doc="""\
A space inside a link destination breaks the link in most renderers; a space
around it is noise. Spaces inside are written ``%20``.

Wrong:

    - [Blog](https://example.org/my post)

Right:

    - [Blog](https://example.org/my%20post)
""",
    check=check_whitespace,
    fixable=True,
)

RULES = [URL_HTTPS, ARXIV_URL, URL_TRACKING, URL_WHITESPACE]
