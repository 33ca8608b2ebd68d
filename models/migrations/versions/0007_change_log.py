"""change log

Every committed write (an article stored, a decision, a rebuild), numbered in
commit order, so open dashboards read what changed since they last looked
and never miss a move whatever order other ids were handed out in (issue 12).
Starts empty: dashboards read from the newest change they find at start.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 12:32:53.381314
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("committed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('article', 'decision', 'rebuild')", name=op.f("ck_change_log_change_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("change_log")
