"""Badges: the Awesome badge beside the title, and no CI status badges."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome.inline import find_links
from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.outline import images

# The badge images awesome lists may use, and where the badge may link.
BADGE_IMAGES = frozenset(
    f"https://awesome.re/{name}.svg" for name in ("badge", "badge-flat", "badge-flat2")
)
BADGE_TARGETS = ("https://awesome.re", "https://github.com/sindresorhus/awesome")
# Build-status image hosts and paths: a list is not software, it has no build to show.
_CI = re.compile(
    r"travis-ci\.(?:org|com)|circleci\.com|ci\.appveyor\.com|dev\.azure\.com/.*/_apis/build"
    r"|github\.com/[^/]+/[^/]+/(?:actions/)?workflows/.*badge\.svg"
    r"|gitlab\.com/.*/pipeline\.svg|app\.bitrise\.io|cloud\.drone\.io|semaphoreci\.com"
    r"|buildkite\.com|img\.shields\.io/(?:travis|circleci|appveyor|azure-devops/build"
    r"|github/(?:actions/)?workflow|gitlab/pipeline|jenkins|buildkite|bitrise|drone|cirrus)",
    re.IGNORECASE,
)


def _is_badge(alt: str, src: str) -> bool:
    return alt.strip().lower() == "awesome" or "awesome.re" in src


def _badge_target_ok(line: str, src: str) -> bool:
    for link in find_links(line):
        if src in link.label:
            return link.url.rstrip("/") in BADGE_TARGETS
    return True  # an unlinked badge image: the image is what matters


def _badge(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    title = next((h for h in outline.headings if h.level == 1 and not h.setext), None)
    if title is None:
        return  # no Markdown title: awesome-heading reports it, HTML titles carry a logo
    line = context.lines[title.line - 1]
    found = [(alt, src, col) for alt, src, col in images(line) if _is_badge(alt, src)]
    if not found:
        yield BADGE.finding(
            "add the Awesome badge after the title: "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
            title.line,
        )
        return
    _, src, column = found[0]
    if src not in BADGE_IMAGES:
        yield BADGE.finding(
            f"the Awesome badge image must be one of awesome.re's badges, not '{src}'",
            title.line,
            column,
        )
    elif not _badge_target_ok(line, src):
        yield BADGE.finding("the Awesome badge must link to https://awesome.re", title.line, column)


def _ci_badges(doc: Document, context: LintContext) -> Iterator[Finding]:
    outline = context.outline()
    for index, line in enumerate(context.lines):
        if "![" not in line or not outline.is_prose(index + 1):
            continue
        for _, src, column in images(line):
            if _CI.search(src):
                yield NO_CI_BADGE.finding(
                    "remove the build-status badge; a list has no build to report",
                    index + 1,
                    column,
                )


BADGE = Rule(
    id="awesome-badge",
    kind="awesome",
    severity="error",
    summary="The title carries the Awesome badge, linked to awesome.re.",
    doc="""Lists in the awesome family show the badge right after their name, using one of
the images awesome.re serves.

Wrong: ``# Awesome LLM Papers``
Right: ``# Awesome LLM Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)``""",
    check=_badge,
    peers=("awesome-badge", "awesome/badge"),
)

NO_CI_BADGE = Rule(
    id="no-ci-badge",
    kind="awesome",
    severity="error",
    summary="No continuous-integration status badges.",
    doc="""A build badge says nothing about a list's content and breaks when CI changes.

Wrong: ``![Build](https://github.com/o/r/actions/workflows/lint.yml/badge.svg)``
Right: no badge; the checks show on each pull request.""",
    check=_ci_badges,
    peers=("awesome-no-ci-badge", "awesome/no-ci-badge"),
)
