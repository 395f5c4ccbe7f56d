"""Liveness and readiness."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from interview_prep_backend import __version__
from interview_prep_backend.adapters.storage.base import StorageError
from interview_prep_backend.api.deps import ServicesDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: Literal["ok"]
    environment: str
    service: str
    version: str


@router.get("/health", response_model=Health)
def health(svc: ServicesDep) -> Health:
    """Liveness, with the fields of the original service (`status`, `environment`)."""
    return Health(
        status="ok",
        environment=svc.settings.environment,
        service="interview-coach",
        version=__version__,
    )


@router.get("/config", response_model=dict[str, Any])
def config(svc: ServicesDep) -> dict[str, Any]:
    """The settings in force, as the original service showed them, without any secret."""
    return svc.settings.public_snapshot()


class Check(BaseModel):
    model_config = ConfigDict(extra="allow")
    ok: bool
    error: str | None = None


class Readiness(BaseModel):
    status: Literal["ready", "not_ready"]
    checks: dict[str, Check] = Field(description="storage, database, models")


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "A check failed."}},
)
def ready(svc: ServicesDep) -> JSONResponse:
    """Ready to analyse: storage and database reachable, models loaded."""
    checks: dict[str, dict[str, Any]] = {}
    try:
        svc.storage.check()
        checks["storage"] = {
            "ok": True,
            "backend": svc.settings.storage_backend,
            "capabilities": asdict(svc.storage.capabilities),
        }
    except StorageError as exc:
        checks["storage"] = {"ok": False, "error": str(exc)}
    try:
        with svc.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = {"ok": True, "dialect": svc.engine.dialect.name}
    except Exception as exc:  # any driver error means not ready
        checks["database"] = {"ok": False, "error": type(exc).__name__}
    checks["models"] = {
        "ok": svc.model_ready,
        "whisper": svc.settings.whisper_model,
        "face": "mediapipe face_landmarker + fer mini-Xception (LiteRT)",
        **({"error": svc.model_error} if svc.model_error else {}),
    }
    ok = all(c["ok"] for c in checks.values())
    return JSONResponse(
        {"status": "ready" if ok else "not_ready", "checks": checks}, status_code=200 if ok else 503
    )
