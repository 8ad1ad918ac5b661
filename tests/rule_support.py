"""Running one rule over a Markdown snippet, and applying its fixes, for the rule tests."""

from __future__ import annotations

from awesome.config import Config
from awesome.lint import apply_fixes_detailed
from awesome.metadata import MetadataLock, Paper
from awesome.parser import parse_document
from awesome.rules.base import Finding, LintContext, Rule

HEAD = "# Papers\n\n## Section\n\n"


def context_for(
    text: str, lock: MetadataLock | None = None, config: Config | None = None
) -> LintContext:
    return LintContext(
        lines=text.splitlines(), config=config or Config(), lock=lock or MetadataLock()
    )


def lint(
    rule: Rule, body: str, lock: MetadataLock | None = None, config: Config | None = None
) -> list[Finding]:
    """Findings of ``rule`` on a list whose single section holds ``body``."""
    text = HEAD + body
    return list(rule.check(parse_document(text), context_for(text, lock, config)))


def lines_of(findings: list[Finding]) -> list[int]:
    return [finding.line for finding in findings]


def apply_fixes(body: str, findings: list[Finding]) -> str:
    """``body`` (under HEAD) with every fix applied by the lint engine; all must apply."""
    outcome = apply_fixes_detailed(HEAD + body, findings)
    assert outcome.skipped == [], outcome.skipped
    return outcome.text[len(HEAD) :]


def lock_of(*papers: Paper) -> MetadataLock:
    return MetadataLock({paper.id: paper for paper in papers})
