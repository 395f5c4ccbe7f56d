"""Typed answers and bank questions: file_key optional, question_id and answer_text.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.alter_column("file_key", existing_type=sa.String(255), nullable=True)
        batch.add_column(sa.Column("question_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("answer_text", sa.Text(), nullable=True))
        batch.create_index("ix_analyses_question_id", ["question_id"])


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_index("ix_analyses_question_id")
        batch.drop_column("answer_text")
        batch.drop_column("question_id")
        batch.alter_column("file_key", existing_type=sa.String(255), nullable=False)
