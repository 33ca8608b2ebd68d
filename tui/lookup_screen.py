"""`/`: fuzzy-find a person or company by any name they are known by.

Each keystroke starts a lookup in an exclusive worker, so a slower, stale
query is cancelled and never overwrites newer results. Enter opens the
highlighted result; escape closes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from .article_screen import ORGANIZATION, PERSON
from .messages import Target
from .text import plain

if TYPE_CHECKING:
    from movesboard.models.lookup import LookupHit

    from .app import MovesboardApp

HINT = "Type a name: people and companies, any alias, typos welcome."


class LookupScreen(ModalScreen[Target | None]):
    CSS_PATH = "lookup_screen.tcss"
    AUTO_FOCUS = "Input"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("enter", "open", "Open", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[LookupHit] = []

    @property
    def movesboard(self) -> MovesboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="lookup"):
            yield Input(placeholder="Person or company…", id="query")
            yield OptionList(id="hits")
            yield Static(Text(HINT, style="dim"), id="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#lookup").border_title = "Lookup"

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, group="lookup", exit_on_error=False)
    def search(self, query: str) -> None:
        app = self.movesboard
        with app.reporting_errors("Lookup failed"):
            hits = app.data.lookup(query) if query.strip() else []
            if not get_current_worker().is_cancelled:
                app.call_from_thread(self.show, query, hits)

    def show(self, query: str, hits: list[LookupHit]) -> None:
        if query != self.query_one(Input).value:
            return  # a newer keystroke is on its way
        self._hits = hits
        results = self.query_one("#hits", OptionList)
        results.clear_options()
        results.add_options(Option(label(hit), id=str(index)) for index, hit in enumerate(hits))
        if hits:
            results.highlighted = 0
        hint = f"{len(hits)} match{'es' if len(hits) != 1 else ''}" if query.strip() else HINT
        if query.strip() and not hits:
            hint = "No match. Try another spelling or alias."
        self.query_one("#hint", Static).update(Text(hint, style="dim"))

    def action_move(self, step: int) -> None:
        results = self.query_one("#hits", OptionList)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_open(self) -> None:
        index = self.query_one("#hits", OptionList).highlighted
        if index is not None and 0 <= index < len(self._hits):
            hit = self._hits[index]
            self.dismiss(Target("person" if hit.kind == "person" else "organization", hit.id))

    @on(OptionList.OptionSelected, "#hits")
    def option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#hits", OptionList).highlighted = event.option_index
        self.action_open()


def label(hit: LookupHit) -> Text:
    """Name, what kind, the alias that matched if it says more, and where they are now."""
    person = hit.kind == "person"
    parts = [
        Text("◉ " if person else "▣ ", style="dim"),
        plain(hit.name, PERSON if person else ORGANIZATION),
    ]
    if hit.matched and not words(hit.matched) <= words(hit.name):
        parts.append(Text.assemble(" (", plain(hit.matched), ")", style="dim"))
    if hit.detail:
        parts.append(Text.assemble(Text("  ", style="dim"), plain(hit.detail, "italic")))
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis")


def words(name: str) -> set[str]:
    """The words of a name, case-folded: an alias made of them adds nothing to show."""
    return set(re.findall(r"\w+", name.casefold()))
