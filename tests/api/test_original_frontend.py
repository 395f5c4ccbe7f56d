"""The original frontend's three calls, verbatim, from a page in real Chromium.

The original documented `fetch('/api/v1/upload-url', {method: 'POST', body:
JSON.stringify({...})})` with no headers (a browser then sends the body as
`text/plain;charset=UTF-8`), a PUT of the blob with `Content-Type: video/webm`, and
`fetch('/api/v1/analyze', {method: 'POST', body: JSON.stringify({file_key})})`.
They run here unchanged against the real server, with local uploads and with SeaweedFS
as S3 (where the PUT goes cross-origin to the bucket).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from interview_prep_backend.adapters.storage.s3 import S3Storage
from tests.browser import CHROMIUM
from tests.conftest import FIXTURES, IN_CI
from tests.seaweed import ACCESS_KEY, BUCKET, SECRET_KEY, Seaweed
from tests.server import Server

pytestmark = pytest.mark.model

# The original's code, as documented; only wrapped in a function to return its result.
ORIGINAL_CALLS = """
async (bytes) => {
  const blob = new Blob([new Uint8Array(bytes)], {type: 'video/webm'});
  const res = await fetch('/api/v1/upload-url', {
    method: 'POST',
    body: JSON.stringify({file_type: 'video', content_type: 'video/webm'})
  });
  const {upload_url, file_key} = await res.json();
  const put = await fetch(upload_url, {
    method: 'PUT', body: blob, headers: {'Content-Type': 'video/webm'}
  });
  const analysis = await fetch('/api/v1/analyze', {
    method: 'POST', body: JSON.stringify({file_key})
  });
  return {put: put.status, status: analysis.status, body: await analysis.json()};
}
"""

BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def need_chromium() -> None:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("Debian's chromium must be installed in CI")
        pytest.skip("chromium not installed")


def run_in_page(server_url: str, profile: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    data = list((FIXTURES / "astronaut.webm").read_bytes())
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=BROWSER_ARGS
        )
        try:
            page = ctx.new_page()
            page.goto(server_url + "/")
            page.set_default_timeout(240_000)
            return page.evaluate(ORIGINAL_CALLS, data)
        finally:
            ctx.close()


@pytest.fixture(scope="module")
def local_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    need_chromium()
    tmp = tmp_path_factory.mktemp("original-local")
    server = Server(tmp / "data", tmp_path_factory.getbasetemp() / "models-original").start(180)
    yield server
    server.stop()


def check(outcome: dict[str, Any]) -> None:
    assert outcome["put"] == 200, outcome
    assert outcome["status"] == 200, outcome["body"]
    result = outcome["body"]
    assert result["status"] == "completed"
    assert result["presence"]["face_visible_pct"] >= 90
    assert 0 <= result["facial_analysis"]["engagement"] <= 1
    assert isinstance(result["transcript_analysis"]["filler_hits"], int)


def test_original_calls_verbatim_with_local_uploads(local_server: Server, tmp_path: Path) -> None:
    check(run_in_page(local_server.url, tmp_path / "profile"))


def test_original_calls_verbatim_against_seaweedfs(
    seaweed: Seaweed, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """The PUT goes cross-origin to the bucket, signed for the content type alone."""
    need_chromium()
    s3_env = {
        "STORAGE_BACKEND": "s3", "AWS_S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": seaweed.endpoint,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }  # fmt: skip
    tmp = tmp_path_factory.mktemp("original-s3")
    models = tmp_path_factory.getbasetemp() / "models-original"
    server = Server(tmp / "data", models, (), **s3_env).start(180)
    try:
        S3Storage(BUCKET, region="us-east-1", client=seaweed.client()).apply_cors([server.url])
        outcome = run_in_page(server.url, tmp_path / "profile")
    finally:
        server.stop()
    check(outcome)
    key = outcome["body"]["file_key"]
    head = seaweed.client().head_object(Bucket=BUCKET, Key=key)
    assert head["ContentType"] == "video/webm"
