"""Make a browser-like benchmark recording of any length from the shared talking heads.

The clips are alternated until the target length, scaled to 1280x720 and written as
VP8 + Opus webm in live mode (no duration in the header), like Chrome's MediaRecorder.
Usage: uv run python benchmarks/make_media.py OUT.webm --seconds 60
"""

from __future__ import annotations

import argparse
from fractions import Fraction
from itertools import cycle
from pathlib import Path

import av
import numpy as np

SHARED = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "video"
RATE = 48_000


def clip_audio(path: Path) -> np.ndarray:
    with av.open(str(path)) as c:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        return np.concatenate(
            [f.to_ndarray().reshape(-1) for fr in c.decode(audio=0) for f in resampler.resample(fr)]
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    parser.add_argument("--fps", type=int, default=30)
    args = parser.parse_args()
    clips = sorted(SHARED.glob("talking_head_*.mp4"))
    out = av.open(args.out, "w", format="webm", options={"live": "1"})
    v = out.add_stream("libvpx", rate=args.fps, options={"deadline": "realtime", "cpu-used": "8"})
    v.width, v.height, v.pix_fmt, v.bit_rate = args.width, args.height, "yuv420p", 1_500_000
    a = out.add_stream("libopus", rate=RATE)
    a.layout, a.bit_rate = "mono", 32_000
    n_frames = int(args.seconds * args.fps)
    n_samples = int(args.seconds * RATE)
    vi = ai = 0
    for clip in cycle(clips):
        if vi >= n_frames and ai >= n_samples:
            break
        with av.open(str(clip)) as c:
            for frame in c.decode(video=0):
                if vi >= n_frames:
                    break
                img = frame.reformat(width=args.width, height=args.height, format="yuv420p")
                img.pts, img.time_base = vi, Fraction(1, args.fps)
                out.mux(v.encode(img))
                vi += 1
        audio = clip_audio(clip)
        for start in range(0, audio.size - 960 + 1, 960):
            if ai >= n_samples:
                break
            f = av.AudioFrame.from_ndarray(audio[None, start : start + 960], "flt", "mono")
            f.sample_rate, f.pts = RATE, ai
            out.mux(a.encode(f))
            ai += 960
    out.mux(v.encode(None))
    out.mux(a.encode(None))
    out.close()
    print(f"{args.out}: {Path(args.out).stat().st_size / 1e6:.1f} MB, {args.seconds:.0f} s")


if __name__ == "__main__":
    main()
