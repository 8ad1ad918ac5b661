"""Running one rule over a Markdown snippet, and applying its fixes, for the rule tests."""

from __future__ import annotations

from awesome.config import Config
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
    """``body`` (under HEAD) with every fix applied; each fix's ``old`` must be unique."""
    lines = (HEAD + body).splitlines()
    for finding in findings:
        fix = finding.fix
        assert fix is not None, finding
        current = lines[fix.line - 1]
        if fix.old:
            assert current.count(fix.old) == 1, (current, fix)
            lines[fix.line - 1] = current.replace(fix.old, fix.new)
        else:
            lines[fix.line - 1] = fix.new
    return "\n".join(lines)[len(HEAD) :] + ("\n" if body.endswith("\n") else "")


def lock_of(*papers: Paper) -> MetadataLock:
    return MetadataLock({paper.id: paper for paper in papers})
