"""A restart loses nothing; an analysis cut off by a crash is resumed or given up."""

from __future__ import annotations

import time
import wave
from pathlib import Path

import httpx
import numpy as np
import pytest

from interview_prep_backend.db.engine import make_engine, make_sessionmaker
from interview_prep_backend.db.migrate import migrate
from interview_prep_backend.db.models import utcnow
from interview_prep_backend.db.repository import RUNNING, Repository
from interview_prep_backend.jobs.recovery import recover
from interview_prep_backend.pipeline.audio import decode_audio
from tests.conftest import FIXTURES
from tests.rows import row_of
from tests.server import Server

pytestmark = pytest.mark.model


def long_answer(path: Path, seconds: float) -> Path:
    speech = decode_audio(FIXTURES / "answer_audio_only.webm", 600)
    reps = int(np.ceil(seconds * 16_000 / speech.size))
    pcm = (np.tile(speech, reps)[: int(seconds * 16_000)] * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(pcm.tobytes())
    return path


def put(base: str, path: Path, content_type: str, file_type: str) -> str:
    r = httpx.post(
        f"{base}/api/v1/upload-url", json={"file_type": file_type, "content_type": content_type}
    ).json()
    httpx.put(r["upload_url"], content=path.read_bytes(), headers=r["headers"]).raise_for_status()
    return r["file_key"]


def test_crash_mid_analysis_is_resumed(tmp_path: Path, model_dir: Path) -> None:
    data = tmp_path / "data"
    server = Server(data, model_dir).start()
    try:
        done_key = put(server.url, FIXTURES / "answer_audio_only.webm", "audio/webm", "audio")
        done = httpx.post(f"{server.url}/api/v1/analyze", json={"file_key": done_key}, timeout=300)
        assert done.status_code == 200
        key = put(server.url, long_answer(tmp_path / "long.wav", 90), "audio/wav", "audio")
        accepted = httpx.post(
            f"{server.url}/api/v1/analyze", json={"file_key": key, "wait": False}
        ).json()
        status_url = accepted["status_url"]
        deadline = time.monotonic() + 300
        while httpx.get(status_url).json()["status"] != "running":
            assert time.monotonic() < deadline
            time.sleep(0.05)
        server.kill()
    finally:
        server.stop()

    server = Server(data, model_dir).start()
    try:
        status_url = status_url.replace(status_url.split("/api/")[0], server.url)
        deadline = time.monotonic() + 400
        while (state := httpx.get(status_url).json())["status"] not in {"completed", "failed"}:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert state["status"] == "completed", state
        assert state["result"]["media"]["duration_s"] == pytest.approx(90, abs=0.5)
        # The analysis finished before the crash is still there, unchanged.
        old = httpx.get(f"{server.url}/api/v1/analyses/{done.json()['analysis_id']}").json()
        assert old["status"] == "completed" and old["result"] == done.json()
    finally:
        server.stop()


def test_analysis_out_of_tries_is_marked_failed(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    repo = Repository(make_sessionmaker(engine))
    row = repo.create_analysis("uploads/audio/x.wav", None)
    for _ in range(2):
        repo.claim(row.id, "w")
        repo.requeue_expired(row.id, utcnow())  # lease given up at once
    repo.claim(row.id, "w")  # a third claim that was cut off: still "running"
    assert row_of(repo, row.id).status == RUNNING

    submitted: list[str] = []

    class Queue:
        def submit(self, analysis_id: str) -> None:
            submitted.append(analysis_id)

        def shutdown(self) -> None:
            pass

    time.sleep(0.01)
    assert recover(repo, Queue(), max_attempts=2, lease_s=0) == (0, 1)
    failed = row_of(repo, row.id)
    assert failed.status == "failed" and failed.error_code == "interrupted"
    assert submitted == []
