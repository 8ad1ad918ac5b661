"""Small helpers for the lint rule tests: lint a text with one rule selected."""

from __future__ import annotations

from awesome.config import Config, LintConfig
from awesome.lint import lint_text
from awesome.rules.base import Finding

TITLE = "# Awesome Test [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"


def run_rule(
    text: str,
    rule: str,
    siblings: dict[str, str] | None = None,
    path: str | None = "list/README.md",
    **lint_options: object,
) -> list[Finding]:
    """Findings of one rule on ``text``."""
    config = Config(lint=LintConfig(select=[rule], **lint_options))  # type: ignore[arg-type]
    return [f for f in lint_text(text, path, config, siblings=siblings) if f.rule == rule]


def lines_of(findings: list[Finding]) -> list[int]:
    return [finding.line for finding in findings]
