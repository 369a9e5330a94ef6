"""Editable reference data (regions, districts, competent bodies, MRP by year, offence
articles), settings and profile."""

from __future__ import annotations

from typing import overload

import sqlalchemy as sa

from inspector_app.core.domain.models import Bilingual, InspectorProfile, Region
from inspector_app.core.domain.reference import (
    ARTICLES,
    BODIES,
    DISTRICTS,
    MRP_BY_YEAR,
    REGIONS,
    Article,
    District,
)
from inspector_app.desktop.storage import models
from inspector_app.desktop.storage.engine import Database, sqlite_upsert

_REGIONS, _MRP, _ARTICLES = models.regions, models.mrp, models.articles
_SETTINGS, _PROFILE = models.settings, models.profile
_BODIES, _DISTRICTS = models.bodies, models.districts


def seed(connection: sa.Connection) -> None:
    """First values of a new store (later updated by sync or by an administrator)."""
    connection.execute(
        sa.insert(_REGIONS),
        [{"code": r.code, "name_kk": r.name.kk, "name_ru": r.name.ru, "name_en": r.name.en} for r in REGIONS],
    )
    connection.execute(sa.insert(_MRP), [{"year": y, "tenge": t} for y, t in MRP_BY_YEAR.items()])
    connection.execute(sa.insert(_ARTICLES), [_article_row(a) for a in ARTICLES])
    seed_bodies_and_districts(connection)


def seed_bodies_and_districts(connection: sa.Connection) -> None:
    """The competent bodies and districts the application ships with."""
    connection.execute(sa.insert(_BODIES), [{"code": c, **_names(n)} for c, n in BODIES.items()])
    connection.execute(
        sa.insert(_DISTRICTS), [{"code": d.code, "region": d.region, **_names(d.name)} for d in DISTRICTS]
    )


def _names(name: Bilingual) -> dict[str, str]:
    return {"name_kk": name.kk, "name_ru": name.ru, "name_en": name.en}


def _bilingual(row) -> Bilingual:
    return Bilingual(row["name_kk"], row["name_ru"], row["name_en"])


def _article_row(a: Article) -> dict:
    return {
        "code": a.code,
        "article": a.article,
        "part": a.part,
        "title_kk": a.title.kk,
        "title_ru": a.title.ru,
        "title_en": a.title.en,
        "min_mrp": a.min_mrp,
        "max_mrp": a.max_mrp,
        "item": a.item,
        "protocol_by": a.protocol_by,
        "decided_by": a.decided_by,
        "repeat": a.repeat,
        "org_mrp": {size: list(bounds) for size, bounds in a.org_mrp.items()},
    }


def article_from_row(r) -> Article:
    """A reference row (local store or the sync wire, as a mapping) as an Article."""
    return Article(
        r["code"],
        r["article"],
        r["part"],
        Bilingual(r["title_kk"], r["title_ru"], r["title_en"]),
        r["min_mrp"],
        r["max_mrp"],
        item=r["item"] or "",
        protocol_by=r["protocol_by"] or "committee",
        decided_by=r["decided_by"] or "court",
        repeat=bool(r["repeat"]),
        org_mrp={size: (int(b[0]), int(b[1])) for size, b in (r["org_mrp"] or {}).items()},
    )


class ReferenceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def regions(self) -> list[Region]:
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_REGIONS)).mappings().all()
        return [Region(r["code"], Bilingual(r["name_kk"], r["name_ru"], r["name_en"])) for r in rows]

    def bodies(self, *, active_only: bool = True) -> dict[str, Bilingual]:
        """Competent bodies by code (the Committee and the court among them); the built-in
        ones while the store has none. An inactive body is left out unless asked for: it is
        no longer offered, but a record made before still names it."""
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_BODIES).order_by(_BODIES.c.code)).mappings().all()
        if not rows:
            return dict(BODIES)
        return {r["code"]: _bilingual(r) for r in rows if r["active"] or not active_only}

    def districts(self, region: str | None = None) -> list[District]:
        """Active districts (of `region`, if given) by Russian name; the built-in ones while
        the store has none."""
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_DISTRICTS).order_by(_DISTRICTS.c.name_ru)).mappings().all()
        if rows:
            found = [District(r["code"], r["region"], _bilingual(r)) for r in rows if r["active"]]
        else:
            found = list(DISTRICTS)
        return [d for d in found if region is None or d.region == region]

    def mrp_by_year(self) -> dict[int, int]:
        with self._db.read() as connection:
            return dict(connection.execute(sa.select(_MRP.c.year, _MRP.c.tenge)).all())

    def set_mrp(self, year: int, tenge: int) -> None:
        statement = sqlite_upsert(_MRP, {"year": year, "tenge": tenge}, ["year"])
        with self._db.write() as connection:
            connection.execute(statement)

    def articles(self) -> list[Article]:
        with self._db.read() as connection:
            rows = connection.execute(sa.select(_ARTICLES).order_by(_ARTICLES.c.code)).mappings()
            return [article_from_row(r) for r in rows]

    # settings: small key-value pairs (language, server address, sync cursor, ...)
    @overload
    def setting(self, key: str, default: str) -> str: ...
    @overload
    def setting(self, key: str, default: None = None) -> str | None: ...
    def setting(self, key: str, default: str | None = None) -> str | None:
        with self._db.read() as connection:
            value = connection.execute(sa.select(_SETTINGS.c.value).where(_SETTINGS.c.key == key)).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._db.write() as connection:
            connection.execute(sqlite_upsert(_SETTINGS, {"key": key, "value": value}, ["key"]))

    def profile(self) -> InspectorProfile:
        with self._db.read() as connection:
            row = connection.execute(sa.select(_PROFILE)).mappings().one()
        return InspectorProfile(**{k: row[k] for k in row if k != "id"})

    def save_profile(self, profile: InspectorProfile) -> None:
        row = {"id": 1, **profile.__dict__}
        with self._db.write() as connection:
            connection.execute(sqlite_upsert(_PROFILE, row, ["id"]))
