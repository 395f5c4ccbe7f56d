"""Combine the progress of parts running at once into one overall fraction.

The stage reported is the one the wait is on, not the last one to call: the first
unfinished part in `_ORDER`. Reporting the caller's stage showed "presence" (which
reports every sampled frame and often ends first) for the whole of a long
transcription (issue 16: "Watching the video" for 97 s while Whisper ran).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

# Share of the overall bar each part owns; transcription dominates the time.
_WEIGHTS = {"media": 0.05, "speech": 0.75, "presence": 0.20}
_PART = {
    "media": "media",
    "transcribe": "speech",
    "speech_metrics": "speech",
    "prosody": "speech",
    "presence": "presence",
}
# Which running part names the stage: speech is the long wait when both run.
_ORDER = ("media", "speech", "presence")
# Within the speech part: transcription up to 92 %, then metrics and prosody.
_SPEECH_SPAN = {"transcribe": (0.0, 0.92), "speech_metrics": (0.92, 0.93), "prosody": (0.93, 1.0)}


class Progress:
    def __init__(self, report: Callable[[str, float], None], parts: set[str]) -> None:
        self._report = report
        self._done = dict.fromkeys(parts, 0.0)
        self._stage: dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, stage: str, fraction: float) -> None:
        part = _PART[stage]
        if part == "speech":
            lo, hi = _SPEECH_SPAN[stage]
            fraction = lo + (hi - lo) * fraction
        with self._lock:
            self._done[part] = max(self._done[part], min(1.0, max(0.0, fraction)))
            self._stage[part] = stage
            total = sum(_WEIGHTS[p] for p in self._done)
            overall = sum(_WEIGHTS[p] * f for p, f in self._done.items()) / total
            running = [p for p in _ORDER if p in self._stage and self._done[p] < 1.0]
            headline = self._stage[running[0]] if running else stage
        self._report(headline, overall)
