"""One article: its text, with people and organisations highlighted and the
sentences that report moves marked; the moves and the entities it names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text

from .detail import DetailScreen, Link, grid, muted, section
from .messages import Target
from .panes import move_summary, when
from .text import DIM, clean, plain

if TYPE_CHECKING:
    from movesboard.models.queries import ArticleDetail

    from .data import DataSource

PERSON = Style(bold=True, color="cyan")
ORGANIZATION = Style(bold=True, color="magenta")
# No background colour: it would be wrong on light and ANSI themes; underline reads on all.
MOVE_SENTENCE = Style(underline=True, italic=True)
LEGEND = Text.assemble(
    ("Marked: ", DIM),
    ("person", PERSON),
    ("  ", ""),
    ("organisation", ORGANIZATION),
    ("  ", ""),
    ("sentence reporting a move", MOVE_SENTENCE),
)


class ArticleScreen(DetailScreen["ArticleDetail"]):
    NOUN = "article"
    AUTO_FOCUS = "#reader"

    def fetch(self, data: DataSource, record_id: int) -> ArticleDetail | None:
        return data.article(record_id)

    def heading(self, detail: ArticleDetail) -> Text:
        row = detail.row
        facts = [row.published.isoformat() if row.published else "undated", row.language]
        if detail.site:
            facts.append(detail.site)
        return Text.assemble(plain(row.title, "bold"), Text("   "), plain("  ·  ".join(facts), DIM))

    def body(self, detail: ArticleDetail) -> RenderableType:
        moves = grid(12, 18, 0)
        for move in detail.moves:
            story = move_summary(move)
            if move.role:
                story.append_text(Text.assemble(muted("  as "), plain(move.role, "italic")))
            moves.add_row(when(move), plain(move.person, PERSON), story)
        parts: list[RenderableType] = [
            highlighted(detail),
            Text.assemble(muted("\nSource: "), plain(detail.url or detail.row.source, DIM)),
            LEGEND,
            section(f"Moves reported ({len(detail.moves)})"),
            moves if detail.moves else muted("No moves found in this article."),
        ]
        if detail.group_moves:
            parts.append(section(f"Group moves ({len(detail.group_moves)})"))
            parts += [Text.assemble("• ", plain(evidence)) for evidence in detail.group_moves]
        return Group(*parts)

    def links(self, detail: ArticleDetail) -> list[Link]:
        people = [
            (Target("person", person_id), Text.assemble("◉ ", plain(name, PERSON)))
            for person_id, name in detail.people
        ]
        organizations = [
            (Target("organization", org_id), Text.assemble("▣ ", plain(name, ORGANIZATION)))
            for org_id, name in detail.organizations
        ]
        return people + organizations


def highlighted(detail: ArticleDetail) -> Text:
    """The body as plain text, styled by offsets only: nothing in it is interpreted."""
    body = clean(detail.body)  # same length as the stored body, so offsets still hold
    text = Text(body)
    for move in detail.moves:
        end = move.evidence_start + len(move.evidence)
        if body[move.evidence_start : end] == clean(move.evidence):
            text.stylize(MOVE_SENTENCE, move.evidence_start, end)
    for span in detail.spans:
        style = PERSON if span.kind == "person" else ORGANIZATION
        text.stylize(style, span.start, span.end)
    return text
