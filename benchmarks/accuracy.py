"""Word error rate and filler precision/recall over a folder of recordings.

For each audio or video file, a same-name `.txt` is the reference transcript and a
same-name `.vtt` the verbatim word timings with fillers marked `[UM]`, `[UH]`, ...
(the reference text is taken from the `.vtt` when there is no `.txt`). Hesitation
fillers found within 0.5 s of a marked one count as hits.
Usage: uv run python benchmarks/accuracy.py FOLDER [FOLDER ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from interview_prep_backend.bootstrap import model_loader
from interview_prep_backend.evaluation import (
    match_fillers,
    read_vtt,
    vtt_fillers,
    word_error_rate,
)
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.language import ENGLISH
from interview_prep_backend.pipeline.ports import SpeechInput
from interview_prep_backend.pipeline.speech.analyze import analyze_speech
from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber
from interview_prep_backend.settings import get_settings

MEDIA = {".wav", ".mp3", ".m4a", ".ogg", ".flac", ".webm", ".mp4", ".mov", ".mkv"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args()
    settings = get_settings()
    transcriber = WhisperTranscriber(
        model_loader(settings),
        batch_size=settings.whisper_batch_size,
        beam_size=settings.whisper_beam_size,
    )
    hesitations = set(ENGLISH.fillers.hesitations.values())
    errors = ref_words = tp = found = expected = 0
    for path in sorted(p for f in args.folders for p in f.rglob("*") if p.suffix in MEDIA):
        txt, vtt = path.with_suffix(".txt"), path.with_suffix(".vtt")
        if not txt.exists() and not vtt.exists():
            continue
        audio = decode_audio(path, settings.max_media_seconds)
        speech = analyze_speech(SpeechInput(audio, audio.size / 16_000), transcriber)
        marks = read_vtt(vtt) if vtt.exists() else []
        reference = txt.read_text() if txt.exists() else " ".join(m.text for m in marks)
        wer = word_error_rate(reference, speech.transcript.text)
        n_ref = len(reference.split())
        errors += round(wer * n_ref)
        ref_words += n_ref
        line = f"{path.name:<32} WER {wer:6.1%}"
        if marks:
            score = match_fillers(
                [(f.text, f.start) for f in speech.fillers if f.text in hesitations],
                vtt_fillers(marks),
            )
            tp, found, expected = (
                tp + score.true_positives,
                found + score.found,
                (expected + score.expected),
            )
            line += (
                f"  fillers {score.true_positives}/{score.expected} found, {score.found} flagged"
            )
        print(line)
    if ref_words:
        print(f"overall WER {errors / ref_words:.1%} over {ref_words} reference words")
    if expected or found:
        precision = tp / found if found else 1.0
        recall = tp / expected if expected else 1.0
        print(
            f"hesitation fillers: precision {precision:.2f}, recall {recall:.2f} "
            f"({tp} hits, {found} flagged, {expected} marked)"
        )


if __name__ == "__main__":
    main()
