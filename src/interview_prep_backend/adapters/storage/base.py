"""The storage interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class UploadTarget:
    url: str
    method: str
    expires_in: int
    headers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # form fields of a presigned POST


class StorageError(Exception):
    """A storage failure that is not the client's fault."""


class Storage(Protocol):
    def upload_target(
        self,
        key: str,
        content_type: str,
        max_bytes: int,
        expires_in: int,
        base_url: str,
        signed_size: int | None = None,
    ) -> UploadTarget:
        """A URL for one upload of at most `max_bytes`; `signed_size` when the client
        stated it (an S3 PUT is then signed for exactly that length)."""
        ...

    def exists(self, key: str) -> bool: ...

    def size(self, key: str) -> int | None:
        """The stored object's size in bytes, None when nothing is stored under `key`.

        Raises StorageError when the store cannot answer."""
        ...

    def local_copy(self, key: str) -> AbstractContextManager[Path]:
        """A readable local path for the object, valid inside the `with` block."""
        ...

    def delete(self, key: str) -> None: ...

    def store(self, key: str, source: Path, content_type: str) -> None:
        """Put a file the server itself received (the one-call endpoint) at `key`."""
        ...

    def playback_url(self, key: str, expires_in: int = 3600) -> str | None:
        """A URL the browser can play the recording from, or None to serve it here."""
        ...

    def check(self) -> None:
        """Raise StorageError when the store cannot be used."""
        ...


def iter_file(path: Path, chunk: int = 1 << 20) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while data := handle.read(chunk):
            yield data
