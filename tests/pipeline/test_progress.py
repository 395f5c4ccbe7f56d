"""Progress that tells the truth (issue 16): the stage named is the one being waited
on, and a running recording gets a time estimate from its length and this server's
measured speed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from interview_prep_backend.jobs.estimate import estimate
from interview_prep_backend.pipeline.progress import Progress
from tests.pipelines import analyze_typed


def test_stage_is_the_one_still_running_not_the_last_to_report() -> None:
    seen: list[tuple[str, float]] = []
    track = Progress(lambda s, f: seen.append((s, f)), {"media", "speech", "presence"})
    track("media", 1.0)
    track("transcribe", 0.1)
    for i in range(1, 11):  # the video half reports every frame and ends first
        track("presence", i / 10)
    assert seen[-1][0] == "transcribe", seen[-3:]
    track("transcribe", 0.6)
    assert seen[-1][0] == "transcribe"
    track("speech_metrics", 0.0)
    track("prosody", 1.0)
    assert seen[-1] == ("prosody", 1.0)


def test_presence_is_named_once_speech_is_done() -> None:
    seen: list[str] = []
    track = Progress(lambda s, f: seen.append(s), {"media", "speech", "presence"})
    track("media", 1.0)
    track("presence", 0.2)
    assert seen[-1] == "presence"  # speech has not reported yet (its model is loading)
    track("prosody", 1.0)
    track("presence", 0.5)
    assert seen[-1] == "presence"


def test_estimate_from_measured_speed_then_from_progress() -> None:
    e = estimate(media_duration_s=60, speeds=[0.5, 0.2, 0.3], elapsed_s=4, progress=0.05)
    assert e.basis == "measured_speed" and e.expected_total_s == 18.0 and e.remaining_s == 14.0
    # Slower than measured: the progress so far takes over.
    e = estimate(media_duration_s=60, speeds=[0.3], elapsed_s=30, progress=0.75)
    assert e.basis == "progress" and e.remaining_s == 10.0
    e = estimate(media_duration_s=None, speeds=[], elapsed_s=1, progress=0.02)
    assert e.basis == "none" and e.remaining_s is None


def test_status_carries_estimate_and_custom_question_filter(client: TestClient) -> None:
    repo = client.app.state.services.repo  # type: ignore[attr-defined]
    key = "uploads/video/00000000-0000-4000-8000-00000000000{}.webm"
    done = repo.create_analysis(key.format(1), "Why us?")
    repo.claim(done.id, "w")
    repo.set_media_duration(done.id, "w", 20.0)
    # Any valid result will do: only its processing time and the media length count.
    result = analyze_typed("I led the team and we shipped.", question="Why us?")
    repo.complete(done.id, "w", {**result, "processing_time_ms": 10_000})
    running = repo.create_analysis(key.format(2), "Why us?")
    repo.claim(running.id, "w")
    repo.set_media_duration(running.id, "w", 40.0)
    repo.set_progress(running.id, "w", "transcribe", 0.2)

    body = client.get(f"/api/v1/analyses/{running.id}").json()
    assert body["stage"] == "transcribe" and body["progress_pct"] == 20.0
    est = body["estimate"]
    assert est["seconds_per_media_second"] == 0.5 and est["samples"] == 1
    assert est["expected_total_s"] == 20.0 and est["basis"] == "measured_speed"
    assert 0 < est["remaining_s"] <= 20.0
    assert client.get(f"/api/v1/analyses/{done.id}").json()["estimate"] is None

    listed = client.get("/api/v1/analyses", params={"question": "Why us?"}).json()
    assert {a["analysis_id"] for a in listed["items"]} == {done.id, running.id}
    assert client.get("/api/v1/analyses", params={"question": "Other?"}).json()["total"] == 0
