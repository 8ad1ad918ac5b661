"""The CI: workflows, the composite action and the pre-commit hooks.

Static checks (YAML, triggers, least permissions, pinned actions, no expression
pasted into a shell line) run everywhere. The GitHub schemas (check-jsonschema)
and the security audit (zizmor) run when those tools are installed, as they are
through the ``[test]`` extra; otherwise those tests skip and say why. The shell
scripts of the action and of the regenerate and links workflows are run for real
against temporary git repositories.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTION = ROOT / "action.yml"
WORKFLOW_NAMES = ("tests", "pull-request", "regenerate", "links")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\b")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


# ---------------------------------------------------------------- helpers


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), f"{path} is not a YAML mapping"
    return data


def workflow(name: str) -> dict[str, Any]:
    return load(WORKFLOWS / f"{name}.yml")


def triggers(data: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key ``on`` as the boolean True
    on = data.get("on", data.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict)
    return on


def steps_of(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if "runs" in data:
        yield from data["runs"]["steps"]
    for job in data.get("jobs", {}).values():
        yield from job.get("steps", [])


def step(data: dict[str, Any], step_id: str) -> dict[str, Any]:
    [found] = [s for s in steps_of(data) if s.get("id") == step_id]
    return found


def all_files() -> list[Path]:
    return [*(WORKFLOWS / f"{name}.yml" for name in WORKFLOW_NAMES), ACTION]


def tool(name: str) -> str | None:
    """A console script from this interpreter's environment, else from PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return done.stdout


def command_available(name: str) -> bool:
    return importlib.util.find_spec(f"awesome.commands.{name}_cmd") is not None


def awesome_bin(tmp_path: Path) -> Path:
    """A folder with an ``awesome`` executable that runs this checkout's package."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    script = folder / "awesome"
    script.write_text(
        f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m awesome "$@"\n', "utf-8"
    )
    script.chmod(0o755)
    return folder


def clean_environment() -> dict[str, str]:
    """The environment without git identity variables: a script must set its own."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**kept, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def run_script(
    script: str, cwd: Path, env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """Run a ``run:`` block the way a runner does with ``shell: bash``."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env={**clean_environment(), **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def swap_two_entries(readme: Path) -> None:
    """Swap the first two neighbouring entries: out of canonical order, nothing else changed."""
    lines = readme.read_text("utf-8").split("\n")
    first = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("- [") and lines[i + 1].startswith("- [")
    )
    lines[first], lines[first + 1] = lines[first + 1], lines[first]
    readme.write_text("\n".join(lines), "utf-8")


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# ---------------------------------------------------------------- static checks


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.name)
def test_every_file_parses_as_yaml_with_a_name(path: Path) -> None:
    assert load(path).get("name")


def test_tests_run_on_pushes_and_pull_requests_on_supported_pythons() -> None:
    data = workflow("tests")
    assert set(triggers(data)) == {"push", "pull_request"}
    [job] = data["jobs"].values()
    versions = job["strategy"]["matrix"]["python-version"]
    requires = re.search(r'requires-python = ">=(\d+\.\d+)"', (ROOT / "pyproject.toml").read_text())
    assert requires is not None
    floor = tuple(int(part) for part in requires.group(1).split("."))
    assert versions == ["3.11", "3.12", "3.13"]
    assert all(tuple(int(p) for p in v.split(".")) >= floor for v in versions)
    setup = [s for s in job["steps"] if "setup-python" in s.get("uses", "")]
    assert setup and setup[0]["with"]["cache"] == "pip"


def test_pull_request_workflow_runs_only_on_pull_request() -> None:
    data = workflow("pull-request")
    assert set(triggers(data)) == {"pull_request"}
    text = (WORKFLOWS / "pull-request.yml").read_text("utf-8")
    assert "pull_request_target:" not in text


def test_pull_request_workflow_runs_every_check_against_the_base_branch() -> None:
    data = workflow("pull-request")
    [job] = data["jobs"].values()
    checkout, action = job["steps"][0], job["steps"][1]
    assert checkout["with"]["fetch-depth"] == 0
    assert action["uses"] == "./"
    assert action["with"]["list"] == "list/README.md"
    assert action["with"]["checks"].split() == ["lint", "format", "links", "diff"]
    assert action["with"]["base-ref"] == "${{ github.base_ref }}"


def test_action_runs_the_documented_commands_with_base_ref_from_env() -> None:
    data = load(ACTION)
    checks = step(data, "checks")
    assert checks["env"]["BASE_REF"] == "${{ inputs.base-ref }}"
    script = checks["run"]
    assert 'awesome lint --format github "$LIST"' in script
    assert 'awesome format --check --diff "$LIST"' in script
    assert 'base="origin/$BASE_REF"' in script
    assert 'awesome links --changed-since "$base" --format github "$LIST"' in script
    assert 'awesome diff "$base" "$LIST" --format markdown' in script
    assert data["runs"]["using"] == "composite"
    assert set(data["inputs"]) >= {"list", "checks", "base-ref"}


def test_regenerate_runs_on_main_weekly_and_by_hand_one_at_a_time() -> None:
    data = workflow("regenerate")
    on = triggers(data)
    assert set(on) == {"push", "schedule", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    assert all(path.startswith("list/") for path in on["push"]["paths"])
    assert len(on["schedule"]) == 1
    assert data["concurrency"]["group"].startswith("regenerate-")
    assert data["concurrency"]["cancel-in-progress"] is False
    scripts = [s.get("run", "") for s in steps_of(data)]
    assert 'awesome enrich "$LIST"' in scripts
    assert 'awesome format "$LIST"' in scripts


def test_links_runs_weekly_and_by_hand_with_a_cache() -> None:
    data = workflow("links")
    assert set(triggers(data)) == {"schedule", "workflow_dispatch"}
    uses = [s.get("uses", "") for s in steps_of(data)]
    assert any(u.startswith("actions/cache@") for u in uses)
    cache = next(s for s in steps_of(data) if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".awesome-cache"
    assert 'awesome links --format markdown "$LIST"' in step(data, "check")["run"]


EXPECTED_JOB_PERMISSIONS = {
    "tests": [None],
    "pull-request": [None],
    "regenerate": [{"contents": "write"}],
    "links": [{"contents": "read", "issues": "write"}],
}


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_least_permissions(name: str) -> None:
    data = workflow(name)
    assert data["permissions"] == {"contents": "read"}
    jobs = [job.get("permissions") for job in data["jobs"].values()]
    assert jobs == EXPECTED_JOB_PERMISSIONS[name]


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_shell_line(path: Path) -> None:
    for item in steps_of(load(path)):
        assert "${{" not in item.get("run", ""), f"{path.name}: step {item.get('name')}"


@pytest.mark.parametrize("path", all_files(), ids=lambda p: p.name)
def test_third_party_actions_are_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = path.read_text("utf-8").splitlines()
    for line in lines:
        match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
        if match is None or match.group(1).startswith("./"):
            continue
        assert PINNED.match(match.group(1)), f"{path.name}: not pinned: {line.strip()}"
        assert VERSION_COMMENT.search(match.group(2)), f"{path.name}: no version: {line.strip()}"


def test_the_same_action_is_pinned_to_the_same_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for path in all_files():
        for found in re.finditer(r"uses:\s*([\w.-]+/[\w.-]+)@(\w+)", path.read_text("utf-8")):
            pins.setdefault(found.group(1), set()).add(found.group(2))
    assert pins, "no third-party action found"
    assert {name: len(shas) for name, shas in pins.items()} == dict.fromkeys(pins, 1)


# ---------------------------------------------------------------- schemas and audit


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    binary = tool("check-jsonschema")
    if binary is None:
        pytest.skip("check-jsonschema is not installed (pip install 'check-jsonschema==0.39.0')")
    return subprocess.run(
        [binary, "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_workflows_validate_against_the_github_workflow_schema() -> None:
    paths = [WORKFLOWS / f"{name}.yml" for name in WORKFLOW_NAMES]
    done = check_jsonschema("vendor.github-workflows", *paths)
    assert done.returncode == 0, done.stdout + done.stderr


def test_action_validates_against_the_github_action_schema() -> None:
    done = check_jsonschema("vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr


def test_dependabot_config_validates_and_watches_the_actions() -> None:
    path = ROOT / ".github" / "dependabot.yml"
    done = check_jsonschema("vendor.dependabot", path)
    assert done.returncode == 0, done.stdout + done.stderr
    ecosystems = {update["package-ecosystem"] for update in load(path)["updates"]}
    assert "github-actions" in ecosystems


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    steps: []\n", "utf-8")
    done = check_jsonschema("vendor.github-workflows", broken)
    assert done.returncode == 1


def test_zizmor_finds_nothing() -> None:
    binary = tool("zizmor")
    if binary is None:
        pytest.skip("zizmor is not installed (pip install 'zizmor==1.32.0')")
    # the repository root: workflows, action.yml and the pre-commit files; .gitignore is honoured
    done = subprocess.run(
        [binary, "--offline", "--no-progress", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings" in done.stdout


# ---------------------------------------------------------------- the action, run for real


@pytest.fixture
def list_repo(tmp_path: Path) -> Path:
    """A clone of a repository holding the shipped list, with ``origin/main`` to compare to."""
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    shutil.copytree(ROOT / "list", upstream / "list")
    git(upstream, "add", "list")
    git(upstream, "commit", "-q", "-m", "the list")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(upstream), str(clone))
    return clone


def run_action_checks(repo: Path, tmp_path: Path, checks: str) -> tuple[int, str, str, str]:
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    summary.write_text("", "utf-8")
    output.write_text("", "utf-8")
    env = {
        "PATH": f"{awesome_bin(tmp_path)}{os.pathsep}{os.environ['PATH']}",
        "LIST": "list/README.md",
        "CHECKS": checks,
        "BASE_REF": "main",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
    }
    done = run_script(step(load(ACTION), "checks")["run"], repo, env)
    log = done.stdout + done.stderr
    return done.returncode, log, summary.read_text("utf-8"), output.read_text("utf-8")


def offline_checks() -> str:
    # links is left out: it would reach the network for the list's links
    return " ".join(name for name in ("lint", "format", "diff") if command_available(name))


@needs_git
@pytest.mark.skipif(not (ROOT / "list" / "README.md").exists(), reason="no shipped list here")
def test_action_checks_pass_on_the_shipped_list(list_repo: Path, tmp_path: Path) -> None:
    checks = offline_checks()
    code, log, summary, output = run_action_checks(list_repo, tmp_path, checks)
    assert code == 0, log
    for name in checks.split():
        assert f"| {name} | passed |" in summary
    assert "No entry changed" in summary
    assert output.strip() == "failed="


@needs_git
@pytest.mark.skipif(not (ROOT / "list" / "README.md").exists(), reason="no shipped list here")
def test_action_reports_a_failed_check_and_still_runs_the_others(
    list_repo: Path, tmp_path: Path
) -> None:
    swap_two_entries(list_repo / "list" / "README.md")
    code, log, summary, output = run_action_checks(list_repo, tmp_path, "format,diff")
    assert code == 1, log
    assert "| format | failed (exit 1) |" in summary
    assert "| diff | passed |" in summary
    assert output.strip() == "failed=format"
    assert "::group::awesome diff" in log


@needs_git
def test_action_refuses_an_unknown_check(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    code, log, _, _ = run_action_checks(repo, tmp_path, "lint-everything")
    assert code == 2
    assert "unknown check 'lint-everything'" in log


# ---------------------------------------------------------------- regenerate's commit step


def fake_gh(tmp_path: Path, script: str) -> Path:
    """A stand-in for the GitHub CLI, which needs github.com; records its arguments."""
    folder = tmp_path / "gh-bin"
    folder.mkdir(exist_ok=True)
    gh = folder / "gh"
    gh.write_text(f'#!/bin/sh\necho "$*" >> "{tmp_path}/gh-calls.txt"\n{script}\n', "utf-8")
    gh.chmod(0o755)
    return folder


@pytest.fixture
def pushed_repo(tmp_path: Path) -> tuple[Path, Path]:
    """A bare remote and a clone of it holding a list and its lock."""
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    git(tmp_path, "clone", "-q", str(remote), str(work))
    (work / "list").mkdir()
    (work / "list" / "README.md").write_text("# List\n\n- [A](https://a.example)\n", "utf-8")
    (work / "other.txt").write_text("not part of the list\n", "utf-8")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "start")
    git(work, "push", "-q", "origin", "main")
    return remote, work


def run_commit_step(work: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    output = tmp_path / "output.txt"
    output.write_text("", "utf-8")
    env = {
        "PATH": f"{fake_gh(tmp_path, 'exit 0')}{os.pathsep}{os.environ['PATH']}",
        "LIST": "list/README.md",
        "LOCK": "list/metadata.json",
        "BRANCH": "main",
        "GH_TOKEN": "unused",
        "GITHUB_OUTPUT": str(output),
    }
    return run_script(step(workflow("regenerate"), "commit")["run"], work, env)


@needs_git
def test_regenerate_commits_nothing_when_nothing_changed(
    pushed_repo: tuple[Path, Path], tmp_path: Path
) -> None:
    remote, work = pushed_repo
    before = git(remote, "rev-parse", "main")
    (work / "other.txt").write_text("changed, but not the list\n", "utf-8")
    done = run_commit_step(work, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "already up to date" in done.stdout
    assert git(remote, "rev-parse", "main") == before
    assert (tmp_path / "output.txt").read_text("utf-8") == ""


@needs_git
def test_regenerate_commits_list_and_new_lock_as_the_bot(
    pushed_repo: tuple[Path, Path], tmp_path: Path
) -> None:
    remote, work = pushed_repo
    (work / "list" / "README.md").write_text("# List\n\n- [A](https://a.example) - New.\n", "utf-8")
    (work / "list" / "metadata.json").write_text("{}\n", "utf-8")
    (work / "other.txt").write_text("must not be committed\n", "utf-8")
    done = run_commit_step(work, tmp_path)
    assert done.returncode == 0, done.stderr
    author = git(remote, "log", "-1", "--format=%an <%ae>", "main").strip()
    assert author == "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"
    files = git(remote, "show", "--name-only", "--format=", "main").split()
    assert sorted(files) == ["list/README.md", "list/metadata.json"]
    assert (tmp_path / "output.txt").read_text("utf-8").strip() == "pushed=true"
    assert (tmp_path / "gh-calls.txt").read_text("utf-8").strip() == "auth setup-git"


# ---------------------------------------------------------------- the links tracking issue


def run_issue_step(tmp_path: Path, status: str, open_issue: str) -> list[str]:
    report = tmp_path / "links-report.md"
    report.write_text("| url | verdict |\n| --- | --- |\n| https://gone.example | dead |\n")
    # the fake answers the one query the step makes (the open issue's number) and records the rest
    answer = f'case "$1 $2" in "issue list") echo "{open_issue}";; esac'
    env = {
        "PATH": f"{fake_gh(tmp_path, answer)}{os.pathsep}{os.environ['PATH']}",
        "RUNNER_TEMP": str(tmp_path),
        "LIST": "list/README.md",
        "ISSUE_TITLE": "Dead links in the list",
        "STATUS": status,
        "RUN_URL": "https://ci.example/run/1",
    }
    done = run_script(step(workflow("links"), "issue")["run"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "gh-calls.txt").read_text("utf-8").splitlines()
    assert calls[0].startswith("issue list --state open")
    return calls[1:]


def test_dead_links_open_a_tracking_issue_with_the_report(tmp_path: Path) -> None:
    calls = run_issue_step(tmp_path, status="1", open_issue="")
    assert calls == [
        f"issue create --title Dead links in the list --body-file {tmp_path}/issue-body.md"
    ]
    body = (tmp_path / "issue-body.md").read_text("utf-8")
    assert "https://gone.example" in body and "https://ci.example/run/1" in body


def test_dead_links_update_the_open_tracking_issue(tmp_path: Path) -> None:
    calls = run_issue_step(tmp_path, status="1", open_issue="42")
    assert calls == [f"issue edit 42 --body-file {tmp_path}/issue-body.md"]


def test_no_dead_link_closes_the_tracking_issue(tmp_path: Path) -> None:
    calls = run_issue_step(tmp_path, status="0", open_issue="42")
    assert len(calls) == 1 and calls[0].startswith("issue close 42 --comment No dead links")


def test_no_dead_link_and_no_issue_does_nothing(tmp_path: Path) -> None:
    assert run_issue_step(tmp_path, status="0", open_issue="") == []


# ---------------------------------------------------------------- pre-commit


def pre_commit() -> str:
    binary = tool("pre-commit")
    if binary is None:
        pytest.skip("pre-commit is not installed (pip install 'pre-commit==4.7.0')")
    return binary


def test_hook_manifest_and_contributor_config_are_valid() -> None:
    binary = pre_commit()
    manifest = subprocess.run(
        [binary, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    config = subprocess.run(
        [binary, "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert config.returncode == 0, config.stdout + config.stderr
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    assert set(hooks) == {"awesome-lint", "awesome-format"}
    assert all(hook["types"] == ["markdown"] for hook in hooks.values())


def test_contributor_hooks_need_no_download() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    for repo in config["repos"]:
        assert repo["repo"] == "local"
        assert {hook["language"] for hook in repo["hooks"]} == {"system"}


# What pip says when the package index cannot be reached (not when our package fails to build).
OFFLINE_PIP = re.compile(
    r"NewConnectionError|Temporary failure in name resolution|Network is unreachable"
    r"|No matching distribution found|Could not find a version that satisfies"
)


def try_repo(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [pre_commit(), "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@needs_git
@pytest.mark.skipif(not (ROOT / "list" / "README.md").exists(), reason="no shipped list here")
def test_hooks_work_in_another_repository_through_try_repo(tmp_path: Path) -> None:
    """Another list adopts the hooks: the format hook passes, then repairs a shuffled list.

    pre-commit installs the hook's environment with pip, which fetches the
    toolkit's dependencies from the package index, like ``.ci/run`` does.
    """
    pre_commit()
    repo = tmp_path / "other-list"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(ROOT / "list", repo / "list")
    (repo / "NOTES.md").write_text("# Notes\n\nNot a list: *no* hook may touch this.\n", "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a list")
    home = tmp_path / "pre-commit-home"

    clean = try_repo(repo, "awesome-format", home)
    if clean.returncode != 0 and OFFLINE_PIP.search(clean.stdout + clean.stderr):
        pytest.skip("pre-commit's pip could not reach the package index to install the hook")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "awesome format (canonical list)" in clean.stdout

    readme = repo / "list" / "README.md"
    canonical = readme.read_text("utf-8")
    swap_two_entries(readme)
    repaired = try_repo(repo, "awesome-format", home)
    assert repaired.returncode == 1
    assert "files were modified by this hook" in repaired.stdout
    assert readme.read_text("utf-8") == canonical
    assert git(repo, "status", "--porcelain", "--", "NOTES.md") == ""

    if command_available("lint"):
        linted = try_repo(repo, "awesome-lint", home)
        assert linted.returncode == 0, linted.stdout + linted.stderr
