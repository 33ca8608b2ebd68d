"""Odd files and folders: nothing hangs, nothing is skipped without a word, nothing is lost.

A FIFO, a socket or a device named like an article fails on its own with one
line saying what it is; a folder that cannot be read is one failure by name;
`watch` misses no file that arrives while it reads its backlog; a `--db` that
cannot be created is a one-line error. Every ingest that could block runs in a
subprocess or a thread with a deadline, so a regression fails instead of
hanging the suite.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_watch import stop, wait_for

from movesboard.ingest import Item
from movesboard.ingest.watch import Watcher, WatchState

CORPUS = Path(__file__).parent / "corpus" / "shared"
DEADLINE = 20.0  # seconds; a blocked open() shows up as this timeout, not a hang
ARTICLE = "en-007-schulman-anthropic.txt"


def movesboard(*args: str, timeout: float = DEADLINE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "movesboard", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def article_count(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    with sqlite3.connect(db_path, timeout=10) as connection:
        try:
            return connection.execute("SELECT count(*) FROM article").fetchone()[0]
        except sqlite3.OperationalError:  # tables not created yet
            return 0


@contextmanager
def special_files(folder: Path) -> Iterator[dict[Path, str]]:
    """A FIFO, a listening-less UNIX socket and /dev/zero, each named like an article."""
    folder.mkdir(parents=True, exist_ok=True)
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "socket.txt"))
    zero = folder / "zero.txt"
    zero.symlink_to("/dev/zero")
    specials = {fifo: "a FIFO", folder / "socket.txt": "a socket", zero: "a character device"}
    try:
        yield specials  # the caller may add its own; each is released on the way out
    finally:
        for path in specials:
            release(path)
        sock.close()


def release(fifo: Path) -> None:
    """Unblock a reader stuck opening `fifo` (old code): open and close its writing end."""
    try:
        if stat.S_ISFIFO(os.stat(fifo).st_mode):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # nobody was waiting on it


def assert_one_line_each(stderr: str, specials: dict[Path, str]) -> None:
    for path, kind in specials.items():
        assert stderr.count(f"{path}: not a regular file ({kind})") == 1, stderr
    assert "Traceback" not in stderr


@contextmanager
def running(watcher: Watcher) -> Iterator[None]:
    stop_event = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop_event,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop_event.set()
        thread.join(timeout=DEADLINE)
    assert not thread.is_alive(), "the watcher did not stop"


# --- FIFOs, sockets and devices ---------------------------------------------------


def test_special_files_named_on_the_command_line_fail_alone(tmp_path: Path) -> None:
    good = str(shutil.copy(CORPUS / ARTICLE, tmp_path / "good.txt"))
    with special_files(tmp_path / "odd") as specials:
        # A FIFO without a suffix is sniffed by its first bytes: that must not block either.
        bare = tmp_path / "odd" / "inbox"
        os.mkfifo(bare)
        specials[bare] = "a FIFO"
        done = movesboard("--db", str(tmp_path / "m.db"), "ingest", *map(str, specials), good)
    assert done.returncode == 1, done.stderr
    assert_one_line_each(done.stderr, specials)
    assert done.stdout.startswith("5 articles: 1 new, 0 unchanged, 4 failed"), done.stdout
    assert article_count(tmp_path / "m.db") == 1


def test_special_files_inside_a_folder_fail_alone(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    with special_files(inbox / "sub") as specials:
        shutil.copy(CORPUS / ARTICLE, inbox / "a.txt")
        shutil.copy(CORPUS / "en-010-suleyman-microsoft-ai.txt", inbox / "sub" / "zz.txt")
        done = movesboard("--db", str(tmp_path / "m.db"), "ingest", str(inbox))
    assert done.returncode == 1, done.stderr
    assert_one_line_each(done.stderr, specials)
    assert done.stdout.startswith("5 articles: 2 new, 0 unchanged, 3 failed"), done.stdout


def test_dashboard_ingest_goes_through_the_same_check(tmp_path: Path) -> None:
    from movesboard.tui.data import DataSource

    fifo = tmp_path / "in" / "fifo.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    shutil.copy(CORPUS / ARTICLE, tmp_path / "in" / "a.txt")
    data = DataSource(str(tmp_path / "m.db"), seed=False)
    results = []
    worker = threading.Thread(
        target=lambda: results.append(data.ingest([str(fifo)], lambda *_: None)), daemon=True
    )
    worker.start()
    worker.join(timeout=DEADLINE)
    blocked = worker.is_alive()
    release(fifo)
    worker.join(timeout=DEADLINE)
    assert not blocked, "the dashboard's ingest blocked on a FIFO"
    (summary,) = results
    assert summary.failed == 1 and summary.errors == [f"{fifo}: not a regular file (a FIFO)"]
    folder = data.ingest([str(fifo.parent)], lambda *_: None)
    assert (folder.new, folder.failed) == (1, 1), folder.errors
    data.close()


# --- folders that cannot be read ------------------------------------------------


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> set[Path]:
    """Folders that os.scandir refuses, as it does for a non-root user on chmod 000."""
    refused: set[Path] = set()
    real_scandir = os.scandir

    def scandir(path=".") -> object:  # type: ignore[no-untyped-def]
        if Path(os.fsdecode(path)).resolve() in refused:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return refused


def test_unreadable_folders_fail_by_name(
    tmp_path: Path, locked: set[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from movesboard.cli import main

    outer = tmp_path / "outer"
    (outer / "inner").mkdir(parents=True)
    shutil.copy(CORPUS / ARTICLE, outer / "a.txt")
    shutil.copy(CORPUS / "en-010-suleyman-microsoft-ai.txt", outer / "inner" / "b.txt")
    named = tmp_path / "named"
    named.mkdir()
    locked.update({(outer / "inner").resolve(), named.resolve()})

    status = main(["--db", str(tmp_path / "m.db"), "ingest", str(named), str(outer)])
    out, err = capsys.readouterr()
    assert status == 1, err
    assert err.count(f"{named}: folder cannot be read (Permission denied)") == 1, err
    assert err.count(f"{outer / 'inner'}: folder cannot be read (Permission denied)") == 1, err
    assert out.startswith("3 articles: 1 new, 0 unchanged, 2 failed"), out


# --- watch: odd files, unreadable folders, files dropped during the backlog --------


def test_watch_reports_special_files_and_goes_on(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    db_path = tmp_path / "m.db"
    with special_files(inbox) as backlog:
        shutil.copy(CORPUS / ARTICLE, inbox / "a.txt")
        process = subprocess.Popen(
            [sys.executable, "-m", "movesboard", "--db", str(db_path), "watch", str(inbox)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Sorts before b.txt: read before it (same batch or earlier), so its error
        # line is out by the time b.txt is stored.
        dropped = inbox / "a-later.txt"
        try:
            wait_for(lambda: article_count(db_path) == 1, "the backlog article")
            os.mkfifo(dropped)  # arrives while watching
            shutil.copy(CORPUS / "en-010-suleyman-microsoft-ai.txt", inbox / "b.txt")
            wait_for(lambda: article_count(db_path) == 2, "the article dropped while watching")
        finally:
            try:
                code, out, err = stop(process)
            finally:
                for path in [*backlog, dropped]:
                    release(path)
    assert_one_line_each(err, {**backlog, dropped: "a FIFO"})
    assert code == 1, err
    assert out.strip().splitlines()[-1].startswith("6 articles: 2 new, 0 unchanged, 4 failed")


def test_watch_names_an_unreadable_subfolder_once(tmp_path: Path, locked: set[Path]) -> None:
    inbox = tmp_path / "in"
    (inbox / "inner").mkdir(parents=True)
    (inbox / "a.txt").write_text("Title\nBody.\n")
    locked.add((inbox / "inner").resolve())
    seen: list[str] = []
    errors: list[str] = []

    def handle(items: list[Item]) -> dict[str, str]:
        seen.extend(Path(item.label).name for item in items)
        return {item.label: "new" for item in items}

    watcher = Watcher([inbox], [], WatchState(None), handle, on_error=errors.append)
    with running(watcher):
        wait_for(lambda: seen == ["a.txt"], "the readable article")
    assert errors == [f"{(inbox / 'inner').resolve()}: folder cannot be read (Permission denied)"]


def deaf_watch(
    *_paths: object, stop_event: threading.Event, **_options: object
) -> Iterator[set[tuple[object, str]]]:
    """watchfiles.watch as if its event queue overflowed: no events at all."""
    while not stop_event.wait(0.05):
        yield set()


@pytest.mark.parametrize("events", ["heard", "lost"])
def test_watch_ingests_files_dropped_during_the_backlog_exactly_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, events: str
) -> None:
    if events == "lost":  # then only the listing after the backlog can find them
        import watchfiles

        monkeypatch.setattr(watchfiles, "watch", deaf_watch)
    inbox = tmp_path / "in"
    inbox.mkdir()
    for n in range(6):
        (inbox / f"backlog-{n}.txt").write_text(f"Backlog {n}\nBody.\n")
    past = time.time() - 10  # settled long ago
    for path in inbox.iterdir():
        os.utime(path, (past, past))
    dropped = ["new-0.txt", "new-1.txt", "sub/new-2.txt"]
    seen: Counter[str] = Counter()

    def handle(items: list[Item]) -> dict[str, str]:
        done: dict[str, str] = {}
        for item in items:
            if not seen:
                # Mid-backlog: new files arrive, one in a new subfolder.
                (inbox / "sub").mkdir()
                for name in dropped:
                    (inbox / name).write_text(f"{name}\nBody.\n")
            seen[Path(item.label).relative_to(inbox.resolve()).as_posix()] += 1
            time.sleep(0.1)  # a slow ingest: the backlog takes a while
            done[item.label] = "new"
        return done

    state = WatchState(tmp_path / "state.json")
    with running(Watcher([inbox], [], state, handle)):
        expected = {f"backlog-{n}.txt" for n in range(6)} | set(dropped)
        wait_for(lambda: set(seen) == expected, f"all of {sorted(expected)}", timeout=8)
        time.sleep(1.0)  # time enough for a second, duplicate ingest to show up
    assert set(seen.values()) == {1}, seen


# --- --db that cannot be created ------------------------------------------------


def test_db_under_a_regular_file_is_a_one_line_error(tmp_path: Path) -> None:
    article = shutil.copy(CORPUS / ARTICLE, tmp_path / "a.txt")
    plain = tmp_path / "plain"
    plain.write_text("not a folder")
    for db in (plain / "m.db", plain / "deeper" / "m.db"):
        done = movesboard("--db", str(db), "ingest", str(article))
        assert done.returncode == 2, done.stderr
        assert done.stderr == (
            f"movesboard: database error: cannot use {db}: {plain} is a file, not a folder\n"
        )
    assert plain.read_text() == "not a folder"
    done = movesboard("--db", str(tmp_path), "ingest", str(article))
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"movesboard: database error: cannot use {tmp_path}: it is a folder, not a database file\n"
    )


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_db_where_sqlite_cannot_create_files_is_a_one_line_error(tmp_path: Path) -> None:
    # Root may write almost anywhere, but nobody can create a file in /proc.
    article = shutil.copy(CORPUS / ARTICLE, tmp_path / "a.txt")
    done = movesboard("--db", "/proc/movesboard-test.db", "ingest", str(article))
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("movesboard: database error: cannot "), line
    assert "/proc/movesboard-test.db" in line, line


def test_db_in_a_folder_without_permission_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from movesboard.cli import main

    article = shutil.copy(CORPUS / ARTICLE, tmp_path / "a.txt")
    target = tmp_path / "new" / "m.db"

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    # Root may create folders anywhere; a user may not: refuse as the OS would.
    with monkeypatch.context() as patch:
        patch.setattr(Path, "mkdir", refuse)
        assert main(["--db", str(target), "ingest", str(article)]) == 2
    _, err = capsys.readouterr()
    assert err == (
        f"movesboard: database error: cannot use {target}: "
        f"no permission to create {target.parent}\n"
    )

    # The folder is there, but files cannot be made in it.
    target.parent.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: Path(path) != target.parent and real_access(path, mode)
    )
    assert main(["--db", str(target), "ingest", str(article)]) == 2
    _, err = capsys.readouterr()
    assert err == (
        f"movesboard: database error: cannot use {target}: "
        f"no permission to create files in {target.parent}\n"
    )
    assert not target.exists()
