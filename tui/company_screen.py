"""One organisation: who joined and who left, and where it sits in its group."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from .article_screen import ORGANIZATION, PERSON
from .detail import DetailScreen, Link, grid, muted, section
from .messages import Target
from .panes import when
from .text import DIM, plain

if TYPE_CHECKING:
    from movesboard.models.queries import MoveRow, OrganizationDetail

    from .data import DataSource


class CompanyScreen(DetailScreen["OrganizationDetail"]):
    NOUN = "company"
    AUTO_FOCUS = "#links"

    def fetch(self, data: DataSource, record_id: int) -> OrganizationDetail | None:
        return data.organization(record_id)

    def heading(self, detail: OrganizationDetail) -> Text:
        parts = [plain(detail.name, ORGANIZATION)]
        if detail.parent:
            parts += [Text("  part of ", style="dim"), plain(detail.parent[1], "bold")]
        if detail.aliases:
            parts += [Text("   also: ", style="dim"), plain(", ".join(detail.aliases), DIM)]
        return Text.assemble(*parts)

    def body(self, detail: OrganizationDetail) -> RenderableType:
        parent = detail.parent[1] if detail.parent else "none known"
        children = ", ".join(name for _, name in detail.children) or "none known"
        group = grid(10, 0)
        group.add_row(muted("Parent"), plain(parent))
        group.add_row(muted("Part of it"), plain(children))
        return Group(
            section(f"Joined ({len(detail.arrivals)})"),
            moves(detail.arrivals, "from", lambda move: move.from_org),
            section(f"Left ({len(detail.departures)})"),
            moves(detail.departures, "to", lambda move: move.to_org),
            section("Group"),
            group,
        )

    def links(self, detail: OrganizationDetail) -> list[Link]:
        links: dict[Target, Text] = {}
        for move in detail.arrivals + detail.departures:
            label = Text.assemble("◉ ", plain(move.person, PERSON))
            links.setdefault(Target("person", move.person_id), label)
        related = ([detail.parent] if detail.parent else []) + detail.children
        for org_id, name in related:
            label = Text.assemble("▣ ", plain(name, ORGANIZATION))
            links.setdefault(Target("organization", org_id), label)
        return list(links.items())


def moves(
    rows: list[MoveRow], preposition: str, other: Callable[[MoveRow], str | None]
) -> RenderableType:
    """One row per move, newest first: when, who, from/to where, as what."""
    if not rows:
        return muted("Nobody recorded.")
    table = grid(12, 0, 0)
    for move in rows:
        where = other(move)
        story = Text.assemble(muted(f"{preposition} "), plain(where)) if where else Text()
        if move.role:
            story.append_text(Text.assemble(muted("  as "), plain(move.role, "italic")))
        table.add_row(when(move), plain(move.person, PERSON), story)
    return table
