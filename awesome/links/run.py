"""The library entry point: files in, a :class:`Report` out."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from awesome.errors import LinkCheckError
from awesome.fsio import read_list_text
from awesome.links.cache import LinkCache
from awesome.links.checker import check_urls
from awesome.links.extract import Extraction, extract_files, normalise_remote, scan
from awesome.links.jobs import CheckSettings
from awesome.links.report import Report
from awesome.links.safety import DEFAULT_DNS_PROBES, AddressPolicy, Resolver
from awesome.links.verdict import LinkResult


@dataclass
class LinkOptions:
    """What to check and how; ``cache_path`` None means no cache."""

    settings: CheckSettings = field(default_factory=CheckSettings)
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    dns_probes: tuple[str, ...] = DEFAULT_DNS_PROBES
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    changed_since: str | None = None
    offline: bool = False  # local anchors and files only: no request, no name lookup
    cache_path: Path | None = None
    max_age: float = 86400.0


def _compile(patterns: list[str], option: str) -> list[re.Pattern[str]]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise LinkCheckError(
                f"{option}: invalid regular expression '{pattern}': {error}"
            ) from None
    return compiled


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise LinkCheckError(f"--changed-since needs git: {error.strerror}") from None


def urls_at_ref(path: Path, ref: str) -> set[str]:
    """The remote URLs ``path`` contained at git ``ref`` (none if it did not exist then)."""
    folder = path.resolve().parent
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise LinkCheckError(f"--changed-since: unknown git revision '{ref}'", str(path))
    shown = _git(folder, "show", f"{ref}:./{path.name}")
    if shown.returncode != 0:
        return set()  # the file is new since ref: every URL in it is new
    urls = (normalise_remote(found.target) for found in scan(shown.stdout))
    return {url for url in urls if url is not None}


def _select(
    extraction: Extraction, files: list[Path], options: LinkOptions
) -> tuple[list[str], int]:
    """The remote URLs to check after --changed-since, --include and --exclude."""
    if options.offline:
        return [], len(extraction.remote)
    include = _compile(options.include, "--include")
    exclude = _compile(options.exclude, "--exclude")
    old: dict[str, set[str]] = {}
    if options.changed_since:
        old = {str(path): urls_at_ref(path, options.changed_since) for path in files}
    chosen, excluded = [], 0
    for url, places in extraction.remote.items():
        # new when some file that has it now did not have it at the ref
        if old and all(url in old[place.file] for place in places):
            continue
        wanted = not include or any(p.search(url) for p in include)
        if not wanted or any(p.search(url) for p in exclude):
            excluded += 1
            continue
        chosen.append(url)
    return chosen, excluded


def check_links(
    files: list[Path],
    options: LinkOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Check every link of ``files``. Raises :class:`LinkCheckError` (network unreachable,
    bad options) and :class:`awesome.errors.ListError` (unreadable file)."""
    options = options or LinkOptions()
    started = time.monotonic()
    extraction = extract_files([(path, read_list_text(path)) for path in files])
    urls, excluded = _select(extraction, files, options)
    results = _check_remote(urls, options, progress) if urls else []
    for result in results:
        result.occurrences = list(extraction.remote[result.url])
    exclude = _compile(options.exclude, "--exclude")
    local = [r for r in extraction.local if not any(p.search(r.url) for p in exclude)]
    ordered = sorted(local + results, key=_first_place)
    return Report(ordered, [str(p) for p in files], time.monotonic() - started, excluded)


def _first_place(result: LinkResult) -> tuple[str, int, str]:
    first = min(((o.file, o.line) for o in result.occurrences), default=("", 0))
    return (first[0], first[1], result.url)


def _check_remote(
    urls: list[str], options: LinkOptions, progress: Callable[[int, int], None] | None
) -> list[LinkResult]:
    resolver = Resolver(options.dns_probes)
    if options.cache_path is None:
        return check_urls(urls, options.settings, options.policy, resolver, progress)
    with LinkCache(options.cache_path, options.max_age) as cache:
        cached = cache.lookup(urls)
        fresh = check_urls(
            [u for u in urls if u not in cached],
            options.settings,
            options.policy,
            resolver,
            progress,
        )
        cache.store(fresh)
    return list(cached.values()) + fresh
