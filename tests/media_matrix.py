"""The recording-shape matrix of issue 10: real faces and speech in every common shape.

Each cell is made with PyAV from a shared talking head (512x512 MPEG-4 + AAC, 8 s),
trimmed to `SECONDS`, scaled so the square face fits the frame and padded with grey
to the cell's shape, the way a webcam's wider or taller picture frames a face. Phone
cells store the picture sideways (or upside down) and carry a display matrix that says
how to turn it upright, as phones do. Encoders use their fastest settings so the
whole matrix is made in seconds; `tests/pipeline/test_media_matrix.py` checks every cell and
`benchmarks/media_matrix.py` prints the figures.

Encoders in the bundled FFmpeg (PyAV 18, libavcodec 62): libvpx (VP8), libvpx-vp9,
libsvtav1 (AV1; libaom-av1 is absent, libdav1d decodes), libx264, libx265, aac,
libopus, libmp3lame, flac, pcm. MPEG-5 EVC has neither encoder nor decoder here, which
makes it the "codec PyAV cannot decode" case (`undecodable_video`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from tests.av_streams import add_audio, add_video

SECONDS = 3.6
FPS = 15  # a webcam in ordinary light; the presence stage samples 3 per second
AUDIO_RATE = 48_000
PAD_GREY = 110
SOURCES = ("talking_head_1", "talking_head_2")

# (encoder, options) per short codec name.
_VIDEO = {
    # One thread: libvpx's VP8 threads spin while waiting, 10x slower on a busy machine.
    # A negative cpu-used fixes the speed; a positive one lets VP8 pick it from the
    # clock, so the same input gave different pictures from run to run.
    "vp8": ("libvpx", {"deadline": "realtime", "cpu-used": "-8", "threads": "1"}),
    "vp9": (
        "libvpx-vp9",
        {"deadline": "realtime", "cpu-used": "8", "row-mt": "1", "lag-in-frames": "0"},
    ),
    "av1": ("libsvtav1", {"preset": "12", "svtav1-params": "lp=1"}),  # lp=2: not repeatable
    "h264": ("libx264", {"preset": "ultrafast", "tune": "zerolatency"}),
    "hevc": ("libx265", {"preset": "ultrafast", "x265-params": "log-level=error"}),
}
_AUDIO = {"opus": "libopus", "aac": "aac", "mp3": "libmp3lame", "flac": "flac", "pcm": "pcm_s16le"}
_FORMAT = {"webm": "webm", "mp4": "mp4", "mov": "mov", "m4a": "ipod", "mp3": "mp3", "ogg": "ogg"}
_FORMAT |= {"wav": "wav", "flac": "flac"}
FRAGMENTED_MP4 = {"movflags": "frag_keyframe+empty_moov+default_base_moof"}


@dataclass(frozen=True)
class Cell:
    name: str
    source: str
    container: str
    audio: str
    video: str | None = None
    width: int = 0
    height: int = 0
    rotation: int = 0  # clockwise turn to upright, as the old `rotate` tag and phones say
    fragmented: bool = False

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.container}"


def _v(name: str, src: int, codec: str, container: str, w: int, h: int, **kw: object) -> Cell:
    audio = "opus" if container == "webm" else "aac"
    return Cell(name, SOURCES[src], container, audio, codec, w, h, **kw)  # type: ignore[arg-type]


# Shapes: every width of the issue, landscape and portrait, spread over the codecs.
SHAPES = [
    _v("vp8_360x288", 0, "vp8", "webm", 360, 288),
    _v("vp8_640x480", 1, "vp8", "webm", 640, 480),
    _v("vp8_720x480", 0, "vp8", "webm", 720, 480),
    _v("vp9_848x480", 0, "vp9", "webm", 848, 480),
    _v("vp9_854x480", 1, "vp9", "webm", 854, 480),
    _v("vp9_1080x720", 1, "vp9", "webm", 1080, 720),
    _v("h264_1280x720", 0, "h264", "mp4", 1280, 720),
    _v("vp9_1366x768", 1, "vp9", "webm", 1366, 768),
    _v("vp9_1620x1080", 0, "vp9", "webm", 1620, 1080),
    _v("h264_1920x1080", 1, "h264", "mp4", 1920, 1080),
    _v("vp8_360x640", 1, "vp8", "webm", 360, 640),
    _v("h264_720x1280", 0, "h264", "mp4", 720, 1280),
    _v("h264_1080x1920", 1, "h264", "mp4", 1080, 1920),
]
# Codecs and containers at one shape (854x480, a width that is not a multiple of 16).
CODECS = [
    _v("vp8_webm", 1, "vp8", "webm", 854, 480),
    _v("vp9_webm", 0, "vp9", "webm", 854, 480),
    _v("av1_webm", 0, "av1", "webm", 854, 480),
    _v("av1_webm_2", 1, "av1", "webm", 854, 480),
    _v("h264_mp4", 1, "h264", "mp4", 854, 480),
    _v("h264_mov", 0, "h264", "mov", 854, 480),
    _v("hevc_mp4", 0, "hevc", "mp4", 854, 480),
    _v("hevc_mov", 1, "hevc", "mov", 854, 480),
    _v("safari_fmp4", 0, "h264", "mp4", 1280, 720, fragmented=True),
]
# Phones: the sensor's picture stored turned, a display matrix to turn it upright.
ROTATED = [
    _v("phone_rotate90", 0, "hevc", "mov", 854, 480, rotation=90),
    _v("phone_rotate180", 1, "h264", "mp4", 854, 480, rotation=180),
    _v("phone_rotate270", 1, "h264", "mp4", 854, 480, rotation=270),
]
AUDIO_ONLY = [
    Cell("audio_m4a", SOURCES[0], "m4a", "aac"),
    Cell("audio_mp3", SOURCES[1], "mp3", "mp3"),
    Cell("audio_ogg", SOURCES[0], "ogg", "opus"),
    Cell("audio_wav", SOURCES[1], "wav", "pcm"),
    Cell("audio_flac", SOURCES[0], "flac", "flac"),
]
MATRIX = SHAPES + CODECS + ROTATED + AUDIO_ONLY


@functools.cache
def source_media(path: Path, seconds: float = SECONDS) -> tuple[list[np.ndarray], np.ndarray]:
    """The first `seconds` of a clip: RGB frames at `FPS` and mono float audio at 48 kHz."""
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        base = stream.time_base
        assert base is not None, "a demuxed stream has a time base"
        frames: list[np.ndarray] = []
        for frame in c.decode(stream):
            assert frame.pts is not None, "a decoded frame without a timestamp"
            t = float(frame.pts * base)
            if t >= seconds:
                break
            if len(frames) <= t * FPS:  # keep FPS of the source's 25 per second
                frames.append(frame.to_ndarray(format="rgb24"))
    with av.open(str(path)) as c:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
        audio = np.concatenate(
            [f.to_ndarray().reshape(-1) for fr in c.decode(audio=0) for f in resampler.resample(fr)]
        )
    return frames, audio[: int(seconds * AUDIO_RATE)]


def frame_into(rgb: np.ndarray, width: int, height: int) -> np.ndarray:
    """Scale the square picture to fit and pad it with grey to `width` x `height`."""
    side = min(width, height)
    face = cv2.resize(rgb, (side, side), interpolation=cv2.INTER_AREA)
    canvas = np.full((height, width, 3), PAD_GREY, dtype=np.uint8)
    top, left = (height - side) // 2, (width - side) // 2
    canvas[top : top + side, left : left + side] = face
    return canvas


def stored_picture(upright: np.ndarray, rotation: int) -> np.ndarray:
    """What a phone stores so that turning it `rotation` degrees clockwise gives the
    upright picture (np.rot90 with k > 0 turns counter-clockwise)."""
    return np.ascontiguousarray(np.rot90(upright, k=rotation // 90))


def _add_audio(out: av.container.OutputContainer, cell: Cell) -> av.AudioStream:
    rate = AUDIO_RATE if cell.audio in {"opus", "pcm", "flac"} else 44_100
    stream = add_audio(out, _AUDIO[cell.audio], rate)
    stream.layout = "mono"
    if cell.audio in {"opus", "aac", "mp3"}:
        stream.bit_rate = 48_000
    return stream


def _mux_audio(
    out: av.container.OutputContainer, stream: av.AudioStream, audio: np.ndarray
) -> None:
    resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=stream.rate)
    frame = av.AudioFrame.from_ndarray(audio[None, :], "flt", "mono")
    frame.sample_rate, frame.pts = AUDIO_RATE, 0
    for chunk in [*resampler.resample(frame), *resampler.resample(None)]:
        out.mux(stream.encode(chunk))
    out.mux(stream.encode(None))


def make(cell: Cell, testdata: Path, out_dir: Path) -> Path:
    """Write one cell's recording (once; later calls reuse the file)."""
    path = out_dir / cell.filename
    if path.exists():
        return path
    frames, audio = source_media(testdata / "video" / f"{cell.source}.mp4")
    options = FRAGMENTED_MP4 if cell.fragmented else {}
    partial = path.with_suffix(".part" + path.suffix)
    with av.open(str(partial), "w", format=_FORMAT[cell.container], options=options) as out:
        video = None
        if cell.video:
            encoder, codec_options = _VIDEO[cell.video]
            video = add_video(out, encoder, FPS, dict(codec_options))
            video.width, video.height, video.pix_fmt = cell.width, cell.height, "yuv420p"
            video.bit_rate = 1_500_000
            if cell.rotation:
                # PyAV counts counter-clockwise; an iPhone's portrait video reads -90 here.
                video.set_display_rotation(-cell.rotation)
        astream = _add_audio(out, cell)
        if video is not None:
            # Stored turned: the upright picture is height x width when turned by 90.
            turned = cell.rotation in {90, 270}
            up_w, up_h = (cell.height, cell.width) if turned else (cell.width, cell.height)
            for i, rgb in enumerate(frames):
                picture = stored_picture(frame_into(rgb, up_w, up_h), cell.rotation)
                frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
                frame.pts, frame.time_base = i, Fraction(1, FPS)
                out.mux(video.encode(frame.reformat(format="yuv420p")))
            out.mux(video.encode(None))
        _mux_audio(out, astream, audio)
    partial.rename(path)
    return path


def undecodable_video(source: Path, path: Path) -> Path:
    """An mp4 whose video track says MPEG-5 EVC ('evc1'), a codec this FFmpeg cannot
    decode: made from an H.264 mp4 by renaming its sample entry."""
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=FPS, options={"preset": "ultrafast"})
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        astream = out.add_stream("aac", rate=44_100)
        astream.layout = "mono"
        frames, audio = source_media(source)
        for i, rgb in enumerate(frames[:15]):
            frame = av.VideoFrame.from_ndarray(frame_into(rgb, 320, 240), format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            out.mux(video.encode(frame.reformat(format="yuv420p")))
        out.mux(video.encode(None))
        _mux_audio(out, astream, audio[:AUDIO_RATE])
    data = bytearray(path.read_bytes())
    entry = data.index(b"avc1", data.index(b"stsd"))  # the sample entry, not the brand
    data[entry : entry + 4] = b"evc1"
    path.write_bytes(bytes(data))
    return path
