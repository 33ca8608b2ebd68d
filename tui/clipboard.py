"""Whether a copy through the terminal (OSC 52) can be trusted to arrive.

Textual copies by asking the terminal (OSC 52), which works over ssh but
which some terminals ignore without a word, and which tmux passes on only
when told to. Nothing answers back, so the dashboard says "Copied" only where
the terminal is known to honour it, and says what to check elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# Terminals known to ignore OSC 52: what to tell their users.
_IGNORED = (
    ("VTE_VERSION", "GNOME Terminal and other VTE terminals ignore it"),
    ("TERM_PROGRAM=Apple_Terminal", "macOS Terminal ignores it"),
)


def caveat(environ: Mapping[str, str] | None = None) -> str | None:
    """Why the copy may not have reached the clipboard; None when it should have."""
    env = os.environ if environ is None else environ
    for marker, reason in _IGNORED:
        name, _, value = marker.partition("=")
        if name in env and (not value or env[name] == value):
            return f"sent to the terminal, but {reason} (OSC 52)"
    if "TMUX" in env:
        return "sent through tmux: it reaches the clipboard with `set -g set-clipboard on`"
    return None
