"""`/openapi.json` describes every route's answers, and the server keeps to it.

Schemathesis generates requests for every operation from the schema itself and checks
each answer against it: the status is one the route declares, the body matches the
declared model (the typed result included), and no request gets a 5xx. It runs against
the real server process, with the models loaded, so typed answers really are analysed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.server import Server

EXAMPLES = 12
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, model_dir: Path) -> Iterator[Server]:
    srv = Server(tmp_path_factory.mktemp("openapi") / "data", model_dir).start(timeout=180)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def spec(server: Server) -> dict[str, Any]:
    return httpx.get(f"{server.url}/openapi.json", timeout=10).json()


@pytest.fixture(scope="module")
def api_schema(spec: dict[str, Any]) -> Any:
    return schemathesis.openapi.from_dict(spec)


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_every_answer_is_declared_in_the_one_error_shape(spec: dict[str, Any]) -> None:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            codes = op["responses"]
            ok = [c for c in codes if c.startswith("2")]
            assert ok, f"{method} {path}: no success response"
            for code, answer in codes.items():
                # /ready's 503 is its report (which check failed), not a refusal.
                if code[0] in "45" and (path, code) != ("/ready", "503"):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorResponse"), (method, path, code)
    # FastAPI's default 422 body (`HTTPValidationError`) is never sent: not documented.
    assert not [r for r in _refs(spec) if r.endswith("/HTTPValidationError")]


def test_the_result_is_typed_to_the_leaves(spec: dict[str, Any]) -> None:
    """Every field of the result names its type: nothing is an untyped `{}`."""
    schemas = spec["components"]["schemas"]
    untyped = []

    def walk(name: str, node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node == {} or (
                node.get("additionalProperties") is True and "properties" not in node
            ):
                untyped.append(where)
            for key, value in node.items():
                if key not in ("additionalProperties", "examples", "default"):
                    walk(name, value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(name, value, f"{where}[{i}]")

    seen: set[str] = set()
    todo = ["AnalysisResult", "PartialResult"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        walk(name, schemas[name], name)
        todo += [r.rsplit("/", 1)[-1] for r in _refs(schemas[name])]
    assert len(seen) > 30 and not untyped, untyped


def _exercise(operation: Any, mode: GenerationMode, base_url: str, calls: list[str]) -> None:
    """EXAMPLES generated requests to one operation, every check on every answer."""

    @given(case=operation.as_strategy(mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        calls.append(operation.label)
        case.call_and_validate(base_url=base_url, checks=CHECKS, timeout=60)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_server_keeps_to_its_schema(api_schema: Any, server: Server, mode: GenerationMode) -> None:
    """Valid requests and invalid ones (wrong types, missing fields, out of range).

    (Schemathesis's pytest plugin does not load on pytest 9 here, so the operations are
    walked with Hypothesis directly.)"""
    failures: list[str] = []
    calls: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:
        try:
            _exercise(operation, mode, server.url, calls)
        except Unsatisfiable:  # no invalid request exists (no parameters, any string goes)
            assert mode == GenerationMode.NEGATIVE, operation.label
        except Exception as exc:
            failures.append(f"{operation.label}: {str(exc)[:1500]}")
    assert not failures, "\n\n".join(failures)
    # Every operation really was called, most of them many times.
    assert len(set(calls)) >= (len(operations) if mode == GenerationMode.POSITIVE else 5)
    assert len(calls) > 4 * len(operations)
