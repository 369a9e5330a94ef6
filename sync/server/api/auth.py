"""Enrolment of a device (one online sign-in) and revocation of device tokens."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from inspector_app.core import protocol
from sync.server.api.deps import PrincipalDep, ServicesDep, client_ip
from sync.server.persistence.models import User
from sync.server.services.users import change_password, enrol, revoke_device, sign_in, user_info

router = APIRouter(prefix=protocol.API, tags=["auth"])


@router.post("/auth/enrol", response_model=protocol.EnrolResponse, response_model_exclude_none=True)
def enrol_device(
    body: protocol.EnrolRequest, request: Request, services: ServicesDep
) -> protocol.EnrolResponse:
    """Exchange a user name and password for a token of this device."""
    ip = client_ip(request)
    user = sign_in(services.db, services.throttle, body.username, body.password, ip)
    with services.db.write() as session:
        row = session.get(User, user.id)
        assert row is not None  # signed in a moment ago
        return enrol(session, row, body.device_name, services.settings.token_days, ip, body.transfer_keys)


@router.post("/auth/password", status_code=204)
def change_own_password(body: protocol.PasswordChange, request: Request, services: ServicesDep) -> Response:
    """Change one's password with the current one (needed after a reset: 40304). Counted
    and slowed like a sign-in; then enrol with the new password."""
    change_password(services.db, services.throttle, body, client_ip(request))
    return Response(status_code=204)


@router.get("/me", response_model=protocol.UserInfo)
def me(principal: PrincipalDep, services: ServicesDep) -> protocol.UserInfo:
    with services.db.read() as session:
        user = session.get(User, principal.user_id)
        assert user is not None  # authenticated a moment ago; users are deactivated, not deleted
        return user_info(session, user)


@router.post("/auth/revoke", status_code=204)
def revoke_own_token(principal: PrincipalDep, services: ServicesDep) -> Response:
    """Sign this device out: its token stops working at once."""
    with services.db.write() as session:
        assert principal.device_id is not None  # a device token names its device
        revoke_device(session, principal, principal.device_id)
    return Response(status_code=204)


@router.post("/devices/{device_id}/revoke", status_code=204)
def revoke(device_id: str, principal: PrincipalDep, services: ServicesDep) -> Response:
    """Revoke a device token (its owner or an administrator)."""
    with services.db.write() as session:
        revoke_device(session, principal, device_id[:36])
    return Response(status_code=204)
