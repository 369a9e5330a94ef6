"""Console sessions: a random id in an HttpOnly cookie, its SHA-256 in the database, a
synchronizer CSRF token per session, idle and absolute expiry."""

from __future__ import annotations

import datetime as dt
import hmac
import os
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sync.server.persistence.models import ConsoleSession, User
from sync.server.services.principal import Principal
from sync.server.services.security import aware, token_hash, utcnow
from sync.server.services.users import user_regions

COOKIE = "inspector_console"
TOUCH_EVERY = dt.timedelta(seconds=60)  # last-seen is written at most this often


@dataclass(frozen=True)
class SessionRules:
    idle: dt.timedelta
    absolute: dt.timedelta
    secure_cookie: bool  # Secure even when the request arrives as plain http (behind a proxy)

    @classmethod
    def from_env(cls) -> SessionRules:
        return cls(
            idle=dt.timedelta(minutes=int(os.environ.get("INSPECTOR_CONSOLE_IDLE_MINUTES", 30))),
            absolute=dt.timedelta(hours=int(os.environ.get("INSPECTOR_CONSOLE_MAX_HOURS", 12))),
            secure_cookie=os.environ.get("INSPECTOR_CONSOLE_SECURE_COOKIE", "") in ("1", "true", "yes"),
        )


@dataclass(frozen=True)
class Signed:
    """The signed-in user of a request."""

    principal: Principal
    full_name: str
    language: str | None
    csrf_token: str
    id_hash: str


def start(session: Session, user: User, rules: SessionRules, ip: str) -> tuple[str, str]:
    """A new session for the user: (cookie value, CSRF token)."""
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        ConsoleSession(
            id_hash=token_hash(cookie),
            user_id=user.id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
            expires_at=now + rules.absolute,
            ip=ip[:64],
        )
    )
    return cookie, csrf


def lookup(session: Session, cookie: str | None, rules: SessionRules) -> tuple[Signed | None, bool]:
    """The signed-in user of a cookie (None if unknown, expired or the user is inactive),
    and whether its last-seen time is worth writing."""
    if not cookie or len(cookie) > 200:
        return None, False
    found = session.execute(
        sa.select(ConsoleSession, User)
        .join(User, User.id == ConsoleSession.user_id)
        .where(ConsoleSession.id_hash == token_hash(cookie))
    ).first()
    if found is None:
        return None, False
    row, user = found
    now = utcnow()
    if not user.active or aware(row.expires_at) <= now or aware(row.last_seen_at) + rules.idle <= now:
        return None, False
    principal = Principal(
        user_id=user.id,
        username=user.username,
        role=user.role,
        regions=frozenset(user_regions(session, user.id)),
    )
    signed = Signed(principal, user.full_name or user.username, user.language, row.csrf_token, row.id_hash)
    return signed, now - aware(row.last_seen_at) > TOUCH_EVERY


def touch(session: Session, id_hash: str) -> None:
    session.execute(
        sa.update(ConsoleSession).where(ConsoleSession.id_hash == id_hash).values(last_seen_at=utcnow())
    )


def end(session: Session, id_hash: str) -> None:
    session.execute(sa.delete(ConsoleSession).where(ConsoleSession.id_hash == id_hash))


def end_expired(session: Session, rules: SessionRules) -> None:
    """Forget sessions past either expiry (run at each sign-in)."""
    now = utcnow()
    session.execute(
        sa.delete(ConsoleSession).where(
            sa.or_(ConsoleSession.expires_at <= now, ConsoleSession.last_seen_at <= now - rules.idle)
        )
    )


def same_token(expected: str | None, given: str | None) -> bool:
    return bool(expected and given and hmac.compare_digest(expected.encode(), given.encode()))
