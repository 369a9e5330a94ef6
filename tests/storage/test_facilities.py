import pytest

from inspector_app.core.domain.models import Facility, FacilityKind
from inspector_app.core.domain.text import name_sort_key
from inspector_app.demo.facilities import demo_facilities


@pytest.fixture
def register(store):
    store.facilities.upsert_many(
        [
            *demo_facilities(300),
            Facility(
                "kar-1",
                "Қарағанды қаласының №1 балалар үйі",
                "Детский дом №1 города Караганды",
                FacilityKind.ORPHANAGE,
                "KAR",
                district="Қазыбек би ауданы",
                settlement="Қарағанды",
                special_control=True,
            ),
            Facility(
                "ore-1",
                "Өскемен №3 мектеп",
                "Школа №3 Усть-Каменогорск",
                FacilityKind.SCHOOL,
                "VKO",
                settlement="Өскемен",
            ),
        ]
    )
    return store.facilities


@pytest.mark.parametrize("typed", ["ҚАРАҒАНДЫ", "қарағанды", "Караганды", "караг", "КАРАГАНДЫ үйі"])
def test_search_folds_case_and_kazakh_lookalikes(register, typed):
    assert "kar-1" in [f.id for f in register.search(typed)]


def test_search_by_russian_name_and_kazakh_settlement(register):
    found = register.search("детский дом караганды")  # the city's name, or the region's
    assert "kar-1" in [f.id for f in found] and all(f.region == "KAR" for f in found)
    assert "ore-1" in [f.id for f in register.search("Оскемен школа")]


def test_filters_narrow_the_results(register):
    found = register.search("", region="KAR", kind=FacilityKind.ORPHANAGE, special_control=True)
    assert found and all(
        f.region == "KAR" and f.kind is FacilityKind.ORPHANAGE and f.special_control for f in found
    )
    assert "kar-1" in [f.id for f in found]
    assert register.search("караганды", region="ALA") == []


def test_districts_of_a_region(register):
    assert "Қазыбек би ауданы" in register.districts("KAR")


def test_upsert_replaces_and_reindexes(register):
    facility = register.get("ore-1")
    facility.name_ru = "Гимназия №3 Усть-Каменогорск"
    register.upsert_many([facility])
    assert [f.id for f in register.search("гимназия")] == ["ore-1"]
    assert register.search("школа №3 усть") == []


@pytest.mark.parametrize("region", [None, "KAR"])
def test_the_list_follows_the_alphabet_of_the_interface_language(register, region):
    kazakh = register.search("", region=region, language="kk", limit=100_000)
    russian = register.search("", region=region, language="ru", limit=100_000)
    assert [f.id for f in kazakh] == [f.id for f in sorted(kazakh, key=lambda f: name_sort_key(f.name_kk))]
    assert [f.id for f in russian] == [f.id for f in sorted(russian, key=lambda f: name_sort_key(f.name_ru))]
    assert {f.id for f in kazakh} == {f.id for f in russian} and kazakh[0].id != russian[0].id


def test_a_renamed_facility_takes_its_new_place_in_kazakh_order(register):
    facility = register.get("ore-1")
    facility.name_kk = "Әуезов атындағы №3 мектеп"
    register.upsert_many([facility])
    names = [f.name_kk for f in register.search("", language="kk", limit=100_000)]
    place = names.index("Әуезов атындағы №3 мектеп")  # after every А..., before every Е...
    assert all(n.startswith("А") for n in names[:place] if n[0] in "АЕ")
    assert all(n.startswith("Е") for n in names[place + 1 :] if n[0] in "АЕ")
    assert any(n.startswith("А") for n in names[:place]) and names[-1].startswith("І")


def test_districts_are_listed_in_alphabet_order(store):
    names = [
        "Қазыбек би ауданы",
        "Ясный",
        "Абай ауданы",
        "Әлихан Бөкейхан ауданы",
        "№2 учаскесі",
        "№12 учаскесі",
    ]
    store.facilities.upsert_many(
        [
            Facility(f"d-{n}", f"Мектеп {n}", f"Школа {n}", FacilityKind.SCHOOL, "KAR", district=name)
            for n, name in enumerate(names)
        ]
    )
    assert store.facilities.districts("KAR") == [
        "№2 учаскесі",
        "№12 учаскесі",
        "Абай ауданы",
        "Әлихан Бөкейхан ауданы",
        "Қазыбек би ауданы",
        "Ясный",
    ]


@pytest.mark.parametrize("typed", ["Қарағанды", "Карагандинская", "карагандинская обл", "Қарағанды облысы"])
def test_region_names_find_the_facilities_there_in_either_language(register, typed):
    found = register.search(typed, limit=100_000)
    assert "kar-1" in [f.id for f in found]
    assert all(f.region == "KAR" or "караганд" in f.name_ru.casefold() for f in found)


def test_a_district_name_finds_the_facilities_in_it(register):
    assert "kar-1" in [f.id for f in register.search("Казыбек би", limit=100_000)]


def test_the_count_says_how_many_match_beyond_the_limit(register):
    everything = register.count_matching()
    assert everything == register.count() == 302
    assert len(register.search(limit=200)) == 200
    assert register.count_matching("Карагандинская") == len(register.search("Карагандинская", limit=100_000))
    assert register.count_matching("", region="KAR") == len(register.search("", region="KAR", limit=100_000))


def test_region_names_become_searchable_by_the_migration(store, register):
    from inspector_app.desktop.storage import migrate

    with store.db.write() as connection:  # as the search text was before 0008
        connection.exec_driver_sql("UPDATE facilities SET search_text = 'x' WHERE id = 'kar-1'")
    migrate.downgrade(store.db, "0007")
    assert "kar-1" not in [f.id for f in register.search("Карагандинская", limit=100_000)]
    migrate.upgrade(store.db)
    assert "kar-1" in [f.id for f in register.search("Карагандинская", limit=100_000)]
    assert "kar-1" in [f.id for f in register.search("детский дом", limit=100_000)]
