from inspector_app.camera import camera_folders


def test_a_chosen_folder_comes_first_then_mounted_cards(tmp_path, monkeypatch):
    media = tmp_path / "media"
    (media / "CARD" / "DCIM").mkdir(parents=True)
    monkeypatch.setattr("inspector_app.camera.Path.home", lambda: tmp_path / "home")
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    found = camera_folders(str(chosen))
    assert found[0] == chosen


def test_a_missing_chosen_folder_is_skipped(tmp_path):
    assert tmp_path / "gone" not in camera_folders(str(tmp_path / "gone"))
