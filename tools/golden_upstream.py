"""Rewrite tests/data/upstream-findings.json: every lint finding on the upstream copy.

The upstream list is linted with the metadata lock seeded from the arXiv snapshot
(tests/data/content_rules/snapshot.json). Run after a deliberate change to a rule,
then review the diff of the JSON file:

    python tools/golden_upstream.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = ROOT / "tests" / "data" / "upstream-README.md"
SNAPSHOT = ROOT / "tests" / "data" / "content_rules" / "snapshot.json"
GOLDEN = ROOT / "tests" / "data" / "upstream-findings.json"


def upstream_findings() -> list[dict[str, Any]]:
    """The findings as plain records, in the engine's order."""
    sys.path.insert(0, str(ROOT))
    from awesome.lint import lint_text
    from awesome.metadata import lock_from_snapshot

    lock = lock_from_snapshot(json.loads(SNAPSHOT.read_text("utf-8")), "snapshot.json")
    text = UPSTREAM.read_text("utf-8")
    return [
        {
            "rule": f.rule,
            "severity": f.severity,
            "line": f.line,
            "column": f.column,
            "message": f.message,
            "fixable": f.fix is not None,
        }
        for f in lint_text(text, "README.md", lock=lock)
    ]


def render(findings: list[dict[str, Any]]) -> str:
    return json.dumps(findings, indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    GOLDEN.write_text(render(upstream_findings()), "utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}")
