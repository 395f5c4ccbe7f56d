"""Application factory: only FastAPI's wiring; the services come from `bootstrap`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from interview_prep_backend import __version__, bootstrap
from interview_prep_backend.api import errors
from interview_prep_backend.api.routes import (
    analyses,
    coaching,
    health,
    interview,
    interviews,
    media,
    questions,
    uploads,
)
from interview_prep_backend.memory import tune_allocator
from interview_prep_backend.settings import Settings, get_settings
from interview_prep_backend.web import mount_web


def create_app(settings: Settings | None = None, *, run_migrations: bool = True) -> FastAPI:
    settings = settings or get_settings()
    tune_allocator()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = bootstrap.build_services(settings, run_migrations=run_migrations)
        app.state.services = services
        bootstrap.start(services)
        yield
        bootstrap.stop(services)

    app = FastAPI(
        title="Interview Coach",
        version=__version__,
        description="Record an interview answer, get it analysed and coached.",
        lifespan=lifespan,
    )
    errors.install(app)
    app.include_router(health.router)
    app.include_router(uploads.router)
    app.include_router(analyses.router)
    app.include_router(interview.router)
    app.include_router(interviews.router)
    app.include_router(questions.router)
    app.include_router(media.router)
    app.include_router(coaching.router)
    mount_web(app)
    return app
