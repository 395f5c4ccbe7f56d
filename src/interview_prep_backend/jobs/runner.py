"""Run one analysis: claim it, run the pipeline, store the result or the failure.

A recording (`kind = "recording"`) is fetched from storage and analysed in full; a typed
answer (`kind = "text"`) gets content and coaching only. Both go through the same
claim → complete/fail transitions, so a typed answer cut off by a crash is retried as
a typed answer. Everything the run writes is guarded by this runner's lease
(`worker_id`): if another runner took the job over, this one's writes are refused.

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
from interview_prep_backend.db.models import Analysis
from interview_prep_backend.db.repository import TEXT, Repository
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.jobs.worker_id import new_worker_id
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.events import Events
from interview_prep_backend.pipeline.media import MediaInfo
from interview_prep_backend.pipeline.run import Asked, Pipeline
from interview_prep_backend.pipeline.schema import AnalysisResult, PartialResult
from interview_prep_backend.pipeline.timings import Timings

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.5
GONE = "The uploaded file is gone."


class RowEvents(Events):
    """A running analysis's events, written to its row (under this runner's lease) for
    whoever polls it. Progress is written on a change of stage or at most every
    PROGRESS_EVERY_S: the presence thread reports every sampled frame."""

    def __init__(self, repo: Repository, analysis_id: str, worker_id: str) -> None:
        self.repo, self.analysis_id, self.worker_id = repo, analysis_id, worker_id
        self._stage, self._at = "", 0.0
        self._lock = threading.Lock()

    def progress(self, stage: str, fraction: float) -> None:
        now = time.monotonic()
        with self._lock:
            if stage == self._stage and now - self._at < PROGRESS_EVERY_S:
                return
            self._stage, self._at = stage, now
        self.repo.set_progress(self.analysis_id, self.worker_id, stage, fraction)

    def probed(self, media: MediaInfo) -> None:
        self.repo.set_media_duration(self.analysis_id, self.worker_id, media.duration_s)

    def partial(self, part: PartialResult) -> None:
        self.repo.set_partial(self.analysis_id, self.worker_id, part.model_dump(mode="json"))


class AnalysisRunner:
    def __init__(
        self,
        repo: Repository,
        storage: Storage,
        pipeline: Pipeline,
        worker_id: str | None = None,
    ) -> None:
        self.repo = repo
        self.storage = storage
        self.pipeline = pipeline
        self.worker_id = worker_id or new_worker_id()

    def _analyze_recording(self, row: Analysis, asked: Asked, timings: Timings) -> AnalysisResult:
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
            return self.pipeline.analyze_recording(
                path,
                asked,
                file_key=row.file_key,
                analysis_id=row.id,
                events=RowEvents(self.repo, row.id, self.worker_id),
                timings=timings,
            )

    def _fail(self, analysis_id: str, code: str, message: str) -> None:
        if not self.repo.fail(analysis_id, self.worker_id, code, message):
            log.warning("analysis %s: lease lost, failure %s not recorded", analysis_id, code)

    def run(self, analysis_id: str) -> None:
        row = self.repo.claim(analysis_id, self.worker_id)
        if row is None:  # deleted while queued, or taken by another runner
            return
        log.info("analysis %s claimed by %s (attempt %d)", row.id, self.worker_id, row.attempts)
        timings = Timings()  # from the claim: fetching the media is part of the wait
        asked = Asked(row.question, BY_ID.get(row.question_id or ""), row.language)
        try:
            if row.kind == TEXT:
                result = self.pipeline.analyze_text(
                    row.answer_text or "",
                    asked,
                    analysis_id=row.id,
                    spoken_seconds=row.spoken_seconds,
                    timings=timings,
                )
            else:
                result = self._analyze_recording(row, asked, timings)
        except AnalysisError as exc:
            log.info("analysis %s failed: %s (%s)", analysis_id, exc.code, exc.message)
            self._fail(analysis_id, exc.code, exc.message)
            return
        except StorageError as exc:
            log.warning("analysis %s: storage failed: %s", analysis_id, exc)
            self._fail(
                analysis_id,
                ErrorCode.STORAGE_UNAVAILABLE,
                "The recording store could not be reached; try again shortly.",
            )
            return
        except Exception as exc:
            log.exception("analysis %s failed unexpectedly", analysis_id)
            self._fail(analysis_id, ErrorCode.INTERNAL, f"Internal error: {type(exc).__name__}")
            return
        if self.repo.complete(analysis_id, self.worker_id, result.model_dump(mode="json")):
            log.info("analysis %s completed by %s", analysis_id, self.worker_id)
        else:
            log.warning("analysis %s: lease lost, result discarded", analysis_id)
