"""Shared models and tools give the same answers when used by many threads at once.

Typed answers run in parallel threads of the API, recordings in parallel workers; a
stemmer shared by threads once gave IndexError and silently wrong stems. Each test runs
the same inputs sequentially and concurrently and wants byte-identical results (minus
the ids and timings, which differ by nature).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from interview_prep_backend.bootstrap import build_pipeline
from interview_prep_backend.pipeline.content import text
from interview_prep_backend.pipeline.run import Asked
from interview_prep_backend.settings import Settings
from tests.conftest import FIXTURES

VOLATILE = {"analysis_id", "processing_time_ms", "stage_seconds"}

ANSWERS = [
    "In my last role I led a team of five engineers. We automated the release process "
    "and cut the release time by forty percent within one quarter.",
    "I think, um, I would say I'm kind of a hard worker. I like working with people.",
    "When our biggest customer threatened to leave, I organised weekly calls, rebuilt the "
    "onboarding guide and personally handled escalations; they renewed for three years.",
    "Situation: the nightly build failed daily. Task: fix it. Action: I bisected the "
    "flaky tests, quarantined them and added retries. Result: green builds for a month.",
]


def canonical(result: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in result.items() if k not in VOLATILE}, sort_keys=True)


def test_stemming_in_many_threads_matches_one_thread() -> None:
    words = sorted({w for a in ANSWERS for w in text.tokens(a)}) + [
        f"{w}{suffix}" for w in ("lead", "organis", "automat", "customer") for suffix in
        ("ing", "ed", "ation", "ers", "ingly", "ations")
    ]  # fmt: skip
    expected = [text._stemmer().stemWord(w) for w in words]

    def stem_all(_: int) -> list[str]:
        # Bypass the cache: every call reaches a stemmer object.
        return [text._stemmer().stemWord(w) for w in words for _ in range(20)][::20]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(stem_all, range(32)))
    assert all(r == expected for r in results)


def test_typed_answers_at_once_match_one_by_one(client: TestClient) -> None:
    def ask(answer: str) -> str:
        r = client.post("/api/v1/analyze", json={"text": answer, "question_id": "beh-conflict"})
        assert r.status_code == 200, r.text
        return canonical(r.json())

    sequential = [ask(a) for a in ANSWERS]
    text.stem.cache_clear()  # so the concurrent run stems afresh, in its own threads
    with ThreadPoolExecutor(8) as pool:
        concurrent = list(pool.map(ask, ANSWERS * 4))
    assert concurrent == sequential * 4


@pytest.mark.model
def test_recordings_at_once_match_one_by_one(model_dir: Path, tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, model_dir=model_dir)  # type: ignore[call-arg]
    pipeline = build_pipeline(settings)
    files = [FIXTURES / "astronaut.webm", FIXTURES / "answer_speech.webm"]

    def run(path: Path) -> str:
        result = pipeline.analyze_recording(path, Asked(), file_key=path.name)
        return canonical(result.model_dump(mode="json"))

    sequential = [run(p) for p in files]
    with ThreadPoolExecutor(3) as pool:
        concurrent = list(pool.map(run, [*files, files[0]]))
    assert concurrent == [*sequential, sequential[0]]
