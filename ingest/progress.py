"""A progress bar for bulk ingests: only on a terminal, on stderr, with rate and ETA.

rich is a textual dependency; it is imported only when a bar is actually shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from movesboard.untrusted import visible

# Fewer articles than this finish before a bar would be worth drawing.
MIN_ITEMS = 2


@contextmanager
def progress_bar(
    total: int, *, stream: TextIO | None = None, label: str = "ingesting"
) -> Iterator[tuple[Callable[[], None], Callable[[str], None]]]:
    """Yield (advance, report): advance one article; report an error line above the bar.

    Off a terminal (a pipe, a file, CI) nothing is drawn: errors go to the
    stream as plain lines and only the final summary appears.
    """
    stream = stream if stream is not None else sys.stderr
    if total < MIN_ITEMS or not stream.isatty():
        yield (lambda: None), (lambda message: print(visible(f"error: {message}"), file=stream))
        return

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} articles/s")

    console = Console(file=stream)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=True,  # the one-line summary replaces the bar
    ) as progress:
        task = progress.add_task(label, total=total)

        def report(message: str) -> None:
            progress.console.print(visible(f"error: {message}"), markup=False, highlight=False)

        yield (lambda: progress.advance(task)), report
