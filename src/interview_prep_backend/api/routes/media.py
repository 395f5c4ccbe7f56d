"""Play back an uploaded recording (with HTTP range requests, so the video can seek)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.responses import MalformedRangeHeader, RangeNotSatisfiable

from interview_prep_backend.adapters.storage import keys
from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError
from interview_prep_backend.api.schemas import errors

router = APIRouter(prefix="/api/v1", tags=["media"])


@router.get(
    "/media/{file_key:path}",
    response_class=FileResponse,
    responses={
        200: {"content": {"video/*": {}, "audio/*": {}}, "description": "The recording."},
        206: {"content": {"video/*": {}, "audio/*": {}}, "description": "A byte range of it."},
        307: {"description": "Object storage: fetch it from the `Location` URL."},
        **errors(400, 404, 416, 422),
    },
)
def get_media(file_key: str, request: Request, svc: ServicesDep) -> Response:
    upload = svc.repo.get_upload(file_key) if keys.is_valid_key(file_key) else None
    if upload is None or not svc.storage.exists(file_key):
        raise ApiError(404, "media_not_found", "No recording is stored under this key.")
    url = svc.storage.playback_url(file_key)
    if url is not None:  # object storage: the browser fetches it from there directly
        return RedirectResponse(url, status_code=307)
    with svc.storage.local_copy(file_key) as path:
        _check_range(request.headers.get("range"), path.stat().st_size)
        return FileResponse(path, media_type=upload.content_type)


def _check_range(http_range: str | None, size: int) -> None:
    """Refuse a bad Range in the one error shape; Starlette would answer in plain text.

    The same parser FileResponse then uses, so the two cannot disagree."""
    if http_range is None:
        return
    try:
        FileResponse._parse_range_header(http_range, size)
    except MalformedRangeHeader as exc:
        raise ApiError(400, "invalid_range", f"Bad Range header: {exc.content}") from exc
    except RangeNotSatisfiable as exc:
        raise ApiError(
            416,
            "range_not_satisfiable",
            f"The recording has {size} bytes; the range asked for lies outside them.",
            headers={"Content-Range": f"bytes */{exc.max_size}"},
        ) from exc
