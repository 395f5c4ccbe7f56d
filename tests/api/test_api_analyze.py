"""The analyze flow and every bad input, through HTTP with the real model."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from interview_prep_backend.settings import Settings
from tests.conftest import FIXTURES, TESTDATA, need, upload
from tests.media_factory import MINIMAL_PDF, long_wav, truncated

pytestmark = pytest.mark.model

ORIGINAL_FIELDS = {
    "file_key", "status", "facial_analysis", "transcript_analysis", "coaching_advice",
    "processing_time_ms",
}  # fmt: skip


def analyze(client: TestClient, key: str, **extra: object):
    return client.post("/api/v1/analyze", json={"file_key": key, **extra})


def test_full_flow_returns_the_original_fields(client: TestClient) -> None:
    key = upload(client, (FIXTURES / "answer_speech.webm").read_bytes())
    r = analyze(client, key, question="Tell me about a time you improved a process.")
    assert r.status_code == 200, r.text
    result = r.json()
    assert set(result) >= ORIGINAL_FIELDS
    assert result["status"] == "completed" and result["file_key"] == key
    ta = result["transcript_analysis"]
    assert "five engineers" in ta["full_text"].lower()
    assert ta["filler_ratio"] == 0.0 and ta["filler_hits"] == 0
    seg = ta["segments"][0]
    assert set(seg) == {"text", "start_time", "end_time", "confidence"}
    assert ta["words"] and ta["words"][0]["start_time"] < ta["words"][-1]["end_time"]
    advice = result["coaching_advice"]
    assert advice["tip"] and advice["recommendations"]
    assert result["coaching"]["engine"] == "rules"
    assert len(result["coaching"]["improvements"]) <= 3
    # The 12 s answer is far below the 60-120 s a behavioural story needs.
    assert result["content"]["length_verdict"] == "short"
    # The fixture's video shows no face: reported, not a failure.
    assert result["presence"]["face_visible_pct"] == 0.0
    assert [w["code"] for w in result["presence"]["warnings"]] == ["no_face"]
    assert result["facial_analysis"]["engagement"] == 0.0
    assert set(result["facial_analysis"]["emotions"].values()) == {0.0}
    assert result["media"]["duration_source"] == "measured"
    assert result["speech_metrics"]["words_per_minute"] > 0
    assert result["processing_time_ms"] > 0

    stored = client.get(f"/api/v1/analyses/{result['analysis_id']}").json()
    assert stored["status"] == "completed" and stored["progress_pct"] == 100.0
    assert stored["result"] == result


def test_async_analyze_reports_state_and_progress(client: TestClient) -> None:
    key = upload(client, (FIXTURES / "answer_audio_only.webm").read_bytes(), "audio/webm", "audio")
    r = analyze(client, key, wait=False)
    assert r.status_code == 202
    body = r.json()
    assert body["status"] == "queued" and body["status_url"].endswith(body["analysis_id"])
    seen: set[str] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        state = client.get(body["status_url"]).json()
        seen.add(state["status"])
        if state["status"] in {"completed", "failed"}:
            break
        time.sleep(0.05)
    assert state["status"] == "completed", state
    assert state["result"]["media"]["has_video"] is False
    # An audio upload skips the presence stage cleanly.
    assert state["result"]["presence"] is None and state["result"]["facial_analysis"] is None
    assert seen & {"queued", "running"}


def test_list_newest_first_paginated_and_delete(client: TestClient, settings: Settings) -> None:
    data = (FIXTURES / "answer_audio_only.webm").read_bytes()
    keys = [upload(client, data, "audio/webm", "audio") for _ in range(3)]
    ids = [analyze(client, k).json()["analysis_id"] for k in keys]
    page = client.get("/api/v1/analyses", params={"limit": 2}).json()
    assert page["total"] == 3 and [i["analysis_id"] for i in page["items"]] == ids[::-1][:2]
    rest = client.get("/api/v1/analyses", params={"limit": 2, "offset": 2}).json()
    assert [i["analysis_id"] for i in rest["items"]] == [ids[0]]
    assert page["items"][0]["result"] is None  # lists stay light

    media = settings.media_dir / keys[0]
    assert media.exists()
    assert client.delete(f"/api/v1/analyses/{ids[0]}").status_code == 204
    assert client.get(f"/api/v1/analyses/{ids[0]}").status_code == 404
    assert not media.exists()
    assert analyze(client, keys[0]).status_code == 404
    assert client.delete(f"/api/v1/analyses/{ids[0]}").status_code == 404
    # The others are untouched.
    assert client.get(f"/api/v1/analyses/{ids[1]}").json()["status"] == "completed"


def expect_error(r, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def test_keys_that_are_not_ours(client: TestClient) -> None:
    expect_error(analyze(client, "../../etc/passwd"), 422, "invalid_file_key")
    expect_error(analyze(client, "uploads/video/x.webm"), 422, "invalid_file_key")
    never_issued = "uploads/video/12345678-1234-1234-1234-123456789abc.webm"
    expect_error(analyze(client, never_issued), 404, "unknown_file_key")
    r = client.post("/api/v1/upload-url", json={"file_type": "video", "content_type": "video/webm"})
    expect_error(analyze(client, r.json()["file_key"]), 409, "file_not_uploaded")
    expect_error(client.post("/api/v1/analyze", json={}), 422, "invalid_request")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda tmp: b"", "empty_file"),
        (lambda tmp: MINIMAL_PDF, "media_unreadable"),
        (lambda tmp: os.urandom(20_000), "media_unreadable"),
        (lambda tmp: (FIXTURES / "no_audio.webm").read_bytes(), "no_audio_track"),
        (lambda tmp: (FIXTURES / "silence.webm").read_bytes(), "no_speech"),
        (
            lambda tmp: truncated(FIXTURES / "answer_speech.webm", tmp / "t.webm").read_bytes(),
            "media_unreadable",
        ),
    ],
    ids=["empty", "pdf", "random", "no-audio", "silence", "truncated"],
)
def test_bad_media_is_a_4xx_with_a_stable_code(
    client: TestClient,
    tmp_path: Path,
    make,
    code: str,
) -> None:
    good = upload(client, (FIXTURES / "answer_audio_only.webm").read_bytes(), "audio/webm", "audio")
    good_id = analyze(client, good).json()["analysis_id"]

    key = upload(client, make(tmp_path))
    r = analyze(client, key)
    expect_error(r, 422, code)
    failed = client.get(f"/api/v1/analyses/{r.json()['analysis_id']}").json()
    assert failed["status"] == "failed" and failed["error"]["code"] == code
    # Nothing already stored is lost.
    assert client.get(f"/api/v1/analyses/{good_id}").json()["status"] == "completed"


def test_hour_long_upload_is_too_long(client: TestClient, tmp_path: Path) -> None:
    path = long_wav(tmp_path / "hour.wav", 3600)
    key = upload(client, path.read_bytes(), "audio/wav", "audio")
    expect_error(analyze(client, key), 422, "too_long")


def test_real_talking_head(client: TestClient) -> None:
    data = need(TESTDATA / "video" / "talking_head_1.mp4").read_bytes()
    key = upload(client, data, "video/mp4")
    result = analyze(client, key).json()
    assert "orientation" in result["transcript_analysis"]["full_text"]
    assert result["media"]["width"] == 512
    assert result["presence"]["face_visible_pct"] >= 95
    emotions = result["facial_analysis"]["emotions"]
    assert max(emotions, key=emotions.get) in {"happy", "calm"}


def test_smiling_face_through_the_api(client: TestClient) -> None:
    key = upload(client, (FIXTURES / "astronaut.webm").read_bytes())
    result = analyze(client, key).json()
    assert result["presence"]["dominant_expression"] == "HAPPY"
    assert result["presence"]["smile_pct"] >= 80
    emotions = result["facial_analysis"]["emotions"]
    assert max(emotions, key=emotions.get) == "happy"
    assert result["stage_seconds"]["presence"] > 0
