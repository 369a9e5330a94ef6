"""Passwords (Argon2), device tokens (random, stored as SHA-256) and sign-in throttling."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import secrets
import threading
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector_app.core import passwords, problems
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


# Argon2 takes ~64 MiB and all of a core for a good fraction of a second: at most half the
# cores check passwords at once, so guesses queue here instead of starving the rest.
_checks = threading.BoundedSemaphore(max(1, (os.cpu_count() or 2) // 2))


def hash_password(password: str) -> str:
    with _checks:
        return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        with _checks:
            return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Throttle:
    """After `free` failures, each further attempt waits 2^(n-free+1) s after the last one,
    up to `max_delay` s (with free = 5: 2^(n-4) s, as PROTOCOL.md says).

    An attempt is counted *before* its password is checked, in one short transaction that
    holds the row's lock (`SELECT ... FOR UPDATE` on PostgreSQL, the write lock on SQLite):
    parallel guesses queue on that row, so only `free` of them ever reach the password
    check, and the check itself (Argon2, ~50 ms) runs outside any transaction."""

    free: int = 5
    max_delay: int = 900

    def wait_seconds(self, failures: int) -> int:
        if failures < self.free:
            return 0
        return min(self.max_delay, 2 ** (failures - self.free + 1))

    def reserve(self, session: Session, username: str, ip: str) -> None:
        """Count an attempt, or refuse it (42901) while the caller must wait."""
        key = (username.lower()[:200], ip)
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(
            insert(LoginFailure)
            .values(username=key[0], ip=ip, failures=0, last_failure_at=utcnow())
            .on_conflict_do_nothing()
        )
        row = session.get(LoginFailure, key, with_for_update=True, populate_existing=True)
        assert row is not None  # inserted just above when missing
        wait = self.wait_seconds(row.failures)
        if wait:
            remaining = math.ceil(
                (aware(row.last_failure_at) + dt.timedelta(seconds=wait) - utcnow()).total_seconds()
            )
            if remaining > 0:
                raise Problem(
                    problems.TOO_MANY_ATTEMPTS,
                    details={"retry_after": remaining},
                    headers={"Retry-After": str(remaining)},
                )
        row.failures += 1
        row.last_failure_at = utcnow()

    @staticmethod
    def succeeded(session: Session, username: str, ip: str) -> None:
        session.execute(
            sa.delete(LoginFailure).where(
                LoginFailure.username == username.lower()[:200], LoginFailure.ip == ip
            )
        )


# --- user names and passwords -----------------------------------------------------------

MIN_PASSWORD_CHARS = passwords.MIN_PASSWORD_CHARS


def normalise_username(name: str) -> str:
    """NFKC, lower case; what a user types at sign-in is compared in this form."""
    return unicodedata.normalize("NFKC", name).strip().lower()


def checked_username(name: str) -> str:
    """The stored form of a new user name, or 42206: no spaces at its ends, no control or
    invisible (format) characters, and no line or paragraph breaks."""
    normal = unicodedata.normalize("NFKC", name)
    bad = [c for c in normal if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")]
    if not normal.strip() or normal != normal.strip() or bad:
        raise Problem(
            problems.BAD_USERNAME,
            details={"characters": [f"U+{ord(c):04X}" for c in bad[:5]]},
        )
    return normal.lower()


def check_password_policy(password: str, username: str = "") -> None:
    """42207 unless the password follows the policy (`inspector_app.core.passwords`)."""
    if passwords.is_weak(password, username):
        raise Problem(problems.WEAK_PASSWORD, details={"min_length": MIN_PASSWORD_CHARS})
