"""``awesome lint`` output formats: text, JSON, GitHub workflow commands, SARIF."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome.cli import run
from awesome.lint_report import (
    escape_data,
    escape_property,
    format_github,
    format_json,
    report_json,
    summary_line,
    use_colour,
)
from awesome.rules import RULES
from awesome.rules.base import Finding, Fix
from awesome.schemas import validator

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


# --- the real command on lists with real defects ----------------------------------------

ROOT = Path(__file__).resolve().parent.parent
HEAD = """\
# Awesome Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Papers on language models.

## Contents

- [Models](#models)

## Models

"""
ATTENTION = (
    "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)"
    " - **Transformer**. Vaswani et al., NIPS 2017."
)
ATTENTION_AGAIN = (
    "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)"
    " - **Transformer**. Vaswani et al., 2017."
)
HTTP_LINK = (
    "- [Transformers](http://github.com/huggingface/transformers)"
    " - The Open-source Communtity library."
)
# an http link to github.com, a misspelt venue, a typo: warnings only
WARNINGS_ONLY = HEAD + ATTENTION + "\n" + HTTP_LINK + "\n"
# and a duplicate arXiv entry: errors too
WITH_ERRORS = HEAD + ATTENTION + "\n" + ATTENTION_AGAIN + "\n" + HTTP_LINK + "\n"
RULE_IDS = {rule.id for rule in RULES}
KIND_OF = {rule.id: rule.kind for rule in RULES}


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "contributing.md").write_text("# Contributing\n\nOpen a pull request.\n", "utf-8")
    path = folder / "README.md"
    path.write_text(text, "utf-8")
    return path


def _line_of(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def _lint(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    code = run(["lint", *options, str(path)])
    return code, capsys.readouterr().out


def _json_report(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    _, out = _lint(path, capsys, "--format", "json")
    report: dict[str, Any] = json.loads(out)
    return report


def _expected_defects(text: str) -> set[tuple[str, int]]:
    defects = {
        ("venue-spelling", _line_of(text, ATTENTION)),
        ("url-https", _line_of(text, HTTP_LINK)),
        ("typo", _line_of(text, HTTP_LINK)),
    }
    if ATTENTION_AGAIN in text:
        defects.add(("duplicate-entry", _line_of(text, ATTENTION_AGAIN)))
    return defects


_TEXT_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning)"
    r" (?P<rule>[a-z0-9]+(?:-[a-z0-9]+)*) (?P<message>.+)$"
)
_SUMMARY = re.compile(
    r"^(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings? in (?P<files>\d+) files?"
    r"(?: \((?P<rules>.+)\))?$"
)


def _parse_summary(line: str) -> tuple[int, int, int, dict[str, dict[str, int]]]:
    match = _SUMMARY.match(line)
    assert match, line
    per_rule: dict[str, dict[str, int]] = {}
    for part in (match["rules"] or "").split("; ") if match["rules"] else []:
        rule, counts = part.split(": ")
        per_rule[rule] = {"error": 0, "warning": 0}
        for count in counts.split(", "):
            number, word = count.split(" ")
            per_rule[rule][word.removesuffix("s")] = int(number)
    return int(match["errors"]), int(match["warnings"]), int(match["files"]), per_rule


@pytest.mark.parametrize(("text", "exit_code"), [(WITH_ERRORS, 1), (WARNINGS_ONLY, 0)])
def test_text_lines_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, exit_code: int
) -> None:
    path = _write(tmp_path, text)
    code, out = _lint(path, capsys, "--format", "text")
    assert code == exit_code
    *lines, summary = out.splitlines()
    parsed = [_TEXT_LINE.match(line) for line in lines]
    assert all(parsed), lines
    found = [m for m in parsed if m]
    assert {m["path"] for m in found} == {str(path)}
    assert {m["rule"] for m in found} <= RULE_IDS
    assert _expected_defects(text) <= {(m["rule"], int(m["line"])) for m in found}
    # the summary counts what the lines say, rule by rule
    errors, warnings, files, per_rule = _parse_summary(summary)
    assert files == 1
    assert errors == sum(m["severity"] == "error" for m in found)
    assert warnings == sum(m["severity"] == "warning" for m in found)
    expected: dict[str, dict[str, int]] = {}
    for m in found:
        counts = expected.setdefault(m["rule"], {"error": 0, "warning": 0})
        counts[m["severity"]] += 1
    assert per_rule == expected
    assert list(per_rule) == sorted(per_rule)
    assert (errors > 0) == (exit_code == 1)


def test_text_and_json_report_the_same_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    _, out = _lint(path, capsys)
    from_text = [
        (m["rule"], m["severity"], int(m["line"]), int(m["column"]), m["message"])
        for m in map(_TEXT_LINE.match, out.splitlines()[:-1])
        if m
    ]
    report = _json_report(path, capsys)
    from_json = [
        (d["rule"], d["severity"], d["line"], d["column"], d["message"])
        for d in report["diagnostics"]
    ]
    assert from_text == from_json and from_text


def test_summary_of_two_files_and_of_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _write(tmp_path / "a", WARNINGS_ONLY)
    second = _write(tmp_path / "b", WARNINGS_ONLY)
    code = run(["lint", str(first), str(second)])
    *lines, summary = capsys.readouterr().out.splitlines()
    assert code == 0
    errors, warnings, files, per_rule = _parse_summary(summary)
    assert (errors, warnings, files) == (0, len(lines), 2)
    assert {m["path"] for m in map(_TEXT_LINE.match, lines) if m} == {str(first), str(second)}
    assert sum(c["warning"] for c in per_rule.values()) == warnings


def test_a_clean_list_prints_only_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = HEAD + ATTENTION.replace("NIPS", "NeurIPS") + "\n"
    code, out = _lint(_write(tmp_path, clean), capsys)
    assert (code, out) == (0, "0 errors, 0 warnings in 1 file\n")


def test_summary_counts_both_severities_of_one_rule() -> None:
    """A severity override can leave one rule with errors and warnings at once."""
    findings = [
        Finding("typo", "spelling", severity, "m", line)
        for line, severity in enumerate(["warning", "error", "warning"], 1)
    ]
    assert summary_line(findings, 3) == (
        "1 error, 2 warnings in 3 files (typo: 1 error, 2 warnings)"
    )


# --- colour -----------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """A stream that says it is a terminal, as a real one does."""

    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(_Terminal()) is True
    assert use_colour(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour(_Terminal()) is False
    # https://no-color.org: set and not empty; an empty NO_COLOR is as if unset
    monkeypatch.setenv("NO_COLOR", "")
    assert use_colour(_Terminal()) is True


def _lint_on_a_terminal(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    code = run(["lint", str(path)])
    return code, terminal.getvalue()


_ANSI = re.compile(r"\033\[[0-9;]*m")


def test_the_command_colours_severity_and_rule_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, plain = _lint(path, capsys)
    assert "\033[" not in plain
    code, coloured = _lint_on_a_terminal(path, monkeypatch)
    assert code == 1
    assert "\033[31merror\033[0m" in coloured and "\033[33mwarning\033[0m" in coloured
    assert _ANSI.sub("", coloured) == plain


def test_no_color_turns_colour_off_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    _, plain = _lint(path, capsys)
    monkeypatch.setenv("NO_COLOR", "1")
    assert _lint_on_a_terminal(path, monkeypatch)[1] == plain


# --- json -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [WITH_ERRORS, WARNINGS_ONLY, HEAD])
def test_json_validates_against_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    report = _json_report(_write(tmp_path, text), capsys)
    validator("lint-report").validate(report)
    schema = json.loads((ROOT / "schema" / "lint-report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(report)


def test_json_diagnostics_carry_every_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    report = _json_report(path, capsys)
    assert report["files"] == [str(path)]
    diagnostics = report["diagnostics"]
    fields = ["rule", "kind", "severity", "path", "line", "column", "message", "fixable"]
    assert all(list(d) == fields for d in diagnostics)
    assert _expected_defects(WITH_ERRORS) <= {(d["rule"], d["line"]) for d in diagnostics}
    by_rule = {d["rule"]: d for d in diagnostics}
    assert all(d["kind"] == KIND_OF[d["rule"]] and d["path"] == str(path) for d in diagnostics)
    # fixable: the spelling and URL fixes exist; a duplicate needs a person
    assert by_rule["typo"]["fixable"] and by_rule["url-https"]["fixable"]
    assert by_rule["venue-spelling"]["fixable"]
    assert not by_rule["duplicate-entry"]["fixable"]
    assert by_rule["duplicate-entry"]["severity"] == "error"
    assert by_rule["typo"]["message"] == "'Communtity' is spelt 'Community'"
    assert by_rule["typo"]["column"] == HTTP_LINK.index("Communtity") + 1
    summary = report["summary"]
    assert summary["errors"] == sum(d["severity"] == "error" for d in diagnostics) > 0
    assert summary["warnings"] == sum(d["severity"] == "warning" for d in diagnostics) > 0
    for rule, counts in summary["rules"].items():
        mine = [d for d in diagnostics if d["rule"] == rule]
        assert counts == {
            "errors": sum(d["severity"] == "error" for d in mine),
            "warnings": sum(d["severity"] == "warning" for d in mine),
        }


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("fixable"),
        lambda d: d.update(severity="info"),
        lambda d: d.update(line=0),
        lambda d: d.update(kind="style"),
        lambda d: d.update(extra=1),
    ],
)
def test_the_schema_rejects_a_damaged_diagnostic(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: Callable[[dict[str, Any]], object]
) -> None:
    """The schema is strict enough for the validation above to mean something."""
    report = _json_report(_write(tmp_path, WITH_ERRORS), capsys)
    damage(report["diagnostics"][0])
    assert not validator("lint-report").is_valid(report)


# --- github workflow commands -----------------------------------------------------------

_COMMAND = re.compile(
    r"^::(?P<severity>error|warning) file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[^,:]*)::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    for escaped, raw in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def test_github_commands_name_file_line_col_and_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a folder name with the two characters that end a property: ':' and ','
    path = _write(tmp_path / "lists: one, two", WITH_ERRORS.replace("transformers)", "t%20x)"))
    report = _json_report(path, capsys)
    code, out = _lint(path, capsys, "--format", "github")
    assert code == 1
    *lines, summary = out.split("\n")[:-1]
    assert _SUMMARY.match(summary)
    commands = [_COMMAND.match(line) for line in lines]
    assert all(commands), lines
    parsed = [
        (c["severity"], _unescape(c["file"]), int(c["line"]), int(c["col"]), c["title"])
        for c in commands
        if c
    ]
    assert parsed == [
        (d["severity"], d["path"], d["line"], d["column"], d["rule"]) for d in report["diagnostics"]
    ]
    assert all("lists%3A one%2C two" in line for line in lines)
    messages = [c["message"] for c in commands if c]
    assert [_unescape(m) for m in messages] == [d["message"] for d in report["diagnostics"]]
    # '%' is escaped in the message, ':' is not (only properties escape it)
    [https] = [m for m in messages if "use https" in m]
    assert https == "use https: https://github.com/huggingface/t%2520x"


def test_github_escapes_as_github_documents() -> None:
    """%, CR and LF in a message; also ':' and ',' in a property (actions/toolkit's rules)."""
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    # '%' first, so that an escape sequence already in the text stays literal
    assert escape_data("%0A") == "%250A"
    finding = Finding("typo", "spelling", "warning", "one\ntwo: 50%", 3, 7, path="x,y:z.md")
    assert format_github([finding], 1).split("\n")[0] == (
        "::warning file=x%2Cy%3Az.md,line=3,col=7,title=typo::one%0Atwo: 50%25"
    )


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_github_escapes_undo(text: str) -> None:
    assert _unescape(escape_data(text)) == text
    assert _unescape(escape_property(text)) == text
    assert not set("\r\n") & set(escape_data(text))
    assert not set("\r\n:,") & set(escape_property(text))


# --- sarif ------------------------------------------------------------------------------


def _uri_path(uri: str) -> str:
    """The local path a file URI or a relative URI reference names."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(uri)
    assert parts.scheme in ("", "file") and not parts.netloc, uri
    return unquote(parts.path)


def test_sarif_is_a_sarif_2_1_0_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    report = _json_report(path, capsys)
    code, out = _lint(path, capsys, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert "sarif" in log["$schema"] and "2.1.0" in log["$schema"]
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "awesome" and isinstance(driver["version"], str)
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)) and set(ids) == RULE_IDS
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    results = sarif_run["results"]
    for result in results:
        assert result["ruleId"] in ids
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning") and result["message"]["text"]
        [location] = result["locations"]
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    assert [
        (
            r["ruleId"],
            r["level"],
            r["message"]["text"],
            _uri_path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ] == [
        (d["rule"], d["severity"], d["message"], d["path"], d["line"], d["column"])
        for d in report["diagnostics"]
    ]
    assert {r["level"] for r in results} == {"error", "warning"}


def test_sarif_level_follows_a_configured_severity(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, WARNINGS_ONLY)
    (tmp_path / "awesome.toml").write_text('[lint]\nseverity = { typo = "error" }\n', "utf-8")
    code, out = _lint(path, capsys, "--format", "sarif")
    assert code == 1
    levels = {r["ruleId"]: r["level"] for r in json.loads(out)["runs"][0]["results"]}
    assert levels["typo"] == "error" and levels["url-https"] == "warning"


@pytest.mark.parametrize(
    "relative", ["README.md", "lists/my list.md", "a:b/50%#1.md", "docs/naïve.md"]
)
def test_sarif_uri_is_a_uri_reference_to_the_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    relative: str,
) -> None:
    """SARIF's artifactLocation.uri is a URI, not a path: a relative path stays relative (code
    scanning resolves it against the checkout), percent-encoded; an absolute one is a file URI."""
    from urllib.parse import unquote, urlsplit

    monkeypatch.chdir(tmp_path)
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WARNINGS_ONLY, "utf-8")
    for name in (relative, str(path)):
        run(["lint", "--format", "sarif", name])
        results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        [uri] = uris
        assert re.fullmatch(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+", uri), uri  # RFC 3986
        parts = urlsplit(uri)
        if name == relative:
            assert (parts.scheme, parts.netloc) == ("", "") and unquote(parts.path) == relative
        else:
            assert parts.scheme == "file" and Path(unquote(parts.path)) == path


# --- exit codes -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_exit_code_is_the_same_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert _lint(_write(tmp_path / "w", WARNINGS_ONLY), capsys, "--format", fmt)[0] == 0
    assert _lint(_write(tmp_path / "e", WITH_ERRORS), capsys, "--format", fmt)[0] == 1


def test_usage_errors_exit_2_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, WITH_ERRORS)
    assert run(["lint", "--format", "xml", str(path)]) == 2
    assert "Invalid value for '--format'" in capsys.readouterr().err
    missing = tmp_path / "missing.md"
    assert run(["lint", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and str(missing) in captured.err
    assert "Traceback" not in captured.err
