"""Tables. JSON results are stored as text so SQLite and PostgreSQL behave the same."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, DateTime, Dialect, Float, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every database; SQLite would hand back naive ones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class Upload(Base):
    """An upload URL the server issued; analysis only accepts keys listed here."""

    __tablename__ = "uploads"

    file_key: Mapped[str] = mapped_column(String(255), primary_key=True)
    file_type: Mapped[str] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(128))
    max_bytes: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    uploaded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    size_bytes: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Interview(Base):
    """A whole interview: several answers judged together (an imported transcript)."""

    __tablename__ = "interviews"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # "import"
    candidate: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class Analysis(Base):
    __tablename__ = "analyses"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    file_key: Mapped[str | None] = mapped_column(String(255), index=True, nullable=True)
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    question_id: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    answer_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The answer's language pack when the client named one; else the question's.
    language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # Its place in a whole interview, and (an imported transcript) how long it was said.
    interview_id: Mapped[str | None] = mapped_column(String(36), index=True, nullable=True)
    interview_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    spoken_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    # "recording" or "text": what a claim (or a retry after a crash) must run.
    kind: Mapped[str] = mapped_column(String(16), default="recording", server_default="recording")
    status: Mapped[str] = mapped_column(String(16), index=True)  # queued/running/completed/failed
    stage: Mapped[str | None] = mapped_column(String(32), nullable=True)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    error_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    processing_time_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Set once the media is probed, so a running analysis can be given a time estimate.
    media_duration_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The lease of a running job: who holds it and when they last said they still do.
    worker_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
