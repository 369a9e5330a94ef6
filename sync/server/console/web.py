"""What every console page needs: the signed-in user, the language, templates, CSRF."""

from __future__ import annotations

import functools
import secrets
from dataclasses import dataclass
from pathlib import Path

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from sync.server.api.deps import Services, client_ip
from sync.server.console import i18n, sessions
from sync.server.console.sessions import SessionRules, Signed
from sync.server.services.audit import audit

HERE = Path(__file__).parent
PRE_COOKIE = "inspector_console_pre"  # CSRF token of forms shown before sign-in (double submit)
LANG_COOKIE = "inspector_console_lang"
CONSOLE_ROLES = ("supervisor", "administrator")
HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "form-action 'self'; object-src 'none'",
}


class ConsoleError(Exception):
    """Shown as a page with its status: a message id (translated) and its parameters."""

    def __init__(self, status: int, message: str, **params) -> None:
        super().__init__(message)
        self.status, self.message, self.params = status, message, params


class SignInNeeded(Exception):
    pass


@functools.cache
def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # a method the jinja2.ext.i18n extension adds to the environment, unknown to its types
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["local"] = local_time
    return env


def local_time(moment):
    """A stored moment (UTC; SQLite gives it back naive) in Kazakhstan's time."""
    from sync.server.services.documents import KAZAKHSTAN
    from sync.server.services.security import aware

    if moment is None or not hasattr(moment, "astimezone"):
        return moment
    return aware(moment).astimezone(KAZAKHSTAN)


@dataclass
class Page:
    """A request of the console: its services, user (if signed in) and language."""

    request: Request
    services: Services
    rules: SessionRules
    signed: Signed | None
    lang: str
    pre_token: str = ""  # set when a form is shown before sign-in

    @property
    def signed_in(self) -> Signed:
        """The session of a page from `signed_page`, which refuses a page without one."""
        if self.signed is None:
            raise SignInNeeded()
        return self.signed

    @property
    def csrf(self) -> str:
        if self.signed is not None:
            return self.signed.csrf_token
        if not self.pre_token:
            self.pre_token = self.request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(32)
        return self.pre_token

    def gettext(self, message: str, **params) -> str:
        text = i18n.translations(self.lang).gettext(message)
        return text % params if params else text

    def render(self, template: str, status: int = 200, **values) -> HTMLResponse:
        html = (
            environment(self.lang)
            .get_template(template)
            .render(page=self, lang=self.lang, languages=i18n.NAMES, signed=self.signed, **values)
        )
        response = HTMLResponse(html, status_code=status, headers=HEADERS)
        if self.signed is None and self.pre_token:
            self.set_cookie(response, PRE_COOKIE, self.pre_token, max_age=3600)
        return response

    def secure(self) -> bool:
        return self.rules.secure_cookie or self.request.url.scheme == "https"

    def set_cookie(self, response, name: str, value: str, max_age: int | None = None) -> None:
        response.set_cookie(
            name, value, max_age=max_age, path="/console", httponly=True, samesite="lax", secure=self.secure()
        )

    def audit(self, action: str, entity_kind: str, entity_id: str, details: dict | None = None) -> None:
        user_id = self.signed.principal.user_id if self.signed else None
        with self.services.db.write() as session:
            audit(
                session,
                user_id=user_id,
                device_id=None,
                action=action,
                entity_kind=entity_kind,
                entity_id=entity_id,
                details={"ip": client_ip(self.request), "via": "console", **(details or {})},
            )

    def check_csrf(self, form: FormData) -> None:
        """Refuse a POST whose form does not carry this session's token (or, before sign-in,
        the token of the pre-session cookie)."""
        given = form.get("csrf")
        expected = self.signed.csrf_token if self.signed else self.request.cookies.get(PRE_COOKIE)
        if not sessions.same_token(expected, given if isinstance(given, str) else None):
            self.audit("console.csrf_refused", "console", self.request.url.path[:100])
            raise ConsoleError(403, "csrf")


def page_of(request: Request) -> Page:
    """The console page of a request: reads the session cookie and picks the language."""
    services: Services = request.app.state.services
    rules: SessionRules = request.app.state.console_rules
    with services.db.read() as session:
        signed, stale = sessions.lookup(session, request.cookies.get(sessions.COOKIE), rules)
    if signed is not None and stale:
        with services.db.write() as session:
            sessions.touch(session, signed.id_hash)
    chosen = (signed.language if signed else None) or request.cookies.get(LANG_COOKIE)
    lang = i18n.pick(chosen, request.headers.get("accept-language", ""))
    return Page(request, services, rules, signed, lang)


def signed_page(request: Request) -> Page:
    page = page_of(request)
    if page.signed is None:
        raise SignInNeeded()
    return page
