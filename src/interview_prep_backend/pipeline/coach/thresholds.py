"""Every threshold the rules coach uses, in one table.

A metric scores 100 inside its good band and falls linearly to 0 at its zero points.
The README prints this table; the web page shows it beside the scores.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Threshold:
    key: str
    group: str  # delivery, presence, content
    label: str
    unit: str
    good_low: float | None  # None: no lower bound
    good_high: float | None  # None: no upper bound
    zero_low: float | None
    zero_high: float | None
    weight: float
    why: str
    source: str
    target: str | None = None  # wording of the good band, where numbers alone mislead

    def score(self, value: float) -> float:
        if self.good_low is not None and value < self.good_low:
            if self.zero_low is None or value <= self.zero_low:
                return 0.0
            return 100.0 * (value - self.zero_low) / (self.good_low - self.zero_low)
        if self.good_high is not None and value > self.good_high:
            if self.zero_high is None or value >= self.zero_high:
                return 0.0
            return 100.0 * (self.zero_high - value) / (self.zero_high - self.good_high)
        return 100.0

    def band(self) -> str:
        if self.target:
            return self.target
        if self.good_low is not None and self.good_high is not None:
            return f"{self.good_low:g}-{self.good_high:g} {self.unit}"
        if self.good_low is not None:
            return f"at least {self.good_low:g} {self.unit}"
        return f"at most {self.good_high:g} {self.unit}"


T = Threshold
THRESHOLDS: tuple[Threshold, ...] = (
    T("pace", "delivery", "Speaking pace", "words/min", 100, 165, 60, 220, 1.0,
      "Slower is hard to follow with energy; faster is hard to follow at all.",
      "Microsoft PowerPoint Speaker Coach's pace range"),
    T("fillers", "delivery", "Filler words", "per min", None, 3, None, 12, 1.0,
      "A few fillers sound natural; many make an answer sound unprepared.",
      "common interview coaching; Speaker Coach flags fillers"),
    T("longest_pause", "delivery", "Longest pause", "s", None, 3, None, 8, 0.5,
      "Short pauses help; a long silence mid-answer reads as lost thread.",
      "this project's choice"),
    T("hedges", "delivery", "Hedging phrases", "per min", None, 2, None, 8, 0.7,
      "'I think', 'maybe', 'kind of' soften claims you should own.",
      "this project's choice"),
    T("repetitions", "delivery", "Repeated words", "per min", None, 1, None, 6, 0.5,
      "Stumbles ('I I', 'we went we went') distract from the story.",
      "this project's choice"),
    T("pitch_variation", "delivery", "Pitch variation", "semitones", 2, None, 0.5, None, 0.5,
      "A flat voice sounds disengaged; variation carries emphasis.",
      "Speaker Coach flags monotone delivery; value is this project's choice"),
    T("eye_contact", "presence", "Eye contact", "% of time", 60, None, 10, None, 1.0,
      "Looking at the camera is how a remote interviewer feels addressed.",
      "this project's choice"),
    T("face_visible", "presence", "Face in view", "% of time", 90, None, 30, None, 1.0,
      "The interviewer reads a great deal from your face.",
      "this project's choice"),
    T("head_movement", "presence", "Head movement", "° spread", None, 12, None, 35, 0.5,
      "A steady head looks composed; constant motion distracts.",
      "this project's choice"),
    T("smile", "presence", "Smiling", "% of time", 10, None, 0, None, 0.3,
      "An occasional smile makes an answer warmer.",
      "this project's choice"),
    T("length", "content", "Answer length", "% of ideal", 100, 100, 25, 250, 1.0,
      "Too short lacks substance; too long loses the listener. The ideal depends on the "
      "question's type: a story 60-150 s, a motivation answer 30-90 s.",
      "common interview coaching", "within the question's ideal length"),
    T("star", "content", "STAR parts present", "of 4", 4, None, 0, None, 1.0,
      "Situation, task, action and result make a story an interviewer can score.",
      "the STAR method", "all 4 parts"),
    T("talking_points", "content", "Talking points covered", "%", 75, None, 0, None, 1.0,
      "Strong answers touch what the question is really probing.",
      "this project's question bank"),
    T("relevance", "content", "Relevance to the question", "cosine", 0.2, None, 0.02, None, 0.7,
      "An answer that drifts from the question wastes the interviewer's time.",
      "TF-IDF similarity; value is this project's choice"),
    T("results", "content", "Concrete results", "with numbers", 1, None, 0, None, 0.8,
      "Numbers make impact believable: '40% faster' beats 'much faster'.",
      "common interview coaching"),
    T("ownership", "content", "Ownership ('I' vs 'we')", "% I", 40, None, 5, None, 0.5,
      "Interviewers hire you, not your team: say what you did.",
      "common interview coaching"),
    T("ending", "content", "Clear ending", "", 1, None, 0, None, 0.5,
      "Ending on the result or the lesson lands the answer; trailing off undercuts it.",
      "this project's choice", "ends on a result or lesson"),
)  # fmt: skip
BY_KEY = {t.key: t for t in THRESHOLDS}
GROUP_WEIGHTS = {"content": 0.45, "delivery": 0.35, "presence": 0.20}
