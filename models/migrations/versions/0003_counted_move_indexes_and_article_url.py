"""counted move indexes and article url index

An organisation's in/out tallies are counted from (org, modality, status)
indexes without reading the move rows; they replace the plain org-id indexes,
whose lookups they also serve. Ingest asks for an article by URL each time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 22:02:48.155674
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_url"), ["url"], unique=False)

    with op.batch_alter_table("move", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_move_from_org_id"))
        batch_op.drop_index(batch_op.f("ix_move_to_org_id"))
        batch_op.create_index(
            "ix_move_from_org_counted", ["from_org_id", "modality", "status"], unique=False
        )
        batch_op.create_index(
            "ix_move_to_org_counted", ["to_org_id", "modality", "status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("move", schema=None) as batch_op:
        batch_op.drop_index("ix_move_to_org_counted")
        batch_op.drop_index("ix_move_from_org_counted")
        batch_op.create_index(batch_op.f("ix_move_to_org_id"), ["to_org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_move_from_org_id"), ["from_org_id"], unique=False)

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_url"))
