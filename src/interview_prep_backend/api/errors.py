"""One error shape for every refusal: `{"error": {"code": ..., "message": ...}}`.

Codes are stable; messages are for people. `detail` repeats the message for clients of
the original service, which read FastAPI's default `detail`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from interview_prep_backend.adapters.storage.base import StorageError

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extra = extra


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}, "detail": message, **extra}


# Codes for the errors the framework raises itself (no route, wrong method, ...).
_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def _routes(routes: list[Any]) -> Iterator[Any]:
    # FastAPI keeps an included router as one entry holding the original router (whose
    # routes carry their full paths: ours are included without a further prefix).
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _routes(inner.routes)
        else:
            yield route


def _allowed_methods(app: FastAPI, request: Request) -> list[str]:
    """Every method some route accepts at this path.

    Starlette's own 405 names only the first route that matched the path, so for
    `/api/v1/analyses/{id}` (GET and DELETE, two routes) it would tell a client that
    only GET exists.
    """
    methods: set[str] = set()
    scope = {**request.scope, "method": "\0"}
    for route in _routes(app.router.routes):
        match, _ = route.matches(scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def install(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            allowed = _allowed_methods(app, request)
            if allowed:
                headers["Allow"] = ", ".join(allowed)
        if exc.status_code == 404:
            message = f"Nothing is at {request.url.path}."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed here; use {headers.get('Allow', '-')}."
        else:
            message = str(exc.detail)
        return JSONResponse(
            error_body(code, message), status_code=exc.status_code, headers=headers or None
        )

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.code, exc.message, **exc.extra),
            status_code=exc.status,
            headers=exc.headers,
        )

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
            {
                # A body that is not JSON at all is located at (body, offset): name it.
                "field": ""
                if e["type"] == "json_invalid"
                else ".".join(str(p) for p in e["loc"][1:]),
                "problem": e["msg"],
            }
            for e in exc.errors()
        ]
        message = "; ".join(f"{f['field'] or 'body'}: {f['problem']}" for f in fields)
        return JSONResponse(
            error_body("invalid_request", message or "Invalid request.", fields=fields),
            status_code=422,
        )
