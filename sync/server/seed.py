"""Demo data: three users, facilities across regions, the forms and reference data."""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.domain.identifiers import make_valid_12
from inspector_app.domain.models import Facility, FacilityKind, RiskDegree
from inspector_app.domain.reference import ARTICLES, MRP_BY_YEAR
from sync import protocol

from .models import User
from .principal import SYSTEM
from .registry import set_article, set_mrp, upsert_facilities, upsert_form
from .users import create_user

DEMO_PASSWORD = "demo-password"
DEMO_USERS = (
    ("inspector", "Айгүл Сәрсенова", "inspector", ["AST", "AKM"]),
    ("supervisor", "Нұрлан Қасымов", "supervisor", ["AST", "AKM", "ALA"]),
    ("admin", "Әкімші", "administrator", []),
)

_KINDS = {
    FacilityKind.SCHOOL: ("№{n} жалпы білім беретін мектеп", "Общеобразовательная школа №{n}"),
    FacilityKind.CAMP: ("«Балдырған-{n}» балалар лагері", "Детский лагерь «Балдырган-{n}»"),
    FacilityKind.ORPHANAGE: ("№{n} балалар үйі", "Детский дом №{n}"),
    FacilityKind.SPECIAL_NEEDS: ("№{n} арнаулы мектеп-интернат", "Специальная школа-интернат №{n}"),
}
_REGIONS = ("AST", "AKM", "ALA", "SHY", "KAR", "TUR")
_DISTRICTS = {"AST": "Есіл", "AKM": "Целиноград", "ALA": "Бостандық", "SHY": "Әл-Фараби",
              "KAR": "Қазыбек би", "TUR": "Сайрам"}


@dataclass
class SeedReport:
    users: list[str]
    facilities: int
    forms: list[str]
    unavailable_forms: list[str]


def demo_facilities() -> list[Facility]:
    facilities = []
    for r, region in enumerate(_REGIONS):
        for k, (kind, (name_kk, name_ru)) in enumerate(_KINDS.items()):
            n = 10 * (r + 1) + k + 1
            facilities.append(Facility(
                id=f"{region}-{kind.value}-{n}", name_kk=name_kk.format(n=n),
                name_ru=name_ru.format(n=n), kind=kind, region=region,
                district=_DISTRICTS[region], settlement=_DISTRICTS[region],
                bin=make_valid_12(f"0{r}0{k}40{n:03d}00"[:11]) or "",
                address=f"{_DISTRICTS[region]}, {n}-көше, {n}", head="Директор",
                capacity=300 + 50 * k, children=250 + 40 * k,
                risk=(RiskDegree.HIGH, RiskDegree.MEDIUM, RiskDegree.LOW)[(r + k) % 3],
                special_control=kind is FacilityKind.ORPHANAGE))
    return facilities


def seed_demo(session: Session, forms_dir=None) -> SeedReport:
    users = []
    for username, full_name, role, regions in DEMO_USERS:
        if session.scalar(sa.select(User.id).where(User.username == username)) is None:
            create_user(session, username=username, password=DEMO_PASSWORD, role=role,
                        regions=regions, full_name=full_name)
            users.append(username)
    count = upsert_facilities(session, SYSTEM, demo_facilities())
    for year, tenge in MRP_BY_YEAR.items():
        set_mrp(session, SYSTEM, protocol.Mrp(year=year, tenge=tenge))
    for a in ARTICLES:
        set_article(session, SYSTEM, protocol.Article(
            code=a.code, article=a.article, part=a.part, title_kk=a.title.kk, title_ru=a.title.ru,
            title_en=a.title.en, min_mrp=a.min_mrp, max_mrp=a.max_mrp))
    published, unavailable = load_forms(session, forms_dir)
    return SeedReport(users=users, facilities=count, forms=published, unavailable_forms=unavailable)


def load_forms(session: Session, forms_dir=None) -> tuple[list[str], list[str]]:
    from inspector_app import forms_loader
    forms, unavailable = forms_loader.load_forms(forms_dir or forms_loader.FORMS_DIR)
    published = []
    for form in forms:
        content = forms_loader.form_content(form)
        upsert_form(session, SYSTEM, content, forms_loader.content_hash(content))
        published.append(f"{form.id} v{form.version}")
    return published, [f"{u.source}: {u.error}" for u in unavailable]
