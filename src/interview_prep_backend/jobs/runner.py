"""Run one analysis: fetch the media, run the pipeline, store the result or the failure.

Input problems (`AnalysisError`) are recorded with their stable code. Anything else is
logged with its traceback and recorded as `internal_error`, so no analysis is ever left
"running" by an exception.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable

from faster_whisper import WhisperModel

from interview_prep_backend.adapters.storage.base import Storage, StorageError
from interview_prep_backend.adapters.storage.cap import check_stored_size
from interview_prep_backend.db.repository import Repository
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.jobs.queue import JobQueue
from interview_prep_backend.pipeline.coach.stage import LlmCoach
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.run import (
    FaceAnalyzer,
    PipelineOptions,
    RemoteTranscriber,
    analyze_file,
)

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.5
GONE = "The uploaded file is gone."


class AnalysisRunner:
    def __init__(
        self,
        repo: Repository,
        storage: Storage,
        model_loader: Callable[[], WhisperModel],
        options: PipelineOptions,
        llm: LlmCoach | None = None,
        transcriber: RemoteTranscriber | None = None,
        face_analyzer: FaceAnalyzer | None = None,
    ) -> None:
        self.repo = repo
        self.storage = storage
        self.model_loader = model_loader
        self.options = options
        self.llm = llm
        self.transcriber = transcriber
        self.face_analyzer = face_analyzer

    def _progress_writer(self, analysis_id: str) -> Callable[[str, float], None]:
        last = {"stage": "", "at": 0.0}

        def write(stage: str, fraction: float) -> None:
            now = time.monotonic()
            if stage != last["stage"] or now - last["at"] >= PROGRESS_EVERY_S:
                last["stage"], last["at"] = stage, now
                self.repo.set_progress(analysis_id, stage, fraction)

        return write

    def run(self, analysis_id: str) -> None:
        row = self.repo.start(analysis_id)
        if row is None:  # deleted while queued, or already taken
            return
        started = time.perf_counter()
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
                result = analyze_file(
                    path,
                    file_key=row.file_key,
                    question=row.question,
                    model_loader=self.model_loader,
                    options=self.options,
                    progress=self._progress_writer(analysis_id),
                    bank_question=BY_ID.get(row.question_id or ""),
                    llm=self.llm,
                    on_partial=lambda part: self.repo.set_partial(analysis_id, part),
                    transcriber=self.transcriber,
                    face_analyzer=self.face_analyzer,
                    on_probe=lambda d: self.repo.set_media_duration(analysis_id, d),
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
        result["analysis_id"] = analysis_id
        result["processing_time_ms"] = int((time.perf_counter() - started) * 1000)
        self.repo.complete(analysis_id, result)


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
