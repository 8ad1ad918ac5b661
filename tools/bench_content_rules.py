"""Time each content rule on generated lists of growing size; print JSON.

    python tools/bench_content_rules.py [--sizes 25000,50000,100000]

Every rule should grow linearly: doubling the entries roughly doubles its time.
The lock holds a paper for every generated arXiv id, so the metadata rules do
real work. Also times the whole linter (all registered rules) at the largest size.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from awesome.arxiv_id import arxiv_id_of_url  # noqa: E402
from awesome.inline import find_links  # noqa: E402
from awesome.lint import lint_text  # noqa: E402
from awesome.metadata import MetadataLock, Paper  # noqa: E402
from awesome.parser import parse_document  # noqa: E402
from awesome.rules import arxiv_meta, duplicates, entries, names, order, urls  # noqa: E402
from awesome.rules.base import LintContext  # noqa: E402
from tools.genlist import generate_list  # noqa: E402

CONTENT_RULES = [
    rule
    for module in (entries, duplicates, arxiv_meta, names, urls, order)
    for rule in module.RULES
]


def _lock_for(text: str) -> MetadataLock:
    papers: dict[str, Paper] = {}
    for link in find_links(text):
        found = arxiv_id_of_url(link.url)
        if found and found not in papers:
            year = 2000 + int(found[:2])
            papers[found] = Paper(found, "Language model scaling study", published=f"{year}-01-15")
    return MetadataLock(papers)


def _time_rules(size: int) -> dict[str, object]:
    text = generate_list(size)
    lock = _lock_for(text)
    document = parse_document(text)
    context = LintContext(lines=text.split("\n"), lock=lock)
    timings: dict[str, float] = {}
    for rule in CONTENT_RULES:
        start = time.perf_counter()
        count = sum(1 for _ in rule.check(document, context))
        timings[rule.id] = round(time.perf_counter() - start, 3)
        timings[f"{rule.id}:findings"] = count
    return {"entries": size, "seconds": timings}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="25000,50000,100000")
    sizes = [int(part) for part in parser.parse_args().sizes.split(",")]
    runs = [_time_rules(size) for size in sizes]
    largest = generate_list(sizes[-1])
    lock = _lock_for(largest)
    start = time.perf_counter()
    findings = lint_text(largest, "README.md", lock=lock)
    whole = round(time.perf_counter() - start, 3)
    report = {
        "content_rules": runs,
        "whole_lint": {"entries": sizes[-1], "seconds": whole, "findings": len(findings)},
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
