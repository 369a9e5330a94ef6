"""A retired checklist version stays on the laptop for inspections made with it and is no
longer offered for new ones."""

from __future__ import annotations

import pytest

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import FacilityKind
from inspector_app.core.forms.catalogue import FormCatalogue, mark_retired
from tests.conftest import ROOT


def test_a_retired_version_is_kept_but_not_offered(tmp_path):
    received = tmp_path / "received"
    received.mkdir()
    text = (ROOT / "forms" / "school.v1.yaml").read_text(encoding="utf-8")
    (received / "school.v2.yaml").write_text(text.replace("version: 1", "version: 2", 1), encoding="utf-8")
    catalogue = FormCatalogue.load(ROOT / "forms", received)
    mark_retired(received, "school", 2)
    catalogue.reload()
    assert catalogue.newest_for(FacilityKind.SCHOOL).version == 1
    assert catalogue.newest_of("school", FacilityKind.SCHOOL).version == 1
    mark_retired(received, "school", 1)  # a version shipped with the application, retired too
    catalogue.reload()
    assert {f.version for f in catalogue.forms if f.id == "school"} == {1, 2}  # both kept
    assert all(catalogue.is_retired(f) for f in catalogue.forms if f.id == "school")
    with pytest.raises(UserError) as raised:
        catalogue.newest_for(FacilityKind.SCHOOL)
    assert raised.value.code == "forms.none_for_kind"
    assert catalogue.newest_for(FacilityKind.CAMP).id == "camp"
