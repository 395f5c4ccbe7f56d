"""The web page: plain HTML, CSS and JavaScript served by the app itself.

No build step and no CDN: the files under `static/` are the page, so it works offline
and ships inside the wheel.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).with_name("static")


def content_security_policy(storage_origin: str | None) -> str:
    """The page's policy: its own scripts and styles only, no frames, no plugins.

    The recording goes to the storage origin (a presigned S3 URL) and plays back from
    it, so that origin is allowed for `connect-src` and `media-src`; the camera preview
    and the recorded blob are `blob:` URLs. Nothing else is loaded from anywhere.
    """
    extra = f" {storage_origin}" if storage_origin else ""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        f"media-src 'self' blob:{extra}; connect-src 'self'{extra}; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


# Every response: no MIME sniffing, no framing, no URL (with its analysis id) leaked.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def mount_web(app: FastAPI, storage_origin: str | None = None) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    policy = content_security_policy(storage_origin)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # The page only: /docs loads Swagger UI's scripts from its CDN (inline set-up too).
        page = request.url.path == "/" or request.url.path.startswith("/static/")
        if page and response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", policy)
        return response

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")
