"""The queue interface. The in-process pool implements it now; a distributed queue
(Celery over Redis) will implement the same two methods for many worker machines."""

from __future__ import annotations

from typing import Protocol


class JobQueue(Protocol):
    def submit(self, analysis_id: str) -> None:
        """Run the analysis some time soon, in submission order."""
        ...

    def shutdown(self) -> None: ...
