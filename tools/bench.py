"""Benchmarks for the document model, `awesome format` and `awesome lint`; prints JSON.

    python tools/bench.py              # model (parse/render, format) and lint figures
    python tools/bench.py --only lint  # one section: model or lint
    python tools/bench.py --all        # also run every tools/bench_*.py and include their JSON

Goals (issue 2): a 100,000-entry list parses and renders in under 10 s and 1 GB peak memory,
time grows linearly (10k -> 100k at most 12x), and `awesome format --check list/README.md`
runs as a whole process in under 0.3 s.
Goals (issue 3): `awesome lint` of a generated 100,000-entry list in under 10 s, growing
linearly (10k -> 100k at most 12x); `awesome lint list/README.md` as a whole process in
at most a quarter of awesome-lint 2.3.0's time on the same file (when it is installed).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from genlist import generate_list  # noqa: E402

from awesome.parser import parse_document  # noqa: E402
from awesome.render import render_document  # noqa: E402


def time_parse_render(text: str, runs: int = 2) -> dict[str, float]:
    """Best of ``runs``: the first run of a size also pays for growing the process's heap."""
    best: dict[str, float] = {}
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        doc = parse_document(text)
        parsed = time.perf_counter()
        render_document(doc)
        done, cpu_done = time.perf_counter(), time.process_time()
        del doc
        figures = {
            "parse_s": parsed - start,
            "render_s": done - parsed,
            "total_s": done - start,
            "total_cpu_s": cpu_done - cpu_start,  # less swayed by other load than wall time
        }
        if not best or figures["total_s"] < best["total_s"]:
            best = figures
    return {name: round(value, 3) for name, value in best.items()}


def peak_memory_mb(text: str) -> float:
    tracemalloc.start()
    render_document(parse_document(text))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def process_seconds(args: list[str], runs: int = 5) -> float:
    """Best wall time of a whole ``python -m awesome`` process."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "awesome", *args], cwd=ROOT, check=False, capture_output=True
        )
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def bench_model() -> dict[str, object]:
    shipped = (ROOT / "list" / "README.md").read_text("utf-8")
    small, large = generate_list(10_000), generate_list(100_000)
    t10k, t100k = time_parse_render(small), time_parse_render(large)
    return {
        "shipped_list": time_parse_render(shipped),
        "generated_10k": t10k,
        "generated_100k": t100k,
        "growth_10k_to_100k": round(t100k["total_s"] / t10k["total_s"], 2),
        "growth_cpu_10k_to_100k": round(t100k["total_cpu_s"] / t10k["total_cpu_s"], 2),
        "generated_100k_bytes": len(large.encode()),
        "generated_100k_peak_traced_mb": peak_memory_mb(large),
        "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "format_check_process_s": process_seconds(["format", "--check", "list/README.md"]),
        "goals": {
            "100k_total_s": 10,
            "100k_peak_mb": 1024,
            "growth": 12,
            "format_check_process_s": 0.3,
        },
    }


def time_lint(text: str) -> dict[str, object]:
    """Parse and every rule on ``text`` (in-process), with the rules that take longest."""
    from awesome.config import Config
    from awesome.lint import active_rules
    from awesome.parser import no_cyclic_gc
    from awesome.rules.base import LintContext

    cpu = time.process_time()
    start = time.perf_counter()
    doc = parse_document(text, "README.md")
    parsed = time.perf_counter()
    context = LintContext(lines=text.split("\n"), config=Config(), path="README.md")
    per_rule: dict[str, float] = {}
    with no_cyclic_gc():  # as lint_document runs the rules
        for rule, _ in active_rules(context.config):
            began = time.perf_counter()
            for _ in rule.check(doc, context):
                pass
            per_rule[rule.id] = time.perf_counter() - began
    done = time.perf_counter()
    slowest = sorted(per_rule.items(), key=lambda pair: -pair[1])[:8]
    return {
        "parse_s": round(parsed - start, 3),
        "rules_s": round(done - parsed, 3),
        "total_s": round(done - start, 3),
        "total_cpu_s": round(time.process_time() - cpu, 3),  # steadier on a busy machine
        "slowest_rules_s": {rule_id: round(seconds, 3) for rule_id, seconds in slowest},
    }


def lint_process_seconds(text: str, jobs: int, runs: int = 2) -> dict[str, float]:
    """Least wall and CPU time (user + system, its forked helper included) of a whole
    ``python -m awesome lint --format json --jobs N`` process on ``text``: the figures of
    issue 3's goal. CPU time is less swayed than wall time by other load on the machine."""
    wall, cpu = float("inf"), float("inf")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "README.md"
        path.write_text(text, "utf-8")
        command = [sys.executable, "-m", "awesome", "lint", "--format", "json"]
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                [*command, "--jobs", str(jobs), str(path)],
                cwd=ROOT,
                check=False,
                stdout=subprocess.DEVNULL,
            )
            wall = min(wall, time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            cpu = min(cpu, used)
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}


def awesome_lint_process_seconds(runs: int = 3) -> float | str:
    """Best wall time of awesome-lint 2.3.0 on a copy of the shipped list, if installed."""
    from tests.peers import AWESOME_LINT_VERSION, CACHE, run_awesome_lint

    binary = (
        CACHE / f"awesome-lint-{AWESOME_LINT_VERSION}" / "node_modules" / ".bin" / "awesome-lint"
    )
    if not binary.exists() or shutil.which("node") is None:
        return f"awesome-lint {AWESOME_LINT_VERSION} is not installed (tests/peers.py installs it)"
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for source in (ROOT / "list").iterdir():
            if source.is_file():
                shutil.copy(source, copy / source.name)
        run_awesome_lint(binary, copy / "README.md")  # warm-up: creates its git folder
        best = float("inf")
        for _ in range(runs):
            start = time.perf_counter()
            run_awesome_lint(binary, copy / "README.md")
            best = min(best, time.perf_counter() - start)
    return round(best, 3)


def bench_lint() -> dict[str, object]:
    large = generate_list(100_000)
    t10k = time_lint(generate_list(10_000))
    t100k = time_lint(large)
    one_process = lint_process_seconds(large, jobs=1)
    two_processes = lint_process_seconds(large, jobs=2)  # the default where Linux has 2 cores
    ours = process_seconds(["lint", "list/README.md"], runs=3)
    peer = awesome_lint_process_seconds()
    total_10k, total_100k = t10k["total_s"], t100k["total_s"]
    cpu_10k, cpu_100k = t10k["total_cpu_s"], t100k["total_cpu_s"]
    assert isinstance(total_10k, float) and isinstance(total_100k, float)
    assert isinstance(cpu_10k, float) and isinstance(cpu_100k, float)
    return {
        "generated_10k": t10k,
        "generated_100k": t100k,
        "growth_10k_to_100k": round(total_100k / total_10k, 2),
        "growth_cpu_10k_to_100k": round(cpu_100k / cpu_10k, 2),  # less swayed by other load
        "generated_100k_process_jobs_1": one_process,
        "generated_100k_process_jobs_2": two_processes,
        "shipped_list_process_s": ours,
        "awesome_lint_shipped_list_process_s": peer,
        "ratio_to_awesome_lint": round(ours / peer, 3) if isinstance(peer, float) else None,
        "goals": {
            "100k_total_s": 10,
            "100k_process_wall_s": 10,
            "growth": 12,
            "ratio_to_awesome_lint": 0.25,
        },
    }


def bench_others() -> dict[str, object]:
    results: dict[str, object] = {}
    for script in sorted((ROOT / "tools").glob("bench_*.py")):
        out = subprocess.run(
            [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, check=False
        )
        try:
            results[script.stem] = json.loads(out.stdout)
        except json.JSONDecodeError:
            results[script.stem] = {"error": (out.stderr or out.stdout)[-500:]}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--all", action="store_true", help="also run every tools/bench_*.py")
    parser.add_argument("--only", choices=("model", "lint"), help="run one section")
    args = parser.parse_args()
    sections = {"model": bench_model, "lint": bench_lint}
    figures: dict[str, object] = {
        name: run() for name, run in sections.items() if args.only in (None, name)
    }
    if args.all:
        figures.update(bench_others())
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
