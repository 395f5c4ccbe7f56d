"""The development set's shape, and the validity benchmark's statistics on worked cases."""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.coaching_validity import DEFAULT_DATA, auc, load, pearson, ranks, spearman
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.content.question_type import QuestionType

DOC = json.loads(DEFAULT_DATA.read_text())
ANSWERS = DOC["answers"]
GRADES = {1, 2, 3, 4}


def test_every_type_has_three_questions_with_one_answer_per_grade() -> None:
    per_type: dict[str, set[str]] = {}
    per_question: dict[str, Counter[int]] = {}
    for a in ANSWERS:
        per_type.setdefault(a["question_type"], set()).add(a["question"])
        per_question.setdefault(a["question"], Counter())[a["grade"]] += 1
    assert set(per_type) == {t.value for t in QuestionType}
    assert all(len(questions) == 3 for questions in per_type.values()), per_type
    for question, grades in per_question.items():
        assert set(grades) == GRADES, question
    assert len(ANSWERS) >= 84


def test_answers_are_complete_and_ids_unique() -> None:
    ids = [a["id"] for a in ANSWERS]
    assert len(ids) == len(set(ids))
    for a in ANSWERS:
        assert a["grade"] in GRADES
        assert len(a["answer"].split()) >= 3 and a["reason"].strip(), a["id"]
        # a bank id must name a bank question, and the question asked is its text
        if a["question_id"] is not None:
            assert BY_ID[a["question_id"]].text == a["question"], a["id"]


def test_rubric_describes_every_level_of_every_type() -> None:
    rubric = DOC["rubric"]
    assert set(rubric["types"]) == {t.value for t in QuestionType}
    for kind, levels in rubric["types"].items():
        assert set(levels) == {"1", "2", "3", "4"}, kind
        assert all(len(text.split()) >= 5 for text in levels.values()), kind


def test_the_set_does_not_grade_by_length() -> None:
    """Each type holds a strong answer shorter than one of its weak answers."""
    for kind in {a["question_type"] for a in ANSWERS}:
        words = {g: [len(a["answer"].split()) for a in ANSWERS if a["question_type"] == kind
                     and a["grade"] == g] for g in GRADES}  # fmt: skip
        assert min(words[4]) < max(words[2]), kind


def test_load_rejects_an_answer_without_a_grade(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"answers": [{"id": "x", "question": "q", "answer": "a b c"}]}))
    with pytest.raises(ValueError, match="grade"):
        load(path)


def test_ranks_share_ties() -> None:
    assert ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4]
    assert ranks([3, 1, 2]) == [3, 1, 2]


def test_auc_on_worked_cases() -> None:
    assert auc([3, 4], [1, 2]) == 1.0
    assert auc([1, 2], [3, 4]) == 0.0
    assert auc([1], [1]) == 0.5
    # pairs (2,1) win, (2,3) lose, (1,1) tie, (1,3) lose: 1.5 of 4
    assert auc([2, 1], [1, 3]) == 0.375
    assert auc([], [1]) is None


def test_spearman_and_pearson_on_worked_cases() -> None:
    assert spearman([1, 2, 3, 4], [1, 8, 27, 64]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # average ranks [1, 2.5, 2.5, 4] against [1, 2, 3, 4]: 4.5 / sqrt(4.5 * 5)
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(3 / math.sqrt(10))
    assert pearson([1, 2, 3], [1, 2, 4]) == pytest.approx(3 / math.sqrt(2 * 42 / 9))
    assert spearman([5, 5, 5], [1, 2, 3]) is None


def test_statistics_agree_with_scipy() -> None:
    stats = pytest.importorskip("scipy.stats")
    rng = random.Random(7)
    x = [rng.randint(0, 5) for _ in range(40)]  # many ties
    y = [v + rng.randint(-2, 2) for v in x]
    assert spearman(x, y) == pytest.approx(stats.spearmanr(x, y).statistic)
    pos, neg = x[:15], y[15:]
    u = stats.mannwhitneyu(pos, neg).statistic
    assert auc(pos, neg) == pytest.approx(u / (len(pos) * len(neg)))
