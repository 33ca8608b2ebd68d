"""Word lists loaded once: given names, places and product makers (data/*.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from .normalize import fold


@cache
def given_names() -> frozenset[str]:
    raw = resources.files(__package__).joinpath("data/given_names.toml").read_text("utf-8")
    return frozenset(fold(n) for n in tomllib.loads(raw)["names"])


@cache
def places() -> frozenset[str]:
    """Countries, regions and cities (data/places.toml), folded."""
    raw = resources.files(__package__).joinpath("data/places.toml").read_text("utf-8")
    return frozenset(fold(n) for n in tomllib.loads(raw)["places"])


@cache
def product_makers() -> dict[str, str]:
    """Product name -> the organisation that makes it (data/products.toml)."""
    raw = resources.files(__package__).joinpath("data/products.toml").read_text("utf-8")
    makers: dict[str, list[str]] = tomllib.loads(raw)["makers"]
    return {product: maker for maker, products in makers.items() for product in products}
