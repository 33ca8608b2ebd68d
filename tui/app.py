"""The movesboard dashboard app: a thin shell that opens screens.

Importing this module must stay cheap: no SQLAlchemy, models, pipeline or
rapidfuzz here or in anything imported before the first paint. The database
is opened (migrated, seeded when empty) in a worker after the dashboard is up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from movesboard.untrusted import visible

from .commands import LookupCommands
from .dashboard import DashboardScreen
from .data import DataSource, describe_error
from .messages import Kind, OpenTarget, Target

if TYPE_CHECKING:
    from textual.theme import Theme

    from .detail import DetailScreen


def detail_screen(kind: Kind) -> type[DetailScreen[Any]]:
    """The screen for one kind of record; imported when first opened, not at start-up."""
    if kind == "article":
        from .article_screen import ArticleScreen

        return ArticleScreen
    if kind == "person":
        from .person_screen import PersonScreen

        return PersonScreen
    from .company_screen import CompanyScreen

    return CompanyScreen


class MovesboardApp(App[None]):
    """Who moves where in the AI industry."""

    TITLE = "movesboard"
    # The dashboard's styles load with the app's: it is the default screen,
    # which Textual mounts without reading a screen's CSS_PATH.
    CSS_PATH = "dashboard.tcss"
    COMMANDS = App.COMMANDS | {LookupCommands}
    # Textual declares these as instance attributes: a ClassVar would not type-check.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Keys", id="app.help", key_display="?"),
        Binding("slash", "lookup", "Lookup", id="app.lookup", key_display="/"),
        Binding("v", "review", "Review", id="app.review"),
        Binding("y", "copy", "Copy", id="app.copy", show=False),
        Binding("T", "change_theme", "Theme", id="app.theme", show=False),
    ]

    def __init__(self, db: str | None = None, seed: bool = True) -> None:
        super().__init__()
        self.data = DataSource(db, seed=seed)
        self._unknown_theme = self._configured_theme()

    def _configured_theme(self) -> str | None:
        """Start in the config's theme (what `T` chose last time); its name when unknown."""
        from movesboard.config import load_config

        theme = load_config().theme
        if theme is None:
            return None
        if theme not in self.available_themes:
            return theme
        self.theme = theme
        return None

    def on_mount(self) -> None:
        if self._unknown_theme is not None:
            self.notify(
                f"No theme called {visible(self._unknown_theme)!r}: using the default",
                title="Config",
                severity="warning",
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._apply_keymap()

    def _apply_keymap(self) -> None:
        """`[keys]` from the config file: binding id = key(s) (see `?` for the ids)."""
        from movesboard.config import load_config

        keymap = load_config().keys
        if not keymap:
            return
        self.set_keymap(keymap)
        self.call_after_refresh(self._check_keymap, keymap)

    def _check_keymap(self, keymap: dict[str, str]) -> None:
        from .keys import unknown

        strays = unknown(keymap)
        if strays:
            self.notify(
                f"No binding called {', '.join(map(visible, strays))} ([keys] in the config); "
                "press ? for the ids",
                title="Config",
                severity="warning",
                markup=False,
            )

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen with T or the palette is the next start's theme too."""
        from movesboard.config import ConfigError, load_config, remember

        if load_config().theme == theme.name:
            return
        try:
            remember("theme", theme.name)
        except ConfigError as error:
            self.notify(
                visible(str(error)), title="Theme not saved", severity="warning", markup=False
            )

    def get_default_screen(self) -> DashboardScreen:
        # The dashboard is the base screen, not pushed over a blank one that
        # would be composed, styled and painted first. It starts with its
        # breakpoint classes, so the first resize does not restyle every widget.
        return DashboardScreen(classes=" ".join(self.breakpoint_classes()))

    def breakpoint_classes(self) -> list[str]:
        width, height = self.size
        return [
            next(name for edge, name in sorted(points, reverse=True) if size >= edge)
            for size, points in (
                (width, self.HORIZONTAL_BREAKPOINTS),
                (height, self.VERTICAL_BREAKPOINTS),
            )
        ]

    def on_unmount(self) -> None:
        from movesboard.ingest.signals import interrupt_in_flight

        # An ingest worker's fetch ends now, not at its deadline: quitting quits.
        interrupt_in_flight()
        self.data.close()

    # Screens beyond the dashboard are imported when first used: every module
    # imported before the first paint delays it.
    def action_help(self) -> None:
        from .help_screen import HelpScreen

        self.push_screen(HelpScreen(self.screen.active_bindings))

    def action_lookup(self) -> None:
        def opened(target: Target | None) -> None:
            if target is not None:
                self.open(target)

        from .lookup_screen import LookupScreen

        self.push_screen(LookupScreen(), opened)

    def action_review(self) -> None:
        from .review_screen import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())

    def action_copy(self) -> None:
        """Copy what the cursor is on (OSC 52: works over ssh, in tmux with set-clipboard)."""
        copy_text = getattr(self.screen, "copy_text", None)
        text = copy_text() if copy_text is not None else None
        if text:
            from .clipboard import caveat

            self.copy_to_clipboard(text)
            preview = visible(text.splitlines()[0]) + (" …" if "\n" in text else "")
            doubt = caveat()
            if doubt is None:
                self.notify(preview, title="Copied", timeout=3, markup=False)
            else:
                message = f"{preview}\n{doubt}"
                self.notify(message, title="Maybe not copied", severity="warning", markup=False)

    def on_open_target(self, message: OpenTarget) -> None:
        self.open(message.target)

    def open(self, target: Target) -> None:
        self.push_screen(detail_screen(target.kind)(target.id))

    @contextmanager
    def reporting_errors(
        self, title: str, on_error: Callable[[str], None] | None = None
    ) -> Iterator[None]:
        """For worker threads: turn an exception into a notification, not a traceback."""
        try:
            yield
        except Exception as error:
            message = visible(describe_error(error))
            self.log.error(title, error)
            # The toast is one line; the log file keeps the traceback (movesboard/logs.py).
            logging.getLogger("movesboard.tui").error("%s: %s", title, message, exc_info=error)
            self.call_from_thread(
                self.notify, message, title=title, severity="error", timeout=10, markup=False
            )
            if on_error is not None:
                self.call_from_thread(on_error, f"{title}: {message}")
