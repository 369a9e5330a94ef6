"""A valid form of any size, for benchmarks and tests of big checklists.

Items come in sections of 20; every 10th item is a choice, every 10th a number, and every
5th verdict item is shown only when the item before it is violated (or, after a choice,
when a given choice is picked).
"""

from __future__ import annotations

import yaml

_DEGREES = ("gross", "significant", "minor")
_RIGHTS = (
    "housing",
    "property",
    "family",
    "education",
    "psych_support",
    "wellbeing",
    "meals_health",
    "safety",
)
_MEASURES = ("protocol", "order", "recommendation", "disciplinary")
_SECTION_SIZE = 20


def synthetic_form_yaml(
    n_items: int, form_id: str = "synthetic", version: int = 1, kind: str = "school"
) -> str:
    """YAML text of a form with `n_items` items; save it as `<form_id>.v<version>.yaml`."""
    items = [_item(i) for i in range(n_items)]
    sections = [
        {
            "id": f"s{n}",
            "title": _texts(f"Бөлім {n} — әлеуметтік қорғау", f"Раздел {n}", f"Section {n}"),
            "items": items[start : start + _SECTION_SIZE],
        }
        for n, start in enumerate(range(0, n_items, _SECTION_SIZE))
    ]
    form = {
        "id": form_id,
        "version": version,
        "kind": kind,
        "title": _texts("Сынақ тексеру парағы", "Тестовый проверочный лист", "Synthetic checklist"),
        "legal_act": _texts(
            "Сынақ бұйрығы, 2024 жылғы 1 тамыз, № 1",
            "Тестовый приказ от 1 августа 2024 года № 1",
            "Test order No. 1 of 1 Aug 2024",
        ),
        "effective": "2024-08-01",
        "sections": sections,
    }
    return yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


def _item(i: int) -> dict:
    item: dict = {
        "id": _item_id(i),
        "text": _texts(
            f"{i}-талап: баланың құқығы қорғалған, өрт қауіпсіздігі қамтамасыз етілген",
            f"Требование {i}: право ребёнка защищено",
            f"Requirement {i}: the child's right is protected",
        ),
        "legal_basis": _texts(
            "ҚР ДСМ-76 бұйрығы, 2021 жылғы 5 тамыз",
            "Приказ № ҚР ДСМ-76 от 05.08.2021",
            "Order No. ҚР ДСМ-76 of 5 Aug 2021",
        ),
        "degree": _DEGREES[i % 3],
        "rights": _RIGHTS[i % 8],
        "measure": _MEASURES[i % 4],
    }
    if item["measure"] == "protocol":
        item["article"] = "127-3.1"
    if i % 10 == 3:
        item.update(
            kind="choice",
            choices=[
                {"value": v, "label": _texts(f"{v} нұсқасы", f"вариант {v}", f"option {v}")}
                for v in ("none", "some", "all")
            ],
        )
    elif i % 10 == 7:
        item.update(kind="number", min=0, max=5000, required=False)
    elif i % 10 == 4:
        item["condition"] = {"item": _item_id(i - 1), "in": ["some", "all"]}
    elif i % 5 == 0 and i > 0:
        item.update(condition={"item": _item_id(i - 1), "in": ["violated"]}, photo_on_violation=True)
    return item


def _item_id(i: int) -> str:
    return f"s{i // _SECTION_SIZE}.i{i}"


def _texts(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}
