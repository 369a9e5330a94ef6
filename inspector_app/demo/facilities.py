"""Deterministic demo data: a facility register of any size across all regions."""

from __future__ import annotations

import random

from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.models import Facility, FacilityKind, RiskDegree
from inspector_app.core.domain.reference import REGIONS

SETTLEMENTS = (
    "Ақсу",
    "Жаңаөзен",
    "Қарабұлақ",
    "Сарыағаш",
    "Шұбаркөл",
    "Үшарал",
    "Көктөбе",
    "Ереймен",
    "Талдықорған",
    "Әйтеке би",
    "Өскемен",
    "Құлсары",
    "Іле",
    "Ынтымақ",
)
DISTRICTS = ("Орталық ауданы", "Солтүстік ауданы", "Оңтүстік ауданы", "Шығыс ауданы", "Батыс ауданы")
NAMES = {
    FacilityKind.SCHOOL: ("№{n} жалпы білім беретін мектеп", "Общеобразовательная школа №{n}"),
    FacilityKind.CAMP: (
        "«Балдырған-{n}» балалар сауықтыру лагері",
        "Детский оздоровительный лагерь «Балдырган-{n}»",
    ),
    FacilityKind.ORPHANAGE: ("№{n} балалар үйі", "Детский дом №{n}"),
    FacilityKind.SPECIAL_NEEDS: ("№{n} арнайы мектеп-интернат", "Специальная школа-интернат №{n}"),
}
HEADS = (
    "Әлия Серікқызы Нұрланова",
    "Ғалым Қайратұлы Өтепов",
    "Айгүл Бекқызы Сәрсенова",
    "Ирина Петровна Смирнова",
    "Нұрлан Ерланұлы Қасымов",
)


def demo_bin(rng: random.Random, registered: str) -> str:
    """A BIN with a valid check digit: YYMM of registration, 4 (legal entity), 0, 6 digits."""
    while True:
        number = make_valid_12(f"{registered}40{rng.randrange(10**6):06d}"[:11])
        if number:
            return number


def demo_facilities(count: int, seed: int = 7) -> list[Facility]:
    rng = random.Random(seed)
    kinds = list(FacilityKind)
    result = []
    for n in range(1, count + 1):
        region = REGIONS[n % len(REGIONS)]
        kind = kinds[(n // len(REGIONS)) % len(kinds)]  # every kind in every region
        settlement = rng.choice(SETTLEMENTS)
        kk, ru = NAMES[kind]
        result.append(
            Facility(
                id=f"demo-{n:06d}",
                name_kk=f"{settlement} {kk.format(n=n)}",
                name_ru=f"{ru.format(n=n)} ({settlement})",
                kind=kind,
                region=region.code,
                district=rng.choice(DISTRICTS),
                settlement=settlement,
                bin=demo_bin(rng, f"{rng.randrange(0, 24):02d}{rng.randrange(1, 13):02d}"),
                address=f"{settlement}, {rng.choice(('Абай', 'Әл-Фараби', 'Жібек жолы', 'Құрманғазы'))} к-сі, {rng.randrange(1, 200)}",
                head=rng.choice(HEADS),
                capacity=rng.randrange(50, 1500),
                children=rng.randrange(20, 1200),
                risk=rng.choice(list(RiskDegree)),
                special_control=rng.random() < 0.1,
            )
        )
    return result
