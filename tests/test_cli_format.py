from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome.cli import cli
from awesome.fsio import MAX_LIST_BYTES

CANONICAL = "# T [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## Contents\n\n- [S](#s)\n\n## S\n\n- [A](https://a.example) - 2020.\n"
MESSY = "# T\n\n## S\n\n- **A**, 2020, [Paper](https://a.example)\n"


def _write(tmp_path: Path, text: str | bytes, name: str = "README.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


def test_check_passes_on_canonical_file(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, CANONICAL)
    result = runner.invoke(cli, ["format", "--check", str(path)])
    assert result.exit_code == 0, result.output


def test_check_fails_on_messy_file_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, MESSY)
    result = runner.invoke(cli, ["format", "--check", str(path)])
    assert result.exit_code == 1
    assert path.read_text("utf-8") == MESSY


def test_diff_prints_unified_diff(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, MESSY)
    result = runner.invoke(cli, ["format", "--check", "--diff", str(path)])
    assert result.exit_code == 1
    assert "\n-- **A**, 2020, [Paper](https://a.example)\n" in result.output
    assert "+- [A](https://a.example) - 2020." in result.output


def test_format_rewrites_atomically_and_only_when_changed(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = _write(tmp_path, MESSY)
    assert runner.invoke(cli, ["format", str(path)]).exit_code == 0
    assert "- [A](https://a.example) - 2020.\n" in path.read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]  # no temporary file left
    stamp = path.stat().st_mtime_ns
    os.utime(path, ns=(stamp - 10**9, stamp - 10**9))
    assert runner.invoke(cli, ["format", str(path)]).exit_code == 0
    assert path.stat().st_mtime_ns == stamp - 10**9  # unchanged content is not rewritten


def test_crlf_and_bom_are_handled(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, ("\ufeff" + MESSY.replace("\n", "\r\n")).encode("utf-8"))
    assert runner.invoke(cli, ["format", str(path)]).exit_code == 0
    text = path.read_bytes()
    # the file keeps its CRLF endings (every line), and loses the BOM
    assert not text.startswith(b"\xef\xbb\xbf")
    assert text.count(b"\n") == text.count(b"\r\n") > 5
    assert text.endswith(b"2020.\r\n")
    assert runner.invoke(cli, ["format", "--check", str(path)]).exit_code == 0


def test_lf_files_are_written_with_lf(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, MESSY.encode("utf-8"))
    assert runner.invoke(cli, ["format", str(path)]).exit_code == 0
    assert b"\r" not in path.read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("# Just a title\n\nSome prose.\n", "no list found"),
        (b"# T\n\n- [A](https://a.example) caf\xe9\n", "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = _write(tmp_path, content)
    before = path.read_bytes()
    result = runner.invoke(cli, ["format", str(path)])
    assert result.exit_code == 2
    assert message in result.output and str(path) in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_invalid_utf8_names_the_line(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, b"# T\n\n## S\n\n- [A](https://a.example) caf\xe9\n")
    result = runner.invoke(cli, ["format", str(path)])
    assert f"{path}:5:" in result.output


def test_missing_file_and_directory(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(cli, ["format", str(tmp_path / "nope.md")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    directory = runner.invoke(cli, ["format", str(tmp_path)])
    assert directory.exit_code == 2 and "is a directory" in directory.output


def test_oversized_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(MAX_LIST_BYTES + 1)  # sparse: costs no disk
    result = runner.invoke(cli, ["format", str(path)])
    assert result.exit_code == 2 and "larger than" in result.output


def test_refuses_to_write_when_the_renderer_would_drop_something(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import awesome.formatting as formatting

    real_render = formatting.render_document

    def lossy_render(*args: object, **kwargs: object) -> str:
        # a renderer with a bug: it loses the last line of the document
        return real_render(*args, **kwargs).rsplit("\n", 2)[0] + "\n"  # type: ignore[arg-type]

    monkeypatch.setattr(formatting, "render_document", lossy_render)
    path = _write(tmp_path, MESSY)
    result = runner.invoke(cli, ["format", str(path)])
    assert result.exit_code == 2
    assert "refusing to write" in result.output and "https://a.example" in result.output
    assert path.read_text("utf-8") == MESSY


def test_contents_list_with_external_links_is_not_a_catalog(
    runner: CliRunner, tmp_path: Path
) -> None:
    text = "# T\n\n## Contents\n\n- [Home](#s)\n- [External](https://ext.example)\n\n## S\n\n- [A](https://a.example) - 2020.\n"
    path = _write(tmp_path, text)
    assert runner.invoke(cli, ["format", str(path)]).exit_code == 0
    assert "https://ext.example" in path.read_text("utf-8")


def test_bad_config_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    path = _write(tmp_path, MESSY)
    (tmp_path / "awesome.toml").write_text('sortt = "title"\n', "utf-8")
    result = runner.invoke(cli, ["format", str(path)])
    assert result.exit_code == 2
    assert "unknown key 'sortt'" in result.output and "sort" in result.output


def _small_files_only() -> None:
    # runs in the child process: writes past 64 bytes fail with EFBIG ("File too large")
    # instead of killing it, the way a full disk or a quota makes a write fail
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, resource.RLIM_INFINITY))


def test_a_failed_write_is_one_line_and_keeps_the_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    path = _write(tmp_path, MESSY)
    result = subprocess.run(
        [sys.executable, "-m", "awesome", "format", str(path)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        preexec_fn=_small_files_only,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == f"error: {path}: cannot write: File too large\n"
    assert path.read_text("utf-8") == MESSY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]  # no temporary file left
