"""Run one analysis: fetch the media, run the pipeline, store the result or the failure.

Input problems (`AnalysisError`) are recorded with their stable code. Anything else is
logged with its traceback and recorded as `internal_error`, so no analysis is ever left
"running" by an exception.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time

from interview_prep_backend.adapters.storage.base import Storage, StorageError
from interview_prep_backend.adapters.storage.cap import check_stored_size
from interview_prep_backend.db.repository import Repository
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.jobs.queue import JobQueue
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.events import Events
from interview_prep_backend.pipeline.media import MediaInfo
from interview_prep_backend.pipeline.run import Asked, Pipeline
from interview_prep_backend.pipeline.schema import PartialResult
from interview_prep_backend.pipeline.timings import Timings

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.5
GONE = "The uploaded file is gone."


class RowEvents(Events):
    """A running analysis's events, written to its row for whoever polls it.

    Progress is written on a change of stage or at most every PROGRESS_EVERY_S: the
    presence thread reports every sampled frame."""

    def __init__(self, repo: Repository, analysis_id: str) -> None:
        self.repo, self.analysis_id = repo, analysis_id
        self._stage, self._at = "", 0.0
        self._lock = threading.Lock()

    def progress(self, stage: str, fraction: float) -> None:
        now = time.monotonic()
        with self._lock:
            if stage == self._stage and now - self._at < PROGRESS_EVERY_S:
                return
            self._stage, self._at = stage, now
        self.repo.set_progress(self.analysis_id, stage, fraction)

    def probed(self, media: MediaInfo) -> None:
        self.repo.set_media_duration(self.analysis_id, media.duration_s)

    def partial(self, part: PartialResult) -> None:
        self.repo.set_partial(self.analysis_id, part.model_dump(mode="json"))


class AnalysisRunner:
    def __init__(self, repo: Repository, storage: Storage, pipeline: Pipeline) -> None:
        self.repo = repo
        self.storage = storage
        self.pipeline = pipeline

    def run(self, analysis_id: str) -> None:
        row = self.repo.start(analysis_id)
        if row is None:  # deleted while queued, or already taken
            return
        timings = Timings()  # from here: fetching the media is part of the wait
        try:
            if not row.file_key:
                raise AnalysisError(ErrorCode.FILE_MISSING, GONE)
            # Checked again here: a queued job may run long after POST /analyze checked.
            upload = self.repo.get_upload(row.file_key)
            limit = upload.max_bytes if upload is not None else None
            check_stored_size(self.storage, row.file_key, limit)
            with contextlib.ExitStack() as stack:
                try:
                    path = stack.enter_context(self.storage.local_copy(row.file_key))
                except FileNotFoundError as exc:
                    raise AnalysisError(ErrorCode.FILE_MISSING, GONE) from exc
                result = self.pipeline.analyze_recording(
                    path,
                    Asked(row.question, BY_ID.get(row.question_id or "")),
                    file_key=row.file_key,
                    analysis_id=analysis_id,
                    events=RowEvents(self.repo, analysis_id),
                    timings=timings,
                )
        except AnalysisError as exc:
            log.info("analysis %s failed: %s (%s)", analysis_id, exc.code, exc.message)
            self.repo.fail(analysis_id, exc.code, exc.message)
            return
        except StorageError as exc:
            log.warning("analysis %s: storage failed: %s", analysis_id, exc)
            self.repo.fail(
                analysis_id,
                ErrorCode.STORAGE_UNAVAILABLE,
                "The recording store could not be reached; try again shortly.",
            )
            return
        except Exception as exc:
            log.exception("analysis %s failed unexpectedly", analysis_id)
            self.repo.fail(analysis_id, ErrorCode.INTERNAL, f"Internal error: {type(exc).__name__}")
            return
        self.repo.complete(analysis_id, result.model_dump(mode="json"))


def recover(repo: Repository, queue: JobQueue, max_attempts: int) -> tuple[int, int]:
    """Resume analyses a crash cut off; give up on those that already had their tries.

    Returns (resumed, failed).
    """
    resumed = failed = 0
    for row in repo.unfinished():
        if row.attempts >= max_attempts:
            repo.fail(
                row.id,
                ErrorCode.INTERRUPTED,
                f"The analysis was interrupted {row.attempts} times and was given up.",
            )
            failed += 1
            continue
        repo.requeue(row.id)
        queue.submit(row.id)
        resumed += 1
    return resumed, failed
