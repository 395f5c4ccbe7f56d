"""Meeting transcripts in every accepted format become (question, answer) pairs."""

from __future__ import annotations

import pytest

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.interviews.pairing import choose_candidate, pair_answers
from interview_prep_backend.interviews.transcript import parse_transcript
from tests.conftest import FIXTURES

SAMPLES = FIXTURES / "transcripts"


def pairs_of(name: str, candidate: str | None = None):
    turns = parse_transcript((SAMPLES / name).read_text())
    return pair_answers(turns, choose_candidate(turns, candidate))


def test_zoom_vtt_with_name_prefixes() -> None:
    turns = parse_transcript((SAMPLES / "zoom.vtt").read_text())
    assert [t.speaker for t in turns] == ["Dana Reyes", "Sam Okafor"] * 3 + ["Dana Reyes"]
    pairs = pair_answers(turns, choose_candidate(turns))  # Sam talks most
    assert [p.question for p in pairs] == [
        "So, to start, tell me about a time you had to deal with a difficult stakeholder?",
        "Why do you want to work here?",
    ]
    # Two cues of one answer are one answer, with the cues' times; small talk is not.
    assert pairs[0].answer.startswith("Sure. Um, last year") and "by about half" in pairs[0].answer
    assert pairs[0].start == 13.0 and pairs[0].end == 41.9 and pairs[0].seconds == 28.9
    assert pairs[1].seconds == pytest.approx(18.65)


def test_teams_vtt_with_voice_tags() -> None:
    pairs = pairs_of("teams.vtt", candidate="alex")  # a first name, any case
    assert [p.question for p in pairs] == [
        "Walk me through how you would design a URL shortener?",
        "And what are your strengths?",
    ]
    assert "<v" not in pairs[0].answer and "base62 counter, and stores" in pairs[0].answer


def test_srt_with_role_names() -> None:
    pairs = pairs_of("meet.srt")  # "Candidate" is chosen by name, not by length
    assert [p.question for p in pairs] == [
        "What is your greatest weakness?",
        "Do you have any questions for us?",
    ]
    assert pairs[0].start == 3.4


def test_plain_lines_continuations_and_pipes() -> None:
    pairs = pairs_of("plain.txt")
    assert [p.question for p in pairs] == [
        "Tell me about yourself.",
        "Describe a conflict with a colleague.",
    ]
    assert pairs[0].answer.endswith("runs our billing service.")  # the wrapped line joined
    assert pairs[1].answer.startswith("A colleague and I disagreed")
    assert pairs[0].seconds is None  # plain text has no times


@pytest.mark.parametrize(
    ("text", "candidate", "code"),
    [
        ("", None, ErrorCode.EMPTY_TRANSCRIPT),
        ("   \n\n ", None, ErrorCode.EMPTY_TRANSCRIPT),
        ("just some words without any speaker at all", None, ErrorCode.NO_SPEAKERS),
        ("Sam: I talk alone here for a long while about many things.", None, ErrorCode.ONE_SPEAKER),
        ("A: Why?\nB: Because I like to build useful things for people.", "Zed",
         ErrorCode.UNKNOWN_CANDIDATE),
        ("A: Hello?\nB: Hi.\nA: Bye.", None, ErrorCode.NO_ANSWERS),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nno names in cues", None, ErrorCode.NO_SPEAKERS),
        ("x" * 500_001, None, ErrorCode.TRANSCRIPT_TOO_LONG),
    ],
)  # fmt: skip
def test_bad_transcripts_are_refused_with_a_code(
    text: str, candidate: str | None, code: ErrorCode
) -> None:
    with pytest.raises(AnalysisError) as info:
        turns = parse_transcript(text)
        pair_answers(turns, choose_candidate(turns, candidate))
    assert info.value.code == code


def test_hostile_markup_is_text_not_tags() -> None:
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Ann>Why this role?</v>\n\n"
        "00:00:02.000 --> 00:00:09.000\n<v Bo><script>alert(1)</script>I want to build tools "
        "&amp; teach others how to use them well.</v>\n"
    )
    pairs = pairs_of_text(text)
    assert "<script>" not in pairs[0].answer and "& teach" in pairs[0].answer


def pairs_of_text(text: str):
    turns = parse_transcript(text)
    return pair_answers(turns, choose_candidate(turns))


def test_each_imported_answer_is_analysed_with_its_spoken_length() -> None:
    from interview_prep_backend.interviews.imported import analyse_answers, read_interview
    from interview_prep_backend.interviews.report import interview_report
    from tests.pipelines import local_pipeline

    who, pairs = read_interview((SAMPLES / "zoom.vtt").read_text(), None)
    assert who == "Sam Okafor"
    answers = analyse_answers(local_pipeline(lambda: None), pairs)
    first = answers[0].result
    assert first.content is not None and first.content.answer_seconds == 28.9
    assert first.content.length_estimated is False and first.question == pairs[0].question
    report = interview_report([a.result for a in answers])
    assert report.overall_score is not None and len(report.answers) == 2
