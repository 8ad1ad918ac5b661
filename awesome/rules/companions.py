"""Files that stand beside an awesome list: contributing guide, code of conduct."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule

CONTRIBUTING_NAMES = ("contributing.md",)
CONDUCT_NAMES = ("code-of-conduct.md", "code_of_conduct.md")
# Template text a code of conduct must not ship with: the placeholder and the
# address of the awesome project's own maintainer, which copies often keep.
CONDUCT_PLACEHOLDERS = ("[INSERT EMAIL ADDRESS]", "[INSERT CONTACT METHOD]")
# The template's address and the GitHub account it belongs to (whose own lists may keep it).
CONDUCT_FOREIGN_EMAILS = {"sindresorhus@gmail.com": "sindresorhus"}


def _find(context: LintContext, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(relative name, text) of the first companion file with one of ``names``."""
    for key in sorted(context.siblings, key=lambda k: (k.count("/"), k)):
        if key.rsplit("/", 1)[-1].lower() in names:
            return key, context.siblings[key]
    return None


def _repository_owner(context: LintContext) -> str | None:
    """The GitHub owner named by a package.json beside the list, if any."""
    found = _find(context, ("package.json",))
    if found is None:
        return None
    try:
        data = json.loads(found[1])
    except json.JSONDecodeError:
        return None
    repository = data.get("repository") if isinstance(data, dict) else None
    if isinstance(repository, dict):
        repository = repository.get("url")
    if not isinstance(repository, str):
        return None
    match = re.search(r"(?:github\.com[/:])?([\w.-]+)/[\w.-]+", repository)
    return match.group(1).lower() if match else None


def _path_of(context: LintContext, key: str) -> str:
    return str(Path(context.path).parent / key) if context.path else key


def _contributing(doc: Document, context: LintContext) -> Iterator[Finding]:
    if context.path is None:
        return  # linting text alone: there is no folder to look in
    found = _find(context, CONTRIBUTING_NAMES)
    if found is None:
        yield CONTRIBUTING.finding(
            "add a contributing.md beside the list that says how to propose entries", 1
        )
    elif not found[1].strip():
        yield CONTRIBUTING.finding(
            f"{found[0]} is empty; say how to propose entries", 1, path=_path_of(context, found[0])
        )


def _conduct(doc: Document, context: LintContext) -> Iterator[Finding]:
    found = _find(context, CONDUCT_NAMES)
    if found is None:
        return  # a code of conduct is optional
    key, text = found
    path = _path_of(context, key)
    if not text.strip():
        yield CODE_OF_CONDUCT.finding(f"{key} is empty; fill it in or remove it", 1, path=path)
        return
    owner = _repository_owner(context)
    foreign = [email for email, account in CONDUCT_FOREIGN_EMAILS.items() if account != owner]
    for index, line in enumerate(text.split("\n")):
        for marker in CONDUCT_PLACEHOLDERS:
            if marker in line:
                yield CODE_OF_CONDUCT.finding(
                    f"replace the template placeholder {marker} with a real contact",
                    index + 1,
                    line.index(marker) + 1,
                    path=path,
                )
        for email in foreign:
            if email in line:
                yield CODE_OF_CONDUCT.finding(
                    f"{email} came with the template; put your own contact address",
                    index + 1,
                    line.index(email) + 1,
                    path=path,
                )


CONTRIBUTING = Rule(
    id="contributing",
    kind="awesome",
    severity="error",
    summary="A non-empty contributing.md stands beside the list (or in .github/).",
    doc="""Contributors need to know how entries are proposed and checked.

Wrong: ``list/README.md`` alone.
Right: ``list/README.md`` with ``list/contributing.md`` (or ``.github/contributing.md``).""",
    check=_contributing,
    peers=("awesome-contributing", "awesome/contributing"),
)

CODE_OF_CONDUCT = Rule(
    id="code-of-conduct",
    kind="awesome",
    severity="error",
    summary="A code of conduct, when present, is filled in (no template placeholders).",
    doc="""A code of conduct copied from a template must name the list's own contact.

Wrong: ``reported by contacting the project team at [INSERT EMAIL ADDRESS].``
Right: ``reported by contacting the project team at lists@example.org.``""",
    check=_conduct,
    peers=("awesome-code-of-conduct", "awesome/code-of-conduct"),
)
