"""Media that lies: bombs, absurd sizes and rates, durations the header gets wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.media import probe, with_decoded_duration
from tests.conftest import FIXTURES
from tests.hostile_media import (
    clip,
    patch_ebml_float,
    patch_timecode_scale,
    png_bomb,
    video_file,
)
from tests.pipelines import analyze, local_pipeline

DURATION = b"\x44\x89"  # Matroska Segment Info: Duration (in TimecodeScale ticks, ms)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="session")
def bomb(hostile_dir: Path) -> Path:
    return png_bomb(hostile_dir / "bomb.mov")  # ~1 MB on disk, 16000x16000 frame


@pytest.fixture(scope="session")
def eight_seconds(hostile_dir: Path) -> Path:
    """8 s of speech and video, written seekable: the header states 8.02 s."""
    return clip(FIXTURES / "answer_speech.webm", hostile_dir / "eight.webm", 8.0, video=True)


def refused(path: Path, cap: float = 600) -> str:
    with pytest.raises(AnalysisError) as info:
        probe(path, cap)
    return info.value.code


def test_decompression_bomb_is_refused_before_any_frame_is_decoded(bomb: Path) -> None:
    def no_model():
        raise AssertionError("the bomb got past the media check")

    with pytest.raises(AnalysisError) as info:
        analyze(local_pipeline(no_model), bomb)
    assert info.value.code == ErrorCode.FRAME_TOO_LARGE


@pytest.mark.parametrize(
    ("width", "height", "fps", "code"),
    [
        (3840, 2160, 10, None),  # UHD landscape
        (2160, 3840, 10, None),  # UHD portrait (a phone)
        (320, 240, 240, None),  # slow motion
        (320, 240, 300, ErrorCode.FRAME_RATE_TOO_HIGH),
        (320, 240, 1000, ErrorCode.FRAME_RATE_TOO_HIGH),
        (4112, 4112, 1, ErrorCode.FRAME_TOO_LARGE),  # declared in the header
        (8400, 16, 1, ErrorCode.FRAME_TOO_LARGE),  # a side over 8192
    ],
)
def test_frame_size_and_rate_caps(
    hostile_dir: Path, width: int, height: int, fps: int, code: ErrorCode | None
) -> None:
    codec = "png" if max(width, height) > 8191 else "mpeg4"  # MPEG-4 stops at 8191
    path = video_file(hostile_dir / f"v{width}x{height}@{fps}.mov", width, height, fps, 1, codec)
    if code is None:
        info = probe(path, 600)
        assert (info.width, info.height) == (width, height)
    else:
        assert refused(path) == code


def test_truncated_webm_reports_what_it_holds(eight_seconds: Path, tmp_path: Path) -> None:
    whole = probe(eight_seconds, 600)
    assert whole.duration_source == "header" and whole.duration_s == pytest.approx(8.0, abs=0.1)
    data = eight_seconds.read_bytes()
    for share in (0.05, 0.4, 0.8):
        cut = tmp_path / f"cut{share}.webm"
        cut.write_bytes(data[: int(len(data) * share)])
        info = probe(cut, 600)
        audio = decode_audio(cut, 600, expected_s=info.duration_s)
        held = audio.size / 16_000
        assert info.duration_source == "measured"
        assert info.duration_s < 7.5 and abs(info.duration_s - held) < 0.5, (share, info, held)


@pytest.mark.parametrize("claimed_s", [0.0, 2.0, 3600.0])
def test_header_duration_that_disagrees_with_the_streams(
    eight_seconds: Path, tmp_path: Path, claimed_s: float
) -> None:
    path = tmp_path / "lying.webm"
    path.write_bytes(patch_ebml_float(eight_seconds.read_bytes(), DURATION, claimed_s * 1000))
    info = probe(path, 600)
    assert info.duration_source == "measured"
    assert info.duration_s == pytest.approx(8.0, abs=0.1)
    # too_long follows the measurement too: the 2 s header does not let 8 s through a
    # 5 s cap, and the 3600 s header does not refuse 8 s under a 600 s cap.
    assert refused(path, cap=5) == ErrorCode.TOO_LONG


def test_scaled_timecodes_are_measured_from_the_decoded_audio(
    eight_seconds: Path, tmp_path: Path
) -> None:
    # TimecodeScale 1 ns instead of 1 ms: header and packets both say about 0 s.
    path = tmp_path / "scaled.webm"
    path.write_bytes(patch_timecode_scale(eight_seconds.read_bytes(), 1))
    info = probe(path, 600)
    assert info.duration_s < 0.1
    audio = decode_audio(path, 600, expected_s=info.duration_s)
    fixed = with_decoded_duration(info, audio.size)
    assert fixed.duration_source == "measured"
    assert fixed.duration_s == pytest.approx(8.0, abs=0.1)
