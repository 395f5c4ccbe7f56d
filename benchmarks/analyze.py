"""Analyze a file and print per-stage seconds, the ratio to its duration and peak RSS.

Each run is a fresh process (so peak RSS is the analysis's own, and model load is
counted as a cold start would pay it); the median of the runs is printed.
Usage: uv run python benchmarks/analyze.py FILE [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one_run(path: Path) -> dict[str, float]:
    from interview_prep_backend.api.app import model_loader, pipeline_options
    from interview_prep_backend.pipeline.run import analyze_file
    from interview_prep_backend.settings import get_settings

    settings = get_settings()
    started = time.perf_counter()
    result = analyze_file(
        path,
        file_key=str(path),
        question=None,
        model_loader=model_loader(settings),
        options=pipeline_options(settings),
    )
    wall = time.perf_counter() - started
    return {
        **result["stage_seconds"],
        "wall": wall,
        "duration": result["media"]["duration_s"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(args.file)))
        return
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATA_DIR": os.environ.get("DATA_DIR", tmp)}
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, __file__, str(args.file), "--child"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    keys = [k for k in runs[0] if k != "duration"]
    duration = runs[0]["duration"]
    print(f"{args.file.name}: {duration:.1f} s of media, {args.runs} runs (median)")
    for key in keys:
        value = statistics.median(r[key] for r in runs)
        if key == "peak_rss_mb":
            print(f"  {'peak RSS':<16} {value:8.0f} MB")
        else:
            print(f"  {key:<16} {value:8.2f} s   {value / duration:6.3f} × duration")


if __name__ == "__main__":
    main()
