"""Issue 10 §1: every common recording shape reads right (tests/media_matrix.py).

Each cell is analysed once per session by the real pipeline (`Pipeline.analyze_recording`: PyAV,
Whisper base, MediaPipe, fer) and checked for: the face found in >= 90 % of sampled
frames, the transcript matching the original clip's, the display matrix applied, and
the presence shares of one clip agreeing across every shape and codec it was made in.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.evaluation import word_error_rate
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.media import SAMPLE_RATE, probe
from interview_prep_backend.pipeline.speech.model import load_model
from interview_prep_backend.pipeline.speech.transcribe import transcribe
from tests.conftest import TESTDATA, need, upload
from tests.media_matrix import (
    AUDIO_ONLY,
    MATRIX,
    ROTATED,
    SECONDS,
    SOURCES,
    Cell,
    make,
    undecodable_video,
)
from tests.pipelines import analyze, local_pipeline

pytestmark = pytest.mark.model

FACE_FOUND_PCT = 90.0
# Word error rate against the original clip's transcript. A 3.6 s cut holds 9-12
# words; the cells measured 0-0.09 (one word). 0.2 allows two words of codec damage.
MAX_WER = 0.2
# Largest spread of smile or eye-contact share between all shapes and codecs of one
# clip (13-17 cells each, portrait and turned phones included), in points. A 3.6 s cell
# gives 11 sampled frames, so one frame's grade moving by 0.1 moves a share by 0.9.
# Measured with graded shares: 5.9 (smile), 4.9 (eye contact). Hard cuts flip whole
# frames (9.1 points each); the issue saw 18 points between two sizes.
PRESENCE_TOLERANCE = 8.0
UPRIGHT = [c for c in MATRIX if c.video]


@pytest.fixture(scope="session")
def matrix_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need(TESTDATA / "video" / "talking_head_1.mp4")
    return tmp_path_factory.mktemp("media_matrix")


@pytest.fixture(scope="module")
def whisper(model_dir: Path):
    return load_model("bundled:base", model_dir, allow_download=False, cpu_threads=0)


@pytest.fixture(scope="module")
def references(whisper) -> dict[str, str]:
    """What Whisper hears in the original clips, cut where the cells are cut."""
    out = {}
    for source in SOURCES:
        audio = decode_audio(TESTDATA / "video" / f"{source}.mp4", 600)
        out[source] = transcribe(audio[: int(SECONDS * SAMPLE_RATE)], whisper).text
    return out


@pytest.fixture(scope="module")
def analysed(matrix_dir: Path, whisper) -> Callable[[Cell], dict[str, Any]]:
    """Analyse a cell on first use; later tests reuse the result."""
    cache: dict[str, dict[str, Any]] = {}

    def get(cell: Cell) -> dict[str, Any]:
        if cell.name not in cache:
            path = make(cell, TESTDATA, matrix_dir)
            cache[cell.name] = analyze(local_pipeline(whisper), path, cell.filename)
        return cache[cell.name]

    return get


@pytest.mark.parametrize("cell", MATRIX, ids=[c.name for c in MATRIX])
def test_cell(cell: Cell, analysed, references: dict[str, str]) -> None:
    result = analysed(cell)
    media = result["media"]
    wer = word_error_rate(references[cell.source], result["transcript_analysis"]["full_text"])
    assert wer <= MAX_WER, (references[cell.source], result["transcript_analysis"]["full_text"])
    if cell.video is None:
        assert media["has_video"] is False and result["presence"] is None
        return
    upright = (cell.height, cell.width) if cell.rotation in {90, 270} else (cell.width, cell.height)
    assert (media["width"], media["height"]) == (cell.width, cell.height)
    assert media["rotation_deg"] == cell.rotation
    presence = result["presence"]
    assert presence["face_visible_pct"] >= FACE_FOUND_PCT, (upright, presence["warnings"])
    assert "no_face" not in [w["code"] for w in presence["warnings"]]


@pytest.mark.parametrize("source", SOURCES)
def test_presence_agrees_across_shapes_and_codecs(source: str, analysed) -> None:
    cells = [c for c in UPRIGHT if c.source == source]
    figures = {c.name: analysed(c)["presence"] for c in cells}
    for key in ("smile_pct", "eye_contact_pct"):
        values = {name: p[key] for name, p in figures.items()}
        spread = max(values.values()) - min(values.values())
        assert spread <= PRESENCE_TOLERANCE, (key, values)


def test_phone_display_matrix_is_the_one_an_iphone_writes(matrix_dir: Path) -> None:
    """The fixture's rotation is checked against a phone's, not only read back by PyAV:
    an iPhone's portrait video has the tkhd matrix (0, 1, -1, 0) and a `rotate` of 90."""
    cell = next(c for c in ROTATED if c.rotation == 90)
    data = make(cell, TESTDATA, matrix_dir).read_bytes()
    at = data.index(b"tkhd") + 4 + 40  # fourcc, then version..reserved before the matrix
    a, b, _, c, d = struct.unpack(">5i", data[at : at + 20])
    assert (a, b, c, d) == (0, 0x10000, -0x10000, 0)


def test_audio_cells_have_no_video(matrix_dir: Path) -> None:
    for cell in AUDIO_ONLY:
        assert probe(make(cell, TESTDATA, matrix_dir), 600).has_video is False


def test_undecodable_video_codec_is_refused(tmp_path: Path) -> None:
    path = undecodable_video(need(TESTDATA / "video" / "talking_head_1.mp4"), tmp_path / "e.mp4")
    with pytest.raises(AnalysisError) as info:
        probe(path, 600)
    assert info.value.code == ErrorCode.UNSUPPORTED_CODEC


def test_through_http(client: TestClient, matrix_dir: Path, tmp_path: Path) -> None:
    """The issue's 1620x1080 VP9 answer and a phone video, then an undecodable codec."""
    webcam = next(c for c in MATRIX if c.name == "vp9_1620x1080")
    key = upload(client, make(webcam, TESTDATA, matrix_dir).read_bytes(), "video/webm")
    r = client.post("/api/v1/analyze", json={"file_key": key})
    assert r.status_code == 200, r.text
    assert r.json()["presence"]["face_visible_pct"] >= FACE_FOUND_PCT
    assert r.json()["media"]["rotation_deg"] == 0

    phone = next(c for c in ROTATED if c.rotation == 270)
    key = upload(client, make(phone, TESTDATA, matrix_dir).read_bytes(), "video/mp4")
    r = client.post("/api/v1/analyze", json={"file_key": key})
    assert r.status_code == 200, r.text
    assert r.json()["media"]["rotation_deg"] == 270
    assert r.json()["presence"]["face_visible_pct"] >= FACE_FOUND_PCT

    evc = undecodable_video(TESTDATA / "video" / "talking_head_1.mp4", tmp_path / "evc.mp4")
    key = upload(client, evc.read_bytes(), "video/mp4")
    r = client.post("/api/v1/analyze", json={"file_key": key})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "unsupported_codec"
