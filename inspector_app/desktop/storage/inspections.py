"""Inspections and everything recorded in them. Every call is one committed transaction:
an answer is durable when `save_answer` returns."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa

from inspector_app.core.domain import measures as _measures  # noqa: F401  (registers its messages, "restored.negative" too)
from inspector_app.core.domain.codec import date_or_none, measure_from_json, person_from_json, to_json
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.forms import Form
from inspector_app.core.domain.models import (
    Answer,
    Degree,
    Finding,
    Inspection,
    InspectionMode,
    InspectionStatus,
    InspectionType,
    Measure,
    Person,
    RestoredChild,
    RestoredRights,
    RightsCategory,
    UnscheduledGround,
    Verdict,
)
from inspector_app.core.domain.restored import restored_counts, validate_child
from inspector_app.core.domain.workflow import derive_findings, finalisation_problems
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.engine import Database, sqlite_insert, sqlite_upsert

_I, _A, _F = models.inspections, models.answers, models.findings
_M, _R, _P = models.measures, models.restored_children, models.photos
_FAC, _SP = models.facilities, models.sync_problems


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


# The hot path (an answer a few seconds) runs as plain SQL: no statement compiling per call.
TOUCH_SQL = (
    "UPDATE inspections SET updated_at = ?, revision = CASE WHEN revision = synced_revision "
    "OR revision = sending_revision THEN revision + 1 ELSE revision END "
    "WHERE id = ? AND status = 'draft'"
)
UPSERT_ANSWER_SQL = (
    "INSERT INTO answers (inspection_id, item_id, verdict, value, note, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (inspection_id, item_id) DO UPDATE SET "
    "verdict = excluded.verdict, value = excluded.value, note = excluded.note, "
    "updated_at = excluded.updated_at"
)


def touch(connection, inspection_id: str) -> None:
    """Mark a draft changed (a new revision opens once the last one was synced); refuse
    any change to a finalised inspection. Takes a SQLAlchemy or a driver connection."""
    execute = getattr(connection, "exec_driver_sql", None) or connection.execute
    if execute(TOUCH_SQL, (now(), inspection_id)).rowcount != 1:
        raise UserError("inspection.locked")


def inspection_from_row(r) -> Inspection:
    return Inspection(
        id=r["id"],
        facility_id=r["facility_id"],
        form_id=r["form_id"],
        form_version=r["form_version"],
        form_hash=r["form_hash"],
        type=InspectionType(r["type"]),
        mode=InspectionMode(r["mode"]),
        appointment_number=r["appointment_number"],
        appointment_date=dt.date.fromisoformat(r["appointment_date"]),
        registration_mark=r["registration_mark"],
        ground=UnscheduledGround(r["ground"]) if r["ground"] else None,
        period_start=date_or_none(r["period_start"]),
        period_end=date_or_none(r["period_end"]),
        inspectors=[Person(**p) for p in r["inspectors"]],
        representative=person_from_json(r["representative"]),
        status=InspectionStatus(r["status"]),
        last_item_id=r["last_item_id"],
        created_at=dt.datetime.fromisoformat(r["created_at"]),
        finalised_at=dt.datetime.fromisoformat(r["finalised_at"]) if r["finalised_at"] else None,
        revision=r["revision"],
        registration_date=date_or_none(r["registration_date"]),
        objections=r["objections"] or "",
    )


class InspectionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- the inspection itself -------------------------------------------------------
    def create(self, inspection: Inspection) -> Inspection:
        stamp = now()
        row = {
            **{k: v for k, v in to_json(inspection).items() if k in _I.c},
            "id": inspection.id or str(uuid.uuid4()),
            "status": InspectionStatus.DRAFT.value,
            "created_at": stamp,
            "updated_at": stamp,
            "finalised_at": None,
            "revision": 1,
            "synced_revision": 0,
        }
        with self._db.write() as connection:
            connection.execute(sa.insert(_I).values(row))
        return self.get(row["id"])

    def get(self, inspection_id: str) -> Inspection:
        with self._db.read() as connection:
            row = connection.execute(sa.select(_I).where(_I.c.id == inspection_id)).mappings().one()
        return inspection_from_row(row)

    def summaries(self) -> list[dict]:
        """Plain rows for the list of inspections, newest first."""
        query = (
            sa.select(
                _I.c.id,
                _I.c.status,
                _I.c.type,
                _I.c.appointment_number,
                _I.c.appointment_date,
                _I.c.updated_at,
                _I.c.revision,
                _I.c.synced_revision,
                _I.c.review_state,
                _I.c.review_comment,
                _I.c.form_id,
                _FAC.c.name_kk,
                _FAC.c.name_ru,
                _FAC.c.region,
                _SP.c.kind.label("sync_problem"),
            )
            .join(_FAC, _FAC.c.id == _I.c.facility_id)
            .outerjoin(_SP, _SP.c.inspection_id == _I.c.id)
            .order_by(_I.c.updated_at.desc())
        )
        with self._db.read() as connection:
            return [dict(r) for r in connection.execute(query).mappings()]

    def review(self, inspection_id: str) -> tuple[str | None, str]:
        """The supervisor's decision as last synced: (returned / approved / None, comment)."""
        with self._db.read() as connection:
            row = connection.execute(
                sa.select(_I.c.review_state, _I.c.review_comment).where(_I.c.id == inspection_id)
            ).one()
        return row.review_state, row.review_comment or ""

    def review_item_comments(self, inspection_id: str) -> dict[str, str]:
        """The last synced review's comments on single items, by item id."""
        with self._db.read() as connection:
            found = connection.execute(
                sa.select(_I.c.review_item_comments).where(_I.c.id == inspection_id)
            ).scalar()
        return {c["item_id"]: c["comment"] for c in found or []}

    def set_position(self, inspection_id: str, item_id: str) -> None:
        """Where the inspector stopped; not a change of the record itself."""
        with self._db.write() as connection:
            connection.execute(sa.update(_I).where(_I.c.id == inspection_id).values(last_item_id=item_id))

    # --- answers -----------------------------------------------------------------------
    def save_answer(
        self,
        inspection_id: str,
        item_id: str,
        *,
        verdict: Verdict | None = None,
        value: str | None = None,
        note: str = "",
    ) -> Answer:
        stamp = now()
        with self._db.write_raw() as connection:
            touch(connection, inspection_id)
            connection.execute(
                UPSERT_ANSWER_SQL,
                (inspection_id, item_id, verdict.value if verdict else None, value, note, stamp),
            )
        return Answer(item_id, verdict, value, note, dt.datetime.fromisoformat(stamp))

    def answers(self, inspection_id: str) -> dict[str, Answer]:
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_A).where(_A.c.inspection_id == inspection_id))
            return {
                r.item_id: Answer(
                    r.item_id,
                    Verdict(r.verdict) if r.verdict else None,
                    r.value,
                    r.note,
                    dt.datetime.fromisoformat(r.updated_at),
                )
                for r in rows
            }

    # --- findings, measures, children whose rights were restored ------------------------
    def findings(self, inspection_id: str, form: Form) -> list[Finding]:
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_F).where(_F.c.inspection_id == inspection_id))
            stored = {
                r.item_id: Finding(
                    r.id, r.inspection_id, r.item_id, Degree(r.degree), r.description, r.no_measure_reason
                )
                for r in rows
            }
        return derive_findings(inspection_id, form, self.answers(inspection_id), stored)

    def save_finding(self, finding: Finding) -> None:
        row = {
            "id": finding.id,
            "inspection_id": finding.inspection_id,
            "item_id": finding.item_id,
            "degree": finding.degree.value,
            "description": finding.description,
            "no_measure_reason": finding.no_measure_reason,
        }
        with self._db.write() as connection:
            touch(connection, finding.inspection_id)
            connection.execute(sqlite_upsert(_F, row, ["id"]))

    def save_measure(self, measure: Measure) -> Measure:
        measure.id = measure.id or str(uuid.uuid4())
        row = {
            "id": measure.id,
            "inspection_id": measure.inspection_id,
            "kind": measure.kind.value,
            "data": to_json(measure),
            "created_at": now(),
        }
        with self._db.write() as connection:
            touch(connection, measure.inspection_id)
            connection.execute(
                sqlite_insert(_M)
                .values(row)
                .on_conflict_do_update(index_elements=["id"], set_={"data": row["data"], "kind": row["kind"]})
            )
        return measure

    def remove_measure(self, inspection_id: str, measure_id: str) -> None:
        with self._db.write() as connection:
            touch(connection, inspection_id)
            tied = connection.execute(
                sa.select(sa.func.count())
                .select_from(_R)
                .where(_R.c.inspection_id == inspection_id, _R.c.measure_id == measure_id)
            ).scalar()
            if tied:
                raise UserError("restored.measure_in_use", count=tied)
            connection.execute(
                sa.delete(_M).where(_M.c.id == measure_id, _M.c.inspection_id == inspection_id)
            )

    def measures(self, inspection_id: str) -> list[Measure]:
        with self._db.read() as connection:
            rows = connection.execute(
                sa.select(_M.c.data).where(_M.c.inspection_id == inspection_id).order_by(_M.c.created_at)
            )
            return [measure_from_json(r.data) for r in rows]

    def restored_children(self, inspection_id: str) -> list[RestoredChild]:
        """The children whose rights were restored, in the order they were entered."""
        with self._db.read() as connection:
            rows = connection.execute(
                sa.select(_R).where(_R.c.inspection_id == inspection_id).order_by(_R.c.position)
            )
            return [
                RestoredChild(
                    r.id, r.reference, [RightsCategory(c) for c in r.categories], r.finding_id, r.measure_id
                )
                for r in rows
            ]

    def restored(self, inspection_id: str) -> list[RestoredRights]:
        """Distinct children per category (a child counts once in each of its categories)."""
        return restored_counts(self.restored_children(inspection_id))

    def save_restored_child(self, inspection_id: str, child: RestoredChild, form: Form) -> RestoredChild:
        """Add a child, or change one already entered (same id); checked against the
        findings and measures the inspection has now."""
        if self.get(inspection_id).status is InspectionStatus.FINALISED:
            raise UserError("inspection.locked")
        validate_child(
            child,
            [f.id for f in self.findings(inspection_id, form)],
            [m.id for m in self.measures(inspection_id)],
        )
        child.id = child.id or str(uuid.uuid4())
        row = {
            "inspection_id": inspection_id,
            "id": child.id,
            "reference": child.reference,
            "categories": [c.value for c in child.categories],
            "finding_id": child.finding_id,
            "measure_id": child.measure_id,
        }
        with self._db.write() as connection:
            touch(connection, inspection_id)
            last = connection.execute(
                sa.select(sa.func.max(_R.c.position)).where(_R.c.inspection_id == inspection_id)
            ).scalar()
            connection.execute(
                sqlite_insert(_R)
                .values(position=(last or 0) + 1, **row)
                .on_conflict_do_update(index_elements=["inspection_id", "id"], set_=row)
            )
        return child

    def remove_restored_child(self, inspection_id: str, child_id: str) -> None:
        with self._db.write() as connection:
            touch(connection, inspection_id)
            connection.execute(sa.delete(_R).where(_R.c.inspection_id == inspection_id, _R.c.id == child_id))

    def set_objections(self, inspection_id: str, text: str) -> None:
        """The subject's objections to the act, as the inspector records them."""
        with self._db.write() as connection:
            touch(connection, inspection_id)
            connection.execute(sa.update(_I).where(_I.c.id == inspection_id).values(objections=text.strip()))

    # --- finalisation ------------------------------------------------------------------
    def problems(self, inspection_id: str, form: Form):
        with self._db.read() as connection:
            photo_counts: dict[str, int] = dict(
                connection.execute(
                    sa.select(_P.c.item_id, sa.func.count())
                    .where(_P.c.inspection_id == inspection_id)
                    .group_by(_P.c.item_id)
                ).all()
            )
        return finalisation_problems(
            form,
            self.answers(inspection_id),
            photo_counts,
            self.findings(inspection_id, form),
            self.measures(inspection_id),
        )

    def finalise(self, inspection_id: str, form: Form) -> Inspection:
        problems = self.problems(inspection_id, form)
        if problems:
            raise UserError("inspection.cannot_finalise", count=len(problems))
        with self._db.write() as connection:
            touch(connection, inspection_id)
            connection.execute(
                sa.update(_I)
                .where(_I.c.id == inspection_id)
                .values(status=InspectionStatus.FINALISED.value, finalised_at=now())
            )
        return self.get(inspection_id)


register_messages(
    {
        "restored.measure_in_use": {
            "kk": "Бұл шараға құқықтары қалпына келтірілген {count} бала байланған. "
            "Алдымен оларды басқа шараға байлаңыз немесе тізімнен алып тастаңыз.",
            "ru": "К этой мере привязаны дети, права которых восстановлены ({count}). "
            "Сначала привяжите их к другой мере или уберите из списка.",
            "en": "{count} children whose rights were restored are tied to this measure. "
            "Tie them to another measure or remove them from the list first.",
        },
    }
)
