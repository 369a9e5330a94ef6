"""Migration 0009: competence in the article rows, positions per language in the profile."""

from __future__ import annotations

import sqlalchemy as sa

from inspector_app.desktop.storage import migrate


def test_seeded_articles_get_competence_and_the_fire_safety_article(store):
    migrate.downgrade(store.db, "0007")
    with store.db.write() as connection:
        connection.execute(sa.text("DELETE FROM articles WHERE code = '410.1'"))
        connection.execute(sa.text("UPDATE articles SET title_ru = 'старое' WHERE code = '425.1'"))
    migrate.upgrade(store.db)
    assert migrate.current_revision(store.db) == migrate.HEAD
    articles = {a.code: a for a in store.reference.articles()}
    assert articles["425.1"].protocol_by == "sanitary" and not articles["425.1"].by_committee
    assert articles["425.1"].title.ru.startswith("Нарушение законодательства")
    assert articles["127-3.2"].repeat and articles["135.1"].org_mrp["large"] == (50, 50)
    assert articles["410.1"].protocol_by == "emergency"
    profile = store.reference.profile()
    assert (profile.position_kk, profile.position_ru) == ("", "")


def test_a_store_from_before_gets_bodies_and_districts_and_pulls_again_from_the_start(store):
    """Migration 0014: the shipped bodies and districts, and the sync cursor back to 0 (the
    server left changes of these kinds out of the pulls made before)."""
    migrate.downgrade(store.db, "0013")
    store.reference.set_setting("sync.cursor", "4711")
    migrate.upgrade(store.db)
    assert migrate.current_revision(store.db) == migrate.HEAD
    assert store.reference.setting("sync.cursor") == "0"
    bodies = store.reference.bodies()
    assert bodies["sanitary"].ru.startswith("Территориальный департамент") and "committee" in bodies
    assert "ALA-AUE" in [d.code for d in store.reference.districts("ALA")]
    with store.db.write() as connection:
        connection.execute(sa.text("UPDATE bodies SET active = 0 WHERE code = 'police'"))
    assert "police" not in store.reference.bodies()
    assert "police" in store.reference.bodies(active_only=False)
