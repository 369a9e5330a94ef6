"""Publishing and retiring checklist versions on the server. A version is immutable once
published; retiring one keeps it (inspections made with it still open and render) and
tells laptops, through the change log, to stop offering it for new inspections."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import problems
from inspector_app.core.forms import loader
from inspector_app.core.problems import Problem
from sync.server.persistence.models import FormRow
from sync.server.services.audit import audit
from sync.server.services.changes import ChangeEntry, record_changes
from sync.server.services.principal import Principal
from sync.server.services.registry import upsert_form
from sync.server.services.security import utcnow

MAX_FORM_BYTES = 512 * 1024  # the largest form shipped is about 40 KiB


@dataclass(frozen=True)
class Published:
    form_id: str
    version: int
    new: bool  # False: the same version with the same content was already there


def publish_text(session: Session, actor: Principal, text: str, source: str) -> Published:
    """Check a form file's text with the strict loader (`FormError` names line and key) and
    publish it; the same version with other content is refused (`Problem` DUPLICATE)."""
    form = loader.form_from_text(text, source)
    if session.get(FormRow, (form.id, form.version)) is None:
        older = session.scalar(sa.select(sa.func.max(FormRow.version)).where(FormRow.form_id == form.id))
        if older is not None and form.version < older:
            raise Problem(
                problems.VALIDATION_FAILED,
                "A newer version of this form is published; give the next version number.",
                details={"form": form.id, "version": form.version, "newest": older},
            )
    content = loader.form_content(form)
    new = upsert_form(session, actor, content, loader.content_hash(content))
    return Published(form.id, form.version, new)


def retire(session: Session, actor: Principal, form_id: str, version: int) -> bool:
    """Retire a version (True), or nothing if it is already retired (False)."""
    row = session.get(FormRow, (form_id, version))
    if row is None:
        raise Problem(problems.NOT_FOUND, details={"form": form_id, "version": version})
    if row.retired_at is not None:
        return False
    row.retired_at = utcnow()
    entity = f"{form_id}@{version}"
    audit(session, **actor.audit_fields(), action="form.retire", entity_kind="form", entity_id=entity)
    # "deleted" with the content still sent: laptops keep it for inspections made with it
    record_changes(session, [ChangeEntry("form", entity, deleted=True)])
    return True


def versions(session: Session) -> list[FormRow]:
    return list(session.scalars(sa.select(FormRow).order_by(FormRow.form_id, FormRow.version)))
