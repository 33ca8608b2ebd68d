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

    def copy_lines(self, detail: OrganizationDetail) -> list[str]:
        """Who joined and who left, each move with its evidence and source."""
        from .timeline_pane import move_text

        return [
            f"Joined ({len(detail.arrivals)}):",
            *(move_text(move) for move in detail.arrivals),
            f"Left ({len(detail.departures)}):",
            *(move_text(move) for move in detail.departures),
        ]

    def body(self, detail: OrganizationDetail) -> RenderableType:
        parent = detail.parent[1] if detail.parent else "none known"
        children = ", ".join(name for _, name in detail.children) or "none known"
        group = grid(10, 0)
        group.add_row(muted("Parent"), plain(parent))
        group.add_row(muted("Part of it"), plain(children))
        return Group(
            section("Arrivals and departures per month"),
            chart(detail),
            section("Net flow by counterpart" + _with_children(detail)),
            flow(detail),
            section(f"Joined ({len(detail.arrivals)})"),
            moves(detail.arrivals, "from", lambda m: m.from_org, lambda m: m.to_org, detail.name),
            section(f"Left ({len(detail.departures)})"),
            moves(detail.departures, "to", lambda m: m.to_org, lambda m: m.from_org, detail.name),
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


def _with_children(detail: OrganizationDetail) -> str:
    """Says that the figures count the children's moves too, and whose."""
    names = [name for _, name in detail.children]
    return f" (with {', '.join(names)})" if names else ""


BARS = " ▁▂▃▄▅▆▇█"
MONTHS = 36  # the chart's span, ending at the latest month with a move


def flow(detail: OrganizationDetail) -> RenderableType:
    """In and out per counterpart organisation, biggest traffic first."""
    counts: dict[str, list[int]] = {}
    for move in detail.arrivals:
        counts.setdefault(move.from_org or "unknown", [0, 0])[0] += 1
    for move in detail.departures:
        counts.setdefault(move.to_org or "unknown", [0, 0])[1] += 1
    if not counts:
        return muted("Nobody recorded.")
    table = grid(0, 6, 6, 6)
    table.add_row(muted("counterpart"), muted("in"), muted("out"), muted("net"))
    for name, (arrived, left) in sorted(counts.items(), key=lambda item: -sum(item[1])):
        net = arrived - left
        table.add_row(
            plain(name),  # one form for every row: the counterpart, its in, out and net
            Text(str(arrived)),
            Text(str(left)),
            Text(f"{net:+d}", style="green" if net > 0 else "red" if net < 0 else "dim"),
        )
    return table


def chart(detail: OrganizationDetail) -> RenderableType:
    """Two bar rows, arrivals over departures, one column per month."""
    from movesboard.models.rows import sort_key

    arrivals: dict[tuple[int, int], int] = {}
    departures: dict[tuple[int, int], int] = {}
    for moves_, tally in ((detail.arrivals, arrivals), (detail.departures, departures)):
        for move in moves_:
            date = sort_key(move)[0]
            if date is not None:
                tally[(date.year, date.month)] = tally.get((date.year, date.month), 0) + 1
    if not arrivals and not departures:
        return muted("No dated moves.")
    year, month = max([*arrivals, *departures])
    months = [
        ((year * 12 + month - 1 - back) // 12, (year * 12 + month - 1 - back) % 12 + 1)
        for back in reversed(range(MONTHS))
    ]
    peak = max([*arrivals.values(), *departures.values()])

    def bars(tally: dict[tuple[int, int], int], style: str) -> Text:
        cells = (BARS[-(-8 * tally.get(m, 0) // peak)] if tally.get(m) else "·" for m in months)
        return Text("".join(cells), style=style)

    table = grid(10, 0)
    table.add_row(muted(f"in (max {peak})"), bars(arrivals, "green"))
    table.add_row(muted("out"), bars(departures, "red"))
    first, last = months[0], months[-1]
    table.add_row("", muted(f"{first[0]}-{first[1]:02d} … {last[0]}-{last[1]:02d}"))
    return table


def moves(
    rows: list[MoveRow],
    preposition: str,
    other: Callable[[MoveRow], str | None],
    ours: Callable[[MoveRow], str | None],
    name: str = "",
) -> RenderableType:
    """One row per move, newest first: when, who, from/to where, as what, and
    which part of the organisation when it was a child of it (its parent counts it)."""
    if not rows:
        return muted("Nobody recorded.")
    table = grid(12, 0, 0)
    for move in rows:
        where = other(move)
        story = Text.assemble(muted(f"{preposition} "), plain(where)) if where else Text()
        part = ours(move)
        if part and part != name:
            story.append_text(Text.assemble(muted("  · "), plain(part, DIM)))
        if move.role:
            story.append_text(Text.assemble(muted("  as "), plain(move.role, "italic")))
        table.add_row(when(move), plain(move.person, PERSON), story)
    return table
