"""Print, for every cell of the recording-shape matrix, what the pipeline reads.

Cells are made from the shared talking heads by `tests/media_matrix.py` (the same files
the tests check) and analysed by the real pipeline. Per cell: face-found share, smile
share, eye-contact share, word error rate against Whisper's transcript of the original
clip; per clip: the largest smile and eye-contact difference between two of its shapes.
Usage: uv run python -m benchmarks.media_matrix [--out DIR] [--fps 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

from interview_prep_backend.evaluation import word_error_rate
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.media import SAMPLE_RATE
from interview_prep_backend.pipeline.speech.model import load_model
from interview_prep_backend.pipeline.speech.transcribe import transcribe
from tests.media_matrix import MATRIX, SECONDS, SOURCES, make
from tests.pipelines import analyze, local_pipeline

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:5.1f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, help="keep the made files here")
    parser.add_argument("--fps", type=float, default=3.0, help="presence frames per second")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="media_matrix_"))
    out.mkdir(parents=True, exist_ok=True)
    model = load_model(
        "bundled:base", Path(tempfile.gettempdir()) / "ip_models", False, cpu_threads=0
    )
    references = {
        s: transcribe(
            decode_audio(TESTDATA / "video" / f"{s}.mp4", 600)[: int(SECONDS * SAMPLE_RATE)],
            model,
        ).text
        for s in SOURCES
    }
    for source, text in references.items():
        print(f"reference {source}: {text.strip()}")
    print(
        f"{'cell':17s} {'source':6s} {'shape':>10s} {'codecs':14s} {'rot':>3s} "
        f"{'face%':>5s} {'smile%':>6s} {'eye%':>5s} {'WER':>5s} {'s':>5s}"
    )
    rows: list[tuple[str, str, dict[str, Any]]] = []
    pipeline = local_pipeline(model, fps=args.fps)
    for cell in MATRIX:
        path = make(cell, TESTDATA, out)
        t0 = time.perf_counter()
        result = analyze(pipeline, path, cell.filename)
        seconds = time.perf_counter() - t0
        media = result["media"]
        presence = result["presence"] or {}
        wer = word_error_rate(references[cell.source], result["transcript_analysis"]["full_text"])
        shape = f"{media['width']}x{media['height']}" if media["has_video"] else "audio"
        codecs = f"{media['video_codec'] or '-'}+{media['audio_codec']}"
        print(
            f"{cell.name:17s} {cell.source[-6:]:6s} {shape:>10s} {codecs:14s} "
            f"{media.get('rotation_deg', 0):3d} {_fmt(presence.get('face_visible_pct'))} "
            f" {_fmt(presence.get('smile_pct'))} {_fmt(presence.get('eye_contact_pct'))} "
            f"{wer:5.2f} {seconds:5.1f}",
            flush=True,
        )
        if presence:
            rows.append((cell.name, cell.source, presence))
    print("largest difference between two shapes/codecs of one clip (points):")
    for source in SOURCES:
        mine = [(name, p) for name, s, p in rows if s == source]
        for key in ("smile_pct", "eye_contact_pct", "face_visible_pct"):
            values = sorted((p[key] or 0.0, name) for name, p in mine)
            (lo, lo_name), (hi, hi_name) = values[0], values[-1]
            print(
                f"  {source} {key:16s} {hi - lo:5.1f}  ({lo_name} {lo:.1f} .. {hi_name} {hi:.1f})"
            )


if __name__ == "__main__":
    main()
