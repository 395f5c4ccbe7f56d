"""Upload URLs and the signed PUT endpoint of the local store."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Query, Request

from interview_prep_backend.adapters.storage import keys
from interview_prep_backend.adapters.storage.base import AlreadyUploaded, UploadTooLarge
from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError
from interview_prep_backend.api.json_body import JsonBodyRoute
from interview_prep_backend.api.schemas import (
    UploadDone,
    UploadUrlRequest,
    UploadUrlResponse,
    errors,
)

router = APIRouter(prefix="/api/v1", tags=["uploads"], route_class=JsonBodyRoute)


@router.post("/upload-url", response_model=UploadUrlResponse, responses=errors(413, 422))
def create_upload_url(
    body: UploadUrlRequest, request: Request, svc: ServicesDep
) -> UploadUrlResponse:
    """Issue a key and a signed URL to PUT the recording to."""
    settings = svc.settings
    content_type = keys.base_type(body.content_type)
    extension = keys.extension_for(body.file_type, content_type)
    if extension is None:
        allowed = ", ".join(keys.CONTENT_TYPES[body.file_type])
        raise ApiError(
            422,
            "unsupported_content_type",
            f"{body.content_type!r} is not accepted for {body.file_type}; use one of {allowed}.",
        )
    cap = settings.upload_max_bytes
    if body.file_size is not None and body.file_size > cap:
        raise ApiError(413, "file_too_large", f"Uploads are limited to {cap} bytes.")
    # Without a stated size (the original clients never send one) the cap applies: the
    # local PUT counts bytes against it, an S3 PUT URL is signed for the type alone and
    # POST /analyze checks the stored size (HeadObject) before anything is downloaded.
    max_bytes = body.file_size if body.file_size is not None else cap
    key = keys.new_key(body.file_type, extension)
    base_url = settings.public_base_url or str(request.base_url)
    target = svc.storage.upload_target(
        key,
        content_type,
        max_bytes,
        settings.upload_url_expires_s,
        base_url,
        signed_size=body.file_size,
    )
    svc.repo.add_upload(
        key,
        body.file_type,
        content_type,
        max_bytes,
        datetime.now(UTC) + timedelta(seconds=settings.upload_url_expires_s),
    )
    return UploadUrlResponse(
        upload_url=target.url,
        file_key=key,
        expires_in=target.expires_in,
        method=target.method,
        headers=target.headers,
        fields=target.fields,
        max_bytes=max_bytes,
    )


@router.put(
    "/uploads/{file_key:path}",
    response_model=UploadDone,
    responses=errors(403, 404, 409, 413, 415, 422),
)
async def put_upload(
    file_key: str,
    request: Request,
    svc: ServicesDep,
    content_type: str = Query(...),
    max_bytes: int = Query(..., ge=0),
    expires: int = Query(...),
    signature: str = Query(..., max_length=128),
) -> UploadDone:
    """Receive the recording (a store that takes uploads through this server). Only
    URLs from `upload-url` are accepted."""
    storage = svc.storage
    if not storage.capabilities.serves_uploads:
        raise ApiError(404, "not_found", "Uploads go straight to object storage.")
    if not keys.is_valid_key(file_key) or not storage.verify(
        file_key, content_type, max_bytes, expires, signature
    ):
        raise ApiError(403, "invalid_signature", "The upload URL is not valid or was altered.")
    if expires < time.time():
        raise ApiError(403, "url_expired", "The upload URL has expired; ask for a new one.")
    sent_type = keys.base_type(request.headers.get("content-type", ""))
    if sent_type != content_type:
        raise ApiError(
            415,
            "content_type_mismatch",
            f"This URL accepts {content_type!r} only; the request sent {sent_type or 'none'!r}.",
        )
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise ApiError(413, "file_too_large", f"The upload exceeds {max_bytes} bytes.")
    if storage.exists(file_key):
        raise ApiError(409, "already_uploaded", "A file was already uploaded to this key.")
    try:
        size = await storage.receive(file_key, request.stream(), max_bytes)
    except UploadTooLarge as exc:
        raise ApiError(413, "file_too_large", f"The upload exceeds {max_bytes} bytes.") from exc
    except AlreadyUploaded as exc:
        raise ApiError(409, "already_uploaded", "A file was already uploaded to this key.") from exc
    svc.repo.mark_uploaded(file_key, size)
    return UploadDone(file_key=file_key, size_bytes=size)
