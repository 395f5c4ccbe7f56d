"""Whole interviews: a table for them, and each answer's place in one.

An imported transcript's answer also keeps how long it was spoken (`spoken_seconds`,
from the cue times), which its typed-answer analysis uses for its length.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("candidate", sa.String(100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(sa.Column("interview_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("interview_index", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("spoken_seconds", sa.Float(), nullable=True))
        batch.create_index("ix_analyses_interview_id", ["interview_id"])


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_index("ix_analyses_interview_id")
        batch.drop_column("spoken_seconds")
        batch.drop_column("interview_index")
        batch.drop_column("interview_id")
    op.drop_table("interviews")
