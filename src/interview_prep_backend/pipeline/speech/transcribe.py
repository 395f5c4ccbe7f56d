"""Transcription with word timings, tuned to keep the fillers a coach needs.

Whisper is trained on cleaned-up subtitles and tends to drop "um" and "uh". Measured on
this machine, batched decoding (batch 2, temperature 0, word timestamps) with the short
prompt "Um, uh, hmm, er, ah." kept real fillers that plain decoding dropped, with beam 5.
Greedy search was 20 % faster (4.1 against 5.1 s for a minute) and matched beam 5 on the
reference clips, but on a 7 s recording made by Chromium's MediaRecorder it emitted one
word ("I'm") where beam 5 gave the whole sentence; beams 2 and 3 failed the same way.
Longer prompts, temperature fallback with a prompt, and `hotwords` caused loops and
invented text, so none is used.

Long recordings are cut into parts of about a minute, in silences that the VAD finds,
and transcribed part by part: the batched pipeline holds every 30 s chunk's audio and
features at once, which made peak memory grow with length (+68 MB from 1 to 5 minutes);
part by part it stays flat, and each finished part can be reported as progress.

The language and the filler prompt come from the language pack (English's prompt is the
one measured above; another language's needs measuring the same way).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from faster_whisper import BatchedInferencePipeline, WhisperModel
from faster_whisper.vad import VadOptions, get_speech_timestamps

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.speech import vad

vad.install()  # flat memory at any length; see vad.py

SAMPLE_RATE = 16_000
PART_S = 60.0
# The batched pipeline's own VAD settings, so parts are cut where it would cut chunks.
_VAD = VadOptions(max_speech_duration_s=30, min_silence_duration_ms=160)


@dataclass(frozen=True)
class Word:
    text: str  # as spoken, without surrounding spaces
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Segment:
    text: str
    start: float
    end: float
    confidence: float  # mean word probability
    words: tuple[Word, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Transcript:
    language: str
    duration_s: float
    segments: tuple[Segment, ...]

    @property
    def words(self) -> list[Word]:
        return [word for segment in self.segments for word in segment.words]

    @property
    def text(self) -> str:
        return " ".join(segment.text for segment in self.segments).strip()


ProgressFn = Callable[[float], None]


def sentence_groups(words: list[Word]) -> list[list[Word]]:
    """Split timed words where a word ends a sentence (., ?, !)."""
    groups: list[list[Word]] = [[]]
    for word in words:
        groups[-1].append(word)
        if word.text.endswith((".", "?", "!")):
            groups.append([])
    return [g for g in groups if g]


def speech_parts(audio: np.ndarray, part_s: float = PART_S) -> list[tuple[int, int]]:
    """Sample ranges of at most about `part_s` seconds, cut in the middle of silences."""
    speech = get_speech_timestamps(audio, _VAD)
    if not speech:
        return []
    limit = int(part_s * SAMPLE_RATE)
    parts: list[tuple[int, int]] = []
    start = 0
    for before, after in itertools.pairwise(speech):
        if after["end"] - start > limit:
            cut = (before["end"] + after["start"]) // 2
            parts.append((start, cut))
            start = cut
    parts.append((start, audio.size))
    return parts


def _segment(raw, offset: float) -> Segment:
    words = tuple(
        Word(
            text=w.word.strip(),
            start=round(float(w.start) + offset, 3),
            end=round(float(w.end) + offset, 3),
            probability=round(float(w.probability), 4),
        )
        for w in raw.words or ()
        if w.word.strip()
    )
    confidence = float(np.mean([w.probability for w in words])) if words else 0.0
    return Segment(
        text=raw.text.strip(),
        start=round(float(raw.start) + offset, 3),
        end=round(float(raw.end) + offset, 3),
        confidence=round(confidence, 4),
        words=words,
    )


def transcribe(
    audio: np.ndarray,
    model: WhisperModel,
    *,
    batch_size: int = 2,
    beam_size: int = 5,
    pack: LanguagePack = ENGLISH,
    progress: ProgressFn | None = None,
) -> Transcript:
    """Transcribe 16 kHz mono audio in the pack's language; `progress` gets the fraction
    done (0-1)."""
    duration = audio.size / SAMPLE_RATE
    pipeline = BatchedInferencePipeline(model)
    segments: list[Segment] = []
    detected = pack.whisper_language
    for start, end in speech_parts(audio):
        offset = start / SAMPLE_RATE
        raw_segments, info = pipeline.transcribe(
            audio[start:end],
            language=pack.whisper_language,
            batch_size=batch_size,
            beam_size=beam_size,
            temperature=0.0,
            word_timestamps=True,
            initial_prompt=pack.filler_prompt,
        )
        detected = info.language
        for raw in raw_segments:
            segments.append(_segment(raw, offset))
            if progress and duration:
                progress(min(1.0, (raw.end + offset) / duration))
    return Transcript(language=detected, duration_s=duration, segments=tuple(segments))
