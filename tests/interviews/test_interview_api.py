"""Import a meeting transcript over HTTP; read the interview back."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import FIXTURES

SAMPLES = FIXTURES / "transcripts"


def test_a_zoom_transcript_is_imported_and_read_back(client: TestClient) -> None:
    r = client.post(
        "/api/v1/interviews/import", json={"transcript": (SAMPLES / "zoom.vtt").read_text()}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["candidate"] == "Sam Okafor" and body["source"] == "import"
    answers = body["answers"]
    assert [a["question"] for a in answers] == [
        "So, to start, tell me about a time you had to deal with a difficult stakeholder?",
        "Why do you want to work here?",
    ]
    first = answers[0]
    assert first["spoken_seconds"] == 28.9 and first["answer_text"].startswith("Sure. Um,")
    assert 0 <= first["overall_score"] <= 100 and first["advice"]["tip"]
    assert body["overall_score"] == body["report"]["overall_score"]
    assert len(body["report"]["answers"]) == 2
    # Each answer is an analysis like any typed answer, its length from the cue times.
    analysis = client.get(f"/api/v1/analyses/{first['analysis_id']}").json()
    assert analysis["status"] == "completed" and analysis["answer_type"] == "text"
    assert analysis["result"]["content"]["answer_seconds"] == 28.9
    assert analysis["result"]["content"]["question_type"] == "behavioural"
    again = client.get(f"/api/v1/interviews/{body['interview_id']}")
    assert again.status_code == 200 and again.json() == body


@pytest.mark.parametrize(
    ("transcript", "candidate", "code"),
    [
        ("", None, "empty_transcript"),
        ("no speakers here at all", None, "no_speakers"),
        ("A: Why this role?\nB: Because I enjoy building tools people use every day.", "Zed",
         "unknown_candidate"),
        ("A: Hello?\nB: Hi.", None, "no_answers"),
    ],
)  # fmt: skip
def test_bad_transcripts_are_422_with_their_code(
    client: TestClient, transcript: str, candidate: str | None, code: str
) -> None:
    r = client.post(
        "/api/v1/interviews/import", json={"transcript": transcript, "candidate": candidate}
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == code, r.text


def test_an_unknown_interview_is_404(client: TestClient) -> None:
    r = client.get("/api/v1/interviews/00000000-0000-4000-8000-000000000000")
    assert r.status_code == 404 and r.json()["error"]["code"] == "interview_not_found"
