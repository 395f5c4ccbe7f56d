"""Hostile media made at test time: lying headers, bombs, and a mutated corpus.

Everything starts from the committed fixtures (or a tone) and is made with PyAV or by
patching bytes, so nothing large is committed.
"""

from __future__ import annotations

import random
import struct
import wave
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from tests.av_streams import add_audio, add_video


def tone_wav(path: Path, seconds: float = 1.0, rate: int = 16_000, channels: int = 1) -> Path:
    """A 16-bit PCM WAV of a 220 Hz tone."""
    t = np.arange(int(rate * seconds)) / rate
    mono = (np.sin(2 * np.pi * 220 * t) * 8000).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.repeat(mono, channels).tobytes())
    return path


def patch_wav(
    source: Path,
    path: Path,
    *,
    rate: int | None = None,
    channels: int | None = None,
    bits: int | None = None,
    riff_size: int | None = None,
    data_size: int | None = None,
) -> Path:
    """Rewrite fields of a canonical 44-byte WAV header."""
    data = bytearray(source.read_bytes())
    if riff_size is not None:
        struct.pack_into("<I", data, 4, riff_size)
    if channels is not None:
        struct.pack_into("<H", data, 22, channels)
    if rate is not None:
        struct.pack_into("<I", data, 24, rate)
    if bits is not None:
        struct.pack_into("<H", data, 34, bits)
    if data_size is not None:
        struct.pack_into("<I", data, 40, data_size)
    path.write_bytes(bytes(data))
    return path


def png_bomb(path: Path, side: int = 16_000, frames: int = 1) -> Path:
    """A MOV whose video is `side` x `side` grey PNG frames (a few MB on disk, side² bytes
    each once decoded) with a second of silent PCM audio, so the analysis goes past the
    audio checks."""
    with av.open(str(path), "w", format="mov") as out:
        video = out.add_stream("png", rate=1)
        video.width = video.height = side
        video.pix_fmt = "gray"
        video.codec_context.options = {"compression_level": "1"}  # 8 s → fast; same size class
        audio = out.add_stream("pcm_s16le", rate=16_000, layout="mono")
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(np.zeros((side, side), np.uint8), format="gray")
            frame.pts = i
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        samples = np.zeros((1, 16_000), np.int16)
        sound = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
        sound.sample_rate = 16_000
        sound.pts = 0
        out.mux(audio.encode(sound))
        out.mux(audio.encode(None))
    return path


def clip(
    source: Path,
    path: Path,
    seconds: float,
    *,
    video: bool,
    fmt: str = "webm",
    header_duration: bool = True,
) -> Path:
    """The first `seconds` of a fixture, re-encoded (VP8 160x120 + Opus, or MPEG-4 + AAC
    for mov/mp4). Written seekable, so the header states the duration."""
    vcodec, acodec = ("libvpx", "libopus") if fmt == "webm" else ("mpeg4", "aac")
    options = {} if header_duration else {"live": "1"}
    with av.open(str(source)) as src, av.open(str(path), "w", format=fmt, options=options) as out:
        a_out = add_audio(out, acodec, 48_000, "mono")
        v_out = None
        if video and src.streams.video:
            v_out = add_video(out, vcodec, 10)
            v_out.width, v_out.height, v_out.pix_fmt = 160, 120, "yuv420p"
        resampler = av.AudioResampler(format=a_out.format.name, layout="mono", rate=48_000)
        for frame in src.decode(audio=0):
            if frame.time is not None and frame.time >= seconds:
                break
            for f in resampler.resample(frame):
                f.pts = None
                out.mux(a_out.encode(f))
        out.mux(a_out.encode(None))
        if v_out is not None:
            src.seek(0)
            for picture in src.decode(video=0):
                t = picture.time
                if t is not None and t >= seconds:
                    break
                assert t is not None, "a decoded video frame without a time"
                small = picture.reformat(160, 120, "yuv420p")
                small.pts = round(t * 10)
                small.time_base = Fraction(1, 10)
                out.mux(v_out.encode(small))
            out.mux(v_out.encode(None))
    return path


# --- the mutations ------------------------------------------------------------------

# Shares of the file kept, and absolute byte counts (inside the headers). Whisper pads
# every clip to a 30 s window, so each file that completes costs ~1-2 s here: the mix
# leans on cuts inside the headers, which are cheap, and keeps a few long ones.
TRUNCATE_AT = (0.03, 0.08, 0.15, 0.5, 0.85)
TRUNCATE_BYTES = (1, 2, 4, 8, 12, 32, 64, 128, 300, 1000)
MAGICS = (b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"%PDF-1.4", b"\x00\x00\x00\x00")


def mutations(name: str, data: bytes, seed: int, flips: int = 3) -> Iterator[tuple[str, bytes]]:
    """Truncations at many offsets, header-only, bit flips, wrong magic, zeroed middle."""
    rng = random.Random(f"{name}-{seed}")
    for share in TRUNCATE_AT:
        yield f"{name}-trunc{share}", data[: max(1, int(len(data) * share))]
    for keep in TRUNCATE_BYTES:
        yield f"{name}-first{keep}", data[:keep]
    for i in range(flips):
        flipped = bytearray(data)
        # The first flips hit the header, later ones the packets.
        lo, hi = (0, 256) if i == 0 else (len(data) // 10, len(data))
        for _ in range(1 + i * 4):
            at = rng.randrange(lo, hi)
            flipped[at] ^= 1 << rng.randrange(8)
        yield f"{name}-flip{i}", bytes(flipped)
    for magic in MAGICS:
        yield f"{name}-magic{magic[:3].hex()}", magic + data[len(magic) :]
    third = len(data) // 3
    yield f"{name}-zeroed-middle", data[:200] + bytes(third) + data[200 + third :]


def speech_wav(
    source: Path, path: Path, seconds: float, rate: int = 16_000, channels: int = 1
) -> Path:
    """The first `seconds` of a fixture's speech as 16-bit PCM WAV."""
    with av.open(str(source)) as src:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
        pcm = np.concatenate(
            [
                f.to_ndarray().reshape(-1)
                for fr in src.decode(audio=0)
                for f in resampler.resample(fr)
            ]
        )[: int(seconds * rate)]
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.repeat(pcm, channels).astype("<i2").tobytes())
    return path


def patch_ebml_float(data: bytes, element_id: bytes, value: float) -> bytes:
    """Set the first 8-byte float element `element_id` (e.g. Duration, 0x4489)."""
    at = data.index(element_id + b"\x88")
    start = at + len(element_id) + 1
    return data[:start] + struct.pack(">d", value) + data[start + 8 :]


def patch_timecode_scale(data: bytes, scale: int) -> bytes:
    """Rewrite TimecodeScale (0x2AD7B1), normally 1,000,000 ns per tick."""
    at = data.index(b"\x2a\xd7\xb1")
    size = data[at + 3] & 0x7F  # a 1-byte EBML size: 0x8N means N bytes follow
    start = at + 4
    return data[:start] + scale.to_bytes(size, "big") + data[start + size :]


def video_file(
    path: Path, width: int, height: int, fps: int, frames: int, codec: str = "mpeg4"
) -> Path:
    """A short MPEG-4 (or PNG: sides over 8191) video with a tone, any size and rate."""
    with av.open(str(path), "w", format="mov") as out:
        video = add_video(out, codec, fps)
        video.width, video.height = width, height
        video.pix_fmt = "rgb24" if codec == "png" else "yuv420p"
        audio = out.add_stream("pcm_s16le", rate=16_000, layout="mono")
        for i in range(frames):
            frame = av.VideoFrame.from_ndarray(
                np.full((height, width, 3), 60 + i % 100, np.uint8), format="rgb24"
            )
            frame.pts = i
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        tone = (np.sin(np.arange(16_000) * 0.09) * 8000).astype(np.int16).reshape(1, -1)
        sound = av.AudioFrame.from_ndarray(tone, format="s16", layout="mono")
        sound.sample_rate, sound.pts = 16_000, 0
        out.mux(audio.encode(sound))
        out.mux(audio.encode(None))
    return path
