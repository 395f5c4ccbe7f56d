"""The transcript and speech metrics are readable before the video half ends."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import interview_prep_backend.pipeline.run as run
from interview_prep_backend.bootstrap import build_services
from interview_prep_backend.db.repository import RUNNING
from interview_prep_backend.settings import Settings
from tests.conftest import TESTDATA, need

pytestmark = pytest.mark.model


def test_partial_result_is_stored_while_running(settings: Settings, tmp_path: Path) -> None:
    clip = need(TESTDATA / "video" / "talking_head_2.mp4")
    svc = build_services(settings)
    key = "uploads/video/00000000-0000-4000-8000-000000000001.mp4"
    target = svc.storage.path_for(key)
    target.parent.mkdir(parents=True)
    target.write_bytes(clip.read_bytes())
    row = svc.repo.create_analysis(key, "Tell me about yourself.")

    seen: list[tuple[str, dict]] = []
    gate = threading.Event()
    original = svc.repo.set_partial

    def capture(analysis_id: str, worker_id: str, partial: dict) -> None:
        original(analysis_id, worker_id, partial)
        stored = svc.repo.get(analysis_id)
        seen.append((stored.status, json.loads(stored.result_json)))
        gate.set()

    svc.repo.set_partial = capture  # type: ignore[method-assign]
    # Hold the video half until the partial result has been read, to make the order sure.
    real = run.analyze_presence

    def slow_presence(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(600)  # generous: transcription on a loaded machine can take a minute
        return real(*args, **kwargs)

    run.analyze_presence = slow_presence  # type: ignore[assignment]
    try:
        svc.runner.run(row.id)
    finally:
        run.analyze_presence = real  # type: ignore[assignment]
        svc.queue.shutdown()
    assert len(seen) == 1
    status, partial = seen[0]
    assert status == RUNNING and partial["partial"] is True
    assert "future" in partial["transcript_analysis"]["full_text"]
    assert partial["speech_metrics"]["words_per_minute"] > 0
    assert "presence" not in partial
    final = svc.repo.get(row.id)
    result = json.loads(final.result_json)
    assert final.status == "completed" and "partial" not in result
    assert result["presence"]["face_visible_pct"] > 90
