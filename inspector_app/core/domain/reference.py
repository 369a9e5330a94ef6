"""Reference data shipped with the app. Stored in the local database as editable rows;
these are only the first values a new store is seeded with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from inspector_app.core.domain.models import Bilingual, Region

REGIONS: tuple[Region, ...] = tuple(
    Region(code, Bilingual(kk, ru, en))
    for code, kk, ru, en in (
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
    )
)

MRP_BY_YEAR: dict[int, int] = {2024: 3692, 2025: 3932, 2026: 4325}


COMMITTEE = "committee"  # the Committee for the Protection of Children's Rights and its departments
COURT = "court"

# Bodies a violation may be referred to, and who decides a case. Names of the kinds of body;
# the letter names the particular department. [unconfirmed: editable reference data]
BODIES: dict[str, Bilingual] = {
    COMMITTEE: Bilingual(
        "Бала құқықтарын қорғау комитеті (оның аумақтық департаменті)",
        "Комитет по охране прав детей (его территориальный департамент)",
        "Committee for the Protection of Children's Rights",
    ),
    COURT: Bilingual("сот", "суд", "the court"),
    "sanitary": Bilingual(
        "Санитариялық-эпидемиологиялық бақылау комитетінің аумақтық департаменті",
        "Территориальный департамент санитарно-эпидемиологического контроля",
        "Sanitary-epidemiological control department",
    ),
    "emergency": Bilingual(
        "Төтенше жағдайлар министрлігінің аумақтық органы (өрт қауіпсіздігі)",
        "Территориальный орган Министерства по чрезвычайным ситуациям (пожарная безопасность)",
        "Emergency service (fire safety)",
    ),
    "police": Bilingual("Ішкі істер органдары (полиция)", "Органы внутренних дел (полиция)", "The police"),
    "water_rescue": Bilingual(
        "Ішкі істер органдары (судағы адамдардың қауіпсіздігі)",
        "Органы внутренних дел (безопасность людей на водных объектах)",
        "Water safety (police)",
    ),
    "labour": Bilingual(
        "Еңбек инспекциясы жөніндегі аумақтық бөлімше",
        "Территориальное подразделение по инспекции труда",
        "Labour inspection",
    ),
    "education_quality": Bilingual(
        "Білім беру саласындағы сапаны қамтамасыз ету комитетінің аумақтық департаменті",
        "Территориальный департамент Комитета по обеспечению качества в сфере образования",
        "Education quality assurance department",
    ),
    "guardianship": Bilingual(
        "Қорғаншылық және қамқоршылық органы", "Орган опеки и попечительства", "Guardianship authority"
    ),
}


def referral_bodies(bodies: Mapping[str, Bilingual]) -> dict[str, Bilingual]:
    """The bodies a violation may be referred to: all but the Committee and the court."""
    return {code: name for code, name in bodies.items() if code not in (COMMITTEE, COURT)}


@dataclass(frozen=True)
class District:
    """A district of a region (or of a city of republican significance). Facilities name
    their district in free text; these are the names offered. [editable reference data]"""

    code: str
    region: str  # a REGIONS code
    name: Bilingual
    active: bool = True


DISTRICTS: tuple[District, ...] = tuple(
    District(code, region, Bilingual(kk, ru, en))
    for code, region, kk, ru, en in (
        ("AST-ALM", "AST", "Алматы ауданы", "район Алматы", "Almaty district"),
        ("AST-BAI", "AST", "Байқоңыр ауданы", "район Байконыр", "Baikonyr district"),
        ("AST-ESL", "AST", "Есіл ауданы", "район Есиль", "Esil district"),
        ("AST-NUR", "AST", "Нұра ауданы", "район Нура", "Nura district"),
        ("AST-SAR", "AST", "Сарыарқа ауданы", "район Сарыарка", "Saryarka district"),
        ("ALA-ALT", "ALA", "Алатау ауданы", "Алатауский район", "Alatau district"),
        ("ALA-ALM", "ALA", "Алмалы ауданы", "Алмалинский район", "Almaly district"),
        ("ALA-AUE", "ALA", "Әуезов ауданы", "Ауэзовский район", "Auezov district"),
        ("ALA-BOS", "ALA", "Бостандық ауданы", "Бостандыкский район", "Bostandyk district"),
        ("ALA-ZHE", "ALA", "Жетісу ауданы", "Жетысуский район", "Zhetysu district"),
        ("ALA-MED", "ALA", "Медеу ауданы", "Медеуский район", "Medeu district"),
        ("ALA-NAU", "ALA", "Наурызбай ауданы", "Наурызбайский район", "Nauryzbay district"),
        ("ALA-TUR", "ALA", "Түрксіб ауданы", "Турксибский район", "Turksib district"),
        ("SHY-ABA", "SHY", "Абай ауданы", "Абайский район", "Abai district"),
        ("SHY-ALF", "SHY", "Әл-Фараби ауданы", "район Аль-Фараби", "Al-Farabi district"),
        ("SHY-ENB", "SHY", "Еңбекші ауданы", "Енбекшинский район", "Enbekshi district"),
        ("SHY-KAR", "SHY", "Қаратау ауданы", "Каратауский район", "Karatau district"),
        ("SHY-TUR", "SHY", "Тұран ауданы", "район Туран", "Turan district"),
    )
)


@dataclass(frozen=True)
class Article:
    """An article (part, sub-item) of the Code on Administrative Offences with its sanction
    in MRP, who draws up protocols under it and who decides the case.

    `title` is the article's title as in the Code. `min_mrp`..`max_mrp` is the range for a
    person or official; where the sanction on an organisation depends on its size,
    `org_mrp` gives the range per `BusinessSize` value. `repeat` marks a part that depends
    on an earlier penalty. All of it is editable reference data, not confirmed legal text."""

    code: str  # "127-3.1"
    article: str
    part: str
    title: Bilingual
    min_mrp: int
    max_mrp: int
    item: str = ""  # sub-item of the part
    protocol_by: str = COMMITTEE  # a BODIES key
    decided_by: str = COURT  # a BODIES key
    repeat: bool = False
    org_mrp: dict[str, tuple[int, int]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def by_committee(self) -> bool:
        return self.protocol_by == COMMITTEE

    def range_for(self, size: str | None) -> tuple[int, int]:
        """The fine range for an organisation of `size` (None: a person or official)."""
        if size is not None and size in self.org_mrp:
            return self.org_mrp[size]
        return self.min_mrp, self.max_mrp


_CHILD_RIGHTS = Bilingual(
    "Ұйымдардың басшылары мен лауазымды адамдарының Қазақстан Республикасының бала құқықтары "
    "туралы заңнамасын бұзуы",
    "Нарушение законодательства Республики Казахстан о правах ребёнка руководителями "
    "организаций и должностными лицами",
    "Violation of child-rights legislation by heads of organisations and officials",
)

ARTICLES: tuple[Article, ...] = (
    Article("127-3.1", "127-3", "1", _CHILD_RIGHTS, 10, 10),
    Article("127-3.2", "127-3", "2", _CHILD_RIGHTS, 30, 30, repeat=True),
    Article(
        "135.1",
        "135",
        "1",
        Bilingual(
            "Баланың құқықтарын бұзу", "Нарушение прав ребёнка", "Violation of the rights of the child"
        ),
        5,
        20,
        org_mrp={"small": (20, 20), "medium": (30, 30), "large": (50, 50), "non_commercial": (20, 20)},
    ),
    Article(
        "425.1",
        "425",
        "1",
        Bilingual(
            "Халықтың санитариялық-эпидемиологиялық салауаттылығы саласындағы Қазақстан "
            "Республикасының заңнамасын бұзу",
            "Нарушение законодательства Республики Казахстан в области санитарно-"
            "эпидемиологического благополучия населения",
            "Violation of the legislation on the sanitary-epidemiological welfare of the population",
        ),
        20,
        20,
        protocol_by="sanitary",
        decided_by="sanitary",
        org_mrp={"small": (30, 30), "medium": (50, 50), "large": (230, 230), "non_commercial": (30, 30)},
    ),
    Article(
        "410.1",
        "410",
        "1",
        Bilingual(
            "Өрт қауіпсіздігі талаптарын бұзу",
            "Нарушение требований пожарной безопасности",
            "Violation of fire safety requirements",
        ),
        10,
        10,
        protocol_by="emergency",
        decided_by="emergency",
        org_mrp={"small": (20, 20), "medium": (50, 50), "large": (100, 100), "non_commercial": (20, 20)},
    ),
)
