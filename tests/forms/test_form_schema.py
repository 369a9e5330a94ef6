"""forms/schema.json is a valid draft 2020-12 schema, strict, and agrees with the loader."""

from __future__ import annotations

import json

import jsonschema
import pytest
from form_samples import SAMPLE

from inspector_app.core.forms.loader import FORMS_DIR, FormError, form_content, load_form, parse_yaml
from tests.kit.forms import synthetic_form_yaml

SHIPPED = sorted(FORMS_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((FORMS_DIR / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return jsonschema.Draft202012Validator(schema)


def object_schemas(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from object_schemas(value)


def test_every_object_forbids_unknown_keys(validator):
    objects = list(object_schemas(validator.schema))
    assert len(objects) >= 6
    assert all(o.get("additionalProperties") is False for o in objects)


def test_shipped_forms_exist():
    assert {"camp.v1.yaml", "orphanage.v1.yaml", "school.v1.yaml", "special_needs.v1.yaml"} <= {
        p.name for p in SHIPPED
    }


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_form_matches_schema(validator, path):
    errors = [e.message for e in validator.iter_errors(parse_yaml(path.read_text(encoding="utf-8")))]
    assert errors == []
    assert list(validator.iter_errors(form_content(load_form(path)))) == []


def test_synthetic_form_matches_schema(validator):
    assert list(validator.iter_errors(parse_yaml(synthetic_form_yaml(300)))) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("        photo_on_violation: true\n", "        photo_on_violation: true\n        colour: red\n"),
        ("en: Guards present}", "en: ''}"),
        (
            "text: {kk: Күзет бар, ru: Охрана есть, en: Guards present}",
            "text: {kk: Күзет бар, ru: Охрана есть}",
        ),
        ("degree: gross", "degree: severe"),
        ("version: 1", "version: one"),
        ("required: false", "required: 'no'"),
        ("        photo_on_violation: true\n", "        photo_on_violation: true\n        min: 3\n"),
        ("        required: false\n", "        required: false\n        photo_on_violation: true\n"),
        ("          - value: pool\n            label: {kk: Бассейн, ru: Бассейн, en: Pool}\n", ""),
        ("- id: first.guards", "- id: First Guards"),
    ],
)
def test_schema_and_loader_both_reject(validator, write_form, old, new):
    assert old in SAMPLE
    broken = SAMPLE.replace(old, new, 1)
    assert list(validator.iter_errors(parse_yaml(broken)))
    with pytest.raises(FormError):
        load_form(write_form(broken))


def test_sample_is_valid_for_both(validator, write_form):
    assert list(validator.iter_errors(parse_yaml(SAMPLE))) == []
    load_form(write_form(SAMPLE))
