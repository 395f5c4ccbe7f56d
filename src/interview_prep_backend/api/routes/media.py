"""Play back an uploaded recording (with HTTP range requests, so the video can seek)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse, Response

from interview_prep_backend.adapters.storage import keys
from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError

router = APIRouter(prefix="/api/v1", tags=["media"])


@router.get("/media/{file_key:path}")
def get_media(file_key: str, svc: ServicesDep) -> Response:
    upload = svc.repo.get_upload(file_key) if keys.is_valid_key(file_key) else None
    if upload is None or not svc.storage.exists(file_key):
        raise ApiError(404, "media_not_found", "No recording is stored under this key.")
    url = svc.storage.playback_url(file_key)
    if url is not None:  # object storage: the browser fetches it from there directly
        return RedirectResponse(url, status_code=307)
    with svc.storage.local_copy(file_key) as path:
        return FileResponse(path, media_type=upload.content_type)
