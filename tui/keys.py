"""Binding ids: the names `[keys]` in the config file remaps (issue 13).

Every binding a user may want elsewhere has an id ("app.quit",
"timeline.filter"); `?` shows them beside the keys in force. An id the
config names that no binding has is a warning, not a silent no-op.
"""

from __future__ import annotations

from textual.binding import Binding


def binding_ids() -> dict[str, str]:
    """Every binding id of the app's screens and widgets, with what it does."""
    from .app import MovesboardApp
    from .dashboard import DashboardScreen
    from .detail import DetailScreen, LinkList, Reader
    from .filter_screen import FilterScreen
    from .help_screen import HelpScreen
    from .ingest_screen import IngestScreen
    from .lookup_screen import LookupScreen
    from .review_screen import ReviewScreen
    from .rowlist import RowList
    from .timeline_pane import TimelinePane

    owners = (
        MovesboardApp,
        DashboardScreen,
        TimelinePane,
        RowList,
        DetailScreen,
        Reader,
        LinkList,
        ReviewScreen,
        LookupScreen,
        FilterScreen,
        HelpScreen,
        IngestScreen,
    )
    return {
        binding.id: binding.description
        for owner in owners
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


def unknown(keymap: dict[str, str]) -> list[str]:
    """The ids in `keymap` that no binding has."""
    known = binding_ids()
    return sorted(set(keymap) - set(known))
