"""The original service's one-call endpoint: send the file, get the analysis.

`POST /api/v1/analyze-interview` takes a multipart `file` (video/* or audio/*; any
other type is 400, as the original answered), stores it like an upload, and answers
exactly as `POST /api/v1/analyze` does. The browser page uses the presigned-upload
flow instead, which never routes the recording through this server's memory; this
endpoint spools the file to a temporary file (Starlette's multipart parser) and caps
its size before and while reading.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from interview_prep_backend.adapters.storage import keys
from interview_prep_backend.adapters.storage.base import StorageError
from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError, error_body
from interview_prep_backend.api.routes.analyses import run_and_answer
from interview_prep_backend.api.schemas import AnalysisAccepted, errors
from interview_prep_backend.pipeline.content.bank import BY_ID
from interview_prep_backend.pipeline.schema import AnalysisResult

CHUNK = 1 << 20
# Multipart framing around the file: boundaries and part headers, well under this.
FORM_OVERHEAD = 64 * 1024


class CappedBodyRoute(APIRoute):
    """Refuse a body whose declared length is over the upload cap before parsing it."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def capped(request: Request) -> Response:
            cap = request.app.state.services.settings.upload_max_bytes
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap + FORM_OVERHEAD:
                body = error_body("file_too_large", f"Uploads are limited to {cap} bytes.")
                return JSONResponse(body, status_code=413)
            return await handler(request)

        return capped


router = APIRouter(prefix="/api/v1", tags=["analyses"], route_class=CappedBodyRoute)


def _file_type(content_type: str) -> str:
    main = keys.base_type(content_type)
    if main.startswith("video/"):
        return "video"
    if main.startswith("audio/"):
        return "audio"
    raise ApiError(
        400,
        "unsupported_file_type",
        f"Send a video or audio file; {content_type or 'no type'!r} is neither.",
    )


async def _spool(file: UploadFile, cap: int) -> tuple[Path, int]:
    """Copy the upload to a file of ours, counting: chunked bodies have no length."""
    handle = tempfile.NamedTemporaryFile(prefix="interview-", delete=False)  # noqa: SIM115
    size = 0
    try:
        with handle:
            while chunk := await file.read(CHUNK):
                size += len(chunk)
                if size > cap:
                    raise ApiError(413, "file_too_large", f"Uploads are limited to {cap} bytes.")
                handle.write(chunk)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return Path(handle.name), size


@router.post(
    "/analyze-interview",
    response_model=AnalysisResult,
    responses={202: {"model": AnalysisAccepted}, **errors(400, 404, 413, 422, 500, 503)},
)
async def analyze_interview(
    request: Request,
    svc: ServicesDep,
    file: Annotated[UploadFile, File(description="The recording: video/* or audio/*.")],
    question: Annotated[str | None, Form(max_length=2000)] = None,
    question_id: Annotated[str | None, Form(max_length=64)] = None,
    wait: Annotated[bool, Form()] = True,
) -> Any:
    """Store the file and analyze it in one call (the original service's endpoint)."""
    content_type = keys.base_type(file.content_type or "")
    file_type = _file_type(content_type)
    bank_question = None
    if question_id is not None:
        bank_question = BY_ID.get(question_id)
        if bank_question is None:
            raise ApiError(404, "unknown_question", "No question in the bank has this id.")
    asked = bank_question.text if bank_question else ((question or "").strip() or None)
    cap = svc.settings.upload_max_bytes
    spooled, size = await _spool(file, cap)
    # Types outside our list still go in, under a neutral extension: the decoder, not
    # the name, decides what the file is (and refuses what it cannot read, with a code).
    extension = keys.extension_for(file_type, content_type) or "bin"
    key = keys.new_key(file_type, extension)
    try:
        await asyncio.to_thread(svc.storage.store, key, spooled, content_type)
    except StorageError as exc:
        raise ApiError(503, "storage_unavailable", "The recording could not be stored.") from exc
    finally:
        spooled.unlink(missing_ok=True)
    await asyncio.to_thread(
        svc.repo.add_upload, key, file_type, content_type, cap, datetime.now(UTC)
    )
    await asyncio.to_thread(svc.repo.mark_uploaded, key, size)
    row = await asyncio.to_thread(svc.repo.create_analysis, key, asked, question_id)
    return await run_and_answer(row, request, svc, wait=wait)
