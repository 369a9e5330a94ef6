"""Loading a folder of forms, the content hash, YAML 1.2 booleans and big synthetic forms."""

from __future__ import annotations

import hashlib
import json
import time

import pytest
import yaml
from form_samples import SAMPLE, line_of

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.forms import AnswerKind
from inspector_app.core.forms.loader import (
    FORMS_DIR,
    FormError,
    content_hash,
    form_content,
    load_form,
    load_forms,
    parse_yaml,
    save_form,
)
from tests.kit.forms import synthetic_form_yaml


def test_broken_file_is_listed_not_raised(tmp_path, write_form):
    write_form(SAMPLE)
    broken = SAMPLE.replace("id: sample", "id: broken").replace("rights: safety", "rights: x", 1)
    broken_path = write_form(broken, name="broken.v1.yaml")
    write_form("id: [unclosed\n", name="garbage.v3.yaml")
    (tmp_path / "notes.txt").write_text("not a form")
    forms, unavailable = load_forms(tmp_path)
    assert [f.id for f in forms] == ["sample"]
    assert [u.source for u in unavailable] == [str(broken_path), str(tmp_path / "garbage.v3.yaml")]
    first = unavailable[0]
    assert isinstance(first.problem, FormError) and first.problem.code == "forms.bad_value"
    assert f"line {line_of(broken, 'rights: x')}" in first.error and "rights" in first.error
    assert "жол" in first.problem.message("kk")


def test_same_id_and_version_twice_rejects_both(tmp_path, write_form):
    write_form(SAMPLE)
    write_form(SAMPLE.replace("Guards present", "Guards on duty"), name="sample.v1.yml")
    write_form(SAMPLE.replace("version: 1", "version: 2"), name="sample.v2.yaml")
    forms, unavailable = load_forms(tmp_path)
    assert [(f.id, f.version) for f in forms] == [("sample", 2)]
    assert sorted(u.source.rsplit("/", 1)[1] for u in unavailable) == ["sample.v1.yaml", "sample.v1.yml"]
    for u in unavailable:
        assert u.problem is not None and u.problem.code == "forms.duplicate_form"
        assert u.problem.line == 1 and u.problem.key == "id"
        other = "sample.v1.yml" if u.source.endswith(".yaml") else "sample.v1.yaml"
        assert other in u.error


def test_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(UserError) as caught:
        load_forms(tmp_path / "nowhere")
    assert caught.value.code == "forms.no_directory"
    assert "nowhere" in caught.value.message("ru")


def test_shipped_folder_ignores_schema_and_readme():
    forms, unavailable = load_forms(FORMS_DIR)
    assert len(forms) >= 4 and unavailable == []


def reformatted(text: str) -> str:
    """The same content written differently: flow style, other key order, comments, quotes."""
    data = parse_yaml(text)
    data = dict(reversed(list(data.items())))
    return "# reformatted copy\n" + yaml.safe_dump(
        data, allow_unicode=True, default_flow_style=True, width=60, sort_keys=True
    )


def test_hash_stable_under_reformatting(write_form, tmp_path):
    original = load_form(write_form(SAMPLE))
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    copy = other_dir / "sample.v1.yaml"
    copy.write_text(reformatted(SAMPLE), encoding="utf-8")
    assert copy.read_text(encoding="utf-8") != SAMPLE
    assert load_form(copy).content_hash == original.content_hash


def test_hash_stable_under_explicit_defaults_and_number_style(write_form):
    original = load_form(write_form(SAMPLE)).content_hash
    explicit = SAMPLE.replace(
        "        degree: gross\n",
        "        kind: verdict\n        required: true\n        photo_max_pixels: 2048\n"
        "        photo_keep_original: false\n        degree: gross\n",
        1,
    ).replace("max: 500", "max: 500.0")
    assert load_form(write_form(explicit)).content_hash == original


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("en: Guards present", "en: Guards  present"),
        ("kk: Күзет бар", "kk: Күзет жоқ"),
        ("Order No. 117}", "Order No. 118}"),
        ("degree: gross", "degree: significant"),
        ("in: [pool]", "in: [pool, none]"),
        ("max: 500", "max: 501"),
        ("        required: false\n", ""),
        ("        degree: gross\n", "        photo_max_pixels: 1024\n        degree: gross\n"),
        ("        degree: gross\n", "        photo_keep_original: true\n        degree: gross\n"),
    ],
)
def test_hash_changes_with_content(write_form, old, new):
    original = load_form(write_form(SAMPLE)).content_hash
    assert old in SAMPLE
    assert load_form(write_form(SAMPLE.replace(old, new, 1))).content_hash != original


def test_hash_is_sha256_of_canonical_json():
    form = load_form(FORMS_DIR / "camp.v1.yaml")
    canonical = json.dumps(form_content(form), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert form.content_hash == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert content_hash(form_content(form)) == form.content_hash


def test_photo_limits_are_read_and_travel_with_the_form(write_form, tmp_path):
    limited = SAMPLE.replace(
        "        degree: gross\n",
        "        photo_max_pixels: 1024\n        photo_keep_original: true\n        degree: gross\n",
        1,
    )
    form = load_form(write_form(limited))
    item = form.items()[0]
    assert (item.photo_max_pixels, item.photo_keep_original) == (1024, True)
    assert (form.items()[1].photo_max_pixels, form.items()[1].photo_keep_original) == (2048, False)
    received = save_form(tmp_path, form_content(form), expected_hash=form.content_hash)
    assert received.items()[0] == item


def test_content_round_trips_through_yaml(tmp_path):
    for path in sorted(FORMS_DIR.glob("*.yaml")):
        form = load_form(path)
        copy = tmp_path / path.name
        copy.write_text(yaml.safe_dump(form_content(form), allow_unicode=True), encoding="utf-8")
        again = load_form(copy)
        assert again.content_hash == form.content_hash
        assert again.sections == form.sections


def test_yes_and_no_stay_text(write_form):
    text = SAMPLE.replace("- value: none", "- value: no").replace("- value: pool", "- value: yes")
    text = text.replace("in: [pool]", "in: [yes]")
    form = load_form(write_form(text))
    assert [c.value for c in form.item("first.water").choices] == ["no", "yes"]
    assert parse_yaml("a: yes\nb: true\nc: off\n") == {"a": "yes", "b": True, "c": "off"}


def test_visible_items_follow_conditions(write_form):
    form = load_form(write_form(SAMPLE))

    def visible(**answers: str) -> list[str]:
        return [i.id for i in form.visible_items(answers)]

    always = ["first.guards", "first.water", "second.children"]
    assert visible() == always
    assert visible(**{"first.water": "pool"}) == [*always[:2], "second.lifeguard", "second.children"]
    assert visible(**{"first.guards": "violated"}) == [*always[:2], "second.watch", "second.children"]
    assert visible(**{"first.guards": "complies", "first.water": "none"}) == always


@pytest.mark.parametrize("n_items", [1, 45, 300])
def test_synthetic_forms_load(tmp_path, n_items):
    path = tmp_path / "synthetic.v1.yaml"
    path.write_text(synthetic_form_yaml(n_items), encoding="utf-8")
    form = load_form(path)
    items = form.items()
    assert len(items) == n_items
    if n_items >= 45:
        assert sum(i.condition is not None for i in items) >= n_items // 10
        assert {i.kind for i in items} >= {AnswerKind.VERDICT, AnswerKind.CHOICE, AnswerKind.NUMBER}


def test_synthetic_300_items_load_quickly(tmp_path):
    path = tmp_path / "big.v1.yaml"
    path.write_text(synthetic_form_yaml(300, form_id="big"), encoding="utf-8")
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        load_form(path)
        runs.append(time.perf_counter() - start)
    assert sorted(runs)[2] < 0.25  # about 35 ms on a laptop


def test_save_form_keeps_received_content(tmp_path):
    shipped = load_form(FORMS_DIR / "orphanage.v1.yaml")
    saved = save_form(tmp_path, form_content(shipped), expected_hash=shipped.content_hash)
    assert saved.content_hash == shipped.content_hash
    assert saved.source == str(tmp_path / "orphanage.v1.yaml")
    assert [p.name for p in tmp_path.iterdir()] == ["orphanage.v1.yaml"]
    assert load_forms(tmp_path)[0][0].sections == shipped.sections


def test_save_form_rejects_wrong_hash_and_bad_content(tmp_path):
    content = form_content(load_form(FORMS_DIR / "camp.v1.yaml"))
    with pytest.raises(FormError) as caught:
        save_form(tmp_path, content, expected_hash="0" * 64)
    assert caught.value.code == "forms.hash_mismatch"
    content["id"] = "../escape"
    with pytest.raises(FormError) as caught:
        save_form(tmp_path, content)
    assert (caught.value.code, caught.value.key) == ("forms.bad_id", "id")
    assert list(tmp_path.iterdir()) == [] and not (tmp_path.parent / "escape.v1.yaml").exists()


def test_save_form_never_replaces_a_kept_version(tmp_path):
    shipped = load_form(FORMS_DIR / "school.v1.yaml")
    content = form_content(shipped)
    save_form(tmp_path, content)
    assert save_form(tmp_path, content).content_hash == shipped.content_hash  # same again: no-op
    content["title"]["en"] = "Changed title"
    with pytest.raises(FormError) as caught:
        save_form(tmp_path, content)
    assert caught.value.code == "forms.version_conflict"
    assert load_form(tmp_path / "school.v1.yaml").content_hash == shipped.content_hash


def test_a_deferred_catalogue_reads_its_folders_once_whoever_asks_first(monkeypatch):
    import threading

    from inspector_app.core.forms import loader as forms_loader
    from inspector_app.core.forms.catalogue import FormCatalogue

    readings = []
    real = forms_loader.load_forms
    monkeypatch.setattr(
        forms_loader, "load_forms", lambda folder, *more: readings.append(folder) or real(folder, *more)
    )
    catalogue = FormCatalogue.deferred(FORMS_DIR)
    assert not catalogue.is_read and readings == []
    threads = [threading.Thread(target=catalogue.ensure_read) for _ in range(4)]
    for thread in threads:
        thread.start()
    assert len(catalogue.forms) == 4  # this thread waits for the reading under way, if any
    for thread in threads:
        thread.join()
    assert readings == [FORMS_DIR] and catalogue.is_read
