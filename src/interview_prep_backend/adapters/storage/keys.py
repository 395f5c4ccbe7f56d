"""Object keys are made by the server, never taken from the client."""

from __future__ import annotations

import re
import uuid

# Base content type → file extension, per file type.
CONTENT_TYPES: dict[str, dict[str, str]] = {
    "video": {
        "video/webm": "webm",
        "video/mp4": "mp4",
        "video/quicktime": "mov",
        "video/x-matroska": "mkv",
        "video/ogg": "ogv",
    },
    "audio": {
        "audio/webm": "webm",
        "audio/ogg": "ogg",
        "audio/wav": "wav",
        "audio/x-wav": "wav",
        "audio/wave": "wav",
        "audio/mpeg": "mp3",
        "audio/mp4": "m4a",
        "audio/x-m4a": "m4a",
        "audio/aac": "aac",
        "audio/flac": "flac",
    },
}

KEY_PATTERN = re.compile(
    r"^uploads/(video|audio)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z0-9]{2,4}$"
)


def base_type(content_type: str) -> str:
    """'video/webm;codecs=vp8,opus' → 'video/webm'."""
    return content_type.split(";", 1)[0].strip().lower()


def extension_for(file_type: str, content_type: str) -> str | None:
    return CONTENT_TYPES.get(file_type, {}).get(base_type(content_type))


def new_key(file_type: str, extension: str) -> str:
    return f"uploads/{file_type}/{uuid.uuid4()}.{extension}"


def is_valid_key(key: str) -> bool:
    return bool(KEY_PATTERN.match(key))


def file_type_of(key: str) -> str:
    return key.split("/", 2)[1]
