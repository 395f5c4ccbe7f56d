"""S3 storage against a real S3 server (SeaweedFS on loopback)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from interview_prep_backend.api.app import create_app
from interview_prep_backend.bootstrap import ConfigurationError, build_storage
from interview_prep_backend.settings import Settings
from tests.conftest import FIXTURES
from tests.seaweed import BUCKET, Seaweed, s3_settings


@pytest.fixture
def s3_client(seaweed: Seaweed, tmp_path: Path, model_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(s3_settings(seaweed, tmp_path, model_dir))) as c:
        yield c


def ask(client: TestClient, size: int, content_type: str = "video/webm") -> dict:
    r = client.post(
        "/api/v1/upload-url",
        json={"file_type": "video", "content_type": content_type, "file_size": size},
    )
    assert r.status_code == 200, r.text
    return r.json()


def test_presigned_put_accepts_only_what_was_signed(s3_client: TestClient) -> None:
    data = (FIXTURES / "answer_speech.webm").read_bytes()
    target = ask(s3_client, len(data))
    assert target["method"] == "PUT" and target["file_key"].startswith("uploads/video/")
    url = target["upload_url"]
    assert (
        httpx.put(url, content=data, headers={"Content-Type": "application/pdf"}).status_code == 403
    )
    assert httpx.put(url, content=data + b"x", headers=target["headers"]).status_code in {400, 403}
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["X-Amz-Signature"] = "0" * 64
    tampered = parts._replace(query=urlencode(query)).geturl()
    assert httpx.put(tampered, content=data, headers=target["headers"]).status_code == 403
    other_key = url.replace(target["file_key"], target["file_key"].replace(".webm", "0.webm"))
    assert httpx.put(other_key, content=data, headers=target["headers"]).status_code == 403
    assert httpx.put(url, content=data, headers=target["headers"]).status_code == 200
    state = s3_client.post("/api/v1/analyze", json={"file_key": target["file_key"], "wait": False})
    assert state.status_code == 202  # the server sees the object in the bucket


def test_expired_url_refused(seaweed: Seaweed, tmp_path: Path, model_dir: Path) -> None:
    storage = build_storage(s3_settings(seaweed, tmp_path, model_dir))
    target = storage.upload_target(
        "uploads/video/00000000-0000-4000-8000-000000000002.webm", "video/webm", 5, 1, ""
    )
    time.sleep(2.1)
    r = httpx.put(target.url, content=b"hello", headers=target.headers)
    assert r.status_code == 403


def test_stated_size_is_capped(s3_client: TestClient) -> None:
    r = s3_client.post(
        "/api/v1/upload-url", json={"content_type": "video/webm", "file_size": 10**12}
    )
    assert r.status_code == 413


def test_presigned_post_enforces_type_and_size(
    seaweed: Seaweed, tmp_path: Path, model_dir: Path
) -> None:
    storage = build_storage(s3_settings(seaweed, tmp_path, model_dir, s3_upload_method="post"))
    key = "uploads/video/00000000-0000-4000-8000-000000000003.webm"
    target = storage.upload_target(key, "video/webm", 100, 60, "")
    assert target.method == "POST" and target.fields["Content-Type"] == "video/webm"

    def post(fields: dict, body: bytes) -> int:
        return httpx.post(target.url, data=fields, files={"file": ("a.webm", body)}).status_code

    assert post({**target.fields, "Content-Type": "application/pdf"}, b"x" * 10) == 403
    assert post(target.fields, b"x" * 101) in {400, 403}
    assert post(target.fields, b"x" * 50) in {200, 204}
    assert storage.exists(key)


def test_cors_preflight_allows_only_the_page_origin(
    seaweed: Seaweed, tmp_path: Path, model_dir: Path
) -> None:
    storage = build_storage(s3_settings(seaweed, tmp_path, model_dir))
    storage.apply_cors(["http://coach.test:8000"])
    url = f"{seaweed.endpoint}/{BUCKET}/uploads/video/x.webm"

    def preflight(origin: str) -> httpx.Response:
        return httpx.options(url, headers={
            "Origin": origin, "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "content-type",
        })  # fmt: skip

    ok = preflight("http://coach.test:8000")
    assert ok.status_code == 200
    assert ok.headers.get("access-control-allow-origin") == "http://coach.test:8000"
    other = preflight("http://evil.test")
    assert other.headers.get("access-control-allow-origin") != "http://evil.test"


def test_s3_without_bucket_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        build_storage(Settings(_env_file=None, data_dir=tmp_path, storage_backend="s3"))  # type: ignore[call-arg]


@pytest.mark.model
def test_whole_flow_reads_from_s3_and_deletes_there(
    s3_client: TestClient, seaweed: Seaweed
) -> None:
    data = (FIXTURES / "astronaut.webm").read_bytes()
    target = ask(s3_client, len(data))
    assert (
        httpx.put(target["upload_url"], content=data, headers=target["headers"]).status_code == 200
    )
    r = s3_client.post("/api/v1/analyze", json={"file_key": target["file_key"]})
    assert r.status_code == 200, r.text
    result = r.json()
    assert "glad to be here" in result["transcript_analysis"]["full_text"].lower()
    assert result["presence"]["dominant_expression"] == "HAPPY"
    media = s3_client.get(f"/api/v1/media/{target['file_key']}", follow_redirects=False)
    assert media.status_code == 307 and media.headers["location"].startswith(seaweed.endpoint)
    assert httpx.get(media.headers["location"]).content == data
    assert s3_client.delete(f"/api/v1/analyses/{result['analysis_id']}").status_code == 204
    with pytest.raises(Exception):  # noqa: B017 - botocore raises ClientError(404)
        seaweed.client().head_object(Bucket=BUCKET, Key=target["file_key"])
