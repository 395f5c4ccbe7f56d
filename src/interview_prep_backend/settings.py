"""One settings class, read from the environment or `.env`.

Names of the original service (`AWS_S3_BUCKET`, `ENABLE_EXTERNAL_APIS`, ...) are kept so an
existing deployment's environment still works.
"""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Never shown by /config; only whether they are set.
SECRET_FIELDS = frozenset(
    {"aws_access_key_id", "aws_secret_access_key", "upload_secret", "deepseek_api_key",
     "llm_api_key"}
)  # fmt: skip


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None and parts.username is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit(parts._replace(netloc=f"***@{host}"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Named in /health, as the original service did ("development", "production", ...).
    environment: str = "development"
    data_dir: Path = Path("data")
    database_url: str | None = None
    public_base_url: str | None = Field(
        default=None, description="Base URL the browser uses to reach this server."
    )

    # Uploads: "local" (embedded) or "s3" (AWS_S3_BUCKET, any S3-compatible server).
    storage_backend: Literal["local", "s3"] = "local"
    s3_endpoint_url: str | None = None
    s3_upload_method: Literal["put", "post"] = "put"
    aws_access_key_id: str | None = None
    aws_secret_access_key: str | None = None
    upload_secret: str | None = None
    upload_url_expires_s: int = 900
    upload_max_bytes: int = 500 * 1024 * 1024

    # Media checks.
    max_media_seconds: float = 600.0

    # Speech.
    whisper_model: str = "bundled:base"
    # Where the bundled model's two halves are joined; beside the data by default.
    model_dir: Path | None = None
    allow_model_download: bool = False
    whisper_cpu_threads: int = 0
    whisper_batch_size: int = 2
    # Beam 5: greedy search (1) was 20 % faster and matched it on the reference clips, but
    # on a real browser recording it stopped after one word ("I'm"); beams 2-3 as well.
    whisper_beam_size: int = 5

    # AWS adapters, used only with ENABLE_EXTERNAL_APIS=true and credentials.
    transcriber: Literal["local", "transcribe"] = "local"
    face_analyzer: Literal["local", "rekognition"] = "local"
    rekognition_fps: float = Field(default=1.0, gt=0, le=5)

    # Presence: frames sampled per second of video.
    presence_fps: float = Field(default=3.0, gt=0, le=30)

    # Jobs.
    # Analyses this process runs at once; 0 runs none (an API-only process: the jobs
    # wait in the database for another process sharing it).
    job_concurrency: int = Field(default=1, ge=0)
    job_max_attempts: int = 2
    # A running job's lease: renewed every heartbeat, taken back by another process only
    # when not renewed for the whole lease (a few missed beats, never a slow stage).
    job_lease_s: float = Field(default=60.0, gt=0)
    job_heartbeat_s: float = Field(default=15.0, gt=0)
    analyze_wait_timeout_s: float = 600.0

    # Kept from the original service; used by the cloud adapters.
    aws_s3_bucket: str | None = None
    aws_region: str = "us-east-1"
    enable_external_apis: bool = False
    deepseek_api_key: str | None = None

    # LLM coach: any OpenAI-compatible endpoint, used only with ENABLE_EXTERNAL_APIS and a
    # key (LLM_API_KEY, or DEEPSEEK_API_KEY as in the original service).
    llm_api_key: str | None = None
    llm_base_url: str = "https://api.deepseek.com"
    # DeepSeek retired "deepseek-chat" on 2026-07-24; "deepseek-flash" is its current name.
    llm_model: str = "deepseek-flash"
    llm_timeout_s: float = 60.0
    llm_max_tokens: int = 1200

    def public_snapshot(self) -> dict[str, Any]:
        """Every setting for `/config`, with each secret left out and URL passwords cut."""
        out: dict[str, Any] = {}
        for name, value in self.model_dump(mode="json").items():
            if name in SECRET_FIELDS:
                out[name] = "(set)" if value else None
            elif isinstance(value, str) and "://" in value:
                out[name] = _without_password(value)
            else:
                out[name] = value
        return out

    @property
    def llm_key(self) -> str | None:
        return self.llm_api_key or self.deepseek_api_key

    @property
    def llm_enabled(self) -> bool:
        return self.enable_external_apis and bool(self.llm_key)

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'interview_prep.db'}"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def model_cache_dir(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @cached_property
    def signing_secret(self) -> bytes:
        """The upload-URL secret; generated on first run and kept beside the data."""
        if self.upload_secret:
            return self.upload_secret.encode()
        path = self.data_dir / "upload_secret"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process won the race; use its secret
                pass
            else:
                with os.fdopen(fd, "w") as handle:
                    handle.write(secrets.token_hex(32))
        return path.read_text().strip().encode()


def get_settings() -> Settings:
    return Settings()
