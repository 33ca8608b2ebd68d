"""`movesboard watch`: new files and feed entries stored as they come; restarts re-read nothing."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.web.server import WebServer, render, serve
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from movesboard.ingest import Item
from movesboard.ingest.watch import (
    FeedWatch,
    Watcher,
    WatchState,
    parse_feed_spec,
    split_targets,
    state_path_for,
)
from movesboard.models.db import Database, resolve_url

CORPUS = Path(__file__).parent / "corpus" / "shared"
DEADLINE = 20.0  # seconds; every wait below is bounded by this


def wait_for(condition: Callable[[], object], what: str, timeout: float = DEADLINE) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def rows(db: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows read past the app, from a SQLite path or a PostgreSQL URL; none before
    the watcher has made the database and its tables."""
    if "://" not in db and not Path(db).exists():
        return []  # connecting would create the file under the watcher's feet
    database = Database.open(db, migrate=False)
    try:
        with database.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    except DBAPIError:  # tables not created yet
        return []
    finally:
        database.dispose()


def feed(web: WebServer, *names: str) -> bytes:
    """An RSS feed of full-content entries made from corpus articles."""
    items = []
    for name in names:
        title, _, body = (
            (CORPUS / name).read_text(encoding="utf-8").split("---\n", 2)[2].partition("\n")
        )
        paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
        items.append(
            f"<item><title>{name}</title><guid>{name}</guid><link>{web.base}/{name}.html</link>"
            f"<description>teaser</description>"
            f"<content:encoded><![CDATA[<p>{title}</p>{paragraphs}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Live</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


@pytest.fixture
def web() -> Iterator[WebServer]:
    with serve() as server:
        yield server


def start_watch(db: str, *targets: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "movesboard", "--db", db, "watch", "--interval", "0.3",
         "--timeout", "2", *targets],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def stop(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"watch did not stop on Ctrl+C: {err}") from None
    return process.returncode, out, err


def test_watch_stores_dropped_files_and_new_feed_entries(
    tmp_path: Path, unmigrated_url: str, web: WebServer
) -> None:
    db = unmigrated_url  # the watcher makes the database: a new file, or an empty PostgreSQL
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(CORPUS / "en-007-schulman-anthropic.txt", inbox)  # there before the start
    web.routes["/live.xml"] = (
        feed(web, "en-009-karpathy-leaves-openai.txt"),
        "application/rss+xml",
    )

    process = start_watch(db, str(inbox), web.url("live.xml"))
    try:
        count = "SELECT count(*) FROM article"
        wait_for(lambda: rows(db, count) == [(2,)], "the first file and feed entry")
        # Dropped while watching, one of them into a new subfolder.
        (inbox / "sub").mkdir()
        shutil.copy(CORPUS / "id-021-pang-apple-meta.txt", inbox / "sub")
        shutil.copy(CORPUS / "en-010-suleyman-microsoft-ai.txt", inbox)
        (inbox / "notes.md").write_text("not an article")
        (inbox / "broken.txt").write_bytes(b"")
        web.routes["/live.xml"] = (
            feed(web, "en-009-karpathy-leaves-openai.txt", "id-028-karpathy-eureka-labs.txt"),
            "application/rss+xml",
        )
        wait_for(lambda: rows(db, count) == [(5,)], "dropped files and the new entry")
    except AssertionError as error:
        status, out, err = stop(process)
        raise AssertionError(f"{error}\nstdout:\n{out}\nstderr:\n{err}") from None
    finally:
        if process.returncode is None:
            status, out, err = stop(process)
    assert status == 1, err  # the empty file failed; everything else was stored
    assert f"{inbox / 'broken.txt'}: empty article" in err
    assert out.strip().splitlines()[-1].startswith("6 articles: 5 new, 0 unchanged, 1 failed;")
    assert out.count("new: ") == 5
    moves = rows(
        db,
        "SELECT a.title, count(m.id) FROM article a LEFT JOIN move m ON m.article_id = a.id "
        "GROUP BY a.id",
    )
    assert len(moves) == 5 and all(n >= 1 for _, n in moves), moves
    assert state_path_for(resolve_url(db)).exists()

    # A restart re-reads nothing: files by (mtime, size), the feed by its ETag.
    conditional = sum(1 for path, h in web.requests if path == "/live.xml" and "If-None-Match" in h)
    process = start_watch(db, str(inbox), web.url("live.xml"))
    try:
        wait_for(
            lambda: (
                sum(1 for path, h in web.requests if path == "/live.xml" and "If-None-Match" in h)
                > conditional
            ),
            "a conditional poll after the restart",
        )
        time.sleep(0.5)
    finally:
        status, out, err = stop(process)
    assert status == 0, err
    assert out.strip().splitlines()[-1].startswith("0 articles: 0 new")
    assert rows(db, "SELECT count(*) FROM article") == [(5,)]


def test_watcher_in_a_thread_settles_files_and_stops_on_event(tmp_path: Path) -> None:
    seen: list[str] = []

    def handle(items: list[Item]) -> dict[str, str]:
        seen.extend(Path(item.label).name for item in items)
        return {item.label: "new" for item in items}

    state = WatchState(tmp_path / "state.json")
    watcher = Watcher([tmp_path / "in"], [], state, handle)
    (tmp_path / "in").mkdir()
    stop_event = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop_event,))
    thread.start()
    try:
        path = tmp_path / "in" / "a.txt"
        with path.open("w") as file:  # written slowly: not read until it settles
            file.write("Title\n")
            file.flush()
            time.sleep(0.3)
            assert seen == []
            file.write("Body.\n")
        (tmp_path / "in" / ".hidden.txt").write_text("T\nB")
        wait_for(lambda: seen == ["a.txt"], "the settled file")
    finally:
        stop_event.set()
        thread.join(timeout=DEADLINE)
    assert not thread.is_alive()
    assert WatchState.load(tmp_path / "state.json").files.keys() == {str(path.resolve())}


def test_watch_targets_and_feed_intervals(tmp_path: Path, web: WebServer) -> None:
    assert parse_feed_spec("https://a.test/feed@30") == FeedWatch("https://a.test/feed", 30.0)
    assert parse_feed_spec("https://user@a.test/feed") == FeedWatch("https://user@a.test/feed")
    feed_file = tmp_path / "feed.xml"
    feed_file.write_bytes(render("atom.xml", web.base))
    (tmp_path / "plain.txt").write_text("T\nB")
    folders, feeds, problems = split_targets(
        [str(tmp_path), str(feed_file), web.url("rss.xml@5"), str(tmp_path / "plain.txt"), "nope"]
    )
    assert folders == [tmp_path]
    assert [f.source for f in feeds] == [str(feed_file), web.url("rss.xml")]
    assert feeds[1].interval == 5.0
    assert problems == [
        f"{tmp_path / 'plain.txt'}: not a folder or a feed",
        "nope: no such folder or feed",
    ]


def test_watch_state_survives_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    state = WatchState.load(path)
    assert state.files == {} and state.feeds == {}
    state.feed("https://a.test/feed").seen.append("id-1")
    state.save()
    assert WatchState.load(path).feeds["https://a.test/feed"].seen == ["id-1"]
    assert not os.path.exists(str(path) + ".tmp")
