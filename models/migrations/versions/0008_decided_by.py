"""decided by

Who made each user decision (the config's name, the database role or the OS
user), shown by the review screen and `movesboard decisions` (issue 12).
Earlier decisions keep NULL: nobody recorded who made them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 13:27:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("decided_by", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_column("decided_by")
