"""unique aliases: one row per owner and folded form

Issue 12: `Resolver.add_alias` checked for an alias, then added it, with
nothing in the schema to stop two writers doing both at once; two ingest
processes meeting the same new form of one organisation kept two rows.
Aliases are now inserted with ON CONFLICT DO NOTHING against two partial
unique indexes, one per owner column.

The duplicates a database may already hold go first: per (organization_id,
norm) and per (person_id, norm) the lowest id stays. Their `name_key` rows
go with them (no foreign key points at an alias; the row kept has the same
norm, so the same keys). `name` may differ between duplicates only by case
or accents ("Cursor", "cursor"): the first seen stays, as add_alias would
have kept it.

Plain CREATE INDEX, no batch operation: no table is copied, so the
lower(name) expression indexes are untouched.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNERS = ("organization", "person")


def _duplicates(owner: str) -> str:
    """The ids of aliases with an older row of the same owner and norm."""
    return (
        f"SELECT later.id FROM alias AS later WHERE later.{owner}_id IS NOT NULL "
        f"AND EXISTS (SELECT 1 FROM alias AS earlier WHERE earlier.{owner}_id = later.{owner}_id "
        "AND earlier.norm = later.norm AND earlier.id < later.id)"
    )


def upgrade() -> None:
    for owner in OWNERS:
        op.execute(f"DELETE FROM name_key WHERE alias_id IN ({_duplicates(owner)})")
        op.execute(f"DELETE FROM alias WHERE id IN ({_duplicates(owner)})")
        op.create_index(
            f"uq_alias_{owner}_norm",
            "alias",
            [f"{owner}_id", "norm"],
            unique=True,
            sqlite_where=sa.text(f"{owner}_id IS NOT NULL"),
            postgresql_where=sa.text(f"{owner}_id IS NOT NULL"),
        )


def downgrade() -> None:
    for owner in OWNERS:
        op.drop_index(f"uq_alias_{owner}_norm", table_name="alias")
