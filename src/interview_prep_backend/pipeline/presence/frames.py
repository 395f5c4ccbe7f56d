"""Sample video frames while decoding, never holding the video in memory.

Every frame must be decoded (inter-coded video has no shortcut), but only the sampled
ones are converted to RGB. Decoding runs in its own thread feeding a small bounded
queue, so FFmpeg (which releases the GIL) decodes the next frames while the face model
works on this one, and memory stays a few frames deep whatever the length.

The loop filter is skipped when decoding: it smooths block edges for viewing, costs a
third of VP8 decode time here (1.98 s → 1.30 s for 60 s of 720p), and left the face
blendshapes unchanged to two decimals on the frames checked.

Every frame handed on is a contiguous, upright RGB array. PyAV's `to_ndarray` returns
a view with padded rows when the width is not a multiple of 16 (854 px: a 2592-byte
stride for 2562 bytes of pixels) and `mediapipe.Image` ignores strides, so it read
garbage: a 1620x1080 webcam answer reported no face at all. A phone's display matrix
(`frame.rotation`) is applied before detection, as a player would, since MediaPipe
finds no face lying on its side.
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

from interview_prep_backend.pipeline.media import (
    MAX_PIXELS,
    open_capped,
    upright_turns,
    video_stream,
)

log = logging.getLogger(__name__)

_QUEUE_DEPTH = 4
_TOLERANCE_S = 0.01
_END = object()


@dataclass(frozen=True)
class SampledFrame:
    time_s: float
    rgb: np.ndarray  # H×W×3 uint8


def upright_rgb(frame: av.VideoFrame) -> np.ndarray:
    """The frame as a contiguous H×W×3 array, turned upright by its display matrix."""
    rgb = frame.to_ndarray(format="rgb24")
    turns = upright_turns(frame.rotation)
    if turns:
        rgb = np.rot90(rgb, k=-turns // 90)  # k > 0 turns counter-clockwise
    return np.ascontiguousarray(rgb)


def _decode(
    path: Path, fps: float, max_seconds: float, out: queue.Queue, stop: threading.Event
) -> None:
    try:
        with open_capped(path) as container:
            stream = video_stream(container)
            # Demuxed streams always have a time base; without one there is no timeline.
            if stream is None or stream.time_base is None:
                return
            stream.thread_type = "AUTO"
            # max_pixels: a frame larger than its header said is refused, not allocated.
            stream.codec_context.options = {
                "skip_loop_filter": "all",
                "max_pixels": str(MAX_PIXELS),
            }
            base = stream.time_base
            step = 1.0 / fps
            next_t = 0.0
            first: float | None = None
            for packet in container.demux(stream):
                try:
                    frames = packet.decode()
                except av.FFmpegError:
                    log.info("dropped a corrupt video packet at pts=%s", packet.pts)
                    continue
                for frame in frames:
                    if frame.pts is None:
                        continue
                    t = float(frame.pts * base)
                    first = t if first is None else first
                    t -= first
                    if t > max_seconds or stop.is_set():
                        return
                    if t < next_t - _TOLERANCE_S:
                        continue
                    # Keep to the schedule k/fps, so rounding in frame times cannot drift
                    # the rate (30 fps frames never land exactly on thirds of a second).
                    next_t = (math.floor((t + _TOLERANCE_S) / step) + 1) * step
                    out.put(SampledFrame(round(t, 3), upright_rgb(frame)))
    except av.FFmpegError as exc:
        log.info("video decoding stopped: %s", exc)
    finally:
        out.put(_END)


def sample_frames(path: Path, fps: float, max_seconds: float) -> Iterator[SampledFrame]:
    """Yield about `fps` frames per second of video, in order."""
    out: queue.Queue = queue.Queue(maxsize=_QUEUE_DEPTH)
    stop = threading.Event()
    worker = threading.Thread(
        target=_decode, args=(path, fps, max_seconds, out, stop), daemon=True, name="decode"
    )
    worker.start()
    try:
        while (item := out.get()) is not _END:
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(queue.Empty):
                out.get(timeout=0.1)
        worker.join()
