"""The browser's flow over HTTP on loopback: upload-url → PUT → analyze, wall time.

Starts a real server (a subprocess running `interview-prep serve`) on a free loopback
port unless `--url` names one, waits for /ready (models loaded), then times the three
requests for each run.
Usage: uv run python benchmarks/loopback.py [FILE] [--runs 3] [--url http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import mimetypes
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "testdata" / "video" / "talking_head_1.mp4"


def flow(base: str, path: Path) -> tuple[float, dict]:
    content_type = mimetypes.guess_type(path.name)[0] or "video/webm"
    file_type = content_type.split("/")[0]
    started = time.perf_counter()
    with httpx.Client(timeout=600) as http:
        target = http.post(
            f"{base}/api/v1/upload-url",
            json={
                "file_type": file_type,
                "content_type": content_type,
                "file_size": path.stat().st_size,
            },
        ).json()
        with path.open("rb") as body:
            http.put(
                target["upload_url"], content=body, headers=target["headers"]
            ).raise_for_status()
        response = http.post(f"{base}/api/v1/analyze", json={"file_key": target["file_key"]})
        response.raise_for_status()
    return time.perf_counter() - started, response.json()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--url", default=None)
    args = parser.parse_args()
    server = None
    if args.url is None:
        sys.path.insert(0, str(ROOT))
        from tests.server import Server

        tmp = Path(tempfile.mkdtemp())
        server = Server(tmp / "data", tmp / "models").start(timeout=120)
        args.url = server.url
    try:
        walls = []
        for i in range(args.runs):
            wall, result = flow(args.url, args.file)
            walls.append(wall)
            print(
                f"  run {i + 1}: {wall:.2f} s wall, server processing "
                f"{result['processing_time_ms'] / 1000:.2f} s"
            )
        print(
            f"{args.file.name}: upload-url → PUT → analyze median {statistics.median(walls):.2f} s"
        )
    finally:
        if server:
            server.stop()


if __name__ == "__main__":
    main()
