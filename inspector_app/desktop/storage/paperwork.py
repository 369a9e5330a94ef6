"""Document numbers, rendered-document records and on-screen signatures of inspections."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import sqlalchemy as sa

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.engine import Database, sqlite_upsert
from inspector_app.desktop.storage.inspections import now

_D, _S, _SEQ, _I = models.documents, models.signatures, models.sequences, models.inspections


class PaperworkRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def numbers(
        self, inspection_id: str, wanted: list[tuple[str, str | None]], make_number, year: int
    ) -> dict[tuple[str, str | None], str]:
        """The number of each (kind code, measure id) document; new ones take the next
        value of this laptop's per-year, per-kind sequence, once and for ever."""
        result = {}
        with self._db.write() as connection:
            for kind, measure_id in wanted:
                found = connection.execute(
                    sa.select(_D.c.number).where(
                        _D.c.inspection_id == inspection_id,
                        _D.c.kind == kind,
                        _D.c.measure_id.is_(None) if measure_id is None else _D.c.measure_id == measure_id,
                    )
                ).scalar()
                if found is None:
                    found = make_number(kind, self._next(connection, f"{year}:{kind}"))
                    connection.execute(
                        sa.insert(_D).values(
                            id=str(uuid.uuid4()),
                            inspection_id=inspection_id,
                            kind=kind,
                            number=found,
                            sha256="",
                            language="",
                            measure_id=measure_id,
                            created_at=now(),
                        )
                    )
                result[(kind, measure_id)] = found
        return result

    @staticmethod
    def _next(connection: sa.Connection, name: str) -> int:
        current = connection.execute(sa.select(_SEQ.c.value).where(_SEQ.c.name == name)).scalar() or 0
        connection.execute(sqlite_upsert(_SEQ, {"name": name, "value": current + 1}, ["name"]))
        return current + 1

    def record(self, number: str, sha256: str, language: str, inputs: dict | None = None) -> None:
        """The hash a printed document carries, kept to check the paper later, and the
        inputs it was drawn from beyond the record (sent so the server can compute it too)."""
        values = {"sha256": sha256, "language": language}
        if inputs is not None:
            values["inputs"] = json.dumps(inputs, ensure_ascii=False, sort_keys=True)
        with self._db.write() as connection:
            connection.execute(sa.update(_D).where(_D.c.number == number).values(**values))

    def documents(self, inspection_id: str) -> list[dict]:
        with self._db.read() as connection:
            return [
                dict(r)
                for r in connection.execute(
                    sa.select(_D).where(_D.c.inspection_id == inspection_id)
                ).mappings()
            ]

    def sign(self, inspection_id: str, role: str, signer: str, png: bytes, record_hash: str) -> None:
        """Bind a signature to the finalised record it signs."""
        with self._db.write() as connection:
            status = connection.execute(sa.select(_I.c.status).where(_I.c.id == inspection_id)).scalar()
            if status != "finalised":
                raise UserError("signature.not_finalised")
            connection.execute(
                sqlite_upsert(
                    _S,
                    {
                        "inspection_id": inspection_id,
                        "role": role,
                        "signer": signer,
                        "png": png,
                        "record_hash": record_hash,
                        "signed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    },
                    ["inspection_id", "role"],
                )
            )

    def signatures(self, inspection_id: str, record_hash: str) -> dict[str, bytes]:
        """Signatures that sign exactly this content; any other would be a forgery."""
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_S).where(_S.c.inspection_id == inspection_id)).mappings()
            return {r["role"]: r["png"] for r in rows if r["record_hash"] == record_hash}


register_messages(
    {
        "signature.not_finalised": {
            "kk": "Қол қою үшін алдымен тексеруді аяқтаңыз: қол қойылған жазба өзгермеуі керек.",
            "ru": "Чтобы подписать, сначала завершите проверку: подписанная запись не должна меняться.",
            "en": "Finalise the inspection before signing: a signed record must not change.",
        },
    }
)
