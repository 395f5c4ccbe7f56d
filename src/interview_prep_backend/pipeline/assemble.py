"""Build the one `AnalysisResult` from the stages' typed outputs; nowhere else makes one.

The original service's fields (`transcript_analysis.full_text`, `filler_ratio`,
`filler_hits`, `segments[{text,start_time,end_time,confidence}]`, `facial_analysis`,
`coaching_advice`) keep their names and meaning; new blocks sit beside them. What a
stage did not measure stays null (no video: no presence), never a made-up value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.content.analyze import ContentAnalysis
from interview_prep_backend.pipeline.content.fluency import Fluency
from interview_prep_backend.pipeline.content.text import Sentence
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.media import MediaInfo
from interview_prep_backend.pipeline.original import (
    coaching_advice,
    facial_analysis,
    mumble_score,
    unclear_stretches,
)
from interview_prep_backend.pipeline.presence.impressions import impressions
from interview_prep_backend.pipeline.presence.summary import Presence
from interview_prep_backend.pipeline.speech.analyze import SpeechAnalysis
from interview_prep_backend.pipeline.speech.delivery import PAUSE_MIN_S
from interview_prep_backend.pipeline.timings import Timings

# The coaching stage: the result without coaching in (and the answer's language pack),
# the coaching out.
Coach = Callable[[s.AnalysisResult, LanguagePack], s.Coaching]


@dataclass(frozen=True)
class Answer:
    """What was asked and what came in, as the result names them."""

    question: str | None  # the text shown: the bank question's, or the candidate's own
    file_key: str | None = None
    answer_text: str | None = None  # a typed answer
    analysis_id: str | None = None


def transcript_analysis(speech: SpeechAnalysis) -> s.TranscriptAnalysis:
    transcript = speech.transcript
    words = transcript.words
    filler_words = sum(len(f.word_indices) for f in speech.fillers)
    return s.TranscriptAnalysis(
        full_text=transcript.text,
        language=transcript.language,
        filler_ratio=round(filler_words / len(words), 4) if words else 0.0,
        # The original's int: filler words (a two-word "you know" counts two), the same
        # count filler_ratio divides. Per-filler counts: speech_metrics.fillers.by_word.
        filler_hits=filler_words,
        mumble_score=mumble_score(words),
        segments=[
            s.Segment(text=g.text, start_time=g.start, end_time=g.end, confidence=g.confidence)
            for g in transcript.segments
        ],
        words=[
            s.TimedWord(text=w.text, start_time=w.start, end_time=w.end, confidence=w.probability)
            for w in words
        ],
    )


def _span(text: str, start: float, end: float) -> s.Span:
    return s.Span(text=text, start_time=start, end_time=end)


def speech_metrics(speech: SpeechAnalysis) -> s.SpeechMetrics:
    d = speech.delivery
    minutes = speech.transcript.duration_s / 60.0
    longest = max(d.pauses, key=lambda p: p.duration, default=None)
    return s.SpeechMetrics(
        word_count=d.word_count,
        words_per_minute=d.wpm,
        articulation_wpm=d.articulation_wpm,
        pace_windows=[s.PaceWindow(**asdict(w)) for w in d.pace_windows],
        speaking_time_s=d.speaking_time_s,
        silence_s=d.silence_s,
        leading_silence_s=d.leading_silence_s,
        trailing_silence_s=d.trailing_silence_s,
        pauses=s.Pauses(
            min_pause_s=PAUSE_MIN_S,
            count=len(d.pauses),
            longest=(
                s.LongestPause(
                    start_time=longest.start,
                    end_time=longest.end,
                    duration_s=longest.duration,
                    after_word=longest.after_word,
                    before_word=longest.before_word,
                )
                if longest
                else None
            ),
            items=[
                s.PauseItem(start_time=p.start, end_time=p.end, duration_s=p.duration)
                for p in d.pauses
            ],
        ),
        fillers=s.Fillers(
            count=len(speech.fillers),
            per_minute=round(len(speech.fillers) / minutes, 2) if minutes else 0.0,
            by_word=dict(Counter(f.text for f in speech.fillers).most_common()),
            items=[_span(f.text, f.start, f.end) for f in speech.fillers],
        ),
        clarity=s.Clarity(
            mumble_score=mumble_score(speech.transcript.words),
            unclear_stretches=unclear_stretches(speech.transcript.words),
        ),
        hedges=s.Counted(
            count=len(d.hedges), items=[_span(h.text, h.start, h.end) for h in d.hedges]
        ),
        repetitions=s.Counted(
            count=len(d.repetitions), items=[_span(r.text, r.start, r.end) for r in d.repetitions]
        ),
        prosody=s.Prosody(**asdict(speech.prosody)),
    )


def _sentence(x: Sentence | None) -> s.Sentence | None:
    if x is None:
        return None
    return s.Sentence(text=x.text, start_time=x.start, end_time=x.end)


def content_block(c: ContentAnalysis, fluency: Fluency | None = None) -> s.Content:
    total_person = c.i_count + c.we_count
    return s.Content(
        question=c.question_text,
        question_id=c.question_id,
        question_type=c.question_type,
        expects_star=c.expects_star,
        word_count=c.word_count,
        answer_seconds=c.answer_seconds,
        length_estimated=c.length_estimated,
        ideal_seconds=list(c.ideal_seconds),
        length_verdict=c.length_verdict,
        star={
            part: s.StarPart(present=p.present, sentences=[_sentence(x) for x in p.sentences])
            for part, p in c.star.items()
        },
        talking_points=[
            s.TalkingPoint(
                point=p.point,
                covered=p.covered,
                matched_keywords=list(p.matched),
                evidence=_sentence(p.evidence),
            )
            for p in c.points
        ],
        relevance=c.similarity,
        concrete_results=[_sentence(x) for x in c.results],
        ownership=s.Ownership(
            i_count=c.i_count,
            we_count=c.we_count,
            i_share_pct=round(100 * c.i_count / total_person, 1) if total_person else None,
        ),
        ending=s.Ending(verdict=c.ending, last_sentence=_sentence(c.last_sentence)),  # type: ignore[arg-type]
        fluency=s.Fluency(**asdict(fluency)) if fluency else None,
    )


def presence_block(presence: Presence) -> s.Presence:
    seen = impressions(presence)
    return s.Presence.model_validate(
        {**asdict(presence), "impressions": asdict(seen) if seen else None}
    )


def partial_result(answer: Answer, media: MediaInfo, speech: SpeechAnalysis) -> s.PartialResult:
    """The transcript and speech metrics, readable while the video half still runs."""
    return s.PartialResult(
        partial=True,
        file_key=answer.file_key,
        question=answer.question,
        media=media,
        transcript_analysis=transcript_analysis(speech),
        speech_metrics=speech_metrics(speech),
    )


def assemble(
    answer: Answer,
    *,
    content: ContentAnalysis,
    coach: Coach,
    timings: Timings,
    pack: LanguagePack = ENGLISH,
    fluency: Fluency | None = None,
    media: MediaInfo | None = None,
    speech: SpeechAnalysis | None = None,
    presence: Presence | None = None,
) -> s.AnalysisResult:
    """The whole result. The coach reads it typed (everything but its own blocks) and
    its coaching is timed here, so `stage_seconds` and `processing_time_ms` end with it."""
    result = s.AnalysisResult(
        result_version=s.RESULT_VERSION,
        analysis_id=answer.analysis_id,
        file_key=answer.file_key,
        status="completed",
        answer_type="text" if speech is None else "recording",
        question=answer.question,
        answer_text=answer.answer_text,
        media=media,
        transcript_analysis=transcript_analysis(speech) if speech else None,
        speech_metrics=speech_metrics(speech) if speech else None,
        # No video (an audio upload): no presence, and no invented face fields.
        facial_analysis=facial_analysis(presence) if presence else None,
        presence=presence_block(presence) if presence else None,
        content=content_block(content, fluency),
        coaching=None,
        coaching_advice=None,
        stage_seconds=None,
        processing_time_ms=None,
    )
    with timings.stage("coaching"):
        result.coaching = coach(result, pack)
        result.coaching_advice = coaching_advice(result, result.coaching, pack)
    result.stage_seconds = timings.stage_seconds(3 if speech else 4)
    result.processing_time_ms = timings.elapsed_ms()
    return result
