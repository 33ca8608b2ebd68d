"""One person: their moves as a career timeline, with the sentence that
reports each move and the article it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from .article_screen import ORGANIZATION, PERSON
from .detail import DetailScreen, Link, grid, muted, section
from .messages import Target
from .panes import move_summary, when
from .text import DIM, plain

if TYPE_CHECKING:
    from movesboard.models.queries import PersonDetail
    from movesboard.models.views import MergeCase

    from .data import DataSource


@dataclass(frozen=True, slots=True)
class PersonView:
    detail: PersonDetail
    suggestions: list[MergeCase]  # pending "same person?" questions about them


class PersonScreen(DetailScreen[PersonView]):
    NOUN = "person"
    AUTO_FOCUS = "#links"

    def fetch(self, data: DataSource, record_id: int) -> PersonView | None:
        detail = data.person(record_id)
        return PersonView(detail, data.person_suggestions(detail.id)) if detail else None

    def heading(self, view: PersonView) -> Text:
        detail = view.detail
        parts = [plain(detail.name, PERSON)]
        if detail.moves and detail.moves[-1].to_org:
            parts += [Text("  now at ", style="dim"), plain(detail.moves[-1].to_org, "bold")]
        if detail.aliases:
            parts += [Text("   also: ", style="dim"), plain(", ".join(detail.aliases), DIM)]
        return Text.assemble(*parts)

    def copy_lines(self, view: PersonView) -> list[str]:
        """The whole career, oldest first, each move with its evidence and source."""
        from .timeline_pane import move_text

        return [move_text(move) for move in view.detail.moves]

    def body(self, view: PersonView) -> RenderableType:
        detail = view.detail
        career = grid(12, 0)
        for move in detail.moves:
            published = move.published.isoformat() if move.published else "undated"
            story = Text.assemble(move_summary(move))
            if move.role:
                story.append_text(Text.assemble(muted("  as "), plain(move.role, "italic")))
            story.append_text(
                Text.assemble(
                    "\n“",
                    plain(move.evidence),
                    "”\n",
                    muted("— "),
                    plain(move.article_title, DIM),
                    muted(f" ({published})"),
                )
            )
            if move.reports > 1:  # the articles are listed below
                others = move.reports - 1
                story.append(f"\n   and {others} more article{'s' if others > 1 else ''}", "dim")
            if career.row_count:
                career.add_row("", "")
            career.add_row(when(move), story)
        articles = grid(10, 0)
        for article in detail.articles:
            published = article.published.isoformat() if article.published else "undated"
            articles.add_row(muted(published), plain(article.title))
        return Group(
            section("Path"),
            path(detail),
            section(f"Career: {len(detail.moves)} moves, oldest first"),
            career if detail.moves else muted("No moves recorded."),
            section(f"Articles ({len(detail.articles)})"),
            articles,
            section(f"Waiting for review ({len(view.suggestions)})"),
            suggestions(view) if view.suggestions else muted("Nothing: v opens the review queue."),
        )

    def links(self, view: PersonView) -> list[Link]:
        detail = view.detail
        links: dict[Target, Text] = {}
        for move in reversed(detail.moves):  # latest first
            for org_id, name in ((move.to_org_id, move.to_org), (move.from_org_id, move.from_org)):
                if org_id is not None:
                    label = Text.assemble("▣ ", plain(name, ORGANIZATION))
                    links.setdefault(Target("organization", org_id), label)
        for article in detail.articles:
            label = Text.assemble("▤ ", plain(article.title))
            links.setdefault(Target("article", article.id), label)
        return list(links.items())


def suggestions(view: PersonView) -> RenderableType:
    table = grid(6, 0)
    for case in view.suggestions:
        other = case.atom if case.candidate.person_id == view.detail.id else case.candidate
        table.add_row(
            muted(f"{case.score:.0f}"),
            Text.assemble("same as ", plain(other.name, PERSON), "? ", plain(case.reason, DIM)),
        )
    return table


def path(detail: PersonDetail) -> Text:
    """Google → OpenAI → Meta Superintelligence Labs: every organisation once, in order."""
    stops: list[str] = []
    for move in detail.moves:
        for name in (move.from_org, move.to_org):
            if name and (not stops or stops[-1] != name):
                stops.append(name)
    if not stops:
        return muted("unknown")
    return Text(" → ").join(plain(name, ORGANIZATION) for name in stops)
