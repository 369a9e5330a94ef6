"""Realistic inspection records and photo bytes for drills and benchmarks."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
import uuid

from inspector_app.core.protocol import InspectionRecord

VERDICTS = ("complies", "violated", "not_applicable")
NOTES = (
    "Бейнебақылау жоқ",
    "Медициналық кабинет бар, мейірбике жоқ",
    "Меню ілінбеген",
    "Тревожная кнопка не работает",
    "QR-код 111 вывешен",
    "",
)


@functools.cache
def demo_facility(region: str, nth: int = 0) -> str:
    """The id of the nth facility of the server's demo register (`seed-demo`) in a region."""
    from sync.server.services.seed import demo_facilities

    return [f.id for f in demo_facilities() if f.region == region][nth]


def photo_bytes(size: int, seed: int) -> bytes:
    """Incompressible bytes, like a JPEG (random.randbytes is fast and reproducible)."""
    return random.Random(seed).randbytes(size)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inspection(
    facility_id: str,
    *,
    answers: int = 20,
    photos: dict[str, bytes] | None = None,
    status: str = "finalised",
    seed: int = 0,
    record_id: str | None = None,
) -> InspectionRecord:
    rng = random.Random(seed)
    rid = record_id or str(uuid.UUID(int=rng.getrandbits(128), version=4))
    moment = dt.datetime(2025, 5, 14, 9, 30, tzinfo=dt.UTC)
    items = [f"s{n // 20 + 1}.i{n % 20 + 1}" for n in range(answers)]
    return InspectionRecord.model_validate(
        {
            "id": rid,
            "revision": 1,
            "base_revision": 0,
            "header": {
                "id": rid,
                "facility_id": facility_id,
                "form_id": "school",
                "form_version": 1,
                "form_hash": "0" * 64,
                "type": "unscheduled",
                "mode": "on_site",
                "appointment_number": f"ӘҚ-{seed:05d}",
                "appointment_date": "2025-05-12",
                "ground": "complaint",
                "inspectors": [{"name": "Айгүл Сәрсенова", "position": "бас маман"}],
                "representative": {"name": "Өмірзақ Құлмағамбетов", "position": "директор"},
                "status": status,
                "created_at": moment.isoformat(),
                "finalised_at": moment.isoformat() if status == "finalised" else None,
            },
            "answers": [
                {
                    "item_id": item,
                    "verdict": rng.choice(VERDICTS),
                    "note": rng.choice(NOTES),
                    "updated_at": (moment + dt.timedelta(seconds=i)).isoformat(),
                }
                for i, item in enumerate(items)
            ],
            "findings": [
                {
                    "id": f"f{i}",
                    "inspection_id": rid,
                    "item_id": item,
                    "degree": "significant",
                    "description": "Талап бұзылған / требование нарушено",
                }
                for i, item in enumerate(items[:3])
            ],
            "photos": [
                {
                    "id": f"p{i}",
                    "inspection_id": rid,
                    "item_id": items[i % len(items)],
                    "sha256": sha256(data),
                    "size": len(data),
                    "taken_at": moment.isoformat(),
                    "filename": f"IMG_{i:04d}.jpg",
                }
                for i, data in enumerate((photos or {}).values())
            ],
        }
    )
