"""Following other writers: the dashboard reads the change log as they commit.

A daemon thread waits on the data source's waiter (PostgreSQL: LISTEN, woken
at each commit; SQLite: a look every second, one index read), then reads the
changes after the last one it read, in commit order (models/changes.py), and
hands each batch that holds something to the UI thread. Waits are short so
that the thread ends soon after it is stopped.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from movesboard.models.changes import ChangeBatch, Waiter

    from .data import DataSource

WAIT_SECONDS = 0.5  # the longest a stopped thread lingers
# Batches are read at most this often: a burst of commits (four ingest
# processes) becomes one update of the panes, not dozens.
GATHER_SECONDS = 0.2
RETRY_SECONDS = 2.0  # after an error: a database restarting, a dropped connection


class Follower:
    """A daemon thread that delivers every change committed after `after_id`.

    Not a Textual worker: it runs for the dashboard's whole life, and workers
    are what tests (and the app) wait on to settle."""

    def __init__(
        self,
        data: DataSource,
        after_id: int,
        deliver: Callable[[ChangeBatch], None],
        warn: Callable[[BaseException], None],
    ) -> None:
        self.data = data
        self.after_id = after_id
        self.deliver = deliver
        self.warn = warn
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="movesboard-live", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        waiter: Waiter | None = None
        last_look = time.monotonic()
        try:
            while not self._stopped.is_set():
                try:
                    if waiter is None:
                        waiter = self.data.waiter()
                    woken = waiter.wait(WAIT_SECONDS)
                    due = time.monotonic() - last_look >= waiter.look_every
                    if not (woken or due) or self._stopped.is_set():
                        continue
                    if woken:
                        self._stopped.wait(GATHER_SECONDS)
                    last_look = time.monotonic()
                    batch = self.data.changes_since(self.after_id)
                except Exception as error:
                    self.warn(error)
                    _closed(waiter)
                    waiter = None
                    self._stopped.wait(RETRY_SECONDS)
                    continue
                if not batch.empty and not self._stopped.is_set():
                    self.after_id = batch.latest_id
                    self._deliver(batch)
        finally:
            _closed(waiter)

    def _deliver(self, batch: ChangeBatch) -> None:
        try:
            self.deliver(batch)
        except RuntimeError:  # the app closed between the read and the delivery
            self._stopped.set()


def _closed(waiter: Waiter | None) -> None:
    if waiter is not None:
        with contextlib.suppress(Exception):  # a broken connection: nothing more to lose
            waiter.close()
