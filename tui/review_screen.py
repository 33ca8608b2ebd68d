"""`v`: the review queue, one item at a time, with the evidence side by side.

Two kinds of items: pending moves the extractor was unsure of (confidence
below REVIEW_THRESHOLD), and merges the resolver suggested but would not make
on its own. `a` accepts, `x` rejects, `s` skips, `u` undoes the last decision;
every decision goes through models/decisions.py and is recorded there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from .detail import grid, muted, section
from .footer import Footer
from .messages import OpenTarget, Target
from .panes import move_summary, when
from .text import DIM, plain

if TYPE_CHECKING:
    from movesboard.models.changes import ChangeBatch
    from movesboard.models.history import DecisionRow
    from movesboard.models.queries import MoveRow
    from movesboard.models.views import MergeCase, Side

    from .app import MovesboardApp


def nothing_waits() -> Text:
    """An empty queue says why it is empty, not two blank panes (issue 13)."""
    from movesboard.models.views import REVIEW_THRESHOLD

    return Text.assemble(
        ("Nothing waits for you.\n\n", "bold"),
        (
            f"Moves come here when the extractor is less than {REVIEW_THRESHOLD:.0%} sure "
            "of them, and pairs of people when the resolver thinks they may be one person "
            "but would not merge them on its own. Everything stored so far was clear "
            "enough.\n\nAny move can still be confirmed or rejected from the command line "
            "(movesboard moves confirm|reject UID), and people merged or split "
            "(movesboard people merge|split).",
            "dim",
        ),
    )


HISTORY_ROWS = 4  # the latest decisions under the queue: who did what, for a team


class ReviewScreen(Screen[None]):
    CSS_PATH = "review_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accept')", "Accept", id="review.accept"),
        Binding("x", "decide('reject')", "Reject", id="review.reject"),
        Binding("s", "skip", "Skip", id="review.skip"),
        Binding("u", "undo", "Undo", id="review.undo"),
        Binding("o", "open", "Open person", id="review.open_person"),
        Binding("escape", "app.pop_screen", "Back", id="review.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[MoveRow | MergeCase] = []
        self.position = 0

    @property
    def movesboard(self) -> MovesboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text("Loading the review queue…", style="dim"), id="heading", markup=False)
        with Horizontal(id="sides"):
            with VerticalScroll(id="left", classes="side"):
                yield Static(id="left-body", markup=False)
            with VerticalScroll(id="right", classes="side"):
                yield Static(id="right-body", markup=False)
        yield Static(id="history", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @property
    def current(self) -> MoveRow | MergeCase | None:
        return self.items[self.position] if self.position < len(self.items) else None

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def load(self) -> None:
        app = self.movesboard
        with app.reporting_errors("Could not load the review queue"):
            moves, merges = app.data.review()
            app.call_from_thread(self.show, [*moves, *merges])
        self.load_history()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def load_history(self) -> None:
        app = self.movesboard
        with app.reporting_errors("Could not read the decisions"):
            rows = app.data.history(HISTORY_ROWS)
            app.call_from_thread(self.query_one("#history", Static).update, history(rows))

    def show(self, items: list[MoveRow | MergeCase]) -> None:
        self.items = items
        self.position = 0
        self.render_current()

    # ------------------------------------------------------------ live

    def follow(self, batch: ChangeBatch) -> None:
        """Another writer (or this one) stored moves or decided: read the queue again.

        Without this, a colleague's verdict left the item here to be judged a
        second time, and new unsure moves never joined the queue until it was
        reopened. The dashboard calls it with each batch it hears."""
        if batch.article_ids or batch.decided or batch.rebuilt:
            self.reread()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def reread(self) -> None:
        app = self.movesboard
        with app.reporting_errors("Could not reload the review queue"):
            moves, merges = app.data.review()
            if not get_current_worker().is_cancelled:  # a newer read is on its way
                app.call_from_thread(self.keep_place, [*moves, *merges])
        self.load_history()

    def keep_place(self, items: list[MoveRow | MergeCase]) -> None:
        """Show `items` with the cursor on the item it was on, when that is still
        queued; else at the same place, which now holds the next one."""
        current = self.current
        self.items = items
        keys = [identity(item) for item in items]
        if current is not None and identity(current) in keys:
            self.position = keys.index(identity(current))
        self.position = min(self.position, max(0, len(items) - 1))
        self.render_current()

    def render_current(self) -> None:
        from movesboard.models.views import MergeCase

        item = self.current
        heading = self.query_one("#heading", Static)
        left, right = self.query_one("#left"), self.query_one("#right")
        if item is None:
            heading.update(Text("Nothing to review. Escape goes back; u undoes the last decision."))
            self.query_one("#left-body", Static).update(nothing_waits())
            self.query_one("#right-body", Static).update("")
            return
        count = f"{self.position + 1} of {len(self.items)}"
        if isinstance(item, MergeCase):
            heading.update(
                Text.assemble(
                    (f"Review {count}  ", "bold"),
                    "Same person?  ",
                    muted(f"score {item.score:.0f} · "),
                    plain(item.reason, DIM),
                )
            )
            left.border_title, right.border_title = "As one article names them", "Known person"
            self.query_one("#left-body", Static).update(side(item.atom))
            self.query_one("#right-body", Static).update(side(item.candidate))
        else:
            heading.update(
                Text.assemble(
                    (f"Review {count}  ", "bold"),
                    "Is this move right?  ",
                    muted(f"confidence {item.confidence:.2f}"),
                )
            )
            left.border_title, right.border_title = "Evidence", "Extracted move"
            self.query_one("#left-body", Static).update(evidence(item))
            self.query_one("#right-body", Static).update(fact(item))

    def advance(self, drop: bool) -> None:
        if drop and self.current is not None:
            del self.items[self.position]
        elif self.items:
            self.position = (self.position + 1) % len(self.items)
        self.position = min(self.position, max(0, len(self.items) - 1))
        self.render_current()

    def action_skip(self) -> None:
        self.advance(drop=False)

    def action_decide(self, verdict: str) -> None:
        item = self.current
        if item is not None:
            self.decide(item, verdict)

    @work(thread=True, exclusive=True, group="decide", exit_on_error=False)
    def decide(self, item: MoveRow | MergeCase, verdict: str) -> None:
        from movesboard.models.views import MergeCase

        app = self.movesboard
        with app.reporting_errors("Could not record the decision"):
            if isinstance(item, MergeCase):
                app.data.judge(item, "same" if verdict == "accept" else "different")
            else:
                app.data.set_move_status(
                    item.id, "confirmed" if verdict == "accept" else "rejected"
                )
            app.call_from_thread(self.decided, item, verdict)

    def decided(self, item: MoveRow | MergeCase, verdict: str) -> None:
        # By identity, not `is`: a live re-read may have replaced the row meanwhile.
        if self.current is not None and identity(self.current) == identity(item):
            self.advance(drop=True)
        self.notify(f"{verdict}ed; u undoes", timeout=2)
        self.load_history()

    @work(thread=True, exclusive=True, group="decide", exit_on_error=False)
    def action_undo(self) -> None:
        app = self.movesboard
        with app.reporting_errors("Could not undo"):
            undone = app.data.undo()
            app.call_from_thread(self.notify, undone or "Nothing to undo", timeout=3, markup=False)
            moves, merges = app.data.review()
            app.call_from_thread(self.show, [*moves, *merges])
        self.load_history()

    def copy_text(self) -> str | None:
        from movesboard.models.views import MergeCase

        from .timeline_pane import move_text

        item = self.current
        if isinstance(item, MergeCase):
            return f"{item.atom.name} ~ {item.candidate.name} ({item.reason})"
        return move_text(item) if item is not None else None

    def action_open(self) -> None:
        from movesboard.models.views import MergeCase

        item = self.current
        if item is not None:
            person = item.candidate.person_id if isinstance(item, MergeCase) else item.person_id
            self.post_message(OpenTarget(Target("person", person)))


def identity(item: MoveRow | MergeCase) -> tuple[str, ...]:
    """What stays the same for an item across two reads of the queue (the rows
    themselves are new objects, and a move's status or a side's quotes may differ)."""
    from movesboard.models.views import MergeCase

    if isinstance(item, MergeCase):
        return ("merge", item.atom_uid, item.candidate_uid)
    return ("move", str(item.id))


def history(rows: list[DecisionRow]) -> RenderableType:
    """The latest decisions, one line each: when, who, what (struck out when undone)."""
    if not rows:
        return muted("No decisions yet.")
    table = grid(16, 12, 0)
    for row in rows:
        what = plain(row.text, "strike dim" if row.undone else "")
        table.add_row(
            muted(f"{row.decided_at.astimezone():%Y-%m-%d %H:%M}"),
            plain(row.decided_by or "unrecorded", "bold" if row.decided_by else DIM),
            what,
        )
    return Group(muted("Recent decisions"), table)


def evidence(move: MoveRow) -> RenderableType:
    published = move.published.isoformat() if move.published else "undated"
    return Group(
        Text.assemble("“", plain(move.evidence, single_line=False), "”"),
        Text.assemble(muted("\n— "), plain(move.article_title, DIM), muted(f" ({published})")),
    )


def fact(move: MoveRow) -> RenderableType:
    table = grid(10, 0)
    table.add_row(muted("Person"), plain(move.person, "bold"))
    table.add_row(muted("Move"), move_summary(move))
    table.add_row(muted("Role"), plain(move.role or "—"))
    table.add_row(muted("When"), when(move))
    table.add_row(muted("Status"), plain(move.status))
    return table


def side(person: Side) -> RenderableType:
    parts: list[RenderableType] = [plain(person.name, "bold")]
    if person.aliases:
        parts.append(Text.assemble(muted("also: "), plain(", ".join(person.aliases), DIM)))
    parts.append(section("Moves"))
    parts += [plain(line) for line in person.moves] or [muted("none recorded")]
    parts.append(section("Named in"))
    for title, quote in person.quotes:
        parts.append(
            Text.assemble(plain(title, "italic"), "\n  “", plain(quote, single_line=False), "”")
        )
    return Group(*parts)
