"""Tables of the local store (SQLAlchemy Core, so start-up need not import the ORM).
Changed only through Alembic migrations."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Boolean, Column, ForeignKey, Integer, LargeBinary, Table, Text

metadata = sa.MetaData()
JSON = sa.JSON


def _inspection_key(primary: bool = False, index: bool = False) -> Column:
    return Column(
        "inspection_id", Text, ForeignKey("inspections.id"), nullable=False, primary_key=primary, index=index
    )


settings = Table(
    "settings", metadata, Column("key", Text, primary_key=True), Column("value", Text, nullable=False)
)

profile = Table(
    "profile",
    metadata,
    Column("id", Integer, primary_key=True),
    *(
        Column(name, Text, nullable=False)
        for name in ("name", "position", "body_kk", "body_ru", "region", "code", "language")
    ),
    *(Column(name, Text, nullable=False, server_default="") for name in ("position_kk", "position_ru")),
)

regions = Table(
    "regions",
    metadata,
    Column("code", Text, primary_key=True),
    *(Column(name, Text, nullable=False) for name in ("name_kk", "name_ru", "name_en")),
)

bodies = Table(  # competent bodies (reference data from the server); never deleted, deactivated
    "bodies",
    metadata,
    Column("code", Text, primary_key=True),
    *(Column(name, Text, nullable=False) for name in ("name_kk", "name_ru", "name_en")),
    Column("active", Boolean, nullable=False, server_default="1"),
)

districts = Table(  # districts of regions (reference data from the server); never deleted
    "districts",
    metadata,
    Column("code", Text, primary_key=True),
    Column("region", Text, nullable=False, index=True),
    *(Column(name, Text, nullable=False) for name in ("name_kk", "name_ru", "name_en")),
    Column("active", Boolean, nullable=False, server_default="1"),
)

mrp = Table(
    "mrp", metadata, Column("year", Integer, primary_key=True), Column("tenge", Integer, nullable=False)
)

articles = Table(
    "articles",
    metadata,
    Column("code", Text, primary_key=True),
    *(Column(name, Text, nullable=False) for name in ("article", "part", "title_kk", "title_ru", "title_en")),
    Column("min_mrp", Integer, nullable=False),
    Column("max_mrp", Integer, nullable=False),
    Column("item", Text, nullable=False, server_default=""),
    Column("protocol_by", Text, nullable=False, server_default="committee"),
    Column("decided_by", Text, nullable=False, server_default="court"),
    Column("repeat", Boolean, nullable=False, server_default="0"),
    Column("org_mrp", sa.JSON, nullable=False, server_default="{}"),
)

facilities = Table(
    "facilities",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name_kk", Text, nullable=False),
    Column("name_ru", Text, nullable=False),
    Column("kind", Text, nullable=False, index=True),
    Column("region", Text, ForeignKey("regions.code"), nullable=False, index=True),
    *(
        Column(name, Text, nullable=False, default="", index=name == "bin")
        for name in ("district", "settlement", "bin", "address", "head")
    ),
    Column("capacity", Integer),
    Column("children", Integer),
    Column("risk", Text, nullable=False, default="medium"),
    Column("special_control", Boolean, nullable=False, default=False),
    Column("search_text", Text, nullable=False, default=""),  # folded, fed to facilities_fts
    Column("sort_kk", Text, nullable=False, default="", index=True),  # name_sort_key(name_kk)
    Column("sort_ru", Text, nullable=False, default="", index=True),  # name_sort_key(name_ru)
    sa.Index("ix_facilities_region_district", "region", "district"),
    sa.Index("ix_facilities_region_sort_ru", "region", "sort_ru"),  # one region's list, in order
    sa.Index("ix_facilities_region_sort_kk", "region", "sort_kk"),
)

inspections = Table(
    "inspections",
    metadata,
    Column("id", Text, primary_key=True),
    Column("facility_id", Text, ForeignKey("facilities.id"), nullable=False, index=True),
    Column("form_id", Text, nullable=False),
    Column("form_version", Integer, nullable=False),
    Column("form_hash", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("ground", Text),
    Column("mode", Text, nullable=False),
    Column("appointment_number", Text, nullable=False),
    Column("appointment_date", Text, nullable=False),  # ISO date
    Column("registration_mark", Text, nullable=False, default=""),
    Column("period_start", Text),
    Column("period_end", Text),
    Column("inspectors", JSON, nullable=False),
    Column("representative", JSON),
    Column("status", Text, nullable=False, default="draft"),
    Column("last_item_id", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("finalised_at", Text),
    Column("revision", Integer, nullable=False, default=1),
    Column("synced_revision", Integer, nullable=False, default=0),
    Column("review_state", Text),  # returned / approved (from the server)
    Column("review_comment", Text),
    Column("review_item_comments", JSON),  # [{"item_id", "comment"}] of the last synced review
    # the revision being sent and its content hash: an edit made meanwhile opens a new one
    Column("sending_revision", Integer, nullable=False, default=0, server_default="0"),
    Column("sending_hash", Text),
    Column("registration_date", Text),  # ISO date of the registration with legal statistics
    Column("objections", Text, nullable=False, default="", server_default=""),
)

sync_problems = Table(  # a conflict or a refusal waiting for a person; never overwritten silently
    "sync_problems",
    metadata,
    Column("inspection_id", Text, ForeignKey("inspections.id"), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("kind", Text, nullable=False),  # conflict / rejected
    Column("code", Integer, nullable=False),
    Column("message", Text, nullable=False),
    Column("server_record", JSON),
    Column("at", Text, nullable=False),
)

assignments = Table(  # planned inspections sent by the server
    "assignments",
    metadata,
    Column("id", Text, primary_key=True),
    Column("facility_id", Text, nullable=False, index=True),
    Column("planned_date", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("data", JSON, nullable=False),
    Column("inspection_id", Text),  # the inspection started from it on this laptop
)

answers = Table(
    "answers",
    metadata,
    _inspection_key(primary=True),
    Column("item_id", Text, primary_key=True),
    Column("verdict", Text),
    Column("value", Text),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", Text, nullable=False),
)

photos = Table(
    "photos",
    metadata,
    Column("id", Text, primary_key=True),
    _inspection_key(index=True),
    Column("item_id", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("taken_at", Text),
    Column("filename", Text, nullable=False, default=""),
    Column("created_at", Text, nullable=False),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Text, primary_key=True),
    _inspection_key(index=True),
    Column("item_id", Text, nullable=False),
    Column("degree", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("no_measure_reason", Text, nullable=False, default=""),
    sa.UniqueConstraint("inspection_id", "item_id"),
)

measures = Table(
    "measures",
    metadata,
    Column("id", Text, primary_key=True),
    _inspection_key(index=True),
    Column("kind", Text, nullable=False),
    Column("data", JSON, nullable=False),  # the Measure's fields
    Column("created_at", Text, nullable=False),
)

restored_children = Table(  # each child once, with the categories restored and what restored them
    "restored_children",
    metadata,
    _inspection_key(primary=True),
    Column("id", Text, primary_key=True),
    Column("reference", Text, nullable=False, default=""),  # initials or a case number
    Column("categories", JSON, nullable=False),
    Column("finding_id", Text, nullable=False, default=""),
    Column("measure_id", Text, nullable=False, default=""),
    Column("position", Integer, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Text, primary_key=True),
    _inspection_key(index=True),
    Column("kind", Text, nullable=False),
    Column("number", Text, nullable=False, unique=True),
    Column("sha256", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("measure_id", Text),
    Column("created_at", Text, nullable=False),
    Column("inputs", Text),  # JSON: what the document says beyond the record (core documents/inputs.py)
)

signatures = Table(
    "signatures",
    metadata,
    _inspection_key(primary=True),
    Column("role", Text, primary_key=True),
    Column("signer", Text, nullable=False),
    Column("png", LargeBinary, nullable=False),
    Column("record_hash", Text, nullable=False),  # the inspection content it signs
    Column("signed_at", Text, nullable=False),
)

sequences = Table(  # per-year, per-kind counters for document numbers made offline
    "sequences", metadata, Column("name", Text, primary_key=True), Column("value", Integer, nullable=False)
)
