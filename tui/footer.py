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

if TYPE_CHECKING:
    from textual.screen import Screen


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
