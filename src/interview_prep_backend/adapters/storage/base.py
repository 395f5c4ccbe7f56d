"""The storage interface every backend implements, and what each backend can do.

Callers ask `storage.capabilities` instead of testing the class: the upload route, the
start-up sweep, the AWS adapters and the CLI work with any backend that states the
capability, and a backend without it raises `NotImplementedError` if called anyway.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


@dataclass(frozen=True)
class UploadTarget:
    url: str
    method: str
    expires_in: int
    headers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # form fields of a presigned POST


class StorageError(Exception):
    """A storage failure that is not the client's fault."""


class UploadTooLarge(Exception):
    pass


class AlreadyUploaded(Exception):
    pass


@dataclass(frozen=True)
class Capabilities:
    # Receives the upload itself (`verify` + `receive`: the signed PUT route is live);
    # otherwise the client uploads straight to the store.
    serves_uploads: bool
    # Leaves `.part` files of cut-off uploads that `sweep_partials` removes at start-up.
    sweeps_partials: bool
    # Can only cap an upload's size while it arrives when the client declared it (an S3
    # PUT URL is signed for a length); without one the size is checked after (HeadObject).
    needs_declared_size: bool
    # Holds objects AWS services can read by bucket and key (`aws_object_store`), as
    # Amazon Transcribe needs.
    aws_objects: bool
    # The browser uploads to and plays from another origin whose CORS rules
    # `apply_cors` sets.
    cross_origin: bool


class Storage(Protocol):
    capabilities: Capabilities

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

    # Only with capabilities.serves_uploads.
    def verify(
        self, key: str, content_type: str, max_bytes: int, expires: int, sig: str
    ) -> bool: ...

    async def receive(self, key: str, body: AsyncIterator[bytes], max_bytes: int) -> int:
        """Stream a request body into place; returns its size."""
        ...

    # Only with capabilities.sweeps_partials.
    def sweep_partials(self, idle_s: float = 120.0) -> int: ...

    # Only with capabilities.aws_objects: (boto3 S3 client, bucket).
    def aws_object_store(self) -> tuple[Any, str]: ...

    # Only with capabilities.cross_origin.
    def apply_cors(self, origins: list[str], max_age_s: int = 3600) -> None: ...


def iter_file(path: Path, chunk: int = 1 << 20) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while data := handle.read(chunk):
            yield data
