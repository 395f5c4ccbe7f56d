"""Transcribe and Rekognition adapters on responses of the documented shapes.

There is no AWS here: botocore's Stubber checks every request against the real API
definitions and answers with the documented response shapes, including throttling, a
failed job and a slow one.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import boto3
import numpy as np
import pytest
from botocore.response import StreamingBody
from botocore.stub import ANY, Stubber

from interview_prep_backend.adapters.aws.rekognition import RekognitionFaceObserver
from interview_prep_backend.adapters.aws.transcribe import AwsTranscriber, s3_location
from interview_prep_backend.bootstrap import ConfigurationError, build_aws_adapters, build_storage
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.language import ENGLISH
from interview_prep_backend.pipeline.ports import SpeechInput
from interview_prep_backend.pipeline.presence.analyze import analyze_presence
from interview_prep_backend.pipeline.speech.analyze import analyze_speech
from interview_prep_backend.settings import Settings
from tests.conftest import FIXTURES

BUCKET = "coach-media"
KEY = "uploads/video/00000000-0000-4000-8000-000000000009.webm"
CREDS = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "secret",
         "region_name": "us-east-1"}  # fmt: skip


def client(name: str):
    return boto3.client(name, **CREDS)


def item(content: str, start: float | None = None, end: float | None = None,
         conf: str = "0.98") -> dict:  # fmt: skip
    if start is None:
        return {"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": content}]}
    return {"type": "pronunciation", "start_time": f"{start:.2f}", "end_time": f"{end:.2f}",
            "alternatives": [{"confidence": conf, "content": content}]}  # fmt: skip


TRANSCRIPT_JSON = {
    "jobName": "x", "accountId": "123456789012", "status": "COMPLETED",
    "results": {
        "transcripts": [{"transcript": "So, um, I led the team. We cut costs by 40%."}],
        "items": [
            item("So", 0.5, 0.7), item(","), item("um", 1.0, 1.4), item(","),
            item("I", 2.6, 2.7), item("led", 2.7, 2.9), item("the", 2.9, 3.0),
            item("team", 3.0, 3.3), item("."), item("We", 3.6, 3.7), item("cut", 3.7, 3.9),
            item("costs", 3.9, 4.2), item("by", 4.2, 4.3), item("40%", 4.3, 4.9), item("."),
        ],
    },
}  # fmt: skip


def job(status: str, **extra: object) -> dict:
    info = {
        "TranscriptionJobName": "x", "TranscriptionJobStatus": status, "LanguageCode": "en-US",
        "MediaFormat": "webm", "Media": {"MediaFileUri": f"s3://{BUCKET}/{KEY}"}, **extra,
    }  # fmt: skip
    return {"TranscriptionJob": info}


def test_transcribe_job_polled_through_throttling_and_read_from_s3() -> None:
    transcribe, s3 = client("transcribe"), client("s3")
    naps: list[float] = []
    with Stubber(transcribe) as ts, Stubber(s3) as ss:
        ts.add_response("start_transcription_job", job("QUEUED"), {
            "TranscriptionJobName": ANY, "LanguageCode": "en-US", "MediaFormat": "webm",
            "Media": {"MediaFileUri": f"s3://{BUCKET}/{KEY}"}, "OutputBucketName": BUCKET,
            "OutputKey": ANY,
        })  # fmt: skip
        for _ in range(2):
            ts.add_response(
                "get_transcription_job", job("IN_PROGRESS"), {"TranscriptionJobName": ANY}
            )
        ts.add_client_error("get_transcription_job", "ThrottlingException", http_status_code=400)
        uri = f"https://s3.us-east-1.amazonaws.com/{BUCKET}/transcripts/x.json"
        ts.add_response("get_transcription_job",
                        job("COMPLETED", Transcript={"TranscriptFileUri": uri}),
                        {"TranscriptionJobName": ANY})  # fmt: skip
        body = json.dumps(TRANSCRIPT_JSON).encode()
        ss.add_response("get_object", {"Body": StreamingBody(io.BytesIO(body), len(body))},
                        {"Bucket": BUCKET, "Key": "transcripts/x.json"})  # fmt: skip
        ss.add_response("delete_object", {}, {"Bucket": BUCKET, "Key": "transcripts/x.json"})
        adapter = AwsTranscriber(transcribe, s3, BUCKET, sleep=naps.append)
        audio = decode_audio(FIXTURES / "answer_audio_only.webm", 600)
        speech = analyze_speech(SpeechInput(audio, audio.size / 16_000, KEY), adapter)
        ts.assert_no_pending_responses()
        ss.assert_no_pending_responses()
    words = speech.transcript.words
    assert [w.text for w in words][:4] == ["So,", "um,", "I", "led"]
    assert words[0].start == 0.5 and words[-1].text == "40%."
    assert [f.text for f in speech.fillers] == ["so", "um"]  # the same filler rules apply
    assert speech.delivery.pauses and speech.delivery.pauses[0].start == 1.4
    assert naps == [2.0, 3.2, 2.0]  # polls back off; the throttled call waits and retries


def test_failed_transcribe_job_is_a_media_error() -> None:
    transcribe, s3 = client("transcribe"), client("s3")
    with Stubber(transcribe) as ts:
        ts.add_response("start_transcription_job", job("QUEUED"))
        ts.add_response(
            "get_transcription_job",
            job("FAILED", FailureReason="The media format is not supported."),
        )
        with pytest.raises(AnalysisError) as info:
            adapter = AwsTranscriber(transcribe, s3, BUCKET, sleep=lambda s: None)
            adapter.transcribe(SpeechInput(np.zeros(16_000), 10.0, KEY), ENGLISH, lambda f: None)
    assert info.value.code == ErrorCode.MEDIA_UNREADABLE
    assert "not supported" in info.value.message


def test_transcript_uri_forms() -> None:
    assert s3_location("s3://b/k/x.json") == ("b", "k/x.json")
    assert s3_location("https://s3.eu-west-1.amazonaws.com/b/k/x.json") == ("b", "k/x.json")
    assert s3_location("https://b.s3.eu-west-1.amazonaws.com/k/x.json") == ("b", "k/x.json")


def face(emotion: str, smile: bool, yaw: float = 2.0, eyes_yaw: float = 1.0) -> dict:
    """A FaceDetail as DetectFaces documents it (Attributes ALL)."""
    return {
        "BoundingBox": {"Width": 0.4, "Height": 0.55, "Left": 0.3, "Top": 0.2},
        "AgeRange": {"Low": 30, "High": 40},
        "Smile": {"Value": smile, "Confidence": 97.0},
        "Eyeglasses": {"Value": False, "Confidence": 99.0},
        "EyesOpen": {"Value": True, "Confidence": 98.0},
        "MouthOpen": {"Value": False, "Confidence": 90.0},
        "Emotions": [{"Type": emotion, "Confidence": 90.0}, {"Type": "CALM", "Confidence": 6.0},
                     {"Type": "CONFUSED", "Confidence": 2.0}],
        "Pose": {"Roll": 1.0, "Yaw": yaw, "Pitch": -3.0},
        "Quality": {"Brightness": 70.0, "Sharpness": 80.0},
        "EyeDirection": {"Yaw": eyes_yaw, "Pitch": -2.0, "Confidence": 95.0},
        "Confidence": 99.9,
    }  # fmt: skip


def test_rekognition_frames_fill_the_same_presence_fields() -> None:
    rekognition = client("rekognition")
    naps: list[float] = []
    with Stubber(rekognition) as rs:
        rs.add_client_error("detect_faces", "ThrottlingException", http_status_code=400)
        for i in range(5):  # astronaut.webm: 5 s at 1 frame per second
            details = (
                [face("HAPPY", True)] if i != 2 else [face("HAPPY", True), face("CALM", False)]
            )
            if i == 4:
                details = [face("CONFUSED", False, yaw=35.0, eyes_yaw=30.0)]
            rs.add_response("detect_faces", {"FaceDetails": details},
                            {"Image": {"Bytes": ANY}, "Attributes": ["ALL"]})  # fmt: skip
        observer = RekognitionFaceObserver(rekognition, fps=1.0, sleep=naps.append)
        # The pipeline's own presence stage, with the Rekognition observer.
        presence = analyze_presence(FIXTURES / "astronaut.webm", duration_s=5.0, observer=observer)
        rs.assert_no_pending_responses()
    assert naps == [1.0]
    assert presence.frames_analysed == 5 and presence.face_visible_pct == 100.0
    assert presence.dominant_expression == "HAPPY" and presence.expressions is not None
    assert presence.expressions["CONFUSED"] > 0
    assert presence.smile_pct == 80.0 and presence.eye_contact_pct == 80.0
    # At 1 frame per second one frame stands for a whole second.
    assert [(m.start_time, m.end_time) for m in presence.several_faces_moments] == [(2.0, 3.0)]


def test_aws_adapters_need_the_switch_credentials_and_s3(tmp_path: Path, monkeypatch) -> None:
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    base = {"_env_file": None, "data_dir": tmp_path}

    def build(**kw: object):
        s = Settings(**base, **kw)  # type: ignore[arg-type]
        return build_aws_adapters(s, build_storage(s))

    assert build() == (None, None)
    with pytest.raises(ConfigurationError, match="ENABLE_EXTERNAL_APIS"):
        build(face_analyzer="rekognition")
    with pytest.raises(ConfigurationError, match="credentials"):
        build(face_analyzer="rekognition", enable_external_apis=True)
    keys = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "secret"}
    with pytest.raises(ConfigurationError, match="STORAGE_BACKEND=s3"):
        build(transcriber="transcribe", enable_external_apis=True, **keys)
    _, faces = build(face_analyzer="rekognition", enable_external_apis=True, **keys)
    assert isinstance(faces, RekognitionFaceObserver)
    transcriber, _ = build(transcriber="transcribe", enable_external_apis=True,
                           storage_backend="s3", aws_s3_bucket=BUCKET, **keys)  # fmt: skip
    assert isinstance(transcriber, AwsTranscriber)
