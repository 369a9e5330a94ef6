"""Fines are set in MRP and paid in tenge at the MRP of the offence year."""

from __future__ import annotations

from collections.abc import Mapping

from inspector_app.core.domain.errors import UserError, register_messages


def fine_in_tenge(fine_mrp: int, year: int, mrp_by_year: Mapping[int, int]) -> int:
    if fine_mrp <= 0:
        raise UserError("fine.not_positive")
    if year not in mrp_by_year:
        raise UserError("fine.no_mrp", year=year)
    return fine_mrp * mrp_by_year[year]


register_messages(
    {
        "fine.not_positive": {
            "kk": "Айыппұл АЕК-пен оң сан болуы керек.",
            "ru": "Штраф в МРП должен быть положительным числом.",
            "en": "The fine in MRP must be a positive number.",
        },
        "fine.no_mrp": {
            "kk": "{year} жылғы АЕК мәні анықтамалықта жоқ. Анықтамалыққа қосыңыз немесе синхрондаңыз.",
            "ru": "В справочнике нет МРП на {year} год. Добавьте его в справочник или выполните синхронизацию.",
            "en": "There is no MRP for {year} in the reference data. Add it or sync with the server.",
        },
    }
)
