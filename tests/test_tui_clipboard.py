"""The dashboard says "Copied" only where the terminal is known to honour OSC 52,
and what to check elsewhere (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_fixtures import make_app, settle, sync

from movesboard.tui.clipboard import caveat


def test_known_terminals_and_tmux_get_a_caveat() -> None:
    assert caveat({"TERM": "xterm-kitty"}) is None
    vte = caveat({"VTE_VERSION": "7600"})
    assert vte is not None and "GNOME Terminal" in vte
    apple = caveat({"TERM_PROGRAM": "Apple_Terminal"})
    assert apple is not None and "macOS Terminal" in apple
    assert caveat({"TERM_PROGRAM": "iTerm.app"}) is None
    tmux = caveat({"TMUX": "/tmp/tmux-0/default,1,0"})
    assert tmux is not None and "set-clipboard" in tmux


@pytest.mark.parametrize(
    ("environment", "title"), [({}, "Copied"), ({"VTE_VERSION": "7600"}, "Maybe not copied")]
)
@sync
async def test_the_copy_toast_says_when_it_may_not_have_arrived(
    tui_fixture_db: Path, environment: dict[str, str], title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("VTE_VERSION", "TMUX", "TERM_PROGRAM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    app = make_app(tui_fixture_db)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("y")
        assert [n.title for n in app._notifications] == [title]
