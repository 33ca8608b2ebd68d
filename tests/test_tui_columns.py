"""Column priorities: short of room, the columns that may shrink give way
(the last first) before the flexible one is squeezed (issue 13)."""

from __future__ import annotations

from rich.text import Text

from movesboard.tui.rowlist import FILL_WANTED, Row, RowList
from movesboard.tui.timeline_pane import TimelinePane


def widths(total: int) -> list[int]:
    return RowList(TimelinePane.COLUMNS).widths(total)


def test_wide_enough_everything_keeps_its_width() -> None:
    when, person, move, role = widths(120)
    assert (when, person, role) == (11, 16, 14) and move > FILL_WANTED


def test_role_gives_way_first_then_person_down_to_their_least() -> None:
    when, person, move, role = widths(78)  # half of a 160-column terminal
    assert (when, person, role) == (11, 16, 6) and move == FILL_WANTED
    when, person, move, role = widths(60)
    assert (when, person, role) == (11, 12, 6)  # both at their least
    assert move == 60 - 2 - 3 * 2 - 1 - (11 + 12 + 6)  # everything left


def test_columns_give_first_what_their_cells_leave_unused() -> None:
    rows = RowList(TimelinePane.COLUMNS)
    cells = ("2025-07", "Jo Li", "A → B", "chief scientist")
    rows.rows = [Row(1, tuple(Text(cell) for cell in cells))]
    rows._layout()
    _, person, move, role = rows.widths(78)
    assert role == 14 and move >= len("A → B")  # a short move takes no room from the role
    long = ("2025-07", "Jo Li", "OpenAI → Meta Superintelligence Labs", "chief scientist")
    rows.rows = [Row(1, tuple(Text(cell) for cell in long))]
    rows._layout()
    _, person, move, role = rows.widths(78)
    assert person == 12 and move == FILL_WANTED  # Person's unused cells first, then Role
