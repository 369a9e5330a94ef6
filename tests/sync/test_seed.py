"""`seed-demo`: the desktop's demo register, the demo users' regions, every form published."""

from __future__ import annotations

import sqlalchemy as sa

from inspector_app.core.forms import loader as forms_loader
from inspector_app.demo.facilities import demo_facilities
from sync.server.persistence.db import Database
from sync.server.persistence.models import FacilityRow, FormRow, User, UserRegion
from sync.server.services.seed import seed_demo


def test_the_server_demo_register_is_the_desktops_and_every_form_is_published(db_url):
    db = Database(db_url)
    with db.write() as session:
        first = seed_demo(session)
    with db.write() as session:
        again = seed_demo(session)
    with db.read() as session:
        facilities = {r.id: (r.name_kk, r.region, r.bin) for r in session.scalars(sa.select(FacilityRow))}
        regions = set(
            session.scalars(
                sa.select(UserRegion.region)
                .join(User, User.id == UserRegion.user_id)
                .where(User.username == "inspector")
            )
        )
        forms = set(session.execute(sa.select(FormRow.form_id, FormRow.kind)).all())
    db.dispose()
    desktop = demo_facilities(2000)
    assert facilities == {f.id: (f.name_kk, f.region, f.bin) for f in desktop}
    assert first.facilities == 2000 and again.facilities == 0 and not first.unavailable_forms
    assert regions == {"AST", "AKM", "ALA"}
    assert forms == {
        ("school", "school"),
        ("camp", "camp"),
        ("orphanage", "orphanage"),
        ("special_needs", "special_needs"),
    }
    assert {f.id for f in forms_loader.load_forms(forms_loader.FORMS_DIR)[0]} == {f for f, _ in forms}
