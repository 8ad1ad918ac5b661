"""Reports of a run: text for people, JSON for tools, GitHub annotations, a Markdown issue."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from awesome.links.verdict import LinkResult, Verdict

FORMATS = ("text", "json", "github", "markdown")
REPORT_VERSION = 1


@dataclass
class Report:
    """Every checked link with its verdict, and how the run went."""

    results: list[LinkResult]
    files: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    excluded: int = 0

    def count(self, verdict: Verdict) -> int:
        return sum(1 for result in self.results if result.verdict is verdict)

    @property
    def dead(self) -> list[LinkResult]:
        return [r for r in self.results if r.verdict is Verdict.DEAD]

    @property
    def unknown(self) -> list[LinkResult]:
        return [r for r in self.results if r.verdict is Verdict.UNKNOWN]

    @property
    def moved(self) -> list[LinkResult]:
        return [r for r in self.results if r.verdict is Verdict.OK and r.moved]

    def summary(self) -> dict[str, Any]:
        return {
            "total": len(self.results),
            "ok": self.count(Verdict.OK),
            "dead": self.count(Verdict.DEAD),
            "unknown": self.count(Verdict.UNKNOWN),
            "moved": len(self.moved),
            "cached": sum(1 for r in self.results if r.cached),
            "excluded": self.excluded,
            "elapsed": round(self.elapsed, 3),
        }

    def summary_line(self) -> str:
        s = self.summary()
        cached = f", {s['cached']} from cache" if s["cached"] else ""
        return (
            f"{s['total']} links: {s['ok']} ok, {s['dead']} dead, {s['unknown']} unknown, "
            f"{s['moved']} moved{cached} in {s['elapsed']:.2f} s"
        )


def _where(result: LinkResult) -> list[tuple[str, int]]:
    return [(o.file, o.line) for o in result.occurrences] or [("", 0)]


def _why(result: LinkResult) -> str:
    note = f"; {result.note}" if result.note else ""
    return f"{result.reason}{note}"


def _findings(report: Report) -> list[tuple[str, int, str, LinkResult]]:
    """(file, line, kind, result) for every occurrence worth telling, in file order."""
    rows: list[tuple[str, int, str, LinkResult]] = []
    for kind, group in (
        ("dead", report.dead),
        ("unknown", report.unknown),
        ("moved", report.moved),
    ):
        for result in group:
            rows.extend((file, line, kind, result) for file, line in _where(result))
    return sorted(rows, key=lambda row: (row[0], row[1], row[2]))


def render_text(report: Report) -> str:
    lines = []
    for file, line, kind, result in _findings(report):
        if kind == "moved":
            detail = f"{result.url} -> {result.final_url} ({_why(result)})"
        else:
            detail = f"{result.url} ({_why(result)})"
        lines.append(f"{file}:{line}: {kind}: {detail}")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"


def result_json(result: LinkResult) -> dict[str, Any]:
    return {
        "url": result.url,
        "verdict": result.verdict.value,
        "status": result.status,
        "reason": result.reason,
        "final_url": result.final_url,
        "note": result.note,
        "elapsed": round(result.elapsed, 3),
        "cached": result.cached,
        "local": result.local,
        "redirects": [{"status": status, "url": url} for status, url in result.redirects],
        "occurrences": [{"file": o.file, "line": o.line} for o in result.occurrences],
    }


def render_json(report: Report) -> str:
    document = {
        "version": REPORT_VERSION,
        "files": report.files,
        "summary": report.summary(),
        "links": [result_json(result) for result in report.results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """Workflow commands: an error per dead link, a warning per unknown, a notice per move."""
    level = {"dead": "error", "unknown": "warning", "moved": "notice"}
    title = {"dead": "Dead link", "unknown": "Link not verified", "moved": "Link moved"}
    lines = []
    for file, line, kind, result in _findings(report):
        detail = f"{result.url} -> {result.final_url}" if kind == "moved" else result.url
        props = f"file={_escape_property(file)},line={line},title={_escape_property(title[kind])}"
        lines.append(f"::{level[kind]} {props}::{_escape_data(f'{detail}: {_why(result)}')}")
    lines.append(report.summary_line())
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _places(result: LinkResult) -> str:
    return ", ".join(f"{file}:{line}" for file, line in _where(result))


def render_markdown(report: Report) -> str:
    """A report a scheduled job can post as an issue."""
    s = report.summary()
    out = [
        "# Link check report",
        "",
        f"Checked {s['total']} links in {', '.join(report.files) or 'no files'}: "
        f"**{s['dead']} dead**, {s['unknown']} unknown, {s['moved']} moved, {s['ok']} ok.",
    ]
    sections: list[tuple[str, list[LinkResult], Callable[[LinkResult], str]]] = [
        ("Dead links", report.dead, _why),
        ("Links that could not be verified", report.unknown, _why),
        ("Moved links (update them)", report.moved, lambda r: f"now at <{r.final_url}>"),
    ]
    for heading, group, describe in sections:
        if not group:
            continue
        out += [
            "",
            f"## {heading} ({len(group)})",
            "",
            "| Link | Why | Where |",
            "| --- | --- | --- |",
        ]
        out += [f"| <{_cell(r.url)}> | {_cell(describe(r))} | {_cell(_places(r))} |" for r in group]
    if not report.dead and not report.unknown and not report.moved:
        out += ["", "Every link works."]
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "markdown": render_markdown,
}


def render(report: Report, fmt: str) -> str:
    return RENDERERS[fmt](report)
