from inspector_app.desktop.services import camera


def fake_mounts(monkeypatch, root):
    monkeypatch.setattr(camera, "mount_patterns", lambda: [(root, "*/DCIM")])


def test_no_card_mounted_finds_nothing(tmp_path, monkeypatch):
    fake_mounts(monkeypatch, tmp_path / "media")
    assert camera.camera_cards() == []


def test_mounted_cards_are_found_and_the_last_folder_on_one_comes_first(tmp_path, monkeypatch):
    card = tmp_path / "media" / "CARD" / "DCIM"
    (card / "100CANON").mkdir(parents=True)
    fake_mounts(monkeypatch, tmp_path / "media")
    cards = camera.camera_cards()
    assert cards == [card]
    assert camera.start_folder(str(card / "100CANON"), cards) == card / "100CANON"


def test_a_folder_not_on_a_mounted_card_is_not_reopened(tmp_path, monkeypatch):
    card = tmp_path / "media" / "CARD" / "DCIM"
    card.mkdir(parents=True)
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    fake_mounts(monkeypatch, tmp_path / "media")
    assert camera.start_folder(str(elsewhere), camera.camera_cards()) == card
