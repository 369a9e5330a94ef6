import pytest
from openpyxl import Workbook

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.register import import_facilities

HEADER = "name_kk,name_ru,kind,region,district,settlement,bin,capacity,children,risk,special_control"


def good_bin(n: int) -> str:
    for tail in range(100):
        number = make_valid_12(f"0512400{n:02d}{tail:02d}")
        if number:
            return number
    raise AssertionError


def test_csv_imports_good_rows_and_reports_bad_ones(store, tmp_path):
    bad_bin = good_bin(1)[:11] + str((int(good_bin(1)[11]) + 1) % 10)
    path = tmp_path / "register.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                f"Ақсу №1 мектеп,Школа №1 Аксу,school,Павлодар облысы,,Ақсу,{good_bin(1)},900,850,high,иә",
                f"Балалар үйі,Детский дом,orphanage,Марс,,,{good_bin(2)},,,,",
                f"Лагерь,Лагерь,camp,ALA,,,{bad_bin},,,,",
                "Мектеп,Школа,school,Астана,,,,-5,,,",
                f"Лагерь «Ғарыш»,Лагерь «Гарыш»,camp,шымкент қаласы,,,{good_bin(3)},,,low,",
            ]
        ),
        encoding="utf-8",
    )
    regions = store.reference.regions()
    report = import_facilities(store.facilities, regions, path)
    assert report.imported == 2
    assert [(e.line, e.column, e.error.code) for e in report.errors] == [
        (3, "region", "import.unknown_region"),
        (4, "bin", "bin.checksum"),
        (5, "capacity", "import.bad_value"),
    ]
    assert "Марс" in report.errors[0].message("ru")
    found = store.facilities.search("аксу")
    assert found[0].region == "PAV" and found[0].special_control and found[0].capacity == 900
    assert store.facilities.search("ғарыш")[0].region == "SHY"
    # importing again updates, never duplicates
    import_facilities(store.facilities, regions, path)
    assert store.facilities.count() == 2


def test_xlsx_with_semicolon_free_cells(store, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "Үшарал №2 мектеп",
            "Школа №2 Ушарал",
            "school",
            "ZHE",
            "",
            "Үшарал",
            int(good_bin(4)),
            500,
            450.0,
            "medium",
            0,
        ]
    )
    path = tmp_path / "register.xlsx"
    book.save(path)
    report = import_facilities(store.facilities, store.reference.regions(), path)
    assert report.imported == 1 and report.errors == []
    facility = store.facilities.search("ушарал")[0]
    assert facility.bin == good_bin(4) and facility.children == 450


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("register.csv", "name,region\nx,ALA\n", "import.bad_header"),
        ("register.txt", "whatever", "import.unknown_format"),
        ("register.xlsx", "this is not a workbook", "import.unreadable"),
        ("register.csv", b"\xff\xfe\x00garbage", "import.unreadable"),
    ],
)
def test_malformed_files_are_told_clearly(store, tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(UserError) as caught:
        import_facilities(store.facilities, store.reference.regions(), path)
    assert caught.value.code == code
    assert name in caught.value.message("kk")
