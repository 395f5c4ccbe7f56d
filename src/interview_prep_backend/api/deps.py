"""Services the routes need, built once at start-up and injected per request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from interview_prep_backend.adapters.storage.base import Storage
from interview_prep_backend.db.repository import Repository
from interview_prep_backend.jobs.queue import JobQueue
from interview_prep_backend.pipeline.run import Pipeline
from interview_prep_backend.settings import Settings


@dataclass
class Services:
    settings: Settings
    engine: Engine
    repo: Repository
    storage: Storage
    queue: JobQueue
    pipeline: Pipeline
    model_ready: bool = False
    model_error: str | None = None


def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]
