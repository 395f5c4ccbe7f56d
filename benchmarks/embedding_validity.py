"""Is all-MiniLM-L6-v2 (numpy) faithful, does it tell on-topic from off-topic, how fast?

    uv run python benchmarks/embedding_validity.py

1. Faithful: the numpy forward pass against published outputs of the reference model:
   sentence-transformers' quick-start similarities for all-MiniLM-L6-v2 (0.6660, 0.1046,
   0.1411) and fastembed's ONNX test vector for "hello world" (first five dimensions,
   [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362], checked there at atol 1e-3).
2. On-topic vs off-topic AUC, within each question: a question's good answers against
   every answer to another question, scored against that question. Two answer sets:
   tests/fixtures/sample_answers.json (rated, 4 questions) and the held-out
   benchmarks/data/meaning_answers.json (16 questions, written before any scoring).
   Embedding variants and the current TF-IDF relevance are scored on the same pairs.
3. The issue's cases: textbook self-introductions to "Tell me about yourself." and
   "I fixed a bug once and it was fine." to the hardest-bug question.
4. Talking points covered (COVER_AT) and STAR parts by meaning beside the cue phrases.
5. Time per answer (sentences batched; answers of 150-300 words made by joining two
   answers), model load time and RSS.
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from interview_prep_backend.pipeline.content.bank import BY_ID, QUESTIONS, Question
from interview_prep_backend.pipeline.content.relevance import question_similarity
from interview_prep_backend.pipeline.content.star import analyse_star
from interview_prep_backend.pipeline.content.text import sentences_from_text
from interview_prep_backend.pipeline.meaning import model, score, star

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "sample_answers.json"
HELD_OUT = ROOT / "benchmarks" / "data" / "meaning_answers.json"
QUICKSTART = (
    ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."],
    {(0, 1): 0.6660, (0, 2): 0.1046, (1, 2): 0.1411},
)
FASTEMBED_HELLO = np.array([-0.034478, 0.03102, 0.00673, 0.02611, -0.039362])
BUG_ONCE = "I fixed a bug once and it was fine."


def load_answers(path: Path) -> list[dict[str, str]]:
    answers = json.loads(path.read_text())["answers"]
    for a in answers:
        a.setdefault("quality", "good")
    return answers


def sentences(text: str) -> list[str]:
    return [s.text for s in sentences_from_text(text)] or [text]


def auc(pos: list[float], neg: list[float]) -> float:
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


def within_question_auc(
    answers: list[dict[str, str]], scorer: Callable[[int, Question], float]
) -> float:
    """Pairs (good answer to q, any answer to another question), both scored against q."""
    wins: list[float] = []
    for qid in sorted({a["question_id"] for a in answers}):
        q = BY_ID[qid]
        pos = [
            scorer(i, q)
            for i, a in enumerate(answers)
            if a["question_id"] == qid and a["quality"] == "good"
        ]
        neg = [scorer(i, q) for i, a in enumerate(answers) if a["question_id"] != qid]
        wins += [float(x > y) + 0.5 * float(x == y) for x in pos for y in neg]
    return float(np.mean(wins))


def question_vectors(profile: bool) -> dict[str, np.ndarray]:
    texts = [
        score.profile_text(q.text, [tp.point for tp in q.talking_points]) if profile else q.text
        for q in QUESTIONS
    ]
    return dict(zip([q.id for q in QUESTIONS], model.embed(texts), strict=True))


def relevance_table(answers: list[dict[str, str]], label: str) -> dict[str, float]:
    vecs = [model.embed(sentences(a["text"])) for a in answers]
    out: dict[str, float] = {}
    for name, qv in (("question", question_vectors(False)), ("profile", question_vectors(True))):

        def centroid(i: int, q: Question, qv: dict[str, np.ndarray] = qv) -> float:
            return score.similarity(vecs[i], qv[q.id])

        def best(i: int, q: Question, qv: dict[str, np.ndarray] = qv) -> float:
            return float((vecs[i] @ qv[q.id]).max())

        out[f"embed {name} centroid"] = within_question_auc(answers, centroid)
        out[f"embed {name} max-sentence"] = within_question_auc(answers, best)
    out["tf-idf (current)"] = within_question_auc(
        answers, lambda i, q: question_similarity(answers[i]["text"], q, q.text)
    )
    print(f"\n== on-topic vs off-topic AUC within question: {label} ({len(answers)} answers)")
    for k, v in out.items():
        print(f"  {k:32s} {v:.3f}")
    return out


def issue_cases(fixture: list[dict[str, str]], held: list[dict[str, str]]) -> None:
    profiles = question_vectors(True)
    plain = question_vectors(False)
    ids = list(profiles)
    bank = np.stack([profiles[i] for i in ids])
    print(
        "\n== the issue's cases (profile centroid cosine; rank of the asked question "
        "among the 65 bank questions; TF-IDF)"
    )
    intro = [a for a in fixture + held if a["question_id"] == "mot-about-you"]
    for a in [*intro, {"question_id": "swe-bug", "quality": "issue", "text": BUG_ONCE}]:
        q = BY_ID[a["question_id"]]
        vec = model.embed(sentences(a["text"]))
        sims = score.centroid(vec) @ bank.T
        own = float(sims[ids.index(q.id)])
        rank = 1 + int((sims > own).sum())
        print(
            f"  {q.id:14s} {a['quality']:5s} cos {own:.3f} (question alone "
            f"{score.similarity(vec, plain[q.id]):.3f}) rank {rank:2d}/65 "
            f"tf-idf {question_similarity(a['text'], q, q.text):.3f}  {a['text'][:40]!r}"
        )
    q = BY_ID["swe-bug"]
    vec = model.embed(sentences(BUG_ONCE))
    points = model.embed([tp.point for tp in q.talking_points])
    cov = [score.covers(vec, p) for p in points]
    print(
        f"  {BUG_ONCE!r}: talking points covered {sum(c[0] for c in cov)}/{len(cov)}, "
        f"best cosines {[round(c[2], 2) for c in cov]}"
    )


def coverage_and_star(answers: list[dict[str, str]]) -> None:
    print(
        f"\n== talking points covered at cos >= {score.COVER_AT}: the point's phrase, or the "
        "phrase with its keywords, as the target (fixture answers; held-out are all good)"
    )
    held = load_answers(HELD_OUT)
    for target in ("phrase", "phrase+keywords"):
        for label, group in (
            ("fixture good", [a for a in answers if a["quality"] == "good"]),
            ("fixture weak", [a for a in answers if a["quality"] == "weak"]),
            ("held-out good", held),
        ):
            best: list[float] = []
            for a in group:
                q = BY_ID[a["question_id"]]
                vec = model.embed(sentences(a["text"]))
                texts = [
                    tp.point if target == "phrase" else f"{tp.point}: {', '.join(tp.keywords)}"
                    for tp in q.talking_points
                ]
                best += [score.covers(vec, p)[2] for p in model.embed(texts)]
            arr = np.asarray(best)
            print(
                f"  {target:16s} {label:14s} median best cos {np.median(arr):.3f}, covered "
                f"{np.mean(arr >= score.COVER_AT):.0%} of {arr.size}"
            )
    protos = star.prototype_vectors()
    print(
        f"\n== STAR parts present: by meaning (a sentence's best part, cos >= "
        f"{star.PRESENT_AT}) vs cue phrases (content/star.py), STAR questions only"
    )
    for quality in ("good", "weak"):
        meaning_n, cue_n, n = 0, 0, 0
        for a in (a for a in answers if a["quality"] == quality):
            if not BY_ID[a["question_id"]].expects_star:
                continue
            sents = sentences(a["text"])
            meaning_n += len(star.present_parts(star.part_scores(model.embed(sents), protos)))
            cue_n += sum(p.present for p in analyse_star(sentences_from_text(a["text"])).values())
            n += 1
        print(f"  {quality}: meaning {meaning_n / n:.2f}/4, cues {cue_n / n:.2f}/4 ({n} answers)")


def timing(answers: list[dict[str, str]]) -> None:
    texts = [a["text"] + " " + b["text"] for a, b in itertools.pairwise(answers)]
    texts = [t for t in texts if 150 <= len(t.split()) <= 300]
    runs: list[float] = []
    for _ in range(5):
        for t in texts:
            sents = sentences(t)
            start = time.perf_counter()
            model.embed(sents)
            runs.append((time.perf_counter() - start) * 1000)
    words = [len(t.split()) for t in texts]
    n_sents = [len(sentences(t)) for t in texts]
    print(
        f"\n== load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; time per "
        f"answer: {len(texts)} answers of {min(words)}-{max(words)} words "
        f"({min(n_sents)}-{max(n_sents)} sentences), 5 rounds: median "
        f"{statistics.median(runs):.1f} ms, p95 {np.percentile(runs, 95):.1f} ms"
    )


def main() -> None:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    model.load()
    load_s = time.perf_counter() - start
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"== model load {load_s:.2f} s, max RSS {rss0 / 1024:.0f} -> {rss1 / 1024:.0f} MB")

    texts, expected = QUICKSTART
    e = model.embed(texts)
    got = {k: float(e[k[0]] @ e[k[1]]) for k in expected}
    hello = model.embed(["hello world", "flag embedding"])[0, :5]
    print("== reference check")
    for k, v in expected.items():
        print(f"  sentence-transformers quick-start {k}: {got[k]:.4f} (published {v:.4f})")
    print(
        f"  fastembed 'hello world' max |diff| over 5 dims: "
        f"{np.abs(hello - FASTEMBED_HELLO).max():.1e}"
    )

    fixture, held = load_answers(FIXTURE), load_answers(HELD_OUT)
    relevance_table(fixture, "fixture, rated")
    relevance_table(held, "held-out")
    relevance_table(fixture + held, "both")
    issue_cases(fixture, held)
    coverage_and_star(fixture)
    timing(fixture + held)


if __name__ == "__main__":
    main()
