"""Outputs that never destroy anything: never an input, never half a file.

As SQLite, git and rsync do it: the output is written to a temporary file beside its
target and renamed over it only when complete and on disk (`fsync`), so a crash, a
full disk, a signal or an error halfway leaves the old target as it was and no partial
file behind. An output that names an input, through any path, is refused before
anything is read. A target that is not a regular file (`/dev/stdout`, a FIFO, a
device) has nothing to replace and is written in place.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO

from jamjet_schema.files.errors import Unusable

STDIO = "-"
# SQLite's files beside a database: writing one of them corrupts or rewinds the store.
STORE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def refuse_inputs(output: str, logs: Iterable[str] = (), stores: Iterable[str] = ()) -> None:
    """Unusable if `output` is one of the inputs (or a store's companion file), the
    same file through a symlink, a hard link or another spelling of its path."""
    if output == STDIO:
        return
    guarded = [(log, f"the input {log}") for log in logs if log != STDIO]
    # SQLite names the companions after the database's real path (links resolved)
    guarded += [
        (f"{where}{suffix}", f"the store {store}" + (f"'s {suffix} file" if suffix else ""))
        for store in stores
        for where in (store, os.path.realpath(store))
        for suffix in STORE_COMPANIONS
    ]
    target = os.path.realpath(output)
    for path, what in guarded:
        if os.path.realpath(path) == target or _same_file(path, output):
            raise Unusable(f"{output}: is {what}; refusing to write over an input")
    if STDIO in logs and _same_file_as_stdin(output):
        raise Unusable(f"{output}: is the standard input; refusing to write over an input")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist: not the same file
        return False


def _same_file_as_stdin(path: str) -> bool:
    try:
        mine, theirs = os.fstat(sys.stdin.fileno()), os.stat(path)
    except (OSError, ValueError):  # no stdin, or no such output yet
        return False
    return stat.S_ISREG(mine.st_mode) and (mine.st_dev, mine.st_ino) == (
        theirs.st_dev,
        theirs.st_ino,
    )


@contextmanager
def replacing(path: str) -> Iterator[BinaryIO]:
    """A stream whose bytes become the file `path` only when the block ends cleanly.

    Any exception (including KeyboardInterrupt and SystemExit) removes the temporary
    file and leaves `path` as it was. An OSError while writing becomes Unusable."""
    if _is_special(path):
        with _writing_in_place(path) as stream:
            yield stream
        return
    temporary = _temporary_beside(path)
    try:
        with open(temporary, "wb") as stream:
            try:
                yield stream
                stream.flush()
                os.fsync(stream.fileno())
            except BrokenPipeError:
                raise  # stderr closed downstream: not the output's fault
            except OSError as err:
                raise Unusable(f"{path}: {err.strerror}; the output was not written") from None
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise
    _sync_directory(path)


def _is_special(path: str) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # does not exist yet: a new regular file
        return False


@contextmanager
def _writing_in_place(path: str) -> Iterator[BinaryIO]:
    try:
        with open(path, "wb") as stream:
            yield stream
            stream.flush()
    except IsADirectoryError:
        raise Unusable(f"{path}: is a directory") from None
    except OSError as err:
        raise Unusable(f"{path}: {err.strerror}") from None


def _temporary_beside(path: str) -> str:
    directory, name = os.path.split(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=directory)
    except OSError as err:
        raise Unusable(f"{path}: cannot write in {directory}: {err.strerror}") from None
    os.close(handle)
    return temporary


def _mode_for(path: str) -> int:
    """The target's permissions if it exists, else what a new file gets (0666 less umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(path: str) -> None:
    # already gone, or the directory went away: nothing more to clean
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_directory(path: str) -> None:
    """The rename itself on disk. Best effort: some filesystems refuse to open a folder."""
    try:
        handle = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)
