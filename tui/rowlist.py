"""A virtual list of table rows: only the lines on screen are ever rendered.

DataTable measures and stores every row it is given (about 8.6 s for 100k rows
on the UI thread); this list keeps plain Python rows and renders a line when it
is painted, so loading more rows, or inserting new ones anywhere, costs almost
nothing. Rows may carry a group label: a heading line is drawn where it changes.
Rows marked fresh (just arrived) get a marker in the first column.

The column labels are the list's own first line, fixed while the rows scroll,
and a list that has been loaded with no rows shows its empty message instead:
no extra widgets to mount and style at start-up.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

# label, width (0: takes what is left) and, optionally, the width a column may
# give up room down to when the flexible one is squeezed (issue 13: "Meta
# Superintellig…" while a short name had room).
Columns = Sequence[tuple[str, int] | tuple[str, int, int]]
# The flexible column's width before the others give up room for it: a move
# between two long names ("OpenAI → Meta Superintelligence Labs").
FILL_WANTED = 36
GAP = 2
MARK = 2  # the fresh-row marker column
HEADER = 1  # the column labels' line, above the rows


@dataclass(frozen=True, slots=True)
class Row:
    key: Hashable
    cells: tuple[Text, ...]
    value: Any = None
    group: str | None = None  # a heading is drawn above the first row of each group
    fresh: bool = False


class RowList(ScrollView, can_focus=True):
    """Rows of cells under a cursor; enter selects the row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rowlist--cursor",
        "rowlist--group",
        "rowlist--fresh",
    }
    DEFAULT_CSS = """
    RowList {
        background: transparent;
        overflow-x: hidden;  /* cells are cut to the width: nothing to scroll to */
        & > .rowlist--cursor { background: $block-cursor-blurred-background; }
        &:focus > .rowlist--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .rowlist--group { color: $text-accent; text-style: bold; }
        & > .rowlist--fresh { color: $text-success; text-style: bold; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", id="list.up", show=False),
        Binding("down,j", "move(1)", "Down", id="list.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="list.page_up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="list.page_down", show=False),
        Binding("home,g", "move(-1_000_000_000)", "First", id="list.first", show=False),
        Binding("end,G", "move(1_000_000_000)", "Last", id="list.last", show=False),
        Binding("enter", "select", "Open", id="list.open"),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    class Moved(Message):
        """The cursor moved; panes load the next page when it nears the end."""

        def __init__(self, index: int, count: int) -> None:
            super().__init__()
            self.index = index
            self.count = count

    def __init__(
        self,
        columns: Columns,
        *,
        empty: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = columns
        self.empty = empty  # shown once rows were set and there are none
        self.loaded = False  # until then the list is blank under its labels
        self.rows: list[Row] = []
        self._base_style = Style()  # set by each paint (render_lines)
        self._content_width = 0
        self._needed: list[int] = []  # the widest cell of each column (see _layout)
        self._empty_wrapped: tuple[int, list[Text]] = (-1, [])
        self._lines: list[int] = []  # row index per line; -1 - i for the heading of row i
        self._line_of: list[int] = []  # line per row

    # ------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None

    def set_rows(self, rows: Sequence[Row], *, keep: Hashable | None = None) -> None:
        """Replace the rows; the cursor stays on the row with key `keep` if it is still here."""
        self.rows = list(rows)
        self.loaded = True
        self._layout()
        index = next((i for i, row in enumerate(self.rows) if row.key == keep), 0)
        self.cursor_row = min(index, max(0, len(self.rows) - 1)) if keep is not None else 0
        if keep is None:
            self.scroll_to(y=0, animate=False)

    def extend(self, rows: Sequence[Row]) -> None:
        self.rows.extend(rows)
        self._layout()
        self.refresh()

    def replace(self, rows: Sequence[Row]) -> None:
        """New rows in place of the old, the cursor on the same row, the view where it was.

        Lines inserted above the top of the view scroll it down by as much, so
        what the user is looking at does not move.
        """
        current = self.current
        top_row = self._row_at_line(int(self.scroll_y))
        top_key = self.rows[top_row].key if top_row is not None else None
        offset = int(self.scroll_y) - (self._line_of[top_row] if top_row is not None else 0)
        self.rows = list(rows)
        self.loaded = True
        self._layout()
        keys = {row.key: index for index, row in enumerate(self.rows)}
        if top_key in keys:
            self.scroll_to(y=self._line_of[keys[top_key]] + offset, animate=False)
        if current is not None and current.key in keys:
            self.set_reactive(RowList.cursor_row, keys[current.key])
        self.refresh()

    def _layout(self) -> None:
        # The widest cell of each column: what a column may give up is what its cells leave.
        self._needed = [
            max((row.cells[i].cell_len for row in self.rows if i < len(row.cells)), default=0)
            for i in range(len(self.columns))
        ]
        self._lines, self._line_of = [], []
        group: str | None = None
        for index, row in enumerate(self.rows):
            if row.group is not None and row.group != group:
                self._lines.append(-1 - index)
            group = row.group
            self._line_of.append(len(self._lines))
            self._lines.append(index)
        self.virtual_size = Size(self.size.width, len(self._lines) + HEADER)

    @property
    def body_height(self) -> int:
        """Lines of rows on screen: the view less the column labels."""
        return max(0, self.scrollable_content_region.height - HEADER)

    def _row_at_line(self, line: int) -> int | None:
        if not self._lines:
            return None
        entry = self._lines[max(0, min(line, len(self._lines) - 1))]
        return entry if entry >= 0 else -1 - entry

    # ------------------------------------------------------------ keys

    def watch_cursor_row(self, index: int) -> None:
        if not self.rows:
            return
        line = self._line_of[index]
        top = line - 1 if line and self._lines[line - 1] < 0 else line  # keep its heading
        height = self.body_height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif height and line >= self.scroll_y + height:
            self.scroll_to(y=line - height + 1, animate=False)
        self.refresh()
        self.post_message(self.Moved(index, len(self.rows)))

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor_row = max(0, min(len(self.rows) - 1, self.cursor_row + step))

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.body_height - 1))

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # None on the border or scrollbar
        if offset is None or offset.y < HEADER:
            return
        line = int(self.scroll_y) + offset.y - HEADER
        index = self._row_at_line(line)
        if index is None or line >= len(self._lines):
            return
        if index == self.cursor_row and event.chain >= 2:
            self.action_select()
        self.cursor_row = index

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._lines) + HEADER)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ------------------------------------------------------------ painting

    def widths(self, total: int) -> list[int]:
        """Each column's width in `total` cells: the flexible one takes what is
        left, and when that is less than its cells need (up to FILL_WANTED), the
        columns that may shrink give room, the last first: first what their own
        cells leave unused, then down to their least."""
        widths = [column[1] for column in self.columns]
        room = total - MARK - GAP * (len(self.columns) - 1) - 1
        needed = self._needed or [FILL_WANTED] * len(widths)
        want = min(FILL_WANTED, max(needed[i] for i, width in enumerate(widths) if not width))
        floors = (
            [max(_least(c), needed[i]) for i, c in enumerate(self.columns)],
            [_least(c) for c in self.columns],
        )
        for floor in floors:
            for index in reversed(range(len(widths))):
                short = want - (room - sum(widths))
                if short <= 0:
                    break
                widths[index] -= min(short, max(0, widths[index] - floor[index]))
        fill = max(8, room - sum(widths))
        return [width or fill for width in widths]

    def header(self, total: int) -> Text:
        """The column labels, aligned with the cells."""
        labels = tuple(Text(column[0]) for column in self.columns)
        line = self._cells_line(labels, self.widths(total), "  ")
        line.stylize("bold dim")
        return line

    def empty_line(self, y: int, width: int) -> Text:
        """Line `y` of the empty message, set in from the edges by one line and two cells."""
        if self._empty_wrapped[0] != width:  # wrapped once per width, not per line painted
            wrapped = Text(self.empty).wrap(self.app.console, max(1, width - 4))
            self._empty_wrapped = (width, list(wrapped))
        lines = self._empty_wrapped[1]
        if not 1 <= y <= len(lines):
            return Text()
        message = lines[y - 1].copy()
        message.stylize("dim")
        return Text("  ").append_text(message)

    def _cells_line(self, cells: tuple[Text, ...], widths: list[int], mark: str) -> Text:
        line = Text(mark, no_wrap=True)
        for index, (cell, width) in enumerate(zip(cells, widths, strict=False)):
            if index:
                line.append(" " * GAP)
            cell = cell.copy()
            cell.truncate(width, overflow="ellipsis", pad=cell.justify != "right")
            if cell.justify == "right":
                line.append(" " * (width - cell.cell_len))
            line.append_text(cell)
        return line

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's base style costs ~35 µs to work out; once per paint, not per line.
        self._base_style = self.rich_style
        self._content_width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._content_width
        base = self._base_style
        line_index = int(self.scroll_y) + y - HEADER
        if self.loaded and not self.rows:
            text = self.empty_line(y, width)
        elif y < HEADER:
            text = self.header(width)
        elif line_index >= len(self._lines):
            return Strip.blank(width, base)
        elif (entry := self._lines[line_index]) < 0:
            group = self.rows[-1 - entry].group or ""
            text = Text(f" {group}", style=self.get_component_rich_style("rowlist--group"))
        else:
            row = self.rows[entry]
            mark = Text("● " if row.fresh else "  ")
            if row.fresh:
                mark.stylize(self.get_component_rich_style("rowlist--fresh"))
            text = self._cells_line(row.cells, self.widths(width), "")
            text = Text.assemble(mark, text)
            if entry == self.cursor_row:
                text.pad_right(width)
                text.stylize(self.get_component_rich_style("rowlist--cursor"))
        text.stylize_before(base)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, base)


def _least(column: tuple[str, int] | tuple[str, int, int]) -> int:
    """The narrowest a column may become (its width unless it says otherwise)."""
    return column[2] if len(column) == 3 else column[1]
