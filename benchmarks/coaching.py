"""Time the content and coaching stages (rules coach, no LLM) on a stored result.

Give it a result JSON from `interview-prep analyze FILE --json OUT` (a spoken answer)
or nothing, to use the longest typed sample answer repeated to about two minutes.
Prints the median over many repetitions; models are not involved.
Usage: uv run python benchmarks/coaching.py [RESULT.json] [--question-id ID] [--runs 50]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from interview_prep_backend.pipeline.assemble import content_block
from interview_prep_backend.pipeline.coach.stage import Coach
from interview_prep_backend.pipeline.content.analyze import analyze_content
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.content.text import sentences_from_words
from interview_prep_backend.pipeline.schema import AnalysisResult
from interview_prep_backend.pipeline.schema_upgrade import read_result
from interview_prep_backend.pipeline.speech.transcribe import Word
from tests.pipelines import analyze_typed

ROOT = Path(__file__).resolve().parents[1]


def spoken(stored: dict[str, Any], question_id: str | None) -> float:
    result = read_result(stored)
    assert isinstance(result, AnalysisResult) and result.transcript_analysis
    assert result.speech_metrics is not None
    words = [
        Word(w.text, w.start_time, w.end_time, w.confidence)
        for w in result.transcript_analysis.words
    ]
    started = time.perf_counter()
    content = analyze_content(
        sentences_from_words(words),
        question=BY_ID.get(question_id or ""),
        question_text=result.question,
        spoken_seconds=result.speech_metrics.speaking_time_s,
    )
    result.content = content_block(content)
    Coach()(result)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("result", type=Path, nargs="?")
    parser.add_argument("--question-id", default="beh-conflict")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    if args.result:
        result = json.loads(args.result.read_text())
        seconds = result["media"]["duration_s"]
        times = [spoken(result, args.question_id) for _ in range(args.runs)]
        words = len(result["transcript_analysis"]["words"])
        what = f"{args.result.name}: spoken, {seconds:.0f} s, {words} words"
    else:
        samples = json.loads((ROOT / "tests/fixtures/sample_answers.json").read_text())
        text = max((a["text"] for a in samples["answers"]), key=len)
        while len(text.split()) < 300:  # about two minutes at 150 words/min
            text += " " + text
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            analyze_typed(text, question=None, bank_question=BY_ID[args.question_id])
            times.append(time.perf_counter() - started)
        what = f"typed, {len(text.split())} words"
    print(
        f"{what}: content + coaching median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
