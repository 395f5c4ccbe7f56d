"""Local-disk storage, the embedded default.

Files live under `DATA_DIR/media/<key>`. An upload streams into a temporary file beside
its target and is hard-linked into place only when complete: a link fails if the target
exists, which makes "second PUT to the same key" a race-free 409, and a crash mid-upload
leaves only a `.part` file, never a truncated recording under the real key.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from interview_prep_backend.adapters.storage import signing
from interview_prep_backend.adapters.storage.base import (
    AlreadyUploaded,
    Capabilities,
    StorageError,
    UploadTarget,
    UploadTooLarge,
)
from interview_prep_backend.adapters.storage.keys import is_valid_key

__all__ = ["AlreadyUploaded", "LocalStorage", "UploadTooLarge"]


class LocalStorage:
    capabilities = Capabilities(
        serves_uploads=True,
        sweeps_partials=True,
        needs_declared_size=False,  # the PUT route counts bytes against the signed cap
        aws_objects=False,
        cross_origin=False,
    )

    def __init__(self, root: Path, secret: bytes) -> None:
        self.root = root
        self._secret = secret

    def path_for(self, key: str) -> Path:
        if not is_valid_key(key):
            raise ValueError(f"not a server-made key: {key!r}")
        return self.root / key

    def upload_target(
        self,
        key: str,
        content_type: str,
        max_bytes: int,
        expires_in: int,
        base_url: str,
        signed_size: int | None = None,
    ) -> UploadTarget:
        # The PUT endpoint counts the bytes as they arrive, so `max_bytes` (the stated size
        # or, without one, the cap) is enforced during the upload in both cases.
        expires = int(time.time()) + expires_in
        query = urlencode(
            {
                "content_type": content_type,
                "max_bytes": max_bytes,
                "expires": expires,
                "signature": signing.sign(self._secret, key, content_type, max_bytes, expires),
            }
        )
        return UploadTarget(
            url=f"{base_url.rstrip('/')}/api/v1/uploads/{key}?{query}",
            method="PUT",
            expires_in=expires_in,
            headers={"Content-Type": content_type},
        )

    def verify(self, key: str, content_type: str, max_bytes: int, expires: int, sig: str) -> bool:
        return signing.verify(self._secret, key, content_type, max_bytes, expires, sig)

    async def receive(self, key: str, body: AsyncIterator[bytes], max_bytes: int) -> int:
        """Stream a request body into place; returns its size."""
        target = self.path_for(key)
        if target.exists():
            raise AlreadyUploaded(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        size = 0
        try:
            with partial.open("wb") as out:
                async for chunk in body:
                    size += len(chunk)
                    if size > max_bytes:
                        raise UploadTooLarge(key)
                    out.write(chunk)
            try:
                os.link(partial, target)
            except FileExistsError as exc:
                raise AlreadyUploaded(key) from exc
        finally:
            partial.unlink(missing_ok=True)
        return size

    def sweep_partials(self, idle_s: float = 120.0) -> int:
        """Remove the `.part` files a killed upload left; returns how many.

        Called at start-up. Only files untouched for `idle_s` go: an upload in progress
        writes continuously, so a second server process sharing the folder (or one
        started while another still receives) never loses a live upload.
        """
        removed = 0
        if not self.root.is_dir():
            return 0
        cutoff = time.time() - idle_s
        for part in self.root.glob("uploads/*/.*.part"):
            try:
                if part.stat().st_mtime > cutoff:
                    continue
                part.unlink()
            except FileNotFoundError:
                continue
            removed += 1
        return removed

    def exists(self, key: str) -> bool:
        return is_valid_key(key) and self.path_for(key).is_file()

    def size(self, key: str) -> int | None:
        if not is_valid_key(key):
            return None
        try:
            info = self.path_for(key).stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"cannot read {key}: {exc}") from exc
        return info.st_size if stat.S_ISREG(info.st_mode) else None

    @contextlib.contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        yield self.path_for(key)

    def store(self, key: str, source: Path, content_type: str) -> None:
        target = self.path_for(key)
        if target.exists():
            raise AlreadyUploaded(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        try:
            shutil.copyfile(source, partial)
            os.link(partial, target)
        finally:
            partial.unlink(missing_ok=True)

    def delete(self, key: str) -> None:
        self.path_for(key).unlink(missing_ok=True)

    def playback_url(self, key: str, expires_in: int = 3600) -> str | None:
        return None  # served by GET /api/v1/media/{key}

    def check(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".ready-{uuid.uuid4().hex}"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            raise StorageError(f"media folder {self.root} is not writable: {exc}") from exc

    def aws_object_store(self) -> tuple[Any, str]:
        raise NotImplementedError("local storage holds no S3 objects")

    def apply_cors(self, origins: list[str], max_age_s: int = 3600) -> None:
        raise NotImplementedError("local storage is served from the page's own origin")
