"""Benchmarks for the document model and `awesome format`; prints one JSON object.

    python tools/bench.py            # parse/render and format figures
    python tools/bench.py --all      # also run every tools/bench_*.py and include their JSON

Goals (issue 2): a 100,000-entry list parses and renders in under 10 s and 1 GB peak memory,
time grows linearly (10k -> 100k at most 12x), and `awesome format --check list/README.md`
runs as a whole process in under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
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
        start = time.perf_counter()
        doc = parse_document(text)
        parsed = time.perf_counter()
        render_document(doc)
        done = time.perf_counter()
        del doc
        figures = {"parse_s": parsed - start, "render_s": done - parsed, "total_s": done - start}
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
    args = parser.parse_args()
    figures: dict[str, object] = {"model": bench_model()}
    if args.all:
        figures.update(bench_others())
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
