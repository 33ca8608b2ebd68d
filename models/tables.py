"""The SQLModel tables: the one place the schema is declared.

A change here needs a migration in models/migrations/versions/ (see
models/migrations/README.md); `tests/test_migrations.py` fails when the two
disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    event,
    text,
)
from sqlmodel import Field, SQLModel

from . import name_keys

# Named constraints let migrations alter them later (SQLite batch mode needs names).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Article(SQLModel, table=True):
    # The Articles list's order, newest first, walked backwards (see queries.articles).
    __table_args__ = (Index("ix_article_published_id", "published", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str  # the path or URL as it was ingested
    # Canonical URL when the article names one; indexed: every ingest asks for it.
    url: str | None = Field(default=None, index=True)
    site: str | None = None  # the publication ("Example Tech Wire")
    title: str
    published: dt.date | None = None  # indexed by ix_article_published_id
    language: str = Field(max_length=16)
    body: str
    content_hash: str = Field(max_length=64, unique=True)  # sha256 of title + body
    ingested_at: dt.datetime = Field(default_factory=utcnow, index=True)


class Organization(SQLModel, table=True):
    # The Companies list's order (see queries.organizations).
    __table_args__ = (Index("ix_organization_name", text("lower(name)"), "id"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    key: str = Field(unique=True)  # normalised name, see models/names.py
    parent_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organization.id", ondelete="SET NULL"), index=True),
    )
    created_at: dt.datetime = Field(default_factory=utcnow)


class Person(SQLModel, table=True):
    """A person as named in one article (an *atom*), possibly attached to a cluster.

    Every article's person gets a row of its own. Identity resolution attaches
    it to an earlier person by pointing `merged_into_id` at that cluster's
    root (chains are kept flat: always the root). Roots are the people the
    user sees. Atoms make every merge reversible, and their `uid`s, derived
    from the article's content and the name, are stable across a rebuild.
    """

    __table_args__ = (
        # Key first, then cluster: the clusters a name belongs to are found by
        # skipping from one root to the next, however many atoms carry the name.
        Index("ix_person_key_root", "key", "merged_into_id"),
        # The People list's order, roots by name (queries.people). The cluster
        # first: SQLite then prefers it to ix_person_merged_into_id for
        # "merged_into_id IS NULL", and PostgreSQL seeks it straight to the roots
        # (a partial index WHERE merged_into_id IS NULL loses on both counts).
        Index("ix_person_root_name", "merged_into_id", text("lower(name)"), "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=16, unique=True)
    atom_name: str  # the name as this article gives it; never changes
    name: str  # display name: on a root, the fullest name of its atoms or the user's choice
    # Order-free, accent-folded: "Song Yang" and "Yang Song" share it. Not unique:
    # two different people may share a name.
    key: str  # indexed by ix_person_key_root
    merged_into_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="SET NULL"), index=True),
    )
    # How resolution attached this atom (None on a root nobody attached).
    match_score: float | None = None
    match_reason: str | None = None
    named_by_user: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)


def _one_form_per(owner: str, name: str) -> Index:
    """A unique index on (owner, norm) over the aliases that have that owner."""
    where = text(f"{owner} IS NOT NULL")
    return Index(name, owner, "norm", unique=True, sqlite_where=where, postgresql_where=where)


class Alias(SQLModel, table=True):
    """A surface form seen for a person or an organisation (exactly one of them)."""

    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (organization_id IS NULL)", name="alias_one_owner"),
        Index("ix_alias_norm", "norm"),
        # One row per owner and form: two writers meeting the same new alias at
        # once both insert it with ON CONFLICT DO NOTHING (Resolver.add_alias),
        # and the second finds the first's row (issue 12).
        _one_form_per("organization_id", "uq_alias_organization_norm"),
        _one_form_per("person_id", "uq_alias_person_norm"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), index=True),
    )
    organization_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organization.id", ondelete="CASCADE"), index=True),
    )
    name: str
    norm: str  # accent-folded, case-folded form of name


# A key sorts by its bytes on PostgreSQL too: a range of keys is then a prefix
# (in a language's collation, punctuation and case are weighed apart).
BYTE_ORDER_TEXT = String().with_variant(String(collation="C"), "postgresql")


class NameKey(SQLModel, table=True):
    """The name index, kept with the database: an alias filed under a token key.

    See models/name_keys.py for the keys and why a table. Rows are written with
    their alias (the hook below), in its transaction, so the index is always
    in step with the aliases every reader of that transaction sees.
    """

    __tablename__ = "name_key"
    __table_args__ = ({"sqlite_with_rowid": False},)  # the table is its own index

    key: str = Field(sa_column=Column(BYTE_ORDER_TEXT, primary_key=True))
    # No foreign key: see models/name_keys.py (deletes take their keys along).
    alias_id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))


@event.listens_for(Alias, "after_insert")
def _file_alias(_mapper: Any, connection: Any, alias: Alias) -> None:
    """Every alias the ORM stores is filed under its keys in the same transaction."""
    assert alias.id is not None
    name_keys.write(connection, [(alias.id, alias.norm)])


class ClusterTie(SQLModel, table=True):
    """An organisation or a colleague named beside a cluster's people, by key.

    Resolution asks what a new article shares with a candidate cluster; this
    table answers in a few index seeks however many articles the cluster has
    (issue 11). Derived data, kept by models/ties.py: added to as articles
    are stored, recomputed for the clusters a merge, split or undo changes.
    """

    __table_args__ = (
        CheckConstraint("kind IN ('organization', 'person')", name="cluster_tie_kind"),
        UniqueConstraint("root_id", "kind", "key", name="uq_cluster_tie_root_kind_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    root_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str = Field(max_length=16)
    key: str
    name: str  # shown in the reason a person was attached ("shares OpenAI")


class Mention(SQLModel, table=True):
    """Where an entity is named in an article: for highlighting and per-article views."""

    __table_args__ = (
        CheckConstraint(
            "(person_id IS NULL) <> (organization_id IS NULL)", name="mention_one_owner"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    person_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), index=True),
    )
    organization_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organization.id", ondelete="CASCADE"), index=True),
    )
    start: int
    end: int
    text: str


class Move(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'confirmed', 'rejected')", name="move_status"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="move_confidence"),
        Index("ix_move_timeline", "date", "id"),
        # An organisation's in/out tallies count its counted moves, each once,
        # from the index alone (lookup shows them on every keystroke).
        Index("ix_move_to_org_counted", "to_org_id", "modality", "status", "repeat_of_id"),
        Index("ix_move_from_org_counted", "from_org_id", "modality", "status", "repeat_of_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # Stable across a rebuild: derived from the article, person, organisations and offset.
    uid: str = Field(max_length=16, index=True)
    person_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    from_org_id: int | None = Field(  # indexed by ix_move_from_org_counted
        default=None,
        sa_column=Column(Integer, ForeignKey("organization.id", ondelete="SET NULL")),
    )
    to_org_id: int | None = Field(  # indexed by ix_move_to_org_counted
        default=None,
        sa_column=Column(Integer, ForeignKey("organization.id", ondelete="SET NULL")),
    )
    role: str | None = None
    # First day of the period the text gives; `date_precision` says which part is known.
    date: dt.date | None = None
    date_precision: str | None = Field(default=None, max_length=5)  # year | month | day
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    evidence: str
    evidence_start: int = 0
    confidence: float = 0.5
    status: str = Field(default="pending", max_length=9)
    modality: str = Field(default="stated", max_length=9)  # stated | reported | rumoured | denied
    # Set when another article's report of the same move is the primary one
    # (models/repeats.py): the timeline and the tallies count each move once.
    repeat_of_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("move.id", ondelete="SET NULL"), index=True),
    )
    created_at: dt.datetime = Field(default_factory=utcnow, index=True)


class GroupMove(SQLModel, table=True):
    """An unnamed headcount move: "at least 11 researchers from OpenAI, Google ..."."""

    __tablename__ = "group_move"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    count: int | None = None
    to_org_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organization.id", ondelete="SET NULL"), index=True),
    )
    date: dt.date | None = None
    date_precision: str | None = Field(default=None, max_length=5)
    evidence: str
    evidence_start: int = 0
    modality: str = Field(default="stated", max_length=9)
    created_at: dt.datetime = Field(default_factory=utcnow)


class GroupMoveSource(SQLModel, table=True):
    """The organisations a group move came from (many per group move)."""

    __tablename__ = "group_move_source"

    group_move_id: int = Field(
        sa_column=Column(Integer, ForeignKey("group_move.id", ondelete="CASCADE"), primary_key=True)
    )
    organization_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True
        )
    )


class Decision(SQLModel, table=True):
    """A judgement by the user (or, marked so, the machine). Append-only.

    Decisions refer to entities by stable references (person atom uids,
    organisation keys, move uids) rather than row ids, so that they survive a
    rebuild that re-creates every row. The latest user decision on a pair wins;
    machine suggestions never override a user's.
    """

    __table_args__ = (Index("ix_decision_subject", "subject", "a_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    # same | different | unsure | split | rename | parent | confirm | reject | suggest
    kind: str = Field(max_length=16)
    subject: str = Field(max_length=16)  # person | organization | move
    a_ref: str
    b_ref: str | None = None
    value: str | None = None
    score: float | None = None  # a machine suggestion's confidence, 0..100
    actor: str = Field(default="user", max_length=8)  # user | machine
    # Who decided (a user's decisions): the config's `user`, else the database
    # role on PostgreSQL, else the OS user. None on machine suggestions and on
    # decisions made before this was recorded.
    decided_by: str | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Change(SQLModel, table=True):
    """One committed write, numbered in commit order: what open dashboards read.

    Writers add a row as the last statement of their transaction, holding a
    lock until it commits (models/changes.py), so a reader that has seen
    change N has seen every change before it, however the writers' other ids
    interleave (issue 12: a move committed late with a lower id was missed).
    Append-only; ids are never reused (AUTOINCREMENT on SQLite).
    """

    __tablename__ = "change_log"
    __table_args__ = (
        CheckConstraint("kind IN ('article', 'decision', 'rebuild')", name="change_kind"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=8)
    # No foreign key: the log outlives what it names (a rebuild re-creates rows).
    article_id: int | None = None
    committed_at: dt.datetime = Field(default_factory=utcnow)


metadata = SQLModel.metadata
