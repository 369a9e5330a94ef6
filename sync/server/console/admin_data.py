"""What the administrators' data pages check and show: a facility edited in a form (read by
the register's own row parser), MRP and article forms (validated by the wire models), and
uploads read up to a size limit."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.orm import Session

from inspector_app.core import protocol
from inspector_app.core.domain.models import Facility
from inspector_app.core.domain.reference import BODIES, REGIONS
from inspector_app.core.register import OPTIONAL, REQUIRED, ColumnError, RowParser
from sync.server.console.i18n import N_
from sync.server.persistence.models import ArticleRow, FacilityRow, MrpRow, Region
from sync.server.services.registry import article_to_wire, region_codes

REGISTER_MAX_BYTES = 16 * 1024 * 1024  # a register of 20,000 facilities is about 6 MiB
FORM_MAX_BYTES = 512 * 1024
FACILITY_COLUMNS = tuple(c for c in REQUIRED + OPTIONAL if c != "id")
SIZES = ("small", "medium", "large", "non_commercial")
MAX_HEADCOUNT = 1_000_000  # as the API's facility PUT: larger is a typing slip
TOO_MANY = N_("The number is too large: check it.")
WHOLE_NUMBER = N_("Enter a whole number.")
BOTH_BOUNDS = N_("Give both bounds of the range, or neither.")
REVERSED = N_("The lower bound is greater than the upper one.")
OUT_OF_RANGE = N_("The value is out of the allowed range.")
REQUIRED_TEXT = N_("Fill in this field.")
UNKNOWN_BODY = N_("Choose a body from the list.")


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes | None  # None: larger than the limit


async def read_upload(form, limit: int) -> Upload | None:
    """The file of the form's `file` field, read up to one byte past `limit`."""
    part = form.get("file")
    if part is None or not hasattr(part, "read") or not part.filename:
        return None
    data = await part.read(limit + 1)
    return Upload(safe_name(part.filename), None if len(data) > limit else data)


def safe_name(raw: str) -> str:
    name = os.path.basename(raw.replace("\\", "/")).strip()
    return "".join(c for c in name if c.isprintable() and c not in '"<>/:*?|')[:120] or "upload"


# --- the register --------------------------------------------------------------------------


def row_parser(session: Session) -> RowParser:
    known = region_codes(session)
    return RowParser([r for r in REGIONS if r.code in known])


@dataclass
class FacilityForm:
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)  # column -> message (already translated)
    facility: Facility | None = None


def facility_values(row: FacilityRow) -> dict[str, str]:
    values = {c: getattr(row, c) for c in FACILITY_COLUMNS}
    values["capacity"] = "" if row.capacity is None else str(row.capacity)
    values["children"] = "" if row.children is None else str(row.children)
    values["special_control"] = "1" if row.special_control else ""
    return {k: "" if v is None else str(v) for k, v in values.items()}


def check_facility(session: Session, facility_id: str, form, lang: str) -> FacilityForm:
    """The facility the form describes, read as an imported row would be."""
    values = {c: str(form.get(c) or "").strip()[:1000] for c in FACILITY_COLUMNS}
    values["special_control"] = "1" if form.get("special_control") else ""
    checked = FacilityForm(values)
    try:
        checked.facility = row_parser(session).parse({**values, "id": facility_id})
    except ColumnError as error:
        checked.errors[error.column] = error.error.message(lang)
        return checked
    for name in ("capacity", "children"):
        if (getattr(checked.facility, name) or 0) > MAX_HEADCOUNT:
            checked.errors[name] = TOO_MANY
    return checked


SPECIAL_SHOWN = 100  # rows of the special-control register on the page; the rest by search


def special_control(session: Session) -> tuple[list[FacilityRow], int]:
    """The first facilities under special control (by name) and how many there are."""
    query = sa.select(FacilityRow).where(FacilityRow.special_control).order_by(FacilityRow.name_ru)
    total = session.scalar(sa.select(sa.func.count()).where(FacilityRow.special_control)) or 0
    return list(session.scalars(query.limit(SPECIAL_SHOWN))), total


def with_special_control(row: FacilityRow, on: bool) -> Facility:
    from sync.server.services.registry import facility_to_wire

    return dataclasses.replace(facility_to_wire(row), special_control=on)


def region_names(session: Session, lang: str) -> dict[str, str]:
    return region_names_of(session.scalars(sa.select(Region).order_by(Region.code)), lang)


def region_names_of(rows: Iterable, lang: str) -> dict[str, str]:
    """{code: name in `lang`} of region rows or wire entries."""
    return {r.code: {"kk": r.name_kk, "ru": r.name_ru}.get(lang, r.name_en or r.name_ru) for r in rows}


# --- reference data ------------------------------------------------------------------------


def mrp_rows(session: Session) -> list[MrpRow]:
    return list(session.scalars(sa.select(MrpRow).order_by(MrpRow.year.desc())))


def check_mrp(form) -> tuple[dict[str, str], dict[str, str], protocol.Mrp | None]:
    values = {k: str(form.get(k) or "").strip()[:20] for k in ("year", "tenge")}
    errors = {k: WHOLE_NUMBER for k, v in values.items() if not v.isdigit()}
    if errors:
        return values, errors, None
    try:
        return values, {}, protocol.Mrp(year=int(values["year"]), tenge=int(values["tenge"]))
    except ValidationError as error:
        return values, {str(e["loc"][0]): OUT_OF_RANGE for e in error.errors()}, None


def articles(session: Session) -> list[protocol.Article]:
    return [article_to_wire(r) for r in session.scalars(sa.select(ArticleRow).order_by(ArticleRow.code))]


ARTICLE_TEXTS = (
    "code",
    "article",
    "part",
    "item",
    "title_kk",
    "title_ru",
    "title_en",
    "protocol_by",
    "decided_by",
)


def article_values(article: protocol.Article | None) -> dict[str, str]:
    if article is None:
        return {"protocol_by": "committee", "decided_by": "court"}
    values = {k: str(getattr(article, k)) for k in ARTICLE_TEXTS}
    values.update(min_mrp=str(article.min_mrp), max_mrp=str(article.max_mrp))
    values["repeat"] = "1" if article.repeat else ""
    for size, (low, high) in article.org_mrp.items():
        values[f"{size}_min"], values[f"{size}_max"] = str(low), str(high)
    return values


def check_article(
    form, bodies: Collection[str] = BODIES
) -> tuple[dict[str, str], dict[str, str], protocol.Article | None]:
    """The article a form describes, or the field errors (message ids); `bodies`: the codes
    of the competent bodies of the reference data."""
    names = (*ARTICLE_TEXTS, "min_mrp", "max_mrp", *(f"{s}_{b}" for s in SIZES for b in ("min", "max")))
    values = {k: str(form.get(k) or "").strip()[:2000] for k in names}
    values["repeat"] = "1" if form.get("repeat") else ""
    errors = {k: REQUIRED_TEXT for k in ("code", "article", "title_kk", "title_ru") if not values[k]}
    errors |= {k: UNKNOWN_BODY for k in ("protocol_by", "decided_by") if values[k] not in bodies}
    errors |= {k: WHOLE_NUMBER for k in ("min_mrp", "max_mrp") if not values[k].isdigit()}
    org_mrp = _org_ranges(values, errors)
    if not errors and int(values["min_mrp"]) > int(values["max_mrp"]):
        errors["min_mrp"] = REVERSED
    if errors:
        return values, errors, None
    data: dict[str, object] = {k: values[k] for k in ARTICLE_TEXTS}
    data |= {"repeat": bool(values["repeat"]), "org_mrp": org_mrp}
    data |= {"min_mrp": int(values["min_mrp"]), "max_mrp": int(values["max_mrp"])}
    try:
        article = protocol.Article.model_validate(data)
    except ValidationError as error:
        return values, {str(e["loc"][0]): OUT_OF_RANGE for e in error.errors()}, None
    return values, {}, article


def _org_ranges(values: dict[str, str], errors: dict[str, str]) -> dict[str, list[int]]:
    ranges = {}
    for size in SIZES:
        low, high = values[f"{size}_min"], values[f"{size}_max"]
        if not low and not high:
            continue
        if not (low and high):
            errors[f"{size}_min"] = BOTH_BOUNDS
        elif not (low.isdigit() and high.isdigit()):
            errors[f"{size}_min"] = WHOLE_NUMBER
        elif int(low) > int(high):
            errors[f"{size}_min"] = REVERSED
        else:
            ranges[size] = [int(low), int(high)]
    return ranges
