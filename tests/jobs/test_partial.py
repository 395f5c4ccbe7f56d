"""The transcript and speech metrics are readable before the video half ends."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from interview_prep_backend.adapters.storage.local import LocalStorage
from interview_prep_backend.bootstrap import build_pipeline, build_services
from interview_prep_backend.db.repository import RUNNING
from interview_prep_backend.jobs.runner import AnalysisRunner
from interview_prep_backend.pipeline.ports import ObserveFn
from interview_prep_backend.pipeline.presence.analyze import LocalFaceObserver
from interview_prep_backend.settings import Settings
from tests.conftest import TESTDATA, need
from tests.rows import row_of

pytestmark = pytest.mark.model


class HeldFaces:
    """The local face observer, which starts watching only once `gate` is set."""

    def __init__(self, gate: threading.Event) -> None:
        self.inner, self.gate = LocalFaceObserver(), gate
        self.fps = self.inner.fps

    def warm_up(self) -> None:
        self.inner.warm_up()

    @contextmanager
    def watch(self) -> Iterator[ObserveFn]:
        self.gate.wait(600)  # generous: transcription on a loaded machine can take a minute
        with self.inner.watch() as see:
            yield see


def test_partial_result_is_stored_while_running(settings: Settings, tmp_path: Path) -> None:
    clip = need(TESTDATA / "video" / "talking_head_2.mp4")
    svc = build_services(settings)
    key = "uploads/video/00000000-0000-4000-8000-000000000001.mp4"
    assert isinstance(svc.storage, LocalStorage)  # the settings' local disk
    target = svc.storage.path_for(key)
    target.parent.mkdir(parents=True)
    target.write_bytes(clip.read_bytes())
    row = svc.repo.create_analysis(key, "Tell me about yourself.")

    seen: list[tuple[str, dict]] = []
    gate = threading.Event()
    original = svc.repo.set_partial

    def capture(analysis_id: str, worker_id: str, partial: dict) -> None:
        original(analysis_id, worker_id, partial)
        stored = row_of(svc.repo, analysis_id)
        assert stored.result_json is not None
        seen.append((stored.status, json.loads(stored.result_json)))
        gate.set()

    svc.repo.set_partial = capture  # type: ignore[method-assign]
    # Hold the video half until the partial result has been read, to make the order sure.
    pipeline = build_pipeline(settings, faces=HeldFaces(gate))
    try:
        AnalysisRunner(svc.repo, svc.storage, pipeline).run(row.id)
    finally:
        svc.queue.shutdown()
    assert len(seen) == 1
    status, partial = seen[0]
    assert status == RUNNING and partial["partial"] is True
    assert "future" in partial["transcript_analysis"]["full_text"]
    assert partial["speech_metrics"]["words_per_minute"] > 0
    assert "presence" not in partial
    final = row_of(svc.repo, row.id)
    assert final.result_json is not None
    result = json.loads(final.result_json)
    assert final.status == "completed" and "partial" not in result
    assert result["presence"]["face_visible_pct"] > 90
