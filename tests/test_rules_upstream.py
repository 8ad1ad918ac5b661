"""The whole linter on the upstream copy: a golden JSON, and the defects it must keep finding."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tools.golden_upstream import GOLDEN, render, upstream_findings


@pytest.fixture(scope="module")
def findings() -> list[dict[str, Any]]:
    return upstream_findings()


def test_findings_match_the_golden_file(findings: list[dict[str, Any]]) -> None:
    expected = json.loads(GOLDEN.read_text("utf-8"))
    # after a deliberate rule change: python tools/golden_upstream.py, then review the diff
    assert render(findings) == render(expected)


def _at(findings: list[dict[str, Any]], rule: str) -> list[int]:
    return [f["line"] for f in findings if f["rule"] == rule]


def test_wrong_links_are_errors(findings: list[dict[str, Any]]) -> None:
    # Megatron-LM linked to ZeRO's id; Reducing Activation Recomputation to the GPU-cluster paper
    assert _at(findings, "arxiv-title") == [206, 208]
    assert all(f["severity"] == "error" for f in findings if f["rule"] == "arxiv-title")


def test_every_duplicate_is_found(findings: list[dict[str, Any]]) -> None:
    assert _at(findings, "duplicate-entry") == [119, 123, 164, 165, 195, 206, 208, 218, 220]


def test_wrong_years_against_arxiv(findings: list[dict[str, Any]]) -> None:
    assert _at(findings, "arxiv-year") == [96, 100, 126, 144, 203, 218, 239]


def test_misspellings(findings: list[dict[str, Any]]) -> None:
    venues = {f["message"].split("'")[1] for f in findings if f["rule"] == "venue-spelling"}
    assert venues == {"Arxiv", "Arixv", "NIPS", "FaccT", "EMNLP findings"}
    assert {69, 70, 227, 270, 304} <= set(_at(findings, "typo"))


def test_content_fixes_clear_their_findings_and_keep_every_link() -> None:
    import json as _json

    from awesome.config import Config, LintConfig
    from awesome.formatting import link_targets
    from awesome.lint import apply_fixes_detailed, lint_text
    from awesome.metadata import lock_from_snapshot
    from tools.golden_upstream import SNAPSHOT, UPSTREAM

    fixable = ["venue-spelling", "typo", "url-https", "arxiv-url", "url-tracking", "url-whitespace"]
    config = Config(lint=LintConfig(select=fixable))
    lock = lock_from_snapshot(_json.loads(SNAPSHOT.read_text("utf-8")), "snapshot.json")
    original = text = UPSTREAM.read_text("utf-8")
    for _ in range(3):
        outcome = apply_fixes_detailed(text, lint_text(text, "README.md", config, lock))
        text = outcome.text
    assert lint_text(text, "README.md", config, lock) == []
    assert sum(link_targets(text).values()) == sum(link_targets(original).values())
    assert "NeurIPS 2017" in text and "Open-source Community" in text
