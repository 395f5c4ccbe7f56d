"""Analyze a file and print per-stage seconds, the ratio to its duration and peak RSS.

Each run is a fresh process (so peak RSS is the analysis's own); models are loaded and
one short analysis is run before the clock starts, as in a running server that has
answered before; the cold model load is printed apart.
The median of the runs is printed.
`--only speech|presence|decode` times one part alone (with its models loaded
before the clock starts), to see each stage's own cost and floor.
Usage: uv run python benchmarks/analyze.py FILE [--runs 3] [--only speech|presence|decode]
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

WARMUP_CLIP = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "astronaut.webm"


def one_run(path: Path) -> dict[str, float]:
    from interview_prep_backend.bootstrap import build_pipeline
    from interview_prep_backend.pipeline.run import Asked
    from interview_prep_backend.pipeline.speech.prosody import _get_detector
    from interview_prep_backend.settings import get_settings

    pipeline = build_pipeline(get_settings())
    # Warm, as a server is: models loaded before the clock starts (reported apart).
    loading = time.perf_counter()
    pipeline.warm_up()
    _get_detector(None)
    cold_load = time.perf_counter() - loading
    # A server has answered before: one short analysis first, as after its first request
    # (the first inference in a process pays one-off kernel and buffer set-up).
    pipeline.analyze_recording(WARMUP_CLIP, Asked(), file_key="warmup")
    started = time.perf_counter()
    result = pipeline.analyze_recording(path, Asked(), file_key=str(path))
    wall = time.perf_counter() - started
    assert result.media is not None
    return {
        "cold_model_load": cold_load,
        **(result.stage_seconds or {}),
        "wall": wall,
        "duration": result.media.duration_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def presence_only(path: Path) -> dict[str, float]:
    from interview_prep_backend.pipeline.media import probe
    from interview_prep_backend.pipeline.presence.analyze import (
        LocalFaceObserver,
        analyze_presence,
    )

    info = probe(path, 3600)
    LocalFaceObserver().warm_up()
    started = time.perf_counter()
    p = analyze_presence(path, duration_s=info.duration_s)
    return {
        "presence": time.perf_counter() - started,
        "frames": p.frames_analysed,
        "duration": info.duration_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def decode_only(path: Path) -> dict[str, float]:
    """Decode every video frame and the audio, converting nothing: the floor."""
    import av

    from interview_prep_backend.pipeline.audio import decode_audio
    from interview_prep_backend.pipeline.media import probe

    info = probe(path, 3600)
    started = time.perf_counter()
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        stream.codec_context.options = {"skip_loop_filter": "all"}
        for _ in container.decode(stream):
            pass
    video = time.perf_counter() - started
    decode_audio(path, 3600)
    return {
        "video_decode": video,
        "audio_decode": time.perf_counter() - started - video,
        "duration": info.duration_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def speech_only(path: Path) -> dict[str, float]:
    from interview_prep_backend.bootstrap import model_loader
    from interview_prep_backend.pipeline.audio import decode_audio
    from interview_prep_backend.pipeline.media import probe
    from interview_prep_backend.pipeline.ports import SpeechInput
    from interview_prep_backend.pipeline.speech.analyze import analyze_speech
    from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber
    from interview_prep_backend.settings import get_settings

    info = probe(path, 3600)
    audio = decode_audio(path, 3600, expected_s=info.duration_s)
    transcriber = WhisperTranscriber(model_loader(get_settings()))
    transcriber.warm_up()
    started = time.perf_counter()
    analyze_speech(SpeechInput(audio, info.duration_s), transcriber)
    return {
        "speech": time.perf_counter() - started,
        "duration": info.duration_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


ONLY = {"presence": presence_only, "decode": decode_only, "speech": speech_only}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=sorted(ONLY), default=None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        from interview_prep_backend.memory import tune_allocator

        tune_allocator()  # as `interview-prep serve` and `analyze` do
        run = ONLY[args.only] if args.only else one_run
        print(json.dumps(run(args.file)))
        return
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATA_DIR": os.environ.get("DATA_DIR", tmp)}
        for _ in range(args.runs):
            out = subprocess.run(
                [sys.executable, __file__, str(args.file), "--child"]
                + (["--only", args.only] if args.only else []),
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
            each = ", ".join(f"{r[key]:.0f}" for r in runs)
            print(f"  {'peak RSS':<16} {value:8.0f} MB   (runs: {each})")
        elif key == "frames":
            print(f"  {'frames':<16} {value:8.0f}")
        else:
            print(f"  {key:<16} {value:8.2f} s   {value / duration:6.3f} × duration")


if __name__ == "__main__":
    main()
