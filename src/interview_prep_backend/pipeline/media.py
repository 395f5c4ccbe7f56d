"""Media stage: check an upload and extract 16 kHz mono audio with PyAV.

PyAV bundles FFmpeg, so no system codec is needed. A browser's MediaRecorder webm has no
duration in its header, so when the header is silent the duration is measured from the
packets (demuxing only, no decoding), stopping as soon as the cap is passed so an
hour-long upload is refused in a fraction of a second. Audio flows through a chain of
generators (demux → decode, dropping corrupt packets → resample) so a broken packet
costs one packet, not the analysis.

A track in a codec this FFmpeg has no decoder for (e.g. MPEG-5 EVC) has no codec
context in PyAV; it is refused as `unsupported_codec` before anything reads it. The
probe also decodes the first video frame: that proves the video track decodes and
gives its display matrix, the turn a phone asks for (reported as `rotation_deg`,
clockwise, like the old `rotate` tag: an iPhone's portrait video says 90). Cover art in
an audio file (an attached picture) is not a video track.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from interview_prep_backend.errors import AnalysisError, ErrorCode

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
# A recording stopped at the limit by the page runs a few frames over it.
CAP_GRACE_S = 1.0
# Packets read for the first video frame before the track is called undecodable; frame
# threading and B-frames hold back a few, a broken first packet or two is tolerated.
_FIRST_FRAME_PACKETS = 64


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
    rotation_deg: int = 0  # clockwise turn applied to the picture to make it upright


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


def video_stream(container: av.container.InputContainer) -> av.VideoStream | None:
    """The first real video track (cover art in a music file is a still, not video)."""
    for stream in container.streams.video:
        if not stream.disposition & av.stream.Disposition.attached_pic:
            return stream
    return None


def upright_turns(rotation: int) -> int:
    """PyAV's display rotation (counter-clockwise degrees, -180..180) → the clockwise
    turn that makes the picture upright, one of 0, 90, 180, 270."""
    return (-round(rotation / 90) * 90) % 360


def _unsupported(kind: str) -> AnalysisError:
    # PyAV gives no codec name for a track without a decoder, so none is quoted.
    return AnalysisError(
        ErrorCode.UNSUPPORTED_CODEC,
        f"The recording's {kind} codec cannot be decoded here; "
        "record in a browser or export as MP4 (H.264) or WebM.",
    )


def _first_frame_rotation(container: av.container.InputContainer, stream: av.VideoStream) -> int:
    """Decode the first video frame; return its upright turn. An undecodable track is
    refused here rather than reported later as a video without a face."""
    packets = 0
    for packet in container.demux(stream):
        if packet.size == 0:
            continue
        packets += 1
        try:
            for frame in packet.decode():
                return upright_turns(frame.rotation)
        except av.FFmpegError:
            log.info("first video packets did not decode (pts=%s)", packet.pts)
        if packets >= _FIRST_FRAME_PACKETS:
            break
    if packets == 0:  # a track with no pictures: nothing to refuse, nothing to turn
        return 0
    try:
        for frame in stream.decode(None):  # flush what frame threading held back
            return upright_turns(frame.rotation)
    except av.FFmpegError:
        pass
    raise _unsupported("video")


def probe(path: Path, max_seconds: float) -> MediaInfo:
    """Check the container, its tracks (decodable?) and its duration against the cap."""
    with _open(path) as container:
        video = video_stream(container)
        if not container.streams.audio:
            if video is None:
                raise AnalysisError(
                    ErrorCode.MEDIA_UNREADABLE,
                    "The file holds no audio or video stream.",
                )
            raise AnalysisError(
                ErrorCode.NO_AUDIO_TRACK,
                "The recording has no audio track; check that the microphone was on.",
            )
        audio = container.streams.audio[0]
        if audio.codec_context is None:
            raise _unsupported("audio")
        if video is not None and video.codec_context is None:
            raise _unsupported("video")
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
        video_index = video.index if video is not None else None
    if info.duration_s > max_seconds + CAP_GRACE_S:
        lasts = "lasts" if source == "header" else "runs past"
        raise AnalysisError(
            ErrorCode.TOO_LONG,
            f"The recording {lasts} {info.duration_s:.0f} s; the limit is {max_seconds:.0f} s.",
        )
    if video_index is not None:
        with _open(path) as container:  # afresh: the duration scan may have read to the end
            stream = container.streams[video_index]
            info = replace(info, rotation_deg=_first_frame_rotation(container, stream))
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
