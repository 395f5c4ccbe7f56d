"""How long a running analysis still needs, from its media's length and this server's
measured speed.

Speed is the median of processing seconds per media second over the last completed
recordings on this server (the median, so the first run after a start, which also
loads the models, does not skew it). With no completed recording yet, the estimate
falls back to extrapolating the elapsed time from the progress so far, once there is
enough progress (10 %) for that to mean something; before that it says nothing rather
than guess. Rejected: a fixed factor from the benchmarks, wrong on any other machine.
"""

from __future__ import annotations

from statistics import median

from pydantic import BaseModel, Field

MIN_PROGRESS_TO_EXTRAPOLATE = 0.10


class ProgressEstimate(BaseModel):
    media_duration_s: float | None = Field(description="Length of the recording, once probed.")
    seconds_per_media_second: float | None = Field(
        description="Median processing speed measured on this server; null before any."
    )
    samples: int = Field(description="Completed recordings the speed was measured on.")
    expected_total_s: float | None
    elapsed_s: float
    remaining_s: float | None = Field(description="Null when there is nothing to base it on.")
    basis: str = Field(description='"measured_speed", "progress" or "none".')


def estimate(
    *,
    media_duration_s: float | None,
    speeds: list[float],
    elapsed_s: float,
    progress: float,
) -> ProgressEstimate:
    speed = median(speeds) if speeds else None
    expected = speed * media_duration_s if speed and media_duration_s else None
    extrapolated = (
        elapsed_s * (1 - progress) / progress if progress >= MIN_PROGRESS_TO_EXTRAPOLATE else None
    )
    if expected is not None and elapsed_s <= expected:
        remaining, basis = expected - elapsed_s, "measured_speed"
    elif extrapolated is not None:
        # Past the measured figure (a slower run, a busy machine): follow the progress.
        remaining, basis = extrapolated, "progress"
    else:
        remaining, basis = None, "none"
    return ProgressEstimate(
        media_duration_s=media_duration_s,
        seconds_per_media_second=round(speed, 3) if speed else None,
        samples=len(speeds),
        expected_total_s=round(expected, 1) if expected is not None else None,
        elapsed_s=round(elapsed_s, 1),
        remaining_s=round(remaining, 1) if remaining is not None else None,
        basis=basis,
    )
