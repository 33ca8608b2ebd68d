"""What panes, lists and screens tell the app: "open this"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.message import Message

Kind = Literal["article", "person", "organization"]


@dataclass(frozen=True, slots=True)
class Target:
    """Something with a detail view."""

    kind: Kind
    id: int


class OpenTarget(Message):
    """Ask the app to open a detail view; bubbles up to the app."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target
