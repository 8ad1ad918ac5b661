"""Benchmark for `awesome diff`'s matching; prints one JSON object.

    python tools/bench_diff.py

Two generated lists of 10,000 and 100,000 entries are compared with a copy in
which every 50th entry was edited, every 100th moved to another section and every
200th removed. Matching uses dictionaries per key, so time should grow about
linearly (10k -> 100k about 10x); the figures let a reader check that.
"""

from __future__ import annotations

import copy
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from genlist import generate_list  # noqa: E402

from awesome.listdiff import diff_documents, url_key  # noqa: E402
from awesome.model import Document  # noqa: E402
from awesome.parser import parse_document  # noqa: E402


def changed_copy(document: Document) -> Document:
    """A copy with edits, moves between sections and removals spread over the list."""
    new = copy.deepcopy(document)
    sections = list(new.walk())
    for index, section in enumerate(sections):
        target = sections[(index + 1) % len(sections)]
        kept = []
        for position, entry in enumerate(section.entries):
            if position % 200 == 199:
                continue
            if position % 100 == 99 and target is not section:
                target.entries.append(entry)
                continue
            if position % 50 == 49:
                entry.description = f"{entry.description} (edited)"
            kept.append(entry)
        section.entries = kept
    return new


def measure(entries: int) -> dict[str, object]:
    old = parse_document(generate_list(entries))
    new = changed_copy(old)
    timings = []
    for _ in range(3):  # best of three: the first run also warms caches and the heap
        url_key.cache_clear()
        start = time.perf_counter()
        diff = diff_documents(old, new)
        timings.append(time.perf_counter() - start)
    return {"entries": entries, "diff_seconds": round(min(timings), 3), "changes": diff.counts()}


def main() -> None:
    small, large = measure(10_000), measure(100_000)
    growth = float(large["diff_seconds"]) / max(float(small["diff_seconds"]), 1e-9)  # type: ignore[arg-type]
    print(json.dumps({"diff": [small, large], "growth_10k_to_100k": round(growth, 1)}, indent=2))


if __name__ == "__main__":
    main()
