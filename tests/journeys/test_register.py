"""Journey 2: finding a facility in the register: Kazakh letters, Russian look-alikes, a
region's name, filters."""

import pytest

from inspector_app.core.domain.models import FacilityKind
from tests.journeys import driver
from tests.journeys.conftest import LANGUAGES, sign_in_demo


def names(register) -> list[str]:
    return [register.model.row(r).name_kk for r in range(register.model.rowCount())]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_and_filters(start_app, lang):
    window = sign_in_demo(start_app, lang, server=False)
    register = window.register
    search = driver.find(window, "register_search")
    driver.fill(search, "Қарабұлақ")
    driver.wait_until(lambda: names(register) and all("Қарабұлақ" in n for n in names(register)))
    driver.fill(search, "карабулак")  # typed on a Russian keyboard, no Kazakh letters
    driver.wait_until(lambda: names(register) and all("Қарабұлақ" in n for n in names(register)))
    driver.choose_data(driver.find(window, "register_kind"), FacilityKind.CAMP.value)
    driver.wait_until(
        lambda: all(register.model.row(r).kind is FacilityKind.CAMP for r in range(register.model.rowCount()))
    )
    driver.choose_data(driver.find(window, "register_kind"), None)
    driver.fill(search, "Қарағанды" if lang == "kk" else "Карагандинская")
    driver.wait_until(
        lambda: (
            register.model.rowCount() > 0
            and all(register.model.row(r).region == "KAR" for r in range(register.model.rowCount()))
        ),
        what="facilities of Karaganda region by the region's name",
    )
    driver.fill(search, "")
    driver.choose_data(driver.find(window, "register_region"), "KAR")
    driver.choose_index(driver.find(window, "register_district"), 1)
    driver.wait_until(
        lambda: (
            register.model.rowCount() > 0
            and all(register.model.row(r).region == "KAR" for r in range(register.model.rowCount()))
        )
    )
    driver.fill(search, "")
    driver.choose_data(driver.find(window, "register_region"), None)
    shown = register.model.rowCount()
    driver.press(window, "register_more")
    driver.wait_until(lambda: register.model.rowCount() > shown, what="more facilities")
    driver.click(driver.find(window, "register_special"))
    driver.wait_until(
        lambda: all(register.model.row(r).special_control for r in range(register.model.rowCount()))
    )
