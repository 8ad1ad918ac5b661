"""Configuration: ``[tool.awesome]`` in pyproject.toml or ``awesome.toml`` beside the list.

Strict: an unknown key is an error that names it and lists the valid ones.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from awesome.errors import ConfigError
from awesome.schemas import load_schema, quick_valid, validator

DEFAULT_ARXIV_API = "https://export.arxiv.org/api/query"
DEFAULT_DOI_API = "https://doi.org/api/handles"
DEFAULT_GITHUB_API = "https://api.github.com"


@dataclass
class LintConfig:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    spelling: dict[str, str] = field(default_factory=dict)
    allow_duplicates: bool = False
    allowed_duplicate_urls: list[str] = field(default_factory=list)


@dataclass
class LinksConfig:
    accept: list[int] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    timeout: float | None = None
    max_concurrency: int | None = None
    host_concurrency: int | None = None
    host_interval: float | None = None
    max_age: str | None = None
    cache: str | None = None


@dataclass
class Config:
    """Settings for one list; ``source`` names the file they came from, if any."""

    sort: str = "canonical"
    metadata: str = "metadata.json"
    arxiv_api: str = DEFAULT_ARXIV_API
    arxiv_interval: float = 3.0
    doi_api: str = DEFAULT_DOI_API
    github_api: str = DEFAULT_GITHUB_API
    lint: LintConfig = field(default_factory=LintConfig)
    links: LinksConfig = field(default_factory=LinksConfig)
    source: str | None = None


def _valid_keys(schema: dict[str, Any], path: list[str | int]) -> list[str]:
    node = schema
    for part in path:
        node = node.get("properties", {}).get(str(part), {})
    return sorted(node.get("properties", {}))


def validate_config(data: dict[str, Any], source: str) -> None:
    """Raise :class:`ConfigError` naming the first invalid key or value."""
    if quick_valid("config", data):
        return
    schema = load_schema("config")
    for error in validator("config").iter_errors(data):
        location = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "additionalProperties":
            unknown = sorted(
                set(error.instance) - set(_valid_keys(schema, list(error.absolute_path)))
            )
            prefix = f"{location}." if location else ""
            valid = ", ".join(_valid_keys(schema, list(error.absolute_path)))
            raise ConfigError(f"unknown key '{prefix}{unknown[0]}' (valid keys: {valid})", source)
        raise ConfigError(f"invalid value for '{location}': {error.message}", source)


def config_from_dict(data: dict[str, Any], source: str | None = None) -> Config:
    """Build a :class:`Config` from a validated mapping."""
    validate_config(data, source or "<config>")
    top = {k: v for k, v in data.items() if k not in ("lint", "links")}
    return Config(
        **top,
        lint=LintConfig(**data.get("lint", {})),
        links=LinksConfig(**data.get("links", {})),
        source=source,
    )


_TOML_WHERE = re.compile(
    r"^(?P<message>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$"
)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8")
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib gives the place only inside its message (no attributes before 3.14)
        where = _TOML_WHERE.match(str(error))
        if where is None:
            raise ConfigError(f"not valid TOML: {error}", str(path)) from None
        if where["line"] is None:
            line, message = max(len(text.splitlines()), 1), where["message"]
        else:
            line, message = int(where["line"]), f"{where['message']} (column {where['column']})"
        raise ConfigError(f"not valid TOML: {message}", str(path), line) from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"not valid UTF-8 (byte {error.start + 1})", str(path)) from None
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror}", str(path)) from None


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """``[tool.awesome]`` of a pyproject.toml; None when it has none."""
    tool = data.get("tool")
    section = tool.get("awesome") if isinstance(tool, dict) else None
    if section is not None and not isinstance(section, dict):
        raise ConfigError("tool.awesome must be a table ([tool.awesome])", str(path))
    return section


def find_config_file(list_path: Path) -> tuple[Path, dict[str, Any]] | None:
    """``awesome.toml`` beside the list, else the nearest pyproject.toml with [tool.awesome]."""
    folder = list_path.resolve().parent
    beside = folder / "awesome.toml"
    if beside.is_file():
        return beside, _read_toml(beside)
    for directory in (folder, *folder.parents):
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            section = _tool_table(_read_toml(pyproject), pyproject)
            if section is not None:
                return pyproject, section
            if (directory / ".git").exists():
                break
    return None


def load_config(list_path: Path | None, explicit: Path | None = None) -> Config:
    """The configuration that applies to ``list_path`` (defaults when there is none)."""
    if explicit is not None:
        data = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            data = _tool_table(data, explicit) or {}
        return config_from_dict(data, str(explicit))
    if list_path is None:
        return Config()
    found = find_config_file(list_path)
    if found is None:
        return Config()
    path, data = found
    return config_from_dict(data, str(path))
