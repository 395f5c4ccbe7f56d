"""Media stage: check an upload and extract 16 kHz mono audio with PyAV.

PyAV bundles FFmpeg, so no system codec is needed. A browser's MediaRecorder webm has no
duration in its header, so when the header is silent the duration is measured from the
packets (demuxing only, no decoding), stopping as soon as the cap is passed so an
hour-long upload is refused in a fraction of a second. Audio flows through a chain of
generators (demux → decode, dropping corrupt packets → resample) so a broken packet
costs one packet, not the analysis.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from interview_prep_backend.errors import AnalysisError, ErrorCode

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
# A recording stopped at the limit by the page runs a few frames over it.
CAP_GRACE_S = 1.0


@dataclass(frozen=True)
class MediaInfo:
    container: str
    size_bytes: int
    duration_s: float
    duration_source: str  # "header" or "measured"
    audio_codec: str
    audio_sample_rate: int
    audio_channels: int
    has_video: bool
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None


def _open(path: Path) -> av.container.InputContainer:
    size = path.stat().st_size
    if size == 0:
        raise AnalysisError(ErrorCode.EMPTY_FILE, "The uploaded file is empty.")
    try:
        return av.open(str(path), mode="r", metadata_errors="ignore")
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise AnalysisError(
            ErrorCode.MEDIA_UNREADABLE,
            "The file is not a readable audio or video recording.",
        ) from exc


def _header_duration(container: av.container.InputContainer) -> float | None:
    if container.duration and container.duration > 0:
        return container.duration / av.time_base
    stream = container.streams.audio[0]
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return None


def _measure_duration(container: av.container.InputContainer, cap_s: float) -> float:
    """Read packet timestamps of the audio stream; stop once past the cap."""
    stream = container.streams.audio[0]
    base: Fraction = stream.time_base or Fraction(1, 1000)
    first: float | None = None
    end = 0.0
    try:
        for packet in container.demux(stream):
            if packet.pts is None:
                continue
            start = float(packet.pts * base)
            first = start if first is None else min(first, start)
            end = max(end, start + float((packet.duration or 0) * base))
            if end - first > cap_s + CAP_GRACE_S:
                break
    except av.FFmpegError:
        log.info("stopped measuring duration at a corrupt packet (%.1f s)", end)
    return max(0.0, end - (first or 0.0))


def probe(path: Path, max_seconds: float) -> MediaInfo:
    """Check the container, its audio track and its duration against the cap."""
    with _open(path) as container:
        if not container.streams.audio:
            if not container.streams.video:
                raise AnalysisError(
                    ErrorCode.MEDIA_UNREADABLE,
                    "The file holds no audio or video stream.",
                )
            raise AnalysisError(
                ErrorCode.NO_AUDIO_TRACK,
                "The recording has no audio track; check that the microphone was on.",
            )
        audio = container.streams.audio[0]
        video = container.streams.video[0] if container.streams.video else None
        duration = _header_duration(container)
        source = "header"
        if duration is None:
            duration = _measure_duration(container, max_seconds)
            source = "measured"
        info = MediaInfo(
            container=container.format.name,
            size_bytes=path.stat().st_size,
            duration_s=round(duration, 3),
            duration_source=source,
            audio_codec=audio.codec_context.name,
            audio_sample_rate=audio.codec_context.sample_rate or 0,
            audio_channels=audio.codec_context.channels or 0,
            has_video=video is not None,
            video_codec=video.codec_context.name if video else None,
            width=video.codec_context.width if video else None,
            height=video.codec_context.height if video else None,
            fps=float(video.average_rate) if video and video.average_rate else None,
        )
    if info.duration_s > max_seconds + CAP_GRACE_S:
        lasts = "lasts" if source == "header" else "runs past"
        raise AnalysisError(
            ErrorCode.TOO_LONG,
            f"The recording {lasts} {info.duration_s:.0f} s; the limit is {max_seconds:.0f} s.",
        )
    return info


def _decoded_frames(
    container: av.container.InputContainer, stream: av.AudioStream
) -> Iterator[av.AudioFrame]:
    for packet in container.demux(stream):
        try:
            yield from packet.decode()
        except av.FFmpegError:
            log.info("dropped a corrupt audio packet at pts=%s", packet.pts)


def _resampled(frames: Iterator[av.AudioFrame], rate: int) -> Iterator[np.ndarray]:
    resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
    for frame in frames:
        for out in resampler.resample(frame):
            yield out.to_ndarray().reshape(-1)
    for out in resampler.resample(None):
        yield out.to_ndarray().reshape(-1)


def _capped(chunks: Iterator[np.ndarray], max_samples: int) -> Iterator[np.ndarray]:
    total = 0
    for chunk in chunks:
        total += chunk.size
        if total > max_samples:
            raise AnalysisError(
                ErrorCode.TOO_LONG,
                f"The recording's audio runs past the {max_samples / SAMPLE_RATE:.0f} s limit.",
            )
        yield chunk


def decode_audio(
    path: Path, max_seconds: float, rate: int = SAMPLE_RATE, expected_s: float | None = None
) -> np.ndarray:
    """Decode the first audio track to mono float32 at `rate` Hz.

    With `expected_s` (the probed duration) the samples go straight into one buffer
    instead of a list of chunks joined at the end, which would need twice the memory.
    """
    # A little slack over the cap: headers and packets round differently.
    max_samples = int((max_seconds + CAP_GRACE_S + 1.0) * rate)
    capacity = min(max_samples, int(((expected_s or 0.0) + 1.0) * rate))
    buffer = np.empty(capacity, dtype=np.float32)
    filled = 0
    overflow: list[np.ndarray] = []  # only if the probe underestimated the duration
    with _open(path) as container:
        stream = container.streams.audio[0]
        stream.thread_type = "AUTO"
        chunks = _capped(_resampled(_decoded_frames(container, stream), rate), max_samples)
        for chunk in chunks:
            room = capacity - filled
            if chunk.size <= room:
                buffer[filled : filled + chunk.size] = chunk
                filled += chunk.size
            else:
                buffer[filled:] = chunk[:room]
                filled = capacity
                overflow.append(chunk[room:].copy())
    if filled == 0:
        raise AnalysisError(
            ErrorCode.MEDIA_UNREADABLE, "No audio could be decoded from the recording."
        )
    audio = buffer[:filled]
    return np.concatenate([audio, *overflow]) if overflow else audio
