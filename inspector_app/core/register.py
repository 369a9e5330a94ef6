"""Reading the facility register from CSV or XLSX, row by row.

Good rows are imported; each bad row is reported with its line, column and what to fix.
Columns (header row, any order): name_kk, name_ru, kind, region, district, settlement, bin,
address, head, capacity, children, risk, special_control; and optionally id.
"""

from __future__ import annotations

import csv
import io
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.identifiers import validate_bin
from inspector_app.core.domain.models import Facility, FacilityKind, Region, RiskDegree
from inspector_app.core.domain.text import fold

REQUIRED = ("name_kk", "name_ru", "kind", "region")
OPTIONAL = (
    "id",
    "district",
    "settlement",
    "bin",
    "address",
    "head",
    "capacity",
    "children",
    "risk",
    "special_control",
)
FACILITY_NAMESPACE = uuid.UUID("0b7f2a9e-31c4-4f7b-bb0c-8d1f2a6c4e55")
TRUE_WORDS = {"1", "true", "yes", "да", "иә", "x", "+"}
FALSE_WORDS = {"", "0", "false", "no", "нет", "жоқ", "-"}


@dataclass
class RowError:
    line: int
    column: str
    error: UserError

    def message(self, lang: str) -> str:
        return f"{self.line}: {self.column}: {self.error.message(lang)}"


@dataclass
class ImportReport:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: text}) for each data row of a CSV or XLSX file."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            yield from _csv_rows(path)
        elif suffix == ".xlsx":
            yield from _xlsx_rows(path)
        else:
            raise UserError("import.unknown_format", name=path.name)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise UserError("import.unreadable", name=path.name) from error


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    text = path.read_bytes().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    _check_header(path, reader.fieldnames or [])
    for row in reader:
        yield reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _xlsx_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).active
    if sheet is None:  # a workbook without a worksheet: unreadable, not a crash
        raise ValueError("no worksheet")
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(rows, ())]
    _check_header(path, header)
    for line, values in enumerate(rows, start=2):
        if any(v not in (None, "") for v in values):
            yield line, {h: _cell(v) for h, v in zip(header, values, strict=False) if h}


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _check_header(path: Path, header: Sequence[str]) -> None:
    names = [h.strip() for h in header if h]
    missing = [c for c in REQUIRED if c not in names]
    unknown = [c for c in names if c not in REQUIRED + OPTIONAL]
    if missing or unknown:
        raise UserError(
            "import.bad_header",
            name=path.name,
            missing=", ".join(missing) or "—",
            unknown=", ".join(unknown) or "—",
        )


class RowParser:
    """Turns a row into a Facility, naming the column of the first problem."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._regions = {}
        for region in regions:
            for name in (region.code, region.name.kk, region.name.ru, region.name.en):
                self._regions[fold(name)] = region.code

    def parse(self, row: dict[str, str]) -> Facility:
        column = "region"
        try:
            region = self._regions.get(fold(row["region"]))
            if region is None:
                raise UserError("import.unknown_region", value=row["region"])
            column = "kind"
            kind = FacilityKind(row["kind"].strip().lower())
            column = "name_ru"
            if not row["name_ru"] or not row["name_kk"]:
                raise UserError("import.name_missing")
            column = "bin"
            bin_ = validate_bin(_restore_zeros(row["bin"])) if row.get("bin") else ""
            column = "risk"
            risk = RiskDegree((row.get("risk") or "medium").lower())
            column = "capacity"
            capacity = _count(row.get("capacity"))
            column = "children"
            children = _count(row.get("children"))
            column = "special_control"
            special = _flag(row.get("special_control", ""))
        except UserError as error:
            raise ColumnError(column, error) from error
        except ValueError as error:
            raise ColumnError(column, UserError("import.bad_value", value=row.get(column, ""))) from error
        return Facility(
            id=row.get("id") or _stable_id(bin_, row),
            name_kk=row["name_kk"],
            name_ru=row["name_ru"],
            kind=kind,
            region=region,
            district=row.get("district", ""),
            settlement=row.get("settlement", ""),
            bin=bin_,
            address=row.get("address", ""),
            head=row.get("head", ""),
            capacity=capacity,
            children=children,
            risk=risk,
            special_control=special,
        )


class ColumnError(Exception):
    def __init__(self, column: str, error: UserError) -> None:
        super().__init__(column)
        self.column, self.error = column, error


def _restore_zeros(number: str) -> str:
    """Spreadsheets store a BIN as a number and drop its leading zeros; put them back."""
    return number.zfill(12) if number.isdigit() and 9 <= len(number) < 12 else number


def _count(text: str | None) -> int | None:
    if not text:
        return None
    number = int(text)
    if number < 0:
        raise ValueError(text)
    return number


def _flag(text: str) -> bool:
    word = text.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(text)


def _stable_id(bin_: str, row: dict[str, str]) -> str:
    """The same facility imported twice (same BIN, or same name and place) is one facility."""
    key = bin_ or f"{row['region']}|{row['name_ru']}|{row.get('settlement', '')}"
    return str(uuid.uuid5(FACILITY_NAMESPACE, key))


def parse_file(
    path: Path, regions: Iterable[Region], progress: Callable[[int], None] = lambda n: None, batch: int = 1000
) -> Iterator[tuple[list[Facility], list[RowError]]]:
    """Batches of good facilities with the errors of the rows in between."""
    parser = RowParser(regions)
    good, bad = [], []
    for count, (line, row) in enumerate(read_rows(path), start=1):
        try:
            good.append(parser.parse(row))
        except ColumnError as error:
            bad.append(RowError(line, error.column, error.error))
        if count % batch == 0:
            yield good, bad
            good, bad = [], []
            progress(count)
    yield good, bad


register_messages(
    {
        "import.unknown_format": {
            "kk": "«{name}» файлының түрі белгісіз. CSV немесе XLSX файлын таңдаңыз.",
            "ru": "Неизвестный тип файла «{name}». Выберите файл CSV или XLSX.",
            "en": '"{name}" is not a known file type. Choose a CSV or XLSX file.',
        },
        "import.unreadable": {
            "kk": "«{name}» файлы оқылмады. Ол UTF-8 кодындағы CSV немесе XLSX екенін тексеріңіз.",
            "ru": "Не удалось прочитать файл «{name}». Проверьте, что это CSV в кодировке UTF-8 или XLSX.",
            "en": '"{name}" could not be read. Check that it is a UTF-8 CSV or an XLSX file.',
        },
        "import.bad_header": {
            "kk": "«{name}» файлының тақырып жолы дұрыс емес. Жоқ бағандар: {missing}; белгісіз бағандар: {unknown}.",
            "ru": "Неверная строка заголовков в «{name}». Нет столбцов: {missing}; неизвестные столбцы: {unknown}.",
            "en": 'The header row of "{name}" is wrong. Missing columns: {missing}; unknown columns: {unknown}.',
        },
        "import.unknown_region": {
            "kk": "«{value}» өңірі белгісіз. Облыстың немесе қаланың атауын не кодын жазыңыз.",
            "ru": "Неизвестный регион «{value}». Укажите название или код области или города.",
            "en": 'Unknown region "{value}". Give the name or code of a region or city.',
        },
        "import.name_missing": {
            "kk": "Ұйымның атауы қазақ және орыс тілдерінде болуы керек.",
            "ru": "Нужно название организации на казахском и русском языках.",
            "en": "The organisation needs a name in Kazakh and in Russian.",
        },
        "import.bad_value": {
            "kk": "«{value}» мәні жарамсыз. Бағанның сипаттамасына сай мән жазыңыз.",
            "ru": "Недопустимое значение «{value}». Укажите значение по описанию столбца.",
            "en": 'Invalid value "{value}". Give a value as the column description says.',
        },
    }
)


class FacilitySink(Protocol):
    """Where imported facilities go (the desktop's facility repository)."""

    def upsert_many(self, facilities: list[Facility]) -> None: ...


def import_facilities(
    repository: FacilitySink,
    regions: Iterable[Region],
    path: Path,
    progress: Callable[[int], None] = lambda n: None,
) -> ImportReport:
    """Import the good rows batch by batch (each batch committed), report the bad ones."""
    report = ImportReport()
    for good, bad in parse_file(path, regions, progress):
        repository.upsert_many(good)
        report.imported += len(good)
        report.errors.extend(bad)
    return report
