"""Benchmark: ``awesome enrich`` on a list of 500 new arXiv papers, against the fake API.

With arXiv's 3-second interval, batching 100 ids a request makes 5 requests
(about 12 s of waiting); one request per id would take 25 minutes.

Usage: python tools/bench_arxiv.py [--ids 500] [--interval 3] [--faults]
Prints JSON: {"ids", "requests", "wall_seconds", "papers_in_lock", "exit_code",
"one_request_per_id_seconds"}. ``--faults`` makes the server answer 503 (with
Retry-After: 1) to the second request and cut the third answer short, to show
what the retries cost.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from awesome.cli import run  # noqa: E402
from tests.fake_arxiv import FakeArxiv  # noqa: E402


def synthetic_list(count: int) -> str:
    ids = [f"24{month:02d}.{n:05d}" for month in range(1, 13) for n in range(1, 1000)][:count]
    lines = [f"- [Paper {pid}](https://arxiv.org/abs/{pid}) - 2024." for pid in ids]
    return "# Benchmark\n\n## Papers\n\n" + "\n".join(lines) + "\n"


def bench(count: int, interval: float, faults: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder, FakeArxiv({}, synthesize=True) as fake:
        if faults:
            fake.ok()
            fake.fail(503, retry_after="1")
            fake.cut(0.5)
        readme = Path(folder) / "README.md"
        readme.write_text(synthetic_list(count), "utf-8")
        os.environ["AWESOME_ARXIV_API"] = fake.url
        os.environ["AWESOME_ARXIV_INTERVAL"] = str(interval)
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = run(["enrich", str(readme)])
        wall = time.perf_counter() - start
        lock = json.loads((Path(folder) / "metadata.json").read_text("utf-8"))
        return {
            "ids": count,
            "requests": fake.count,
            "wall_seconds": round(wall, 2),
            "papers_in_lock": len(lock["papers"]),
            "exit_code": code,
            "one_request_per_id_seconds": round(count * interval, 1),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", type=int, default=500)
    parser.add_argument("--interval", type=float, default=3.0)
    parser.add_argument("--faults", action="store_true", help="a 503 and a cut answer on the way")
    args = parser.parse_args()
    print(json.dumps(bench(args.ids, args.interval, args.faults)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
