"""Peer tools installed on demand for comparison tests (never committed): awesome-lint 2.3.0."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

AWESOME_LINT_VERSION = "2.3.0"
CACHE = Path(os.environ.get("AWESOME_PEERS_CACHE", Path.home() / ".cache" / "awesome-peers"))


@dataclass
class PeerResult:
    returncode: int
    output: str


def awesome_lint_bin() -> Path | str:
    """The awesome-lint 2.3.0 executable, installing it once into a cache folder.

    Returns a string with the reason when it cannot be had (no node, no npm, no registry).
    """
    if shutil.which("node") is None or shutil.which("npm") is None:
        return "node and npm are not installed"
    folder = CACHE / f"awesome-lint-{AWESOME_LINT_VERSION}"
    binary = folder / "node_modules" / ".bin" / "awesome-lint"
    if binary.exists():
        return binary
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "package.json").write_text('{"name": "peers", "private": true}\n', "utf-8")
    install = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", f"awesome-lint@{AWESOME_LINT_VERSION}"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if install.returncode != 0 or not binary.exists():
        return f"npm install awesome-lint@{AWESOME_LINT_VERSION} failed: {install.stderr.strip()[-300:]}"
    return binary


def _fake_git_dir(base: Path) -> Path:
    """awesome-lint insists on a git repository with a GitHub remote; give it a throwaway one."""
    repo = base / "fake-git"
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
        subprocess.run(
            [
                "git",
                "-C",
                str(repo),
                "remote",
                "add",
                "origin",
                "https://github.com/example/list.git",
            ],
            check=True,
        )
        subprocess.run(
            ["git", "-C", str(repo), "config", "branch.main.remote", "origin"], check=True
        )
    return repo / ".git"


def run_awesome_lint(binary: Path, readme: Path) -> PeerResult:
    """Run awesome-lint on a README (it reads contributing.md beside it)."""
    env = {
        **os.environ,
        "GIT_DIR": str(_fake_git_dir(readme.parent)),
        "NO_COLOR": "1",
        "FORCE_COLOR": "0",
    }
    done = subprocess.run(
        [str(binary), readme.name],
        cwd=readme.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return PeerResult(done.returncode, done.stdout + done.stderr)
