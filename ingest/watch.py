"""Watching folders and feeds: new files and new feed entries become Items, as they come.

The loop knows nothing of the database: it hands batches of Items to a
`handle` callback (the pipeline, in `movesboard watch`) and is told back which
ones are done. What it has seen lives in a small JSON file, so a restart
re-reads nothing: files by (mtime, size), feed entries by id, and each feed's
ETag / Last-Modified for conditional polling.

Folders are watched with OS file events (watchfiles), not by rescanning.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .document import IngestError
from .pages import ReadOptions
from .sources import Item, expand_paths, feed_items, file_item, is_article_file, load_feed
from .urls import is_url

STATE_VERSION = 1
DEFAULT_INTERVAL = 600.0  # seconds between polls of one feed
MAX_SEEN = 5000  # entry ids kept per feed; feeds list far fewer entries than this
# A file changed more recently than this may still be being written: wait for it
# to settle rather than store half an article.
SETTLE_SECONDS = 0.5
TICK_MS = 250  # how often the loop wakes without file events, to poll feeds and settle files

# Ingests a batch; returns {label: "new" | "unchanged" | "failed"} for the items it
# got to (it may stop early when asked to stop: the others are left for later).
Handle = Callable[[list[Item]], dict[str, str]]


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)


@dataclass
class WatchState:
    """What `watch` has seen, persisted as JSON (written atomically after each batch)."""

    path: Path | None
    files: dict[str, list[int]] = field(default_factory=dict)  # path -> [mtime_ns, size]
    feeds: dict[str, FeedState] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> WatchState:
        state = cls(path)
        if path is None or not path.exists():
            return state
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return state  # unreadable state: start afresh; content hashes still dedupe
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return state
        state.files = {
            str(k): list(v) for k, v in data.get("files", {}).items() if isinstance(v, list)
        }
        for url, feed in data.get("feeds", {}).items():
            if isinstance(feed, dict):
                state.feeds[str(url)] = FeedState(
                    etag=feed.get("etag"),
                    last_modified=feed.get("last_modified"),
                    seen=[str(s) for s in feed.get("seen", [])],
                )
        return state

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "version": STATE_VERSION,
            "files": self.files,
            "feeds": {
                url: {"etag": f.etag, "last_modified": f.last_modified, "seen": f.seen[-MAX_SEEN:]}
                for url, f in self.feeds.items()
            },
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)  # never a half-written state file

    def feed(self, source: str) -> FeedState:
        return self.feeds.setdefault(source, FeedState())


@dataclass
class FeedWatch:
    source: str  # URL or path of the feed
    interval: float | None = None  # None: the feed's own <ttl>, else the default
    due: float = 0.0  # monotonic time of the next poll
    failed: set[str] = field(default_factory=set)  # entries that failed in this run


def parse_feed_spec(spec: str) -> FeedWatch:
    """`URL` or `URL@SECONDS`: a feed and, optionally, its own polling interval."""
    source, sep, seconds = spec.rpartition("@")
    if sep and seconds.replace(".", "", 1).isdigit() and float(seconds) > 0:
        return FeedWatch(source, float(seconds))
    return FeedWatch(spec)


class Watcher:
    """Folders by file events and feeds by polling, until `stop` is set."""

    def __init__(
        self,
        folders: Iterable[Path],
        feeds: Iterable[FeedWatch],
        state: WatchState,
        handle: Handle,
        *,
        options: ReadOptions = ReadOptions(),  # noqa: B008
        interval: float = DEFAULT_INTERVAL,
        on_error: Callable[[str], None] = lambda message: None,
    ) -> None:
        self.folders = [folder.resolve() for folder in folders]
        self.feeds = list(feeds)
        self.state = state
        self.handle = handle
        self.options = options
        self.interval = interval
        self.on_error = on_error
        self.pending: set[Path] = set()  # changed files waiting to settle
        self.unreadable: set[Path] = set()  # folders already reported as unreadable

    def run(self, stop: threading.Event) -> None:
        if not self.folders:
            self.tick(stop)
            while not stop.wait(TICK_MS / 1000):
                self.tick(stop)
            return

        from watchfiles import watch

        events = watch(
            *self.folders,
            stop_event=stop,
            rust_timeout=TICK_MS,
            yield_on_timeout=True,
            debounce=200,
            step=50,
            raise_interrupt=False,
            # An unreadable subfolder is reported by the folder walk, not fatal here.
            ignore_permission_denied=True,
        )
        # Listen before reading the backlog: a file that arrives while the backlog
        # is being ingested is an event waiting for us, not a file lost until the
        # next start. The first step sets the watches up (and waits one tick).
        self.note(next(events, set()))
        self.catch_up()
        self.tick(stop)
        # Reconcile: list again once the backlog is done, for anything the events
        # missed meanwhile (a full event queue drops events). Signatures in the state
        # keep a file seen both ways from being ingested twice.
        self.catch_up()
        for changes in events:
            self.note(changes)
            self.tick(stop)

    def catch_up(self) -> None:
        """Every article file in the folders becomes pending; stored, unchanged ones are skipped."""
        for folder in self.folders:
            self.pending.update(expand_paths([folder], self.report_unreadable))

    def note(self, changes: Iterable[tuple[object, str]]) -> None:
        for _change, raw_path in changes:
            path = Path(raw_path)
            if path.is_dir():
                # Files written into a new folder before its watch was set up
                # send no events of their own: look inside.
                found = expand_paths([path], self.report_unreadable)
                self.pending.update(file for file in found if self.watched(file))
            elif self.watched(path):
                self.pending.add(path)

    def report_unreadable(self, folder: Path, problem: str) -> None:
        if folder not in self.unreadable:  # once per run, not at every listing
            self.unreadable.add(folder)
            self.on_error(str(IngestError(str(folder), problem)))

    def watched(self, path: Path) -> bool:
        return any(is_article_file(path, folder) for folder in self.folders)

    def tick(self, stop: threading.Event) -> None:
        self.ingest_settled_files(stop)
        now = time.monotonic()
        for feed in self.feeds:
            if stop.is_set():
                return
            if feed.due <= now:
                self.poll(feed)
                feed.due = time.monotonic() + (feed.interval or self.interval)

    def ingest_settled_files(self, stop: threading.Event) -> None:
        ready: list[tuple[Path, list[int]]] = []
        now = time.time()
        for path in sorted(self.pending):
            try:
                info = path.stat()
            except FileNotFoundError:
                self.pending.discard(path)  # deleted before we got to it
                continue
            if now - info.st_mtime < SETTLE_SECONDS:
                continue
            self.pending.discard(path)
            signature = [info.st_mtime_ns, info.st_size]
            if self.state.files.get(str(path)) != signature:
                ready.append((path, signature))
        if not ready or stop.is_set():
            return
        done = self.handle([file_item(path, self.options) for path, _ in ready])
        for path, signature in ready:
            # Failed files are remembered too: a bad file is retried when it changes.
            if str(path) in done:
                self.state.files[str(path)] = signature
            else:
                self.pending.add(path)  # stopped before it: next start catches it up
        self.state.save()

    def poll(self, feed: FeedWatch) -> None:
        remembered = self.state.feed(feed.source)
        try:
            parsed, response = load_feed(
                feed.source,
                self.options,
                etag=remembered.etag,
                last_modified=remembered.last_modified,
            )
        except IngestError as error:
            self.on_error(str(error))
            return
        if parsed is None:  # 304 Not Modified
            return
        if feed.interval is None and parsed.ttl:
            feed.interval = max(self.interval, float(parsed.ttl))
        seen = set(remembered.seen)
        fresh = [
            item
            for item in feed_items(parsed, self.options)
            if item.key not in seen and item.key not in feed.failed
        ]
        done = self.handle(fresh) if fresh else {}
        for item in fresh:
            key = item.key or item.label
            if done.get(item.label) in ("new", "unchanged"):
                remembered.seen.append(key)
            elif done.get(item.label) == "failed":
                feed.failed.add(key)  # not again in this run; retried on the next start
        if all(done.get(item.label) in ("new", "unchanged") for item in fresh):
            # Only when every new entry is done: otherwise a 304 would hide the
            # failed ones from the next poll.
            remembered.etag = response.etag if response else None
            remembered.last_modified = response.last_modified if response else None
        self.state.save()


def split_targets(targets: Iterable[str]) -> tuple[list[Path], list[FeedWatch], list[str]]:
    """Folders, feeds (URLs and feed files) and the problems with the rest."""
    from .sources import is_feed_file

    folders: list[Path] = []
    feeds: list[FeedWatch] = []
    problems: list[str] = []
    for target in targets:
        spec = parse_feed_spec(target)
        if is_url(spec.source):
            feeds.append(spec)
            continue
        path = Path(spec.source)
        if path.is_dir():
            folders.append(path)
        elif path.is_file() and is_feed_file(path):
            feeds.append(spec)
        elif path.exists():
            problems.append(f"{target}: not a folder or a feed")
        else:
            problems.append(f"{target}: no such folder or feed")
    return folders, feeds, problems


def state_path_for(database_url: str) -> Path:
    """Beside an SQLite file; for other databases, in the user state dir, keyed by URL."""
    if database_url.startswith("sqlite:///") and not database_url.endswith(":memory:"):
        return Path(database_url.removeprefix("sqlite:///") + ".watch.json")
    import hashlib

    import platformdirs

    key = hashlib.sha256(database_url.encode()).hexdigest()[:16]
    return platformdirs.user_state_path("movesboard", appauthor=False) / f"watch-{key}.json"
