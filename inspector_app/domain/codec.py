"""Domain records to and from JSON-able dicts (storage columns and the sync payload)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from .models import Measure, MeasureKind, Offender, OffenderKind, Person


def to_json(value: Any) -> Any:
    """Dataclasses, enums and dates become plain JSON values; the rest passes through."""
    if dataclasses.is_dataclass(value):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


def date_or_none(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def person_from_json(data: dict | None) -> Person | None:
    return Person(**data) if data else None


def offender_from_json(data: dict | None) -> Offender | None:
    if not data:
        return None
    return Offender(**{**data, "kind": OffenderKind(data["kind"]),
                       "birth_date": date_or_none(data.get("birth_date"))})


def measure_from_json(data: dict) -> Measure:
    return Measure(**{
        **data,
        "kind": MeasureKind(data["kind"]),
        "offender": offender_from_json(data.get("offender")),
        "offence_date": date_or_none(data.get("offence_date")),
        "witnesses": [Person(**w) for w in data.get("witnesses", [])],
        "victims": [Person(**v) for v in data.get("victims", [])],
        "offence_time": dt.time.fromisoformat(data["offence_time"]) if data.get("offence_time") else None,
        "deadlines": {k: dt.date.fromisoformat(v) for k, v in data.get("deadlines", {}).items()},
        "official": person_from_json(data.get("official")),
    })
