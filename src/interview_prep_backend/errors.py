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
    FILE_MISSING = "file_missing"
    FILE_TOO_LARGE = "file_too_large"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    INTERRUPTED = "interrupted"
    INTERNAL = "internal_error"


class AnalysisError(Exception):
    """A failure whose cause lies in the input, not in the service."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ConfigurationError(RuntimeError):
    """Settings (or a database) that cannot work; start-up stops with this message."""
