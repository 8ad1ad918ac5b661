"""The lint engine: fixes, the nothing-lost check of --fix, and the command around it."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome.cli import cli, run
from awesome.formatting import link_targets, words
from awesome.lint import _lost_by_fixes, fix_file, lint_file
from awesome.rules import RULES
from awesome.rules.base import Fix

# A list with the defect of the upstream guide: an in-page link whose anchor is written
# in the heading's own capitals, which GitHub does not resolve.
WRONG_ANCHOR = """\
# Awesome Guides [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Papers and tools for language models.

Check the terms in [Usage and Restrictions](#Usage-and-Restrictions) before you use a model.

## Contents

- [Models](#models)
- [Usage and Restrictions](#usage-and-restrictions)

## Models

- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - The transformer.

## Usage and Restrictions

Some weights are for research only; see [the terms](#Usage-and-Restrictions) again.

## Contributing

Pull requests are welcome.
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "README.md"
    path.write_text(text, "utf-8")
    (tmp_path / "contributing.md").write_text("# Contributing\n\nOpen a pull request.\n")
    return path


def test_fix_rewrites_a_wrong_anchor_and_loses_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, WRONG_ANCHOR)
    before = [f.rule for f in lint_file(path).findings]
    assert before.count("broken-anchor") == 2

    report = fix_file(path)

    assert report.problems == [] and report.changed
    fixed = path.read_text("utf-8")
    assert fixed.count("](#usage-and-restrictions)") == 3
    assert "#Usage-and-Restrictions" not in fixed
    assert [f.rule for f in lint_file(path).findings if f.rule in ("broken-anchor", "toc")] == []
    # the only targets and words that changed are the corrected anchors' capitals
    assert link_targets(WRONG_ANCHOR) - link_targets(fixed) == Counter(
        {"#Usage-and-Restrictions": 2}
    )
    assert words(WRONG_ANCHOR) - words(fixed) == Counter({"Usage": 2, "Restrictions": 2})
    # a second --fix finds nothing more to do
    again = fix_file(path)
    assert again.problems == [] and not again.changed
    assert path.read_text("utf-8") == fixed


def test_lint_fix_command_writes_the_corrected_anchor(tmp_path: Path) -> None:
    path = _write(tmp_path, WRONG_ANCHOR)
    result = CliRunner().invoke(cli, ["lint", "--fix", str(path)])
    assert "nothing written" not in result.output
    assert "(#usage-and-restrictions) before you use" in path.read_text("utf-8")


def test_a_target_removed_beside_a_fix_is_still_a_loss() -> None:
    original = "See [a](#Top) and [b](https://b.example).\n"
    fixed = "See [a](#top) and b.\n"
    problems = _lost_by_fixes(original, fixed, [Fix(1, "#Top", "#top", column=9)])
    assert problems[0] == "link target would be lost: https://b.example"


def test_a_rewrite_counts_only_when_its_result_is_there() -> None:
    original = "See [a](#Top).\n"
    fix = Fix(1, "#Top", "#top", column=9)
    assert _lost_by_fixes(original, "See [a](#top).\n", [fix]) == []
    assert _lost_by_fixes(original, "See a.\n", [fix]) == ["link target would be lost: #Top"]


# --- configuration: select, ignore, severity, spelling, allowed duplicates --------------

HEAD = """\
# Awesome Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

> Papers on language models.

## Contents

- [Models](#models)

## Models

"""
# real defects, one kind each: an http link to github.com (url), a misspelt venue and a
# typo (spelling), the same arXiv paper twice (duplicate, and link: its URL twice)
DEFECTS = (
    HEAD + "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Vaswani et al.,"
    " NIPS 2017.\n"
    "- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Vaswani et al., 2017.\n"
    "- [Megatron-LM](http://github.com/NVIDIA/Megatron-LM) - Shoeybi et al., 2019."
    " The megatron Communtity code.\n"
)
ALL_RULES = sorted(rule.id for rule in RULES)


def _config_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, *options: str
) -> tuple[int, list[dict[str, object]]]:
    """Lint DEFECTS with ``config`` as awesome.toml beside it; exit code and diagnostics."""
    path = _write(tmp_path, DEFECTS)
    if config:
        (tmp_path / "awesome.toml").write_text(config, "utf-8")
    code = run(["lint", "--format", "json", *options, str(path)])
    diagnostics: list[dict[str, object]] = json.loads(capsys.readouterr().out)["diagnostics"]
    return code, diagnostics


def _rules(diagnostics: list[dict[str, object]]) -> set[object]:
    return {d["rule"] for d in diagnostics}


def test_without_configuration_every_defect_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found = _config_run(tmp_path, capsys, "")
    assert code == 1
    assert {"url-https", "venue-spelling", "typo", "duplicate-entry", "double-link"} <= _rules(
        found
    )
    assert "spell-check" not in _rules(found)  # 'megatron' is no product name it knows


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('[lint]\nselect = ["url-https"]\n', {"url-https"}),
        ('[lint]\nselect = ["spelling"]\n', {"venue-spelling", "typo"}),
        ('[lint]\nselect = ["typo", "duplicate"]\n', {"typo", "duplicate-entry"}),
        ('[lint]\nselect = ["spelling"]\nignore = ["typo"]\n', {"venue-spelling"}),
    ],
)
def test_select_runs_only_the_rules_and_kinds_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: str, expected: set[str]
) -> None:
    assert _rules(_config_run(tmp_path, capsys, config)[1]) == expected


@pytest.mark.parametrize(
    ("config", "gone", "kept"),
    [
        ('[lint]\nignore = ["url-https"]\n', {"url-https"}, {"typo", "duplicate-entry"}),
        ('[lint]\nignore = ["spelling"]\n', {"typo", "venue-spelling"}, {"url-https"}),
        (
            '[lint]\nignore = ["duplicate", "double-link"]\n',
            {"duplicate-entry", "double-link"},
            {"typo", "url-https"},
        ),
    ],
)
def test_ignore_skips_the_rules_and_kinds_named(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    gone: set[str],
    kept: set[str],
) -> None:
    found = _rules(_config_run(tmp_path, capsys, config)[1])
    assert not found & gone and kept <= found


def test_severity_overrides_turn_errors_into_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[lint.severity]\nduplicate-entry = "warning"\ndouble-link = "warning"\n'
    code, found = _config_run(tmp_path, capsys, config)
    assert code == 0  # warnings alone pass
    assert {"duplicate-entry", "double-link"} <= _rules(found)
    assert {d["severity"] for d in found} == {"warning"}


def test_severity_override_turns_a_warning_into_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = '[lint]\nselect = ["spelling", "url"]\nseverity = { typo = "error" }\n'
    code, found = _config_run(tmp_path, capsys, config)
    assert code == 1
    severities = {str(d["rule"]): d["severity"] for d in found}
    assert severities == {"typo": "error", "venue-spelling": "warning", "url-https": "warning"}


def test_severity_off_turns_a_rule_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    found = _rules(_config_run(tmp_path, capsys, '[lint.severity]\ntypo = "off"\n')[1])
    assert "typo" not in found and {"venue-spelling", "url-https"} <= found


def test_extra_spelling_pairs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = '[lint]\nselect = ["spell-check"]\nspelling = { "megatron" = "Megatron" }\n'
    [finding] = _config_run(tmp_path, capsys, config)[1]
    assert finding["rule"] == "spell-check" and finding["fixable"] is True
    assert "'megatron'" in str(finding["message"]) and "'Megatron'" in str(finding["message"])
    assert finding["line"] == DEFECTS.split("\n").index(DEFECTS.split("\n")[-2]) + 1


def test_allowed_duplicate_urls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    select = '[lint]\nselect = ["double-link"]\n'
    assert _rules(_config_run(tmp_path, capsys, select)[1]) == {"double-link"}
    allowed = select + 'allowed_duplicate_urls = ["https://arxiv.org/abs/1706.03762"]\n'
    assert _config_run(tmp_path, capsys, allowed) == (0, [])


def test_pyproject_tool_awesome_lint_and_an_explicit_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "list").mkdir()
    path = _write(tmp_path / "list", DEFECTS)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesome.lint]\nselect = ["url-https"]\n', "utf-8"
    )
    assert run(["lint", "--format", "json", str(path)]) == 0
    assert _rules(json.loads(capsys.readouterr().out)["diagnostics"]) == {"url-https"}
    other = tmp_path / "other.toml"
    other.write_text('[lint]\nselect = ["typo"]\n', "utf-8")
    assert run(["lint", "--format", "json", "--config", str(other), str(path)]) == 0
    assert _rules(json.loads(capsys.readouterr().out)["diagnostics"]) == {"typo"}


@pytest.mark.parametrize(
    ("config", "key", "kinds"),
    [
        ('[lint]\nselect = ["typo", "typos"]\n', "select", True),
        ('[lint]\nignore = ["url-http"]\n', "ignore", True),
        ('[lint.severity]\ntypo = "error"\n"no-such-rule" = "off"\n', "severity", False),
        # a kind selects several rules, but a severity belongs to one rule
        ('[lint.severity]\nspelling = "error"\n', "severity", False),
    ],
)
@pytest.mark.parametrize("options", [[], ["--format", "sarif"], ["--fix"]])
def test_an_unknown_rule_id_is_one_line_naming_it_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    config: str,
    key: str,
    kinds: bool,
    options: list[str],
) -> None:
    path = _write(tmp_path, DEFECTS)
    toml = tmp_path / "awesome.toml"
    toml.write_text(config, "utf-8")
    assert run(["lint", *options, str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    bad = {"select": "typos", "ignore": "url-http"}.get(key) or (
        "no-such-rule" if "no-such-rule" in config else "spelling"
    )
    valid = ", ".join(ALL_RULES)
    extra = " or a kind" if kinds else ""
    assert line == (
        f"error: {toml}: unknown rule id '{bad}' in lint.{key} (valid rule ids{extra}: {valid})"
    )
    assert path.read_text("utf-8") == DEFECTS  # --fix wrote nothing


def test_an_invalid_severity_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, DEFECTS)
    (tmp_path / "awesome.toml").write_text('[lint.severity]\ntypo = "fatal"\n', "utf-8")
    assert run(["lint", str(path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(
        f"error: {tmp_path / 'awesome.toml'}: invalid value for 'lint.severity.typo'"
    )


# --- --fix on the upstream list ---------------------------------------------------------


def _contents_section(text: str) -> str:
    """The upstream list's hand-kept contents list (its '## Catalog'), which the canonical
    format replaces with a generated one."""
    start = text.index("\n## Catalog\n")
    return text[start : text.index("\n## ", start + 1)]


def _link_labels(text: str) -> str:
    """The text of every ``[label](`` link: the canonical entry drops a primary link's label."""
    return " ".join(re.findall(r"\[([^\]\[]*)\]\(", text))


def test_fix_on_the_upstream_list_leaves_nothing_fixable_and_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from awesome.metadata import lock_from_snapshot, save_lock
    from tools.golden_upstream import SNAPSHOT, UPSTREAM

    original = UPSTREAM.read_text("utf-8")
    path = tmp_path / "README.md"
    path.write_text(original, "utf-8")
    lock = lock_from_snapshot(json.loads(SNAPSHOT.read_text("utf-8")), "snapshot.json")
    save_lock(lock, tmp_path / "metadata.json")
    fixes = [f.fix for f in lint_file(path).findings if f.fix is not None]
    assert len(fixes) > 100  # the upstream list has plenty to fix

    run(["lint", "--fix", str(path)])
    err = capsys.readouterr().err
    assert f"fixed {path}" in err and "nothing written" not in err
    fixed = path.read_text("utf-8")
    assert fixed != original

    # no fixable finding is left, and a second --fix has nothing to do
    run(["lint", "--format", "json", str(path)])
    after = json.loads(capsys.readouterr().out)["diagnostics"]
    assert after and [d for d in after if d["fixable"]] == []
    run(["lint", "--fix", str(path)])
    assert path.read_text("utf-8") == fixed

    # every link target is still there, except those a fix rewrote (and the new form is
    # there instead) and those of the contents list the canonical format regenerates
    rewritten: Counter[str] = Counter()
    targets = link_targets(fixed)
    for fix in fixes:
        old, new = link_targets(fix.old), link_targets(fix.new)
        if fix.old.startswith("#"):  # an anchor, fixed on its own
            old, new = Counter([fix.old]), Counter([fix.new])
        # a rewrite, not a removal: as many targets after as before, and all of them there
        assert sum(new.values()) == sum(old.values()) and not new - targets, fix
        rewritten += old
    lost = link_targets(original) - targets
    unexplained = lost - rewritten - link_targets(_contents_section(original))
    assert lost and not unexplained, unexplained
    # words: only those a fix replaced, the old contents list's, and link labels
    # ('Paper', 'Blog', ...) the canonical entry drops
    allowed = words(_contents_section(original)) + words(_link_labels(original))
    for fix in fixes:
        allowed += words(fix.old)
    lost_words = words(original) - words(fixed) - allowed
    assert not lost_words, lost_words
    # and the corrections are in: a venue, a typo, an https link, a canonical arXiv link
    for good in ("NeurIPS 2017", "Open-source Community", "https://proceedings.mlr.press/"):
        assert good in fixed
    assert "arxiv.org/pdf/" not in fixed and "fbclid=" not in fixed


def test_allow_duplicates_lets_a_paper_stand_in_two_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bert = "- [BERT](https://arxiv.org/abs/1810.04805) - Devlin et al., 2018.\n"
    text = HEAD.replace("- [Models](#models)\n", "- [Models](#models)\n- [Encoders](#encoders)\n")
    text += bert + "\n## Encoders\n\n" + bert + bert
    path = _write(tmp_path, text)
    select = '[lint]\nselect = ["duplicate-entry", "double-link"]\n'
    (tmp_path / "awesome.toml").write_text(select, "utf-8")
    run(["lint", "--format", "json", str(path)])
    before = json.loads(capsys.readouterr().out)["diagnostics"]
    lines = text.split("\n")
    second, third = [n for n, line in enumerate(lines, 1) if line == bert.strip()][1:]
    assert {(d["rule"], d["line"]) for d in before} >= {
        ("duplicate-entry", second),
        ("duplicate-entry", third),
        ("double-link", second),
    }
    (tmp_path / "awesome.toml").write_text(select + "allow_duplicates = true\n", "utf-8")
    run(["lint", "--format", "json", str(path)])
    after = json.loads(capsys.readouterr().out)["diagnostics"]
    # across sections allowed, and double-link off; a repeat within one section is still one
    assert [(d["rule"], d["line"]) for d in after] == [("duplicate-entry", third)]
