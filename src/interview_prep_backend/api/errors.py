"""One error shape for every refusal: `{"error": {"code": ..., "message": ...}}`.

Codes are stable; messages are for people. `detail` repeats the message for clients of
the original service, which read FastAPI's default `detail`.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from interview_prep_backend.adapters.storage.base import StorageError

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}, "detail": message, **extra}


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, **exc.extra), status_code=exc.status)

    @app.exception_handler(StorageError)
    async def _storage(_: Request, exc: StorageError) -> JSONResponse:
        # The store is down or refuses us: our fault and temporary, never the client's.
        log.warning("storage failure: %s", exc)
        return JSONResponse(
            error_body(
                "storage_unavailable", "The recording store could not be reached; try again."
            ),
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [
            {"field": ".".join(str(p) for p in e["loc"][1:]), "problem": e["msg"]}
            for e in exc.errors()
        ]
        message = "; ".join(f"{f['field'] or 'body'}: {f['problem']}" for f in fields)
        return JSONResponse(
            error_body("invalid_request", message or "Invalid request.", fields=fields),
            status_code=422,
        )
