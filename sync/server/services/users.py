"""Users, device enrolment and token authentication."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.persistence.models import Device, User, UserRegion
from sync.server.services.audit import audit
from sync.server.services.principal import Principal
from sync.server.services.registry import region_codes
from sync.server.services.security import (
    Throttle,
    aware,
    hash_password,
    new_token,
    token_hash,
    utcnow,
    verify_password,
)

ROLES = ("inspector", "supervisor", "administrator")
LAST_SEEN_EVERY = dt.timedelta(minutes=5)


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    regions: list[str],
    full_name: str = "",
    actor: Principal | None = None,
) -> User:
    if role not in ROLES:
        raise Problem(problems.VALIDATION_FAILED, f"Unknown role {role!r}.", details={"role": role})
    unknown = sorted(set(regions) - region_codes(session))
    if unknown:
        raise Problem(problems.VALIDATION_FAILED, "Unknown region codes.", details={"regions": unknown})
    if session.scalar(sa.select(User.id).where(User.username == username)) is not None:
        raise Problem(problems.DUPLICATE, details={"username": username})
    user = User(
        username=username,
        full_name=full_name,
        role=role,
        password_hash=hash_password(password),
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    session.add_all(UserRegion(user_id=user.id, region=r) for r in sorted(set(regions)))
    audit(
        session,
        user_id=actor.user_id if actor else None,
        device_id=actor.device_id if actor else None,
        action="user.create",
        entity_kind="user",
        entity_id=username,
        details={"role": role, "regions": regions},
    )
    return user


def user_regions(session: Session, user_id: int) -> list[str]:
    return sorted(session.scalars(sa.select(UserRegion.region).where(UserRegion.user_id == user_id)))


def user_info(session: Session, user: User) -> protocol.UserInfo:
    return protocol.UserInfo(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        regions=user_regions(session, user.id),
    )


def check_credentials(
    session: Session, throttle: Throttle, request: protocol.EnrolRequest, ip: str
) -> User | None:
    """The user if the password is right; a failure is recorded (committed by the caller)."""
    throttle.check(session, request.username, ip)
    user = session.scalar(sa.select(User).where(User.username == request.username))
    ok = verify_password(user.password_hash if user else None, request.password)
    if not ok or user is None or not user.active:
        throttle.failed(session, request.username, ip)
        audit(
            session,
            user_id=user.id if user else None,
            device_id=None,
            action="auth.failed",
            entity_kind="user",
            entity_id=request.username[:100],
            details={"ip": ip},
        )
        return None
    throttle.succeeded(session, request.username, ip)
    return user


def enrol(session: Session, user: User, device_name: str, token_days: int, ip: str) -> protocol.EnrolResponse:
    token = new_token()
    now = utcnow()
    device = Device(
        id=str(uuid.uuid4()),
        user_id=user.id,
        name=device_name,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + dt.timedelta(days=token_days),
        revoked_at=None,
        last_seen_at=now,
    )
    session.add(device)
    audit(
        session,
        user_id=user.id,
        device_id=device.id,
        action="device.enrol",
        entity_kind="device",
        entity_id=device.id,
        details={"name": device_name, "ip": ip},
    )
    return protocol.EnrolResponse(
        device_id=device.id, token=token, expires_at=device.expires_at, user=user_info(session, user)
    )


def authenticate(session: Session, token: str) -> tuple[Principal, bool]:
    """The principal of a token, and whether its last-seen time is worth refreshing."""
    row = session.execute(
        sa.select(Device, User)
        .join(User, User.id == Device.user_id)
        .where(Device.token_hash == token_hash(token))
    ).first()
    if row is None:
        raise Problem(problems.TOKEN_INVALID)
    device, user = row
    now = utcnow()
    if device.revoked_at is not None or not user.active:
        raise Problem(problems.TOKEN_REVOKED)
    if aware(device.expires_at) <= now:
        raise Problem(problems.TOKEN_EXPIRED)
    principal = Principal(
        user_id=user.id,
        username=user.username,
        role=user.role,
        regions=frozenset(user_regions(session, user.id)),
        device_id=device.id,
    )
    stale = device.last_seen_at is None or now - aware(device.last_seen_at) > LAST_SEEN_EVERY
    return principal, stale


def touch_device(session: Session, device_id: str) -> None:
    session.execute(sa.update(Device).where(Device.id == device_id).values(last_seen_at=utcnow()))


def revoke_device(session: Session, actor: Principal, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is None:
        raise Problem(problems.NOT_FOUND, details={"device_id": device_id})
    if device.user_id != actor.user_id and not actor.is_admin:
        raise Problem(problems.FORBIDDEN_ROLE, details={"device_id": device_id})
    if device.revoked_at is None:
        device.revoked_at = utcnow()
        audit(
            session,
            **actor.audit_fields(),
            action="device.revoke",
            entity_kind="device",
            entity_id=device_id,
            details={},
        )
