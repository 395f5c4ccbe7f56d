"""The media stage: checks, stable error codes, audio extraction."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.media import probe
from tests.conftest import FIXTURES, TESTDATA, need
from tests.media_factory import MINIMAL_PDF, long_wav, truncated


def code_of(path: Path, cap: float = 600) -> str:
    with pytest.raises(AnalysisError) as info:
        probe(path, cap)
        decode_audio(path, cap)
    return info.value.code


def test_browser_style_webm_without_duration_is_measured() -> None:
    info = probe(FIXTURES / "answer_speech.webm", 600)
    assert info.duration_source == "measured"
    assert 12.5 < info.duration_s < 14.0
    assert info.has_video and info.video_codec == "vp8" and info.audio_codec == "opus"
    audio = decode_audio(FIXTURES / "answer_speech.webm", 600)
    assert audio.dtype.name == "float32"
    assert abs(audio.size / 16_000 - info.duration_s) < 0.2


def test_mp4_duration_from_header() -> None:
    info = probe(need(TESTDATA / "video" / "talking_head_1.mp4"), 600)
    assert info.duration_source == "header" and info.duration_s == pytest.approx(8.0, abs=0.1)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "e.webm").write_bytes(b"")
    assert code_of(tmp_path / "e.webm") == ErrorCode.EMPTY_FILE


def test_pdf_named_webm(tmp_path: Path) -> None:
    (tmp_path / "doc.webm").write_bytes(MINIMAL_PDF)
    assert code_of(tmp_path / "doc.webm") == ErrorCode.MEDIA_UNREADABLE


def test_random_bytes(tmp_path: Path) -> None:
    (tmp_path / "r.webm").write_bytes(os.urandom(50_000))
    assert code_of(tmp_path / "r.webm") == ErrorCode.MEDIA_UNREADABLE


def test_truncated_webm(tmp_path: Path) -> None:
    path = truncated(FIXTURES / "answer_speech.webm", tmp_path / "t.webm")
    assert code_of(path) in {ErrorCode.MEDIA_UNREADABLE, ErrorCode.NO_AUDIO_TRACK}


def test_no_audio_track() -> None:
    assert code_of(FIXTURES / "no_audio.webm") == ErrorCode.NO_AUDIO_TRACK


def test_too_long_by_header(tmp_path: Path) -> None:
    path = long_wav(tmp_path / "hour.wav", 3600)
    assert code_of(path) == ErrorCode.TOO_LONG


def test_too_long_by_measurement() -> None:
    # The fixture has no duration in its header; a 5 s cap must still refuse it.
    assert code_of(FIXTURES / "answer_speech.webm", cap=5) == ErrorCode.TOO_LONG
