"""Demo data: three users, the desktop's demo register of facilities, every form in
`forms/` and the reference data."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from inspector_app.core import protocol
from inspector_app.core.domain.models import Facility
from inspector_app.core.domain.reference import ARTICLES, MRP_BY_YEAR
from inspector_app.demo import facilities as inspector_demo
from sync.server.persistence.models import User
from sync.server.services.principal import SYSTEM
from sync.server.services.registry import (
    org_mrp_to_wire,
    set_article,
    set_mrp,
    upsert_facilities,
    upsert_form,
)
from sync.server.services.users import create_user

DEMO_PASSWORD = "demo-password"
DEMO_REGIONS = ["AST", "AKM", "ALA"]
DEMO_USERS: tuple[tuple[str, str, str, list[str]], ...] = (
    ("inspector", "Айгүл Сәрсенова", "inspector", DEMO_REGIONS),
    ("supervisor", "Нұрлан Қасымов", "supervisor", DEMO_REGIONS),
    ("admin", "Әкімші", "administrator", []),
)
DEMO_FACILITIES = 2000  # the desktop's demo register (inspector_app.demo.facilities), so ids match


@dataclass
class SeedReport:
    users: list[str]
    facilities: int
    forms: list[str]
    unavailable_forms: list[str]


def demo_facilities() -> list[Facility]:
    """The same deterministic register the desktop's demo uses."""
    return inspector_demo.demo_facilities(DEMO_FACILITIES)


def seed_demo(session: Session, forms_dir=None) -> SeedReport:
    users = []
    for username, full_name, role, regions in DEMO_USERS:
        if session.scalar(sa.select(User.id).where(User.username == username)) is None:
            create_user(
                session,
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                regions=regions,
                full_name=full_name,
            )
            users.append(username)
    count = upsert_facilities(session, SYSTEM, demo_facilities())
    for year, tenge in MRP_BY_YEAR.items():
        set_mrp(session, SYSTEM, protocol.Mrp(year=year, tenge=tenge))
    for a in ARTICLES:
        set_article(
            session,
            SYSTEM,
            protocol.Article(
                code=a.code,
                article=a.article,
                part=a.part,
                title_kk=a.title.kk,
                title_ru=a.title.ru,
                title_en=a.title.en,
                min_mrp=a.min_mrp,
                max_mrp=a.max_mrp,
                item=a.item,
                protocol_by=a.protocol_by,
                decided_by=a.decided_by,
                repeat=a.repeat,
                org_mrp=org_mrp_to_wire(a.org_mrp),
            ),
        )
    published, unavailable = load_forms(session, forms_dir)
    return SeedReport(users=users, facilities=count, forms=published, unavailable_forms=unavailable)


def load_forms(session: Session, forms_dir=None) -> tuple[list[str], list[str]]:
    from inspector_app.core.forms import loader as forms_loader

    forms, unavailable = forms_loader.load_forms(forms_dir or forms_loader.FORMS_DIR)
    published = []
    for form in forms:
        content = forms_loader.form_content(form)
        upsert_form(session, SYSTEM, content, forms_loader.content_hash(content))
        published.append(f"{form.id} v{form.version}")
    return published, [f"{u.source}: {u.error}" for u in unavailable]
