from __future__ import annotations

from pathlib import Path

import pytest

from awesome.config import config_from_dict, load_config
from awesome.errors import ConfigError


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = load_config(tmp_path / "README.md")
    assert config.sort == "canonical" and config.source is None


def test_awesome_toml_beside_the_list_wins(tmp_path: Path) -> None:
    (tmp_path / "awesome.toml").write_text('sort = "title"\n[lint]\nignore = ["x"]\n', "utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.awesome]\nsort = "none"\n', "utf-8")
    config = load_config(tmp_path / "README.md")
    assert config.sort == "title" and config.lint.ignore == ["x"]


def test_pyproject_tool_table_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.awesome]\nsort = "none"\n', "utf-8")
    (tmp_path / "list").mkdir()
    assert load_config(tmp_path / "list" / "README.md").sort == "none"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"sortt": "x"}, "unknown key 'sortt' (valid keys: arxiv_api"),
        ({"lint": {"colour": 1}}, "unknown key 'lint.colour'"),
        ({"sort": "random"}, "invalid value for 'sort'"),
        ({"links": {"accept": ["200"]}}, "invalid value for 'links.accept.0'"),
    ],
)
def test_invalid_config_names_the_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_dict(data, "awesome.toml")
    assert message in str(caught.value)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "awesome.toml").write_text("sort = \n", "utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path / "README.md")
