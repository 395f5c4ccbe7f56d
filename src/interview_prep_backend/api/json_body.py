"""Read a JSON body whatever the request's Content-Type says.

The original frontend calls `fetch(url, {method: "POST", body: JSON.stringify(x)})`
with no headers, and a browser then sends `Content-Type: text/plain;charset=UTF-8`.
FastAPI parses a body as JSON only when the type is `application/json` (or `+json`),
so those calls answered 422. Routes of this class present every non-empty body as JSON
to FastAPI's parser; a body that is not JSON still fails as `json_invalid` (422 in the
usual error shape). Rejected: a middleware rewriting every request, which would also
reach the multipart and raw-PUT endpoints, where the type is meaningful.

Bodies are capped at 1 MB (`MAX_JSON_BYTES`; the largest real body, a 20,000-character
typed answer, is at most 80 kB even as 4-byte UTF-8): a 50 MB body was read and parsed
whole before. A Content-Length over the cap is refused before a byte is read; a chunked
body is counted as it streams and refused at the first chunk past the cap. Both are 413
`payload_too_large`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response, params
from fastapi.routing import APIRoute
from starlette.types import Message

from interview_prep_backend.api.errors import ApiError

_JSON = b"application/json"
MAX_JSON_BYTES = 1_000_000


def _too_large() -> ApiError:
    return ApiError(413, "payload_too_large", f"A JSON body is limited to {MAX_JSON_BYTES} bytes.")


async def _capped_body(request: Request) -> bytes:
    """The body, refused before reading when declared too large, or once it runs over."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > MAX_JSON_BYTES:
        raise _too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_JSON_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _is_json(value: bytes) -> bool:
    main = value.split(b";", 1)[0].strip().lower()
    return main == _JSON or (main.startswith(b"application/") and main.endswith(b"+json"))


def _check_utf8(body: bytes) -> None:
    """JSON travels as UTF-8 (RFC 8259). Other bytes made FastAPI's parser fail outside
    its validation (400 `bad_request`, found by schemathesis); they are a bad body like
    any other: 422 `invalid_request`."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 text (byte {exc.start})"
        raise ApiError(
            422,
            "invalid_request",
            f"body: {problem}",
            fields=[{"field": "", "problem": problem}],
        ) from exc


class JsonBodyRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        # Only routes that take a JSON body: a raw PUT or a multipart form keeps its type.
        if self.body_field is None or isinstance(self.body_field.field_info, params.Form):
            return handler

        async def as_json(request: Request) -> Response:
            body = await _capped_body(request)
            _check_utf8(body)
            sent = False

            async def replay() -> Message:
                # The body once, then whatever the connection says (a disconnect).
                nonlocal sent
                if not sent:
                    sent = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await request.receive()

            headers = request.scope["headers"]
            content_type = next((v for k, v in headers if k == b"content-type"), None)
            scope = dict(request.scope)
            if content_type is None or not _is_json(content_type):
                scope["headers"] = [(k, v) for k, v in headers if k != b"content-type"] + [
                    (b"content-type", _JSON)
                ]
            return await handler(Request(scope, replay))

        return as_json
