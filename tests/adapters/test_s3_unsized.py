"""The original service's flow on S3: no `file_size`, the cap enforced after the upload.

Against a real SeaweedFS (the session's `seaweed`), which enforces presigned-URL
signatures the way S3 does. One app for the module, with a cap between the two fixture
recordings, so the same app analyses the small one and refuses the large one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from botocore.exceptions import ClientError
from fastapi.testclient import TestClient

from interview_prep_backend.api.app import create_app
from interview_prep_backend.settings import Settings
from tests.conftest import FIXTURES
from tests.seaweed import BUCKET, Seaweed, s3_settings
from tests.server import free_port

SMALL = FIXTURES / "answer_speech.webm"  # 47.9 kB, analysed
LARGE = FIXTURES / "astronaut.webm"  # 110.7 kB, over the cap
CAP = 80_000
# The original frontend's body, verbatim: no size.
ORIGINAL_BODY = {"file_type": "video", "content_type": "video/webm"}


@pytest.fixture(scope="module")
def app_client(
    seaweed: Seaweed, tmp_path_factory: pytest.TempPathFactory, model_dir: Path
) -> Iterator[TestClient]:
    settings = s3_settings(
        seaweed, tmp_path_factory.mktemp("s3-unsized"), model_dir, upload_max_bytes=CAP
    )
    with TestClient(create_app(settings)) as c:
        yield c


def unsized_target(client: TestClient) -> dict:
    r = client.post("/api/v1/upload-url", json=ORIGINAL_BODY)
    assert r.status_code == 200, r.text
    target = r.json()
    assert target["method"] == "PUT" and target["max_bytes"] == CAP
    assert target["headers"] == {"Content-Type": "video/webm"}
    return target


def stored(seaweed: Seaweed, key: str) -> bool:
    try:
        seaweed.client().head_object(Bucket=BUCKET, Key=key)
    except ClientError as exc:
        assert exc.response["Error"]["Code"] in {"404", "NoSuchKey", "NotFound"}
        return False
    return True


def test_url_without_size_is_signed_for_the_type_alone(app_client: TestClient) -> None:
    target = unsized_target(app_client)
    signed = parse_qs(urlsplit(target["upload_url"]).query)["X-Amz-SignedHeaders"][0].split(";")
    assert "content-type" in signed and "content-length" not in signed
    sized = app_client.post("/api/v1/upload-url", json={**ORIGINAL_BODY, "file_size": 1000})
    assert sized.json()["max_bytes"] == 1000
    signed = parse_qs(urlsplit(sized.json()["upload_url"]).query)["X-Amz-SignedHeaders"][0]
    assert "content-length" in signed.split(";")  # a stated size stays signed


def test_put_with_another_content_type_is_refused(app_client: TestClient, seaweed: Seaweed) -> None:
    target = unsized_target(app_client)
    data = SMALL.read_bytes()
    for other in ("video/mp4", "application/octet-stream"):
        r = httpx.put(target["upload_url"], content=data, headers={"Content-Type": other})
        assert r.status_code == 403, (other, r.status_code, r.text)
    assert not stored(seaweed, target["file_key"])
    answer = app_client.post("/api/v1/analyze", json={"file_key": target["file_key"]})
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "file_not_uploaded"


def test_oversize_upload_is_refused_at_analyze_and_deleted(
    app_client: TestClient, seaweed: Seaweed
) -> None:
    kept = unsized_target(app_client)
    small = httpx.put(kept["upload_url"], content=SMALL.read_bytes(), headers=kept["headers"])
    assert small.status_code == 200
    target = unsized_target(app_client)
    data = LARGE.read_bytes()
    assert len(data) > CAP
    # Nothing signed limits the length: S3 takes it, the server must refuse it afterwards.
    put = httpx.put(target["upload_url"], content=data, headers=target["headers"])
    assert put.status_code == 200
    assert stored(seaweed, target["file_key"])
    before = app_client.get("/api/v1/analyses").json()["total"]
    r = app_client.post("/api/v1/analyze", json={"file_key": target["file_key"]})
    assert r.status_code == 413, r.text
    body = r.json()
    assert body["error"]["code"] == "file_too_large" and str(CAP) in body["error"]["message"]
    assert body["detail"] == body["error"]["message"]
    assert not stored(seaweed, target["file_key"])
    assert app_client.get("/api/v1/analyses").json()["total"] == before  # no job was made
    again = app_client.post("/api/v1/analyze", json={"file_key": target["file_key"]})
    assert again.status_code == 409 and again.json()["error"]["code"] == "file_not_uploaded"
    assert stored(seaweed, kept["file_key"])  # only the oversize object was deleted


@pytest.mark.model
def test_original_flow_without_size_is_analysed(app_client: TestClient, seaweed: Seaweed) -> None:
    target = unsized_target(app_client)
    data = SMALL.read_bytes()
    put = httpx.put(target["upload_url"], content=data, headers={"Content-Type": "video/webm"})
    assert put.status_code == 200, put.text
    r = app_client.post("/api/v1/analyze", json={"file_key": target["file_key"]})
    assert r.status_code == 200, r.text
    text = r.json()["transcript_analysis"]["full_text"].lower()
    assert "release" in text and "engineers" in text
    assert stored(seaweed, target["file_key"])  # kept for playback until deleted


def test_unreachable_store_answers_503(tmp_path: Path, model_dir: Path) -> None:
    """S3 down (nothing listens on the endpoint): a stable 503, never a 500."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path / "data", model_dir=model_dir, storage_backend="s3",
        aws_s3_bucket=BUCKET, s3_endpoint_url=f"http://127.0.0.1:{free_port()}",
        aws_access_key_id="k", aws_secret_access_key="s",
    )  # fmt: skip
    with TestClient(create_app(settings)) as client:
        target = client.post("/api/v1/upload-url", json=ORIGINAL_BODY)
        assert target.status_code == 200  # presigning needs no round trip
        r = client.post("/api/v1/analyze", json={"file_key": target.json()["file_key"]})
    assert r.status_code == 503, r.text
    assert r.json()["error"]["code"] == "storage_unavailable"
