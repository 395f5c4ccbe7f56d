"""Hostile requests never break the service (issue 15): each is a 4xx with a stable code."""

from __future__ import annotations

import json
import os
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from interview_prep_backend.api.app import create_app
from interview_prep_backend.api.json_body import MAX_JSON_BYTES
from interview_prep_backend.settings import Settings
from tests.conftest import upload
from tests.hostile_media import patch_wav, tone_wav
from tests.server import free_port


def expect_error(r, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code, r.text


@pytest.mark.parametrize("offset", ["9223372036854775808", "9223372036854775807", "1000000001"])
def test_huge_offset_is_422_not_500(client: TestClient, offset: str) -> None:
    expect_error(client.get(f"/api/v1/analyses?offset={offset}"), 422, "invalid_request")
    ok = client.get("/api/v1/analyses?offset=1000000000")
    assert ok.status_code == 200 and ok.json()["items"] == []


@pytest.mark.parametrize("size", [False, True, 1.5, "12", 12.0, [], "big"])
def test_file_size_must_be_an_int(client: TestClient, size: object) -> None:
    r = client.post("/api/v1/upload-url", json={"content_type": "video/webm", "file_size": size})
    expect_error(r, 422, "invalid_request")


def test_file_size_stays_optional(client: TestClient) -> None:
    assert client.post("/api/v1/upload-url", json={}).status_code == 200
    r = client.post("/api/v1/upload-url", json={"file_size": 1234})
    assert r.status_code == 200 and r.json()["max_bytes"] == 1234


def test_huge_declared_json_body_is_refused_unread(client: TestClient) -> None:
    body = b'{"text": "' + b"a" * 50_000_000 + b'"}'
    r = client.post("/api/v1/analyze", content=body, headers={"content-type": "application/json"})
    expect_error(r, 413, "payload_too_large")


@pytest.fixture
def live_url(settings: Settings) -> Iterator[str]:
    """The app on a real loopback socket (uvicorn in a thread): TestClient reads a
    streamed request body whole before the app sees it, so it cannot show a cut-off."""
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=free_port(), log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(60)


def test_chunked_json_body_is_cut_off_at_the_cap(live_url: str) -> None:
    host, port = live_url.split(":")
    chunk = b"a" * 65_536
    sent = 0
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(
            b"POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        payload = b'{"text": "'
        sock.sendall(b"%x\r\n%s\r\n" % (len(payload), payload))
        # Up to 52 MB, but stop as soon as the server has answered.
        while sent < 52_000_000 and not select.select([sock], [], [], 0)[0]:
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            data = sock.recv(65_536)
            if not data:
                break
            answer += data
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413"), answer[:300]
    assert json.loads(body)["error"]["code"] == "payload_too_large"
    # Answered long before the body ended: only the cap plus socket buffers went in.
    assert MAX_JSON_BYTES < sent < 20_000_000, sent


def test_bodies_under_the_cap_still_work(client: TestClient) -> None:
    text = "I led the migration and cut costs by 40%. " * 450  # ~19,000 characters
    r = client.post("/api/v1/analyze", json={"text": text[:20_000]})
    assert r.status_code == 200, r.text
    # Sent as text/plain, as the original frontend does, through the replayed body.
    r = client.post("/api/v1/upload-url", content=b"{}", headers={"content-type": "text/plain"})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    ("rate", "channels", "code"),
    [
        (2**31 - 1, 1, "unsupported_audio"),
        (2**32 - 1, 1, "media_unreadable"),  # FFmpeg refuses it at opening
        (1, 1, "unsupported_audio"),
        (16_000, 65, "unsupported_audio"),
        (16_000, 65_535, "media_unreadable"),  # FFmpeg reads it as 0 channels
        (16_000, 0, "media_unreadable"),
        (0, 1, "media_unreadable"),
    ],
)
def test_absurd_wav_headers_fail_with_a_stable_code(
    client: TestClient, tmp_path: Path, rate: int, channels: int, code: str
) -> None:
    wav = patch_wav(tone_wav(tmp_path / "t.wav"), tmp_path / "p.wav", rate=rate, channels=channels)
    key = upload(client, wav.read_bytes(), "audio/wav", "audio")
    r = client.post("/api/v1/analyze", json={"file_key": key})
    expect_error(r, 422, code)
    assert client.get("/health").status_code == 200


def test_stale_part_files_are_removed_at_start_up(settings: Settings) -> None:
    folder = settings.media_dir / "uploads" / "video"
    folder.mkdir(parents=True)
    stale = folder / ".0a1b2c3d-0000-4000-8000-000000000000.webm.deadbeef.part"
    stale.write_bytes(b"x" * 1000)  # what a SIGKILL during a PUT leaves
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    # An upload another process is receiving right now: written to moments ago.
    live = folder / ".0a1b2c3d-0000-4000-8000-000000000002.webm.cafebabe.part"
    live.write_bytes(b"y" * 1000)
    kept = folder / "0a1b2c3d-0000-4000-8000-000000000001.webm"
    kept.write_bytes(b"a finished upload")
    with TestClient(create_app(settings)) as c:
        assert c.get("/health").status_code == 200
        assert not stale.exists()
        assert live.exists() and kept.exists()
