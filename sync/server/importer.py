"""Import of the facility register from CSV or XLSX: good rows are imported, bad rows reported."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from inspector_app.domain.errors import UserError
from inspector_app.domain.identifiers import validate_bin
from inspector_app.domain.models import Facility, FacilityKind, RiskDegree

from .principal import Principal
from .registry import region_codes, upsert_facilities

REQUIRED = ("id", "name_kk", "name_ru", "kind", "region")
OPTIONAL = ("district", "settlement", "bin", "address", "head", "capacity", "children", "risk",
            "special_control")
TRUE = {"1", "true", "yes", "да", "иә", "y"}
FALSE = {"", "0", "false", "no", "нет", "жоқ", "n"}


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    def lines(self) -> list[str]:
        out = [f"imported or updated: {self.imported}", f"unchanged: {self.unchanged}",
               f"rejected rows: {len(self.errors)}"]
        out += [f"  row {line}: {message}" for line, message in self.errors]
        return out


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs; the header is line 1."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    text = path.read_bytes().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [(i + 2, {_key(k): (v or "").strip() for k, v in row.items() if k})
            for i, row in enumerate(reader)]


def _xlsx_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook
    sheet = load_workbook(path, read_only=True, data_only=True).active
    rows = sheet.iter_rows(values_only=True)
    header = [_key(str(c or "")) for c in next(rows, ())]
    out = []
    for number, values in enumerate(rows, start=2):
        if any(v not in (None, "") for v in values):
            out.append((number, {h: _cell(v) for h, v in zip(header, values) if h}))
    return out


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def parse_row(row: dict[str, str], regions: set[str]) -> Facility:
    missing = [k for k in REQUIRED if not row.get(k)]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if row["region"] not in regions:
        raise ValueError(f"unknown region {row['region']!r}")
    kind = _enum(FacilityKind, row["kind"], "kind")
    risk = _enum(RiskDegree, row.get("risk") or "medium", "risk")
    bin_ = row.get("bin", "")
    if bin_:
        try:
            bin_ = validate_bin(bin_)
        except UserError as error:
            raise ValueError(error.message("en")) from None
    return Facility(id=row["id"][:64], name_kk=row["name_kk"], name_ru=row["name_ru"], kind=kind,
                    region=row["region"], district=row.get("district", ""),
                    settlement=row.get("settlement", ""), bin=bin_,
                    address=row.get("address", ""), head=row.get("head", ""),
                    capacity=_count(row.get("capacity", ""), "capacity"),
                    children=_count(row.get("children", ""), "children"), risk=risk,
                    special_control=_flag(row.get("special_control", "")))


def _enum(enum, value: str, name: str):
    try:
        return enum(value.strip().lower())
    except ValueError:
        raise ValueError(f"{name} {value!r} is not one of {', '.join(e.value for e in enum)}") from None


def _count(value: str, name: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"{name} {value!r} is not a whole number")
    return int(value)


def _flag(value: str) -> bool:
    folded = value.strip().lower()
    if folded in TRUE:
        return True
    if folded in FALSE:
        return False
    raise ValueError(f"special_control {value!r} is not yes/no")


def import_facilities(session: Session, actor: Principal, path: Path) -> ImportReport:
    report = ImportReport()
    regions = region_codes(session)
    good: list[Facility] = []
    seen: set[str] = set()
    for line, row in read_rows(path):
        try:
            facility = parse_row(row, regions)
            if facility.id in seen:
                raise ValueError(f"id {facility.id!r} repeats an earlier row")
            seen.add(facility.id)
            good.append(facility)
        except ValueError as error:
            report.errors.append((line, str(error)))
    report.imported = upsert_facilities(session, actor, good)
    report.unchanged = len(good) - report.imported
    return report
