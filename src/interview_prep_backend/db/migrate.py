"""Schema migrations (Alembic), run by `interview-prep migrate` and by `serve` unless
`--no-migrate`; a process started without them checks the schema is current instead.

Several processes sharing one database should migrate once (the command) and start with
`--no-migrate`: two processes upgrading the same SQLite file at once can both try to
create the same table.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from interview_prep_backend.errors import ConfigurationError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def schema_revision(engine: Engine) -> tuple[str | None, str | None]:
    """(the database's revision, the code's head revision)."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current, head


def check_schema(engine: Engine) -> None:
    current, head = schema_revision(engine)
    if current != head:
        raise ConfigurationError(
            f"the database schema is at revision {current}, this version needs {head}: "
            "run `interview-prep migrate`"
        )
