"""Seed a list's metadata lock from a snapshot of arXiv facts.

arXiv cannot be reached from the machines this project was built on, so the
shipped lock comes from ../shared/arxiv/snapshot.json, compiled from
arXiv-derived public records. Only the facts the snapshot has are kept: a
missing field stays missing, ``authors_complete`` and ``published_precision``
are carried over as they are.

Usage: python tools/seed_lock.py SNAPSHOT [--list list/README.md] [--out list/metadata.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from awesome.errors import AwesomeError  # noqa: E402
from awesome.fetch import arxiv_lines  # noqa: E402
from awesome.metadata import lock_from_snapshot, save_lock  # noqa: E402

SNAPSHOT_SOURCE = "snapshot: ../shared/arxiv/snapshot.json (arXiv-derived public records)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--list", type=Path, help="keep only papers this list links to")
    parser.add_argument("--out", type=Path, default=ROOT / "list" / "metadata.json")
    args = parser.parse_args(argv)
    try:
        snapshot = json.loads(args.snapshot.read_text("utf-8"))
        lock = lock_from_snapshot(snapshot, SNAPSHOT_SOURCE)
        if args.list is not None:
            linked = set(arxiv_lines(args.list.read_text("utf-8")))
            for missing in sorted(linked - set(lock.papers)):
                print(f"warning: {missing} is linked from {args.list} but not in the snapshot")
            lock.papers = {pid: p for pid, p in lock.papers.items() if pid in linked}
        changed = save_lock(lock, args.out)
    except (OSError, json.JSONDecodeError, AwesomeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args.out}: {len(lock)} papers ({'written' if changed else 'unchanged'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
