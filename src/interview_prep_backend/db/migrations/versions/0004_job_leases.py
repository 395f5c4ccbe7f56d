"""Jobs safe with many processes: the kind of job, and a lease on running ones.

`kind` ("recording" or "text") says what a retry must run; rows written before it are
typed answers exactly when they hold an answer text. `worker_id` and `heartbeat_at`
form the lease: the runner that claimed the job renews `heartbeat_at` while it works,
and recovery requeues a running job only once that renewal is overdue.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(16), nullable=False, server_default="recording")
        )
        batch.add_column(sa.Column("worker_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE analyses SET kind = 'text' WHERE answer_text IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("analyses") as batch:
        batch.drop_column("heartbeat_at")
        batch.drop_column("worker_id")
        batch.drop_column("kind")
