"""The key footer: filled in after the first paint, then once per burst of changes.

Building Textual's Footer costs about a millisecond per key, and while the
dashboard starts, focus moves and panes mount in quick succession, so the
stock footer rebuilt itself several times before anything was on screen
(~100 ms of a ~350 ms start). This one paints empty, fills in on the frame
after the first, and keeps at most one rebuild pending at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen


# What must stay on screen however narrow the terminal (issue 13): at 80
# columns the stock footer scrolled these off its right end.
ESSENTIAL_ACTIONS = frozenset({"quit", "help", "lookup"})


class Footer(TextualFooter):
    _painted = False
    _recompose_pending = False

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._first_paint_done)

    def _first_paint_done(self) -> None:
        self._painted = True
        self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen) -> None:
        if not self._painted or self._recompose_pending or not screen.app.app_focus:
            return
        self._bindings_ready = True
        if self.is_attached and screen is self.screen:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_now)

    async def _recompose_now(self) -> None:
        self._recompose_pending = False
        await self.recompose()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Too narrow for every key: hide the least essential ones, last first."""
        keys = list(self.query(FooterKey))
        for key in keys:
            key.display = True
        # Everything that is not a key (the palette hint) keeps its room.
        room = self.size.width - sum(
            child.outer_size.width for child in self.children if not isinstance(child, FooterKey)
        )
        needed = sum(key.outer_size.width for key in keys)
        for key in reversed(keys):
            if needed <= room:
                break
            if key.action not in ESSENTIAL_ACTIONS:
                key.display = False
                needed -= key.outer_size.width
