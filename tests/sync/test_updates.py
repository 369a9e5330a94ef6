"""Which offered version is newer than the one installed."""

import inspector_app
from inspector_app.desktop.services.updates import is_newer


def test_versions_compare_by_numbers():
    assert is_newer("0.10.0", "0.9.2") and is_newer("1.0", "0.9.9")
    assert not is_newer("0.1.0", "0.1.0") and not is_newer("0.1.0", "0.2")
    assert not is_newer("1.0-beta", "0.1.0")  # not numbers: nothing odd is announced


def test_the_installed_version_is_the_packages():
    from importlib import metadata

    assert inspector_app.__version__ == metadata.version("field-inspector")
