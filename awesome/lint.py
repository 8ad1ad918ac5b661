"""``awesome lint`` as a library: run the rule registry over a list, suppress, fix.

``lint_document`` is the pure core (document + context -> findings);
``lint_file`` adds reading the list, its configuration, metadata lock and the
files beside it; ``fix_file`` applies every available fix, runs the canonical
formatter and writes atomically only when nothing is lost. No network here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from awesome.config import Config, load_config
from awesome.errors import ConfigError, ListError
from awesome.fsio import atomic_write_text, read_list_text
from awesome.metadata import MetadataLock, load_lock
from awesome.model import Document
from awesome.rules import RULES, peer_aliases
from awesome.rules.base import KINDS, Finding, Fix, LintContext, Rule
from awesome.rules.suppress import Suppressions

# Files beside the list that rules read (matched case-insensitively, also in .github/).
SIBLING_NAMES = ("contributing.md", "code-of-conduct.md", "code_of_conduct.md", "package.json")
SIBLING_FOLDERS = ("", ".github")


def _valid_names() -> list[str]:
    return sorted(rule.id for rule in RULES)


def _check_ids(ids: list[str], key: str, source: str | None, kinds_allowed: bool) -> None:
    known = {rule.id for rule in RULES}
    for rule_id in ids:
        if rule_id in known or (kinds_allowed and rule_id in KINDS):
            continue
        valid = ", ".join(_valid_names())
        extra = " or a kind" if kinds_allowed else ""
        raise ConfigError(
            f"unknown rule id '{rule_id}' in lint.{key} (valid rule ids{extra}: {valid})",
            source,
        )


def _matches(rule: Rule, names: list[str]) -> bool:
    return rule.id in names or rule.kind in names


def active_rules(config: Config) -> list[tuple[Rule, str]]:
    """The rules to run with their effective severity; raise on unknown ids in the config."""
    lint = config.lint
    _check_ids(lint.select, "select", config.source, kinds_allowed=True)
    _check_ids(lint.ignore, "ignore", config.source, kinds_allowed=True)
    _check_ids(list(lint.severity), "severity", config.source, kinds_allowed=False)
    chosen: list[tuple[Rule, str]] = []
    for rule in RULES:
        if lint.select and not _matches(rule, lint.select):
            continue
        if _matches(rule, lint.ignore):
            continue
        severity = lint.severity.get(rule.id, rule.severity)
        if severity != "off":
            chosen.append((rule, severity))
    return chosen


# Rules that read the model rather than the source lines: on a large list they run in a
# forked child while the parent runs the others (awesome/parallel.py). The two halves cost
# about the same: 2.4 and 2.9 s of CPU time on the generated 100,000-entry list, 3.9 and
# 3.8 s on one made of real lists' entries.
_MODEL_KINDS = frozenset({"metadata", "duplicate", "spelling", "order", "structure"})
PARALLEL_MIN_LINES = 20_000
"""Below this many source lines, the fork would cost more than it saves."""


def lint_document(doc: Document, context: LintContext, jobs: int = 1) -> list[Finding]:
    """Every finding of the active rules that no suppression comment silences, in order.

    With ``jobs`` of 2 or more, a list of :data:`PARALLEL_MIN_LINES` lines or more is
    linted by two processes where :func:`awesome.parallel.available`; the findings are
    the same.
    """
    from awesome import parallel
    from awesome.parser import no_cyclic_gc

    chosen = active_rules(context.config)
    # the rules make no reference cycles; without the pause, collections walk the whole
    # parsed document again and again (a tenth of the rules' time on a 100k-entry list)
    with no_cyclic_gc():
        if jobs > 1 and len(context.lines) >= PARALLEL_MIN_LINES and parallel.available():
            context.outline()  # read by rules of both halves: built once, before they part
            lines = [pair for pair in chosen if pair[0].kind not in _MODEL_KINDS]
            model = [pair for pair in chosen if pair[0].kind in _MODEL_KINDS]
            mine, theirs = parallel.both(
                lambda: _run_rules(lines, doc, context), lambda: _run_rules(model, doc, context)
            )
            findings = mine + theirs
        else:
            findings = _run_rules(chosen, doc, context)
    suppressions = Suppressions.from_lines(context.lines, peer_aliases())
    kept = [f for f in findings if f.path != context.path or not suppressions.suppressed(f)]
    own = context.path
    # a stable sort: findings of one rule keep the order the rule gave them, whichever
    # process ran it
    kept.sort(key=lambda f: (f.path != own, f.path or "", f.line, f.column, f.rule))
    return kept


def _run_rules(rules: list[tuple[Rule, str]], doc: Document, context: LintContext) -> list[Finding]:
    findings: list[Finding] = []
    for rule, severity in rules:
        for finding in rule.check(doc, context):
            finding.severity = severity
            if finding.path is None:
                finding.path = context.path
            findings.append(finding)
    return findings


# --- fixes -----------------------------------------------------------------------------


@dataclass
class FixOutcome:
    """Text after fixes, with the fixes that applied and those that could not."""

    text: str
    applied: list[Fix] = field(default_factory=list)
    skipped: list[Fix] = field(default_factory=list)


def _fix_line(line: str, fixes: list[Fix], outcome: FixOutcome) -> str:
    whole = [fix for fix in fixes if not fix.old]
    if whole:
        outcome.applied.append(whole[0])
        outcome.skipped.extend(fix for fix in fixes if fix is not whole[0])
        return whole[0].new
    placed = sorted((f for f in fixes if f.column is not None), key=lambda f: -(f.column or 0))
    limit = len(line) + 1
    for fix in placed:
        start = (fix.column or 1) - 1
        end = start + len(fix.old)
        if end <= limit and line[start:end] == fix.old:
            line = line[:start] + fix.new + line[end:]
            limit = start
            outcome.applied.append(fix)
        else:
            outcome.skipped.append(fix)
    for fix in (f for f in fixes if f.column is None):
        if fix.old in line:
            line = line.replace(fix.old, fix.new, 1)
            outcome.applied.append(fix)
        else:
            outcome.skipped.append(fix)
    return line


def apply_fixes_detailed(text: str, findings: list[Finding]) -> FixOutcome:
    """Apply the fixes of ``findings`` to ``text``; overlapping or stale fixes are skipped."""
    by_line: dict[int, list[Fix]] = {}
    for finding in findings:
        if finding.fix is not None:
            by_line.setdefault(finding.fix.line, []).append(finding.fix)
    lines = text.split("\n")
    outcome = FixOutcome(text)
    for number, fixes in sorted(by_line.items()):
        if 1 <= number <= len(lines):
            lines[number - 1] = _fix_line(lines[number - 1], fixes, outcome)
        else:
            outcome.skipped.extend(fixes)
    outcome.text = "\n".join(lines)
    return outcome


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """``text`` with every applicable fix of ``findings`` applied."""
    return apply_fixes_detailed(text, findings).text


# --- files -----------------------------------------------------------------------------


def read_siblings(list_path: Path) -> dict[str, str]:
    """Companion files beside the list, keyed by their path relative to its folder."""
    folder = list_path.resolve().parent
    found: dict[str, str] = {}
    for sub in SIBLING_FOLDERS:
        directory = folder / sub if sub else folder
        if not directory.is_dir():
            continue
        for candidate in sorted(directory.iterdir()):
            if candidate.name.lower() in SIBLING_NAMES and candidate.is_file():
                key = f"{sub}/{candidate.name}" if sub else candidate.name
                try:
                    found[key] = candidate.read_text("utf-8", errors="replace")
                except OSError as error:
                    raise ListError(f"cannot read: {error.strerror}", str(candidate)) from None
    return found


def _parse(text: str, path: str | None) -> Document:
    from awesome.parser import parse_document

    return parse_document(text, path)


@dataclass
class LintResult:
    """The findings for one list file."""

    path: str
    findings: list[Finding]
    text: str = ""

    def count(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


def lint_text(
    text: str,
    path: str | None = None,
    config: Config | None = None,
    lock: MetadataLock | None = None,
    siblings: dict[str, str] | None = None,
    jobs: int = 1,
) -> list[Finding]:
    """Lint a list given as text (no file access); ``jobs`` as in :func:`lint_document`."""
    context = LintContext(
        lines=text.split("\n"),
        config=config or Config(),
        lock=lock or MetadataLock(),
        path=path,
        siblings=siblings or {},
    )
    return lint_document(_parse(text, path), context, jobs)


def _settings(list_path: Path, config_path: Path | None) -> tuple[Config, MetadataLock]:
    config = load_config(list_path, config_path)
    active_rules(config)  # a bad rule id fails before any reading of the list
    lock = load_lock(list_path.resolve().parent / config.metadata)
    return config, lock


def lint_file(list_path: Path, config_path: Path | None = None, jobs: int = 1) -> LintResult:
    """Lint one list file with its configuration, metadata lock and companion files."""
    config, lock = _settings(list_path, config_path)
    text = read_list_text(list_path)
    siblings = read_siblings(list_path)
    findings = lint_text(text, str(list_path), config, lock, siblings, jobs)
    return LintResult(str(list_path), findings, text)


# --- --fix -----------------------------------------------------------------------------


@dataclass
class FixReport:
    """What ``--fix`` did to one file."""

    path: str
    changed: bool
    applied: int
    remaining: list[Finding]
    problems: list[str] = field(default_factory=list)


def _rewritten(url: str, applied: list[Fix], targets: Counter[str]) -> bool:
    """Whether a fix rewrote ``url`` into a target the fixed text has (a corrected anchor)."""
    return any(
        fix.old and fix.old in url and url.replace(fix.old, fix.new, 1) in targets
        for fix in applied
    )


def _lost_by_fixes(original: str, fixed: str, applied: list[Fix]) -> list[str]:
    """What the fixes removed beyond the text they meant to replace or rewrite."""
    from awesome.formatting import link_targets, lost_between, words

    allowed_words: Counter[str] = Counter()
    allowed_links: Counter[str] = Counter()
    for fix in applied:
        allowed_words.update(words(fix.old))
        allowed_links.update(link_targets(fix.old))
    return lost_between(
        original,
        fixed,
        allowed_links,
        allowed_words,
        lambda url, targets: _rewritten(url, applied, targets),
    )


def fix_file(list_path: Path, config_path: Path | None = None, jobs: int = 1) -> FixReport:
    """Apply every fix, format canonically, check nothing is lost, write atomically."""
    from awesome.formatting import format_text

    config, lock = _settings(list_path, config_path)
    original = read_list_text(list_path)
    siblings = read_siblings(list_path)
    name = str(list_path)
    text = original
    applied: list[Fix] = []
    # fixes on one line may overlap; a second round picks up what the first had to skip
    for _ in range(3):
        own = [f for f in lint_text(text, name, config, lock, siblings, jobs) if f.path == name]
        outcome = apply_fixes_detailed(text, own)
        applied.extend(outcome.applied)
        if outcome.text == text:
            break
        text = outcome.text
    problems = _lost_by_fixes(original, text, applied) if text != original else []
    formatted = format_text(text, config, lock, name)
    problems.extend(formatted.problems)
    if problems:
        remaining = lint_text(original, name, config, lock, siblings, jobs)
        return FixReport(name, False, 0, remaining, problems)
    final = formatted.formatted
    if final != original:
        atomic_write_text(list_path, final)
    remaining = lint_text(final, name, config, lock, siblings, jobs)
    return FixReport(name, final != original, len(applied), remaining)
