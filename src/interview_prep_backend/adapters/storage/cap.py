"""The upload cap, enforced on what is stored rather than on what the client said.

An S3 PUT URL issued without a stated size is signed for the Content-Type alone, so S3
accepts any length up to its own 5 GB limit. Before an object is downloaded, its size is
read (HeadObject on S3, stat locally) and checked against the upload's cap; an oversize
object is deleted, so nothing the cap refused stays in the bucket. The local store
already counts bytes during the PUT, so there the check never fires, but it runs the
same way on both backends.

Rejected: checking the size inside the download (a ranged GET capped at the limit) would
have bounded even a racing overwrite, but replaces boto3's parallel `download_file`,
which the S3 benchmark measured; the job checks again before downloading instead.
"""

from __future__ import annotations

import logging

from interview_prep_backend.adapters.storage.base import Storage, StorageError
from interview_prep_backend.errors import AnalysisError, ErrorCode

log = logging.getLogger(__name__)


def check_stored_size(storage: Storage, key: str, limit: int | None) -> int:
    """Return the stored size of `key`, or refuse it.

    Raises AnalysisError FILE_MISSING when nothing is stored, FILE_TOO_LARGE (after
    deleting the object) when it exceeds `limit` (None: no upload record, no cap known),
    and lets StorageError through when the store cannot answer: nothing is deleted unless
    the store reported an oversize object.
    """
    size = storage.size(key)
    if size is None:
        raise AnalysisError(ErrorCode.FILE_MISSING, "Nothing has been uploaded to this key yet.")
    if limit is not None and size > limit:
        log.info("deleting %s: %d bytes stored, the cap is %d", key, size, limit)
        try:
            storage.delete(key)
        except StorageError:
            # The refusal is still the client's 413; the next check retries the delete.
            log.warning("could not delete oversize %s", key, exc_info=True)
        raise AnalysisError(
            ErrorCode.FILE_TOO_LARGE,
            f"The upload is {size} bytes; uploads are limited to {limit} bytes. "
            "It was deleted: ask for a new upload URL.",
        )
    return size
