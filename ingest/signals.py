"""Ctrl+C and SIGTERM as a request to stop between articles, not in the middle of one.

Work that waits on the outside world (a fetch) is the exception: it can wait
as long as its timeout, so a stop request cuts it short at once. It registers
itself with `interruptible` while in flight.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator


class Interrupted(KeyboardInterrupt):
    """A stop request cut blocking work short: nothing of it was kept.

    A KeyboardInterrupt, so that it passes every `except Exception` on the way
    (an article is not "failed" because the user stopped) and the commands'
    Ctrl+C handling applies.
    """


# Blocking work in flight: token -> (its thread's id, how to cut it short).
_in_flight: dict[object, tuple[int, Callable[[], bool]]] = {}
_in_flight_lock = threading.Lock()


@contextlib.contextmanager
def interruptible(abort: Callable[[], bool]) -> Iterator[None]:
    """While inside, a stop request calls `abort` (from the main thread).

    `abort` must make the work end soon (shut its sockets down), must not
    block, and says whether the work was still in flight. When the work runs
    in the main thread, the stop request also raises Interrupted there, which
    ends even a wait that `abort` cannot reach (a connect in progress).
    """
    token = object()
    with _in_flight_lock:
        _in_flight[token] = (threading.get_ident(), abort)
    try:
        yield
    finally:
        with _in_flight_lock:
            del _in_flight[token]


def interrupt_in_flight() -> bool:
    """Cut short every interruptible work in flight; True if one runs in this thread."""
    # No lock here: this runs in a signal handler, which may have interrupted
    # the main thread while it held the lock. A copy of the dict is enough.
    here = threading.get_ident()
    in_this_thread = False
    for thread, abort in list(_in_flight.values()):
        if abort() and thread == here:
            in_this_thread = True
    return in_this_thread


@contextlib.contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl+C and SIGTERM set `stop`: the article in flight finishes, then the loop ends.

    A fetch in flight is cut short at once (Interrupted, a KeyboardInterrupt);
    a second Ctrl+C interrupts anything at once (KeyboardInterrupt; the
    transaction in flight is rolled back). Only the main thread can install
    handlers.
    """

    def request_stop(signum: int, frame: object) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        if interrupt_in_flight():
            raise Interrupted

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
