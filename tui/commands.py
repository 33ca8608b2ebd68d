"""The command palette (ctrl+p) finds people and companies too, with the same lookup as `/`."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider

from .messages import Kind, Target

if TYPE_CHECKING:
    from .app import MovesboardApp


class LookupCommands(Provider):
    async def search(self, query: str) -> Hits:
        app: MovesboardApp = self.app  # type: ignore[assignment]
        if not query.strip():
            return
        try:
            hits = await asyncio.to_thread(app.data.lookup, query, 8)
        except Exception as error:  # the palette has no place for errors; the log does
            app.log.error("palette lookup failed", error)
            return
        for hit in hits:
            kind: Kind = "person" if hit.kind == "person" else "organization"
            yield Hit(
                hit.score / 100,
                f"{'◉' if kind == 'person' else '▣'} {hit.name}",
                partial(app.open, Target(kind, hit.id)),
                text=hit.name,
                help=hit.detail,
            )
