"""Untrusted text (titles, names, bodies, evidence) made safe to display.

Article content is data, never markup: it only ever reaches the screen as a
`rich.text.Text` built with the plain constructor, after terminal control
characters have been replaced with visible symbols.
"""

from __future__ import annotations

from rich.style import Style, StyleType
from rich.text import Text

from movesboard.untrusted import visible


def clean(value: object) -> str:
    """The value as a string with every control character made visible."""
    return visible(value, one_line=False)


def plain(value: object, style: StyleType = "", *, single_line: bool = True) -> Text:
    """A Text showing `value` literally; newlines folded to spaces for one-line cells."""
    text = clean(value)
    if single_line:
        text = " ".join(text.split())
    return Text(text, style=style, no_wrap=single_line, overflow="ellipsis")


def join(*parts: Text | str, separator: str = "") -> Text:
    """Concatenate Text parts; `str` parts are our own labels and are also taken literally."""
    result = Text()
    for index, part in enumerate(parts):
        if index and separator:
            result.append(separator)
        result.append_text(part if isinstance(part, Text) else Text(part))
    return result


DIM = Style(dim=True)
