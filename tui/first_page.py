"""The dashboard's first page, remembered between launches (issue 14).

Importing SQLAlchemy and SQLModel takes ~0.5 s, so a dashboard that reads its
first rows through them shows an empty frame for a second. After each full
load the dashboard writes what it showed (counts and the first page of every
pane) to the user's cache folder, stamped with the database's schema revision
and its newest change (id and commit time). On the next launch the stamp is
read again with the standard library's sqlite3, and the page is shown in the
first frame only if the stamp is the same: every write notes a change
(models/changes.py), so the same newest change means the same data. The real
load follows as before and takes over; any doubt (another file, a newer
change, a broken cache file) means no remembered page, never a stale one.

SQLite files only: a PostgreSQL database needs its driver, and is shared by
writers that no cache here would hear about.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import typing
from pathlib import Path
from typing import Any

from movesboard.models import rows
from movesboard.models.db import resolve_url, sqlite_file

from .data import Overview

FORMAT = 1  # bump when the rows or this file's layout change
KEPT = 16  # pages of this many databases, the most recently shown; older ones go
_ROW_TYPES = {
    "articles": rows.ArticleRow,
    "people": rows.PersonRow,
    "organizations": rows.OrganizationRow,
    "timeline": rows.MoveRow,
}


@dataclasses.dataclass(frozen=True, slots=True)
class Stamp:
    """What identifies a database's state: equal stamps, equal data."""

    revision: str
    change_id: int
    committed_at: str  # tells a new file apart from an old one with as many changes


def recall(db: str | None, location: str) -> Overview | None:
    """The remembered first page of `db`, if it still shows what `db` holds
    (`location`: what the header calls the database)."""
    path = database_file(db)
    if path is None:
        return None
    try:
        saved = json.loads(cache_file(path).read_text("utf-8"))
        if saved.get("format") != FORMAT or saved.get("stamp") != _as_json(stamp(path)):
            return None
        return _overview(saved["overview"], location=location)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, sqlite3.Error):
        return None  # no cache yet, a half-written one, or a database it cannot read


def remember(db: str | None, overview: Overview) -> None:
    """Keep `overview` for the next launch, if it is the database's current state."""
    path = database_file(db)
    if path is None:
        return
    try:
        current = stamp(path)
        if current is None or current.change_id != overview.latest_change_id:
            return  # a change came in meanwhile: live updates will show it
        target = cache_file(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        content = {"format": FORMAT, "stamp": _as_json(current), "overview": _encode(overview)}
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(content), "utf-8")
        partial.replace(target)  # whole or not at all: a reader never sees half a file
        _forget_old(target.parent)
    except (OSError, sqlite3.Error):
        pass  # a cache: the next launch reads the database instead


def _forget_old(folder: Path) -> None:
    """Only the KEPT most recent pages stay: a user who opens many files (or a
    test suite's temporary ones) does not grow the cache without end."""
    pages = sorted(folder.glob("*.json"), key=lambda page: page.stat().st_mtime, reverse=True)
    for page in pages[KEPT:]:
        page.unlink(missing_ok=True)


def database_file(db: str | None) -> Path | None:
    """The SQLite file `db` names, resolved; None for other engines and in-memory ones."""
    url = resolve_url(db)
    if not url.startswith("sqlite:///"):
        return None
    name = sqlite_file(url)
    if not name or name == ":memory:" or "mode=memory" in url:
        return None
    path = Path(name)
    return path.resolve() if path.is_file() else None


def cache_file(path: Path) -> Path:
    import platformdirs

    key = hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    folder = platformdirs.user_cache_path("movesboard", appauthor=False) / "first-page"
    return folder / f"{key}.json"


def stamp(path: Path) -> Stamp | None:
    """The file's schema revision and newest change, read without writing anything."""
    uri = f"{path.as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=0.2)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        newest = connection.execute(
            "SELECT id, committed_at FROM change_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    if revision is None:
        return None
    change_id, committed_at = newest if newest is not None else (0, "")
    return Stamp(str(revision[0]), int(change_id), str(committed_at))


def _as_json(value: Stamp | None) -> Any:
    return None if value is None else dataclasses.asdict(value)


def _encode(overview: Overview) -> dict[str, Any]:
    out: dict[str, Any] = {"totals": dataclasses.asdict(overview.totals)}
    out["latest_change_id"] = overview.latest_change_id
    for name in _ROW_TYPES:
        out[name] = [_row_json(row) for row in getattr(overview, name)]
    return out


def _row_json(row: Any) -> dict[str, Any]:
    return {field.name: _json_value(getattr(row, field.name)) for field in dataclasses.fields(row)}


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _overview(saved: dict[str, Any], location: str) -> Overview:
    pages = {name: [_row(kind, item) for item in saved[name]] for name, kind in _ROW_TYPES.items()}
    return Overview(
        location=location,
        totals=rows.Totals(**saved["totals"]),
        latest_change_id=int(saved["latest_change_id"]),
        **pages,
    )


def _row(kind: type, saved: dict[str, Any]) -> Any:
    dates = _date_fields(kind)
    return kind(
        **{
            name: dt.date.fromisoformat(value) if name in dates and value else value
            for name, value in saved.items()
        }
    )


@functools.cache  # get_type_hints is slow, and asked once per row otherwise
def _date_fields(kind: type) -> frozenset[str]:
    hints = typing.get_type_hints(kind)
    return frozenset(
        name for name, hint in hints.items() if hint is dt.date or dt.date in typing.get_args(hint)
    )
