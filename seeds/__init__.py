"""The seed articles shipped with the package, and their metadata."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path


@dataclass(frozen=True, slots=True)
class SeedArticle:
    path: Path
    language: str
    published: dt.date


def seed_articles() -> list[SeedArticle]:
    folder = files(__name__)
    manifest = tomllib.loads(folder.joinpath("manifest.toml").read_text(encoding="utf-8"))
    return [
        SeedArticle(
            path=Path(str(folder.joinpath(entry["file"]))),
            language=entry["language"],
            published=entry["published"],
        )
        for entry in manifest["article"]
    ]
