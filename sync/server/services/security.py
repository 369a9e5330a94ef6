"""Passwords (Argon2), device tokens (random, stored as SHA-256) and sign-in throttling."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from inspector_app.core import problems
from inspector_app.core.problems import Problem
from sync.server.persistence.models import LoginFailure

_hasher = PasswordHasher()
# verified against when the user does not exist, so timing does not reveal user names
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Throttle:
    """After `free` failures, each further attempt waits 2^(n-free) s, up to `max_delay` s."""

    free: int = 5
    max_delay: int = 900

    def wait_seconds(self, failures: int) -> int:
        if failures < self.free:
            return 0
        return min(self.max_delay, 2 ** (failures - self.free + 1))

    def check(self, session: Session, username: str, ip: str) -> None:
        row = session.get(LoginFailure, (username.lower(), ip))
        if row is None:
            return
        ready_at = aware(row.last_failure_at) + dt.timedelta(seconds=self.wait_seconds(row.failures))
        remaining = int((ready_at - utcnow()).total_seconds()) + 1
        if remaining > 0 and self.wait_seconds(row.failures):
            raise Problem(
                problems.TOO_MANY_ATTEMPTS,
                details={"retry_after": remaining},
                headers={"Retry-After": str(remaining)},
            )

    @staticmethod
    def failed(session: Session, username: str, ip: str) -> None:
        key = (username.lower(), ip)
        row = session.get(LoginFailure, key, with_for_update=True)
        if row is None:
            session.add(LoginFailure(username=key[0], ip=ip, failures=1, last_failure_at=utcnow()))
        else:
            row.failures += 1
            row.last_failure_at = utcnow()

    @staticmethod
    def succeeded(session: Session, username: str, ip: str) -> None:
        session.execute(
            sa.delete(LoginFailure).where(LoginFailure.username == username.lower(), LoginFailure.ip == ip)
        )
