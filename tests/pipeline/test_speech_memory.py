"""The changes made for flat memory compute the same thing as the originals."""

from __future__ import annotations

import itertools
import os

import faster_whisper.vad as fw_vad
import numpy as np
import pytest

from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.speech import prosody
from interview_prep_backend.pipeline.speech.transcribe import speech_parts
from interview_prep_backend.pipeline.speech.vad import BoundedSileroVAD
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def long_audio() -> np.ndarray:
    """About 80 s: the 13 s answer six times over, with 1.5 s silences between."""
    answer = decode_audio(FIXTURES / "answer_audio_only.webm", 600)
    gap = np.zeros(24_000, dtype=np.float32)
    return np.concatenate([np.concatenate([answer, gap]) for _ in range(6)])


def test_bounded_vad_gives_the_original_probabilities(long_audio: np.ndarray) -> None:
    path = os.path.join(fw_vad.get_assets_path(), "silero_vad_v6.onnx")
    padded = np.pad(long_audio, (0, 512 - long_audio.size % 512))
    original = fw_vad.SileroVADModel(path)(padded)
    bounded = BoundedSileroVAD(path)(padded)
    assert padded.size // 512 > 1000  # more than one bounded batch
    np.testing.assert_allclose(bounded, original, atol=1e-5)


def test_parts_are_cut_in_silence(long_audio: np.ndarray) -> None:
    parts = speech_parts(long_audio, part_s=30)
    assert len(parts) >= 3
    assert parts[0][0] == 0 and parts[-1][1] == long_audio.size
    for (_, end), (start, _) in itertools.pairwise(parts):
        assert end == start
        # the cut sits in near-silence
        assert np.abs(long_audio[max(0, end - 800) : end + 800]).max() < 0.05


def test_prosody_in_pieces_matches_one_pass(long_audio: np.ndarray) -> None:
    whole = prosody._get_detector(None).detect(long_audio, 16_000, fmin=60, fmax=500)
    measured = prosody.measure_prosody(long_audio)
    voiced = whole.confidence >= prosody.VOICED
    semis = 12 * np.log2(whole.pitch_hz[voiced] / np.median(whole.pitch_hz[voiced]))
    assert measured.pitch_std_semitones == pytest.approx(float(np.std(semis)), abs=0.01)
