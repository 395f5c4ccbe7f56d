"""Bad and long media made at test time (too big or too silly to commit)."""

from __future__ import annotations

import wave
from pathlib import Path

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def long_wav(path: Path, seconds: int, rate: int = 8000) -> Path:
    """A silent 8-bit mono WAV: one hour is 28.8 MB and takes a moment to write."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        block = b"\x80" * rate * 60
        for _ in range(seconds // 60):
            w.writeframes(block)
    return path


def truncated(source: Path, path: Path, keep: int = 400) -> Path:
    path.write_bytes(source.read_bytes()[:keep])
    return path
