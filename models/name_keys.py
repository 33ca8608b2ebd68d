"""The name index kept in the database: a `name_key` row per alias and token key.

Issue 14: an index held in memory had to be rebuilt by every process from the
alias table (3.9 s for `movesboard lookup` at a million names, 3.2 s before an
ingest process's first article, 364 MB in the dashboard). Here the blocking
keys live in one table beside the aliases, written in the same transaction as
each alias, and a query reads only the postings it needs by index seeks and
range scans. Scoring is models/index.py's own (`rank`), unchanged.

Why a table of keys, of the choices the issue names: it works alike on both
engines (SQLite's FTS5 trigram tables have no PostgreSQL twin short of the
pg_trgm extension, which a team's role may not be allowed to create, and they
key every 3-character substring, not the token, prefix and suffix keys the
scorer's candidates were tuned on); it is transactional for free (an mmap'd
file beside the database would need its own locking and its own way to leave
out a rolled-back article's names); and it needs nothing but a B-tree.
Measured at a million people (benchmarks/bench_lookup_process.py, SQLite):
+78 MB on a 1.0 GB file; `movesboard lookup` 0.5 s as a whole process (was
2.7 s), most of it Python and SQLAlchemy starting; a search 5-50 ms; the
dashboard 87 MB resident (was 367 MB); a first ingested article no later
than on an empty database plus ~0.3 s (was +3.4 s).

Keys, per alias and distinct folded token of two characters or more:

- ``=token``: the token itself;
- ``~nekot``: a token of four characters or more, reversed.

The in-memory index's affix keys are ranges of these, so one table serves all
three (NameIndex in models/index.py, whose results these agree with):

- a 3-character prefix "<abc" is the range of keys starting with ``=abc``;
- a 3-character suffix ">xyz" is the range starting with ``~zyx`` (only tokens
  longer than three have reversed keys, as only they have suffix keys);
- the number of distinct tokens carrying an affix (Budget.carriers) is the
  number of distinct keys in its range, counted by a loose index scan.

Hence PRIMARY KEY (key, alias_id), a table WITHOUT ROWID on SQLite (the table
is its index: ~4.6M rows at a million names), and the key in byte order on
PostgreSQL (COLLATE "C": in a language's collation a range of keys is not a
prefix). No foreign key to alias: a cascade would need a second index on
alias_id, kept up at every insert, for deletes that happen only at a rebuild
or a re-extraction, which delete their keys themselves (`forget`). A key whose
alias is gone is harmless: candidates are read back through the alias table.

Visibility follows the transaction that reads: another writer's uncommitted
aliases are never seen; the reader's own are (resolution leaves out the atoms
of the article it is resolving, as the in-memory index never held them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from .index import (
    LOOKUP,
    ORGANIZATION,
    PERSON,
    Budget,
    Candidate,
    IndexHit,
    rank,
    rarest_first,
)
from .names import fold

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

TOKEN = "="
REVERSED = "~"
TOP = "\U0010ffff"  # sorts after every character: a range's end

# Statements in the qmark style; `Cursor` turns them into psycopg's.
_INSERT = "INSERT INTO name_key (key, alias_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
_DELETE = "DELETE FROM name_key WHERE key = ? AND alias_id = ?"
# Distinct keys in a range, at most `cap` of them: each step seeks the next key
# after the last one, so a range of a few tokens with many postings costs a
# few seeks.
_CARRIERS = """
WITH RECURSIVE carrier(key, n) AS (
    SELECT min(key), 1 FROM name_key WHERE key >= ? AND key < ?
    UNION ALL
    SELECT (SELECT min(key) FROM name_key WHERE key > carrier.key AND key < ?), n + 1
    FROM carrier WHERE carrier.key IS NOT NULL AND n < ?
)
SELECT count(key) FROM carrier
"""
_ALIASES = "SELECT id, person_id, organization_id, norm FROM alias WHERE id IN ({marks})"
_ALL_ALIASES = "SELECT id, norm FROM alias"
_COUNT_ALIASES = "SELECT count(*) FROM alias"


def keys(norm: str) -> list[str]:
    """The keys a folded alias is filed under."""
    out = []
    for token in dict.fromkeys(norm.split()):  # distinct, in order
        if len(token) < 2:  # initials block nothing
            continue
        out.append(TOKEN + token)
        if len(token) > 3:
            out.append(REVERSED + token[::-1])
    return out


def rows(aliases: Iterable[tuple[int, str]]) -> Iterator[tuple[str, int]]:
    """(key, alias id) rows for (alias id, folded alias) pairs."""
    for alias_id, norm in aliases:
        for key in keys(norm or ""):
            yield key, alias_id


class Cursor:
    """The driver's own cursor (SQLAlchemy Row objects cost several times a
    small query), with statements written once in the qmark style.

    For the statements an ingested article runs dozens of times (resolution,
    aliases, ties): through the ORM each cost ~0.3 ms of Python, building,
    caching and compiling it. It does not flush the ORM session: read only
    rows written by statements, not pending ORM objects."""

    def __init__(self, connection: Connection) -> None:
        self._cursor = connection.connection.cursor()
        self._qmark = connection.dialect.name == "sqlite"
        # Ids of a select, joined by commas into one string.
        self.id_list = (
            "group_concat(alias_id)" if self._qmark else "string_agg(CAST(alias_id AS TEXT), ',')"
        )

    def _sql(self, statement: str) -> str:
        return statement if self._qmark else statement.replace("?", "%s")

    def all(self, statement: str, *params: Any) -> Sequence[Any]:
        self._cursor.execute(self._sql(statement), params)
        return self._cursor.fetchall()

    def first(self, statement: str, *params: Any) -> Any:
        """The first column of the first row, or None without rows."""
        self._cursor.execute(self._sql(statement), params)
        row = self._cursor.fetchone()
        return None if row is None else row[0]

    def one(self, statement: str, *params: Any) -> Any:
        self._cursor.execute(self._sql(statement), params)
        row = self._cursor.fetchone()
        assert row is not None, "an aggregate always returns one row"
        return row[0]

    def many(self, statement: str, params: Iterable[Sequence[Any]]) -> None:
        self._cursor.executemany(self._sql(statement), list(params))

    def close(self) -> None:
        self._cursor.close()

    def __enter__(self) -> Cursor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write(connection: Connection, aliases: Iterable[tuple[int, str]]) -> None:
    """File (alias id, folded alias) pairs under their keys, in the caller's transaction."""
    _for_each_key(connection, _INSERT, aliases)


def forget(connection: Connection, aliases: Iterable[tuple[int, str]]) -> None:
    """Drop the keys of (alias id, folded alias) pairs whose aliases are being deleted.

    A key left behind would name whatever alias later takes the same id
    (SQLite reuses the highest ones).
    """
    _for_each_key(connection, _DELETE, aliases)


def _for_each_key(
    connection: Connection, statement: str, aliases: Iterable[tuple[int, str]]
) -> None:
    """Run `statement` once per (key, alias id) of the aliases, in one batch."""
    batch = list(rows(aliases))
    if batch:
        cursor = Cursor(connection)
        try:
            cursor.many(statement, batch)
        finally:
            cursor.close()


def backfill(connection: Connection, chunk: int = 50_000) -> int:
    """Key every stored alias (a database from before revision 0010); returns the rows written.

    Rows go in in key order, so the B-tree grows at its end instead of
    splitting pages all over (about 4x faster at a million aliases).
    """
    cursor = Cursor(connection)
    try:
        batch = sorted(rows(cursor.all(_ALL_ALIASES)))
        for start in range(0, len(batch), chunk):
            cursor.many(_INSERT, batch[start : start + chunk])
    finally:
        cursor.close()
    return len(batch)


@dataclass(slots=True)
class Block:
    """The postings one query key selects: a single key, or a range of keys
    (an affix) without the query token's own key (read as a block of its own)."""

    low: str
    high: str | None = None  # None: the key `low` alone
    own: str = ""
    size: int = 0
    common: bool | None = None  # carried by too many tokens? (asked once)

    def count(self, cursor: Cursor, cap: int | None = None) -> int:
        statement, *params = self._select("1")
        if cap is not None:
            statement = f"{statement} LIMIT {int(cap)}"
        return int(cursor.one(f"SELECT count(*) FROM ({statement}) AS postings", *params))

    def read(self, cursor: Cursor) -> list[int]:
        # One string of ids, not a row each: a third less time for the tens of
        # thousands of postings a lookup may read.
        joined = cursor.one(*self._select(cursor.id_list))
        if not joined:
            return []
        found = list(map(int, joined.split(",")))
        # A range comes in key order, token by token: by alias id instead, the
        # candidates kept when counts tie are a sample of every token, not all
        # of the alphabetically first one ("shazer" finding only "sharma").
        # A single key's postings come in its index order already, by alias id.
        return found if self.high is None else sorted(found)

    def _select(self, what: str) -> tuple[str, ...]:
        """The statement, then its parameters."""
        if self.high is None:
            return f"SELECT {what} FROM name_key WHERE key = ?", self.low
        return (
            f"SELECT {what} FROM name_key WHERE key >= ? AND key < ? AND key <> ?",
            self.low,
            self.high,
            self.own,
        )


def blocks(needle: str) -> list[Block]:
    """The blocks of a folded query: per token, itself, then its prefix and suffix ranges."""
    out = []
    for token in dict.fromkeys(needle.split()):
        if len(token) < 2:
            continue
        own = TOKEN + token
        out.append(Block(own))
        if len(token) >= 3:
            prefix = TOKEN + token[:3]
            out.append(Block(prefix, prefix + TOP, own))
        if len(token) > 3:
            suffix = REVERSED + token[-3:][::-1]
            out.append(Block(suffix, suffix + TOP, REVERSED + token[::-1]))
    return out


def _too_common(block: Block, cursor: Cursor, budget: Budget) -> bool:
    """An affix carried by more distinct tokens than the budget allows blocks nothing.

    Each token carries at least one posting, so only a range with that many
    postings needs its tokens counted; the answer is kept on the block.
    """
    if block.high is None or block.size < budget.carriers:
        return False
    if block.common is None:
        cap = budget.carriers + 1
        carriers = int(cursor.one(_CARRIERS, block.low, block.high, block.high, cap))
        block.common = carriers > budget.carriers
    return block.common


class StoredIndex:
    """The name index as the database keeps it, read through one connection.

    Searches like NameIndex.search (same blocking, same budgets, same scorer);
    nothing is loaded beforehand, so a process answers its first query at once.
    """

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def __len__(self) -> int:
        cursor = Cursor(self.connection)
        try:
            return int(cursor.one(_COUNT_ALIASES))
        finally:
            cursor.close()

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        kind: str | None = None,
        folded: bool = False,
        budget: Budget = LOOKUP,
        exclude: Collection[int] = (),
    ) -> list[IndexHit]:
        """Best entities for `query`, one hit per entity, best first.

        `exclude`: person atoms to leave out (those of the article being resolved).
        """
        needle = query if folded else fold(query)
        cursor = Cursor(self.connection)
        try:
            counts = _counts(cursor, needle, budget)
            candidates = _candidates(cursor, counts, kind, budget, exclude)
        finally:
            cursor.close()
        return rank(needle, candidates, limit=limit, budget=budget)


def _counts(cursor: Cursor, needle: str, budget: Budget) -> Counter[int]:
    """Alias id -> how many of the chosen blocks name it."""
    found = [block for block in blocks(needle) if _sized(block, cursor, budget.read + 1)]
    read = _plan(found, cursor, budget)
    if read and found[read[0]].size > budget.read:
        # Only that block is read, and sizes counted up to the cap cannot tell
        # which of those above it is the rarest.
        for block in found:
            if block.size > budget.read:
                _sized(block, cursor, None)
        read = _plan(found, cursor, budget)
    return Counter(chain.from_iterable(found[at].read(cursor) for at in read))


def _plan(found: list[Block], cursor: Cursor, budget: Budget) -> list[int]:
    return rarest_first(
        [block.size for block in found],
        budget,
        lambda at: not _too_common(found[at], cursor, budget),
    )


def _sized(block: Block, cursor: Cursor, cap: int | None) -> int:
    """Count the block's postings, up to `cap` of them (a block above the read
    budget is read only if it is the rarest: counting it to the end costs a
    scan of a key that may be in every tenth name)."""
    block.size = block.count(cursor, cap)
    return block.size


def _candidates(
    cursor: Cursor,
    counts: Counter[int],
    kind: str | None,
    budget: Budget,
    exclude: Collection[int],
) -> list[Candidate]:
    """The aliases named by most blocks, of the kind asked for, read back from `alias`.

    In batches: most of the best-counted are of the kind asked for, so the
    first batch usually suffices.
    """
    wanted = None if kind is None else PERSON if kind == "person" else ORGANIZATION
    ranked = iter(
        counts.most_common()
        if wanted is not None or exclude
        else counts.most_common(budget.candidates)
    )
    out: list[Candidate] = []
    while len(out) < budget.candidates:
        batch = [alias_id for alias_id, _ in islice(ranked, 2 * budget.candidates)]
        if not batch:
            break
        out.extend(_read_back(cursor, batch, wanted, exclude))
    return out[: budget.candidates]


def _read_back(
    cursor: Cursor, ids: list[int], wanted: int | None, exclude: Collection[int]
) -> list[Candidate]:
    """Candidates for alias ids, in the order given; ids whose alias is gone drop out."""
    found = cursor.all(_ALIASES.format(marks=", ".join("?" * len(ids))), *ids)
    by_id = {}
    for alias_id, person_id, organization_id, norm in found:
        if person_id is not None:
            if person_id not in exclude:
                by_id[alias_id] = Candidate(PERSON, person_id, norm)
        else:
            by_id[alias_id] = Candidate(ORGANIZATION, organization_id, norm)
    return [
        by_id[alias_id]
        for alias_id in ids
        if alias_id in by_id and (wanted is None or by_id[alias_id].kind == wanted)
    ]
