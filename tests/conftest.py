"""Shared fixtures: paths to sample lists and the shipped lock, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome.metadata import MetadataLock, load_lock

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
UPSTREAM = DATA / "upstream-README.md"
SHIPPED_LIST = ROOT / "list" / "README.md"
SHIPPED_LOCK = ROOT / "list" / "metadata.json"


@pytest.fixture
def upstream_text() -> str:
    return UPSTREAM.read_text("utf-8")


@pytest.fixture(scope="session")
def shipped_lock() -> MetadataLock:
    return load_lock(SHIPPED_LOCK)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_awesome(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m awesome`` as a separate process, importing this checkout."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "awesome", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
