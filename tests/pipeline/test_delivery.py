"""Pace, pauses, hedges and repetitions from timed words."""

from __future__ import annotations

from interview_prep_backend.pipeline.speech.delivery import measure_delivery
from interview_prep_backend.pipeline.speech.fillers import find_fillers
from interview_prep_backend.pipeline.speech.tokens import tokenize
from tests.pipeline.test_fillers import words


def delivery(text: str, gaps: dict[int, float] | None = None, duration: float | None = None):
    tokens = tokenize(words(text, gaps))
    fillers = find_fillers(tokens)
    return measure_delivery(tokens, fillers, duration or tokens[-1].end + 1.0)


def test_pace_excludes_hesitations_and_leading_silence() -> None:
    # 10 content words + 2 "um", each 0.35 s apart: 12 words span 4.15 s
    d = delivery("um we built the tool um and it saved the team hours")
    assert d.word_count == 10
    assert d.wpm == round(10 * 60 / 4.15, 1)


def test_pauses_at_least_one_second_are_listed_with_the_longest() -> None:
    d = delivery("we measured first then we decided what to fix", gaps={3: 1.2, 6: 2.5})
    assert [round(p.duration, 2) for p in d.pauses] == [1.25, 2.55]
    assert max(d.pauses, key=lambda p: p.duration).before_word == "what"


def test_short_gaps_are_not_pauses() -> None:
    assert delivery("we measured first", gaps={1: 0.5}).pauses == []


def test_hedges_found_but_not_double_counted_with_fillers() -> None:
    d = delivery("I think maybe it was kind of hard")
    assert [h.text for h in d.hedges] == ["I think", "maybe"]  # "kind of" is a filler


def test_repetitions_of_one_and_two_words() -> None:
    d = delivery("I I led the we went we went to market and that that worked")
    assert [r.text for r in d.repetitions] == ["I I", "we went we went"]


def test_pace_windows_cover_the_whole_recording() -> None:
    d = delivery("one two three four five", duration=25.0)
    assert [(w.start, w.end) for w in d.pace_windows] == [(0, 10), (10, 20), (20, 25)]
    assert d.pace_windows[0].words == 5 and d.pace_windows[1].words == 0
