"""Two halves of a pure computation at once, on two cores, by forking.

Linting a 100,000-entry list spends seconds in rules that only read the parsed
document. A forked child shares that document with the parent (copy-on-write, no
second parse, nothing to pickle on the way in), computes one half, and sends its
result back pickled through a pipe while the parent computes the other half.

Forking is used only on Linux: macOS forbids many system libraries after a fork
without exec, and Windows has no fork. Wherever the child cannot run or fails for
any reason, the parent computes that half itself, so the result is always the
same as computing both halves in order; an error in the child's half is raised
again in the parent, with its usual traceback.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

First = TypeVar("First")
Second = TypeVar("Second")


def available() -> bool:
    """Can this process fork a helper, and is there a second core for it to run on?"""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and _cores() >= 2


def _cores() -> int:
    # the cores this process may run on (taskset, cpusets), not all the machine has, and
    # no more than a container's CPU quota allows (docker --cpus=1 leaves every core visible)
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return cores if quota is None else max(1, min(cores, int(quota)))


def cpu_quota(root: Path = Path("/sys/fs/cgroup")) -> float | None:
    """The CPU time this control group may use, in cores (cgroup v2's ``cpu.max`` or v1's
    CFS quota), or None when it is not limited or cannot be read."""
    try:
        limit, interval = (root / "cpu.max").read_text().split()[:2]
        return None if limit == "max" else int(limit) / int(interval)
    except (OSError, ValueError):
        pass
    try:
        quota = int((root / "cpu" / "cpu.cfs_quota_us").read_text())
        period = int((root / "cpu" / "cpu.cfs_period_us").read_text())
    except (OSError, ValueError):
        return None
    return quota / period if quota > 0 and period > 0 else None


def both(first: Callable[[], First], second: Callable[[], Second]) -> tuple[First, Second]:
    """``(first(), second())``, with ``second`` run in a forked child at the same time.

    Both must be pure (their effects in the child are lost) and ``second``'s result
    must pickle.
    """
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process slot for a child: do it all here
        os.close(read_end)
        os.close(write_end)
        return first(), second()
    if pid == 0:
        _child(second, read_end, write_end)
    os.close(write_end)
    try:
        mine = first()
    except BaseException:
        os.close(read_end)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()  # the child writes all, then exits: read to the end first
    _, status = os.waitpid(pid, 0)
    if status == 0 and data:
        theirs: Second = pickle.loads(data)  # our own child's output, in this same program
        return mine, theirs
    return mine, second()  # the child failed: compute its half here, where an error shows


def _child(work: Callable[[], object], read_end: int, write_end: int) -> NoReturn:
    """Run ``work`` and send its pickled result; never return into the parent's code.

    ``os._exit`` skips what belongs to the parent: its buffered output (which would be
    written twice), atexit handlers, and the interpreter's teardown.
    """
    code = 1
    try:
        os.close(read_end)
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)
