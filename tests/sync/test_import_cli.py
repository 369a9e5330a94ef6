"""`inspector-server import-facilities` reads the same files, by the same rules, as the desktop."""

import sqlalchemy as sa

from inspector_app.core.domain.identifiers import make_valid_12
from sync.server.persistence.models import FacilityRow
from tests.kit.server import ServerProcess


def test_good_rows_imported_bad_rows_reported_by_line_and_column(tmp_path):
    url = f"sqlite:///{tmp_path / 'server.db'}"
    server = ServerProcess(url, tmp_path / "blobs", tmp_path / "log")
    assert server.cli("migrate").returncode == 0
    good_bin = make_valid_12("05124000101")
    register = tmp_path / "register.csv"
    register.write_text(
        "\n".join(
            [
                "name_kk,name_ru,kind,region,settlement,bin",
                f"Ақсу №1 мектеп,Школа №1 Аксу,school,Павлодар облысы,Ақсу,{good_bin[1:]}",  # lost its 0
                "Балалар үйі,Детский дом,orphanage,Марс,,",
            ]
        ),
        encoding="utf-8",
    )
    result = server.cli("import-facilities", str(register))
    assert result.returncode == 0, result.stderr
    assert "imported or updated: 1" in result.stdout
    assert 'row 3: region: Unknown region "Марс"' in result.stdout
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.select(FacilityRow.region, FacilityRow.bin)).all()
    engine.dispose()
    assert [(r.region, r.bin) for r in rows] == [("PAV", good_bin)]


def test_an_unreadable_file_is_told_without_a_traceback(tmp_path):
    server = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "blobs", tmp_path / "log")
    server.cli("migrate")
    bad = tmp_path / "register.txt"
    bad.write_text("whatever")
    result = server.cli("import-facilities", str(bad))
    assert result.returncode == 2
    assert "Choose a CSV or XLSX file" in result.stderr and "Traceback" not in result.stderr
