"""Tables of the local store. Changed only through Alembic migrations."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

Text = sa.Text
JSONText = sa.JSON


class Base(DeclarativeBase):
    pass


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Profile(Base):
    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[str] = mapped_column(Text)
    body_kk: Mapped[str] = mapped_column(Text)
    body_ru: Mapped[str] = mapped_column(Text)
    region: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(Text, default="kk")


class RegionRow(Base):
    __tablename__ = "regions"
    code: Mapped[str] = mapped_column(Text, primary_key=True)
    name_kk: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)


class MrpRow(Base):
    __tablename__ = "mrp"
    year: Mapped[int] = mapped_column(primary_key=True)
    tenge: Mapped[int]


class ArticleRow(Base):
    __tablename__ = "articles"
    code: Mapped[str] = mapped_column(Text, primary_key=True)
    article: Mapped[str] = mapped_column(Text)
    part: Mapped[str] = mapped_column(Text)
    title_kk: Mapped[str] = mapped_column(Text)
    title_ru: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    min_mrp: Mapped[int]
    max_mrp: Mapped[int]


class FacilityRow(Base):
    __tablename__ = "facilities"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    name_kk: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, index=True)
    region: Mapped[str] = mapped_column(Text, sa.ForeignKey("regions.code"), index=True)
    district: Mapped[str] = mapped_column(Text, default="")
    settlement: Mapped[str] = mapped_column(Text, default="")
    bin: Mapped[str] = mapped_column(Text, default="", index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    head: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None]
    children: Mapped[int | None]
    risk: Mapped[str] = mapped_column(Text, default="medium")
    special_control: Mapped[bool] = mapped_column(default=False)
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded, fed to facilities_fts


class InspectionRow(Base):
    __tablename__ = "inspections"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    facility_id: Mapped[str] = mapped_column(Text, sa.ForeignKey("facilities.id"), index=True)
    form_id: Mapped[str] = mapped_column(Text)
    form_version: Mapped[int]
    form_hash: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(Text)
    ground: Mapped[str | None] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(Text)
    appointment_number: Mapped[str] = mapped_column(Text)
    appointment_date: Mapped[str] = mapped_column(Text)  # ISO date
    registration_mark: Mapped[str] = mapped_column(Text, default="")
    period_start: Mapped[str | None] = mapped_column(Text)
    period_end: Mapped[str | None] = mapped_column(Text)
    inspectors: Mapped[list] = mapped_column(JSONText, default=list)
    representative: Mapped[dict | None] = mapped_column(JSONText)
    status: Mapped[str] = mapped_column(Text, default="draft")
    last_item_id: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(Text)
    finalised_at: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(default=1)
    synced_revision: Mapped[int] = mapped_column(default=0)
    review_state: Mapped[str | None] = mapped_column(Text)  # returned / approved (from server)
    review_comment: Mapped[str | None] = mapped_column(Text)


class AnswerRow(Base):
    __tablename__ = "answers"
    inspection_id: Mapped[str] = mapped_column(
        Text, sa.ForeignKey("inspections.id"), primary_key=True)
    item_id: Mapped[str] = mapped_column(Text, primary_key=True)
    verdict: Mapped[str | None] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[str] = mapped_column(Text)


class PhotoRow(Base):
    __tablename__ = "photos"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    inspection_id: Mapped[str] = mapped_column(Text, sa.ForeignKey("inspections.id"), index=True)
    item_id: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(Text)
    size: Mapped[int]
    taken_at: Mapped[str | None] = mapped_column(Text)
    filename: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(Text)


class FindingRow(Base):
    __tablename__ = "findings"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    inspection_id: Mapped[str] = mapped_column(Text, sa.ForeignKey("inspections.id"), index=True)
    item_id: Mapped[str] = mapped_column(Text)
    degree: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    no_measure_reason: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (sa.UniqueConstraint("inspection_id", "item_id"),)


class MeasureRow(Base):
    __tablename__ = "measures"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    inspection_id: Mapped[str] = mapped_column(Text, sa.ForeignKey("inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSONText)  # the Measure's fields, as JSON
    created_at: Mapped[str] = mapped_column(Text)


class RestoredRightsRow(Base):
    __tablename__ = "restored_rights"
    inspection_id: Mapped[str] = mapped_column(
        Text, sa.ForeignKey("inspections.id"), primary_key=True)
    category: Mapped[str] = mapped_column(Text, primary_key=True)
    children: Mapped[int]


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(Text, primary_key=True)
    inspection_id: Mapped[str] = mapped_column(Text, sa.ForeignKey("inspections.id"), index=True)
    kind: Mapped[str] = mapped_column(Text)
    number: Mapped[str] = mapped_column(Text, unique=True)
    sha256: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(Text)
    measure_id: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(Text)


class SignatureRow(Base):
    __tablename__ = "signatures"
    inspection_id: Mapped[str] = mapped_column(
        Text, sa.ForeignKey("inspections.id"), primary_key=True)
    role: Mapped[str] = mapped_column(Text, primary_key=True)
    signer: Mapped[str] = mapped_column(Text)
    png: Mapped[bytes] = mapped_column(sa.LargeBinary)
    record_hash: Mapped[str] = mapped_column(Text)  # the inspection content it signs
    signed_at: Mapped[str] = mapped_column(Text)


class SequenceRow(Base):
    """Per-year, per-kind counters for document numbers made offline."""
    __tablename__ = "sequences"
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[int]
