"""The presence stage on real faces, a made-up smiling face and faceless video."""

from __future__ import annotations

import itertools
from pathlib import Path

import cv2
import numpy as np
import pytest

from interview_prep_backend.pipeline.original import facial_analysis
from interview_prep_backend.pipeline.presence.analyze import analyze_presence, expression_model
from interview_prep_backend.pipeline.presence.expression import LABELS, calibrate
from interview_prep_backend.pipeline.presence.frames import sample_frames
from interview_prep_backend.pipeline.presence.landmarks import tracker
from interview_prep_backend.pipeline.presence.observe import FrameObservation, observe
from interview_prep_backend.pipeline.presence.summary import summarise
from tests.conftest import FIXTURES, TESTDATA, need


def photo(path: Path) -> np.ndarray:
    image = cv2.imread(str(path))
    assert image is not None, f"unreadable image {path}"
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def astronaut() -> np.ndarray:
    from skimage import data

    return np.ascontiguousarray(data.astronaut())


def observe_stills(images: list[np.ndarray], repeat: int = 3) -> list[FrameObservation]:
    """Show each image as a few frames of a video, the way the stage sees frames."""
    obs = []
    with tracker() as faces:
        t = 0.0
        for img in images:
            for _ in range(repeat):
                obs.append(observe(t, img, faces.detect(img, t), expression_model()))
                t += 1 / 3
    return obs


def test_frames_are_sampled_at_the_set_rate() -> None:
    clip = need(TESTDATA / "video" / "talking_head_1.mp4")  # 8 s at 25 fps
    times = [f.time_s for f in sample_frames(clip, fps=3, max_seconds=600)]
    assert len(times) == 24
    assert all(0.3 <= b - a <= 0.37 for a, b in itertools.pairwise(times))


def test_astronaut_reads_as_smiling_and_happy() -> None:
    p = analyze_presence(FIXTURES / "astronaut.webm", duration_s=5.0)
    assert p.frames_analysed == 15 and p.face_visible_pct == 100.0
    assert p.smile_pct is not None and p.smile_pct >= 80
    assert p.dominant_expression == "HAPPY"
    assert p.eye_contact_pct is not None and p.eye_contact_pct >= 80
    assert p.warnings == []
    fa = facial_analysis(p).model_dump()
    assert fa is not None and max(fa["emotions"], key=fa["emotions"].get) == "happy"
    assert fa["positivity"] > 0.7


@pytest.mark.parametrize("name", ["talking_head_1.mp4", "talking_head_2.mp4"])
def test_talking_heads(name: str) -> None:
    p = analyze_presence(need(TESTDATA / "video" / name), duration_s=8.0)
    assert p.face_visible_pct >= 95 and p.several_faces_moments == []
    assert p.eye_contact_pct is not None and p.eye_contact_pct >= 60
    assert p.head_movement is not None and p.head_movement["yaw_spread_deg"] < 15
    assert p.expressions is not None and abs(sum(p.expressions.values()) - 100) < 1
    assert p.dominant_expression != "ANGRY"
    assert [row["t"] for row in p.timeline] == list(range(8))
    assert set(facial_analysis(p).model_dump()) >= {
        "engagement",
        "positivity",
        "anxiety_hint",
        "confidence",
        "emotions",
    }


def test_every_shared_photo_has_a_face() -> None:
    photos = sorted(need(TESTDATA / "faces").glob("*.jpg"))
    assert len(photos) == 10
    obs = observe_stills([photo(p) for p in photos], repeat=1)
    assert [o.faces >= 1 for o in obs] == [True] * 10


def test_faceless_video_reports_no_face_without_failing() -> None:
    p = analyze_presence(FIXTURES / "answer_speech.webm", duration_s=13.3)
    assert p.frames_analysed >= 39 and p.face_visible_pct == 0.0
    assert [w["code"] for w in p.warnings] == ["no_face"]
    assert p.no_face_moments and p.no_face_moments[0].start_time == 0.0
    fa = facial_analysis(p).model_dump()
    assert fa is not None and fa["engagement"] == 0.0 and fa["positivity"] == 0.0
    assert set(fa["emotions"].values()) == {0.0}
    assert p.warnings  # the presence block says why every figure is 0


def test_two_faces_are_noticed() -> None:
    face = astronaut()[0:300, 60:360]
    pair = np.ascontiguousarray(np.hstack([face, face]))
    p = summarise(observe_stills([pair], repeat=4), fps=3)
    assert p.several_faces_moments and "several_faces" in [w["code"] for w in p.warnings]


def test_small_dark_and_off_centre_faces_are_flagged() -> None:
    canvas = np.full((480, 640, 3), 90, dtype=np.uint8)
    canvas[230:470, 390:630] = cv2.resize(astronaut()[0:300, 60:360], (240, 240))
    dim = (astronaut().astype(np.float32) * 0.15).astype(np.uint8)
    small = summarise(observe_stills([canvas]), fps=3)
    dark = summarise(observe_stills([dim]), fps=3)
    assert small.face_visible_pct == 100.0
    assert {"face_too_small", "face_off_centre"} <= {w["code"] for w in small.warnings}
    assert dark.face_visible_pct == 100.0 and "too_dark" in [w["code"] for w in dark.warnings]


def test_calibration_moves_unsupported_anger_to_calm() -> None:
    raw = np.array([0.6, 0.0, 0.0, 0.0, 0.0, 0.0, 0.4])  # "angry" on a neutral face
    neutral_face = {"browDownLeft": 0.02, "browDownRight": 0.02}
    frowning = {"browDownLeft": 0.6, "browDownRight": 0.6}
    calm = calibrate(raw, neutral_face)
    angry = calibrate(raw, frowning)
    assert set(calm) == set(LABELS) and abs(sum(calm.values()) - 1) < 1e-9
    assert calm["CALM"] > calm["ANGRY"] and calm["ANGRY"] == pytest.approx(0.12)
    assert angry["ANGRY"] == pytest.approx(0.6)


def test_shares_are_graded_around_the_cut() -> None:
    """A smile blendshape of 0.49 or 0.51 is the same face: the share must not jump
    from 0 to 100 % between two encodings of it (issue 10)."""
    from interview_prep_backend.pipeline.presence.observe import membership

    def frames(smile: float) -> list[FrameObservation]:
        grade = membership(smile, 0.5, 0.1)
        return [
            FrameObservation(t / 3, 1, (0.3, 0.2, 0.7, 0.8), 0.0, 0.0, smile, smiling=grade)
            for t in range(6)
        ]

    below, above = summarise(frames(0.49), fps=3), summarise(frames(0.51), fps=3)
    assert below.smile_pct == 45.0 and above.smile_pct == 55.0
    assert summarise(frames(0.2), fps=3).smile_pct == 0.0
    assert summarise(frames(0.8), fps=3).smile_pct == 100.0
