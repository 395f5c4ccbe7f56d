"""Media stage: check an upload with PyAV before anything is decoded (`probe`).

PyAV bundles FFmpeg, so no system codec is needed. A browser's MediaRecorder webm has no
duration in its header, so when the header is silent the duration is measured from the
packets (demuxing only, no decoding), stopping as soon as the cap is passed so an
hour-long upload is refused in a fraction of a second. The audio itself is decoded by
`audio.py`, the frames by `presence/frames.py`.

A track in a codec this FFmpeg has no decoder for (e.g. MPEG-5 EVC) has no codec
context in PyAV; it is refused as `unsupported_codec` before anything reads it. The
probe also decodes the first video frame: that proves the video track decodes and
gives its display matrix, the turn a phone asks for (reported as `rotation_deg`,
clockwise, like the old `rotate` tag: an iPhone's portrait video says 90). Cover art in
an audio file (an attached picture) is not a video track.

Hostile input (issue 15) is refused from the header, before anything is decoded:
- Audio rates outside 2-384 kHz and more than 64 channels are `unsupported_audio`. A
  WAV header claiming 2^31-1 Hz made the resampler allocate until MemoryError (a 500
  `internal_error` before); 8-channel and 8 kHz audio are ordinary and pass.
- Frames over 4096 x 4096 pixels (16.8 MP; either side over 8192) are `frame_too_large`:
  that admits UHD and DCI 4K (3840x2160, 4096x2160) in either orientation, while a
  3.3 MB PNG-in-MOV declaring 16000x16000 took the server from 0.57 to 5.2 GB. Decoders
  also get FFmpeg's `max_pixels`, so a header that understates the size is refused
  frame by frame rather than allocated.
- Over 240 frames per second is `frame_rate_too_high` (every frame must be decoded;
  phones' slow motion tops out at 240).
- Durations are measured from the audio packets (stopping past the cap) and the header
  is believed only when it agrees with them (within 0.5 s + 2 %): truncated webms had
  reported their header's 8.0 s while holding 0.3-7 s. After decoding, the decoded
  length overrides both when they disagree (a patched TimecodeScale scales the packet
  times too: 8 s of speech read as 0.0 s).

Every refusal's message is the language pack's (`errors`); the codes are stable.
"""

from __future__ import annotations

import errno
import logging
from fractions import Fraction
from pathlib import Path
from typing import Literal

import av

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.language.pack import ErrorText
from interview_prep_backend.pipeline.schema import Media

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
# A recording stopped at the limit by the page runs a few frames over it.
CAP_GRACE_S = 1.0
# Packets read for the first video frame before the track is called undecodable; frame
# threading and B-frames hold back a few, a broken first packet or two is tolerated.
_FIRST_FRAME_PACKETS = 64
MIN_SAMPLE_RATE = 2_000
MAX_SAMPLE_RATE = 384_000
MAX_CHANNELS = 64
MAX_PIXELS = 4096 * 4096
MAX_SIDE = 8192
MAX_FPS = 240.0
# One entry per stream index; streams past the list are rare and get no cap at opening
# (the cap is set again before every decode).
_STREAM_OPTIONS = [{"max_pixels": str(MAX_PIXELS)}] * 64
# How far a header's duration may stray from the measured one and still be believed.
_AGREE_S = 0.5
_AGREE_SHARE = 0.02


# What `probe` finds is the result's `media` block itself, one model for both.
MediaInfo = Media


def open_capped(path: Path) -> av.container.InputContainer:
    """Open a media file with every decoder capped at MAX_PIXELS.

    Opening already decodes a frame when the header leaves the pixel format open (PNG
    in MOV does): without the cap that alone took 4.6 s and 250 MB for one grey
    16000x16000 frame. A capped stream then reports its size as 0x0.
    """
    # PyAV's stub types stream_options as list[str]; it takes one dict per stream
    # (av/container/core.py: `[dict(x) for x in stream_options]`).
    return av.open(  # type: ignore[call-overload]
        str(path), mode="r", metadata_errors="ignore", stream_options=_STREAM_OPTIONS
    )


def open_checked(path: Path, text: ErrorText) -> av.container.InputContainer:
    size = path.stat().st_size
    if size == 0:
        raise AnalysisError(ErrorCode.EMPTY_FILE, text.empty_file)
    try:
        return open_capped(path)
    except (av.FFmpegError, UnicodeDecodeError, ValueError) as exc:
        raise AnalysisError(ErrorCode.MEDIA_UNREADABLE, text.not_media) from exc


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


def _unsupported(kind: Literal["audio", "video"], text: ErrorText) -> AnalysisError:
    # PyAV gives no codec name for a track without a decoder, so none is quoted.
    return AnalysisError(
        ErrorCode.UNSUPPORTED_CODEC, text.unsupported_codec.format(kind=text.codec_kinds[kind])
    )


def _first_frame_rotation(
    container: av.container.InputContainer, stream: av.VideoStream, text: ErrorText
) -> int:
    """Decode the first video frame; return its upright turn. An undecodable track is
    refused here rather than reported later as a video without a face."""
    size_known = bool(stream.codec_context.width and stream.codec_context.height)
    stream.codec_context.options = {"max_pixels": str(MAX_PIXELS)}
    packets = 0
    for packet in container.demux(stream):
        if packet.size == 0:
            continue
        packets += 1
        try:
            for frame in packet.decode():
                return upright_turns(frame.rotation)
        except av.FFmpegError as exc:
            if exc.errno == errno.EINVAL and not size_known:
                # A size the header hid (or that opening refused), over max_pixels.
                raise AnalysisError(ErrorCode.FRAME_TOO_LARGE, text.frame_too_large_hidden) from exc
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
    raise _unsupported("video", text)


def _check_audio(codec: av.AudioCodecContext, text: ErrorText) -> None:
    rate, channels = codec.sample_rate or 0, codec.channels or 0
    # 0 means "not stated"; decoding decides then (and fails as media_unreadable).
    if rate and not MIN_SAMPLE_RATE <= rate <= MAX_SAMPLE_RATE:
        raise AnalysisError(
            ErrorCode.UNSUPPORTED_AUDIO,
            text.audio_rate.format(rate=rate, low=MIN_SAMPLE_RATE, high=MAX_SAMPLE_RATE),
        )
    if channels > MAX_CHANNELS:
        raise AnalysisError(
            ErrorCode.UNSUPPORTED_AUDIO,
            text.audio_channels.format(channels=channels, most=MAX_CHANNELS),
        )


def _check_video(stream: av.VideoStream, text: ErrorText) -> None:
    width, height = stream.codec_context.width or 0, stream.codec_context.height or 0
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise AnalysisError(
            ErrorCode.FRAME_TOO_LARGE, text.frame_too_large.format(width=width, height=height)
        )
    rate = stream.average_rate
    if rate is not None and float(rate) > MAX_FPS:
        raise AnalysisError(
            ErrorCode.FRAME_RATE_TOO_HIGH,
            text.frame_rate_too_high.format(fps=float(rate), most=MAX_FPS),
        )


def agrees(a: float, b: float) -> bool:
    return abs(a - b) <= _AGREE_S + _AGREE_SHARE * max(a, b)


def _duration(container: av.container.InputContainer, max_seconds: float) -> tuple[float, str]:
    """The header's duration when the packets bear it out, else the measured one."""
    header = _header_duration(container)
    measured = _measure_duration(container, max_seconds)
    if header is not None and agrees(header, measured):
        return header, "header"
    if header is not None:
        log.info("header says %.2f s, the packets %.2f s: using the packets", header, measured)
    return measured, "measured"


def with_decoded_duration(info: MediaInfo, samples: int, rate: int = SAMPLE_RATE) -> MediaInfo:
    """The probed info, its duration replaced by the decoded audio's when they disagree."""
    decoded = samples / rate
    if agrees(info.duration_s, decoded):
        return info
    log.info("probe said %.2f s, decoding gave %.2f s", info.duration_s, decoded)
    return info.model_copy(update={"duration_s": round(decoded, 3), "duration_source": "measured"})


def probe(path: Path, max_seconds: float, pack: LanguagePack = ENGLISH) -> MediaInfo:
    """Check the container, its tracks (decodable?) and its duration against the cap."""
    text = pack.errors
    with open_checked(path, text) as container:
        video = video_stream(container)
        if not container.streams.audio:
            if video is None:
                raise AnalysisError(ErrorCode.MEDIA_UNREADABLE, text.no_streams)
            raise AnalysisError(ErrorCode.NO_AUDIO_TRACK, text.no_audio_track)
        audio = container.streams.audio[0]
        if audio.codec_context is None:
            raise _unsupported("audio", text)
        if video is not None and video.codec_context is None:
            raise _unsupported("video", text)
        _check_audio(audio.codec_context, text)
        if video is not None:
            _check_video(video, text)
        duration, source = _duration(container, max_seconds)
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
        template = text.too_long_header if source == "header" else text.too_long_measured
        raise AnalysisError(
            ErrorCode.TOO_LONG, template.format(seconds=info.duration_s, limit=max_seconds)
        )
    if video_index is not None:
        # Afresh: the duration scan may have read to the end.
        with open_checked(path, text) as container:
            # The same video stream, looked up among the typed video streams.
            stream = next(s for s in container.streams.video if s.index == video_index)
            turn = _first_frame_rotation(container, stream, text)
            info = info.model_copy(update={"rotation_deg": turn})
    return info
