"""Build the service from settings: storage, database, adapters, coach, runner, queue.

Used alike by the API (its lifespan), the CLI (`analyze`, `migrate`, `s3-cors`), the
benchmarks and the tests, so none of them imports the FastAPI app to get a runner, and a
future stand-alone worker process builds the same thing. Nothing here knows about HTTP.

`build_services` returns the parts; `start` begins the background work of a serving
process (partial-upload sweep, model warm-up, recovery of cut-off jobs, the lease
heartbeat) and `stop` ends it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import partial

import boto3
from sqlalchemy import Engine

from interview_prep_backend.adapters.aws.rekognition import RekognitionFaceObserver
from interview_prep_backend.adapters.aws.transcribe import AwsTranscriber
from interview_prep_backend.adapters.llm.coach import OpenAICompatibleCoach
from interview_prep_backend.adapters.storage.base import Storage
from interview_prep_backend.adapters.storage.local import LocalStorage
from interview_prep_backend.adapters.storage.s3 import S3Storage
from interview_prep_backend.db.engine import make_engine, make_sessionmaker
from interview_prep_backend.db.migrate import check_schema, migrate
from interview_prep_backend.db.repository import Repository
from interview_prep_backend.errors import ConfigurationError
from interview_prep_backend.jobs.lease import LeaseKeeper
from interview_prep_backend.jobs.local import LocalJobQueue
from interview_prep_backend.jobs.queue import JobQueue
from interview_prep_backend.jobs.recovery import recover
from interview_prep_backend.jobs.runner import AnalysisRunner
from interview_prep_backend.pipeline.coach.stage import Coach
from interview_prep_backend.pipeline.ports import FaceObserver, Transcriber
from interview_prep_backend.pipeline.presence.analyze import LocalFaceObserver
from interview_prep_backend.pipeline.run import Pipeline
from interview_prep_backend.pipeline.speech.model import load_model
from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber
from interview_prep_backend.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["ConfigurationError", "Services", "build_services", "start", "stop"]


def model_loader(settings: Settings):
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
        if not storage.capabilities.aws_objects:
            raise ConfigurationError("TRANSCRIBER=transcribe needs STORAGE_BACKEND=s3")
        s3_client, bucket = storage.aws_object_store()
        transcriber = AwsTranscriber(session.client("transcribe"), s3_client, bucket)
    if settings.face_analyzer == "rekognition":
        faces = RekognitionFaceObserver(session.client("rekognition"), fps=settings.rekognition_fps)
    return transcriber, faces


def check_job_timing(settings: Settings) -> None:
    # Two missed beats must not cost a live job its lease.
    if settings.job_heartbeat_s * 2 > settings.job_lease_s:
        raise ConfigurationError(
            f"JOB_HEARTBEAT_S ({settings.job_heartbeat_s}) must be at most half of "
            f"JOB_LEASE_S ({settings.job_lease_s})"
        )


@dataclass
class Services:
    """Everything a serving process (API or worker) holds; built by `build_services`."""

    settings: Settings
    engine: Engine
    repo: Repository
    storage: Storage
    runner: AnalysisRunner
    queue: JobQueue
    pipeline: Pipeline
    model_ready: bool = False
    model_error: str | None = None
    keeper: LeaseKeeper | None = None
    warm_thread: threading.Thread | None = field(default=None, repr=False)


def build_services(settings: Settings, *, run_migrations: bool = True) -> Services:
    """The parts of a serving process; `run_migrations=False` only checks the schema."""
    check_job_timing(settings)
    storage = build_storage(settings)
    pipeline = build_pipeline(settings, *build_aws_adapters(settings, storage))
    engine = make_engine(settings.resolved_database_url)
    if run_migrations:
        migrate(engine)
    else:
        check_schema(engine)
    repo = Repository(make_sessionmaker(engine))
    runner = AnalysisRunner(repo, storage, pipeline)
    queue = LocalJobQueue(runner.run, settings.job_concurrency)
    return Services(
        settings=settings,
        engine=engine,
        repo=repo,
        storage=storage,
        runner=runner,
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


def recover_jobs(services: Services) -> tuple[int, int]:
    s = services.settings
    return recover(services.repo, services.queue, s.job_max_attempts, s.job_lease_s)


def start(services: Services) -> None:
    """Begin a serving process's background work."""
    storage = services.storage
    if storage.capabilities.sweeps_partials:
        swept = storage.sweep_partials()
        if swept:
            log.warning("start-up: removed %d unfinished upload(s) (.part files)", swept)
    services.warm_thread = threading.Thread(
        target=_warm, args=(services,), daemon=True, name="warm"
    )
    services.warm_thread.start()
    s = services.settings
    services.keeper = LeaseKeeper(
        services.repo,
        services.runner.worker_id,
        s.job_heartbeat_s,
        sweep=lambda: recover_jobs(services),
    ).start()
    resumed, failed = recover_jobs(services)
    if resumed or failed:
        log.warning("start-up: resumed %d unfinished analyses, gave up %d", resumed, failed)


def stop(services: Services) -> None:
    # Native model loaders abort the process if it exits while they run: let it finish.
    if services.warm_thread is not None:
        services.warm_thread.join()
    services.queue.shutdown()
    if services.keeper is not None:
        services.keeper.stop()  # renews what still runs, then ends
    services.engine.dispose()
