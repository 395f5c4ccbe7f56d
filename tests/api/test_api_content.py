"""Question bank and typed answers through HTTP."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.conftest import FIXTURES

SAMPLES = json.loads((FIXTURES / "sample_answers.json").read_text())["answers"]


def test_questions_filter_by_role_and_category(client: TestClient) -> None:
    all_q = client.get("/api/v1/questions").json()
    assert all_q["total"] >= 60 and "software_engineer" in all_q["roles"]
    swe = client.get("/api/v1/questions", params={"role": "software_engineer"}).json()
    assert swe["total"] >= 5 and {q["role"] for q in swe["items"]} == {"software_engineer"}
    beh = client.get("/api/v1/questions", params={"category": "behavioural"}).json()
    assert {q["category"] for q in beh["items"]} == {"behavioural"}
    one = client.get("/api/v1/questions/beh-conflict").json()
    assert one["expects_star"] and one["ideal_seconds"] == [60, 120]
    assert one["talking_points"][0]["keywords"]
    assert client.get("/api/v1/questions/nope").json()["error"]["code"] == "unknown_question"
    bad = client.get("/api/v1/questions", params={"role": "astronaut"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"


def test_typed_answer_is_coached_and_kept_in_history(client: TestClient) -> None:
    good, weak = (
        next(a for a in SAMPLES if a["question_id"] == "swe-bug" and a["quality"] == q)
        for q in ("good", "weak")
    )
    r1 = client.post("/api/v1/analyze", json={"text": weak["text"], "question_id": "swe-bug"})
    r2 = client.post("/api/v1/analyze", json={"text": good["text"], "question_id": "swe-bug"})
    assert r1.status_code == r2.status_code == 200
    first, second = r1.json(), r2.json()
    assert second["question"].startswith("Tell me about the hardest bug")
    assert second["coaching"]["scores"]["overall"] > first["coaching"]["scores"]["overall"]
    assert second["answer_type"] == "text" and second["presence"] is None
    history = client.get("/api/v1/analyses", params={"question_id": "swe-bug"}).json()
    assert [i["analysis_id"] for i in history["items"]] == [
        second["analysis_id"],
        first["analysis_id"],
    ]
    assert history["items"][0]["answer_type"] == "text"
    stored = client.get(f"/api/v1/analyses/{first['analysis_id']}").json()
    assert stored["result"] == first and stored["question_id"] == "swe-bug"
    assert client.delete(f"/api/v1/analyses/{first['analysis_id']}").status_code == 204


def test_typed_answer_bad_input(client: TestClient) -> None:
    def code(body: dict) -> tuple[int, str]:
        r = client.post("/api/v1/analyze", json=body)
        return r.status_code, r.json()["error"]["code"]

    assert code({"text": "   ", "question": "Why us?"}) == (422, "empty_answer")
    assert code({"text": "x", "question_id": "nope"}) == (404, "unknown_question")
    assert code({"text": "x", "file_key": "uploads/video/a.webm"}) == (422, "invalid_request")
    assert code({"question": "Why us?"}) == (422, "invalid_request")
    assert code({"text": "x" * 20_001}) == (422, "invalid_request")
