from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome.cli import COMMANDS, cli, run_alias
from tests.conftest import ROOT, run_awesome


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and "awesome, version" in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(runner: CliRunner, name: str) -> None:
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_described_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"`awesome {name}" in readme


def test_unknown_command_is_exit_2() -> None:
    result = run_awesome("no-such-command")
    assert result.returncode == 2 and "No such command" in result.stderr


def test_importing_the_cli_loads_no_network_library() -> None:
    code = (
        "import sys, awesome.cli, awesome.commands.format_cmd;"
        "bad = [m for m in ('requests', 'arxiv', 'urllib3', 'feedparser') if m in sys.modules];"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_python_dash_m_runs_format_check_on_the_shipped_list() -> None:
    result = run_awesome("format", "--check", "list/README.md")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", ["lint", "fetch"])
def test_alias_programs_name_themselves(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_alias(name, ["--help"]) == 0
    assert capsys.readouterr().out.startswith(f"Usage: awesome-{name} [OPTIONS]")
    assert run_alias(name, ["--no-such-option"]) == 2
    assert f"Try 'awesome-{name} --help'" in capsys.readouterr().err


def test_lint_alias_reports_a_missing_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.md"
    assert run_alias("lint", [str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and len(err.strip().splitlines()) == 1
