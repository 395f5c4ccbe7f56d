"""Play back an uploaded recording (with HTTP range requests, so the video can seek)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from interview_prep_backend.adapters.storage import keys
from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError

router = APIRouter(prefix="/api/v1", tags=["media"])


@router.get("/media/{file_key:path}")
def get_media(file_key: str, svc: ServicesDep) -> FileResponse:
    upload = svc.repo.get_upload(file_key) if keys.is_valid_key(file_key) else None
    if upload is None or not svc.storage.exists(file_key):
        raise ApiError(404, "media_not_found", "No recording is stored under this key.")
    return FileResponse(svc.storage.path_for(file_key), media_type=upload.content_type)
