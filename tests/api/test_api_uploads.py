"""Upload URLs and the signed PUT, through HTTP."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi.testclient import TestClient

from interview_prep_backend.adapters.storage import signing
from interview_prep_backend.api.app import create_app
from interview_prep_backend.settings import Settings


def ask(client: TestClient, **body: object) -> dict:
    r = client.post("/api/v1/upload-url", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def test_upload_url_shape_and_server_made_key(client: TestClient) -> None:
    body = ask(client, file_type="video", content_type="video/webm;codecs=vp8,opus")
    assert body["file_key"].startswith("uploads/video/") and body["file_key"].endswith(".webm")
    assert body["expires_in"] == 900 and body["method"] == "PUT"
    assert body["headers"] == {"Content-Type": "video/webm"}
    assert body["upload_url"].startswith("http://testserver/api/v1/uploads/uploads/video/")
    audio = ask(client, file_type="audio", content_type="audio/wav")
    assert audio["file_key"].startswith("uploads/audio/") and audio["file_key"].endswith(".wav")


def test_wrong_content_type_refused_at_upload_url(client: TestClient) -> None:
    for body in (
        {"file_type": "video", "content_type": "application/pdf"},
        {"file_type": "video", "content_type": "audio/wav"},
        {"file_type": "image", "content_type": "image/png"},
    ):
        r = client.post("/api/v1/upload-url", json=body)
        assert r.status_code == 422
        assert r.json()["error"]["code"] in {"unsupported_content_type", "invalid_request"}


def test_stated_size_over_cap_refused(client: TestClient, settings: Settings) -> None:
    r = client.post(
        "/api/v1/upload-url",
        json={"content_type": "video/webm", "file_size": settings.upload_max_bytes + 1},
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large"


def test_put_then_second_put_conflicts(client: TestClient) -> None:
    body = ask(client, content_type="video/webm")
    first = client.put(body["upload_url"], content=b"first", headers=body["headers"])
    assert first.status_code == 200 and first.json()["size_bytes"] == 5
    again = client.put(body["upload_url"], content=b"second!", headers=body["headers"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_uploaded"


def test_tampered_url_refused(client: TestClient) -> None:
    body = ask(client, content_type="video/webm", file_size=100)
    url = urlsplit(body["upload_url"])
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    for change in (
        {"max_bytes": "999999999"},
        {"content_type": "video/mp4"},
        {"expires": str(int(query["expires"]) + 3600)},
        {"signature": "0" * 64},
    ):
        forged = f"{url.path}?{urlencode({**query, **change})}"
        r = client.put(forged, content=b"x", headers={"Content-Type": "video/webm"})
        assert r.status_code == 403, change
        assert r.json()["error"]["code"] == "invalid_signature"
    other_key = url.path.replace(body["file_key"].split("/")[-1][:8], "00000000")
    r = client.put(f"{other_key}?{url.query}", content=b"x", headers=body["headers"])
    assert r.status_code == 403


def test_expired_url_refused(client: TestClient) -> None:
    body = ask(client, content_type="video/webm")
    key = body["file_key"]
    expires = int(time.time()) - 1
    sig = signing.sign(b"test-secret", key, "video/webm", 1000, expires)
    query = urlencode(
        {"content_type": "video/webm", "max_bytes": 1000, "expires": expires, "signature": sig}
    )
    r = client.put(f"/api/v1/uploads/{key}?{query}", content=b"x", headers=body["headers"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "url_expired"


def test_wrong_content_type_on_put(client: TestClient) -> None:
    body = ask(client, content_type="video/webm")
    r = client.put(body["upload_url"], content=b"x", headers={"Content-Type": "application/pdf"})
    assert r.status_code == 415 and r.json()["error"]["code"] == "content_type_mismatch"


def test_oversize_body_refused_and_nothing_kept(client: TestClient) -> None:
    body = ask(client, content_type="video/webm", file_size=1000)
    r = client.put(body["upload_url"], content=b"x" * 1001, headers=body["headers"])
    assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large"

    # Streamed without Content-Length: the cap is enforced while reading.
    def chunks():
        for _ in range(20):
            yield b"y" * 100

    r = client.put(body["upload_url"], content=chunks(), headers=body["headers"])
    assert r.status_code == 413
    # Nothing half-written remains, so a correct upload still works.
    ok = client.put(body["upload_url"], content=b"z" * 1000, headers=body["headers"])
    assert ok.status_code == 200


def test_upload_without_issue_is_refused(client: TestClient) -> None:
    r = client.put(
        "/api/v1/uploads/uploads/video/../../etc/passwd?content_type=video/webm"
        "&max_bytes=1&expires=9999999999&signature=00",
        content=b"x",
        headers={"Content-Type": "video/webm"},
    )
    assert r.status_code in {403, 404}


def test_without_size_the_cap_applies_as_on_s3(settings: Settings) -> None:
    """The original clients state no size: the cap is enforced during the local PUT, and
    POST /analyze checks the stored size the same way it does on S3."""
    capped = settings.model_copy(update={"upload_max_bytes": 1000})
    app = create_app(capped)
    with TestClient(app) as client:
        body = ask(client, file_type="video", content_type="video/webm")
        assert body["max_bytes"] == 1000
        r = client.put(body["upload_url"], content=b"x" * 1001, headers=body["headers"])
        assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large"
        ok = client.put(body["upload_url"], content=b"x" * 1000, headers=body["headers"])
        assert ok.status_code == 200
        # An object over its upload's cap that got in another way is refused and removed.
        other = ask(client, file_type="video", content_type="video/webm")
        path = app.state.services.storage.path_for(other["file_key"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"y" * 1001)
        r = client.post("/api/v1/analyze", json={"file_key": other["file_key"]})
        assert r.status_code == 413 and r.json()["error"]["code"] == "file_too_large"
        assert not path.exists()
        assert app.state.services.storage.size(body["file_key"]) == 1000
