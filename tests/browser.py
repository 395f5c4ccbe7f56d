"""Debian's Chromium driven by Playwright, with a real face and real speech as the
fake camera and microphone. The y4m and wav are made from the shared talking-head
clip with PyAV at test time (too large to commit)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

CHROMIUM = Path("/usr/bin/chromium")


def fake_devices(clip: Path, out: Path, seconds: float = 8.0) -> tuple[Path, Path]:
    """Write ABS.y4m (640x480, 15 fps) and ABS.wav (48 kHz mono s16) from a clip."""
    y4m, wav = out / "camera.y4m", out / "microphone.wav"
    with av.open(str(clip)) as src, av.open(str(y4m), "w", format="yuv4mpegpipe") as dst:
        stream = dst.add_stream("rawvideo", rate=15)
        stream.width, stream.height, stream.pix_fmt = 640, 480, "yuv420p"
        n = 0
        for frame in src.decode(video=0):
            if frame.time is not None and frame.time * 15 < n:
                continue
            img = frame.reformat(width=640, height=480, format="yuv420p")
            img.pts, img.time_base = n, Fraction(1, 15)
            dst.mux(stream.encode(img))
            n += 1
            if n >= seconds * 15:
                break
        dst.mux(stream.encode(None))
    with av.open(str(clip)) as src:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)
        pcm = np.concatenate(
            [
                f.to_ndarray().reshape(-1)
                for fr in src.decode(audio=0)
                for f in resampler.resample(fr)
            ]
        )
    import wave

    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(48_000)
        w.writeframes(pcm.astype("<i2").tobytes())
    return y4m, wav


def chromium_args(y4m: Path, wav: Path) -> list[str]:
    return [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={y4m.resolve()}",
        f"--use-file-for-fake-audio-capture={wav.resolve()}",
    ]  # fmt: skip
