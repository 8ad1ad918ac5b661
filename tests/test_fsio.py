"""Tests for awesome.fsio: atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome.errors import ListError
from awesome.fsio import atomic_write_text


def test_a_symlinked_file_is_written_through_its_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "README.md"
    target.write_text("old\n", "utf-8")
    link = tmp_path / "README.md"
    link.symlink_to(target)
    atomic_write_text(link, "new\n")
    assert link.is_symlink()
    assert target.read_text("utf-8") == "new\n"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["README.md"]


def test_a_folder_that_does_not_exist_is_a_list_error(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "README.md"
    with pytest.raises(ListError) as caught:
        atomic_write_text(path, "text\n")
    assert str(caught.value) == f"{path}: cannot write: No such file or directory"


def test_mode_of_an_existing_file_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("old\n", "utf-8")
    path.chmod(0o600)
    atomic_write_text(path, "new\n")
    assert (path.read_text("utf-8"), path.stat().st_mode & 0o777) == ("new\n", 0o600)


def test_a_rewrite_keeps_the_files_line_endings(tmp_path: Path) -> None:
    crlf, lf, new = tmp_path / "crlf.md", tmp_path / "lf.md", tmp_path / "new.md"
    crlf.write_bytes(b"# A\r\n\r\nold\r\n")
    lf.write_bytes(b"# A\n\nold\n")
    for path in (crlf, lf, new):
        atomic_write_text(path, "# A\n\nnew\n")
    assert crlf.read_bytes() == b"# A\r\n\r\nnew\r\n"
    assert lf.read_bytes() == new.read_bytes() == b"# A\n\nnew\n"
