"""The given-names list (data/given_names.toml), loaded once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from .normalize import fold


@cache
def given_names() -> frozenset[str]:
    raw = resources.files(__package__).joinpath("data/given_names.toml").read_text("utf-8")
    return frozenset(fold(n) for n in tomllib.loads(raw)["names"])
