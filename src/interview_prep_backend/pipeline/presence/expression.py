"""Facial expression from fer's 7-class mini-Xception (FER2013), on LiteRT.

The network sees a 64×64 grey crop scaled to [-1, 1] and answers angry, disgust, fear,
happy, sad, surprise, neutral. Trained on FER2013, it is known to call neutral faces
"angry", and on talking faces it reads open mouths as fear or surprise. Calibration:
each non-neutral class is weighted by the MediaPipe blendshape evidence for the facial
action that defines it (after FACS): ANGRY needs lowered brows (browDown), SURPRISED
raised brows or wide eyes, FEAR an inner-brow raise with wide eyes, SAD lip corners
pulled down or an inner-brow raise, DISGUSTED a nose wrinkle, HAPPY a smile. The weight
is min(1, max(0.2, evidence / 0.3)); the probability removed goes to CALM (neutral).
The summary then averages frames per second, which smooths single-frame flickers.

Labels are Rekognition's, so the Rekognition adapter fills the same fields; the local
model has no CONFUSED class and never reports it.
"""

from __future__ import annotations

import threading

import cv2
import numpy as np
from ai_edge_litert.interpreter import Interpreter

from interview_prep_backend.pipeline.presence.models import expression_model_path

FER_CLASSES = ("ANGRY", "DISGUSTED", "FEAR", "HAPPY", "SAD", "SURPRISED", "CALM")
LABELS = ("HAPPY", "CALM", "SAD", "ANGRY", "CONFUSED", "DISGUSTED", "SURPRISED", "FEAR")

_EVIDENCE_FULL = 0.3
_EVIDENCE_FLOOR = 0.2


def _mean(bs: dict[str, float], *names: str) -> float:
    return float(np.mean([bs.get(n, 0.0) for n in names]))


def _evidence(bs: dict[str, float]) -> dict[str, float]:
    wide = _mean(bs, "eyeWideLeft", "eyeWideRight")
    inner_up = bs.get("browInnerUp", 0.0)
    return {
        "ANGRY": _mean(bs, "browDownLeft", "browDownRight"),
        "DISGUSTED": _mean(bs, "noseSneerLeft", "noseSneerRight"),
        "FEAR": min(inner_up, wide) * 2,
        "HAPPY": _mean(bs, "mouthSmileLeft", "mouthSmileRight"),
        "SAD": max(_mean(bs, "mouthFrownLeft", "mouthFrownRight"), inner_up),
        "SURPRISED": max(_mean(bs, "browOuterUpLeft", "browOuterUpRight"), inner_up, wide),
    }


def calibrate(raw: np.ndarray, blendshapes: dict[str, float]) -> dict[str, float]:
    """Raw 7-class probabilities → Rekognition-labelled, evidence-weighted ones."""
    probs = dict(zip(FER_CLASSES, (float(p) for p in raw), strict=True))
    for label, evidence in _evidence(blendshapes).items():
        weight = min(1.0, max(_EVIDENCE_FLOOR, evidence / _EVIDENCE_FULL))
        moved = probs[label] * (1.0 - weight)
        probs[label] -= moved
        probs["CALM"] += moved
    total = sum(probs.values()) or 1.0
    return {label: probs.get(label, 0.0) / total for label in LABELS}


class ExpressionModel:
    """One LiteRT interpreter; not thread-safe, so calls are serialised."""

    def __init__(self) -> None:
        self._interpreter = Interpreter(model_path=str(expression_model_path()), num_threads=1)
        self._interpreter.allocate_tensors()
        self._input = self._interpreter.get_input_details()[0]["index"]
        self._output = self._interpreter.get_output_details()[0]["index"]
        self._lock = threading.Lock()

    def predict(self, grey_face: np.ndarray) -> np.ndarray:
        """A square grey crop of any size → 7 probabilities in FER2013's order."""
        crop = cv2.resize(grey_face, (64, 64), interpolation=cv2.INTER_AREA)
        x = (crop.astype(np.float32) / 127.5 - 1.0)[None, :, :, None]
        with self._lock:
            self._interpreter.set_tensor(self._input, x)
            self._interpreter.invoke()
            return self._interpreter.get_tensor(self._output)[0].copy()
