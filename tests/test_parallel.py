"""Two halves at once by forking: the same results as in order, whatever the child does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from awesome import lint, parallel
from awesome.config import Config
from awesome.lint import lint_text
from awesome.metadata import load_lock
from tools.genlist import generate_list

ROOT = Path(__file__).resolve().parent.parent
needs_fork = pytest.mark.skipif(not parallel.available(), reason="needs Linux and two cores")


@needs_fork
def test_the_second_half_runs_in_another_process() -> None:
    here = os.getpid()
    mine, theirs = parallel.both(os.getpid, os.getpid)
    assert mine == here
    assert theirs != here


def test_results_come_back_as_computed() -> None:
    data = {"findings": [(n, f"line {n}") for n in range(50_000)]}  # more than a pipe holds
    assert parallel.both(lambda: 1, lambda: data) == (1, data)


@needs_fork
def test_a_failed_child_has_its_half_computed_here() -> None:
    parent = os.getpid()

    def dies_in_a_child() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return os.getpid()

    assert parallel.both(lambda: "mine", dies_in_a_child) == ("mine", parent)


def test_an_error_in_the_second_half_is_raised_here() -> None:
    def broken() -> int:
        raise ValueError("bad rule")

    with pytest.raises(ValueError, match="bad rule"):
        parallel.both(lambda: 1, broken)


def test_an_error_in_the_first_half_is_raised_and_the_child_ended() -> None:
    def broken() -> int:
        raise KeyError("first")

    with pytest.raises(KeyError):
        parallel.both(broken, lambda: 2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind, not even a zombie


def _upstream() -> str:
    for shared in (ROOT.parent / "shared", Path("/work/shared")):
        path = shared / "upstream" / "LLMsPracticalGuide-README.md"
        if path.exists():
            return path.read_text("utf-8")
    pytest.skip("the upstream copy of the list is not on this machine")


@needs_fork  # without a fork both halves run here, and the comparison proves nothing
@pytest.mark.parametrize("name", ["generated", "upstream"])
def test_two_processes_find_what_one_finds(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        generate_list(3000) + "\nA Communtity of NIPS papers.\n"
        if name == "generated"
        else _upstream()
    )
    lock = load_lock(ROOT / "list" / "metadata.json")
    monkeypatch.setattr(lint, "PARALLEL_MIN_LINES", 10)  # these lists are small
    serial = lint_text(text, "README.md", Config(), lock, jobs=1)
    split = lint_text(text, "README.md", Config(), lock, jobs=2)
    assert split == serial
    kinds = {finding.kind for finding in serial}
    assert kinds & lint._MODEL_KINDS and kinds - lint._MODEL_KINDS  # both halves found some


@pytest.mark.parametrize(
    ("files", "cores"),
    [
        ({"cpu.max": "max 100000\n"}, None),
        ({"cpu.max": "100000 100000\n"}, 1.0),
        ({"cpu.max": "250000 100000\n"}, 2.5),
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({"cpu/cpu.cfs_quota_us": "50000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 0.5),
        ({}, None),
        ({"cpu.max": "garbage\n"}, None),
    ],
)
def test_a_containers_cpu_quota_is_read_from_cgroup_v2_or_v1(
    tmp_path: Path, files: dict[str, str], cores: float | None
) -> None:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert parallel.cpu_quota(tmp_path) == cores
