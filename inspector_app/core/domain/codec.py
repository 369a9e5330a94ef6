"""Domain records to and from JSON-able dicts (storage columns and the sync payload)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from inspector_app.core.domain.models import (
    BusinessSize,
    IdDocument,
    IdDocumentKind,
    Localized,
    Measure,
    MeasureKind,
    Offender,
    OffenderKind,
    Person,
)


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


def localized(data: dict[str, Any] | str | None) -> Localized:
    """Per-language text; a plain string (kept before texts were entered per language) is
    taken as both languages, so a document prints it once, as it was typed."""
    if isinstance(data, str):
        return Localized(data, data)
    return Localized(**data) if data else Localized()


def person_from_json(data: dict[str, Any] | None) -> Person | None:
    return Person(**data) if data else None


def id_document_from_json(data: dict[str, Any] | None) -> IdDocument | None:
    if not data:
        return None
    return IdDocument(
        IdDocumentKind(data.get("kind", "id_card")),
        data.get("number", ""),
        localized(data.get("issued_by")),
        date_or_none(data.get("issued_on")),
    )


def offender_from_json(data: dict[str, Any] | None) -> Offender | None:
    if not data:
        return None
    size = data.get("business_size")
    return Offender(
        **{
            **data,
            "kind": OffenderKind(data["kind"]),
            "birth_date": date_or_none(data.get("birth_date")),
            "position": localized(data.get("position")),
            "workplace": localized(data.get("workplace")),
            "id_document": id_document_from_json(data.get("id_document")),
            "representative": person_from_json(data.get("representative")),
            "attorney_date": date_or_none(data.get("attorney_date")),
            "business_size": BusinessSize(size) if size else None,
            "prior_penalties": localized(data.get("prior_penalties")),
        }
    )


def measure_from_json(data: dict[str, Any]) -> Measure:
    return Measure(
        **{
            **data,
            "kind": MeasureKind(data["kind"]),
            "offender": offender_from_json(data.get("offender")),
            "offence_date": date_or_none(data.get("offence_date")),
            "witnesses": [Person(**w) for w in data.get("witnesses", [])],
            "victims": [Person(**v) for v in data.get("victims", [])],
            "offence_time": dt.time.fromisoformat(data["offence_time"]) if data.get("offence_time") else None,
            "deadlines": {k: dt.date.fromisoformat(v) for k, v in data.get("deadlines", {}).items()},
            "official": person_from_json(data.get("official")),
            "substance": localized(data.get("substance")),
            "explanation": localized(data.get("explanation")),
            "required_action": localized(data.get("required_action")),
            "actions": {k: localized(v) for k, v in data.get("actions", {}).items()},
            "text": localized(data.get("text")),
            "addressee": localized(data.get("addressee")),
            "employer": localized(data.get("employer")),
        }
    )
