"""``awesome lint`` (also ``awesome-lint``): find what is wrong in a list, optionally fix it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from awesome import parallel
from awesome.commands.common import exits_on_error
from awesome.lint import fix_file, lint_file
from awesome.lint_report import FORMATS, render, use_colour
from awesome.parser import no_cyclic_gc
from awesome.rules.base import Finding

DEFAULT_LIST = Path("list/README.md")


def _default_files() -> list[Path]:
    return [DEFAULT_LIST if DEFAULT_LIST.exists() else Path("README.md")]


def _fix_all(paths: list[Path], config_path: Path | None, jobs: int) -> list[Finding]:
    findings: list[Finding] = []
    for path in paths:
        report = fix_file(path, config_path, jobs)
        if report.problems:
            click.echo(
                f"{path}: not fixed, nothing written: " + "; ".join(report.problems), err=True
            )
        elif report.changed:
            click.echo(f"fixed {path} ({report.applied} fix(es) and canonical format)", err=True)
        findings.extend(report.remaining)
    return findings


def _no_lock_note(
    paths: list[Path], config_path: Path | None, texts: dict[Path, str]
) -> str | None:
    """One line when a list that links arXiv has no metadata lock: its arXiv rules were silent.

    ``texts`` holds the lists as linted; one missing (rewritten by --fix) is read again."""
    from awesome.config import load_config
    from awesome.metadata import lock_path_for

    def text_of(path: Path) -> str:
        return texts.get(path) or path.read_text("utf-8", errors="replace")

    bare = [
        (path, lock_path_for(path, load_config(path, config_path).metadata))
        for path in paths
        if "arxiv" in text_of(path).casefold()
    ]
    bare = [(path, lock) for path, lock in bare if not lock.exists()]
    if not bare:
        return None
    path, lock = bare[0]
    whose = f"{len(bare)} lists have no metadata lock (the first: {lock})" if len(bare) > 1 else ""
    return (
        f"note: {whose or f'no metadata lock at {lock}'}, so the arXiv title and year checks"
        f" were skipped; run `awesome enrich {path}` to create it"
    )


@click.command("lint")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output: text lines, a JSON report, GitHub workflow commands or SARIF 2.1.0.",
)
@click.option("--fix", is_flag=True, help="Apply every available fix, then format canonically.")
@click.option(
    "--config", "config_path", type=click.Path(path_type=Path), help="Configuration file."
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes for a list of 20,000 lines or more: 1 runs every rule in this one;"
    " the default is 2 where the system can fork (Linux) and has a second core.",
)
@exits_on_error
def command(
    files: tuple[Path, ...], fmt: str, fix: bool, config_path: Path | None, jobs: int | None
) -> int:
    """Check lists for content and form errors; exit 1 when errors remain.

    Reads the list, its configuration and its metadata lock; never the network.
    Warnings alone exit 0. With --fix, fixes are written atomically only when
    nothing is lost, and what remains is reported. Default FILE: list/README.md.

    Example: awesome lint --format github list/README.md
    """
    paths = list(files) or _default_files()
    jobs = jobs or (2 if parallel.available() else 1)
    # one pause of the cyclic collector for the whole run: the parsed lists and the findings
    # hold no cycles, and each collection would walk all of them (a 100k-entry list's report
    # triggers several)
    with no_cyclic_gc():
        texts: dict[Path, str] = {}
        if fix:
            findings = _fix_all(paths, config_path, jobs)
        else:
            results = [lint_file(path, config_path, jobs) for path in paths]
            findings = [finding for result in results for finding in result.findings]
            texts = {path: result.text for path, result in zip(paths, results, strict=True)}
        colour = fmt == "text" and use_colour(sys.stdout)
        report = render(fmt, findings, [str(p) for p in paths], colour)
    click.echo(report, nl=False)
    note = _no_lock_note(paths, config_path, texts) if fmt == "text" else None
    if note:
        click.echo(note, err=True)
    return 1 if any(finding.severity == "error" for finding in findings) else 0
