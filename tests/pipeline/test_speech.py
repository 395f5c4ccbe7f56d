"""The speech stage with the real Whisper base model on real and synthetic speech."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.evaluation import read_vtt, vtt_fillers, word_error_rate
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.language import ENGLISH
from interview_prep_backend.pipeline.ports import SpeechInput
from interview_prep_backend.pipeline.speech.analyze import SpeechAnalysis, analyze_speech
from interview_prep_backend.pipeline.speech.model import load_model
from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber
from tests.conftest import FIXTURES, TESTDATA, need

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def model(model_dir: Path):
    return load_model("bundled:base", model_dir, allow_download=False, cpu_threads=0)


def run(path: Path, model) -> SpeechAnalysis:
    audio = decode_audio(path, 600)
    speech = SpeechInput(audio, audio.size / 16_000)
    return analyze_speech(speech, WhisperTranscriber(lambda: model))


def test_synthetic_answer_is_transcribed_with_word_times(model) -> None:
    speech = run(FIXTURES / "answer_speech.webm", model)
    reference = (FIXTURES / "answer_speech.txt").read_text()
    assert word_error_rate(reference, speech.transcript.text) < 0.2
    words = speech.transcript.words
    assert all(w.start <= w.end for w in words)
    assert all(a.start <= b.start for a, b in itertools.pairwise(words))
    # Speech starts at 0.5 s and ends about 0.5 s before the end; Whisper's first-word
    # start is known to be early by a few hundred ms.
    assert words[0].start <= 1.2
    assert speech.transcript.duration_s - 2.0 < words[-1].end <= speech.transcript.duration_s
    assert speech.fillers == []
    assert speech.prosody.pitch_median_hz is not None


def test_real_fillers_found_near_their_true_times(model) -> None:
    clip = need(TESTDATA / "audio" / "fillers_um_uh.wav")
    expected = vtt_fillers(read_vtt(clip.with_suffix(".vtt")))
    assert {m.text for m in expected} == {"um", "uh"}
    speech = run(clip, model)
    hesitations = [f for f in speech.fillers if f.text in set(ENGLISH.fillers.hesitations.values())]
    for mark in expected:
        assert any(abs(f.start - mark.start) <= 0.5 for f in hesitations), (mark, hesitations)


@pytest.mark.parametrize("name", ["talking_head_1.mp4", "talking_head_2.mp4"])
def test_no_filler_invented_in_fluent_speech(model, name: str) -> None:
    speech = run(need(TESTDATA / "video" / name), model)
    assert len(speech.transcript.words) > 10
    assert speech.fillers == []
    assert 100 < speech.delivery.wpm < 260


def test_silence_is_no_speech(model) -> None:
    with pytest.raises(AnalysisError) as info:
        run(FIXTURES / "silence.webm", model)
    assert info.value.code == ErrorCode.NO_SPEECH


def test_pitch_variation_is_measured_in_semitones(model) -> None:
    speech = run(need(TESTDATA / "audio" / "fillers_um_uh.wav"), model)
    p = speech.prosody
    assert p.pitch_std_semitones is not None and 0.5 < p.pitch_std_semitones < 12
    assert p.loudness_std_db is not None and p.loudness_std_db > 0
