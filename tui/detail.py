"""What the article, person and company views share.

A detail view loads one record in a worker, then shows a heading, a scrolling
reader with the record rendered as plain Text, and a list of links to related
records (enter opens one, escape goes back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .footer import Footer
from .messages import OpenTarget, Target
from .text import DIM

if TYPE_CHECKING:
    from .app import MovesboardApp
    from .data import DataSource

Detail = TypeVar("Detail")
Link = tuple[Target, Text]


class Reader(VerticalScroll):
    """The scrolling body of a detail view, with vi keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]


class LinkList(OptionList):
    """Related records; enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open", id="detail.open"),
    ]

    def show(self, links: list[Link]) -> None:
        self.clear_options()
        self._targets = [target for target, _ in links]
        self.add_options(Option(label, id=str(index)) for index, (_, label) in enumerate(links))
        if links:
            self.highlighted = 0
        self.border_title = f"Go to ({len(links)})"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(OpenTarget(self._targets[int(event.option.id)]))


class DetailScreen(Screen[None], Generic[Detail]):
    """Loads a record by id and renders it; subclasses say how."""

    CSS_PATH = "detail.tcss"
    NOUN: ClassVar[str] = "record"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="detail.back"),
        Binding("r", "reload", "Reload", show=False, id="detail.reload"),
    ]

    def __init__(self, record_id: int) -> None:
        super().__init__()
        self.record_id = record_id
        self.detail: Detail | None = None  # what is shown, once loaded

    @property
    def movesboard(self) -> MovesboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Loading {self.NOUN}…", style="dim"), id="heading", markup=False)
        with Horizontal(id="detail"):
            with Reader(id="reader"):
                yield Static(id="content", markup=False)
            yield LinkList(id="links")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load(self) -> None:
        app = self.movesboard
        with app.reporting_errors(f"Could not load the {self.NOUN}", self.show_failure):
            detail = self.fetch(app.data, self.record_id)
            if detail is None:
                app.call_from_thread(self.show_failure, f"This {self.NOUN} is not in the database.")
            else:
                app.call_from_thread(self.show, detail)

    def show(self, detail: Detail) -> None:
        self.detail = detail
        self.query_one("#heading", Static).update(self.heading(detail))
        self.query_one("#content", Static).update(self.body(detail))
        self.query_one(LinkList).show(self.links(detail))

    def copy_text(self) -> str | None:
        """The heading (the record's name and facts) and what `copy_lines` adds."""
        heading = self.query_one("#heading", Static).content
        if not isinstance(heading, Text):
            return None
        lines = self.copy_lines(self.detail) if self.detail is not None else []
        return "\n".join([heading.plain, *lines])

    def copy_lines(self, detail: Detail) -> list[str]:
        """Lines copied below the heading (a career, a company's moves)."""
        return []

    def show_failure(self, message: str) -> None:
        self.query_one("#heading", Static).update(Text(message, style="bold red"))

    # Subclasses fill these in.

    def fetch(self, data: DataSource, record_id: int) -> Detail | None:
        raise NotImplementedError

    def heading(self, detail: Detail) -> Text:
        raise NotImplementedError

    def body(self, detail: Detail) -> RenderableType:
        raise NotImplementedError

    def links(self, detail: Detail) -> list[Link]:
        raise NotImplementedError


def section(title: str) -> Text:
    """A section heading inside a reader."""
    return Text.assemble("\n", Text(title, style="bold underline"))


def muted(text: str) -> Text:
    return Text(text, style=DIM)


def grid(*widths: int) -> Table:
    """A borderless table; a width of 0 lets that column take the rest and wrap."""
    table = Table.grid(padding=(0, 2))
    for width in widths:
        if width:
            table.add_column(width=width, no_wrap=True)
        else:
            table.add_column(ratio=1, overflow="fold")
    return table
