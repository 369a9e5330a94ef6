"""Competence in the reference data, and positions per language in the profile

Articles say who draws up protocols under them and who decides the case, their sub-item,
whether the part depends on repetition, and the fine ranges per business size. The articles
seeded by earlier versions get the values of the current seed; a store seeded before has
the new article 410 part 1 added (a new store is seeded after its migrations).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from inspector_app.core.domain.reference import ARTICLES

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NEW = ("item", "protocol_by", "decided_by", "repeat", "org_mrp")


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("item", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("protocol_by", sa.Text(), nullable=False, server_default="committee"))
        batch_op.add_column(sa.Column("decided_by", sa.Text(), nullable=False, server_default="court"))
        batch_op.add_column(sa.Column("repeat", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("org_mrp", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position_kk", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("position_ru", sa.Text(), nullable=False, server_default=""))
    _update_seeded_articles(op.get_bind())


def _update_seeded_articles(connection: sa.Connection) -> None:
    from inspector_app.desktop.storage.models import articles
    from inspector_app.desktop.storage.reference import _article_row

    existing = set(connection.execute(sa.select(articles.c.code)).scalars())
    if not existing:
        return  # a new store: seeded after its migrations
    for article in ARTICLES:
        row = _article_row(article)
        if article.code in existing:
            connection.execute(
                sa.update(articles)
                .where(articles.c.code == article.code)
                .values({k: row[k] for k in row if k != "code"})
            )
        else:
            connection.execute(sa.insert(articles).values(row))


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("position_ru")
        batch_op.drop_column("position_kk")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        for name in reversed(_NEW):
            batch_op.drop_column(name)
