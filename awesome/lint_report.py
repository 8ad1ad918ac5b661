"""Lint output: text, json, github workflow commands, SARIF 2.1.0, and the summary line."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from awesome import __version__
from awesome.rules import RULES
from awesome.rules.base import Finding

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "rule": "\033[2m", "reset": "\033[0m"}


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _counts(findings: Iterable[Finding]) -> dict[str, Counter[str]]:
    per_rule: dict[str, Counter[str]] = {}
    # counted in one pass of Counter's own loop: 100,000 findings are not rare on a big list
    for (rule, severity), count in Counter((f.rule, f.severity) for f in findings).items():
        per_rule.setdefault(rule, Counter())[severity] = count
    return dict(sorted(per_rule.items()))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(findings: list[Finding], files: int = 1) -> str:
    """``2 errors, 1 warning in 1 file (double-link: 2 errors; spell-check: 1 warning)``."""
    per_rule = _counts(findings)
    errors = sum(c["error"] for c in per_rule.values())
    warnings = sum(c["warning"] for c in per_rule.values())
    head = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"
    if not per_rule:
        return head
    parts = []
    for rule, counts in per_rule.items():
        bits = [_plural(counts[s], s) for s in ("error", "warning") if counts[s]]
        parts.append(f"{rule}: {', '.join(bits)}")
    return f"{head} ({'; '.join(parts)})"


def format_text(findings: list[Finding], files: int, colour: bool = False) -> str:
    lines = []
    for f in findings:
        severity, rule = f.severity, f.rule
        if colour:
            severity = f"{_COLOURS[f.severity]}{severity}{_COLOURS['reset']}"
            rule = f"{_COLOURS['rule']}{rule}{_COLOURS['reset']}"
        lines.append(f"{f.path}:{f.line}:{f.column}: {severity} {rule} {f.message}")
    lines.append(summary_line(findings, files))
    return "\n".join(lines) + "\n"


def report_json(findings: list[Finding], files: list[str]) -> dict[str, Any]:
    """The report as validated by ``schema/lint-report.schema.json``."""
    head = _report_head(findings, files)
    summary = head.pop("summary")  # it closes the report, after the diagnostics
    diagnostics = [
        {
            "rule": f.rule,
            "kind": f.kind,
            "severity": f.severity,
            "path": f.path or "",
            "line": f.line,
            "column": f.column,
            "message": f.message,
            "fixable": f.fix is not None,
        }
        for f in findings
    ]
    return {**head, "diagnostics": diagnostics, "summary": summary}


def _report_head(findings: list[Finding], files: list[str]) -> dict[str, Any]:
    per_rule = _counts(findings)
    return {
        "version": 1,
        "tool": {"name": "awesome", "version": __version__},
        "files": files,
        "summary": {
            "errors": sum(c["error"] for c in per_rule.values()),
            "warnings": sum(c["warning"] for c in per_rule.values()),
            "rules": {
                rule: {"errors": c["error"], "warnings": c["warning"]}
                for rule, c in per_rule.items()
            },
        },
    }


def format_json(findings: list[Finding], files: list[str]) -> str:
    """:func:`report_json` as ``json.dumps(..., indent=2)`` writes it, the diagnostics
    written here: with an indent, ``json`` encodes in Python, 10 microseconds a finding."""
    head = json.dumps(_report_head(findings, files), indent=2, ensure_ascii=False)
    body = ",\n".join(map(_diagnostic_json, findings))
    body = f"[\n{body}\n  ]" if findings else "[]"
    at = head.index('\n  "summary": ')  # the diagnostics go before the summary
    return f'{head[:at]}\n  "diagnostics": {body},{head[at:]}\n'


def _diagnostic_json(f: Finding) -> str:
    """One diagnostic of :func:`report_json`, its keys in the same order, as indented JSON."""
    fixable = "false" if f.fix is None else "true"
    return (
        f'    {{\n      "rule": {_string(f.rule)},\n      "kind": {_string(f.kind)},\n'
        f'      "severity": {_string(f.severity)},\n      "path": {_string(f.path or "")},\n'
        f'      "line": {int(f.line)},\n      "column": {int(f.column)},\n'
        f'      "message": {_string(f.message)},\n      "fixable": {fixable}\n    }}'
    )


_string: Callable[[str], str] = json.encoder.encode_basestring  # what ensure_ascii=False uses


def escape_data(text: str) -> str:
    """Escape a workflow command's message (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value (``file=``, ``title=``...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: list[Finding], files: int) -> str:
    """GitHub Actions workflow commands, so findings show inline on the pull request."""
    lines = []
    for f in findings:
        props = ",".join(
            [
                f"file={escape_property(f.path or '')}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={escape_property(f.rule)}",
            ]
        )
        lines.append(f"::{f.severity} {props}::{escape_data(f.message)}")
    lines.append(summary_line(findings, files))
    return "\n".join(lines) + "\n"


def _sarif_uri(path: str) -> str:
    """artifactLocation.uri is a URI reference, not a path (SARIF 2.1.0, 3.4.3): a relative
    path stays relative, which code scanning resolves against the checkout, with what a URI
    cannot hold percent-encoded (a ':' too, or 'a:b/x.md' would read as scheme 'a');
    an absolute path becomes a file URI."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/!$&'()*+,;=@~")


def report_sarif(findings: list[Finding]) -> dict[str, Any]:
    """A SARIF 2.1.0 log with one run: every rule described, every finding a result."""
    index = {rule.id: position for position, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.id,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "defaultConfiguration": {"level": rule.severity},
            "properties": {"kind": rule.kind, "fixable": rule.fixable},
        }
        for rule in RULES
    ]
    results = []
    for f in findings:
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": f.severity,
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _sarif_uri(f.path or "")},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    driver = {"name": "awesome", "version": __version__, "rules": rules}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def format_sarif(findings: list[Finding]) -> str:
    return json.dumps(report_sarif(findings), indent=2, ensure_ascii=False) + "\n"


def render(fmt: str, findings: list[Finding], files: list[str], colour: bool = False) -> str:
    """The whole report in one of :data:`FORMATS`."""
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: format_text(findings, len(files), colour),
        "json": lambda: format_json(findings, files),
        "github": lambda: format_github(findings, len(files)),
        "sarif": lambda: format_sarif(findings),
    }
    return renderers[fmt]()
