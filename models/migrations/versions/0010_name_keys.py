"""name keys: the name index kept with the database

The fuzzy name index was rebuilt in memory by every process (issue 14: 3.9 s
for `movesboard lookup` at a million names, 364 MB in the dashboard). Its keys
now live in `name_key`, one row per alias and token key, written with each
alias; see models/name_keys.py for the keys and the choice.

WITHOUT ROWID on SQLite: the table is its primary key's B-tree, nothing more.
The key in byte order on PostgreSQL (COLLATE "C"), so a range of keys is a
prefix. Rows for the aliases stored before this revision are written by
models/name_keys.backfill right after it runs (migrations.DERIVED_SINCE): the
code that derives the keys stays in one place.

No batch operation: no existing table is copied, so the lower(name)
expression indexes are untouched.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "name_key",
        sa.Column(
            "key",
            sa.String().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("alias_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("key", "alias_id", name=op.f("pk_name_key")),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("name_key")
