"""Helpers for the rule tests.

Two ways to run one rule: :func:`lint` calls the rule object on a snippet under HEAD
(no engine around it); :func:`run_rule` lints a whole text through the engine with the
rule selected (suppressions, options and sibling files apply).
"""

from __future__ import annotations

from awesome.config import Config, LintConfig
from awesome.lint import apply_fixes_detailed, lint_text
from awesome.metadata import MetadataLock, Paper
from awesome.parser import parse_document
from awesome.rules.base import Finding, LintContext, Rule

HEAD = "# Papers\n\n## Section\n\n"
TITLE = "# Awesome Test [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"


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


def run_rule(
    text: str,
    rule: str,
    siblings: dict[str, str] | None = None,
    path: str | None = "list/README.md",
    **lint_options: object,
) -> list[Finding]:
    """Findings of one rule on ``text``, linted by the engine with only that rule selected."""
    config = Config(lint=LintConfig(select=[rule], **lint_options))  # type: ignore[arg-type]
    return [f for f in lint_text(text, path, config, siblings=siblings) if f.rule == rule]


def lines_of(findings: list[Finding]) -> list[int]:
    return [finding.line for finding in findings]


def apply_fixes(body: str, findings: list[Finding]) -> str:
    """``body`` (under HEAD) with every fix applied by the lint engine; all must apply."""
    outcome = apply_fixes_detailed(HEAD + body, findings)
    assert outcome.skipped == [], outcome.skipped
    return outcome.text[len(HEAD) :]


def lock_of(*papers: Paper) -> MetadataLock:
    return MetadataLock({paper.id: paper for paper in papers})
