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
import time
from collections.abc import Callable
from typing import Any

from faster_whisper import WhisperModel

from interview_prep_backend.adapters.storage.base import Storage, StorageError
from interview_prep_backend.adapters.storage.cap import check_stored_size
from interview_prep_backend.content.bank import BY_ID
from interview_prep_backend.db.models import Analysis
from interview_prep_backend.db.repository import TEXT, Repository
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.jobs.worker_id import new_worker_id
from interview_prep_backend.pipeline.coach.stage import LlmCoach
from interview_prep_backend.pipeline.run import (
    FaceAnalyzer,
    PipelineOptions,
    RemoteTranscriber,
    analyze_file,
    analyze_text,
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
        worker_id: str | None = None,
    ) -> None:
        self.repo = repo
        self.storage = storage
        self.model_loader = model_loader
        self.options = options
        self.llm = llm
        self.transcriber = transcriber
        self.face_analyzer = face_analyzer
        self.worker_id = worker_id or new_worker_id()

    def _progress_writer(self, analysis_id: str) -> Callable[[str, float], None]:
        last = {"stage": "", "at": 0.0}

        def write(stage: str, fraction: float) -> None:
            now = time.monotonic()
            if stage != last["stage"] or now - last["at"] >= PROGRESS_EVERY_S:
                last["stage"], last["at"] = stage, now
                self.repo.set_progress(analysis_id, self.worker_id, stage, fraction)

        return write

    def _analyze_recording(self, row: Analysis) -> dict[str, Any]:
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
            return analyze_file(
                path,
                file_key=row.file_key,
                question=row.question,
                model_loader=self.model_loader,
                options=self.options,
                progress=self._progress_writer(row.id),
                bank_question=BY_ID.get(row.question_id or ""),
                llm=self.llm,
                on_partial=lambda part: self.repo.set_partial(row.id, self.worker_id, part),
                transcriber=self.transcriber,
                face_analyzer=self.face_analyzer,
                on_probe=lambda d: self.repo.set_media_duration(row.id, self.worker_id, d),
            )

    def _analyze_text(self, row: Analysis) -> dict[str, Any]:
        return analyze_text(
            row.answer_text or "",
            question=row.question,
            bank_question=BY_ID.get(row.question_id or ""),
            llm=self.llm,
        )

    def _fail(self, analysis_id: str, code: str, message: str) -> None:
        if not self.repo.fail(analysis_id, self.worker_id, code, message):
            log.warning("analysis %s: lease lost, failure %s not recorded", analysis_id, code)

    def run(self, analysis_id: str) -> None:
        row = self.repo.claim(analysis_id, self.worker_id)
        if row is None:  # deleted while queued, or taken by another runner
            return
        log.info("analysis %s claimed by %s (attempt %d)", row.id, self.worker_id, row.attempts)
        started = time.perf_counter()
        try:
            if row.kind == TEXT:
                result = self._analyze_text(row)
            else:
                result = self._analyze_recording(row)
                result["processing_time_ms"] = int((time.perf_counter() - started) * 1000)
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
        result["analysis_id"] = analysis_id
        if self.repo.complete(analysis_id, self.worker_id, result):
            log.info("analysis %s completed by %s", analysis_id, self.worker_id)
        else:
            log.warning("analysis %s: lease lost, result discarded", analysis_id)
