"""Questions are classified into the seven types: the bank's and candidates' own."""

from __future__ import annotations

import pytest

from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.content.question_type import TYPES, QuestionType, classify

Q = QuestionType
# The bank's questions, typed by hand (the bank's categories are coarser: "motivation"
# held the self-introduction and strengths; "role_specific" knowledge questions).
BANK = {
    "mot-about-you": Q.SELF_INTRODUCTION,
    "mot-strengths": Q.STRENGTHS_WEAKNESSES,
    "mot-weakness": Q.STRENGTHS_WEAKNESSES,
    "mot-proud": Q.BEHAVIOURAL,
    "swe-legacy": Q.SITUATIONAL,
    "da-metric-drop": Q.SITUATIONAL,
    "sit-new-team": Q.SITUATIONAL,
    "sit-conflicting-asks": Q.SITUATIONAL,
    "cs-policy": Q.SITUATIONAL,
    "cs-unknown": Q.SITUATIONAL,
    "sit-no-experience": Q.SITUATIONAL,
    "beh-priorities": Q.BEHAVIOURAL,
    "pm-launch": Q.BEHAVIOURAL,
}
BY_CATEGORY = {
    "behavioural": Q.BEHAVIOURAL,
    "situational": Q.SITUATIONAL,
    "motivation": Q.MOTIVATION,
    "role_specific": Q.TECHNICAL,
}
# Phrasings the bank does not use, as candidates type them.
FREE = [
    ("Do you have any questions for us?", Q.CLOSING),
    ("Is there anything you'd like to ask me?", Q.CLOSING),
    ("What questions do you have about the role?", Q.CLOSING),
    ("So, tell me a little about yourself.", Q.SELF_INTRODUCTION),
    ("Walk me through your resume.", Q.SELF_INTRODUCTION),
    ("Could you introduce yourself?", Q.SELF_INTRODUCTION),
    ("How would you describe yourself?", Q.SELF_INTRODUCTION),
    ("Tell me about a challenge you overcame.", Q.BEHAVIOURAL),
    ("Have you ever had to deliver bad news to a client?", Q.BEHAVIOURAL),
    ("Share an example of when you showed leadership.", Q.BEHAVIOURAL),
    ("What's the biggest mistake you've made in your career?", Q.BEHAVIOURAL),
    ("Describe a situation where you had to persuade your boss.", Q.BEHAVIOURAL),
    ("Give me an example of a goal you reached.", Q.BEHAVIOURAL),
    ("What would you do if a release broke production on a Friday?", Q.SITUATIONAL),
    ("How would you deal with a customer who threatens to leave?", Q.SITUATIONAL),
    ("Imagine your team misses its sprint goal three times. What now?", Q.SITUATIONAL),
    ("Suppose two engineers disagree on the architecture.", Q.SITUATIONAL),
    ("If you were given a team with low morale, how would you start?", Q.SITUATIONAL),
    ("Why do you want this job?", Q.MOTIVATION),
    ("Why our company?", Q.MOTIVATION),
    ("What motivates you at work?", Q.MOTIVATION),
    ("What attracts you to this position?", Q.MOTIVATION),
    ("Why should we hire you?", Q.MOTIVATION),
    ("What are your career goals?", Q.MOTIVATION),
    ("Why did you apply for this role?", Q.MOTIVATION),
    ("What are your strengths and weaknesses?", Q.STRENGTHS_WEAKNESSES),
    ("What would your manager say about you?", Q.STRENGTHS_WEAKNESSES),
    ("What are your areas for improvement?", Q.STRENGTHS_WEAKNESSES),
    ("What is your biggest weakness?", Q.STRENGTHS_WEAKNESSES),
    ("What is the difference between a process and a thread?", Q.TECHNICAL),
    ("Explain how HTTPS works.", Q.TECHNICAL),
    ("Design a rate limiter for an API.", Q.TECHNICAL),
    ("How does garbage collection work in Python?", Q.TECHNICAL),
    ("What is your experience with SQL?", Q.TECHNICAL),
    ("How do you keep your skills up to date?", Q.TECHNICAL),
    ("Which metrics would you track for a checkout page?", Q.TECHNICAL),
    ("How do you test your code?", Q.TECHNICAL),
    ("", Q.TECHNICAL),
]


@pytest.mark.parametrize("qid", sorted(BY_ID))
def test_bank_questions(qid: str) -> None:
    q = BY_ID[qid]
    expected = BANK.get(qid, BY_CATEGORY[q.category])
    assert classify(q.text) == expected, q.text


@pytest.mark.parametrize(("text", "expected"), FREE)
def test_free_questions(text: str, expected: QuestionType) -> None:
    assert classify(text) == expected


def test_every_type_has_a_profile_and_only_stories_expect_star() -> None:
    assert set(TYPES) == set(QuestionType)
    assert {t for t, p in TYPES.items() if p.expects_star} == {Q.BEHAVIOURAL, Q.SITUATIONAL}
    assert all(lo < hi for lo, hi in (p.ideal_seconds for p in TYPES.values()))


def test_bank_types_are_written_down_and_set_the_star_expectation() -> None:
    for q in BY_ID.values():
        assert q.type == classify(q.text), q.id
        assert q.expects_star == TYPES[q.type].expects_star


def test_a_free_questions_type_sets_its_yardstick() -> None:
    from tests.pipelines import analyze_typed

    answer = "I'd ask how the team decides what to build each quarter."
    closing = analyze_typed(answer, question="Do you have any questions for us?")["content"]
    assert closing["question_type"] == "closing" and closing["expects_star"] is False
    assert closing["ideal_seconds"] == list(TYPES[Q.CLOSING].ideal_seconds)
    story = analyze_typed(answer, question="Tell me about a time you failed.")["content"]
    assert story["question_type"] == "behavioural" and story["expects_star"] is True
    assert analyze_typed(answer)["content"]["question_type"] is None  # no question: no type
