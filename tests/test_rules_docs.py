"""Every content rule is registered, described, and its own doc examples behave as documented."""

from __future__ import annotations

import re

import pytest

from awesome.metadata import Paper
from awesome.rules import RULES as REGISTRY
from awesome.rules import arxiv_meta, duplicates, entries, names, order, urls
from awesome.rules.base import KINDS, Rule
from tests.rule_support import lint, lock_of

CONTENT = [
    rule
    for module in (entries, duplicates, arxiv_meta, names, urls, order)
    for rule in module.RULES
]
# schema guards against drift between the parser and the schema: parser output
# cannot break it, so its doc example is not a parseable list line.
NOT_FROM_TEXT = {"schema"}

LOCK = lock_of(
    Paper(
        "1910.02054",
        "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models",
        published="2019-10-04",
    ),
    Paper(
        "1909.08053",
        "Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism",
        published="2019-09-17",
    ),
    Paper(
        "2208.11857",
        "Shortcut Learning of Large Language Models in Natural Language Understanding",
        published="2022-08-25",
    ),
    Paper("2005.14165", "Language Models are Few-Shot Learners", published="2020-05-28"),
    Paper("2303.08774", "GPT-4 Technical Report", published="2023-03-15"),
    Paper(
        "1706.03741", "Deep reinforcement learning from human preferences", published="2017-06-12"
    ),
)


def _example(doc: str, label: str) -> str:
    """The indented block after the line starting with ``label`` in a rule's doc."""
    part = re.split(rf"^{label}\b.*$", doc, maxsplit=1, flags=re.MULTILINE)[1]
    lines = []
    for line in part.splitlines()[1:]:
        if line.strip() and not line.startswith("    "):
            break
        lines.append(line[4:])
    return "\n".join(lines).strip("\n") + "\n"


def test_every_content_rule_is_registered_once() -> None:
    ids = [rule.id for rule in REGISTRY]
    for rule in CONTENT:
        assert ids.count(rule.id) == 1, rule.id


@pytest.mark.parametrize("rule", CONTENT, ids=lambda rule: rule.id)
def test_rule_is_described(rule: Rule) -> None:
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id)
    assert rule.kind in KINDS and rule.severity in ("error", "warning")
    assert rule.summary.endswith(".") and "Wrong" in rule.doc and "Right" in rule.doc


@pytest.mark.parametrize(
    "rule", [r for r in CONTENT if r.id not in NOT_FROM_TEXT], ids=lambda r: r.id
)
def test_doc_examples_are_wrong_and_right(rule: Rule) -> None:
    assert lint(rule, _example(rule.doc, "Wrong"), LOCK) != []
    assert lint(rule, _example(rule.doc, "Right"), LOCK) == []
