"""`?`: every key that works here, grouped by where it acts (the focused pane,
the screen, the whole app), taken from Textual's own binding chain."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.binding import ActiveBinding
    from textual.dom import DOMNode


SIDE_BY_SIDE = 150  # columns


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j", "scroll('down')", "Scroll down", show=False),
        Binding("k", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, bindings: dict[str, ActiveBinding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "escape closes"
            yield Static(self.table(), markup=False)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_down() if direction == "down" else scroll.scroll_up()

    def table(self) -> Table:
        """One column per place a binding acts; keys for the same action share a row."""
        groups: dict[str, dict[str, tuple[list[str], str, str]]] = {}
        for key, active in self.bindings.items():
            binding = active.binding
            keys = binding.key_display or display(key)
            description = binding.description or binding.action.replace("_", " ")
            actions = groups.setdefault(owner(active.node), {})
            # The id is what `[keys]` in the config file remaps.
            known, _, _ = actions.setdefault(binding.action, ([], description, binding.id or ""))
            known.append(keys)
        # Three groups of key, action and id side by side need a wide terminal.
        side_by_side = self.app.size.width >= SIDE_BY_SIDE
        layout = Table.grid(padding=(0, 4) if side_by_side else (1, 0))
        columns = []
        for group, actions in groups.items():
            column = Table.grid(padding=(0, 1))
            column.add_column(justify="right", style="bold cyan", no_wrap=True)
            column.add_column(no_wrap=True)
            column.add_column(no_wrap=True, style="dim")
            column.add_row("", Text(group, style="bold underline"), "")
            for shown_keys, description, binding_id in actions.values():
                column.add_row(Text(" ".join(shown_keys)), Text(description), Text(binding_id))
            columns.append(column)
        if side_by_side:
            for _ in columns:
                layout.add_column()
            layout.add_row(*columns)
        else:
            layout.add_column()
            for column in columns:
                layout.add_row(column)
        return layout


def display(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc"}
    return names.get(key, key)


def owner(node: DOMNode) -> str:
    """Where a binding acts, in words."""
    if isinstance(node, App):
        return "Everywhere"
    if isinstance(node, Screen):
        name = type(node).__name__.removesuffix("Screen") or "This"
        return f"{name} screen"
    for ancestor in (node, *node.ancestors):
        title = getattr(ancestor, "TITLE", None)
        if isinstance(title, str) and not isinstance(ancestor, (App, Screen)):
            return f"{title} pane"
    return type(node).__name__
