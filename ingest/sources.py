"""Turn the paths a user gives into the article files to read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

# In a folder, only these are articles (a corpus folder also holds README.md,
# gold.jsonl ...). A file named explicitly is read whatever its suffix.
ARTICLE_SUFFIXES = frozenset({".txt"})


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders recursively, article files only, in path order.

    Missing paths are yielded too, so the reader reports them by name.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path
