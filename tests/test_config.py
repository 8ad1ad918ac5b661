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


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            'sort = "title"\n[lint\nignore = []\n',
            ":2: not valid TOML: Expected ']' at the end of a table declaration (column 6)",
        ),
        ('sort = "title"\n[lint]\nignore = [\n', ":3: not valid TOML: Invalid value"),
    ],
)
def test_invalid_toml_names_the_line(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "awesome.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "README.md")
    assert str(caught.value) == f"{path}{where}"


def test_a_config_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "awesome.toml"
    path.write_bytes(b'sort = "\xff"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "README.md")
    assert str(caught.value) == f"{path}: not valid UTF-8 (byte 9)"


@pytest.mark.parametrize("text", ["[tool]\nawesome = 3\n", 'tool = {awesome = "canonical"}\n'])
def test_tool_awesome_that_is_not_a_table_is_an_error(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=r"tool\.awesome must be a table"):
        load_config(tmp_path / "README.md")
    with pytest.raises(ConfigError, match=r"tool\.awesome must be a table"):
        load_config(None, tmp_path / "pyproject.toml")


def test_bad_config_is_one_line_and_exit_2_for_every_command_that_reads_it(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from awesome.cli import cli

    listing = tmp_path / "README.md"
    listing.write_text("# T\n\n## S\n\n- [A](https://arxiv.org/abs/2304.13712) - 2023.\n", "utf-8")
    (tmp_path / "awesome.toml").write_bytes(b"sort = \xff\n")
    for args in (
        ["format", "--check"],
        ["export", "--format", "bibtex"],
        ["enrich", "--offline"],
        ["lint"],
    ):
        result = CliRunner().invoke(cli, [*args, str(listing)])
        assert result.exit_code == 2, (args, result.output)
        assert result.output == f"error: {tmp_path / 'awesome.toml'}: not valid UTF-8 (byte 8)\n"


LINT_TABLE = """\
select = ["spelling", "url-https"]
ignore = ["typo"]
severity = { double-space = "error", no-tabs = "off" }
spelling = { "megatron" = "Megatron" }
allow_duplicates = true
allowed_duplicate_urls = ["https://github.com/org/repo"]
"""


def test_every_lint_key_reads_the_same_from_awesome_toml_and_pyproject(tmp_path: Path) -> None:
    from awesome.config import LintConfig

    expected = LintConfig(
        select=["spelling", "url-https"],
        ignore=["typo"],
        severity={"double-space": "error", "no-tabs": "off"},
        spelling={"megatron": "Megatron"},
        allow_duplicates=True,
        allowed_duplicate_urls=["https://github.com/org/repo"],
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "awesome.toml").write_text("[lint]\n" + LINT_TABLE, "utf-8")
    assert load_config(tmp_path / "a" / "README.md").lint == expected
    (tmp_path / "b" / ".git").mkdir(parents=True)
    (tmp_path / "b" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.awesome.lint]\n' + LINT_TABLE, "utf-8"
    )
    config = load_config(tmp_path / "b" / "README.md")
    assert config.lint == expected and config.source == str(tmp_path / "b" / "pyproject.toml")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('severity = { typo = "fatal" }', "invalid value for 'lint.severity.typo'"),
        ('select = "typo"', "invalid value for 'lint.select'"),
        ("spelling = { megatron = 1 }", "invalid value for 'lint.spelling.megatron'"),
        ('allow_duplicates = "yes"', "invalid value for 'lint.allow_duplicates'"),
        ("allowed_duplicate_url = []", "unknown key 'lint.allowed_duplicate_url' (valid keys: "),
    ],
)
def test_a_bad_lint_value_names_its_key(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "awesome.toml"
    path.write_text(f"[lint]\n{table}\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "README.md")
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value)
