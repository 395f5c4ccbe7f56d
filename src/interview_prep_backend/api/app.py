"""Application factory: wires settings → storage, database, jobs → routes."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

import boto3
from fastapi import FastAPI

from interview_prep_backend import __version__
from interview_prep_backend.adapters.aws.rekognition import RekognitionFaceObserver
from interview_prep_backend.adapters.aws.transcribe import AwsTranscriber
from interview_prep_backend.adapters.llm.coach import OpenAICompatibleCoach
from interview_prep_backend.adapters.storage.base import Storage
from interview_prep_backend.adapters.storage.local import LocalStorage
from interview_prep_backend.adapters.storage.s3 import S3Storage
from interview_prep_backend.api import errors
from interview_prep_backend.api.deps import Services
from interview_prep_backend.api.routes import (
    analyses,
    coaching,
    health,
    interview,
    media,
    questions,
    uploads,
)
from interview_prep_backend.db.engine import make_engine, make_sessionmaker, migrate
from interview_prep_backend.db.repository import Repository
from interview_prep_backend.jobs.local import LocalJobQueue
from interview_prep_backend.jobs.runner import AnalysisRunner, recover
from interview_prep_backend.memory import tune_allocator
from interview_prep_backend.pipeline.coach.stage import Coach
from interview_prep_backend.pipeline.ports import FaceObserver, Transcriber
from interview_prep_backend.pipeline.presence.analyze import LocalFaceObserver
from interview_prep_backend.pipeline.run import Pipeline
from interview_prep_backend.pipeline.speech.model import load_model
from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber
from interview_prep_backend.settings import Settings, get_settings
from interview_prep_backend.web import mount_web

log = logging.getLogger(__name__)


def model_loader(settings: Settings):  # type: ignore[no-untyped-def]
    return partial(
        load_model,
        settings.whisper_model,
        settings.model_cache_dir,
        settings.allow_model_download,
        settings.whisper_cpu_threads,
    )


def build_pipeline(
    settings: Settings,
    transcriber: Transcriber | None = None,
    faces: FaceObserver | None = None,
) -> Pipeline:
    """The pipeline the settings describe; the local models unless others are given."""
    return Pipeline(
        transcriber
        or WhisperTranscriber(
            model_loader(settings),
            batch_size=settings.whisper_batch_size,
            beam_size=settings.whisper_beam_size,
        ),
        faces or LocalFaceObserver(settings.presence_fps),
        Coach(llm_coach(settings)),
        max_media_seconds=settings.max_media_seconds,
        prosody_threads=settings.whisper_cpu_threads or None,
    )


def llm_coach(settings: Settings) -> OpenAICompatibleCoach | None:
    if not settings.llm_enabled:
        return None
    return OpenAICompatibleCoach(
        api_key=settings.llm_key or "",
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        timeout_s=settings.llm_timeout_s,
        max_tokens=settings.llm_max_tokens,
    )


class ConfigurationError(RuntimeError):
    """Settings that cannot work; start-up stops with this message."""


def build_storage(settings: Settings) -> Storage:
    if settings.storage_backend == "s3":
        if not settings.aws_s3_bucket:
            raise ConfigurationError("STORAGE_BACKEND=s3 needs AWS_S3_BUCKET")
        return S3Storage(
            settings.aws_s3_bucket,
            region=settings.aws_region,
            endpoint_url=settings.s3_endpoint_url,
            access_key_id=settings.aws_access_key_id,
            secret_access_key=settings.aws_secret_access_key,
            upload_method=settings.s3_upload_method,
        )
    return LocalStorage(settings.media_dir, settings.signing_secret)


def build_aws_adapters(
    settings: Settings, storage: Storage
) -> tuple[Transcriber | None, FaceObserver | None]:
    """The Transcribe and Rekognition adapters the settings select, or (None, None).

    Selecting one without ENABLE_EXTERNAL_APIS=true or without AWS credentials stops
    start-up with a clear message rather than failing on the first analysis.
    """
    if settings.transcriber == "local" and settings.face_analyzer == "local":
        return None, None
    if not settings.enable_external_apis:
        raise ConfigurationError(
            "TRANSCRIBER=transcribe / FACE_ANALYZER=rekognition need ENABLE_EXTERNAL_APIS=true"
        )
    session = boto3.Session(
        aws_access_key_id=settings.aws_access_key_id,
        aws_secret_access_key=settings.aws_secret_access_key,
        region_name=settings.aws_region,
    )
    if session.get_credentials() is None:
        raise ConfigurationError("the AWS adapters need credentials (AWS_ACCESS_KEY_ID, ...)")
    transcriber: Transcriber | None = None
    faces: FaceObserver | None = None
    if settings.transcriber == "transcribe":
        if not isinstance(storage, S3Storage):
            raise ConfigurationError("TRANSCRIBER=transcribe needs STORAGE_BACKEND=s3")
        transcriber = AwsTranscriber(session.client("transcribe"), storage.client, storage.bucket)
    if settings.face_analyzer == "rekognition":
        faces = RekognitionFaceObserver(session.client("rekognition"), fps=settings.rekognition_fps)
    return transcriber, faces


def build_services(settings: Settings) -> Services:
    storage = build_storage(settings)
    pipeline = build_pipeline(settings, *build_aws_adapters(settings, storage))
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    repo = Repository(make_sessionmaker(engine))
    runner = AnalysisRunner(repo, storage, pipeline)
    queue = LocalJobQueue(runner.run, settings.job_concurrency)
    return Services(
        settings=settings,
        engine=engine,
        repo=repo,
        storage=storage,
        queue=queue,
        pipeline=pipeline,
    )


def _warm(services: Services) -> None:
    """Load the models in the background so the first analysis does not pay for it."""
    try:
        services.pipeline.warm_up()
        services.model_ready = True
    except Exception as exc:
        log.exception("could not load the speech model")
        services.model_error = str(exc)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    tune_allocator()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = build_services(settings)
        app.state.services = services
        if isinstance(services.storage, LocalStorage):
            swept = services.storage.sweep_partials()
            if swept:
                log.warning("start-up: removed %d unfinished upload(s) (.part files)", swept)
        warm = threading.Thread(target=_warm, args=(services,), daemon=True, name="warm")
        warm.start()
        resumed, failed = recover(services.repo, services.queue, settings.job_max_attempts)
        if resumed or failed:
            log.warning("start-up: resumed %d interrupted analyses, gave up %d", resumed, failed)
        yield
        # Native model loaders abort the process if it exits while they run: let it finish.
        warm.join()
        services.queue.shutdown()
        services.engine.dispose()

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
    app.include_router(questions.router)
    app.include_router(media.router)
    app.include_router(coaching.router)
    mount_web(app)
    return app
