"""The same link twice in one list."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from awesome.inline import find_links
from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.list_items import leading_link
from awesome.rules.outline import Outline, mask_code_spans

# A URL that urlsplit takes apart in the obvious way: scheme, plain host, path, query, fragment.
_PLAIN_URL = re.compile(
    r"([A-Za-z][A-Za-z0-9+.\-]*)://([A-Za-z0-9.\-]*)([^?#\s\\\[\]@:]*)(?:\?([^#\s]*))?(?:#(\S*))?"
)


def normalize(url: str) -> str:
    """The form two links are compared in: https, lower-case host, no trailing slash."""
    url = url.strip().strip("<>")
    plain = _PLAIN_URL.fullmatch(url)
    if plain is not None:  # the usual link, without urlsplit's cost
        scheme, host, path, query, fragment = plain.groups()
        if scheme.lower() not in ("http", "https"):
            return url
        return _join(host.lower(), path.rstrip("/"), query or "", fragment or "")
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https"):
        return url
    path = parts.path.rstrip("/")
    return urlunsplit(("https", parts.netloc.lower(), path, parts.query, parts.fragment))


def _join(host: str, path: str, query: str, fragment: str) -> str:
    """``urlunsplit(("https", host, path, query, fragment))`` for a plain host and path."""
    return (
        f"https://{host}{path}"
        + (f"?{query}" if query else "")
        + (f"#{fragment}" if fragment else "")
    )


# Labels of links that lead back up the page ("⬆ back to top", "↑ Top").
_BACK_LABEL = re.compile(r"back to (?:the )?top|^\W*top\W*$|[⬆↑⇧🔝]", re.IGNORECASE)


def _navigation(url: str, label: str) -> bool:
    """An item link that is navigation, not an entry: a bare ``#`` placeholder, or a
    back-to-top link (repeated after every section by design)."""
    url = url.strip().strip("<>")
    return url == "#" or (url.startswith("#") and _BACK_LABEL.search(label) is not None)


def _links(outline: Outline, lines: list[str]) -> Iterator[tuple[str, int, int]]:
    """(url, line, column) of every link that counts: in list items only the item's own link."""
    item_at = {item.line: item for item in outline.items}
    for index, line in enumerate(lines):
        number = index + 1
        if "](" not in line or not outline.is_prose(number):
            continue
        item = item_at.get(number)
        if item is not None:
            link = leading_link(item, outline)
            if link is not None and "](" in item.text[link.column - 1 :]:
                if _navigation(link.url, link.label):
                    continue
                offset = len(line) - len(item.text)
                yield link.url, number, offset + link.column
            continue
        for found in find_links(mask_code_spans(line)):
            # an in-page anchor in prose points back at a section, not at another entry
            if not found.image and not found.url.startswith("#"):
                yield found.url, number, found.start + 1


def _check(doc: Document, context: LintContext) -> Iterator[Finding]:
    lint = context.config.lint
    if lint.allow_duplicates:
        return
    allowed = {normalize(url) for url in lint.allowed_duplicate_urls}
    seen: dict[str, list[tuple[str, int, int]]] = {}
    for url, line, column in _links(context.outline(), context.lines):
        seen.setdefault(normalize(url), []).append((url, line, column))
    for key, places in seen.items():
        if len(places) < 2 or key in allowed:
            continue
        lines = [line for _, line, _ in places]
        on_line = Counter(lines)
        for url, line, column in places:
            yield DOUBLE_LINK.finding(
                f"'{url}' is linked more than once (also line {_others(lines, line, on_line)})",
                line,
                column,
            )


_MAX_OTHERS = 10  # a URL linked 1,000 times would otherwise name 999 lines in each finding


def _others(lines: list[int], line: int, on_line: Counter[int]) -> str:
    """The other lines a URL stands on, the first ten of them and how many more."""
    shown: list[str] = []
    for other in lines:
        if other != line:
            shown.append(str(other))
            if len(shown) == _MAX_OTHERS:
                break
    more = len(lines) - on_line[line] - len(shown)
    if not shown:
        return str(line)  # every link of it stands on this one line
    return ", ".join(shown) + (f" and {more} more" if more else "")


DOUBLE_LINK = Rule(
    id="double-link",
    kind="link",
    severity="error",
    summary="Each URL is linked once (items count their own link, not links in descriptions).",
    doc="""A URL listed twice is a duplicate entry or a copy-paste slip. URLs compare with
https for http, a lower-case host and no trailing slash; links inside an item's
description (code, blog, project page), in-page links in prose, bare ``#``
placeholders and back-to-top items are not counted; two items linking the same
``#section`` are (as in awesome-lint). ``lint.allowed_duplicate_urls``
exempts URLs, ``lint.allow_duplicates`` turns the rule off.

Wrong::

    - [BERT](https://arxiv.org/abs/1810.04805) - ...
    - [BERT](http://arxiv.org/abs/1810.04805/) - ...

Right: one item for the paper.""",
    check=_check,
    peers=("double-link", "remark-lint-double-link"),
)
