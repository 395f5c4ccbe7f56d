"""Do the coach's scores agree with graded answers? AUC and rank correlation per measure.

Runs every answer of a development set (default `benchmarks/data/dev_answers.json`: 84
answers written and graded by hand against a rubric, 1 poor to 4 strong, before any
scorer was run) through the typed-answer path, and reports, over all answers and per
question type, for the overall score, each group score, each coach metric's score and two
baselines (word count, log word count):

- AUC top vs bottom: the chance that a random answer of the top grade (4) scores above a
  random one of the bottom grade (1); ties count half. 0.5 is chance.
- AUC good vs weak: grades >= 3 against grades <= 2.
- Spearman's rho with the grade (and Pearson's r, which is what tells log word count apart
  from word count: the rank figures of the two are the same by construction).

Every measure is read in one direction fixed in advance, higher is better (the coach's
scores say so; for length the issue's finding that longer answers were rated higher), so
an AUC below 0.5 is a measure pointing the wrong way, not one to flip. Nothing here is
fitted to the set. A measure missing from an answer (a metric the coach did not report)
is left out of that measure's figures; `n` says how many answers each figure stands on.

The statistics are implemented here (average ranks for ties), so scipy is not needed;
tests/test_dev_answers.py checks them on hand-worked cases. With 12 answers per type
(3 per grade) a per-type AUC rests on 9 pairs: read it as a direction, not a figure.

Usage: uv run python -m benchmarks.coaching_validity [--data PATH] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.content.question_type import classify
from tests.pipelines import analyze_typed

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "benchmarks/data/dev_answers.json"
REQUIRED = ("id", "question", "grade", "answer")
GOOD_FROM = 3  # grades >= 3 are "good", <= 2 "weak" (the rubric's 1-4 scale)


# Statistics ----------------------------------------------------------------------------


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, tied values sharing the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            out[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return out


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float | None:
    """P(a positive scores above a negative), ties half: Mann-Whitney U over n1*n2."""
    if not positives or not negatives:
        return None
    r = ranks([*positives, *negatives])
    n1, n0 = len(positives), len(negatives)
    u = sum(r[:n1]) - n1 * (n1 + 1) / 2
    return u / (n1 * n0)


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's r; None when either side is constant or there are fewer than 3 pairs."""
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    if len(x) < 3:
        return None
    mx, my = statistics.fmean(x), statistics.fmean(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def spearman(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's r of the average ranks (the tie-corrected form)."""
    return pearson(ranks(x), ranks(y))


# Data ----------------------------------------------------------------------------------


def load(path: Path) -> list[dict[str, Any]]:
    """The answers of a development-set file, each checked for the fields used here."""
    doc = json.loads(path.read_text())
    answers = doc["answers"] if isinstance(doc, dict) else doc
    for a in answers:
        missing = [k for k in REQUIRED if k not in a]
        if missing:
            raise ValueError(f"answer {a.get('id', '?')}: missing {', '.join(missing)}")
        if not isinstance(a["grade"], int | float):
            raise ValueError(f"answer {a['id']}: grade is not a number")
    return answers


def measures(answer: dict[str, Any]) -> tuple[dict[str, float], float]:
    """Every measure for one answer, and the seconds the typed path took."""
    qid = answer.get("question_id")
    bank = BY_ID.get(qid) if qid else None
    if qid and bank is None:
        print(f"note: {answer['id']}: {qid} is not in the bank; run as a free question")
    started = time.perf_counter()
    result = analyze_typed(answer["answer"], question=answer["question"], bank_question=bank)
    took = time.perf_counter() - started
    coaching = result["coaching"]
    out: dict[str, float] = {}
    for group, score in coaching["scores"].items():
        if score is not None:
            out[f"score.{group}"] = float(score)
    for metric in coaching["metrics"]:
        if metric.get("score") is not None:
            out[f"metric.{metric['metric']}"] = float(metric["score"])
    words = result["content"]["word_count"]
    out["baseline.word_count"] = float(words)
    out["baseline.log_word_count"] = math.log1p(words)
    return out, took


# Report --------------------------------------------------------------------------------


def figures(rows: list[tuple[float, dict[str, float]]]) -> dict[str, dict[str, Any]]:
    """Per measure: n, AUC top vs bottom, AUC good vs weak, Spearman and Pearson."""
    names = sorted({name for _, m in rows for name in m}, key=_order)
    grades = [g for g, _ in rows]
    top, bottom = max(grades), min(grades)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        pairs = [(g, m[name]) for g, m in rows if name in m]
        gs, xs = [g for g, _ in pairs], [x for _, x in pairs]
        out[name] = {
            "n": len(pairs),
            "auc_top_vs_bottom": auc(
                [x for g, x in pairs if g == top], [x for g, x in pairs if g == bottom]
            ),
            "auc_good_vs_weak": auc(
                [x for g, x in pairs if g >= GOOD_FROM], [x for g, x in pairs if g < GOOD_FROM]
            ),
            "spearman": spearman(xs, gs),
            "pearson": pearson(xs, gs),
        }
    return out


def _order(name: str) -> tuple[int, str]:
    return (["score", "metric", "baseline"].index(name.split(".")[0]), name)


def _cell(value: float | None) -> str:
    return "   -" if value is None else f"{value:5.2f}"


def table(title: str, figs: dict[str, dict[str, Any]]) -> str:
    lines = [
        title,
        f"  {'measure':<30} {'n':>3}  AUC4v1 AUC>=3  rho    r",
    ]
    for name, f in figs.items():
        lines.append(
            f"  {name:<30} {f['n']:>3}  {_cell(f['auc_top_vs_bottom'])}  "
            f"{_cell(f['auc_good_vs_weak'])} {_cell(f['spearman'])} {_cell(f['pearson'])}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    answers = load(args.data)
    rows: dict[str, list[tuple[float, dict[str, float]]]] = {"all": []}
    times = []
    for a in answers:
        m, took = measures(a)
        times.append(took)
        kind = a.get("question_type") or classify(a["question"]).value
        rows["all"].append((a["grade"], m))
        rows.setdefault(kind, []).append((a["grade"], m))
    report = {kind: figures(r) for kind, r in rows.items()}
    for kind, figs in report.items():
        print(table(f"{kind} ({len(rows[kind])} answers)", figs), end="\n\n")
    ms = statistics.median(times) * 1000
    print(f"{len(answers)} answers from {args.data}; typed path median {ms:.1f} ms per answer")
    if args.json:
        payload = {
            "data": str(args.data),
            "answers": len(answers),
            "median_ms_per_answer": round(ms, 2),
            "figures": report,
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
