"""Finding every link in a Markdown file, and checking the local ones without the network.

A line-based scan: Markdown links and images (with :func:`awesome.inline.find_links`),
reference definitions, ``<autolinks>``, raw HTML ``href``/``src`` and bare URLs in prose.
Fenced code, inline code spans and HTML comments are skipped, as GitHub shows them as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from awesome.inline import find_links, unescape
from awesome.links.verdict import LinkResult, Occurrence, Verdict

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>", re.IGNORECASE)
_HTML_ATTR = re.compile(
    r"""(?<![\w-])(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE
)
_BARE_URL = re.compile(r"https?://[^\s<>\"'`\]\[]+", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_TRAILING = ".,:;!?*_~'\""
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


@dataclass(frozen=True)
class FoundLink:
    """One link as written in the file (escapes undone) and its 1-based line."""

    target: str
    line: int


@dataclass
class Extraction:
    """Links of one or more files: remote URLs (fragment dropped) and local targets."""

    remote: dict[str, list[Occurrence]] = field(default_factory=dict)
    local: list[LinkResult] = field(default_factory=list)
    skipped: int = 0


def _blank(text: str, start: int, end: int) -> str:
    """``text`` with ``start:end`` replaced by spaces, so later scans skip it but columns stay."""
    return text[:start] + " " * (end - start) + text[end:]


def _strip_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """Blank out HTML comments; return the line and whether a comment is still open."""
    out = line
    pos = 0
    while True:
        if in_comment:
            end = out.find("-->", pos)
            if end == -1:
                return _blank(out, pos, len(out)), True
            out = _blank(out, pos, end + 3)
            pos = end + 3
            in_comment = False
        start = out.find("<!--", pos)
        if start == -1:
            return out, False
        pos = start
        in_comment = True


def _trim_bare(url: str) -> str:
    """GFM autolink rules: trailing punctuation and an unbalanced ``)`` are not part of a URL."""
    while url:
        unbalanced = url[-1] == ")" and url.count(")") > url.count("(")
        if url[-1] not in _TRAILING and not unbalanced:
            break
        url = url[:-1]
    return url


def _links_in_line(line: str) -> list[str]:
    """Every link target on one line, left to right (code spans and comments blanked)."""
    text = line
    found: list[tuple[int, str]] = []
    ref = _REF_DEF.match(text)
    if ref:
        found.append((ref.start(1), ref.group(1)))
        text = _blank(text, ref.start(1), ref.end(1))
    for link in list(find_links(text)):
        found.extend((link.start, inner) for inner in _links_in_label(link.label))
        found.append((link.start + 1, unescape(link.url.strip())))
        text = _blank(text, link.start, link.end)
    # The common line has no HTML: skip the patterns that need a "<" or an "=".
    for pattern, needs in ((_AUTOLINK, "<"), (_HTML_ATTR, "=")):
        if needs not in text:
            continue
        for match in list(pattern.finditer(text)):
            value = next(group for group in match.groups() if group is not None)
            found.append((match.start(), html.unescape(value.strip())))
            text = _blank(text, match.start(), match.end())
    if "<" in text:
        # Text inside other HTML tags is not prose: GitHub links nothing there.
        text = _TAG.sub(lambda m: " " * len(m.group(0)), text)
    for match in _BARE_URL.finditer(text):
        trimmed = _trim_bare(match.group(0))
        if len(trimmed) > len("https://"):
            found.append((match.start(), trimmed))
    return [target for _, target in sorted(found, key=lambda item: item[0])]


def _links_in_label(label: str) -> Iterator[str]:
    """Images inside a link's label (badges) are links of their own."""
    for inner in find_links(label):
        yield unescape(inner.url.strip())


def _closes(marker: str, fence: str, line: str) -> bool:
    """A closing fence: the same character, at least as long, nothing after it."""
    return marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip().lstrip(fence[0])


def _prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines outside fenced code, with code spans and HTML comments blanked."""
    fence: str | None = None
    in_comment = False
    for number, line in enumerate(text.split("\n"), start=1):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and _closes(opener.group(1), fence, line):
                fence = None
            continue
        if opener and not (opener.group(1)[0] == "`" and "`" in line[opener.end() :]):
            fence = opener.group(1)
            continue
        cleaned, in_comment = _strip_comments(line, in_comment)
        if "`" in cleaned:
            cleaned = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), cleaned)
        yield number, cleaned


def scan(text: str) -> list[FoundLink]:
    """Every link occurrence in a Markdown text, in order."""
    found: list[FoundLink] = []
    for number, line in _prose_lines(text):
        found.extend(FoundLink(target, number) for target in _links_in_line(line) if target)
    return found


def heading_anchors(text: str) -> set[str]:
    """Anchors a reader can link to: GitHub heading slugs and HTML ``id``/``name`` values,
    as the lint rules read them (one reading: lint and the link checker agree)."""
    from awesome.rules.toc import defined_anchors

    return defined_anchors(text.split("\n"))


def normalise_remote(url: str) -> str | None:
    """The URL to check (fragment dropped, ``//host`` made https), or None if not http(s)."""
    candidate = "https:" + url if url.startswith("//") else url
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, ""))


def is_local_target(target: str) -> bool:
    """A same-file ``#anchor`` or a relative path (no scheme, not ``//host``)."""
    return not target.startswith("//") and _SCHEME.match(target) is None


def repository_root(path: Path) -> Path:
    """The folder that ``/absolute`` links are relative to: the git work tree, else the file's."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


class LocalChecker:
    """Checks relative file links and ``#anchors`` on disk, reading each target file once."""

    def __init__(self) -> None:
        self._anchors: dict[Path, set[str]] = {}
        # Texts already in memory (the files being checked), read for anchors on demand:
        # a list without same-file ``#anchor`` links never needs its headings slugged.
        self._texts: dict[Path, str] = {}

    def know_text(self, path: Path, text: str) -> None:
        self._texts.setdefault(path.resolve(), text)

    def anchors_of(self, path: Path, text: str | None = None) -> set[str]:
        key = path.resolve()
        if key not in self._anchors:
            if text is None:
                text = self._texts.get(key)
            if text is None:
                try:
                    text = key.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    text = ""
            self._anchors[key] = heading_anchors(text)
        return self._anchors[key]

    def check(self, target: str, source: Path) -> LinkResult:
        """The verdict on one local target written in ``source``."""
        path_part, _, fragment = target.partition("#")
        path_part = path_part.split("?", 1)[0]
        if not path_part:
            return self._check_anchor(target, source, fragment, "this file")
        base = repository_root(source) if path_part.startswith("/") else source.resolve().parent
        resolved = base / unquote(path_part.lstrip("/"))
        if not resolved.exists():
            return LinkResult(target, Verdict.DEAD, "no such file", local=True)
        if fragment and resolved.is_file() and resolved.suffix.lower() in MARKDOWN_SUFFIXES:
            return self._check_anchor(target, resolved, fragment, resolved.name)
        return LinkResult(target, Verdict.OK, "file exists", local=True)

    def _check_anchor(self, target: str, file: Path, fragment: str, where: str) -> LinkResult:
        wanted = unquote(fragment).lower().removeprefix("user-content-")
        if not wanted or wanted in {anchor.lower() for anchor in self.anchors_of(file)}:
            return LinkResult(target, Verdict.OK, "anchor exists", local=True)
        return LinkResult(
            target, Verdict.DEAD, f"no heading for #{fragment} in {where}", local=True
        )


def extract_files(files: list[tuple[Path, str]], local: LocalChecker | None = None) -> Extraction:
    """Links of every ``(path, text)``: remote URLs grouped, local targets checked on disk."""
    checker = local or LocalChecker()
    result = Extraction()
    local_index: dict[tuple[str, str], LinkResult] = {}
    for path, text in files:
        checker.know_text(path, text)
        for found in scan(text):
            occurrence = Occurrence(str(path), found.line)
            if is_local_target(found.target):
                key = (str(path), found.target)
                if key not in local_index:
                    local_index[key] = checker.check(found.target, path)
                    result.local.append(local_index[key])
                local_index[key].occurrences.append(occurrence)
                continue
            url = normalise_remote(found.target)
            if url is None:
                result.skipped += 1
                continue
            result.remote.setdefault(url, []).append(occurrence)
    return result
