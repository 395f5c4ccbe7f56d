"""Services the routes need, built once at start-up (`bootstrap`) and injected per request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from interview_prep_backend.bootstrap import Services


def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]
