"""`interview-prep analyze` prints a report and writes the API's result JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.test_api_analyze import ORIGINAL_FIELDS
from tests.conftest import FIXTURES

pytestmark = pytest.mark.model


def run_cli(args: list[str], tmp_path: Path, model_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path / "data"),
        "MODEL_DIR": str(model_dir),
        "COLUMNS": "100",
    }
    return subprocess.run(
        [sys.executable, "-m", "interview_prep_backend.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_analyze_writes_json_and_report(tmp_path: Path, model_dir: Path) -> None:
    out = tmp_path / "result.json"
    proc = run_cli(
        [
            "analyze",
            str(FIXTURES / "answer_speech.webm"),
            "--question",
            "A process you improved?",
            "--json",
            str(out),
        ],
        tmp_path,
        model_dir,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(out.read_text())
    assert set(result) >= ORIGINAL_FIELDS
    assert result["question"] == "A process you improved?"
    assert "Pace" in proc.stdout and "words/min" in proc.stdout
    assert "transcribe" in proc.stderr  # the per-stage progress bars


def test_bad_file_gives_its_code(tmp_path: Path, model_dir: Path) -> None:
    proc = run_cli(["analyze", str(FIXTURES / "no_audio.webm")], tmp_path, model_dir)
    assert proc.returncode == 1 and "no_audio_track" in proc.stderr


def test_analyze_a_transcript_prints_the_interview_report(tmp_path: Path, model_dir: Path) -> None:
    out = tmp_path / "report.json"
    sample = FIXTURES / "transcripts" / "teams.vtt"
    proc = run_cli(
        ["analyze", "--transcript", str(sample), "--candidate", "Alex", "--json", str(out)],
        tmp_path,
        model_dir,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Interview of Alex Kim" in proc.stdout and "URL shortener" in proc.stdout
    report = json.loads(out.read_text())
    assert len(report["answers"]) == 2 and report["overall_score"] is not None
    bad = run_cli(
        ["analyze", "--transcript", str(sample), "--candidate", "Zed"], tmp_path, model_dir
    )
    assert bad.returncode == 1 and "unknown_candidate" in bad.stderr
