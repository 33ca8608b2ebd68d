"""The reliability and security matrix, end to end: one line per case, held or failed.

Runs the real `movesboard` command in subprocesses against a scratch folder
and misbehaving servers on 127.0.0.1: hostile text in front matter, file
names and feed links; CSV formulas; FIFOs, sockets and devices named `.txt`;
servers that trickle or stall; bad `--timeout` values; bad `--db` paths;
kill -9 mid-ingest; two writers at once; a multi-megabyte article; files
dropped while `watch` starts up.

    python scripts/hostile_matrix.py [--only NAME] [--keep]

Exit status 1 when any case failed.  Cases that cannot run here (for example
permission cases as root) print "skipped" with the reason.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RAW = ("\x1b", "\x07", "\x9b", "\u202e")
ARTICLE = "---\ntitle: {title}\npublished: 2025-03-04\nlanguage: en\n---\n{body}\n"
BODY = "Ada Lovelace has joined Beta Corp from Alpha Labs, the company said."


@dataclass(frozen=True, slots=True)
class Result:
    held: bool | None  # None: skipped
    detail: str


@dataclass(frozen=True, slots=True)
class Run:
    code: int | None  # None: still running when the time ran out
    out: str
    err: str
    seconds: float

    @property
    def clean(self) -> bool:
        return not any(c in self.out + self.err for c in RAW) and "Traceback" not in self.err


class Scratch:
    """A fresh folder per case, and the movesboard command run inside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db = root / "m.db"

    def article(self, name: str, title: str = "Lab news", body: str = BODY) -> Path:
        path = self.root / name
        path.write_text(ARTICLE.format(title=title, body=body), encoding="utf-8")
        return path

    def run(self, *args: str, timeout: float = 60.0, db: bool = True) -> Run:
        argv = [sys.executable, "-m", "movesboard", *(["--db", str(self.db)] if db else []), *args]
        start = time.monotonic()
        try:
            done = subprocess.run(
                argv, capture_output=True, text=True, timeout=timeout, cwd=self.root
            )
        except subprocess.TimeoutExpired as expired:
            return Run(None, _text(expired.stdout), _text(expired.stderr), timeout)
        return Run(done.returncode, done.stdout, done.stderr, time.monotonic() - start)

    def popen(self, *args: str) -> subprocess.Popen[str]:
        argv = [sys.executable, "-m", "movesboard", "--db", str(self.db), *args]
        return subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=self.root
        )

    def articles(self) -> int:
        if not self.db.exists():
            return 0
        try:
            with sqlite3.connect(self.db) as con:
                return int(con.execute("select count(*) from article").fetchone()[0])
        except sqlite3.OperationalError:  # not migrated yet
            return 0

    def integrity(self) -> str:
        with sqlite3.connect(self.db) as con:
            return str(con.execute("pragma integrity_check").fetchone()[0])


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


# -- misbehaving servers --------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    behaviour = "trickle"

    def do_GET(self) -> None:
        if self.path.startswith("/feed"):
            self._feed()
            return
        if self.path.startswith("/stall-headers"):
            time.sleep(3600)
            return
        if not self.path.startswith("/page"):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            self.wfile.write(b"<html><head><title>slow</title></head><body>")
            self.wfile.flush()
            while True:  # one byte every half second, forever
                time.sleep(0.5)
                self.wfile.write(b"x")
                self.wfile.flush()
        except OSError:
            return

    def _feed(self) -> None:
        port = self.server.server_address[1]
        link = f"http://127.0.0.1:{port}/gone&#x1b;]2;PWNED&#x7;&#x9b;31m"
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>Entry&#x1b;[31m</title><link>{link}</link>"
            "<description>x</description></item></channel></rss>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- the cases --------------------------------------------------------------------

CASES: dict[str, Callable[[Scratch], Result]] = {}


def case(name: str) -> Callable[[Callable[[Scratch], Result]], Callable[[Scratch], Result]]:
    def register(fn: Callable[[Scratch], Result]) -> Callable[[Scratch], Result]:
        CASES[name] = fn
        return fn

    return register


def _stored_clean(s: Scratch) -> bool:
    export = s.run("export", "moves")
    return export.code == 0 and not any(c in export.out for c in RAW)


@case("front matter with OSC 52 / OSC 2 escapes")
def front_matter(s: Scratch) -> Result:
    s.article("fm.txt", title='"x\\e]52;c;cHduZWQ=\\a\\e]2;PWNED\\a"')
    run = s.run("ingest", "fm.txt")
    held = run.code == 0 and run.clean and _stored_clean(s)
    return Result(held, f"exit {run.code}")


@case("file name with an escape sequence")
def file_name(s: Scratch) -> Result:
    s.article("ok\x1b]2;PWNED\x07.txt")
    (s.root / "bad\x1b]52;c;eA==\x07\u202e.txt").write_text("", encoding="utf-8")
    run = s.run("ingest", ".")
    return Result(run.clean and _stored_clean(s) and s.articles() == 1, f"exit {run.code}")


@case("feed link with escapes (error line)")
def feed_link(s: Scratch) -> Result:
    with server() as base:
        run = s.run("ingest", f"{base}/feed.xml", "--timeout", "5", timeout=30)
    return Result(run.clean and run.code is not None, f"exit {run.code}")


@case("CSV export of a formula title")
def csv_formula(s: Scratch) -> Result:
    s.article("f.txt", title='\'=HYPERLINK("http://evil.example/","click")\'')
    s.run("ingest", "f.txt")
    run = s.run("export", "moves", "--format", "csv")
    return Result(",'=HYPERLINK(" in run.out or ",\"'=HYPERLINK(" in run.out, "cell prefixed")


def _special_file(s: Scratch, make: Callable[[Path], object], kind: str) -> Result:
    s.article("a-good.txt")
    make(s.root / "special.txt")
    # Named on the command line, where nothing filters it out before it is opened.
    run = s.run("ingest", "special.txt", "a-good.txt", timeout=20)
    if run.code is None:
        return Result(False, f"{kind}: still blocked after 20 s")
    named = "special.txt" in run.err
    return Result(named and s.articles() == 1 and run.clean, f"{kind}: exit {run.code}")


@case("a FIFO named .txt")
def fifo(s: Scratch) -> Result:
    return _special_file(s, lambda p: os.mkfifo(p), "FIFO")


@case("a UNIX socket named .txt")
def unix_socket(s: Scratch) -> Result:
    holder: list[socket.socket] = []

    def make(path: Path) -> None:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.listen()
        holder.append(sock)

    try:
        return _special_file(s, make, "socket")
    finally:
        for sock in holder:
            sock.close()


@case("/dev/zero linked as .txt")
def device(s: Scratch) -> Result:
    return _special_file(s, lambda p: p.symlink_to("/dev/zero"), "device")


def _slow_server(s: Scratch, path: str) -> Result:
    """The deadline holds within a second, counted from the fetch, not from
    the process start (a failed run of the same command measures that)."""
    startup = s.run("ingest", "missing.txt").seconds
    with server() as base:
        run = s.run("ingest", f"{base}/{path}", "--timeout", "3", timeout=60)
    took = run.seconds - startup
    held = run.code is not None and took <= 4.0 and run.clean
    return Result(held, f"gave up {took:.1f} s into the fetch (start-up {startup:.1f} s)")


@case("a server trickling one byte every 0.5 s, --timeout 3")
def trickle(s: Scratch) -> Result:
    return _slow_server(s, "page")


@case("a server that never sends headers, --timeout 3")
def stall(s: Scratch) -> Result:
    return _slow_server(s, "stall-headers")


@case("SIGTERM during an endless trickle")
def sigterm(s: Scratch) -> Result:
    with server() as base:
        proc = s.popen("ingest", f"{base}/page", "--timeout", "600")
        time.sleep(2.0)
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return Result(False, "still running 10 s after SIGTERM")
    took = time.monotonic() - sent
    return Result(took <= 3.0 and "Traceback" not in err, f"stopped {took:.1f} s after SIGTERM")


@case("--timeout 0, -1, nan, inf")
def bad_timeouts(s: Scratch) -> Result:
    s.article("a.txt")
    runs = {v: s.run("ingest", "a.txt", f"--timeout={v}") for v in ("0", "-1", "nan", "inf")}
    bad = [v for v, r in runs.items() if r.code != 2 or "Traceback" in r.err]
    return Result(not bad, f"not a usage error: {bad}" if bad else "usage errors")


@case("--db under a regular file")
def db_under_file(s: Scratch) -> Result:
    (s.root / "plain").write_text("x", encoding="utf-8")
    s.article("a.txt")
    run = s.run("--db", str(s.root / "plain" / "m.db"), "ingest", "a.txt", db=False)
    lines = run.err.strip().splitlines()
    return Result(run.code == 2 and len(lines) == 1 and run.clean, f"exit {run.code}")


@case("an unreadable folder")
def unreadable(s: Scratch) -> Result:
    if os.geteuid() == 0:
        return Result(None, "root reads every folder (covered by tests/test_hostile_files.py)")
    folder = s.root / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        run = s.run("ingest", str(folder))
    finally:
        folder.chmod(0o755)
    return Result(run.code == 1 and "locked" in run.err, f"exit {run.code}")


@case("kill -9 mid-ingest, then resume")
def kill_resume(s: Scratch) -> Result:
    folder = s.root / "many"
    folder.mkdir()
    for i in range(120):
        (folder / f"a{i:03}.txt").write_text(
            ARTICLE.format(title=f"News {i}", body=f"Person{i} Smith has joined Beta Corp. " * 3),
            encoding="utf-8",
        )
    proc = s.popen("ingest", str(folder))
    time.sleep(2.0)
    proc.kill()
    proc.communicate()
    after_kill = s.integrity()
    run = s.run("ingest", str(folder), timeout=300)
    held = after_kill == "ok" and run.code == 0 and s.articles() == 120
    return Result(held, f"integrity {after_kill}, {s.articles()} articles after resume")


@case("two writers on one SQLite database")
def two_writers(s: Scratch) -> Result:
    for part in ("x", "y"):
        folder = s.root / part
        folder.mkdir()
        for i in range(30):
            (folder / f"{part}{i}.txt").write_text(
                ARTICLE.format(title=f"{part} {i}", body=f"{part.upper()}{i} Doe joined Beta."),
                encoding="utf-8",
            )
    procs = [s.popen("ingest", part) for part in ("x", "y")]
    codes = [p.wait(timeout=300) for p in procs]
    held = codes == [0, 0] and s.articles() == 60 and s.integrity() == "ok"
    return Result(held, f"exits {codes}, {s.articles()} articles")


@case("a 4 MB article")
def big_article(s: Scratch) -> Result:
    para = BODY + " " + "The lab also said it would keep hiring in Paris and Berlin. " * 8
    path = s.root / "big.txt"
    path.write_text(ARTICLE.format(title="Big", body=(para + "\n\n") * 7000), encoding="utf-8")
    size = path.stat().st_size / 1e6
    run = s.run("ingest", "big.txt", timeout=120)
    if run.code is None:
        return Result(False, f"{size:.1f} MB: not done after 120 s")
    return Result(run.seconds < 30, f"{size:.1f} MB: exit {run.code} in {run.seconds:.1f} s")


BACKLOG = 200


@case("files dropped while watch starts up")
def watch_startup(s: Scratch) -> Result:
    folder = s.root / "w"
    folder.mkdir()
    for i in range(BACKLOG):
        (folder / f"a{i}.txt").write_text(
            ARTICLE.format(title=f"W {i}", body=f"Person{i} Lee joined Beta Corp."), "utf-8"
        )
    proc = s.popen("watch", str(folder))
    # Mid-backlog: after start-up listed the folder, before it finished ingesting.
    while s.articles() < 5 and proc.poll() is None:
        time.sleep(0.05)
    for i in range(5):
        (folder / f"late{i}.txt").write_text(
            ARTICLE.format(title=f"Late {i}", body=f"Late{i} Kim joined Beta Corp."), "utf-8"
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and s.articles() < BACKLOG + 5:
        time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    return Result(s.articles() == BACKLOG + 5, f"{s.articles()} of {BACKLOG + 5} articles")


@case("a big feed about a few much-reported people")
def growing_clusters(s: Scratch) -> Result:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from bench_feed_cluster import write_feed

    total, block = 2000, 400
    seconds = []
    for name, numbers in (
        ("first", range(block)),
        ("middle", range(block, total - block)),
        ("last", range(total - block, total)),
    ):
        write_feed(s.root / f"{name}.xml", total, keep=numbers)
        run = s.run("ingest", f"{name}.xml", timeout=600)
        if run.code != 0:
            return Result(False, f"{name} {len(numbers)} entries: exit {run.code}")
        seconds.append(run.seconds)
    first, _, last = seconds
    # The last entries meet clusters five times as large: they may cost a little more.
    return Result(
        last <= first * 1.5, f"first {block} entries {first:.1f} s, last {block} {last:.1f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    args = parser.parse_args()
    failed = 0
    for name, fn in CASES.items():
        if args.only and args.only not in name:
            continue
        root = Path(tempfile.mkdtemp(prefix="movesboard-matrix-"))
        try:
            result = fn(Scratch(root))
        except Exception as error:  # a case that crashes is a failed case, not a crashed matrix
            result = Result(False, f"{type(error).__name__}: {error}")
        finally:
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
        verdict = {True: "held", False: "FAILED", None: "skipped"}[result.held]
        failed += result.held is False
        print(json.dumps(name)[1:-1].ljust(56), verdict.ljust(8), result.detail, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
