"""Time to first paint in a real terminal (tmux): movesboard against a minimal Textual app.

Usage: python benchmarks/bench_startup.py [--runs 15] [--big PATH]

Each run starts the app in a fresh detached tmux session (120x36) and polls
`tmux capture-pane` every 5 ms until a known string is on screen. A round runs
the minimal app and movesboard on both databases back to back, so a slow
moment of the machine hits all three; the figures are medians over the rounds.
Budget (issues 5 and 14): movesboard <= 1.3x the minimal app, on the seeded
database and on a synthetic one of 100k articles / 50k people / 200k moves
(built with bench_tui_synthetic.py when --big is missing). Two figures each:
"frame", the panes' frames drawn, and "data", the header's counts and the
panes' rows on screen, which is what a user waits for.

Bytecode is compiled first: an installed movesboard has it (pip compiles at
install) as Textual has, but an editable checkout run with
PYTHONDONTWRITEBYTECODE=1 would recompile our modules on every launch.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Static
class Minimal(App):
    def compose(self):
        yield Static("minimal app ready")
        yield Footer()
Minimal().run()
"""


def first_paint(command: list[str], markers: tuple[str, ...], timeout: float = 20.0) -> float:
    """Seconds from launch until every one of `markers` is on screen."""
    session = f"bench-startup-{time.monotonic_ns()}"
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36", *command],
        check=True,
    )
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if all(marker in screen for marker in markers):
                return time.perf_counter() - started
            time.sleep(0.005)
        raise SystemExit(f"no {markers!r} on screen after {timeout} s: {command}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--big", type=Path, help="a synthetic database (built if missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        seeded = Path(folder) / "seeded.db"
        subprocess.run(  # seed once, outside the measurement
            [
                PYTHON,
                "-c",
                f"from movesboard.models.db import Database; from movesboard.pipeline "
                f"import seed; seed(Database.open({str(seeded)!r}))",
            ],
            check=True,
        )
        big = args.big or Path(folder) / "big.db"
        if not big.exists():
            subprocess.run(
                [PYTHON, str(ROOT / "benchmarks" / "bench_tui_synthetic.py"), str(big)], check=True
            )
        # A session that outlives the runs keeps one tmux server up: otherwise
        # killing the last session stops the server while the next run starts one.
        keeper = f"bench-startup-keeper-{time.monotonic_ns()}"
        subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"], check=True)
        try:
            run_all(args.runs, seeded, big)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)


def run_all(runs: int, seeded: Path, big: Path) -> None:
    packages = [str(ROOT / name) for name in ("movesboard", "tui", "models", "ingest", "extract")]
    subprocess.run([PYTHON, "-m", "compileall", "-q", *packages], check=True, capture_output=True)
    app = [PYTHON, "-m", "movesboard.cli"]
    # The frame is painted when the panes' frames are; the data is there when
    # the header's counts and the panes' row counts are (issue 14).
    frame, data = ("Timeline",), ("Timeline", " people  ·", "Articles (", "People (")
    contenders = {
        "minimal Textual app": ([PYTHON, "-c", MINIMAL], ("minimal app ready",)),
        "movesboard, seeded, frame": ([*app, "--db", str(seeded)], frame),
        "movesboard, seeded, data": ([*app, "--db", str(seeded)], data),
        "100k/50k/200k, frame": ([*app, "--db", str(big)], frame),
        "100k/50k/200k, data": ([*app, "--db", str(big)], data),
    }
    times: dict[str, list[float]] = {label: [] for label in contenders}
    for round_ in range(runs + 1):
        for label, (command, marker) in contenders.items():
            seconds = first_paint(command, marker)
            if round_:  # the first round only warms the file cache
                times[label].append(seconds * 1000)
    minimal = statistics.median(times["minimal Textual app"])
    for label, figures in times.items():
        figure = statistics.median(figures)
        ratio = "" if figure is minimal else f" = {figure / minimal:.2f}x (budget 1.3x)"
        print(f"{label:>26}: {figure:6.0f} ms{ratio}   (median of {runs})")


if __name__ == "__main__":
    sys.exit(main())
