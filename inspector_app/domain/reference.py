"""Reference data shipped with the app. Stored in the local database as editable rows;
these are only the first values a new store is seeded with."""
from __future__ import annotations

from dataclasses import dataclass

from .models import Bilingual, Region

REGIONS: tuple[Region, ...] = tuple(Region(code, Bilingual(kk, ru, en)) for code, kk, ru, en in (
    ("ABA", "Абай облысы", "область Абай", "Abai region"),
    ("AKM", "Ақмола облысы", "Акмолинская область", "Akmola region"),
    ("AKT", "Ақтөбе облысы", "Актюбинская область", "Aktobe region"),
    ("ALO", "Алматы облысы", "Алматинская область", "Almaty region"),
    ("ATY", "Атырау облысы", "Атырауская область", "Atyrau region"),
    ("ZKO", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan region"),
    ("ZHA", "Жамбыл облысы", "Жамбылская область", "Zhambyl region"),
    ("ZHE", "Жетісу облысы", "область Жетісу", "Zhetisu region"),
    ("KAR", "Қарағанды облысы", "Карагандинская область", "Karaganda region"),
    ("KOS", "Қостанай облысы", "Костанайская область", "Kostanay region"),
    ("KZO", "Қызылорда облысы", "Кызылординская область", "Kyzylorda region"),
    ("MAN", "Маңғыстау облысы", "Мангистауская область", "Mangystau region"),
    ("PAV", "Павлодар облысы", "Павлодарская область", "Pavlodar region"),
    ("SKO", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan region"),
    ("TUR", "Түркістан облысы", "Туркестанская область", "Turkistan region"),
    ("ULY", "Ұлытау облысы", "область Ұлытау", "Ulytau region"),
    ("VKO", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan region"),
    ("AST", "Астана", "Астана", "Astana"),
    ("ALA", "Алматы", "Алматы", "Almaty"),
    ("SHY", "Шымкент қаласы", "город Шымкент", "Shymkent"),
))

MRP_BY_YEAR: dict[int, int] = {2024: 3692, 2025: 3932, 2026: 4325}


@dataclass(frozen=True)
class Article:
    """An article (and part) of the Code on Administrative Offences and its fine range in MRP.
    The ranges are editable reference data, not confirmed legal text."""
    code: str  # "127-3.1"
    article: str
    part: str
    title: Bilingual
    min_mrp: int
    max_mrp: int


ARTICLES: tuple[Article, ...] = (
    Article("127-3.1", "127-3", "1", Bilingual(
        "Бала құқықтары туралы заңнаманы лауазымды адамдардың бұзуы",
        "Нарушение законодательства о правах ребёнка должностными лицами",
        "Violation of child-rights legislation by officials"), 10, 10),
    Article("127-3.2", "127-3", "2", Bilingual(
        "Сол әрекетті бір жыл ішінде қайталап жасау",
        "То же деяние, совершённое повторно в течение года",
        "The same act repeated within a year"), 30, 30),
    Article("135.1", "135", "1", Bilingual(
        "Баланың құқықтарын бұзу",
        "Нарушение прав ребёнка",
        "Violation of the rights of the child"), 5, 20),
    Article("425.1", "425", "1", Bilingual(
        "Санитариялық-эпидемиологиялық талаптарды бұзу",
        "Нарушение санитарно-эпидемиологических требований",
        "Violation of sanitary and epidemiological requirements"), 20, 230),
)
