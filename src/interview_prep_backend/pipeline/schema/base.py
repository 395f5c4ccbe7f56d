"""Shared pieces of the result model: the version, the number kinds, open and closed models.

The original service's blocks are `Closed` (a field it did not have is an error, so a
typo cannot reach its clients); our own blocks are `Open`, so a field added by a stage
is kept while the schema catches up: fields are added, never changed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Version 2: the original blocks on their original scales (see schema_upgrade.py).
RESULT_VERSION = 2

Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Pct = Annotated[float, Field(ge=0.0, le=100.0)]
Seconds = Annotated[float, Field(ge=0.0)]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Open):
    """A stretch of the answer, with the words said in it."""

    text: str
    start_time: Seconds
    end_time: Seconds


class Moment(Open):
    start_time: Seconds
    end_time: Seconds
