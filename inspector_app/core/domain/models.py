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
    TRANSFER = "transfer"  # referral to the competent body (передача по подведомственности)


class OffenderKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class BusinessSize(StrEnum):
    """Category of an organisation, on which some sanctions depend."""

    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    NON_COMMERCIAL = "non_commercial"


class IdDocumentKind(StrEnum):
    ID_CARD = "id_card"
    PASSPORT = "passport"
    RESIDENCE_PERMIT = "residence_permit"


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


@dataclass
class Localized:
    """Free text entered per language for the documents (Kazakh and Russian); a monolingual
    document needs only its own language, a bilingual one both (see `missing`)."""

    kk: str = ""
    ru: str = ""

    def get(self, lang: str) -> str:
        return self.kk if lang == "kk" else self.ru

    def any(self) -> str:
        return self.ru or self.kk

    def is_empty(self) -> bool:
        return not (self.kk.strip() or self.ru.strip())

    def missing(self, langs: tuple[str, ...]) -> list[str]:
        """Languages of `langs` without text, when some text was entered at all."""
        if self.is_empty():
            return []
        return [lang for lang in langs if not self.get(lang).strip()]


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
    """A person named in a document. `position` is as typed (any language); documents
    prefer `position_kk` / `position_ru` when they are given."""

    name: str
    position: str = ""
    position_kk: str = ""
    position_ru: str = ""
    address: str = ""  # witnesses and victims of a protocol


@dataclass
class InspectorProfile:
    name: str
    position: str
    body_kk: str
    body_ru: str
    region: str
    code: str  # short inspector code, part of document numbers
    language: str = "kk"
    position_kk: str = ""  # the position per language, for the documents
    position_ru: str = ""

    def person(self) -> Person:
        """The inspector as the author who signs a document."""
        return Person(self.name, self.position, self.position_kk, self.position_ru)


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
class IdDocument:
    """Identity document of an official named in a protocol."""

    kind: IdDocumentKind = IdDocumentKind.ID_CARD
    number: str = ""
    issued_by: Localized = field(default_factory=Localized)
    issued_on: dt.date | None = None


@dataclass
class Offender:
    """Who a protocol is drawn up against: an official (IIN) or an organisation (BIN),
    which acts through its representative."""

    kind: OffenderKind
    name: str
    iin_or_bin: str
    birth_date: dt.date | None = None
    address: str = ""
    position: Localized = field(default_factory=Localized)
    bank_details: str = ""
    # an official
    workplace: Localized = field(default_factory=Localized)
    id_document: IdDocument | None = None
    # an organisation
    representative: Person | None = None
    attorney_number: str = ""  # power of attorney of the representative
    attorney_date: dt.date | None = None
    business_size: BusinessSize | None = None
    # earlier administrative penalties (where the part depends on repetition)
    prior_penalties: Localized = field(default_factory=Localized)


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
    fine_mrp: int | None = None  # proposed; the court or body decides the sanction
    offence_date: dt.date | None = None
    fine_tenge: int | None = None
    substance: Localized = field(default_factory=Localized)
    explanation: Localized = field(default_factory=Localized)
    witnesses: list[Person] = field(default_factory=list)
    # order: deadline for each finding, keyed by finding id
    deadlines: dict[str, dt.date] = field(default_factory=dict)
    required_action: Localized = field(default_factory=Localized)
    # protocol: victims, place and time of the offence
    victims: list[Person] = field(default_factory=list)
    offence_place: str = ""
    offence_time: dt.time | None = None
    # order / recommendation: the measure required for each finding, keyed by finding id
    # (falls back to required_action)
    actions: dict[str, Localized] = field(default_factory=dict)
    # recommendation / disciplinary referral / referral to the competent body
    text: Localized = field(default_factory=Localized)
    official: Person | None = None
    employer: Localized = field(default_factory=Localized)
    # protocol: sub-item of the part, ЕРАП registration number once known
    item: str = ""
    erap_number: str = ""
    # referral to the competent body: its kind (reference.BODIES) and its name
    addressee_body: str = ""
    addressee: Localized = field(default_factory=Localized)


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


@dataclass(frozen=True)
class Assignment:
    """An inspection a supervisor planned for this inspector."""

    id: str
    facility_id: str
    form_id: str
    planned_date: dt.date
    inspection_type: str  # scheduled, unscheduled, surprise
    ground: str | None
    note: str
    inspection_id: str | None  # started on this laptop
