"""Face landmarks, blendshapes and head pose with MediaPipe's FaceLandmarker.

One landmarker per analysis thread, kept warm between analyses, in IMAGE mode: every
sampled frame is detected afresh. VIDEO mode was used before; it tracks the face from
the previous frame's region, but frames sampled a third of a second apart are not a
video to it, and what it carried over depended on the resolution: on the same 3.6 s
clip in 25 encodings and shapes (tests/media_matrix.py), the largest per-frame spread
between shapes was 0.21 (smile blendshape), 0.39 (blink) and 3.7° (yaw) in VIDEO mode
against 0.10, 0.10 and 1.5° in IMAGE mode. IMAGE mode cost 10-16 ms per 720p frame
against 10-12 ms, within the noise of a loaded 2-core machine.
"""

from __future__ import annotations

import atexit
import math
import queue
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from interview_prep_backend.pipeline.presence.models import face_landmarker_path

MAX_FACES = 3  # enough to notice someone else in the frame


@dataclass(frozen=True)
class DetectedFace:
    box: tuple[float, float, float, float]  # x0, y0, x1, y1, fractions of the frame
    blendshapes: dict[str, float]
    yaw: float  # degrees; 0 faces the camera
    pitch: float
    roll: float

    @property
    def area(self) -> float:
        return (self.box[2] - self.box[0]) * (self.box[3] - self.box[1])


def _angles(matrix: np.ndarray) -> tuple[float, float, float]:
    r = matrix[:3, :3]
    pitch = math.degrees(math.atan2(r[2, 1], r[2, 2]))
    yaw = math.degrees(math.atan2(-r[2, 0], math.hypot(r[2, 1], r[2, 2])))
    roll = math.degrees(math.atan2(r[1, 0], r[0, 0]))
    return yaw, pitch, roll


class FaceTracker:
    def __init__(self) -> None:
        # Imported here: mediapipe takes ~1.5 s to import, paid only by processes
        # that analyse video.
        import mediapipe as mp
        from mediapipe.tasks.python import BaseOptions, vision

        self._mp = mp
        options = vision.FaceLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(face_landmarker_path())),
            running_mode=vision.RunningMode.IMAGE,
            num_faces=MAX_FACES,
            output_face_blendshapes=True,
            output_facial_transformation_matrixes=True,
        )
        self._landmarker = vision.FaceLandmarker.create_from_options(options)

    def new_video(self) -> None:
        """Nothing carries over between frames in IMAGE mode; kept for the pool."""

    def detect(self, rgb: np.ndarray, time_s: float = 0.0) -> list[DetectedFace]:
        """Faces in one frame, largest first. `rgb` must be contiguous (mediapipe.Image
        ignores strides); `time_s` is unused in IMAGE mode."""
        del time_s
        image = self._mp.Image(
            image_format=self._mp.ImageFormat.SRGB, data=np.ascontiguousarray(rgb)
        )
        result = self._landmarker.detect(image)
        faces = []
        for i, points in enumerate(result.face_landmarks):
            xs = [p.x for p in points]
            ys = [p.y for p in points]
            box = (
                max(0.0, min(xs)),
                max(0.0, min(ys)),
                min(1.0, max(xs)),
                min(1.0, max(ys)),
            )
            shapes = {b.category_name: float(b.score) for b in result.face_blendshapes[i]}
            yaw, pitch, roll = _angles(np.asarray(result.facial_transformation_matrixes[i]))
            faces.append(DetectedFace(box, shapes, yaw, pitch, roll))
        return sorted(faces, key=lambda f: f.area, reverse=True)

    def close(self) -> None:
        self._landmarker.close()


_pool: queue.SimpleQueue[FaceTracker] = queue.SimpleQueue()


@atexit.register
def _close_pool() -> None:
    # MediaPipe prints a TypeError at interpreter exit for landmarkers left open.
    while not _pool.empty():
        _pool.get_nowait().close()


@contextmanager
def tracker() -> Iterator[FaceTracker]:
    """Borrow a warm tracker (made on first use) for one video."""
    try:
        t = _pool.get_nowait()
    except queue.Empty:
        t = FaceTracker()
    t.new_video()
    try:
        yield t
    finally:
        _pool.put(t)
