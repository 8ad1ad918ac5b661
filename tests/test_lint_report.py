"""``awesome lint`` output formats: text, JSON, GitHub workflow commands, SARIF."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome.lint_report import format_json, report_json
from awesome.rules.base import Finding, Fix

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
_FINDINGS = st.lists(
    st.builds(
        Finding,
        rule=st.sampled_from(["duplicate-entry", "url-https", "typo"]),
        kind=st.sampled_from(["duplicate", "url", "spelling"]),
        severity=st.sampled_from(["error", "warning"]),
        message=_TEXT,
        line=st.integers(min_value=1, max_value=10**6),
        column=st.integers(min_value=1, max_value=500),
        fix=st.none() | st.just(Fix(1, "a", "b")),
        path=st.none() | _TEXT,
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(_FINDINGS, st.lists(_TEXT, max_size=3))
def test_json_is_written_as_json_dumps_with_an_indent_of_two(
    findings: list[Finding], files: list[str]
) -> None:
    """The report is written by hand for speed; it must be what ``json`` would write."""
    expected = json.dumps(report_json(findings, files), indent=2, ensure_ascii=False) + "\n"
    assert format_json(findings, files) == expected
