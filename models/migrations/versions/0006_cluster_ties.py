"""cluster ties

What each cluster of people has been named beside (organisations and
colleagues, by key), so resolution reads a few rows instead of every article
of a candidate cluster (issue 11). Rows for what was stored before are
derived by models/ties.py right after this revision runs (see
migrations.DERIVED_SINCE).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 09:08:38.217368
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clustertie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("root_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('organization', 'person')", name=op.f("ck_clustertie_cluster_tie_kind")
        ),
        sa.ForeignKeyConstraint(
            ["root_id"],
            ["person.id"],
            name=op.f("fk_clustertie_root_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clustertie")),
        sa.UniqueConstraint("root_id", "kind", "key", name="uq_cluster_tie_root_kind_key"),
    )


def downgrade() -> None:
    op.drop_table("clustertie")
