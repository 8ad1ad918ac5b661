"""File input and output at the edges: reading lists safely, writing atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from awesome.errors import ListError

# Real lists are well under 1 MB; a generated 100,000-entry list is about 11 MB.
MAX_LIST_BYTES = 32 * 1024 * 1024


def read_list_text(path: Path) -> str:
    """Read a list file as text, refusing what is not a readable UTF-8 Markdown file.

    A BOM is dropped and CRLF/CR line endings become LF.
    """
    name = str(path)
    if path.is_dir():
        raise ListError("is a directory, not a Markdown file", name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ListError("no such file", name) from None
    except OSError as error:
        raise ListError(f"cannot read: {error.strerror}", name) from None
    if len(data) > MAX_LIST_BYTES:
        raise ListError(f"file is larger than {MAX_LIST_BYTES // (1024 * 1024)} MB", name)
    return decode_list_bytes(data, name)


def decode_list_bytes(data: bytes, where: str) -> str:
    """A list's bytes as text: NUL bytes and invalid UTF-8 refused, BOM dropped, LF endings.

    Shared by the working file and a committed version (``awesome diff``), so both read alike.
    """
    if b"\x00" in data[:8192]:
        raise ListError("looks like a binary file (it contains NUL bytes)", where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ListError(f"not valid UTF-8 (byte {error.start + 1})", where, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    A symbolic link is followed: the file it points at is replaced and the link is kept.
    The file keeps its line endings: one written with CRLF (a Windows checkout) stays so,
    rather than changing on every line.
    A failure (a folder that cannot be written, a full disk) leaves the file as it was
    and is a :class:`ListError` naming the file, so every writer reports it in one line.
    """
    target = path.resolve()
    newline = existing_line_ending(target)
    if newline == "\r\n":  # text may carry CRLF already (a file put back as it was read)
        text = text.replace("\r\n", "\n")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise ListError(f"cannot write: {error.strerror or error}", str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError):
            raise ListError(f"cannot write: {error.strerror or error}", str(path)) from None
        raise


def existing_line_ending(path: Path) -> str:
    """``"\r\n"`` when the file's first line ends so, else ``"\n"`` (also for a new file)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return "\n"
    end = head.find(b"\n")
    return "\r\n" if end > 0 and head[end - 1 : end] == b"\r" else "\n"
