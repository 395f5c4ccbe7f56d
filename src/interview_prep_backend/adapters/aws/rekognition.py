"""Amazon Rekognition as the face analyzer (`FACE_ANALYZER=rekognition`).

Rekognition Video takes only H.264 in mp4 or mov, and browsers record webm, so video
analysis would need a transcode to H.264 in S3 (an encoder PyAV's wheels do not ship)
plus an asynchronous job. Instead it is a `FaceObserver`: the pipeline samples frames
(1 per second by default, to bound the per-image cost) as it does for the local models,
each goes to DetectFaces with Attributes ALL, and each FaceDetail becomes the same
`FrameObservation`, so the presence report and `facial_analysis` come from the same
summary code.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import cv2
from botocore.exceptions import ClientError

from interview_prep_backend.pipeline.ports import ObserveFn
from interview_prep_backend.pipeline.presence.expression import LABELS
from interview_prep_backend.pipeline.presence.frames import SampledFrame
from interview_prep_backend.pipeline.presence.observe import HEAD_AWAY_DEG, FrameObservation

GAZE_AWAY_DEG = 15.0  # EyeDirection yaw/pitch beyond this looks past the lens
_RETRYABLE = {"ThrottlingException", "ProvisionedThroughputExceededException"}


def observation(time_s: float, details: list[dict[str, Any]]) -> FrameObservation:
    if not details:
        return FrameObservation(time_s, 0)
    face = max(details, key=lambda d: d["BoundingBox"]["Width"] * d["BoundingBox"]["Height"])
    box = face["BoundingBox"]
    pose = face.get("Pose", {})
    yaw, pitch = float(pose.get("Yaw", 0.0)), float(pose.get("Pitch", 0.0))
    eyes_open = face.get("EyesOpen", {}).get("Value", True)
    gaze = face.get("EyeDirection", {})
    looking = (
        abs(float(gaze.get("Yaw", 0.0))) < GAZE_AWAY_DEG
        and abs(float(gaze.get("Pitch", 0.0))) < GAZE_AWAY_DEG
        and abs(yaw) < HEAD_AWAY_DEG
        and abs(pitch) < HEAD_AWAY_DEG
    )
    smile = face.get("Smile", {})
    smile_score = smile.get("Confidence", 0.0) / 100.0
    emotions = {e["Type"]: float(e["Confidence"]) for e in face.get("Emotions", [])}
    total = sum(emotions.get(label, 0.0) for label in LABELS) or 1.0
    brightness = face.get("Quality", {}).get("Brightness")
    return FrameObservation(
        time_s=time_s,
        faces=len(details),
        box=(box["Left"], box["Top"], box["Left"] + box["Width"], box["Top"] + box["Height"]),
        yaw=round(yaw, 2),
        pitch=round(pitch, 2),
        smile=smile_score if smile.get("Value") else 1.0 - smile_score,
        blink=not eyes_open,
        eye_contact=looking if eyes_open else None,
        brightness=float(brightness) * 2.55 if brightness is not None else None,
        expression={label: emotions.get(label, 0.0) / total for label in LABELS},
    )


class RekognitionFaceObserver:
    """A `FaceObserver`: each sampled frame goes to DetectFaces as a JPEG."""

    def __init__(
        self, client: Any, *, fps: float = 1.0, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.client, self.fps, self.sleep = client, fps, sleep

    def _detect(self, jpeg: bytes) -> list[dict[str, Any]]:
        wait = 1.0
        for attempt in range(6):
            try:
                return self.client.detect_faces(Image={"Bytes": jpeg}, Attributes=["ALL"])[
                    "FaceDetails"
                ]
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in _RETRYABLE or attempt == 5:
                    raise
                self.sleep(wait)
                wait = min(16.0, wait * 2)
        return []

    def see(self, frame: SampledFrame) -> FrameObservation:
        ok, jpeg = cv2.imencode(".jpg", cv2.cvtColor(frame.rgb, cv2.COLOR_RGB2BGR))
        return observation(frame.time_s, self._detect(jpeg.tobytes()) if ok else [])

    @contextmanager
    def watch(self) -> Iterator[ObserveFn]:
        yield self.see

    def warm_up(self) -> None:
        """Nothing to load: the model runs at AWS."""
