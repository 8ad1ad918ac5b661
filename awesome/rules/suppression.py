"""Suppression comments that name no known rule."""

from __future__ import annotations

from collections.abc import Iterator

from awesome.model import Document
from awesome.rules.base import Finding, LintContext, Rule
from awesome.rules.suppress import directives, unknown_ids


def _check(doc: Document, context: LintContext) -> Iterator[Finding]:
    from awesome.rules import peer_aliases

    aliases = peer_aliases()
    for directive in directives(context.lines):
        if directive.form != "awesome-lint":
            continue  # <!--lint ...--> may name remark-lint rules that we do not have
        for rule_id in unknown_ids(directive, aliases):
            yield UNKNOWN_SUPPRESSION.finding(
                f"'{rule_id}' in this comment names no rule (see 'awesome rules')",
                directive.line,
                directive.column,
            )


UNKNOWN_SUPPRESSION = Rule(
    id="unknown-suppression",
    kind="structure",
    severity="warning",
    summary="awesome-lint comments name rules that exist.",
    doc="""A mistyped id in a suppression comment silently suppresses nothing.

Wrong: ``<!-- awesome-lint disable trailing-whitespaces -->``
Right: ``<!-- awesome-lint disable trailing-whitespace -->``""",
    check=_check,
)
