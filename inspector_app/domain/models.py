"""Plain records of the inspection domain: no Qt, no SQL.

The storage layer turns its rows into these; the UI, the document renderer and the
sync client only ever see these.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class FacilityKind(StrEnum):
    SCHOOL = "school"
    CAMP = "camp"
    ORPHANAGE = "orphanage"
    SPECIAL_NEEDS = "special_needs"


class RiskDegree(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class InspectionType(StrEnum):
    SCHEDULED = "scheduled"
    UNSCHEDULED = "unscheduled"
    SURPRISE = "surprise"


class UnscheduledGround(StrEnum):
    ORDER_FOLLOW_UP = "order_follow_up"
    COMPLAINT = "complaint"
    PROSECUTOR = "prosecutor"
    STATE_BODY = "state_body"
    MEDIA = "media"
    CRIMINAL_PROSECUTION = "criminal_prosecution"


class InspectionMode(StrEnum):
    ON_SITE = "on_site"
    DESK = "desk"


class InspectionStatus(StrEnum):
    DRAFT = "draft"
    FINALISED = "finalised"


class Degree(StrEnum):
    GROSS = "gross"
    SIGNIFICANT = "significant"
    MINOR = "minor"


class Verdict(StrEnum):
    COMPLIES = "complies"
    VIOLATED = "violated"
    NOT_APPLICABLE = "not_applicable"


class MeasureKind(StrEnum):
    PROTOCOL = "protocol"
    ORDER = "order"
    RECOMMENDATION = "recommendation"
    DISCIPLINARY = "disciplinary"


class OffenderKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class RightsCategory(StrEnum):
    HOUSING = "housing"
    PROPERTY = "property"
    FAMILY = "family"
    EDUCATION = "education"
    PSYCH_SUPPORT = "psych_support"
    WELLBEING = "wellbeing"
    MEALS_HEALTH = "meals_health"
    SAFETY = "safety"


@dataclass(frozen=True)
class Bilingual:
    """A text in the state language and in Russian (English optional, for the UI)."""
    kk: str
    ru: str
    en: str = ""

    def get(self, lang: str) -> str:
        return getattr(self, lang, "") or self.ru


@dataclass(frozen=True)
class Region:
    code: str
    name: Bilingual


@dataclass
class Facility:
    id: str
    name_kk: str
    name_ru: str
    kind: FacilityKind
    region: str  # region code
    district: str = ""
    settlement: str = ""
    bin: str = ""
    address: str = ""
    head: str = ""
    capacity: int | None = None
    children: int | None = None
    risk: RiskDegree = RiskDegree.MEDIUM
    special_control: bool = False


@dataclass
class Person:
    name: str
    position: str = ""


@dataclass
class InspectorProfile:
    name: str
    position: str
    body_kk: str
    body_ru: str
    region: str
    code: str  # short inspector code, part of document numbers
    language: str = "kk"


@dataclass
class Inspection:
    id: str
    facility_id: str
    form_id: str
    form_version: int
    form_hash: str
    type: InspectionType
    mode: InspectionMode
    appointment_number: str
    appointment_date: dt.date
    registration_mark: str = ""  # the number of the registration with legal statistics
    ground: UnscheduledGround | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    inspectors: list[Person] = field(default_factory=list)
    representative: Person | None = None
    status: InspectionStatus = InspectionStatus.DRAFT
    last_item_id: str | None = None
    created_at: dt.datetime | None = None
    finalised_at: dt.datetime | None = None
    revision: int = 1
    registration_date: dt.date | None = None  # of the registration with legal statistics
    objections: str = ""  # the subject's objections to the act, as the inspector recorded them


@dataclass
class Answer:
    item_id: str
    verdict: Verdict | None = None
    value: str | None = None  # for number / text / choice / date items, as text
    note: str = ""
    updated_at: dt.datetime | None = None


@dataclass
class Photo:
    id: str
    inspection_id: str
    item_id: str
    sha256: str
    size: int
    taken_at: dt.datetime | None
    filename: str = ""


@dataclass
class Finding:
    id: str
    inspection_id: str
    item_id: str
    degree: Degree
    description: str = ""
    no_measure_reason: str = ""


@dataclass
class Offender:
    kind: OffenderKind
    name: str
    iin_or_bin: str
    birth_date: dt.date | None = None
    address: str = ""
    position: str = ""
    bank_details: str = ""


@dataclass
class Measure:
    id: str
    inspection_id: str
    kind: MeasureKind
    finding_ids: list[str] = field(default_factory=list)
    # protocol
    article: str = ""
    part: str = ""
    offender: Offender | None = None
    fine_mrp: int | None = None
    offence_date: dt.date | None = None
    fine_tenge: int | None = None
    substance: str = ""
    explanation: str = ""
    witnesses: list[Person] = field(default_factory=list)
    # order: deadline for each finding, keyed by finding id
    deadlines: dict[str, dt.date] = field(default_factory=dict)
    required_action: str = ""
    # protocol: victims, place and time of the offence
    victims: list[Person] = field(default_factory=list)
    offence_place: str = ""
    offence_time: dt.time | None = None
    # order / recommendation: the measure required for each finding, keyed by finding id
    # (falls back to required_action)
    actions: dict[str, str] = field(default_factory=dict)
    # recommendation / disciplinary referral
    text: str = ""
    official: Person | None = None
    employer: str = ""


@dataclass
class RestoredRights:
    category: RightsCategory
    children: int


@dataclass
class RestoredChild:
    """A child whose rights were restored: a short reference the inspector enters (initials
    or a case number, no full name), the categories restored for the child, and the finding
    or the measure that restored them (one of the two ids; both empty for counts carried over
    from the time children were only counted)."""
    id: str
    reference: str
    categories: list[RightsCategory] = field(default_factory=list)
    finding_id: str = ""
    measure_id: str = ""
