"""Job claiming and leases on a real SQLite file, with several connections.

The multi-process behaviour (two API servers on one database) is in test_workers.py;
these check each transition's guard directly.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text, update

from interview_prep_backend.adapters.storage.local import LocalStorage
from interview_prep_backend.bootstrap import build_services
from interview_prep_backend.db.engine import make_engine, make_sessionmaker
from interview_prep_backend.db.migrate import migrate
from interview_prep_backend.db.models import Analysis, utcnow
from interview_prep_backend.db.repository import COMPLETED, QUEUED, RUNNING, Repository
from interview_prep_backend.errors import ConfigurationError
from interview_prep_backend.jobs.lease import LeaseKeeper
from interview_prep_backend.jobs.local import LocalJobQueue
from interview_prep_backend.jobs.recovery import recover
from interview_prep_backend.jobs.runner import AnalysisRunner
from interview_prep_backend.jobs.worker_id import holder_is_gone, new_worker_id
from interview_prep_backend.settings import Settings
from tests.pipelines import local_pipeline
from tests.rows import row_of

KEY = "uploads/audio/00000000-0000-4000-8000-000000000001.wav"
ANSWER = (
    "In my last role I led a team of five engineers. I automated the tests and the "
    "deployment, and we cut the release time by forty percent."
)


class Queue:
    def __init__(self) -> None:
        self.submitted: list[str] = []

    def submit(self, analysis_id: str) -> None:
        self.submitted.append(analysis_id)

    def shutdown(self) -> None:
        pass


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    yield url


def repo_for(url: str) -> tuple[Repository, Engine]:
    """A repository on its own engine: its own connections, as another process has."""
    engine = make_engine(url)
    return Repository(make_sessionmaker(engine)), engine


def age_lease(engine: Engine, analysis_id: str, seconds: float) -> None:
    """Make the last heartbeat `seconds` old, as if its holder stopped renewing."""
    with engine.begin() as conn:
        conn.execute(
            update(Analysis)
            .where(Analysis.id == analysis_id)
            .values(heartbeat_at=utcnow() - timedelta(seconds=seconds))
        )


def test_racing_claims_have_exactly_one_winner(db: str) -> None:
    repos = [repo_for(db) for _ in range(4)]
    ids = [repos[0][0].create_analysis(KEY, None).id for _ in range(15)]
    winners: dict[str, list[str]] = {i: [] for i in ids}
    barrier = threading.Barrier(len(repos))

    def claim_all(n: int) -> None:
        repo = repos[n][0]
        for analysis_id in ids:
            barrier.wait()  # all connections go for the same row at the same moment
            if repo.claim(analysis_id, f"w{n}") is not None:
                winners[analysis_id].append(f"w{n}")

    threads = [threading.Thread(target=claim_all, args=(n,)) for n in range(len(repos))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    repo = repos[0][0]
    for analysis_id, won in winners.items():
        assert len(won) == 1, won
        row = row_of(repo, analysis_id)
        assert row.status == RUNNING and row.worker_id == won[0] and row.attempts == 1
    for _, engine in repos:
        engine.dispose()


def test_only_an_expired_lease_is_requeued_and_the_old_holder_is_refused(db: str) -> None:
    repo, engine = repo_for(db)
    live = repo.create_analysis(KEY, None)
    stale = repo.create_analysis(KEY, None)
    waiting = repo.create_analysis(KEY, None)
    assert repo.claim(live.id, "a") and repo.claim(stale.id, "a")
    age_lease(engine, live.id, 50)
    age_lease(engine, stale.id, 70)
    queue = Queue()
    assert recover(repo, queue, max_attempts=2, lease_s=60) == (2, 0)
    # The live lease (50 s < 60 s) is untouched; the expired one and the queued one are sent.
    assert sorted(queue.submitted) == sorted([stale.id, waiting.id])
    assert row_of(repo, live.id).status == RUNNING and row_of(repo, live.id).worker_id == "a"
    assert row_of(repo, stale.id).status == QUEUED and row_of(repo, stale.id).worker_id is None

    # A new holder claims it; the old one's writes are refused from then on.
    claimed = repo.claim(stale.id, "b")
    assert claimed is not None and claimed.attempts == 2
    assert not repo.complete(stale.id, "a", {"from": "a"})
    assert not repo.fail(stale.id, "a", "internal_error", "late")
    repo.set_progress(stale.id, "a", "speech", 0.9)
    assert row_of(repo, stale.id).stage == "media"
    assert repo.complete(stale.id, "b", {"from": "b"})
    # A completed row is never rewritten, not even by its own holder.
    assert not repo.complete(stale.id, "b", {"from": "b again"})
    assert not repo.fail(stale.id, "b", "internal_error", "late")
    done = row_of(repo, stale.id)
    assert done.status == COMPLETED and done.result_json == '{"from": "b"}'
    engine.dispose()


def test_a_renewed_lease_survives_and_the_keeper_stops_when_idle(db: str) -> None:
    repo, engine = repo_for(db)
    row = repo.create_analysis(KEY, None)
    repo.claim(row.id, "a")
    age_lease(engine, row.id, 120)
    keeper = LeaseKeeper(repo, "a", heartbeat_s=0.05).start()
    deadline = time.monotonic() + 10

    def heartbeat() -> datetime:
        at = row_of(repo, row.id).heartbeat_at
        assert at is not None  # claimed, so it has a heartbeat
        return at

    while heartbeat() < utcnow() - timedelta(seconds=5):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert recover(repo, Queue(), max_attempts=2, lease_s=10) == (0, 0)
    assert row_of(repo, row.id).status == RUNNING
    keeper.stop()
    time.sleep(0.2)
    assert keeper._thread.is_alive()  # still holds a lease: keeps renewing
    assert repo.complete(row.id, "a", {})
    keeper._thread.join(5)
    assert not keeper._thread.is_alive()
    engine.dispose()


def test_a_cut_off_typed_answer_is_retried_as_a_typed_answer(db: str, tmp_path: Path) -> None:
    repo, engine = repo_for(db)
    row = repo.create_analysis(None, "Tell me about a project.", answer_text=ANSWER)
    claimed = repo.claim(row.id, "crashed")
    assert claimed is not None and claimed.stage == "content"
    age_lease(engine, row.id, 120)
    queue = Queue()
    assert recover(repo, queue, max_attempts=2, lease_s=60) == (1, 0)

    def no_model() -> None:
        raise AssertionError("a typed answer needs no speech model")

    pipeline = local_pipeline(no_model)
    runner = AnalysisRunner(repo, LocalStorage(tmp_path, b"s"), pipeline, worker_id="next")
    runner.run(queue.submitted[0])
    done = row_of(repo, row.id)
    assert done.status == COMPLETED and done.kind == "text" and done.attempts == 2
    assert done.result_json is not None
    assert '"answer_type": "text"' in done.result_json and "forty percent" in done.result_json

    # Cut off again after its last attempt: given up as interrupted, never file_missing.
    other = repo.create_analysis(None, None, answer_text=ANSWER)
    for n in range(2):
        repo.claim(other.id, f"w{n}")
        age_lease(engine, other.id, 120)
        recover(repo, Queue(), max_attempts=2, lease_s=60)
    failed = row_of(repo, other.id)
    assert failed.status == "failed" and failed.error_code == "interrupted"
    engine.dispose()


def test_rows_from_before_leases_migrate_with_their_kind(tmp_path: Path) -> None:
    """Version 0003 left running rows with no lease: they count as expired, typed ones
    come back as typed answers."""
    from alembic import command

    from interview_prep_backend.db.migrate import _config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        for n, answer in enumerate([None, "typed"]):
            conn.execute(
                text(
                    "INSERT INTO analyses (id, file_key, answer_text, status, progress, "
                    "attempts, created_at) VALUES (:id, :key, :answer, 'running', 0, 1, "
                    "'2026-01-01 00:00:00')"
                ),
                {"id": f"old-{n}", "key": None if answer else KEY, "answer": answer},
            )
    migrate(engine)
    repo = Repository(make_sessionmaker(engine))
    assert [row_of(repo, f"old-{n}").kind for n in range(2)] == ["recording", "text"]
    queue = Queue()
    assert recover(repo, queue, max_attempts=2, lease_s=60) == (2, 0)
    engine.dispose()


def test_a_process_without_migrations_refuses_an_old_schema(settings: Settings) -> None:
    with pytest.raises(ConfigurationError, match="interview-prep migrate"):
        build_services(settings, run_migrations=False)
    settings = settings.model_copy(update={"job_heartbeat_s": 40.0})
    with pytest.raises(ConfigurationError, match="JOB_HEARTBEAT_S"):
        build_services(settings)


def test_a_dead_local_holder_is_taken_back_at_once_a_live_one_never(db: str) -> None:
    repo, engine = repo_for(db)
    child = subprocess.Popen(["true"])
    child.wait()  # reaped: its pid no longer exists
    mine = new_worker_id()
    dead = mine.replace(f":{os.getpid()}:", f":{child.pid}:")
    elsewhere = "other-host" + dead[dead.index(":") :]
    assert holder_is_gone(dead) and not holder_is_gone(mine)
    assert not holder_is_gone(elsewhere) and not holder_is_gone("old-style-id")
    rows = {w: repo.create_analysis(KEY, None).id for w in (mine, dead, elsewhere)}
    for worker, analysis_id in rows.items():
        repo.claim(analysis_id, worker)
    queue = Queue()
    # Fresh leases all: only the one whose process is certainly gone comes back.
    assert recover(repo, queue, max_attempts=2, lease_s=60) == (1, 0)
    assert queue.submitted == [rows[dead]]
    engine.dispose()


def test_the_queue_holds_each_waiting_id_once() -> None:
    """Sweeps resubmit every queued row every few beats: no copies pile up."""
    gate, ran = threading.Event(), []

    def run(analysis_id: str) -> None:
        gate.wait(10)
        ran.append(analysis_id)

    queue = LocalJobQueue(run, 1)
    for analysis_id in ["busy", "x", "x", "y", "x", "y"]:
        queue.submit(analysis_id)
    gate.set()
    queue._pool.shutdown(wait=True)
    assert ran == ["busy", "x", "y"]


def test_a_queue_of_no_concurrency_runs_nothing() -> None:
    """JOB_CONCURRENCY=0: an API-only process leaves its jobs queued in the database."""
    ran: list[str] = []
    queue = LocalJobQueue(ran.append, concurrency=0)
    queue.submit("a")
    queue.shutdown()
    assert ran == []
