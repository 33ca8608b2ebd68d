"""Text that came from outside (articles, feeds, file names, URLs), made safe.

Two gates, one character set.  `strip` cleans a string once, where it enters
(`ingest/`), before anything is stored.  `visible` is for every way out to a
terminal or a spreadsheet (CLI lines, toasts, exports): it shows whatever an
older database or a raw file name still holds as harmless symbols.  Between
them no source can drive the terminal: no escape sequences (a window title,
the clipboard through OSC 52), no C1 controls (`\\x9b` is CSI on its own) and
no bidirectional overrides that reorder what a line seems to say.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, the C1 range, and the bidi
# embeddings, overrides and isolates (LRE..RLO, LRI..PDI).
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
_UNSAFE_LINE_RE = re.compile(f"[{_UNSAFE}\n]")
_SPACES = re.compile(r"\s+")
_SYMBOLS = {0x1B: "␛", 0x7F: "␡", 0x0A: "␤"}


def strip(text: str) -> str:
    """`text` with Unix newlines and without unsafe characters (for storing)."""
    return _UNSAFE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def strip_line(value: object) -> str | None:
    """A one-line field (title, site, URL): unsafe characters dropped, runs
    of whitespace (newlines included) folded to one space; None when empty."""
    if value is None:
        return None
    text = _SPACES.sub(" ", strip(str(value))).strip()
    return text or None


def _symbol(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _SYMBOLS:
        return _SYMBOLS[code]
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def visible(value: object, *, one_line: bool = True) -> str:
    """`value` as a string with every unsafe character shown as a symbol
    (␛, ␇, �); with `one_line`, newlines too, so no source can forge a line."""
    pattern = _UNSAFE_LINE_RE if one_line else _UNSAFE_RE
    return pattern.sub(_symbol, "" if value is None else str(value))


def has_unsafe(text: str) -> bool:
    return _UNSAFE_RE.search(text) is not None
