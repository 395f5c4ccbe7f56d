"""Accuracy measures shared by the tests and `benchmarks/accuracy.py`.

Word error rate on normalised text (lower case, no punctuation, numbers spelled as
Whisper tends to write them are left alone), and filler matching against verbatim
timings: a found filler counts as right when a marked filler lies within a tolerance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(r"[a-z0-9']+")
_VTT_TIME = re.compile(r"(\d+):(\d{2}):(\d{2}(?:\.\d+)?)\s*-->\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)")
HESITATION_MARKS = {"[UM]": "um", "[UH]": "uh", "[ER]": "er", "[AH]": "ah", "[HMM]": "hmm"}


def normalise_words(text: str) -> list[str]:
    # Verbatim marks are the fillers a coach wants transcribed: "[UM]" counts as "um".
    text = re.sub(r"\[([A-Z]+)\]", lambda m: f" {m.group(1).lower()} ", text)
    return _WORD.findall(text.lower().replace("’", "'"))


def word_error_rate(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise_words(reference), normalise_words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)


@dataclass(frozen=True)
class TimedMark:
    text: str
    start: float
    end: float


def read_vtt(path: Path) -> list[TimedMark]:
    marks: list[TimedMark] = []
    lines = path.read_text().splitlines()
    for i, line in enumerate(lines):
        m = _VTT_TIME.search(line)
        if not m or i + 1 >= len(lines):
            continue
        h1, m1, s1, h2, m2, s2 = m.groups()
        start = int(h1) * 3600 + int(m1) * 60 + float(s1)
        end = int(h2) * 3600 + int(m2) * 60 + float(s2)
        marks.append(TimedMark(lines[i + 1].strip(), start, end))
    return marks


def vtt_fillers(marks: list[TimedMark]) -> list[TimedMark]:
    return [
        TimedMark(HESITATION_MARKS[m.text.upper()], m.start, m.end)
        for m in marks
        if m.text.upper() in HESITATION_MARKS
    ]


@dataclass(frozen=True)
class FillerScore:
    true_positives: int
    found: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def match_fillers(
    found: list[tuple[str, float]], expected: list[TimedMark], tolerance: float = 0.5
) -> FillerScore:
    """Greedy one-to-one matching by start time; the filler's kind is not required to
    agree (an "um" heard as "uh" is still a hesitation caught)."""
    unused = list(expected)
    hits = 0
    for _, start in sorted(found, key=lambda f: f[1]):
        best = min(unused, key=lambda m: abs(m.start - start), default=None)
        if best is not None and abs(best.start - start) <= tolerance:
            unused.remove(best)
            hits += 1
    return FillerScore(hits, len(found), len(expected))
