"""`f` on the timeline: narrow it by person, organisation, date range, status, language.

Names are typed, not picked: they are resolved with the same fuzzy lookup as
`/` when the filter is applied, and the title says what they resolved to.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

if TYPE_CHECKING:
    from movesboard.models.views import TimelineFilter

    from .data import DataSource

STATUS_CHOICES = [("pending", "pending"), ("confirmed", "confirmed")]
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


class FilterError(ValueError):
    """A filter field that cannot be understood; str() says which and why."""


@dataclass(frozen=True, slots=True)
class FilterForm:
    """What the user typed; `resolve` turns it into a TimelineFilter."""

    person: str = ""
    organization: str = ""
    since: str = ""
    until: str = ""
    status: str = ""
    language: str = ""

    def resolve(self, data: DataSource) -> tuple[TimelineFilter, str]:
        """(the filter, a description of it). Runs in a worker: names need a lookup."""
        from movesboard.models.views import TimelineFilter

        described = []
        person_id = organization_id = None
        for text, kind in ((self.person, "person"), (self.organization, "organization")):
            if text.strip():
                hit = data.find(text, kind)
                if hit is None:
                    raise FilterError(f"no {kind} matches {text!r}")
                described.append(hit.name)
                if kind == "person":
                    person_id = hit.id
                else:
                    organization_id = hit.id
        since = period(self.since, end=False)
        until = period(self.until, end=True)
        if since or until:
            described.append(f"{self.since.strip() or '…'}–{self.until.strip() or '…'}")
        described += [value for value in (self.status, self.language.strip()) if value]
        where = TimelineFilter(
            person_id=person_id,
            organization_id=organization_id,
            since=since,
            until=until,
            status=self.status or None,
            language=self.language.strip().lower() or None,
        )
        return where, ", ".join(described)


def period(text: str, *, end: bool) -> dt.date | None:
    """2025, 2025-07 or 2025-07-16 as its first day (or last day when `end`)."""
    text = text.strip()
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        raise FilterError(f"{text!r} is not a date: write 2025, 2025-07 or 2025-07-16")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)  # the pattern always has a year
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    try:
        if month is not None and day is not None:
            return dt.date(year, month, day)
        if month is not None:
            first = dt.date(year, month, 1)
            following = dt.date(year + (month == 12), month % 12 + 1, 1)
            return following - dt.timedelta(days=1) if end else first
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError as error:
        raise FilterError(f"{text!r}: {error}") from None


# Not "status": the app-wide dashboard.tcss styles its header bar as `#status`
# (height 1), which squeezed this Select to its top edge.
STATUS_ID = "status-choice"


class StatusSelect(Select[str], inherit_bindings=False):
    """The Status field. Space, down or up open its list; `enter` is left to the
    screen, so that it applies the filter here as from every other field.
    Inside the open list `enter` chooses (the list's own binding)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,down,up", "show_overlay", "Show menu", show=False),
    ]


class FilterScreen(ModalScreen[FilterForm | None]):
    CSS_PATH = "filter_screen.tcss"
    AUTO_FOCUS = "#person"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel"),
        # Not a priority binding: one would run as soon as the app reads the key,
        # before the Input has handled the keys typed just ahead of it (a fast
        # typist's filter was lost), and before an open Select list could take
        # it. As it is, the Inputs submit (see on_input_submitted), the open list
        # chooses, and only the closed Status select lets it reach this binding.
        Binding("enter", "apply", "Apply"),
        Binding("ctrl+r", "reset", "Clear all"),
    ]

    def __init__(self, form: FilterForm) -> None:
        super().__init__()
        self.form = form

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical(id="filter") as box:
            box.border_title = "Filter the timeline"
            box.border_subtitle = "enter applies · escape cancels"
            with Grid(id="fields"):
                yield Label("Person")
                yield Input(form.person, placeholder="any (fuzzy name)", id="person")
                yield Label("Organisation")
                yield Input(form.organization, placeholder="any (fuzzy name)", id="organization")
                yield Label("From")
                yield Input(form.since, placeholder="2024, 2024-06 or 2024-06-01", id="since")
                yield Label("To")
                yield Input(form.until, placeholder="2025, 2025-07 or 2025-07-16", id="until")
                yield Label("Status")
                yield StatusSelect(
                    STATUS_CHOICES, value=form.status or Select.NULL, prompt="any", id=STATUS_ID
                )
                yield Label("Language")
                yield Input(form.language, placeholder="any (en, id, …)", id="language")
            yield Static(id="problem", markup=False)

    def read(self) -> FilterForm:
        values = {
            field.name: self.query_one(f"#{field.name}", Input).value
            for field in fields(FilterForm)
            if field.name != "status"
        }
        status = self.query_one(f"#{STATUS_ID}", Select).value
        return FilterForm(**values, status=status if isinstance(status, str) else "")

    def on_key(self, event: events.Key) -> None:
        # Keys typed while the dialog was being built reach the screen, not the
        # Input it then focuses (the app forwards them before focus exists);
        # they belong in the focused field. Keys an Input handled never bubble
        # here: it stops the printable ones.
        field = self.focused
        if isinstance(field, Input) and event.is_printable and event.character:
            event.stop()
            field.insert_text_at_cursor(event.character)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # The Input posts this after handling every key typed before `enter`,
        # so the fields read now hold all of them.
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        form = self.read()
        try:  # dates are checked at once; names need the database (a worker)
            period(form.since, end=False), period(form.until, end=True)
        except FilterError as error:
            self.problem(str(error))
            return
        if form.person.strip() or form.organization.strip():
            self.check_names(form)
        else:
            self.dismiss(form)

    @work(thread=True, exclusive=True, group="filter-names", exit_on_error=False)
    def check_names(self, form: FilterForm) -> None:
        """An unknown name is said here, the dialog staying open (issue 13), not
        in a toast naming an exception after the dialog closed."""
        from .data import describe_error

        app = self.app
        try:
            form.resolve(app.data)  # type: ignore[attr-defined]
        except FilterError as error:
            app.call_from_thread(self.problem, str(error))
            return
        except Exception as error:  # the database: say it here too
            app.call_from_thread(self.problem, describe_error(error))
            return
        app.call_from_thread(self.dismiss, form)

    def problem(self, message: str) -> None:
        self.query_one("#problem", Static).update(message)

    def action_reset(self) -> None:
        for field in self.query(Input):
            field.value = ""
        self.query_one(f"#{STATUS_ID}", Select).clear()
        self.form = replace(self.form, **{f.name: "" for f in fields(FilterForm)})
