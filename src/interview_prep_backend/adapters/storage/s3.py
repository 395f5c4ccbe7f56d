"""S3 storage (AWS or any S3-compatible server) through boto3.

Upload URLs are presigned PUTs. When the client states `file_size` the URL is signed for
Content-Type and Content-Length, and S3 refuses any other type, size, key, an altered
signature or an expired URL. The original service's clients never state a size: their
URL is signed for the Content-Type alone (S3 still refuses any other type, key, altered
signature or expired URL), and the cap is enforced after the upload, by `size()`
(HeadObject) before the object is ever downloaded (see `storage.cap`). A presigned POST
with `content-length-range` and Content-Type conditions (`S3_UPLOAD_METHOD=post`) caps
the size at upload time without the client stating it. Analysis streams the object to a
temporary file (never into memory) and deletes it afterwards.

Every boto3 failure other than "no such key" becomes `StorageError` (a 503 at the API):
an unreachable endpoint raises BotoCoreError, not ClientError, and was a 500 before.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from interview_prep_backend.adapters.storage.base import Capabilities, StorageError, UploadTarget
from interview_prep_backend.adapters.storage.keys import is_valid_key


def _missing(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}


class S3Storage:
    def __init__(
        self,
        bucket: str,
        *,
        region: str,
        endpoint_url: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        upload_method: str = "put",
        client: Any = None,
    ) -> None:
        self.bucket = bucket
        self.upload_method = upload_method
        self.capabilities = Capabilities(
            serves_uploads=False,
            sweeps_partials=False,  # S3 keeps no partial object of a cut-off PUT
            # A presigned POST's content-length-range caps any upload; a PUT only a sized one.
            needs_declared_size=upload_method == "put",
            aws_objects=True,
            cross_origin=True,
        )
        self.client = client or boto3.client(
            "s3",
            region_name=region,
            endpoint_url=endpoint_url,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            # Path-style works with every S3-compatible server; AWS accepts it too.
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path" if endpoint_url else "auto"},
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        )

    def store(self, key: str, source: Path, content_type: str) -> None:
        try:
            self.client.upload_file(
                str(source), self.bucket, key, ExtraArgs={"ContentType": content_type}
            )
        except (BotoCoreError, ClientError) as exc:
            raise StorageError(f"could not store {key}: {exc}") from exc

    def upload_target(
        self,
        key: str,
        content_type: str,
        max_bytes: int,
        expires_in: int,
        base_url: str,
        signed_size: int | None = None,
    ) -> UploadTarget:
        if self.upload_method == "post":
            post = self.client.generate_presigned_post(
                Bucket=self.bucket,
                Key=key,
                Fields={"Content-Type": content_type},
                Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
                ExpiresIn=expires_in,
            )
            return UploadTarget(post["url"], "POST", expires_in, headers={}, fields=post["fields"])
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key, "ContentType": content_type}
        if signed_size is not None:
            params["ContentLength"] = signed_size
        url = self.client.generate_presigned_url("put_object", Params=params, ExpiresIn=expires_in)
        return UploadTarget(url, "PUT", expires_in, headers={"Content-Type": content_type})

    def exists(self, key: str) -> bool:
        return self.size(key) is not None

    def size(self, key: str) -> int | None:
        if not is_valid_key(key):
            return None
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _missing(exc):
                return None
            raise StorageError(f"S3 head_object failed: {exc}") from exc
        except BotoCoreError as exc:
            raise StorageError(f"S3 is not reachable: {exc}") from exc
        return int(head["ContentLength"])

    @contextlib.contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        suffix = Path(key).suffix
        fd, name = tempfile.mkstemp(prefix="interview-", suffix=suffix)
        os.close(fd)
        path = Path(name)
        try:
            try:
                self.client.download_file(self.bucket, key, str(path))  # streamed in parts
            except ClientError as exc:
                if _missing(exc):
                    raise FileNotFoundError(key) from exc
                raise StorageError(f"S3 download failed: {exc}") from exc
            except BotoCoreError as exc:
                raise StorageError(f"S3 is not reachable: {exc}") from exc
            yield path
        finally:
            path.unlink(missing_ok=True)

    def playback_url(self, key: str, expires_in: int = 3600) -> str:
        return self.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=expires_in
        )

    def delete(self, key: str) -> None:
        try:
            self.client.delete_object(Bucket=self.bucket, Key=key)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(f"S3 delete_object failed: {exc}") from exc

    def check(self) -> None:
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (ClientError, BotoCoreError) as exc:
            raise StorageError(f"bucket {self.bucket!r} is not reachable: {exc}") from exc

    def aws_object_store(self) -> tuple[Any, str]:
        return self.client, self.bucket

    def verify(self, key: str, content_type: str, max_bytes: int, expires: int, sig: str) -> bool:
        raise NotImplementedError("uploads go straight to S3")

    async def receive(self, key: str, body: AsyncIterator[bytes], max_bytes: int) -> int:
        raise NotImplementedError("uploads go straight to S3")

    def sweep_partials(self, idle_s: float = 120.0) -> int:
        raise NotImplementedError("S3 keeps no partial uploads")

    def apply_cors(self, origins: list[str], max_age_s: int = 3600) -> None:
        """Let the web page's origin PUT/POST uploads and GET recordings directly."""
        self.client.put_bucket_cors(
            Bucket=self.bucket,
            CORSConfiguration={
                "CORSRules": [
                    {
                        "AllowedOrigins": origins,
                        "AllowedMethods": ["PUT", "POST", "GET", "HEAD"],
                        "AllowedHeaders": ["Content-Type", "Content-Length"],
                        "ExposeHeaders": ["ETag"],
                        "MaxAgeSeconds": max_age_s,
                    }
                ]
            },
        )
