"""The original service's contract, through HTTP: bodies, error shapes, field types.

Clients written for the original service must work unchanged: its endpoints, field
names, types and ranges (issue 10). Each test here reads what a client reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from interview_prep_backend.api.app import create_app
from interview_prep_backend.pipeline.schema import AnalysisResult
from interview_prep_backend.settings import Settings
from tests.conftest import FIXTURES, TESTDATA, need

EMOTIONS = {"happy", "calm", "fear", "confused", "sad", "angry", "surprised", "disgusted"}
TEXT_PLAIN = {"content-type": "text/plain;charset=UTF-8"}  # a browser's string body


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[TestClient]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path_factory.mktemp("contract"),
        model_dir=model_dir,
        upload_secret="contract-secret",
        upload_max_bytes=3_000_000,
        environment="staging",
        aws_secret_access_key="SECRET-abc123",
        llm_api_key="sk-SECRET-def456",
        s3_endpoint_url="http://user:p4ssw0rd@127.0.0.1:9/",
    )
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def face_result(api: TestClient) -> dict[str, Any]:
    """A recording with a face and speech, through the original three calls."""
    r = api.post(
        "/api/v1/upload-url",
        content=json.dumps({"file_type": "video", "content_type": "video/webm"}),
        headers=TEXT_PLAIN,
    )
    assert r.status_code == 200, r.text
    target = r.json()
    put = api.put(
        target["upload_url"],
        content=(FIXTURES / "astronaut.webm").read_bytes(),
        headers={"Content-Type": "video/webm"},
    )
    assert put.status_code == 200, put.text
    r = api.post(
        "/api/v1/analyze", content=json.dumps({"file_key": target["file_key"]}), headers=TEXT_PLAIN
    )
    assert r.status_code == 200, r.text
    return r.json()


def unit(x: Any) -> bool:
    return isinstance(x, float) and 0.0 <= x <= 1.0


def test_facial_analysis_has_the_original_types(face_result: dict[str, Any]) -> None:
    fa = face_result["facial_analysis"]
    for field in ("engagement", "positivity", "anxiety_hint", "confidence"):
        assert unit(fa[field]), (field, fa[field])
    assert set(fa["emotions"]) == EMOTIONS
    assert all(isinstance(v, float) and 0 <= v <= 100 for v in fa["emotions"].values())
    # The smiling astronaut: the 0-1 figures and the 0-100 ones in our block agree.
    assert max(fa["emotions"], key=fa["emotions"].get) == "happy"
    impressions = face_result["presence"]["impressions"]
    assert fa["positivity"] == pytest.approx(impressions["positivity"] / 100, abs=0.001)
    assert fa["positivity"] > 0.6


def test_transcript_and_advice_have_the_original_types(face_result: dict[str, Any]) -> None:
    ta = face_result["transcript_analysis"]
    assert isinstance(ta["full_text"], str) and ta["full_text"]
    assert unit(ta["filler_ratio"]) and unit(ta["mumble_score"])
    assert isinstance(ta["filler_hits"], int) and not isinstance(ta["filler_hits"], bool)
    assert ta["segments"]
    for seg in ta["segments"]:
        assert set(seg) == {"text", "start_time", "end_time", "confidence"}
        assert unit(seg["confidence"]) and 0 <= seg["start_time"] <= seg["end_time"]
    advice = face_result["coaching_advice"]
    assert isinstance(advice["tip"], str) and advice["tip"]
    assert unit(advice["confidence_score"]) and unit(advice["anxiety_score"])
    assert all(isinstance(x, str) for x in advice["recommendations"])
    AnalysisResult.model_validate(face_result)


def test_filler_hits_counts_real_fillers(api: TestClient) -> None:
    """A real spontaneous clip with one "uh" and one "um", sent in one call."""
    wav = need(TESTDATA / "audio" / "fillers_um_uh.wav").read_bytes()
    r = api.post("/api/v1/analyze-interview", files={"file": ("a.wav", wav, "audio/wav")})
    assert r.status_code == 200, r.text
    result = r.json()
    ta = result["transcript_analysis"]
    by_word = result["speech_metrics"]["fillers"]["by_word"]
    assert ta["filler_hits"] == sum(by_word.values()) >= 2
    words = len(ta["words"])
    assert ta["filler_ratio"] == pytest.approx(ta["filler_hits"] / words, abs=1e-4)
    # No video: nothing was seen, so no facial figures are made up.
    assert result["facial_analysis"] is None and result["presence"] is None
    assert unit(result["coaching_advice"]["confidence_score"])


def test_analyze_interview_refuses_what_is_not_media(api: TestClient) -> None:
    r = api.post("/api/v1/analyze-interview", files={"file": ("a.txt", b"hi", "text/plain")})
    assert r.status_code == 400 and r.json()["error"]["code"] == "unsupported_file_type"
    r = api.post("/api/v1/analyze-interview", files={"other": ("a.webm", b"x", "video/webm")})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    big = b"\0" * 3_100_000
    r = api.post("/api/v1/analyze-interview", files={"file": ("a.webm", big, "video/webm")})
    assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large"
    # Declared as video, but not one: the decoder's code, a 422, never a 500.
    junk = b"not a video at all" * 100
    r = api.post("/api/v1/analyze-interview", files={"file": ("a.webm", junk, "video/webm")})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "media_unreadable"


def test_health_and_config_show_no_secret(api: TestClient) -> None:
    assert api.get("/health").json()["status"] == "ok"
    assert api.get("/health").json()["environment"] == "staging"
    r = api.get("/config")
    assert r.status_code == 200
    text = r.text
    for secret in ("SECRET-abc123", "sk-SECRET-def456", "p4ssw0rd", "contract-secret"):
        assert secret not in text
    config = r.json()
    assert config["aws_secret_access_key"] == "(set)" and config["upload_secret"] == "(set)"
    assert config["deepseek_api_key"] is None
    assert config["storage_backend"] == "local" and config["upload_max_bytes"] == 3_000_000


def test_json_bodies_whatever_the_content_type(api: TestClient) -> None:
    body = json.dumps({"text": "I led a team of five and we cut costs by 20 percent."})
    for headers in (TEXT_PLAIN, {}, {"content-type": "application/x-www-form-urlencoded"}):
        r = api.post("/api/v1/analyze", content=body, headers=headers)
        assert r.status_code == 200, (headers, r.text)
    r = api.post("/api/v1/analyze", content="{not json", headers=TEXT_PLAIN)
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "invalid_request"
    assert r.json()["detail"].startswith("body:")


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("PUT", "/undefined", 404, "not_found"),
        ("GET", "/api/v1/nothing", 404, "not_found"),
        ("GET", "/static/missing.js", 404, "not_found"),
        ("PUT", "/api/v1/analyses/abc", 405, "method_not_allowed"),
        ("GET", "/api/v1/upload-url", 405, "method_not_allowed"),
    ],
)
def test_framework_errors_have_the_error_shape(
    api: TestClient, method: str, path: str, status: int, code: str
) -> None:
    r = api.request(method, path, content=b"x")
    assert r.status_code == status
    body = r.json()
    assert body["error"]["code"] == code and body["detail"] == body["error"]["message"]
    if status == 405:
        assert r.headers["allow"]


def test_405_names_every_method_of_the_path(api: TestClient) -> None:
    r = api.put("/api/v1/analyses/abc")
    assert {m.strip() for m in r.headers["allow"].split(",")} == {"GET", "HEAD", "DELETE"}


def test_openapi_describes_the_result_and_the_errors(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    analyze = spec["paths"]["/api/v1/analyze"]["post"]["responses"]
    assert analyze["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/AnalysisResult"
    )
    for status in ("404", "409", "422"):
        assert analyze[status]["content"]["application/json"]["schema"]["$ref"].endswith(
            "/ErrorResponse"
        )
    facial = spec["components"]["schemas"]["FacialAnalysis"]["properties"]
    assert facial["engagement"]["maximum"] == 1.0
    assert "filler_hits" in spec["components"]["schemas"]["TranscriptAnalysis"]["required"]


def test_a_stored_version_1_result_reads_as_the_current_model(api: TestClient) -> None:
    """Results kept before the types were fixed are converted, not lost."""
    repo = api.app.state.services.repo  # type: ignore[attr-defined]
    row = repo.create_analysis(None, "Q?", None, "typed")
    v1 = json.loads((FIXTURES / "result_v1.json").read_text())
    repo.claim(row.id, "w")
    repo.complete(row.id, "w", v1)
    r = api.get(f"/api/v1/analyses/{row.id}")
    assert r.status_code == 200, r.text
    result = r.json()["result"]
    assert result["result_version"] == 2
    fa = result["facial_analysis"]
    assert fa["engagement"] == pytest.approx(v1["facial_analysis"]["engagement"] / 100, abs=1e-3)
    listed = {e["type"]: e["confidence"] for e in v1["facial_analysis"]["emotions"]}
    assert fa["emotions"]["happy"] == listed["HAPPY"] and fa["emotions"]["confused"] == 0.0
    ta = result["transcript_analysis"]
    assert ta["filler_hits"] == sum(v1["transcript_analysis"]["filler_hits"].values())
    by_word = result["speech_metrics"]["fillers"]["by_word"]
    assert by_word == v1["transcript_analysis"]["filler_hits"]
    assert unit(result["coaching_advice"]["confidence_score"])


def test_responses_are_not_sniffed_framed_or_referred(api: TestClient) -> None:
    for r in (api.get("/"), api.get("/health"), api.get("/api/v1/nothing")):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"
