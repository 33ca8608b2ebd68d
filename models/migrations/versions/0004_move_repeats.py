"""move repeats

Move.repeat_of_id points a report at the primary report of the same move from
another article. Rows already stored are marked by models/repeats.py right
after this revision runs (see migrations.upgrade): derived data, recomputed
by application code rather than frozen here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 22:15:04.852916
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("move", schema=None) as batch_op:
        batch_op.add_column(sa.Column("repeat_of_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_move_repeat_of_id"), ["repeat_of_id"], unique=False)
        # The tallies' indexes cover the new column too: counting each move
        # once stays an index-only read.
        batch_op.drop_index("ix_move_to_org_counted")
        batch_op.drop_index("ix_move_from_org_counted")
        batch_op.create_index(
            "ix_move_to_org_counted", ["to_org_id", "modality", "status", "repeat_of_id"]
        )
        batch_op.create_index(
            "ix_move_from_org_counted", ["from_org_id", "modality", "status", "repeat_of_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_move_repeat_of_id_move"),
            "move",
            ["repeat_of_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("move", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_move_repeat_of_id_move"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_move_repeat_of_id"))
        batch_op.drop_index("ix_move_to_org_counted")
        batch_op.drop_index("ix_move_from_org_counted")
        batch_op.drop_column("repeat_of_id")
        batch_op.create_index("ix_move_to_org_counted", ["to_org_id", "modality", "status"])
        batch_op.create_index("ix_move_from_org_counted", ["from_org_id", "modality", "status"])
