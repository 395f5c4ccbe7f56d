"""Shape the stage outputs into the stored and returned result.

The original service's fields (`transcript_analysis.full_text`, `filler_ratio`,
`filler_hits`, `segments[{text,start_time,end_time,confidence}]`, `facial_analysis`,
`coaching_advice`) keep their names and meaning; new blocks sit beside them. What a
stage that does not exist yet would fill stays null, never a made-up value.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from typing import Any

from interview_prep_backend.pipeline.content.analyze import ContentAnalysis
from interview_prep_backend.pipeline.content.text import Sentence
from interview_prep_backend.pipeline.media import MediaInfo
from interview_prep_backend.pipeline.original import (
    facial_analysis,
    mumble_score,
    unclear_stretches,
)
from interview_prep_backend.pipeline.presence.impressions import impressions
from interview_prep_backend.pipeline.presence.summary import Presence
from interview_prep_backend.pipeline.schema import RESULT_VERSION
from interview_prep_backend.pipeline.speech.analyze import SpeechAnalysis


def _transcript_analysis(speech: SpeechAnalysis) -> dict[str, Any]:
    transcript = speech.transcript
    words = transcript.words
    filler_words = sum(len(f.word_indices) for f in speech.fillers)
    return {
        "full_text": transcript.text,
        "language": transcript.language,
        "filler_ratio": round(filler_words / len(words), 4) if words else 0.0,
        # The original's int: filler words (a two-word "you know" counts two), the same
        # count filler_ratio divides. Per-filler counts: speech_metrics.fillers.by_word.
        "filler_hits": filler_words,
        "mumble_score": mumble_score(words),
        "segments": [
            {
                "text": s.text,
                "start_time": s.start,
                "end_time": s.end,
                "confidence": s.confidence,
            }
            for s in transcript.segments
        ],
        "words": [
            {"text": w.text, "start_time": w.start, "end_time": w.end, "confidence": w.probability}
            for w in words
        ],
    }


def _speech_metrics(speech: SpeechAnalysis) -> dict[str, Any]:
    d = speech.delivery
    minutes = speech.transcript.duration_s / 60.0
    longest = max(d.pauses, key=lambda p: p.duration, default=None)
    return {
        "word_count": d.word_count,
        "words_per_minute": d.wpm,
        "articulation_wpm": d.articulation_wpm,
        "pace_windows": [asdict(w) for w in d.pace_windows],
        "speaking_time_s": d.speaking_time_s,
        "silence_s": d.silence_s,
        "leading_silence_s": d.leading_silence_s,
        "trailing_silence_s": d.trailing_silence_s,
        "pauses": {
            "min_pause_s": 1.0,
            "count": len(d.pauses),
            "longest": (
                {
                    "start_time": longest.start,
                    "end_time": longest.end,
                    "duration_s": longest.duration,
                    "after_word": longest.after_word,
                    "before_word": longest.before_word,
                }
                if longest
                else None
            ),
            "items": [
                {"start_time": p.start, "end_time": p.end, "duration_s": p.duration}
                for p in d.pauses
            ],
        },
        "fillers": {
            "count": len(speech.fillers),
            "per_minute": round(len(speech.fillers) / minutes, 2) if minutes else 0.0,
            "by_word": dict(Counter(f.text for f in speech.fillers).most_common()),
            "items": [
                {"text": f.text, "start_time": f.start, "end_time": f.end} for f in speech.fillers
            ],
        },
        "clarity": {
            "mumble_score": mumble_score(speech.transcript.words),
            "unclear_stretches": unclear_stretches(speech.transcript.words),
        },
        "hedges": {
            "count": len(d.hedges),
            "items": [{"text": h.text, "start_time": h.start, "end_time": h.end} for h in d.hedges],
        },
        "repetitions": {
            "count": len(d.repetitions),
            "items": [
                {"text": r.text, "start_time": r.start, "end_time": r.end} for r in d.repetitions
            ],
        },
        "prosody": asdict(speech.prosody),
    }


def _sentence(s: Sentence | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"text": s.text, "start_time": s.start, "end_time": s.end}


def content_block(c: ContentAnalysis) -> dict[str, Any]:
    total_person = c.i_count + c.we_count
    return {
        "question": c.question_text,
        "question_id": c.question_id,
        "expects_star": c.expects_star,
        "word_count": c.word_count,
        "answer_seconds": c.answer_seconds,
        "length_estimated": c.length_estimated,
        "ideal_seconds": list(c.ideal_seconds),
        "length_verdict": c.length_verdict,
        "star": {
            part: {"present": p.present, "sentences": [_sentence(x) for x in p.sentences]}
            for part, p in c.star.items()
        },
        "talking_points": [
            {
                "point": p.point,
                "covered": p.covered,
                "matched_keywords": p.matched,
                "evidence": _sentence(p.evidence),
            }
            for p in c.points
        ],
        "relevance": c.similarity,
        "concrete_results": [_sentence(x) for x in c.results],
        "ownership": {
            "i_count": c.i_count,
            "we_count": c.we_count,
            "i_share_pct": round(100 * c.i_count / total_person, 1) if total_person else None,
        },
        "ending": {"verdict": c.ending, "last_sentence": _sentence(c.last_sentence)},
    }


def presence_block(presence: Presence) -> dict[str, Any]:
    seen = impressions(presence)
    return {**asdict(presence), "impressions": asdict(seen) if seen else None}


def speech_blocks(speech: SpeechAnalysis) -> dict[str, Any]:
    return {
        "transcript_analysis": _transcript_analysis(speech),
        "speech_metrics": _speech_metrics(speech),
    }


def build_result(
    *,
    file_key: str,
    question: str | None,
    media: MediaInfo,
    speech: SpeechAnalysis,
    presence: Presence | None,
) -> dict[str, Any]:
    """The whole result; the caller fills content, coaching and the timings."""
    return {
        "result_version": RESULT_VERSION,
        "analysis_id": None,
        "file_key": file_key,
        "status": "completed",
        "answer_type": "recording",
        "question": question,
        "media": asdict(media),
        **speech_blocks(speech),
        # No video (an audio upload): no presence, and no invented face fields.
        "facial_analysis": facial_analysis(presence) if presence else None,
        "presence": presence_block(presence) if presence else None,
        # Filled by the content and coaching stages.
        "content": None,
        "coaching": None,
        "coaching_advice": None,
        "stage_seconds": None,
        "processing_time_ms": None,
    }
