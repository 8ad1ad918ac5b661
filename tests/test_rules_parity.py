"""Parity with awesome-lint 2.3.0 on its own fixtures.

awesome-lint's test fixtures and the findings its tests expect (``expected.json``)
are kept outside the project, in ``../shared/peers/awesome-lint/`` (they are
MIT-licensed test input of sindresorhus/awesome-lint; its RUN.md asks that they
are used in place, not copied). For every case whose rule we have an equivalent
for, our rule must report the same lines: the lines awesome-lint 2.3.0 reported
when its tests were replayed offline (``observed_2_3_0_offline``), or, where that
test is skipped upstream, the lines the test states.

Rules that do not apply to a local file, and cases we do not mirror, are listed
below with the reason.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from awesome.config import Config, LintConfig
from awesome.lint import lint_text, read_siblings
from awesome.spelling import product_names
from tests.conftest import ROOT


def _peer_folder() -> Path:
    """Where awesome-lint's fixtures are: $AWESOME_LINT_PEER, else ``shared/`` beside
    this checkout or beside the maintainers' work folder (a clone made elsewhere, as
    CI makes, still finds them on the same machine)."""
    if "AWESOME_LINT_PEER" in os.environ:
        return Path(os.environ["AWESOME_LINT_PEER"])
    candidates = [ROOT.parent / "shared", Path("/work/shared")]
    for shared in candidates:
        if (shared / "peers" / "awesome-lint" / "expected.json").is_file():
            return shared / "peers" / "awesome-lint"
    return candidates[0] / "peers" / "awesome-lint"


PEER = _peer_folder()

# Their rule id -> ours.
EQUIVALENT = {
    "awesome-badge": "awesome-badge",
    "awesome-heading": "awesome-heading",
    "awesome-license": "license-section",
    "awesome-list-item": "list-item",
    "awesome-no-ci-badge": "no-ci-badge",
    "awesome-toc": "toc",
    "awesome-contributing": "contributing",
    "awesome-code-of-conduct": "code-of-conduct",
    "awesome-spell-check": "spell-check",
    "double-link": "double-link",
    "no-repeat-item-in-description": "no-repeat-item-in-description",
    "balanced-punctuation": "balanced-punctuation",
    "no-undefined-references": "undefined-reference",
}

# Their rules that cannot apply to a local file.
NOT_APPLICABLE = {
    "awesome-github": "needs the list's git remote and the GitHub API (network)",
    "awesome-git-repo-age": "needs git history or the GitHub API (network); off in 2.3.0 anyway",
    "no-repeat-punctuation": "not implemented: repeated ! or ? is a style choice we leave alone",
}

# Cases we do not mirror, by (fixture, rules_enabled) prefix, with the reason.
NOT_MIRRORED = {
    "FULL default config": "whole-CLI integration checks; each rule is compared on its own",
    "balanced-punctuation(options=": "per-rule options (custom pairs) are not configurable",
    "double-link {shouldIgnore: url includes": "a JavaScript callback option has no equivalent",
}

# double-link without options counts links inside descriptions; awesome-lint's CLI
# (and our rule, always) uses its awesome-list behaviour, which does not.
AWESOME_LIST_BEHAVIOUR = {("double-link/links-in-descriptions.md", "double-link (no options)")}

# Spellings where our list states a different fact than theirs (line numbers in the fixture).
SPELLING_DIFFERENCES = {
    ("spell-check/error0.md", 64): "'Postgres' is an official short name of PostgreSQL",
    ("spell-check/error0.md", 78): "'k8s' is the project's own abbreviation of Kubernetes",
    ("spell-check/error0.md", 83): "'wasm' is the standard's own short name",
    ("spell-check/error0.md", 84): "'WASM' is the standard's own short name",
}

_CANONICAL = re.compile(r'should be written as "([^"]+)"')


@dataclass(frozen=True)
class Case:
    fixture: str
    their_rule: str
    rules_enabled: str
    lines: tuple[int | None, ...]
    messages: tuple[str, ...]
    options: str


def _their_rule(rules_enabled: str) -> str:
    return re.split(r"[\s({]", rules_enabled, maxsplit=1)[0]


def _findings_of(test: dict[str, Any]) -> list[dict[str, Any]]:
    observed = test.get("observed_2_3_0_offline")
    if test.get("assertion_holds_on_2_3_0_offline") is False and "SKIPPED" in test["assertion"]:
        return list(test.get("expected") or [])  # skipped upstream: the test's own statement
    return list(observed if observed is not None else test.get("expected") or [])


def _cases() -> list[Any]:
    expected = PEER / "expected.json"
    if not expected.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no peer data at {PEER}"))]
    data = json.loads(expected.read_text("utf-8"))
    cases = []
    for fixture, tests in data["fixtures"].items():
        for test in tests:
            enabled = test["rules_enabled"][0]
            rule = _their_rule(enabled)
            findings = [f for f in _findings_of(test) if f["ruleId"] == rule]
            case = Case(
                fixture,
                rule,
                enabled,
                tuple(f["line"] for f in findings),
                tuple(f["message"] for f in findings),
                enabled[len(rule) :].strip(),
            )
            cases.append(pytest.param(case, id=f"{fixture}[{enabled[:40]}]"))
    return cases


def _skip_reason(case: Case) -> str | None:
    for prefix, reason in NOT_MIRRORED.items():
        if case.rules_enabled.startswith(prefix):
            return reason
    if case.their_rule in NOT_APPLICABLE:
        return NOT_APPLICABLE[case.their_rule]
    if case.their_rule not in EQUIVALENT:
        return f"no equivalent rule for {case.their_rule}"
    return None


def _config(case: Case, our_rule: str) -> Config:
    lint = LintConfig(select=[our_rule])
    if case.their_rule == "double-link" and "ignore:" in case.options:
        lint.allowed_duplicate_urls = re.findall(r'"(https?://[^"]+)"', case.options)
    return Config(lint=lint)


def _ours(case: Case, our_rule: str) -> list[tuple[int, str]]:
    path = PEER / "fixtures" / case.fixture
    text = path.read_text("utf-8")
    findings = lint_text(text, str(path), _config(case, our_rule), siblings=read_siblings(path))
    return [(f.line, f.message) for f in findings if f.rule == our_rule]


def _normalized(name: str) -> str:
    return name.replace(" ", "").lower()


def _spelling_lines(case: Case, ours: list[tuple[int, str]]) -> tuple[list[int], list[int]]:
    """Compare spell-check on the names both lists know, minus stated differences."""
    names = {_normalized(name) for name in product_names()}
    theirs = [
        line
        for line, message in zip(case.lines, case.messages, strict=True)
        if line is not None
        and _normalized(_CANONICAL.search(message).group(1)) in names  # type: ignore[union-attr]
        and (case.fixture, line) not in SPELLING_DIFFERENCES
    ]
    their_names = {_normalized(m.group(1)) for m in map(_CANONICAL.search, case.messages) if m}
    right = re.compile(r"is spelled '([^']+)'")
    mine = [
        line
        for line, message in ours
        if _normalized(right.search(message).group(1)) in their_names  # type: ignore[union-attr]
    ]
    return sorted(set(theirs)), sorted(set(mine))


@pytest.mark.parametrize("case", _cases())
def test_same_lines_as_awesome_lint(case: Case | None) -> None:
    assert case is not None
    reason = _skip_reason(case)
    if reason:
        pytest.skip(reason)
    our_rule = EQUIVALENT[case.their_rule]
    ours = _ours(case, our_rule)
    if (case.fixture, case.rules_enabled) in AWESOME_LIST_BEHAVIOUR:
        assert ours == [], "description links are not counted in awesome-list behaviour"
        return
    if case.their_rule == "awesome-spell-check":
        theirs, mine = _spelling_lines(case, ours)
        assert mine == theirs
        return
    if case.lines and all(line is None for line in case.lines):
        assert len(ours) == len(case.lines)  # a file-level finding: no line to compare
        return
    assert sorted(line for line, _ in ours) == sorted(line for line in case.lines if line)


def test_every_rule_of_awesome_lint_is_mapped_or_explained() -> None:
    if not (PEER / "expected.json").is_file():
        pytest.skip(f"no peer data at {PEER}")
    data = json.loads((PEER / "expected.json").read_text("utf-8"))
    theirs = {
        _their_rule(test["rules_enabled"][0])
        for tests in data["fixtures"].values()
        for test in tests
        if not test["rules_enabled"][0].startswith("FULL")
    }
    unexplained = theirs - set(EQUIVALENT) - set(NOT_APPLICABLE)
    assert not unexplained
