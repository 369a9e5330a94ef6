"""The checklists available on this laptop: the newest version per kind for new inspections,
the exact version (checked by hash) for inspections already under way."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import FacilityKind, Inspection

if TYPE_CHECKING:
    from inspector_app.core.domain.forms import Form, UnavailableForm

RETIRED_SUFFIX = ".retired"  # `<id>.v<version>.retired` beside the forms: not for new inspections


def mark_retired(folder: Path, form_id: str, version: int) -> None:
    """Remember that a version was retired: kept for inspections made with it, no longer
    offered for new ones."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{form_id}.v{version}{RETIRED_SUFFIX}").touch()


def retired_in(folder: Path) -> set[tuple[str, int]]:
    found = set()
    for path in folder.glob(f"*{RETIRED_SUFFIX}"):
        form_id, _, version = path.name.removesuffix(RETIRED_SUFFIX).rpartition(".v")
        if form_id and version.isdigit():
            found.add((form_id, int(version)))
    return found


class FormCatalogue:
    """Forms shipped with the app and forms received from the server, as one list.

    A catalogue made by `deferred` reads its folders on first use, from whichever thread
    comes first; the others wait for that reading rather than start their own."""

    def __init__(
        self, forms: list[Form], unavailable: list[UnavailableForm], folders: tuple[Path, ...] = ()
    ) -> None:
        self.folders = folders
        # codes of competent bodies beyond the built-in ones that referrals may name (set by
        # the owner of the reference data before a reading)
        self.extra_bodies: tuple[str, ...] = ()
        self._lock = threading.RLock()
        self._set(forms, unavailable)

    def _set(
        self,
        forms: list[Form],
        unavailable: list[UnavailableForm],
        retired: set[tuple[str, int]] | None = None,
    ) -> None:
        unique = {(f.id, f.version): f for f in forms}  # the same version in two folders
        self._forms = sorted(unique.values(), key=lambda f: (f.id, f.version))
        self._unavailable = unavailable
        self._retired = retired or set()
        self._read = True

    @classmethod
    def load(cls, *folders: Path) -> FormCatalogue:
        catalogue = cls([], [], tuple(folders))
        catalogue.reload()
        return catalogue

    @classmethod
    def deferred(cls, *folders: Path) -> FormCatalogue:
        catalogue = cls([], [], tuple(folders))
        catalogue._read = False
        return catalogue

    @property
    def is_read(self) -> bool:
        return self._read

    def ensure_read(self) -> None:
        if not self._read:
            with self._lock:
                if not self._read:
                    self.reload()

    @property
    def forms(self) -> list[Form]:
        self.ensure_read()
        return self._forms

    @property
    def unavailable(self) -> list[UnavailableForm]:
        self.ensure_read()
        return self._unavailable

    def reload(self) -> None:
        from inspector_app.core.forms.loader import (
            load_forms,
        )  # YAML and its checks load with the first reading

        with self._lock:
            forms, unavailable, retired = [], [], set()
            for folder in self.folders:
                if folder.is_dir():
                    found, broken = load_forms(folder, self.extra_bodies)
                    forms += found
                    unavailable += broken
                    retired |= retired_in(folder)
            self._set(forms, unavailable, retired)

    def is_retired(self, form: Form) -> bool:
        self.ensure_read()
        return (form.id, form.version) in self._retired

    def in_use(self) -> list[Form]:
        """The versions offered for new inspections (not retired)."""
        return [f for f in self.forms if not self.is_retired(f)]

    def newest_for(self, kind: FacilityKind) -> Form:
        candidates = [f for f in self.in_use() if f.kind is kind]
        if not candidates:
            raise UserError("forms.none_for_kind", kind=kind.value)
        return max(candidates, key=lambda f: f.version)

    def newest_of(self, form_id: str, kind: FacilityKind) -> Form:
        """The newest version of a planned form; the newest for the kind if this laptop lacks it."""
        versions = [f for f in self.in_use() if f.id == form_id]
        return max(versions, key=lambda f: f.version) if versions else self.newest_for(kind)

    def for_inspection(self, inspection: Inspection) -> Form:
        for form in self.forms:
            if (form.id, form.version) == (inspection.form_id, inspection.form_version):
                if form.content_hash != inspection.form_hash:
                    raise UserError("forms.changed", form=form.id, version=form.version)
                return form
        raise UserError("forms.missing", form=inspection.form_id, version=inspection.form_version)


register_messages(
    {
        "forms.none_for_kind": {
            "kk": "Бұл ұйым түріне ({kind}) тексеру парағы жоқ. Серверден синхрондаңыз немесе әкімшіге хабарлаңыз.",
            "ru": "Для этого вида организации ({kind}) нет проверочного листа. Выполните синхронизацию или сообщите администратору.",
            "en": "There is no checklist for this kind of organisation ({kind}). Sync with the server or tell the administrator.",
        },
        "forms.changed": {
            "kk": "{form} v{version} тексеру парағы өзгертілген, бұл тексеру басқа мазмұнмен толтырылған. Парақтың түпнұсқа нұсқасын қалпына келтіріңіз.",
            "ru": "Проверочный лист {form} v{version} изменён, а проверка заполнялась по другому содержанию. Восстановите исходную версию листа.",
            "en": "Checklist {form} v{version} was changed after this inspection was started. Restore the original version of the checklist.",
        },
        "forms.missing": {
            "kk": "{form} v{version} тексеру парағы осы компьютерде жоқ. Серверден синхрондаңыз.",
            "ru": "Проверочного листа {form} v{version} нет на этом компьютере. Выполните синхронизацию.",
            "en": "Checklist {form} v{version} is not on this computer. Sync with the server.",
        },
    }
)
