"""Import of the facility register into the server: the same reader and row rules as the
desktop (`inspector_app.core.register`), so a file good on one is good on the other."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from inspector_app.core.domain.reference import REGIONS
from inspector_app.core.register import parse_file
from sync.server.services.principal import Principal
from sync.server.services.registry import region_codes, upsert_facilities


@dataclass
class ImportReport:
    imported: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (line, column, what to fix)

    def lines(self) -> list[str]:
        out = [
            f"imported or updated: {self.imported}",
            f"unchanged: {self.unchanged}",
            f"rejected rows: {len(self.errors)}",
        ]
        out += [f"  row {line}: {message}" for line, message in self.errors]
        return out


def import_facilities(session: Session, actor: Principal, path: Path, lang: str = "en") -> ImportReport:
    """Good rows are imported batch by batch; each bad row is reported with its column."""
    known = region_codes(session)
    report = ImportReport()
    for good, bad in parse_file(path, [r for r in REGIONS if r.code in known]):
        changed = upsert_facilities(session, actor, good)
        report.imported += changed
        report.unchanged += len(good) - changed
        report.errors += [(e.line, f"{e.column}: {e.error.message(lang)}") for e in bad]
        report.rejected += [(e.line, e.column, e.error.message(lang)) for e in bad]
    return report
