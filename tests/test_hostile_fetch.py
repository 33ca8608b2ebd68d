"""Hostile HTTP servers cannot hold a fetch past its deadline, nor past Ctrl+C / SIGTERM.

The servers here misbehave on purpose (a trickle of bytes, a stall, endless
headers) on 127.0.0.1, on an ephemeral port, in threads of the test process.
Timing margins are wide: a deadline of 2 s must hold within 1.5 s more.
"""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from movesboard.cli import build_parser
from movesboard.ingest import IngestError
from movesboard.ingest.fetch import Limits, fetch
from movesboard.ingest.signals import Interrupted, interrupt_in_flight

TIMEOUT = 2.0
MARGIN = 1.5  # how far past the deadline a fetch may end on a loaded machine
TRICKLE_EVERY = 0.3  # seconds between the bytes of a trickle
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"


class Hostile:
    """A TCP server whose every connection is handled by `behave(connection, closing)`."""

    def __init__(
        self, behave: Callable[[socket.socket, threading.Event], None], *, http: bool = True
    ) -> None:
        self.behave = behave
        self.http = http  # read an HTTP request before `behave`
        self.closing = threading.Event()
        self.requested = threading.Event()  # a request came in
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self.accept, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def accept(self) -> None:
        while not self.closing.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self.serve, args=(connection,), daemon=True).start()

    def serve(self, connection: socket.socket) -> None:
        # A client that gives up resets or closes the connection: that ends it.
        with connection, suppress(OSError):
            if self.http:
                read_request(connection)
            self.requested.set()
            self.behave(connection, self.closing)


def read_request(connection: socket.socket) -> None:
    """Read the request up to the end of its headers (it is not looked at)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk:
            return
        data += chunk


def trickle(connection: socket.socket, closing: threading.Event, head: bytes = b"") -> None:
    """Forever: one byte, a pause (after `head`, if any, at full speed)."""
    connection.sendall(head)
    while not closing.wait(TRICKLE_EVERY):
        connection.sendall(b"x")


def trickle_body(connection: socket.socket, closing: threading.Event) -> None:
    trickle(connection, closing, HEAD + b"\r\n")  # no length: the body ends at close


def trickle_headers(connection: socket.socket, closing: threading.Event) -> None:
    trickle(connection, closing, HEAD + b"X-Endless: ")  # a header line that never ends


def stall_after_headers(connection: socket.socket, closing: threading.Event) -> None:
    connection.sendall(HEAD + b"Content-Length: 1000\r\n\r\nonly a few bytes")
    closing.wait()


def trickle_tls_handshake(connection: socket.socket, closing: threading.Event) -> None:
    # A TLS handshake record announcing 16 KiB, then sent a byte at a time:
    # the client waits for the whole record before it can judge it.
    trickle(connection, closing, b"\x16\x03\x03\x40\x00")


def stall_before_headers(connection: socket.socket, closing: threading.Event) -> None:
    closing.wait()


def redirect_after_stall(connection: socket.socket, closing: threading.Event) -> None:
    # Each hop waits a little under the per-read timeout, then redirects to the
    # next: only a deadline for the whole fetch, redirects included, stops it.
    if not closing.wait(TIMEOUT * 0.75):
        connection.sendall(b"HTTP/1.1 302 Found\r\nLocation: /hop\r\nContent-Length: 0\r\n\r\n")
        closing.wait()


@contextmanager
def hostile(
    behave: Callable[[socket.socket, threading.Event], None], *, http: bool = True
) -> Iterator[Hostile]:
    server = Hostile(behave, http=http)
    server.thread.start()
    try:
        yield server
    finally:
        server.closing.set()
        server.listener.close()


def outcome_within(
    call: Callable[[], object], seconds: float
) -> tuple[BaseException | None, float]:
    """Run `call` in a thread; its exception (None if it returned) and how long it took.

    Fails, rather than hangs, when it is still running after `seconds`.
    """
    result: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            result.append(None)
        except BaseException as error:  # handed to the test
            result.append(error)

    started = time.monotonic()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    elapsed = time.monotonic() - started
    assert result, f"still running after {elapsed:.1f} s"
    return result[0], elapsed


@pytest.mark.parametrize(
    "behave",
    [
        trickle_body,
        trickle_headers,
        stall_after_headers,
        stall_before_headers,
        redirect_after_stall,  # the deadline covers all the hops together
    ],
    ids=lambda behave: behave.__name__,
)
def test_the_deadline_holds_whatever_the_server_does(
    behave: Callable[[socket.socket, threading.Event], None],
) -> None:
    with hostile(behave) as server:
        url = server.url()
        error, elapsed = outcome_within(
            lambda: fetch(url, limits=Limits(timeout=TIMEOUT)), TIMEOUT + MARGIN
        )
    assert isinstance(error, IngestError), error
    message = str(error)
    assert message.startswith(url + ": ") and "timed out" in message and "\n" not in message
    assert elapsed >= TIMEOUT * 0.9  # not given up early either


def test_the_deadline_holds_through_a_tls_handshake() -> None:
    # Connecting is bounded by what is left of the deadline, the handshake included.
    with hostile(trickle_tls_handshake, http=False) as server:
        url = server.url().replace("http:", "https:")
        error, elapsed = outcome_within(
            lambda: fetch(url, limits=Limits(timeout=TIMEOUT)), TIMEOUT + MARGIN
        )
    assert isinstance(error, IngestError) and "timed out" in str(error), error
    assert elapsed >= TIMEOUT * 0.9


def test_a_fetch_after_a_timed_out_one_works() -> None:
    # The timed-out connection is not handed back to the pool half-read.
    with hostile(trickle_body) as slow:
        url = slow.url()
        error, _ = outcome_within(lambda: fetch(url, limits=Limits(timeout=0.5)), 0.5 + MARGIN)
    assert isinstance(error, IngestError) and "timed out" in str(error)

    def full_page(connection: socket.socket, closing: threading.Event) -> None:
        connection.sendall(HEAD + b"Content-Length: 5\r\n\r\nhello")

    with hostile(full_page) as good:
        assert fetch(good.url(), limits=Limits(timeout=TIMEOUT)).body == b"hello"


def test_the_deadline_holds_on_a_kept_alive_connection() -> None:
    # The second fetch reuses the first one's connection from the pool.
    def page_then_trickle(connection: socket.socket, closing: threading.Event) -> None:
        connection.sendall(HEAD + b"Content-Length: 5\r\n\r\nhello")
        read_request(connection)
        trickle_body(connection, closing)

    with hostile(page_then_trickle) as server:
        url = server.url()
        assert fetch(url, limits=Limits(timeout=TIMEOUT)).body == b"hello"
        error, elapsed = outcome_within(
            lambda: fetch(url, limits=Limits(timeout=TIMEOUT)), TIMEOUT + MARGIN
        )
    assert isinstance(error, IngestError) and "timed out" in str(error)
    assert elapsed >= TIMEOUT * 0.9


def test_a_stop_request_cuts_a_fetch_short_in_another_thread() -> None:
    # What a signal handler does for fetches that do not run in the main thread.
    with hostile(stall_after_headers) as server:
        url = server.url()
        errors: list[BaseException] = []

        def run() -> None:
            try:
                fetch(url, limits=Limits(timeout=30))
            except BaseException as error:  # handed to the test
                errors.append(error)

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        time.sleep(0.5)  # well into the stall
        started = time.monotonic()
        assert not interrupt_in_flight()  # not in this thread: nothing raised here
        worker.join(MARGIN)
        elapsed = time.monotonic() - started
    assert not worker.is_alive(), "still fetching"
    assert elapsed < MARGIN
    assert isinstance(errors[0], Interrupted), errors
    assert url in str(errors[0])


def movesboard(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "movesboard", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_and_wait(process: subprocess.Popen[str], server: Hostile, sig: int) -> tuple[str, str]:
    """Send `sig` once the process's fetch is in flight; its output once it ended."""
    if not server.requested.wait(30):  # interpreter start-up and imports, on a slow day
        process.kill()
        pytest.fail(f"no request came: {process.communicate()}")
    time.sleep(0.5)  # well into the trickle or stall
    assert process.poll() is None, process.communicate()
    process.send_signal(sig)
    started = time.monotonic()
    try:
        out, err = process.communicate(timeout=3 + MARGIN)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"still running {time.monotonic() - started:.1f} s after the signal: {err}")
    return out, err


def assert_database_opens(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT count(*) FROM article").fetchone() == (0,)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_ingest_in_the_middle_of_a_fetch(tmp_path: Path, sig: int) -> None:
    db_path = tmp_path / "movesboard.db"
    with hostile(trickle_body) as server:
        process = movesboard("ingest", server.url(), "--db", str(db_path), "--timeout", "30")
        out, err = stop_and_wait(process, server, sig)
    assert "Traceback" not in err, err
    assert process.returncode == 130
    assert out.strip().endswith("(interrupted)") and len(out.strip().splitlines()) == 1
    assert_database_opens(db_path)


def test_a_signal_stops_watch_in_the_middle_of_a_feed_poll(tmp_path: Path) -> None:
    db_path = tmp_path / "movesboard.db"
    with hostile(stall_after_headers) as server:
        process = movesboard(
            "watch", server.url("/feed.xml"), "--db", str(db_path), "--timeout", "30"
        )
        out, err = stop_and_wait(process, server, signal.SIGTERM)
    assert "Traceback" not in err, err
    assert process.returncode == 0  # watch ends as on any Ctrl+C: a summary, exit 0
    assert out.strip().startswith("0 articles")
    assert_database_opens(db_path)


@pytest.mark.parametrize("command", ["ingest", "watch"])
@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "-inf", "1e400", "1e12", "soon", ""])
def test_a_bad_timeout_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], command: str, value: str
) -> None:
    # The parser alone: were the value taken, `watch` would run until stopped.
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args([command, "somewhere", f"--timeout={value}"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1 and "--timeout" in errors[0] and repr(value) in errors[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("value", ["0.5", "30", "1e3", "86400"])
def test_a_good_timeout_is_taken(value: str) -> None:
    args = build_parser().parse_args(["ingest", "x.txt", "--timeout", value])
    assert args.timeout == float(value)


def test_quitting_the_dashboard_ends_a_fetch_in_flight(tui_fixture_db: Path) -> None:
    """`q` while the ingest screen fetches from a trickling server: the worker's
    fetch ends at once, so the process does not live on until the deadline."""
    import asyncio

    from tui_fixtures import make_app, settle

    from movesboard.tui.ingest_screen import IngestScreen

    async def quit_mid_fetch(server: Hostile) -> None:
        app = make_app(tui_fixture_db)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("i")
            assert isinstance(app.screen, IngestScreen)
            app.screen.query_one("Input").value = server.url("/page")  # type: ignore[attr-defined]
            await pilot.press("enter")
            for _ in range(50):
                if server.requested.is_set():
                    break
                await asyncio.sleep(0.1)
            assert server.requested.is_set(), "the fetch never started"
            await app.action_quit()

    with hostile(trickle_body) as server:
        started = time.monotonic()
        asyncio.run(quit_mid_fetch(server))
        workers = [t for t in threading.enumerate() if "ingest" in t.name.lower()]
        for thread in workers:
            thread.join(timeout=5)
        assert all(not t.is_alive() for t in workers)
        # The default timeout is 15 s: ending well before it means the quit cut it short.
        assert time.monotonic() - started < 10


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf"])
def test_a_bad_watch_interval_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """0 and -1 would poll every tick; nan and inf would never poll again."""
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["watch", "somewhere", f"--interval={value}"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--interval" in err and "Traceback" not in err
    # A sensible interval is taken as given.
    args = build_parser().parse_args(["watch", "somewhere", "--interval=300"])
    assert args.interval == 300.0
