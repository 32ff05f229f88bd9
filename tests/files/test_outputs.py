"""No command destroys an input, and no output is ever half written.

Real files, real processes, real signals and real filesystems: `-o` aimed at the input
in every spelling, a full device, a read-only and a full filesystem (tmpfs mounts,
as root), Ctrl-C and SIGTERM while a large log is half written.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.files.conftest import cli, command, default_sigint, leftovers
from tests.store.conftest import Writer, files_of

# --- -o that names an input ------------------------------------------------------------


def _spellings(folder: Path, log: Path) -> list[tuple[str, Path]]:
    """(how -o is written, run from where) for the same file as `log`."""
    (folder / "link.jsonl").symlink_to(log.name)
    os.link(log, folder / "hard.jsonl")
    (folder / "sub").mkdir()
    return [
        (log.name, folder),
        (f"./{log.name}", folder),
        (str(log), folder),
        (f"sub/../{log.name}", folder),
        ("link.jsonl", folder),
        ("hard.jsonl", folder),
        (f"../../{folder.name}/{log.name}", folder / "sub"),
    ]


def test_canonicalize_refuses_to_write_over_its_input_in_every_spelling(
    tmp_path: Path, log_bytes: bytes
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes)
    for output, cwd in _spellings(tmp_path, log):
        given = os.path.relpath(log, cwd)
        done = cli("canonicalize", given, "-o", output, cwd=cwd)
        assert done.code == 2 and done.out == b"", (output, done)
        assert done.error_lines == [
            f"jamjet-schema canonicalize: {output}: is the input {given}; "
            "refusing to write over an input"
        ]
        assert log.read_bytes() == log_bytes, f"-o {output} changed the input"
    assert leftovers(tmp_path) == []


def test_canonicalize_refuses_the_file_its_stdin_comes_from(
    tmp_path: Path, log_bytes: bytes
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes)
    with log.open("rb") as stdin:
        done = subprocess.run(
            command("canonicalize", "-o", log), stdin=stdin, capture_output=True, check=False
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().endswith("is the standard input; refusing to write over an input\n")
    assert log.read_bytes() == log_bytes


def test_export_refuses_the_store_and_each_of_its_files(
    tmp_path: Path, writer: Writer, event_lines: list[str]
) -> None:
    store = writer.create(tmp_path / "runtime.db")
    writer.append(store, event_lines[:20])
    (tmp_path / "alias.db").symlink_to(store.name)
    os.link(store, tmp_path / "hard.db")
    outputs = ["runtime.db", "./runtime.db", "alias.db", "hard.db"]
    outputs += ["runtime.db-wal", "runtime.db-shm", "runtime.db-journal"]
    for name in ("runtime.db", "sqlite://runtime.db", f"sqlite://{store}", "alias.db"):
        for output in outputs:
            before = files_of(store)
            done = cli("export", name, "-o", output, cwd=tmp_path)
            assert done.code == 2 and done.out == b"", (name, output, done)
            assert len(done.error_lines) == 1, done.err
            assert done.err.startswith(f"jamjet-schema export: {output}: is the store ")
            assert files_of(store) == before, f"export {name} -o {output} touched the store"
    assert not (tmp_path / "runtime.db-wal").exists() and leftovers(tmp_path) == []


def test_an_unrelated_output_beside_the_input_is_written(tmp_path: Path, log_bytes: bytes) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes)
    done = cli("canonicalize", log, "-o", tmp_path / "out.jsonl")
    assert done.code == 0, done.err
    assert (tmp_path / "out.jsonl").read_bytes() == log_bytes  # the generated log is canonical


# --- the output is replaced whole, or not at all -----------------------------------------


def test_the_output_keeps_its_permissions_or_gets_the_umask(
    tmp_path: Path, log_bytes: bytes
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes)
    kept = tmp_path / "kept.jsonl"
    kept.write_text("old\n")
    kept.chmod(0o640)
    assert cli("canonicalize", log, "-o", kept).code == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_bytes() == log_bytes
    fresh = tmp_path / "fresh.jsonl"
    mask = os.umask(0o022)
    os.umask(mask)
    assert cli("canonicalize", log, "-o", fresh).code == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask


def test_an_error_halfway_leaves_the_old_output(tmp_path: Path, log_bytes: bytes) -> None:
    """A gzip log cut short fails after many events were written: the old output stays."""
    import gzip

    packed = gzip.compress(log_bytes * 20)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) * 3 // 4])
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    done = cli("canonicalize", cut, "-o", out)
    assert done.code == 2 and done.error_lines == [
        f"jamjet-schema canonicalize: {cut}: the gzip data is truncated "
        "(Compressed file ended before the end-of-stream marker was reached)"
    ]
    assert out.read_text() == "old\n" and leftovers(tmp_path) == []


def test_a_full_device_is_one_line_and_exit_2(tmp_path: Path, log_bytes: bytes) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this machine")
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes * 4)
    done = cli("canonicalize", log, "-o", "/dev/full")
    assert done.code == 2
    assert done.error_lines == ["jamjet-schema canonicalize: /dev/full: No space left on device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "the device is still a device"
    with open("/dev/full", "wb") as full:  # standard output on a full device, too
        run = subprocess.run(command("validate", "--canonical", log), stdout=full, stderr=subprocess.PIPE, check=False)  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.decode().splitlines() == [
        "jamjet-schema validate: standard output: No space left on device"
    ]


# --- filesystems that refuse: read-only, full --------------------------------------------


def _can_mount() -> str | None:
    """Why a tmpfs cannot be mounted here, or None."""
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs of its own (as root: CI and the sessions run as root)."""
    why = _can_mount()
    if why:
        pytest.skip(why)
    where = tmp_path / "mnt"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_filesystem_leaves_the_old_output_and_no_temporary(
    tmpfs: Path, tmp_path: Path, log_bytes: bytes
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes * 8)
    assert log.stat().st_size > 4 * 256 * 1024, "the log must not fit"
    out = tmpfs / "out.jsonl"
    out.write_text("old\n")
    done = cli("canonicalize", log, "-o", out)
    assert done.code == 2 and done.error_lines == [
        f"jamjet-schema canonicalize: {out}: No space left on device; the output was not written"
    ]
    assert out.read_text() == "old\n" and leftovers(tmpfs) == []


def test_a_read_only_directory_is_one_line_and_exit_2(
    tmpfs: Path, tmp_path: Path, log_bytes: bytes
) -> None:
    log = tmp_path / "events.jsonl"
    log.write_bytes(log_bytes)
    (tmpfs / "out.jsonl").write_text("old\n")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    out = tmpfs / "out.jsonl"
    done = cli("canonicalize", log, "-o", out)
    assert done.code == 2 and done.error_lines == [
        f"jamjet-schema canonicalize: {out}: cannot write in {tmpfs}: Read-only file system"
    ]
    assert out.read_text() == "old\n"


# --- signals while a large log is half written -------------------------------------------


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("native", [True, False], ids=["native", "pure"])
def test_a_signal_halfway_leaves_the_old_output_and_no_temporary(
    tmp_path: Path, log_bytes: bytes, signum: int, code: int, native: bool
) -> None:
    """The log comes through a pipe this test holds open: half of it is written, the
    command is seen writing its temporary output, then the signal comes."""
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    env = {**os.environ, "JAMJET_SCHEMA_NATIVE": "1" if native else "0"}
    process = subprocess.Popen(
        command("canonicalize", "--jobs", "1", "-o", out),
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=default_sigint,
    )
    assert process.stdin is not None and process.stderr is not None
    half = log_bytes * 16
    process.stdin.write(half)
    process.stdin.flush()
    _wait_for_temporary(tmp_path)
    process.send_signal(signum)
    assert process.wait(timeout=60) == code
    process.stdin.close()
    assert "Traceback" not in process.stderr.read().decode()
    assert out.read_text() == "old\n" and leftovers(tmp_path) == []


def _wait_for_temporary(folder: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        written = [p for p in folder.glob(".out.jsonl.*.part") if p.stat().st_size > 0]
        if written:
            return
        time.sleep(0.02)
    raise AssertionError("the command never started writing its output")
