"""Run the real server in a subprocess on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

CLI = (sys.executable, "-m", "interview_prep_backend.cli")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(
        self, data_dir: Path, model_dir: Path, serve_args: tuple[str, ...] = (), **env: str
    ) -> None:
        self.serve_args = serve_args
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DATA_DIR": str(data_dir),
            "MODEL_DIR": str(model_dir),
            "UPLOAD_SECRET": "loopback-secret",
            **env,
        }
        self.log = data_dir.parent / f"server-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        """The started server's process id."""
        assert self.proc is not None, "the server was not started"
        return self.proc.pid

    def start(self, timeout: float = 60.0, wait: bool = True) -> Server:
        """Start the server; with `wait`, return once /ready says the models are loaded."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [*CLI, "serve", "--port", str(self.port), *self.serve_args],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        return self.wait_ready(timeout) if wait else self

    def wait_ready(self, timeout: float = 60.0, path: str = "/ready") -> Server:
        """Return once `path` answers 200: /ready once the models are loaded, /health
        once start-up (migrations, recovery) is done."""
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}{path}", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not ready: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
