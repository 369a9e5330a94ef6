"""Administration in the console: reading the forms of the users' pages and turning what the
user services refuse into messages beside the fields. The rules themselves (roles, regions,
user names, the password policy) live in services/users.py and services/security.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from inspector_app.core import problems
from inspector_app.core.problems import Problem
from sync.server.console.i18n import N_
from sync.server.services.audit import AuditQuery
from sync.server.services.documents import KAZAKHSTAN
from sync.server.services.users import LANGUAGES, ROLES

REQUIRED = N_("Fill in this field.")
BAD_CHOICE = N_("Choose one of the offered values.")
REGION_NEEDED = N_("Choose at least one region: inspectors and supervisors work in theirs.")
USERNAME_TAKEN = N_("This user name is taken: choose another.")
BAD_USERNAME = N_("A user name cannot be empty, begin or end with a space, or hold invisible characters.")
WEAK_PASSWORD = N_("This password does not meet the rules beside the field: choose another.")
OWN_ROLE = N_("You cannot change your own role.")
BAD_DATE = N_("Enter a date as YYYY-MM-DD.")
REVERSED = N_("The start of the period is later than its end.")
PAGE_SIZE = 50


@dataclass
class UserForm:
    """The values of a user's form and the messages beside its fields."""

    values: dict = field(default_factory=dict)
    regions: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def read_user_form(form, known_regions: set[str], *, new: bool) -> UserForm:
    """The values of the create (new) or edit form, with the checks no service makes: fields
    filled in, and a region for anyone but an administrator."""
    names = (
        ("username", "password", "full_name", "role", "language")
        if new
        else ("full_name", "role", "language")
    )
    values = {n: str(form.get(n) or "")[: 1000 if n == "password" else 200] for n in names}
    for n in names:
        if n != "password":
            values[n] = values[n].strip()
    checked = UserForm(values, sorted({str(r)[:16] for r in form.getlist("regions")}))
    errors = checked.errors
    for n in ("username", "password", "full_name") if new else ("full_name",):
        if not values[n]:
            errors[n] = REQUIRED
    if values["role"] not in ROLES:
        errors["role"] = REQUIRED if not values["role"] else BAD_CHOICE
    if values.get("language") and values["language"] not in LANGUAGES:
        errors["language"] = BAD_CHOICE
    if set(checked.regions) - known_regions:
        errors["regions"] = BAD_CHOICE
    elif values["role"] in ("inspector", "supervisor") and not checked.regions:
        errors["regions"] = REGION_NEEDED
    return checked


def field_of(problem: Problem) -> tuple[str, str] | None:
    """The field a service's refusal belongs to, and its message; None for other problems."""
    kind = problem.kind
    if kind is problems.WEAK_PASSWORD:
        return "password", WEAK_PASSWORD
    if kind is problems.BAD_USERNAME:
        return "username", BAD_USERNAME
    if kind is problems.DUPLICATE:
        return "username", USERNAME_TAKEN
    if kind is problems.VALIDATION_FAILED:
        details = problem.details or {}
        if "regions" in details:
            return "regions", BAD_CHOICE
        if "language" in details:
            return "language", BAD_CHOICE
        if "role" in details:
            return "role", BAD_CHOICE
        if details.get("reason") == "own_role":
            return "role", OWN_ROLE
    return None


def user_filters(params, known_regions: set[str]) -> dict:
    """The list's filters: role, region and state (active / inactive), unknown values dropped."""
    role = str(params.get("role") or "")
    region = str(params.get("region") or "")
    active = str(params.get("active") or "")
    return {
        "role": role if role in ROLES else "",
        "region": region if region in known_regions else "",
        "active": active if active in ("yes", "no") else "",
    }


@dataclass
class AuditFilters:
    form: dict
    errors: dict[str, str]
    query: AuditQuery
    page: int


def audit_filters(params) -> AuditFilters:
    """The log's filters: user, record, action and a period of local days (Kazakhstan)."""
    form = {n: str(params.get(n) or "").strip()[:100] for n in ("user", "record", "action", "from", "to")}
    errors: dict[str, str] = {}
    start, end = _day(form["from"]), _day(form["to"])
    for name, day in (("from", start), ("to", end)):
        if form[name] and day is None:
            errors[name] = BAD_DATE
    if start and end and start > end:
        errors["from"] = REVERSED
    try:
        number = max(1, min(int(str(params.get("page") or "1")), 1_000_000))
    except ValueError:
        number = 1
    query = AuditQuery(
        user=form["user"].lower(),
        entity_id=form["record"],
        action=form["action"],
        start=_moment(start) if start and not errors else None,
        end=_moment(end + dt.timedelta(days=1)) if end and not errors else None,
    )
    return AuditFilters(form, errors, query, number)


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _moment(day: dt.date) -> dt.datetime:
    """The start of a local day, in UTC (as the log stores its moments)."""
    return dt.datetime.combine(day, dt.time(), KAZAKHSTAN).astimezone(dt.UTC)


# What each audited action is called in the log's page; an action missing here is shown as
# its code. Also the action filter's choices: the log is not scanned for them.
AUDIT_ACTIONS: dict[str, str] = {
    "article.set": N_("Article of the Code changed"),
    "assignment.create": N_("Inspection planned"),
    "attachment.rejected": N_("Attachment refused"),
    "attachment.verified": N_("Attachment verified"),
    "auth.failed": N_("Failed sign-in"),
    "console.admin_refused": N_("Administration page refused"),
    "body.add": N_("Competent body added"),
    "body.set": N_("Competent body changed"),
    "console.article": N_("Article edited in the console"),
    "console.audit_verify": N_("Hash chain checked"),
    "console.body": N_("Competent body edited in the console"),
    "console.csrf_refused": N_("Form refused: no valid security token"),
    "console.diff": N_("Revisions of an inspection compared"),
    "console.district": N_("District edited in the console"),
    "console.document": N_("Document of an inspection opened"),
    "console.form_publish": N_("Checklist published in the console"),
    "console.form_retire": N_("Checklist retired in the console"),
    "console.language": N_("Console language changed"),
    "console.mrp": N_("MRP changed in the console"),
    "console.region": N_("Region name edited in the console"),
    "console.signin": N_("Signed in to the console"),
    "console.signin_refused": N_("Sign-in to the console refused"),
    "console.signout": N_("Signed out of the console"),
    "console.view": N_("Inspection viewed"),
    "device.enrol": N_("Device enrolled"),
    "device.revoke": N_("Device revoked"),
    "district.add": N_("District added"),
    "district.set": N_("District changed"),
    "facility.edit": N_("Facility edited"),
    "facility.special_control": N_("Special control changed"),
    "facility.upsert": N_("Facility imported or updated"),
    "form.publish": N_("Checklist published"),
    "form.publish_refused": N_("Checklist refused at publication"),
    "form.retire": N_("Checklist retired"),
    "mrp.set": N_("MRP set"),
    "order.executed": N_("Order item marked executed"),
    "order.follow_up": N_("Follow-up inspection planned"),
    "order.not_executed": N_("Order item marked not executed"),
    "order.report": N_("Execution report received"),
    "outcome.save": N_("Outcome of a measure recorded"),
    "record.create": N_("Inspection received"),
    "record.update": N_("Inspection updated"),
    "region.set": N_("Region name changed"),
    "register.import": N_("Register imported"),
    "register.import_refused": N_("Register file refused"),
    "review.approved": N_("Inspection approved"),
    "review.returned": N_("Inspection returned for correction"),
    "statistics.download": N_("Statistics export downloaded"),
    "statistics.export": N_("Statistics exported"),
    "statistics.lock": N_("Statistics period locked"),
    "statistics.unlock": N_("Statistics period unlocked"),
    "user.activate": N_("User activated"),
    "user.create": N_("User created"),
    "user.deactivate": N_("User deactivated"),
    "user.password_change": N_("Password changed"),
    "user.password_reset": N_("Password reset"),
    "user.update": N_("User changed"),
}


def action_name(code: str, gettext) -> str:
    """An audited action in the reader's language (`gettext` of the page); unknown: its code."""
    message = AUDIT_ACTIONS.get(code)
    return gettext(message) if message else code


def action_choices(chosen: str, gettext) -> list[tuple[str, str]]:
    """The action filter's choices, (code, name) in the order of the names; an unknown code
    asked for stays among them."""
    codes = set(AUDIT_ACTIONS) | ({chosen} if chosen else set())
    return sorted(((c, action_name(c, gettext)) for c in codes), key=lambda pair: pair[1].casefold())
