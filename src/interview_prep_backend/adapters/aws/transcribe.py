"""Amazon Transcribe as the transcriber (`TRANSCRIBER=transcribe`).

StartTranscriptionJob on the S3 object (webm is accepted), GetTranscriptionJob polled
with exponential backoff (throttling is retried like any other wait), the output JSON
read from the bucket with boto3 (bucket and key taken from the URI; never fetched over
plain HTTP), and its items turned into the same `Transcript` the local model gives, so
every speech metric works unchanged. Times arrive as strings; punctuation items carry
no time and attach to the word before them. The job's LanguageCode and the transcript's
language are the language pack's (English by default, or the one passed per call).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlparse

from botocore.exceptions import ClientError

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.ports import Fraction, SpeechInput
from interview_prep_backend.pipeline.speech.transcribe import (
    Segment,
    Transcript,
    Word,
    sentence_groups,
)

MEDIA_FORMATS = {"webm": "webm", "mp4": "mp4", "m4a": "m4a", "wav": "wav", "mp3": "mp3",
                 "ogg": "ogg", "flac": "flac", "mov": "mp4"}  # fmt: skip
_RETRYABLE = {"ThrottlingException", "LimitExceededException", "TooManyRequestsException"}


def s3_location(uri: str) -> tuple[str, str]:
    """Bucket and key from s3://b/k, https://s3.region.amazonaws.com/b/k or
    https://b.s3.region.amazonaws.com/k."""
    parsed = urlparse(uri)
    path = unquote(parsed.path.lstrip("/"))
    if parsed.scheme == "s3":
        return parsed.netloc, path
    host = parsed.netloc
    if host.startswith("s3.") or host.startswith("s3-"):
        bucket, _, key = path.partition("/")
        return bucket, key
    return host.split(".s3", 1)[0], path


def transcript_from_json(
    data: dict[str, Any], duration_s: float, pack: LanguagePack = ENGLISH
) -> Transcript:
    words: list[Word] = []
    for item in data["results"]["items"]:
        alt = item["alternatives"][0]
        if item["type"] == "punctuation":
            if words:
                last = words[-1]
                words[-1] = Word(last.text + alt["content"], last.start, last.end, last.probability)
            continue
        words.append(
            Word(
                alt["content"],
                round(float(item["start_time"]), 3),
                round(float(item["end_time"]), 3),
                round(float(alt.get("confidence", 0.0)), 4),
            )
        )
    segments = tuple(_segment(group) for group in sentence_groups(words))
    return Transcript(language=pack.whisper_language, duration_s=duration_s, segments=segments)


def _segment(words: list[Word]) -> Segment:
    confidence = sum(w.probability for w in words) / len(words)
    return Segment(" ".join(w.text for w in words), words[0].start, words[-1].end,
                   round(confidence, 4), tuple(words))  # fmt: skip


class AwsTranscriber:
    def __init__(
        self,
        transcribe: Any,
        s3: Any,
        bucket: str,
        *,
        pack: LanguagePack = ENGLISH,
        first_wait_s: float = 2.0,
        max_wait_s: float = 20.0,
        timeout_s: float = 900.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.transcribe_client, self.s3, self.bucket = transcribe, s3, bucket
        self.pack = pack
        self.first_wait_s, self.max_wait_s, self.timeout_s = first_wait_s, max_wait_s, timeout_s
        self.sleep = sleep

    def _call(self, fn: Callable[..., Any], **kwargs: Any) -> Any:
        wait = self.first_wait_s
        for _ in range(6):
            try:
                return fn(**kwargs)
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") not in _RETRYABLE:
                    raise
                self.sleep(wait)
                wait = min(self.max_wait_s, wait * 2)
        return fn(**kwargs)

    def warm_up(self) -> None:
        """Nothing to load: the model runs at AWS."""

    def transcribe(self, audio: SpeechInput, pack: LanguagePack, progress: Fraction) -> Transcript:
        """Transcribe reads the stored recording from S3, not the decoded samples."""
        if audio.file_key is None:
            raise ValueError("Amazon Transcribe needs the recording in S3")
        return self(audio.file_key, audio.duration_s, progress, pack)

    def __call__(
        self,
        file_key: str,
        duration_s: float,
        progress: Callable[[float], None] | None = None,
        pack: LanguagePack | None = None,
    ) -> Transcript:
        pack = pack or self.pack
        extension = file_key.rsplit(".", 1)[-1]
        job = f"interview-coach-{uuid.uuid4()}"
        self._call(
            self.transcribe_client.start_transcription_job,
            TranscriptionJobName=job,
            LanguageCode=pack.aws_transcribe_language,
            MediaFormat=MEDIA_FORMATS.get(extension, extension),
            Media={"MediaFileUri": f"s3://{self.bucket}/{file_key}"},
            OutputBucketName=self.bucket,
            OutputKey=f"transcripts/{job}.json",
        )
        wait, waited = self.first_wait_s, 0.0
        while True:
            state = self._call(
                self.transcribe_client.get_transcription_job, TranscriptionJobName=job
            )
            info = state["TranscriptionJob"]
            status = info["TranscriptionJobStatus"]
            if status == "COMPLETED":
                break
            if status == "FAILED":
                reason = info.get("FailureReason", "unknown")
                raise AnalysisError(
                    ErrorCode.MEDIA_UNREADABLE, pack.errors.transcribe_failed.format(reason=reason)
                )
            if waited >= self.timeout_s:
                raise RuntimeError(f"Transcribe job {job} still {status} after {waited:.0f} s")
            if progress and duration_s:
                progress(min(0.9, waited / (duration_s + 30)))
            self.sleep(wait)
            waited += wait
            wait = min(self.max_wait_s, wait * 1.6)
        bucket, key = s3_location(info["Transcript"]["TranscriptFileUri"])
        body = self.s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        # The transcript is the candidate's words: keep it only in the analysis, which
        # DELETE removes, not in a stray object in the bucket.
        self.s3.delete_object(Bucket=bucket, Key=key)
        return transcript_from_json(json.loads(body), duration_s, pack)
