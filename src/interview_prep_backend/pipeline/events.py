"""What a running analysis tells its caller, as it goes.

One interface for every listener: the job runner writes progress and partial results
to the database, the CLI draws a bar, a live recording could push cues. Each hook does
nothing by default, so a listener overrides only what it needs. Hooks may be called
from the presence thread as well as the caller's: implementations must be thread-safe.
"""

from __future__ import annotations

from interview_prep_backend.pipeline.media import MediaInfo
from interview_prep_backend.pipeline.schema import PartialResult


class Events:
    def progress(self, stage: str, fraction: float) -> None:
        """The stage the wait is on, and the overall fraction done (0-1)."""

    def probed(self, media: MediaInfo) -> None:
        """The media was read: its length is known (for a time estimate)."""

    def partial(self, part: PartialResult) -> None:
        """The transcript and speech metrics, while the video half still runs."""


SILENT = Events()
