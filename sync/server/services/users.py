"""Users, device enrolment and token authentication."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TypeGuard

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
    check_password_policy,
    checked_username,
    hash_password,
    new_token,
    normalise_username,
    token_hash,
    utcnow,
    verify_password,
)

ROLES: tuple[protocol.Role, ...] = ("inspector", "supervisor", "administrator")
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
    username = checked_username(username)
    check_password_policy(password, username)
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


def sign_in(db, throttle: Throttle, username: str, password: str, ip: str, *, changing: bool = False) -> User:
    """The user whose password this is, or a problem (40105, 42901, 40106, 40304).

    The attempt is counted first (a short transaction holding the throttle row); the
    password is checked outside any transaction, so on SQLite the write lock is not held
    through Argon2 and pushes go on while someone guesses. `changing`: a password change,
    which a reset password does not stop."""
    name = normalise_username(username)
    with db.write() as session:
        throttle.reserve(session, name, ip)
        user = session.scalar(sa.select(User).where(User.username == name))
    if not verify_password(user.password_hash if user else None, password) or user is None:
        with db.write() as session:
            audit(
                session,
                user_id=user.id if user else None,
                device_id=None,
                action="auth.failed",
                entity_kind="user",
                entity_id=name[:100],
                details={"ip": ip},
            )
        raise Problem(problems.BAD_CREDENTIALS)
    with db.write() as session:
        throttle.succeeded(session, name, ip)
    if not user.active:
        raise Problem(problems.ACCOUNT_DEACTIVATED)
    if user.must_change_password and not changing:
        raise Problem(problems.PASSWORD_CHANGE_REQUIRED)
    return user


def change_password(db, throttle: Throttle, request: protocol.PasswordChange, ip: str) -> None:
    """The user's own change, with the old (or reset) password."""
    check_password_policy(request.new_password, request.username)
    user = sign_in(db, throttle, request.username, request.password, ip, changing=True)
    new_hash = hash_password(request.new_password)  # outside the transaction, like the check
    with db.write() as session:
        session.execute(
            sa.update(User)
            .where(User.id == user.id)
            .values(password_hash=new_hash, must_change_password=False)
        )
        audit(
            session,
            user_id=user.id,
            device_id=None,
            action="user.password_change",
            entity_kind="user",
            entity_id=user.username,
            details={"ip": ip},
        )


def enrol(
    session: Session,
    user: User,
    device_name: str,
    token_days: int,
    ip: str,
    transfer_keys: protocol.TransferKeys | None = None,
) -> protocol.EnrolResponse:
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
    from sync.server.services.transfer import enrol_keys  # transfer imports this module

    return protocol.EnrolResponse(
        device_id=device.id,
        token=token,
        expires_at=device.expires_at,
        user=user_info(session, user),
        transfer=enrol_keys(session, device, transfer_keys),
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
    if not user.active:
        raise Problem(problems.ACCOUNT_DEACTIVATED)
    if device.revoked_at is not None:
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


# --- off-boarding: administrators only (the routes check the role) ----------------------


def user_named(session: Session, username: str) -> User:
    user = session.scalar(sa.select(User).where(User.username == normalise_username(username)))
    if user is None:
        raise Problem(problems.NOT_FOUND, details={"username": username[:200]})
    return user


def set_active(session: Session, actor: Principal, username: str, active: bool) -> User:
    """Deactivate (every device token of the user answers 40106 from the next request on)
    or activate again."""
    user = user_named(session, username)
    if user.id == actor.user_id and not active:
        raise Problem(problems.VALIDATION_FAILED, "An administrator cannot deactivate themselves.")
    if user.active != active:
        user.active = active
        audit(
            session,
            **actor.audit_fields(),
            action="user.activate" if active else "user.deactivate",
            entity_kind="user",
            entity_id=user.username,
            details={},
        )
    return user


def reset_password(db, actor: Principal, username: str, password: str) -> None:
    """Set a temporary password the user must change at their next sign-in (40304)."""
    with db.read() as session:
        user = user_named(session, username)
    check_password_policy(password, user.username)
    new_hash = hash_password(password)  # outside the write transaction
    with db.write() as session:
        session.execute(
            sa.update(User)
            .where(User.id == user.id)
            .values(password_hash=new_hash, must_change_password=True)
        )
        audit(
            session,
            **actor.audit_fields(),
            action="user.password_reset",
            entity_kind="user",
            entity_id=user.username,
            details={},
        )


def user_devices(session: Session, username: str) -> list[protocol.DeviceInfo]:
    user = user_named(session, username)
    devices = session.scalars(sa.select(Device).where(Device.user_id == user.id).order_by(Device.created_at))
    return [device_info(d) for d in devices]


def device_info(d: Device) -> protocol.DeviceInfo:
    return protocol.DeviceInfo(
        id=d.id,
        name=d.name,
        created_at=aware(d.created_at),
        expires_at=aware(d.expires_at),
        revoked_at=aware(d.revoked_at) if d.revoked_at else None,
        last_seen_at=aware(d.last_seen_at) if d.last_seen_at else None,
    )


def devices_by_user(session: Session) -> list[tuple[User, list[protocol.DeviceInfo]]]:
    """Every user who ever enrolled a device, by user name, with their devices (oldest first)."""
    rows = session.execute(
        sa.select(User, Device)
        .join(Device, Device.user_id == User.id)
        .order_by(User.username, Device.created_at)
    ).all()
    grouped: dict[int, tuple[User, list[protocol.DeviceInfo]]] = {}
    for user, device in rows:
        grouped.setdefault(user.id, (user, []))[1].append(device_info(device))
    return list(grouped.values())


LANGUAGES = ("kk", "ru", "en")


def find_users(
    session: Session, *, role: str | None = None, region: str | None = None, active: bool | None = None
) -> list[tuple[User, list[str]]]:
    """Users (with their regions) of a role, a region and a state, each optional, by user name."""
    query = sa.select(User).order_by(User.username)
    if role:
        query = query.where(User.role == role)
    if region:
        query = query.where(User.id.in_(sa.select(UserRegion.user_id).where(UserRegion.region == region)))
    if active is not None:
        query = query.where(User.active == active)
    users = list(session.scalars(query))
    regions: dict[int, list[str]] = {}
    for user_id, code in session.execute(
        sa.select(UserRegion.user_id, UserRegion.region).order_by(UserRegion.region)
    ):
        regions.setdefault(user_id, []).append(code)
    return [(u, regions.get(u.id, [])) for u in users]


def is_role(role: str) -> TypeGuard[protocol.Role]:
    """Whether `role` is one of the roles a user may have."""
    return role in ROLES


def update_user(
    session: Session,
    actor: Principal,
    username: str,
    *,
    full_name: str,
    role: str,
    regions: list[str],
    language: str | None,
) -> User:
    """Change a user's name, role, regions and console language (audited with what changed).
    Devices of the user see the new role and regions from their next request on."""
    user = user_named(session, username)
    if not is_role(role):
        raise Problem(problems.VALIDATION_FAILED, f"Unknown role {role!r}.", details={"role": role})
    if user.id == actor.user_id and role != user.role:
        raise Problem(
            problems.VALIDATION_FAILED,
            "An administrator cannot change their own role.",
            details={"reason": "own_role"},
        )
    if language is not None and language not in LANGUAGES:
        raise Problem(problems.VALIDATION_FAILED, "Unknown language.", details={"language": language})
    unknown = sorted(set(regions) - region_codes(session))
    if unknown:
        raise Problem(problems.VALIDATION_FAILED, "Unknown region codes.", details={"regions": unknown})
    chosen = sorted(set(regions))
    before: dict[str, object] = {
        "full_name": user.full_name,
        "role": user.role,
        "regions": user_regions(session, user.id),
        "language": user.language,
    }
    after: dict[str, object] = {"full_name": full_name, "role": role, "regions": chosen, "language": language}
    changed = {k: {"from": before[k], "to": v} for k, v in after.items() if before[k] != v}
    if not changed:
        return user
    user.full_name, user.role, user.language = full_name, role, language
    if "regions" in changed:
        session.execute(sa.delete(UserRegion).where(UserRegion.user_id == user.id))
        session.add_all(UserRegion(user_id=user.id, region=r) for r in chosen)
    audit(
        session,
        **actor.audit_fields(),
        action="user.update",
        entity_kind="user",
        entity_id=user.username,
        details=changed,
    )
    return user
