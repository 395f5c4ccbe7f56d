"""Stable error codes shared by every layer.

An analysis that cannot go on raises `AnalysisError` with one of these codes; the API
turns it into a 4xx answer and the stored analysis keeps the same code, so clients can
branch on it without parsing messages.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    EMPTY_FILE = "empty_file"
    MEDIA_UNREADABLE = "media_unreadable"
    UNSUPPORTED_CODEC = "unsupported_codec"
    UNSUPPORTED_AUDIO = "unsupported_audio"
    FRAME_TOO_LARGE = "frame_too_large"
    FRAME_RATE_TOO_HIGH = "frame_rate_too_high"
    NO_AUDIO_TRACK = "no_audio_track"
    TOO_LONG = "too_long"
    NO_SPEECH = "no_speech"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    FILE_MISSING = "file_missing"
    FILE_TOO_LARGE = "file_too_large"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    INTERRUPTED = "interrupted"
    INTERNAL = "internal_error"
    # Transcripts of whole interviews (interviews/).
    EMPTY_TRANSCRIPT = "empty_transcript"
    TRANSCRIPT_TOO_LONG = "transcript_too_long"
    NO_SPEAKERS = "no_speakers"
    ONE_SPEAKER = "one_speaker"
    UNKNOWN_CANDIDATE = "unknown_candidate"
    NO_ANSWERS = "no_answers"
    TOO_MANY_ANSWERS = "too_many_answers"


class AnalysisError(Exception):
    """A failure whose cause lies in the input, not in the service."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ConfigurationError(RuntimeError):
    """Settings (or a database) that cannot work; start-up stops with this message."""
