"""`i`: ingest a file, a folder, a URL or a feed from inside the dashboard.

The ingest runs in an app-level thread worker, so closing this prompt does not
stop it; progress shows here while it is open, the timeline picks up the new
moves through its live poll, and a notification reports the summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, Static

from movesboard.untrusted import visible

from .text import DIM, plain

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from movesboard.pipeline import IngestSummary, Outcome

    from .app import MovesboardApp

HINT = "A .txt/.html file, a folder (recursively), a URL or a feed URL. Enter starts."


class IngestScreen(ModalScreen[None]):
    CSS_PATH = "ingest_screen.tcss"
    AUTO_FOCUS = "#source"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    @property
    def movesboard(self) -> MovesboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="ingest") as box:
            box.border_title = "Ingest"
            box.border_subtitle = "escape closes (the ingest goes on)"
            yield Input(placeholder="path or URL…", id="source")
            yield ProgressBar(id="progress", show_eta=False)
            yield Static(Text(HINT, style="dim"), id="log", markup=False)

    @on(Input.Submitted, "#source")
    def submitted(self, event: Input.Submitted) -> None:
        source = event.value.strip()
        if not source:
            return
        if "://" not in source:
            source = str(Path(source).expanduser())
        event.input.disabled = True
        self.query_one("#log", Static).update(plain(f"reading {source}…", DIM))
        self.movesboard.run_worker(
            lambda: self.ingest(source), thread=True, group="ingest", exit_on_error=False
        )

    def ingest(self, source: str) -> None:
        """In the worker thread."""
        app = self.movesboard
        with app.reporting_errors("Ingest failed", self.failed):
            summary = app.data.ingest(
                [source],
                lambda done, total, outcome: app.call_from_thread(
                    self.progress, done, total, outcome
                ),
            )
            app.call_from_thread(self.finished, summary)

    def progress(self, done: int, total: int, outcome: Outcome) -> None:
        if not self.is_attached:
            return
        self.query_one(ProgressBar).update(total=total, progress=done)
        title = outcome.title or outcome.item.label
        line = f"{done}/{total}  {outcome.status}: {title}"
        if outcome.error:
            line = f"{done}/{total}  failed: {outcome.error}"
        self.query_one("#log", Static).update(plain(line))

    def finished(self, summary: IngestSummary) -> None:
        severity: SeverityLevel = "information" if summary.ok else "warning"
        # Error lines quote file names and URLs: shown, never sent to the terminal.
        details = "\n".join(visible(line) for line in [summary.line(), *summary.errors[:5]])
        self.app.notify(details, title="Ingest done", severity=severity, markup=False)
        if self.is_attached:
            self.query_one(ProgressBar).update(
                total=max(1, summary.new + summary.unchanged + summary.failed),
                progress=summary.new + summary.unchanged + summary.failed,
            )
            self.query_one("#log", Static).update(plain(details, single_line=False))
            field = self.query_one(Input)
            field.disabled = False
            field.value = ""
            field.focus()

    def failed(self, message: str) -> None:
        if self.is_attached:
            self.query_one("#log", Static).update(plain(message, "bold", single_line=False))
            self.query_one(Input).disabled = False
