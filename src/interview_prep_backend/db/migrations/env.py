"""Alembic environment: runs on the connection the application hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from interview_prep_backend.db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # `alembic` run by hand: take the URL from the settings.
        from interview_prep_backend.settings import get_settings

        engine = create_engine(get_settings().resolved_database_url)
        with engine.begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata)
            context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
