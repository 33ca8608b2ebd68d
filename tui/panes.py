"""The dashboard's list panes: each a titled, paged RowList with an empty message.

A pane knows how to turn its items into rows of cells, into the target that
enter opens and how to fetch the next page; keys, the cursor, paging and the
empty message are the list's. Pages load in a worker when the cursor nears the
end, so a pane never holds a whole table. A pane is the list itself, not a
container around one: one widget per pane keeps the first paint cheap.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on, work

from .data import PAGE
from .messages import OpenTarget, Target
from .rowlist import Columns, Row, RowList
from .text import DIM, plain

if TYPE_CHECKING:
    from movesboard.models.queries import ArticleRow, MoveRow, OrganizationRow, PersonRow

    from .app import MovesboardApp
    from .data import DataSource

Item = TypeVar("Item")

AHEAD = 50  # load the next page when the cursor is this close to the end (PAGE: data.py)
UNDATED = Text("~", style="italic")


class Pane(RowList, Generic[Item]):
    """A titled list of items; enter on a row opens its target."""

    TITLE: ClassVar[str]
    COLUMNS: ClassVar[Columns]
    EMPTY: ClassVar[str]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(self.COLUMNS, empty=self.EMPTY, id=id, classes="pane")
        self.border_title = self.TITLE
        self.exhausted = True  # no more pages to load
        self._loading = False

    @property
    def movesboard(self) -> MovesboardApp:
        return self.app  # type: ignore[return-value]

    def show(self, items: Sequence[Item], *, keep_place: bool = True) -> None:
        """The first page (a reload keeps the cursor on the same row when it is still there)."""
        current = self.current
        keep = current.key if keep_place and current is not None else None
        self.exhausted = len(items) <= PAGE  # pages come with one row to peek
        self.set_rows(self.to_rows(items[:PAGE]), keep=keep)
        self.refresh_title()

    def to_rows(self, items: Sequence[Item]) -> list[Row]:
        return [Row(self.key(item), self.cells(item), item, self.group(item)) for item in items]

    def refresh_title(self) -> None:
        count = self.row_count
        more = "+" if not self.exhausted else ""
        self.border_title = f"{self.TITLE} ({count}{more}){self.subtitle()}"

    def subtitle(self) -> str:
        return ""

    @on(RowList.Selected)
    def open_row(self, event: RowList.Selected) -> None:
        event.stop()
        self.post_message(OpenTarget(self.target(event.row.value)))

    @on(RowList.Moved)
    def maybe_load_more(self, event: RowList.Moved) -> None:
        event.stop()
        if not self.exhausted and not self._loading and event.count - event.index <= AHEAD:
            self._loading = True
            self.load_more(self.rows[-1].value)

    @work(thread=True, exit_on_error=False)
    def load_more(self, last: Item) -> None:
        app = self.movesboard
        try:
            with app.reporting_errors(f"Could not load more {self.TITLE.lower()}"):
                items = self.fetch(app.data, last)
                app.call_from_thread(self.append, items)
        finally:
            app.call_from_thread(setattr, self, "_loading", False)

    def append(self, items: Sequence[Item]) -> None:
        self.exhausted = len(items) <= PAGE
        self.extend(self.to_rows(items[:PAGE]))
        self.refresh_title()

    def follow(self) -> None:
        """Read the loaded rows again (someone changed the data), the cursor and the
        view staying on the rows they were on."""
        self._refetch(max(self.row_count, PAGE) + 1)

    @work(thread=True, exclusive=True, group="follow", exit_on_error=False)
    def _refetch(self, count: int) -> None:
        app = self.movesboard
        try:
            items = self.refetch(app.data, count)
        except Exception as error:  # a busy or vanished database: the next change retries
            app.log.warning(f"{self.TITLE}: live update failed", error)
            return
        app.call_from_thread(self.refetched, items, count)

    def refetched(self, items: Sequence[Item], count: int) -> None:
        self.exhausted = len(items) < count  # `count` is one more than is shown
        self.replace(self.to_rows(items[: count - 1]))
        self.refresh_title()

    def copy_text(self) -> str | None:
        current = self.current
        return self.describe(current.value) if current is not None else None

    def describe(self, item: Item) -> str:
        """The row as one line of text, for the clipboard."""
        return "  ".join(cell.plain for cell in self.cells(item)).strip()

    # Subclasses fill these in.

    def fetch(self, data: DataSource, last: Item) -> Sequence[Item]:
        """The page after `last`, the last row loaded (by keyset: the rows
        before it may have changed meanwhile); runs in a worker thread."""
        raise NotImplementedError

    def refetch(self, data: DataSource, count: int) -> Sequence[Item]:
        """The first `count` items, read again for a live update; in a worker thread."""
        raise NotImplementedError

    def key(self, item: Item) -> Hashable:
        return item.id  # type: ignore[attr-defined]

    def group(self, item: Item) -> str | None:
        return None

    def cells(self, item: Item) -> tuple[Text, ...]:
        raise NotImplementedError

    def target(self, item: Item) -> Target:
        raise NotImplementedError


def _date(value: object) -> Text:
    return plain(value.isoformat() if value is not None else "undated", DIM)  # type: ignore[attr-defined]


def _count(value: int) -> Text:
    return Text(str(value), style="" if value else "dim", justify="right")


class ArticlesPane(Pane["ArticleRow"]):
    TITLE = "Articles"
    COLUMNS = (("Published", 10), ("Lang", 4), ("Title", 0), ("Moves", 5))
    EMPTY = "No articles yet: movesboard ingest PATH, or press i"

    def fetch(self, data: DataSource, last: ArticleRow) -> Sequence[ArticleRow]:
        from movesboard.models.rows import article_key

        return data.articles(article_key(last))

    def refetch(self, data: DataSource, count: int) -> Sequence[ArticleRow]:
        return data.articles(None, limit=count)

    def cells(self, row: ArticleRow) -> tuple[Text, ...]:
        return (_date(row.published), plain(row.language, DIM), plain(row.title), _count(row.moves))

    def target(self, row: ArticleRow) -> Target:
        return Target("article", row.id)


class PeoplePane(Pane["PersonRow"]):
    TITLE = "People"
    COLUMNS = (("Name", 0), ("Now at", 13), ("#", 2))
    EMPTY = "No people yet: they appear when articles are ingested"

    def fetch(self, data: DataSource, last: PersonRow) -> Sequence[PersonRow]:
        from movesboard.models.rows import name_key

        return data.people(name_key(last))

    def refetch(self, data: DataSource, count: int) -> Sequence[PersonRow]:
        return data.people(None, limit=count)

    def cells(self, row: PersonRow) -> tuple[Text, ...]:
        where = plain(row.organization or "—", "" if row.organization else DIM)
        return (plain(row.name, "bold"), where, _count(row.moves))

    def target(self, row: PersonRow) -> Target:
        return Target("person", row.id)


class CompaniesPane(Pane["OrganizationRow"]):
    TITLE = "Companies"
    COLUMNS = (("Name", 0), ("Part of", 8), ("In", 3), ("Out", 3))
    EMPTY = "No companies yet: they appear when articles are ingested"

    def fetch(self, data: DataSource, last: OrganizationRow) -> Sequence[OrganizationRow]:
        from movesboard.models.rows import name_key

        return data.organizations(name_key(last))

    def refetch(self, data: DataSource, count: int) -> Sequence[OrganizationRow]:
        return data.organizations(None, limit=count)

    def cells(self, row: OrganizationRow) -> tuple[Text, ...]:
        return (
            plain(row.name, "bold"),
            plain(row.parent or "", DIM),
            _count(row.arrivals),
            _count(row.departures),
        )

    def target(self, row: OrganizationRow) -> Target:
        return Target("organization", row.id)


def when(move: MoveRow) -> Text:
    """The move's date; an undated move shows its article's date, marked with ~."""
    label = move.when
    if label.startswith("~"):
        return Text.assemble(UNDATED, plain(label[1:], "italic"))
    return plain(label)


def move_summary(move: MoveRow) -> Text:
    """from → to, with unknown ends shown dimmed."""
    origin = plain(move.from_org or "?", "" if move.from_org else DIM)
    destination = plain(move.to_org or "(left)", "bold" if move.to_org else DIM)
    return Text.assemble(origin, Text(" → ", style="dim"), destination)
