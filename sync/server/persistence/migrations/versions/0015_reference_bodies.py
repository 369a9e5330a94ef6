"""Competent bodies and districts as reference data administrators edit (never deleted:
records refer to their codes; an inactive one is no longer offered); region names become
editable too (their codes stay: the administrative division). Seeded with the bodies and
districts the application ships with.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

NAMES = ("name_kk", "name_ru", "name_en")


def upgrade() -> None:
    op.create_table(
        "bodies",
        sa.Column("code", sa.String(40), primary_key=True),
        *(sa.Column(name, sa.Text(), nullable=False) for name in NAMES),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "districts",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("region", sa.String(16), sa.ForeignKey("regions.code"), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in NAMES),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.create_index("ix_districts_region", "districts", ["region"])
    _seed()


def _seed() -> None:
    """The bodies and districts as of this migration (a copy: migrations never import live code)."""
    bodies = sa.table("bodies", *(sa.column(c) for c in ("code", *NAMES)))
    op.bulk_insert(bodies, [dict(zip(("code", *NAMES), b, strict=True)) for b in BODIES])
    districts = sa.table("districts", *(sa.column(c) for c in ("code", "region", *NAMES)))
    known = set(op.get_bind().execute(sa.text("SELECT code FROM regions")).scalars())
    op.bulk_insert(
        districts,
        [dict(zip(("code", "region", *NAMES), d, strict=True)) for d in DISTRICTS if d[1] in known],
    )


def downgrade() -> None:
    op.drop_index("ix_districts_region", table_name="districts")
    op.drop_table("districts")
    op.drop_table("bodies")


BODIES = (
    (
        "committee",
        "Бала құқықтарын қорғау комитеті (оның аумақтық департаменті)",
        "Комитет по охране прав детей (его территориальный департамент)",
        "Committee for the Protection of Children's Rights",
    ),
    ("court", "сот", "суд", "the court"),
    (
        "sanitary",
        "Санитариялық-эпидемиологиялық бақылау комитетінің аумақтық департаменті",
        "Территориальный департамент санитарно-эпидемиологического контроля",
        "Sanitary-epidemiological control department",
    ),
    (
        "emergency",
        "Төтенше жағдайлар министрлігінің аумақтық органы (өрт қауіпсіздігі)",
        "Территориальный орган Министерства по чрезвычайным ситуациям (пожарная безопасность)",
        "Emergency service (fire safety)",
    ),
    ("police", "Ішкі істер органдары (полиция)", "Органы внутренних дел (полиция)", "The police"),
    (
        "water_rescue",
        "Ішкі істер органдары (судағы адамдардың қауіпсіздігі)",
        "Органы внутренних дел (безопасность людей на водных объектах)",
        "Water safety (police)",
    ),
    (
        "labour",
        "Еңбек инспекциясы жөніндегі аумақтық бөлімше",
        "Территориальное подразделение по инспекции труда",
        "Labour inspection",
    ),
    (
        "education_quality",
        "Білім беру саласындағы сапаны қамтамасыз ету комитетінің аумақтық департаменті",
        "Территориальный департамент Комитета по обеспечению качества в сфере образования",
        "Education quality assurance department",
    ),
    (
        "guardianship",
        "Қорғаншылық және қамқоршылық органы",
        "Орган опеки и попечительства",
        "Guardianship authority",
    ),
)

DISTRICTS = (
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
