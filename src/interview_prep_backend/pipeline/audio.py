"""Decode an upload's first audio track to 16 kHz mono float32, streamed.

Audio flows through a chain of generators (demux → decode, dropping corrupt packets →
resample → cap) so a broken packet costs one packet, not the analysis, and the cap
stops an over-long file as soon as it is passed. The probe (`media.py`) has already
checked the file and measured its length; with that length the samples go straight
into one buffer instead of a list of chunks joined at the end (twice the memory).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.language.pack import ErrorText
from interview_prep_backend.pipeline.media import CAP_GRACE_S, SAMPLE_RATE, open_checked

log = logging.getLogger(__name__)


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


def _capped(
    chunks: Iterator[np.ndarray], max_samples: int, text: ErrorText
) -> Iterator[np.ndarray]:
    total = 0
    for chunk in chunks:
        total += chunk.size
        if total > max_samples:
            raise AnalysisError(
                ErrorCode.TOO_LONG, text.audio_too_long.format(limit=max_samples / SAMPLE_RATE)
            )
        yield chunk


def decode_audio(
    path: Path,
    max_seconds: float,
    rate: int = SAMPLE_RATE,
    expected_s: float | None = None,
    pack: LanguagePack = ENGLISH,
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
    text = pack.errors
    with open_checked(path, text) as container:
        stream = container.streams.audio[0]
        # PyAV's AudioStream stub omits thread_type, which Stream forwards to its codec.
        stream.thread_type = "AUTO"  # type: ignore[attr-defined]
        chunks = _capped(_resampled(_decoded_frames(container, stream), rate), max_samples, text)
        try:
            for chunk in chunks:
                room = capacity - filled
                if chunk.size <= room:
                    buffer[filled : filled + chunk.size] = chunk
                    filled += chunk.size
                else:
                    buffer[filled:] = chunk[:room]
                    filled = capacity
                    overflow.append(chunk[room:].copy())
        except (av.FFmpegError, ValueError) as exc:
            # The resampler is set up on the first frame: a layout or rate it cannot
            # convert is the input's fault, not ours.
            log.info("audio conversion failed: %s", exc)
            raise AnalysisError(ErrorCode.MEDIA_UNREADABLE, text.audio_unconvertible) from exc
    if filled == 0:
        raise AnalysisError(ErrorCode.MEDIA_UNREADABLE, text.no_audio_decoded)
    audio = buffer[:filled]
    return np.concatenate([audio, *overflow]) if overflow else audio
