"""The dashboard's list panes: a titled DataTable with an empty state.

A pane knows how to turn its rows into cells and into the target that enter
opens; everything else (keys, cursor, empty message) is shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from .messages import OpenTarget, Target
from .text import DIM, plain

if TYPE_CHECKING:
    from movesboard.models.queries import ArticleRow, MoveRow, OrganizationRow, PersonRow

Row = TypeVar("Row")

UNDATED = Text("~", style="italic yellow")


class PaneTable(DataTable[Text]):
    """A row-cursor table with vi keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
        Binding("enter", "select_cursor", "Open"),
    ]


class Pane(Vertical, Generic[Row]):
    """A titled list of rows; enter on a row opens its target."""

    TITLE: ClassVar[str]
    COLUMNS: ClassVar[Sequence[tuple[str, int]]]  # label, width (0: fill)
    EMPTY: ClassVar[str]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="pane -empty")
        self._targets: list[Target] = []
        self.border_title = self.TITLE

    def compose(self) -> ComposeResult:
        yield PaneTable(cursor_type="row", zebra_stripes=True)
        yield Static(plain(self.EMPTY, DIM, single_line=False), classes="empty", markup=False)

    @property
    def table(self) -> PaneTable:
        return self.query_one(PaneTable)

    def on_mount(self) -> None:
        for label, width in self.COLUMNS:
            self.table.add_column(Text(label), width=width or None, key=label)

    def show(self, rows: Sequence[Row]) -> None:
        table = self.table
        cursor = table.cursor_row
        table.clear()
        self._targets = [self.target(row) for row in rows]
        for index, row in enumerate(rows):
            table.add_row(*self.cells(row), key=str(index))
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))  # a reload keeps the place
        self.border_title = f"{self.TITLE} ({len(rows)})"
        self.set_class(not rows, "-empty")
        self.fit_columns()

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Give the fill column whatever width the fixed columns leave."""
        table = self.table
        if not table.columns:
            return
        fixed = sum(width for _, width in self.COLUMNS)
        padding = 2 * table.cell_padding * len(self.COLUMNS)
        available = table.scrollable_content_region.width - fixed - padding - 1
        for label, width in self.COLUMNS:
            if width == 0:
                column = table.columns[ColumnKey(label)]
                column.width = max(12, available)
                column.auto_width = False
        # DataTable caches rendered rows per width; a new width needs fresh ones.
        table._clear_caches()
        table._require_update_dimensions = True
        table.refresh(layout=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(OpenTarget(self._targets[int(event.row_key.value)]))

    def cells(self, row: Row) -> tuple[Text, ...]:
        raise NotImplementedError

    def target(self, row: Row) -> Target:
        raise NotImplementedError


def _date(value: object) -> Text:
    return plain(value.isoformat() if value is not None else "undated", DIM)  # type: ignore[attr-defined]


def _count(value: int) -> Text:
    return Text(str(value), style="" if value else "dim", justify="right")


class ArticlesPane(Pane["ArticleRow"]):
    TITLE = "Articles"
    COLUMNS = (("Published", 10), ("Lang", 4), ("Title", 0), ("Moves", 5))
    EMPTY = "No articles yet: movesboard ingest PATH"

    def cells(self, row: ArticleRow) -> tuple[Text, ...]:
        return (_date(row.published), plain(row.language, DIM), plain(row.title), _count(row.moves))

    def target(self, row: ArticleRow) -> Target:
        return Target("article", row.id)


class PeoplePane(Pane["PersonRow"]):
    TITLE = "People"
    COLUMNS = (("Name", 0), ("Now at", 13), ("#", 2))
    EMPTY = "No people yet: they appear when articles are ingested"

    def cells(self, row: PersonRow) -> tuple[Text, ...]:
        where = plain(row.organization or "—", "" if row.organization else DIM)
        return (plain(row.name, "bold"), where, _count(row.moves))

    def target(self, row: PersonRow) -> Target:
        return Target("person", row.id)


class CompaniesPane(Pane["OrganizationRow"]):
    TITLE = "Companies"
    COLUMNS = (("Name", 0), ("Part of", 8), ("In", 3), ("Out", 3))
    EMPTY = "No companies yet: they appear when articles are ingested"

    def cells(self, row: OrganizationRow) -> tuple[Text, ...]:
        return (
            plain(row.name, "bold"),
            plain(row.parent or "", DIM),
            _count(row.arrivals),
            _count(row.departures),
        )

    def target(self, row: OrganizationRow) -> Target:
        return Target("organization", row.id)


class TimelinePane(Pane["MoveRow"]):
    """Moves newest first; enter opens the person, `a` the article that reported it."""

    TITLE = "Timeline"
    COLUMNS = (("When", 11), ("Person", 16), ("Move", 0), ("Role", 14))
    EMPTY = "No moves yet: ingest articles that report people changing jobs"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "open_article", "Source article")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._articles: list[Target] = []

    def show(self, rows: Sequence[MoveRow]) -> None:
        self._articles = [Target("article", row.article_id) for row in rows]
        super().show(rows)

    def cells(self, row: MoveRow) -> tuple[Text, ...]:
        return (when(row), plain(row.person, "bold"), move_summary(row), plain(row.role or "", DIM))

    def target(self, row: MoveRow) -> Target:
        return Target("person", row.person_id)

    def action_open_article(self) -> None:
        row = self.table.cursor_row
        if 0 <= row < len(self._articles):
            self.post_message(OpenTarget(self._articles[row]))


def when(move: MoveRow) -> Text:
    """The move's date; an undated move shows its article's date, marked with ~."""
    label = move.when
    if label.startswith("~"):
        return Text.assemble(UNDATED, plain(label[1:], "italic"))
    return plain(label)


def move_summary(move: MoveRow) -> Text:
    """from → to, with unknown ends shown dimmed."""
    origin = plain(move.from_org or "?", "" if move.from_org else DIM)
    destination = plain(move.to_org or "(left)", "bold green" if move.to_org else DIM)
    return Text.assemble(origin, Text(" → ", style="dim"), destination)
