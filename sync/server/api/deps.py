"""Request dependencies: the app's services and the calling principal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from inspector_app.core import problems
from inspector_app.core.problems import Problem
from sync.server.api.middleware import PRINCIPAL_KEY
from sync.server.config import Settings
from sync.server.persistence.blobs import BlobStore
from sync.server.persistence.db import Database
from sync.server.services.principal import Principal
from sync.server.services.security import Throttle
from sync.server.services.users import authenticate, touch_device


@dataclass
class Services:
    settings: Settings
    db: Database
    blobs: BlobStore
    throttle: Throttle


def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]
_bearer = HTTPBearer(auto_error=False, description="The device token from /api/v1/auth/enrol")


def get_principal(
    request: Request,
    services: ServicesDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    known = request.scope.get("state", {}).get(PRINCIPAL_KEY)
    if known is not None:  # authenticated before its gzip body was inflated
        return known
    if credentials is None or not credentials.credentials:
        raise Problem(problems.AUTH_REQUIRED, headers={"WWW-Authenticate": "Bearer"})
    return principal_of(services, credentials.credentials)


def principal_of(services: Services, token: str) -> Principal:
    """The caller a device token stands for (raising 401s and 403s)."""
    with services.db.read() as session:
        principal, stale = authenticate(session, token)
    if stale:
        assert principal.device_id is not None  # a device token names its device
        with services.db.write() as session:
            touch_device(session, principal.device_id)
    return principal


def principal_of_token(app, token: str) -> Principal:
    """`principal_of` for middleware, which has the application rather than a request."""
    return principal_of(app.state.services, token)


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def client_ip(request: Request) -> str:
    return (request.client.host if request.client else "")[:64]
