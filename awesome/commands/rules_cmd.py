"""``awesome rules``: every lint rule with its kind, severity and what it checks."""

from __future__ import annotations

import json
from typing import Any

import click

from awesome.commands.common import exits_on_error
from awesome.rules import RULES
from awesome.rules.base import Rule


def rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "severity": rule.severity,
        "fixable": rule.fixable,
        "summary": rule.summary,
        "doc": rule.doc,
        "peers": list(rule.peers),
    }


def rules_text() -> str:
    width = max(len(rule.id) for rule in RULES)
    lines = []
    for rule in RULES:
        fixable = "fix" if rule.fixable else "   "
        lines.append(
            f"{rule.id:<{width}}  {rule.kind:<10}  {rule.severity:<7}  {fixable}  {rule.summary}"
        )
    return "\n".join(lines) + "\n"


@click.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="A table, or JSON with each rule's documentation and peer ids.",
)
@exits_on_error
def command(fmt: str) -> int:
    """List every lint rule: id, kind, default severity, fixable, summary.

    Example: awesome rules --format json
    """
    if fmt == "json":
        click.echo(json.dumps([rule_json(rule) for rule in RULES], indent=2, ensure_ascii=False))
    else:
        click.echo(rules_text(), nl=False)
    return 0
