"""Content analysis and the rules coach on typed answers written for the project."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from interview_prep_backend.pipeline.coach.thresholds import BY_KEY, THRESHOLDS
from interview_prep_backend.pipeline.content.bank import BY_ID, CATEGORIES, QUESTIONS, ROLES
from interview_prep_backend.pipeline.content.star import analyse_star
from interview_prep_backend.pipeline.content.text import sentences_from_text
from tests.conftest import FIXTURES
from tests.pipelines import analyze_typed

SAMPLES = json.loads((FIXTURES / "sample_answers.json").read_text())["answers"]


def test_bank_has_enough_questions_for_every_role_and_category() -> None:
    assert len(QUESTIONS) >= 60
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    assert {q.role for q in QUESTIONS} == set(ROLES)
    assert {q.category for q in QUESTIONS} == set(CATEGORIES)
    for q in QUESTIONS:
        assert len(q.talking_points) >= 3 and all(tp.keywords for tp in q.talking_points)
        assert q.ideal_seconds[0] < q.ideal_seconds[1]
    assert BY_ID["beh-conflict"].ideal_seconds == (60, 120)


def test_every_good_answer_beats_every_weak_one() -> None:
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for a in SAMPLES:
        result = analyze_typed(a["text"], question=None, bank_question=BY_ID[a["question_id"]])
        scores[a["question_id"]][a["quality"]].append(result["coaching"]["scores"]["overall"])
    assert len(scores) >= 4
    for qid, by_quality in scores.items():
        assert min(by_quality["good"]) > max(by_quality["weak"]), (qid, dict(by_quality))


def test_star_parts_are_found_with_their_sentences() -> None:
    good = next(a for a in SAMPLES if a["question_id"] == "beh-failure")["text"]
    star = analyse_star(sentences_from_text(good))
    assert all(star[p].present for p in ("situation", "task", "action", "result"))
    assert any("I learned" in s.text for s in star["result"].sentences)
    weak = analyse_star(sentences_from_text("I work hard. People like me. It went fine."))
    assert not weak["action"].present and not weak["result"].present


def test_typed_answer_has_content_and_coaching_but_no_delivery() -> None:
    weak = next(a for a in SAMPLES if a["quality"] == "weak")
    result = analyze_typed(weak["text"], question=None, bank_question=BY_ID[weak["question_id"]])
    assert result["speech_metrics"] is None and result["presence"] is None
    assert result["content"]["length_estimated"] is True
    coaching = result["coaching"]
    assert coaching["scores"]["delivery"] is None and coaching["scores"]["presence"] is None
    assert coaching["scores"]["overall"] == coaching["scores"]["content"]
    assert 1 <= len(coaching["improvements"]) <= 3
    for item in coaching["improvements"]:
        assert item["evidence"] and item["drill"] and item["why"]
    star_item = next(i for i in coaching["improvements"] if i["metric"] == "star")
    assert star_item["model_sentences"]
    advice = result["coaching_advice"]
    assert set(advice) >= {"tip", "confidence_score", "anxiety_score", "recommendations"}


def test_free_text_question_uses_similarity_only() -> None:
    text = "I led the migration of our billing system and cut costs by 20%."
    result = analyze_typed(text, question="Tell me about a migration you led.")
    assert result["content"]["talking_points"] == []
    assert result["content"]["relevance"] > 0.1
    off = analyze_typed(
        "I enjoy cooking pasta on weekends.", question="Tell me about a migration you led."
    )
    assert off["content"]["relevance"] < result["content"]["relevance"]


@pytest.mark.parametrize("threshold", THRESHOLDS, ids=lambda t: t.key)
def test_threshold_scores_are_monotone_outside_the_band(threshold) -> None:
    t = threshold
    if t.good_low is not None and t.zero_low is not None:
        assert t.score(t.good_low) == 100 and t.score(t.zero_low) == 0
        assert 0 < t.score((t.good_low + t.zero_low) / 2) < 100
    if t.good_high is not None and t.zero_high is not None:
        assert t.score(t.good_high) == 100 and t.score(t.zero_high) == 0
    assert BY_KEY[t.key] is t and t.why and t.source


def test_a_written_answers_fillers_are_counted_and_coached_as_content() -> None:
    rambling = (
        "So, um, I think we, like, kind of fixed the the bug. Uh, it was, you know, fine. "
        "Um, and then, uh, we sort of moved on to the next thing, I guess."
    )
    result = analyze_typed(rambling, question="Tell me about the hardest bug you fixed.")
    fluency = result["content"]["fluency"]
    assert fluency["fillers"] >= 6 and fluency["by_word"]["um"] == 2
    assert fluency["hedges"] >= 1 and fluency["repetitions"] >= 1
    # "um" is not a word of the answer; the fillers are scored in the content group.
    assert result["content"]["word_count"] == len(rambling.split()) - 4
    groups = {m["metric"]: m["group"] for m in result["coaching"]["metrics"]}
    assert groups["fillers"] == "content" and result["coaching"]["scores"]["delivery"] is None
    assert result["coaching_advice"]["confidence_score"] is None
    clean = analyze_typed("I like Python because it lets our team ship small tools quickly.")
    assert clean["content"]["fluency"]["fillers"] == 0


def test_a_typed_answer_is_never_praised_for_having_no_fillers() -> None:
    clean = analyze_typed(
        "I rewrote the deploy script myself and we cut release time by 40%, from two hours "
        "to seventy minutes.",
        question="Tell me about a process you improved.",
    )
    assert not {"fillers", "hedges", "repetitions"} & {
        s["metric"] for s in clean["coaching"]["strengths"]
    }
