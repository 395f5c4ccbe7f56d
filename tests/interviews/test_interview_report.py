"""A whole interview's report: scores per answer, patterns across answers, what next."""

from __future__ import annotations

import json

from interview_prep_backend.interviews.report import interview_report
from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.schema_upgrade import read_result
from tests.conftest import FIXTURES
from tests.pipelines import analyze_typed

SAMPLES = json.loads((FIXTURES / "sample_answers.json").read_text())["answers"]
SPOKEN = json.loads((FIXTURES / "result_v1.json").read_text())


def typed(answer: dict) -> s.AnalysisResult:
    done = analyze_typed(answer["text"], bank_question=BY_ID[answer["question_id"]])
    return s.AnalysisResult.model_validate(done)


def spoken(fillers_per_minute: float, words: int) -> s.AnalysisResult:
    r = read_result(SPOKEN)
    assert isinstance(r, s.AnalysisResult) and r.speech_metrics and r.content
    r.speech_metrics.fillers.per_minute = fillers_per_minute
    r.content.word_count = words
    return r


def test_best_and_weakest_by_score_and_the_mean() -> None:
    good = [a for a in SAMPLES if a["quality"] == "good"][:2]
    weak = [a for a in SAMPLES if a["quality"] == "weak"][:2]
    results = [typed(a) for a in (good[0], weak[0], good[1], weak[1])]
    report = interview_report(results)
    scores = [a.overall_score for a in report.answers]
    assert all(x is not None for x in scores)
    assert report.overall_score == round(sum(scores) / 4, 1)  # type: ignore[arg-type]
    assert report.best_answer == scores.index(max(scores))  # type: ignore[type-var]
    assert report.weakest_answer == scores.index(min(scores))  # type: ignore[type-var]
    assert [a.question for a in report.answers] == [r.question for r in results]
    assert report.practise_next and all(isinstance(d, str) and d for d in report.practise_next)


def test_rising_fillers_and_shortening_answers_are_patterns() -> None:
    steady = interview_report([spoken(1.0, 200), spoken(1.2, 190), spoken(1.1, 210)])
    assert {p.code for p in steady.patterns} <= {"repeated_weakness"}
    worse = interview_report([spoken(1.0, 220), spoken(2.5, 150), spoken(4.0, 90)])
    codes = {p.code for p in worse.patterns}
    assert {"fillers_rising", "answers_shortening"} <= codes
    rising = next(p for p in worse.patterns if p.code == "fillers_rising")
    assert "1.0 to 4.0" in rising.message


def test_the_same_weakness_twice_is_named_with_its_answers() -> None:
    weak = [a for a in SAMPLES if a["quality"] == "weak"]
    report = interview_report([typed(a) for a in weak[:3]])
    repeated = [p for p in report.patterns if p.code == "repeated_weakness"]
    assert repeated and all(len(p.answers) >= 2 for p in repeated)
    assert all("answers" in p.message for p in repeated)


def test_one_answer_has_no_best_or_weakest_and_no_trends() -> None:
    report = interview_report([typed(SAMPLES[0])])
    assert report.best_answer is None and report.weakest_answer is None
    assert not [p for p in report.patterns if p.code != "repeated_weakness"]
    assert interview_report([]).overall_score is None
