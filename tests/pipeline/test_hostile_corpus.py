"""A generated corpus of hostile media through the whole analysis (issue 15).

Every file either completes or fails with `AnalysisError` and a stable code other than
`internal_error`; no other exception escapes. The files are made here from the
committed fixtures: short re-encoded clips (webm audio, webm VP8+Opus without a header
duration, MOV MPEG-4+AAC, MP4 AAC, WAV) each truncated at many offsets, cut to the
header, bit-flipped, given a wrong magic number or a zeroed middle; WAV headers with
absurd rates, channel counts, sample sizes and declared sizes; 8-channel and 8 kHz
audio; Matroska durations and timecode scales that lie; a PNG bomb; an HLS playlist and
an ffconcat list pointing at local files. Backwards timestamps are not made: PyAV's
muxers refuse to write them.

The analysis runs in-process with Whisper loaded once and greedy decoding (beam 1),
since the question is robustness, not accuracy.
"""

from __future__ import annotations

import collections
import logging
from pathlib import Path

import pytest

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.speech.model import load_model
from tests.conftest import FIXTURES
from tests.hostile_media import (
    clip,
    mutations,
    patch_ebml_float,
    patch_timecode_scale,
    patch_wav,
    png_bomb,
    speech_wav,
    video_file,
)
from tests.pipelines import analyze, local_pipeline

SECONDS = 2.5


def _wav_variants(wav: Path, folder: Path) -> list[Path]:
    fields: list[dict[str, int]] = [
        {"rate": r} for r in (0, 1, 1999, 8_000, 44_100, 384_001, 2**31 - 1, 2**32 - 1)
    ]
    fields += [{"channels": c} for c in (0, 2, 8, 65, 255, 65_535)]
    fields += [{"bits": b} for b in (0, 7, 12, 64, 65_535)]
    fields += [
        {"data_size": 0},
        {"data_size": 2**32 - 1},
        {"riff_size": 2**32 - 1, "data_size": 2**32 - 1},
        {"riff_size": 0},
        {"rate": 2**31 - 1, "channels": 65_535},
    ]
    out = []
    for i, patch in enumerate(fields):
        name = "-".join(f"{k}{v}" for k, v in patch.items())
        out.append(patch_wav(wav, folder / f"wav-{i}-{name}.wav", **patch))
    return out


def _playlists(folder: Path) -> list[Path]:
    secret = folder / "secret.wav"
    secret.write_bytes(b"not for the analysis")
    hls = folder / "playlist.webm"
    hls.write_text(
        "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
        f"file://{secret}\n#EXTINF:10,\n/etc/passwd\n#EXT-X-ENDLIST\n"
    )
    concat = folder / "concat.webm"
    concat.write_text(f"ffconcat version 1.0\nfile '{secret}'\nfile '/etc/passwd'\n")
    return [hls, concat]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    speech, audio_only = FIXTURES / "answer_speech.webm", FIXTURES / "answer_audio_only.webm"
    wav = speech_wav(audio_only, folder / "speech.wav", SECONDS)
    bases = {
        "webm-audio": clip(audio_only, folder / "a.webm", SECONDS, video=False),
        "webm-live": clip(speech, folder / "v.webm", SECONDS, video=True, header_duration=False),
        "mov": clip(speech, folder / "m.mov", SECONDS, video=True, fmt="mov"),
        "m4a": clip(audio_only, folder / "a.m4a", SECONDS, video=False, fmt="mp4"),
        "wav": wav,
    }
    files = list(bases.values())
    for n, (name, path) in enumerate(bases.items()):
        for label, data in mutations(name, path.read_bytes(), seed=n):
            (folder / label).write_bytes(data)
            files.append(folder / label)
    files += _wav_variants(wav, folder)
    files += [
        speech_wav(audio_only, folder / "eight-channels.wav", SECONDS, channels=8),
        speech_wav(audio_only, folder / "8khz.wav", SECONDS, rate=8_000),
        png_bomb(folder / "bomb.mov", side=16_000),
        video_file(folder / "fast.mov", 160, 120, 1000, 4),
        FIXTURES / "silence.webm",
        FIXTURES / "no_audio.webm",
    ]
    header = bases["webm-audio"].read_bytes()
    for seconds in (0.0, 1e12):
        lie = folder / f"duration-{seconds}.webm"
        lie.write_bytes(patch_ebml_float(header, b"\x44\x89", seconds * 1000))
        files.append(lie)
    for scale in (1, 16_000_000):  # fits the 3-byte field
        scaled = folder / f"timecodescale-{scale}.webm"
        scaled.write_bytes(patch_timecode_scale(header, scale))
        files.append(scaled)
    files += _playlists(folder)
    return files


@pytest.fixture(scope="module")
def model(model_dir: Path):
    return load_model("bundled:base", model_dir, allow_download=False, cpu_threads=0)


def test_hostile_corpus_never_escapes_as_another_exception(
    corpus: list[Path],
    model,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    assert len(corpus) >= 150
    outcomes: collections.Counter[str] = collections.Counter()
    pipeline = local_pipeline(model, max_media_seconds=60, beam_size=1, fps=2.0)
    escaped: list[tuple[str, str]] = []
    for path in corpus:
        try:
            result = analyze(pipeline, path)
            assert result["media"]["duration_s"] >= 0
            outcomes["completed"] += 1
        except AnalysisError as exc:
            assert exc.code in set(ErrorCode) and exc.code != ErrorCode.INTERNAL
            outcomes[str(exc.code)] += 1
        except Exception as exc:  # what this test looks for
            escaped.append((path.name, f"{type(exc).__name__}: {exc}"))
    print(f"\n{len(corpus)} hostile files: {dict(sorted(outcomes.items()))}")
    assert not escaped, escaped
    # The corpus really tests both sides: much completes, much is refused.
    assert outcomes["completed"] >= 20 and sum(outcomes.values()) - outcomes["completed"] >= 50
    # The playlists are not followed to the files they name.
    assert "secret.wav" not in caplog.text
