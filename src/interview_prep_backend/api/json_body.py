"""Read a JSON body whatever the request's Content-Type says.

The original frontend calls `fetch(url, {method: "POST", body: JSON.stringify(x)})`
with no headers, and a browser then sends `Content-Type: text/plain;charset=UTF-8`.
FastAPI parses a body as JSON only when the type is `application/json` (or `+json`),
so those calls answered 422. Routes of this class present every non-empty body as JSON
to FastAPI's parser; a body that is not JSON still fails as `json_invalid` (422 in the
usual error shape). Rejected: a middleware rewriting every request, which would also
reach the multipart and raw-PUT endpoints, where the type is meaningful.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response, params
from fastapi.routing import APIRoute

_JSON = b"application/json"


def _is_json(value: bytes) -> bool:
    main = value.split(b";", 1)[0].strip().lower()
    return main == _JSON or (main.startswith(b"application/") and main.endswith(b"+json"))


class JsonBodyRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        # Only routes that take a JSON body: a raw PUT or a multipart form keeps its type.
        if self.body_field is None or isinstance(self.body_field.field_info, params.Form):
            return handler

        async def as_json(request: Request) -> Response:
            headers = request.scope["headers"]
            content_type = next((v for k, v in headers if k == b"content-type"), None)
            if content_type is not None and _is_json(content_type):
                return await handler(request)
            scope = dict(request.scope)
            scope["headers"] = [(k, v) for k, v in headers if k != b"content-type"] + [
                (b"content-type", _JSON)
            ]
            return await handler(Request(scope, request.receive))

        return as_json
