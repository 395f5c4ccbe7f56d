"""Relevance and talking-point coverage by meaning: pure functions over unit embeddings.

Arrays in, numbers out: `answer` is an [n, 384] array of unit sentence embeddings (one row
per sentence of the answer), `question` / `point` a unit [384] vector. Nothing here loads
a model, reads settings or touches the database; `meaning.embed` makes the arrays.

Measured in benchmarks/embedding_validity.py (figures in its docstring):

- `similarity` is the cosine between the question's profile and the answer's centroid
  (the mean of its sentence vectors, renormalised). The profile is the question text
  followed by its talking points (`profile_text`): "Tell me about yourself." alone is too
  short to carry a meaning, and textbook self-introductions scored below rambling ones
  against it. A free question has no talking points: its text alone.
  Rejected: the best single sentence (max), where one sentence that echoes the question
  counts as much as a whole answer on topic; the whole answer as one text, truncated at
  256 word pieces so the end of a long answer is never seen. Neither did better.
- `covers` keeps the best sentence: a talking point is one idea, usually said in one
  sentence, so the nearest sentence is both the score and the evidence to quote.
"""

from __future__ import annotations

import numpy as np

# A talking point counts as covered when some sentence is at least this close to it. Set
# from the model's published scale, not fitted: sentence-transformers' own examples give
# 0.67 for a paraphrase and 0.10-0.14 for unrelated sentences; 0.35 sits between. The
# benchmark reports how often good and weak answers reach it.
COVER_AT = 0.35


def profile_text(question_text: str, points: list[str] | tuple[str, ...] = ()) -> str:
    """What a question's vector is made from: its text, then what a strong answer touches."""
    return " ".join([question_text.strip(), *(p.strip() for p in points)]).strip()


def centroid(answer: np.ndarray) -> np.ndarray:
    """The unit mean of an answer's sentence vectors (zeros for an empty answer)."""
    if answer.size == 0:
        return np.zeros(answer.shape[-1] if answer.ndim == 2 else 384, dtype=np.float32)
    mean = answer.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def similarity(answer: np.ndarray, question: np.ndarray) -> float:
    """Cosine between the answer's meaning (centroid of its sentences) and the question."""
    if answer.size == 0:
        return 0.0
    return float(centroid(answer) @ question)


def sentence_similarities(answer: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with one target vector: [n]."""
    return answer @ target if answer.size else np.zeros(0, dtype=np.float32)


def covers(
    answer: np.ndarray, point: np.ndarray, at: float = COVER_AT
) -> tuple[bool, int | None, float]:
    """(covered, index of the closest sentence, its cosine) for one talking point."""
    if answer.size == 0:
        return False, None, 0.0
    sims = answer @ point
    best = int(np.argmax(sims))
    score = float(sims[best])
    return score >= at, best, score


def relative_rank(score: float, others: np.ndarray) -> float:
    """Share of `others` that `score` beats: how this answer's similarity to its own
    question compares with its similarity to other questions (1.0 = closer to its own
    question than to every other one). Cosines differ in scale between a short generic
    question ("Tell me about yourself.") and a specific one, a rank does not."""
    if others.size == 0:
        return 1.0
    return float(np.mean(others < score))
