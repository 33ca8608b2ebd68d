"""The dashboard: a header line with the totals, and the four list panes.

At 120x36 the panes sit in a 2x2 grid; on a small terminal (narrower than 100
or shorter than 30 rows) they stack, and only the focused pane is expanded,
the others shrink to their title line.
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Static

from .footer import Footer
from .panes import ArticlesPane, CompaniesPane, Pane, PeoplePane
from .text import DIM, plain
from .timeline_pane import TimelinePane

if TYPE_CHECKING:
    from movesboard.models.changes import ChangeBatch
    from movesboard.models.queries import Totals

    from .app import MovesboardApp
    from .data import Overview
    from .live import Follower


class StatusLine(Static):
    """One line: the app name, where the data lives, and the totals."""

    def __init__(self) -> None:
        super().__init__(markup=False, id="status")
        self.location = ""

    def show_step(self, step: str = "opening the database…") -> None:
        self.update(Text.assemble(self.brand(), Text(step, style="dim italic")))

    def failed(self, message: str) -> None:
        self.update(Text.assemble(self.brand(), plain(message, "bold red")))

    def show(self, overview: Overview) -> None:
        self.location = overview.location
        self.count(overview.totals)

    def count(self, totals: Totals) -> None:
        counts = "  ·  ".join(
            (
                counted(totals.articles, "article", "articles"),
                counted(totals.people, "person", "people"),
                counted(totals.organizations, "company", "companies"),
                counted(totals.moves, "move", "moves"),
            )
        )
        where = plain(self.location, DIM)
        self.update(Text.assemble(self.brand(), Text(counts, "bold"), Text("   "), where))

    @staticmethod
    def brand() -> Text:
        return Text("movesboard  ", style="bold")


# How long after the first frame the database worker may start (see on_mount).
AFTER_FIRST_FRAME_SECONDS = 0.05


def counted(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


class DashboardScreen(Screen[None]):
    """Articles, People, Companies and the Timeline of moves, together."""

    # Styles: dashboard.tcss, loaded by the app (see MovesboardApp.CSS_PATH).
    AUTO_FOCUS = "#timeline"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", "Reload", id="dashboard.reload"),
        Binding("i", "ingest", "Ingest", id="dashboard.ingest"),
        Binding("1", "focus_pane('articles')", "Articles", id="dashboard.articles", show=False),
        Binding("2", "focus_pane('people')", "People", id="dashboard.people", show=False),
        Binding("3", "focus_pane('timeline')", "Timeline", id="dashboard.timeline", show=False),
        Binding("4", "focus_pane('companies')", "Companies", id="dashboard.companies", show=False),
    ]

    def __init__(self, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._seed_reported = False
        self._heap_frozen = False
        self._follower: Follower | None = None

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
        from . import first_page

        # In the first frame, if it still holds: what the last launch showed
        # (~10 ms to check, against ~1 s for the real page's imports and reads).
        data = self.movesboard.data
        remembered = first_page.recall(data.db, data.location)
        if remembered is not None:
            self.show_remembered(remembered)
        else:
            self.query_one(StatusLine).show_step()
        # The worker imports SQLAlchemy, holding the GIL as it does: it starts
        # now but waits until the first frame is out, or that frame comes
        # ~200 ms later. (Started now, it is a worker tests can wait for.)
        self._first_frame = threading.Event()
        self.call_after_refresh(self.set_timer, AFTER_FIRST_FRAME_SECONDS, self._first_frame.set)
        self.load()

    def action_reload(self) -> None:
        self.load()

    def action_focus_pane(self, pane_id: str) -> None:
        self.query_one(f"#{pane_id}", Pane).focus()

    def copy_text(self) -> str | None:
        focused = self.focused
        return focused.copy_text() if isinstance(focused, Pane) else None

    def action_ingest(self) -> None:
        from .ingest_screen import IngestScreen  # not needed before the first paint

        self.app.push_screen(IngestScreen())

    # ------------------------------------------------------------ live

    def follow_changes(self, after_id: int) -> None:
        """Hear what other writers commit from now on (a reload starts over)."""
        from .live import Follower

        if self._follower is not None:
            self._follower.stop()
        app = self.movesboard
        self._follower = Follower(
            app.data,
            after_id,
            deliver=lambda batch: app.call_from_thread(self.changed, batch),
            warn=lambda error: app.log.warning("live updates", error),
        )
        self._follower.start()

    def on_unmount(self) -> None:
        if self._follower is not None:
            self._follower.stop()

    def changed(self, batch: ChangeBatch) -> None:
        """Every pane follows: new moves merge into the timeline, the rest re-read in place."""
        if batch.rebuilt:
            self.load()
            self.tell_review_screens(batch)
            return
        # New moves merge in wherever they fall; the loaded rows are read again
        # too: a decision changes them, and a repeated report raises a ×N count.
        self.query_one(TimelinePane).stored(batch.article_ids)
        for pane in self.query(Pane):
            pane.follow()
        self.recount()
        self.tell_review_screens(batch)

    def tell_review_screens(self, batch: ChangeBatch) -> None:
        """An open review queue follows too: it sits above this screen, which is
        the one that hears the changes."""
        from .review_screen import ReviewScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, ReviewScreen):
                screen.follow(batch)

    @work(thread=True, exclusive=True, group="totals", exit_on_error=False)
    def recount(self) -> None:
        app = self.movesboard
        with app.reporting_errors("Could not count"):
            totals = app.data.totals()
            app.call_from_thread(self.query_one(StatusLine).count, totals)

    @work(thread=True, exclusive=True, group="dashboard", exit_on_error=False)
    def load(self) -> None:
        """Open (and seed) the database off the UI thread, then fill the panes."""
        from . import first_page

        self._first_frame.wait(timeout=1.0)
        app = self.movesboard
        where = self.query_one(TimelinePane).where
        with app.reporting_errors("Could not open the database", self.show_failure):
            overview = app.data.overview(
                where,
                progress=lambda step: app.call_from_thread(self.show_progress, step),
            )
            app.call_from_thread(self.show, overview)
            if where is None or not where.active:  # the page the next launch starts on
                first_page.remember(app.data.db, overview)
            # Lookup reads the name index kept in the database: touch it now, not
            # on the first keystroke.
            app.data.warm_index()
            if not self._heap_frozen:
                # What is loaded by now (the database stack, the first pages) lives
                # as long as the app. Frozen, the cyclic GC stops walking it: full
                # passes over the in-memory index of old paused the UI for 60-110 ms
                # at 100k people. Once: what is frozen is never collected as a cycle
                # (refcounting still frees it).
                gc.freeze()
                self._heap_frozen = True
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
        self.query_one(StatusLine).show_step(step)

    def show_failure(self, message: str) -> None:
        self.query_one(StatusLine).failed(message)

    def show_remembered(self, overview: Overview) -> None:
        """The last launch's first page, while the database stack loads; the real
        page replaces it (the same rows, the cursor kept)."""
        self.query_one(StatusLine).show(overview)
        self.query_one(ArticlesPane).show(overview.articles)
        self.query_one(PeoplePane).show(overview.people)
        self.query_one(CompaniesPane).show(overview.organizations)
        self.query_one(TimelinePane).show(overview.timeline)

    def show(self, overview: Overview) -> None:
        self.query_one(StatusLine).show(overview)
        self.query_one(ArticlesPane).show(overview.articles)
        self.query_one(PeoplePane).show(overview.people)
        self.query_one(CompaniesPane).show(overview.organizations)
        self.query_one(TimelinePane).start(overview.timeline)
        self.follow_changes(overview.latest_change_id)
