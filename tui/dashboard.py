"""The dashboard: a header line with the totals, and the four list panes.

At 120x36 the panes sit in a 2x2 grid; on a small terminal (narrower than 100
or shorter than 30 rows) they stack, and only the focused pane is expanded,
the others shrink to their title line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer, Static

from .panes import ArticlesPane, CompaniesPane, Pane, PeoplePane, TimelinePane
from .text import DIM, plain

if TYPE_CHECKING:
    from .app import MovesboardApp
    from .data import Overview


class StatusLine(Static):
    """One line: the app name, where the data lives, and the totals."""

    def __init__(self) -> None:
        super().__init__(markup=False, id="status")

    def loading(self, step: str = "opening the database…") -> None:
        self.update(Text.assemble(self.brand(), Text(step, style="dim italic")))

    def failed(self, message: str) -> None:
        self.update(Text.assemble(self.brand(), plain(message, "bold red")))

    def show(self, overview: Overview) -> None:
        totals = overview.totals
        counts = "  ·  ".join(
            (
                counted(totals.articles, "article", "articles"),
                counted(totals.people, "person", "people"),
                counted(totals.organizations, "company", "companies"),
                counted(totals.moves, "move", "moves"),
            )
        )
        where = plain(overview.location, DIM)
        self.update(Text.assemble(self.brand(), Text(counts, "bold"), Text("   "), where))

    @staticmethod
    def brand() -> Text:
        return Text("movesboard  ", style="bold cyan")


def counted(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


class DashboardScreen(Screen[None]):
    """Articles, People, Companies and the Timeline of moves, together."""

    CSS_PATH = "dashboard.tcss"
    AUTO_FOCUS = "#timeline PaneTable"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Reload"),
        Binding("1", "focus_pane('articles')", "Articles", show=False),
        Binding("2", "focus_pane('people')", "People", show=False),
        Binding("3", "focus_pane('timeline')", "Timeline", show=False),
        Binding("4", "focus_pane('companies')", "Companies", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._seed_reported = False

    @property
    def movesboard(self) -> MovesboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield StatusLine()
        with Grid(id="panes"):
            yield ArticlesPane(id="articles")
            yield PeoplePane(id="people")
            yield TimelinePane(id="timeline")
            yield CompaniesPane(id="companies")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(StatusLine).loading()
        self.load()

    def action_reload(self) -> None:
        self.load()

    def action_focus_pane(self, pane_id: str) -> None:
        self.query_one(f"#{pane_id}", Pane).table.focus()

    @work(thread=True, exclusive=True, group="dashboard", exit_on_error=False)
    def load(self) -> None:
        """Open (and seed) the database off the UI thread, then fill the panes."""
        app = self.movesboard
        with app.reporting_errors("Could not open the database", self.show_failure):
            overview = app.data.overview(
                progress=lambda step: app.call_from_thread(self.show_progress, step)
            )
            app.call_from_thread(self.show, overview)
        seeded = app.data.seeded
        if seeded is not None and seeded.errors and not self._seed_reported:
            self._seed_reported = True
            app.call_from_thread(
                app.notify,
                "\n".join(seeded.errors),
                title="Some seed articles failed",
                severity="warning",
                markup=False,
            )

    def show_progress(self, step: str) -> None:
        self.query_one(StatusLine).loading(step)

    def show_failure(self, message: str) -> None:
        self.query_one(StatusLine).failed(message)

    def show(self, overview: Overview) -> None:
        self.query_one(StatusLine).show(overview)
        self.query_one(ArticlesPane).show(overview.articles)
        self.query_one(PeoplePane).show(overview.people)
        self.query_one(CompaniesPane).show(overview.organizations)
        self.query_one(TimelinePane).show(overview.timeline)
