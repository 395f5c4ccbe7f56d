"""Who holds a lease: `host:pid:pid-namespace:random`, and whether that holder is gone.

A lease normally ends by expiry (`JOB_LEASE_S` without a heartbeat). But a server
restarted after a crash on the same machine should not wait a whole lease to resume its
own cut-off work: when the holder ran on this host, in this pid namespace, and its pid no
longer exists, it is certainly dead and its lease can be taken back at once.

Every doubt keeps the lease: another host, another pid namespace (another container with
the same host name), no /proc, a pid that exists (even reused by an unrelated process,
or a zombie): those wait for expiry. The random part tells apart two runners of one
process (tests) and a reused pid.
"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path


def _pid_namespace() -> str:
    try:
        return os.readlink("/proc/self/ns/pid").strip("pid:[]")
    except OSError:
        return ""


def new_worker_id() -> str:
    host = socket.gethostname()[:32].replace(":", "-")
    return f"{host}:{os.getpid()}:{_pid_namespace()}:{uuid.uuid4().hex[:8]}"


def holder_is_gone(worker_id: str | None) -> bool:
    """True only when `worker_id` ran here and its process certainly no longer exists."""
    parts = (worker_id or "").split(":")
    if len(parts) != 4 or not parts[1].isdigit():
        return False
    host, pid, namespace, _ = parts
    mine = socket.gethostname()[:32].replace(":", "-")
    if host != mine or not namespace or namespace != _pid_namespace():
        return False
    if not Path("/proc").is_dir():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False
