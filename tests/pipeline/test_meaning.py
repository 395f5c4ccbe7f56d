"""Meaning by sentence embeddings: the numpy all-MiniLM-L6-v2 and the scores built on it.

One model per process (module `load()`), embeddings of the fixture answers computed once
per module. Reference values are published outputs of the original model (see
benchmarks/embedding_validity.py for where each comes from).
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.content.text import sentences_from_text
from interview_prep_backend.pipeline.meaning import model, score, star

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def fixture_answers() -> list[dict[str, str]]:
    return json.loads((FIXTURES / "sample_answers.json").read_text())["answers"]


@pytest.fixture(scope="module")
def answer_vectors(fixture_answers: list[dict[str, str]]) -> list[np.ndarray]:
    return [model.embed([s.text for s in sentences_from_text(a["text"])]) for a in fixture_answers]


def test_unit_rows_shape_and_determinism() -> None:
    texts = ["I led the migration.", "Um.", "We shipped it two weeks early and saved money."]
    a, b = model.embed(texts), model.embed(texts)
    assert a.shape == (3, model.DIM) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(a, b)
    # A sentence's vector does not depend on what else is in the batch.
    assert np.allclose(model.embed(texts[1:2])[0], a[1], atol=1e-6)
    assert model.embed([]).shape == (0, model.DIM)


def test_matches_published_reference_outputs() -> None:
    # sentence-transformers quick-start for all-MiniLM-L6-v2 (4 decimals published).
    e = model.embed(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    sims = e @ e.T
    assert sims[0, 1] == pytest.approx(0.6660, abs=6e-5)
    assert sims[0, 2] == pytest.approx(0.1046, abs=6e-5)
    assert sims[1, 2] == pytest.approx(0.1411, abs=6e-5)
    # fastembed's ONNX canonical vector for "hello world" (first five dimensions).
    hello = model.embed(["hello world"])[0, :5]
    assert np.allclose(hello, [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362], atol=1e-4)


def test_paraphrase_closer_than_unrelated() -> None:
    anchor, paraphrase, unrelated = model.embed(
        [
            "I disagreed with my manager about the release date.",
            "My boss and I had different views on when to ship.",
            "Our office has a nice view of the river.",
        ]
    )
    assert anchor @ paraphrase > anchor @ unrelated + 0.2


def test_on_topic_auc_on_fixture_answers(
    fixture_answers: list[dict[str, str]], answer_vectors: list[np.ndarray]
) -> None:
    """Each question's good answers against answers to other questions, scored against
    that question's profile: AUC >= 0.95 (TF-IDF scores 1.0 on this set; see benchmark)."""
    qids = sorted({a["question_id"] for a in fixture_answers})
    profiles = model.embed(
        [
            score.profile_text(BY_ID[q].text, [tp.point for tp in BY_ID[q].talking_points])
            for q in qids
        ]
    )
    wins: list[float] = []
    for q, profile in zip(qids, profiles, strict=True):
        own = [score.similarity(v, profile) for v, a in zip(answer_vectors, fixture_answers,
               strict=True) if a["question_id"] == q and a["quality"] == "good"]  # fmt: skip
        other = [score.similarity(v, profile) for v, a in zip(answer_vectors, fixture_answers,
                 strict=True) if a["question_id"] != q]  # fmt: skip
        wins += [float(x > y) + 0.5 * float(x == y) for x in own for y in other]
    assert len(wins) == 4 * 2 * 12
    assert float(np.mean(wins)) >= 0.95


def test_covers_points_to_the_sentence_that_says_it() -> None:
    answer = model.embed(
        [
            "I work in a bakery on weekends.",
            "The outage started because a disk filled up with old log files.",
            "I like cycling.",
        ]
    )
    point = model.embed(["the root cause of the outage"])[0]
    covered, index, cos = score.covers(answer, point)
    assert covered and index == 1 and cos == pytest.approx(float(answer[1] @ point))
    assert score.covers(np.zeros((0, model.DIM), np.float32), point) == (False, None, 0.0)
    assert score.similarity(np.zeros((0, model.DIM), np.float32), point) == 0.0


def test_star_parts_by_meaning() -> None:
    sentences = [
        "Back in 2022 I worked for a small logistics company.",
        "My job was to cut the number of late deliveries.",
        "I built a dashboard and rerouted the drivers with the most delays.",
        "Late deliveries fell by a third within two months.",
    ]
    scores = star.part_scores(model.embed(sentences), star.prototype_vectors())
    assert scores.shape == (4, 4)
    best = [star.PARTS[int(i)] for i in scores.argmax(axis=1)]
    # Scene, goal and outcome land on their parts. The action sentence does not reliably
    # (it scored closer to the task prototypes, 0.44 vs 0.40): a known weakness, reported.
    assert (best[0], best[1], best[3]) == ("situation", "task", "result")
    assert {"situation", "task"} <= set(star.present_parts(scores))
    vague = star.part_scores(model.embed(["I kind of like challenges."]), star.prototype_vectors())
    assert star.present_parts(vague) == {}


def test_eight_threads_get_the_same_vectors_as_one() -> None:
    texts = [
        "I organised a weekly review with the support team.",
        "We cut the backlog from 400 tickets to 90.",
        "Honestly I am not sure what I would do differently.",
    ]
    expected = model.embed(texts)
    results: list[np.ndarray | None] = [None] * 8
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            results[i] = model.embed(texts)
        except BaseException as exc:  # collected, re-raised on the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for got in results:
        assert got is not None and np.allclose(got, expected, atol=1e-6)


def test_loads_with_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the embedding model tried to use the network")

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    fresh = model.MiniLM(model.model_zip())  # a second load, all from the installed wheel
    assert np.allclose(fresh.embed(["hello world"]), model.embed(["hello world"]), atol=1e-6)
    # The carrier package is located, never imported (its __init__ prints a banner).
    assert model.PACKAGE not in sys.modules
