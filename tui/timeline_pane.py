"""The live timeline: moves newest first, grouped by month, filterable, paged by keyset.

Live: when the dashboard hears that articles were stored (tui/live.py), their
moves are read through the filter and merged in, marked with a dot, the
cursor staying on the move it was on; after a decision the loaded rows are
read again in place.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.binding import Binding, BindingType

from .messages import OpenTarget, Target
from .panes import Pane, move_summary, when
from .rowlist import Row
from .text import DIM, plain

if TYPE_CHECKING:
    from movesboard.models.queries import MoveRow
    from movesboard.models.views import TimelineFilter

    from .data import DataSource
    from .filter_screen import FilterForm


class TimelinePane(Pane["MoveRow"]):
    """Moves newest first; enter opens the person, `a` the article that reported it."""

    TITLE = "Timeline"
    # Short of room, Role gives way first, then Person: the move is the point.
    COLUMNS = (("When", 11), ("Person", 16, 12), ("Move", 0), ("Role", 14, 6))
    EMPTY = "No moves yet: ingest articles that report people changing jobs"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "open_article", "Source article", id="timeline.article"),
        # Priority: in a paste or a fast burst ("fsong⏎") the keys after f reach the dialog.
        Binding("f", "filter", "Filter", id="timeline.filter", priority=True),
        Binding("F", "clear_filter", "Clear filter", id="timeline.clear_filter", key_display="F"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.where: TimelineFilter | None = None  # None until the data layer is loaded
        self.form: FilterForm | None = None  # what the filter screen last applied
        self.described = ""  # the filter in words, for the title
        self.fresh: set[int] = set()  # ids of moves that arrived live: marked with a dot

    def start(self, rows: Sequence[MoveRow]) -> None:
        """The first page, from the overview."""
        from movesboard.models.views import TimelineFilter

        if self.where is None:
            self.where = TimelineFilter()
        self.show(rows)

    def key(self, item: MoveRow) -> Hashable:
        return item.id

    def cells(self, row: MoveRow) -> tuple[Text, ...]:
        summary = move_summary(row)
        if row.reports > 1:  # several articles reported it: shown once
            summary.append(f"  ×{row.reports}", "dim")
        return (when(row), plain(row.person, "bold"), summary, plain(row.role or "", DIM))

    def to_rows(self, items: Sequence[MoveRow]) -> list[Row]:
        return [
            Row(item.id, self.cells(item), item, month(item), item.id in self.fresh)
            for item in items
        ]

    def describe(self, item: MoveRow) -> str:
        return move_text(item)

    def target(self, row: MoveRow) -> Target:
        return Target("person", row.person_id)

    def subtitle(self) -> str:
        parts = [f"{len(self.fresh)} new"] if self.fresh else []
        if self.described:
            parts.append(f"filter: {self.described}")
        return "".join(f" · {part}" for part in parts)

    def fetch(self, data: DataSource, last: MoveRow) -> Sequence[MoveRow]:
        from movesboard.models.rows import sort_key
        from movesboard.models.views import TimelineFilter

        # A remembered first page (tui/first_page.py) may be paged before the
        # real one starts the pane: it is the unfiltered timeline's.
        return data.timeline(self.where or TimelineFilter(), sort_key(last))

    def action_open_article(self) -> None:
        current = self.current
        if current is not None:
            self.post_message(OpenTarget(Target("article", current.value.article_id)))

    # ------------------------------------------------------------ live

    def refetch(self, data: DataSource, count: int) -> Sequence[MoveRow]:
        assert self.where is not None
        return data.timeline(self.where, None, limit=count)

    def refetched(self, items: Sequence[MoveRow], count: int) -> None:
        known = {row.key for row in self.rows}
        self.fresh.update(move.id for move in items if move.id not in known)
        super().refetched(items, count)

    def stored(self, article_ids: Sequence[int]) -> None:
        """These articles were stored (by anyone): merge in their moves."""
        if self.where is not None and article_ids:
            self._read_stored(self.where, tuple(article_ids))

    @work(thread=True, group="stored", exit_on_error=False)
    def _read_stored(self, where: TimelineFilter, article_ids: tuple[int, ...]) -> None:
        app = self.movesboard
        try:
            moves = app.data.moves_of_articles(where, article_ids)
        except Exception as error:  # a busy or vanished database: the next change retries
            app.log.warning("timeline: live update failed", error)
            return
        app.call_from_thread(self.arrived, where, article_ids, moves)

    def arrived(
        self, where: TimelineFilter, article_ids: tuple[int, ...], moves: list[MoveRow]
    ) -> None:
        from movesboard.models.rows import newer, sort_key

        if where != self.where:  # the filter changed meanwhile: read them through it
            self.stored(article_ids)
            return
        loaded = [row.value for row in self.rows]
        known = {move.id for move in loaded}
        bottom = sort_key(loaded[-1]) if loaded else None
        # Older than the last loaded row: paging will bring them, in their place.
        fitting = [
            move
            for move in moves
            if move.id not in known
            and (self.exhausted or bottom is None or newer(sort_key(move), bottom))
        ]
        if not fitting:
            return
        self.fresh.update(move.id for move in fitting)
        merged = sorted(loaded + fitting, key=sort_key, reverse=True)
        self.replace(self.to_rows(merged))
        self.refresh_title()

    # ------------------------------------------------------------ filter

    def action_filter(self) -> None:
        from .filter_screen import FilterForm, FilterScreen  # not needed before the first paint

        def chosen(form: FilterForm | None) -> None:
            if form is not None:
                self.apply(form)

        self.app.push_screen(FilterScreen(self.form or FilterForm()), chosen)

    def action_clear_filter(self) -> None:
        from .filter_screen import FilterForm

        self.apply(FilterForm())

    def apply(self, form: FilterForm) -> None:
        self.form = form
        self.filtered(form)

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def filtered(self, form: FilterForm) -> None:
        app = self.movesboard
        with app.reporting_errors("Could not filter the timeline"):
            where, described = form.resolve(app.data)
            rows = app.data.timeline(where)
            app.call_from_thread(self.refiltered, where, described, rows)

    def refiltered(self, where: TimelineFilter, described: str, rows: list[MoveRow]) -> None:
        self.where, self.described = where, described
        self.fresh.clear()
        self.show(rows, keep_place=False)
        self.focus()


def move_text(move: MoveRow) -> str:
    """A move with its evidence, for the clipboard."""
    role = f" as {move.role}" if move.role else ""
    return (
        f"{move.person}: {move.summary()}{role} ({move.when}). "
        f"“{move.evidence}” ({move.article_title}, {move.article_source})"
    )


def month(move: MoveRow) -> str:
    """The group a move is listed under: its month, its year when that is all we know."""
    from movesboard.models.rows import sort_key  # light: no SQLAlchemy before the first page

    date = sort_key(move)[0]
    if date is None:
        return "Undated"
    if move.date is not None and len(move.date) == 4:
        return f"{date.year} (month unknown)"
    return f"{date:%B %Y}"  # undated moves sit here by their article's date, marked ~
