"""Right spellings of product and project names (``awesome/data/spelling.toml``).

One matcher finds every other casing or listed misspelling in a line of prose,
in a single regular-expression pass.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

# A name must stand alone: not inside a word, a path, a handle, a domain or a file name.
_BEFORE = r"(?<![\w@/.\-])"
_AFTER = r"(?![\w@/\-]|\.\w)"
_BEFORE_LOWERED = r"(?<![a-z0-9_@/.\-])"  # ``_BEFORE`` on lower-cased ASCII
# The only characters beyond ASCII that IGNORECASE matches with ASCII ones: İ ı ſ and the
# Kelvin sign (a test checks every code point). Lower-casing keeps the text's other
# characters apart from ASCII forms, so only lines with these need the case rules of re.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDING = re.compile(f"[{FOLDS_TO_ASCII}]")


def _lines_of(pattern: re.Pattern[str], text: str) -> set[int]:
    """0-based indexes of the lines of ``text`` where ``pattern`` matches."""
    found: set[int] = set()
    line = 0
    counted = 0
    position = 0
    while match := pattern.search(text, position):
        start = match.start()
        line += text.count("\n", counted, start)
        counted = start
        found.add(line)
        position = text.find("\n", start) + 1 or len(text)
    return found


_Trie = dict[str, "_Trie"]


def trie_pattern(forms: Iterable[str], blanks: bool = True) -> str:
    """A regex matching each of ``forms``; a space in a form matches any run of blanks
    within a line, or with ``blanks`` False a space alone."""
    space = r"[^\S\n]+" if blanks else re.escape(" ")
    tree: _Trie = {}
    for form in forms:
        node = tree
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [
            (space if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return emit(tree) or "(?!)"


def _longest_first(forms: Iterable[str]) -> str:
    """An alternation of ``forms``, longest first (spaces: any run of blanks)."""
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in ordered)


class LineFilter:
    """Finds the lines of a text where a regex body may match after a word boundary
    (``_BEFORE``), case ignored: one pass over the whole text, not one search per line.

    The pass runs without IGNORECASE on the lower-cased text, which is several times
    faster, and finds every line where ASCII forms match (and some where they do not:
    "é" before a form is no letter to the lower-cased pattern); lines with one of the
    characters that IGNORECASE folds into ASCII (the Kelvin sign is a "k" to it) are
    searched again with the case rules of re.
    """

    def __init__(self, body: str, ascii_forms: bool) -> None:
        self._exact = re.compile(f"{_BEFORE}(?:{body})", re.IGNORECASE)
        self._lowered = re.compile(f"{_BEFORE_LOWERED}(?:{body})") if ascii_forms else None

    def matching_lines(self, lines: list[str]) -> set[int]:
        """0-based indexes of the ``lines`` where the body may match (a superset)."""
        text = "\n".join(lines)
        if self._lowered is None:
            return _lines_of(self._exact, text)
        found = _lines_of(self._lowered, text.lower())  # lowering keeps every line break
        for index in _lines_of(_FOLDING, text):
            if self._exact.search(lines[index]):
                found.add(index)
        return found


@dataclass(frozen=True)
class Misspelling:
    found: str
    right: str
    column: int
    """1-based."""


@functools.cache
def spelling_tables() -> dict[str, Any]:
    """The data file's tables (``products``, ``venues``, ``typos``), read once per process."""
    text = resources.files("awesome").joinpath("data/spelling.toml").read_text("utf-8")
    return tomllib.loads(text)


def product_names() -> dict[str, dict[str, list[str]]]:
    """Right spelling -> {"accept": [...], "wrong": [...]} from the data file."""
    return dict(spelling_tables().get("products", {}))


class SpellingMatcher:
    """Finds spellings that differ from the right one in text."""

    def __init__(self, names: Mapping[str, Mapping[str, list[str]]], extra: Mapping[str, str]):
        self._right: dict[str, str] = {}
        self._fine: set[str] = set()
        for right, forms in names.items():
            self._fine.add(right)
            self._fine.update(forms.get("accept", []))
            for form in [right, *forms.get("accept", []), *forms.get("wrong", [])]:
                self._right.setdefault(form.lower(), right)
        for wrong, right in extra.items():
            self._right[wrong.lower()] = right
            self._fine.add(right)
        # The forms as a trie: the regex engine tries a handful of first letters per
        # position instead of every form, which makes one pass over a 100,000-entry list
        # cheap (the filter below has no right-hand check).
        self.forms_pattern = trie_pattern(self._right)
        """The forms as a regex body, for :class:`LineFilter` (alone or with other forms)."""
        self.ascii_forms = all(form.isascii() for form in self._right)
        # At each position the longest form that stands alone wins. With ASCII forms one
        # branch of the trie at most fits a character, and its greedy tail tries the longest
        # form first, as the alternation does at three times the cost; beyond ASCII, case
        # folding lets two branches fit ("s" and "ſ"), so the alternation keeps that rule.
        body = self.forms_pattern if self.ascii_forms else _longest_first(self._right)
        self._pattern = re.compile(f"{_BEFORE}(?:{body}){_AFTER}", re.IGNORECASE)
        self._filter = LineFilter(self.forms_pattern, self.ascii_forms)

    def candidate_lines(self, lines: list[str]) -> set[int]:
        """0-based indexes of the ``lines`` where :meth:`find` may report something.

        A superset: the lines where a form starts (same case rules, same left-hand
        check, any right-hand neighbour). Blanking parts of a line (code, URLs) never
        makes a form appear, so the other lines need no closer look.
        """
        return self._filter.matching_lines(lines)

    def find(self, text: str) -> Iterator[Misspelling]:
        for match in self._pattern.finditer(text):
            found = match.group(0)
            if found in self._fine:
                continue
            right = self._right.get(" ".join(found.split()).lower())
            if right is not None and found != right:
                yield Misspelling(found, right, match.start() + 1)


@functools.cache
def _default_matcher() -> SpellingMatcher:
    return SpellingMatcher(product_names(), {})


def matcher(extra: Mapping[str, str] | None = None) -> SpellingMatcher:
    """The matcher for the shipped names plus a list's own ``lint.spelling`` pairs."""
    if not extra:
        return _default_matcher()
    return SpellingMatcher(product_names(), extra)
