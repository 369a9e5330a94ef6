"""Strict loader of checklist definitions: `forms/<id>.v<version>.yaml` into `Form` records.

The YAML is composed into nodes (which keep their line numbers) and walked by hand, so every
problem names the file, the line and the key: unknown or repeated keys, a missing
translation, a repeated id, a condition on an unknown or later item, an impossible condition
value, a bad enum value, a wrong type, a file name that does not match id and version.
Booleans follow YAML 1.2 (only true/false), so `yes`, `no`, `on` stay text.
No Qt here; `forms/README.md` describes the format and `forms/schema.json` publishes it.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn, TypedDict, TypeVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inspector_app.core.canonical import canonical_hash
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.forms import (
    AnswerKind,
    Choice,
    Condition,
    Form,
    Item,
    Section,
    UnavailableForm,
)
from inspector_app.core.domain.models import (
    Bilingual,
    Degree,
    FacilityKind,
    MeasureKind,
    RightsCategory,
    Verdict,
)
from inspector_app.core.domain.reference import BODIES, COMMITTEE, COURT

FORMS_DIR = Path(__file__).resolve().parents[3] / "forms"
LANGS = ("kk", "ru", "en")
ROOT_KEY = "(root)"

_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
_CHOICE_VALUE = re.compile(r"^[a-z0-9_]+$")
_FILE_NAME = re.compile(r"^(?P<id>.+)\.v(?P<version>[0-9]+)\.ya?ml$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ARTICLE = re.compile(r"^[0-9]+(-[0-9]+)?(\.[0-9]+){1,2}$")  # "127-3.1", "425.1", "804.1.64"
# bodies a violation may be referred to: every body of the reference data but the Committee
# itself and the court
REFERRAL_BODIES = tuple(b for b in BODIES if b not in (COMMITTEE, COURT))

_STR, _INT, _FLOAT, _BOOL, _TIMESTAMP = (
    f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "timestamp")
)

_FORM_KEYS = (("id", "version", "kind", "title", "legal_act", "effective", "sections"), ())
_SECTION_KEYS = (("id", "title", "items"), ())
_ITEM_KEYS = (
    ("id", "text", "legal_basis", "degree", "rights", "measure"),
    (
        "kind",
        "required",
        "photo_on_violation",
        "photo_max_pixels",
        "photo_keep_original",
        "condition",
        "choices",
        "min",
        "max",
        "hint",
        "competent_body",
        "article",
    ),
)
MIN_PHOTO_PIXELS = 320  # smaller and a violation can no longer be seen on the picture
_CHOICE_KEYS = (("value", "label"), ())
_CONDITION_KEYS = (("item", "in"), ())
_CONDITION_TARGETS = (AnswerKind.VERDICT, AnswerKind.CHOICE)

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
E = TypeVar("E", bound=StrEnum)


class _YamlLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml when present) with YAML 1.2 booleans."""


_YamlLoader.yaml_implicit_resolvers = {  # YAML 1.2 core: no yes/no booleans, no timestamps
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL, _TIMESTAMP)]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_YamlLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_SCALARS = SafeConstructor()


class FormError(UserError):
    """A form file that cannot be used; the message names the file, the line and the key."""

    def __init__(self, code: str, *, file: str, line: int, key: str, **params: object) -> None:
        super().__init__(code, file=file, line=line, key=key, **params)
        self.file, self.line, self.key = file, line, key


def parse_yaml(text: str) -> object:
    """Plain data of a form file as this loader reads it (for schema checks and tools)."""
    return yaml.load(text, Loader=_YamlLoader)


def load_form(path: str | Path, extra_bodies: Collection[str] = ()) -> Form:
    """Read and check one form file; raise `FormError` naming file, line and key.
    `extra_bodies`: codes of competent bodies beyond the built-in ones a referral may name
    (the reference data the server sends)."""
    return _load(Path(path), extra_bodies)[0]


def load_forms(
    directory: str | Path, extra_bodies: Collection[str] = ()
) -> tuple[list[Form], list[UnavailableForm]]:
    """Every `*.yaml` / `*.yml` form of a folder; a broken file is listed, never raised.

    Two files with the same (id, version) are both unavailable: which one an inspection
    was made with would be ambiguous.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise UserError("forms.no_directory", directory=str(directory))
    loaded: list[tuple[Form, int]] = []
    unavailable: list[UnavailableForm] = []
    for path in sorted(p for p in directory.iterdir() if _is_form_file(p)):
        try:
            loaded.append(_load(path, extra_bodies))
        except FormError as error:
            unavailable.append(_unavailable(error))
    forms, clashes = _split_duplicates(loaded)
    return forms, unavailable + clashes


def save_form(
    directory: str | Path,
    content: dict[str, Any],
    expected_hash: str | None = None,
    extra_bodies: Collection[str] = (),
) -> Form:
    """Keep a form received as content (e.g. from the server) as `<id>.v<version>.yaml`.

    The content goes through every check of `load_form`; if it fails them, or its hash is not
    `expected_hash`, nothing is kept and `FormError` is raised.
    """
    directory = Path(directory)
    text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)
    label = str(directory / f"{content.get('id')}.v{content.get('version')}.yaml")
    form = _FormReader(label, extra_bodies).form(_compose(text, label))
    if expected_hash is not None and form.content_hash != expected_hash:
        raise FormError(
            "forms.hash_mismatch",
            file=label,
            line=1,
            key=ROOT_KEY,
            expected=expected_hash,
            actual=form.content_hash,
        )
    target = directory / f"{form.id}.v{form.version}.yaml"
    if target.exists():
        return _same_version(target, form, extra_bodies)
    partial = target.with_name(target.name + ".partial")  # not a form file until renamed
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, target)
    return load_form(target, extra_bodies)


def form_from_content(content: dict[str, Any], extra_bodies: Collection[str] = ()) -> Form:
    """A form from its content as published (e.g. stored on the server), through every check
    of `load_form`; `FormError` if it fails them."""
    text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)
    label = f"{content.get('id')}.v{content.get('version')}.yaml"
    return _FormReader(label, extra_bodies).form(_compose(text, label))


def form_from_text(text: str, source: str, extra_bodies: Collection[str] = ()) -> Form:
    """A form from the text of a form file (e.g. uploaded to the server), through every check
    of `load_form` but the file name; `FormError` names `source`, the line and the key."""
    return _FormReader(source, extra_bodies).form(_compose(text, source))


def _same_version(path: Path, received: Form, extra_bodies: Collection[str] = ()) -> Form:
    """A version already on disk is never replaced: inspections may rely on its content."""
    try:
        kept = load_form(path, extra_bodies)
    except FormError:
        kept = None
    if kept is None or kept.content_hash != received.content_hash:
        raise FormError(
            "forms.version_conflict",
            file=str(path),
            line=1,
            key="version",
            value=received.id,
            version=received.version,
        )
    return kept


def form_content(form: Form) -> dict[str, Any]:
    """Canonical plain data of a form, in the file format (defaults left out)."""
    return _content(
        form.id, form.version, form.kind, form.title, form.sections, form.legal_act, form.effective
    )


def content_hash(content: dict[str, Any]) -> str:
    return canonical_hash(content)


# --- reading ---------------------------------------------------------------------------


def _load(path: Path, extra_bodies: Collection[str] = ()) -> tuple[Form, int]:
    """The form and the line of its id (to point at it if another file repeats it)."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FormError("forms.unreadable", file=source, line=1, key=ROOT_KEY, detail=str(error)) from error
    root = _compose(text, source)
    form = _FormReader(source, extra_bodies).form(root)
    _check_file_name(path, form, root, source)
    return form, _value_node(root, "id").start_mark.line + 1


def _compose(text: str, source: str) -> Node:
    try:
        root = yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise FormError(
            "forms.yaml_syntax",
            file=source,
            line=line,
            key=_key_on_line(text, line),
            detail=error.problem or "",
        ) from error
    except (yaml.YAMLError, RecursionError) as error:
        raise FormError(
            "forms.yaml_syntax", file=source, line=1, key=ROOT_KEY, detail=type(error).__name__
        ) from error
    if root is None:
        raise FormError("forms.expected_mapping", file=source, line=1, key=ROOT_KEY)
    return root


def _key_on_line(text: str, line: int) -> str:
    """The key written on a line, to name it in a syntax error."""
    lines = text.splitlines()
    content = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    key = content.split(":", 1)[0].lstrip("- ").strip()
    return key[:60] or ROOT_KEY


class PhotoLimits(TypedDict, total=False):
    """The photo settings an item states; those left out keep the `Item` defaults."""

    photo_max_pixels: int
    photo_keep_original: bool


@dataclass
class _Pending:
    """A condition read with its item, checked once every item of the form is known."""

    condition: Condition
    position: int  # of the item it belongs to
    item_node: Node
    in_node: Node  # a SequenceNode: `sequence` checked it when the condition was read
    key: str


class _FormReader:
    def __init__(self, source: str, extra_bodies: Collection[str] = ()) -> None:
        self.source = source
        # built-in referral bodies, then any further ones the reference data knows
        further = (b for b in extra_bodies if b not in REFERRAL_BODIES and b not in (COMMITTEE, COURT))
        self.bodies = (*REFERRAL_BODIES, *further)
        self.items: dict[str, tuple[Item, int]] = {}  # id -> (item, position in the form)
        self.item_lines: dict[str, int] = {}
        self.section_lines: dict[str, int] = {}
        self.pending: list[_Pending] = []

    def fail(self, code: str, node: Node, key: str, **params: object) -> NoReturn:
        raise FormError(code, file=self.source, line=node.start_mark.line + 1, key=key, **params)

    # structure

    def form(self, node: Node) -> Form:
        f = self.mapping(node, ROOT_KEY, _FORM_KEYS)
        form_id = self.identifier(f["id"], "id")
        version = self.integer(f["version"], "version", minimum=1)
        kind = self.enum(f["kind"], "kind", FacilityKind)
        title = self.bilingual(f["title"], "title")
        legal_act = self.bilingual(f["legal_act"], "legal_act")
        effective = self.date(f["effective"], "effective")
        sections = tuple(
            self.section(n, f"sections[{i}]") for i, n in enumerate(self.sequence(f["sections"], "sections"))
        )
        self.check_conditions()
        content = _content(form_id, version, kind, title, sections, legal_act, effective)
        return Form(
            id=form_id,
            version=version,
            kind=kind,
            title=title,
            sections=sections,
            content_hash=content_hash(content),
            source=self.source,
            legal_act=legal_act,
            effective=effective,
        )

    def section(self, node: Node, key: str) -> Section:
        f = self.mapping(node, key, _SECTION_KEYS)
        section_id = self.unique_id(f["id"], f"{key}.id", self.section_lines)
        title = self.bilingual(f["title"], f"{key}.title")
        items = tuple(
            self.item(n, f"{key}.items[{i}]") for i, n in enumerate(self.sequence(f["items"], f"{key}.items"))
        )
        return Section(id=section_id, title=title, items=items)

    def item(self, node: Node, key: str) -> Item:
        f = self.mapping(node, key, _ITEM_KEYS)
        kind = self.enum(f["kind"], f"{key}.kind", AnswerKind) if "kind" in f else AnswerKind.VERDICT
        self.only_for(f, key, kind, "choices", AnswerKind.CHOICE)
        self.only_for(f, key, kind, "min", AnswerKind.NUMBER)
        self.only_for(f, key, kind, "max", AnswerKind.NUMBER)
        self.only_for(f, key, kind, "photo_on_violation", AnswerKind.VERDICT)
        if kind is AnswerKind.CHOICE and "choices" not in f:
            self.fail("forms.missing_key", node, f"{key}.choices")
        measure = self.enum(f["measure"], f"{key}.measure", MeasureKind)
        competent_body, article = self.competence(node, f, key, measure)
        item = Item(
            id=self.unique_id(f["id"], f"{key}.id", self.item_lines),
            text=self.bilingual(f["text"], f"{key}.text"),
            legal_basis=self.bilingual(f["legal_basis"], f"{key}.legal_basis"),
            degree=self.enum(f["degree"], f"{key}.degree", Degree),
            rights=self.enum(f["rights"], f"{key}.rights", RightsCategory),
            measure=measure,
            kind=kind,
            required=self.boolean(f["required"], f"{key}.required") if "required" in f else True,
            photo_on_violation=(
                "photo_on_violation" in f
                and self.boolean(f["photo_on_violation"], f"{key}.photo_on_violation")
            ),
            **self.photo_limits(f, key),
            condition=self.condition(f["condition"], f"{key}.condition") if "condition" in f else None,
            choices=self.choices(f["choices"], f"{key}.choices") if "choices" in f else (),
            minimum=self.number(f["min"], f"{key}.min") if "min" in f else None,
            maximum=self.number(f["max"], f"{key}.max") if "max" in f else None,
            hint=self.bilingual(f["hint"], f"{key}.hint") if "hint" in f else None,
            competent_body=competent_body,
            article=article,
        )
        if item.minimum is not None and item.maximum is not None and item.minimum > item.maximum:
            self.fail("forms.range", f["min"], f"{key}.min", minimum=item.minimum, maximum=item.maximum)
        self.items[item.id] = (item, len(self.items))
        return item

    def photo_limits(self, f: dict[str, Node], key: str) -> PhotoLimits:
        limits: PhotoLimits = {}
        if "photo_max_pixels" in f:
            limits["photo_max_pixels"] = self.integer(
                f["photo_max_pixels"], f"{key}.photo_max_pixels", MIN_PHOTO_PIXELS
            )
        if "photo_keep_original" in f:
            limits["photo_keep_original"] = self.boolean(
                f["photo_keep_original"], f"{key}.photo_keep_original"
            )
        return limits

    def competence(self, node: Node, f: dict[str, Node], key: str, measure: MeasureKind) -> tuple[str, str]:
        """Who acts on a violation: a protocol item names the article the Committee applies;
        a transfer item names the competent body it is referred to (and may name the article)."""
        if "competent_body" in f and measure is not MeasureKind.TRANSFER:
            self.fail(
                "forms.not_for_measure",
                f["competent_body"],
                f"{key}.competent_body",
                measures=MeasureKind.TRANSFER.value,
            )
        if "article" in f and measure not in (MeasureKind.PROTOCOL, MeasureKind.TRANSFER):
            self.fail(
                "forms.not_for_measure",
                f["article"],
                f"{key}.article",
                measures=f"{MeasureKind.PROTOCOL.value}, {MeasureKind.TRANSFER.value}",
            )
        body = ""
        if measure is MeasureKind.TRANSFER:
            if "competent_body" not in f:
                self.fail("forms.missing_key", node, f"{key}.competent_body")
            body = self.text(f["competent_body"], f"{key}.competent_body")
            if body not in self.bodies:
                self.fail(
                    "forms.bad_value",
                    f["competent_body"],
                    f"{key}.competent_body",
                    value=body,
                    allowed=", ".join(self.bodies),
                )
        if measure is MeasureKind.PROTOCOL and "article" not in f:
            self.fail("forms.missing_key", node, f"{key}.article")
        article = self.text(f["article"], f"{key}.article") if "article" in f else ""
        if article and not _ARTICLE.match(article):
            self.fail("forms.bad_article", f["article"], f"{key}.article", value=article)
        return body, article

    def only_for(
        self, fields: dict[str, Node], key: str, kind: AnswerKind, name: str, allowed: AnswerKind
    ) -> None:
        if name in fields and kind is not allowed:
            self.fail("forms.not_for_kind", fields[name], f"{key}.{name}", kinds=allowed.value)

    def choices(self, node: Node, key: str) -> tuple[Choice, ...]:
        nodes = self.sequence(node, key)
        if len(nodes) < 2:
            self.fail("forms.too_few_choices", node, key)
        seen: dict[str, int] = {}
        result = []
        for i, choice_node in enumerate(nodes):
            f = self.mapping(choice_node, f"{key}[{i}]", _CHOICE_KEYS)
            value = self.text(f["value"], f"{key}[{i}].value")
            self.check_pattern(f["value"], f"{key}[{i}].value", value, _CHOICE_VALUE)
            self.remember(f["value"], f"{key}[{i}].value", value, seen)
            result.append(Choice(value, self.bilingual(f["label"], f"{key}[{i}].label")))
        return tuple(result)

    def condition(self, node: Node, key: str) -> Condition:
        """Read now; whether the item it names exists and precedes is checked at the end."""
        f = self.mapping(node, key, _CONDITION_KEYS)
        target = self.text(f["item"], f"{key}.item")
        values = tuple(
            self.text(n, f"{key}.in[{i}]") for i, n in enumerate(self.sequence(f["in"], f"{key}.in"))
        )
        condition = Condition(item_id=target, values=values)
        self.pending.append(_Pending(condition, len(self.items), f["item"], f["in"], key))
        return condition

    def check_conditions(self) -> None:
        for pending in self.pending:
            target_id = pending.condition.item_id
            node, key = pending.item_node, f"{pending.key}.item"
            if target_id not in self.items:
                self.fail("forms.condition_unknown_item", node, key, value=target_id)
            target, target_position = self.items[target_id]
            if target_position >= pending.position:
                self.fail("forms.condition_forward", node, key, value=target_id)
            if target.kind not in _CONDITION_TARGETS:
                self.fail("forms.condition_target_kind", node, key, value=target_id, kind=target.kind.value)
            self.check_condition_values(target, pending)

    def check_condition_values(self, target: Item, pending: _Pending) -> None:
        possible = (
            [v.value for v in Verdict]
            if target.kind is AnswerKind.VERDICT
            else [c.value for c in target.choices]
        )
        for i, value_node in enumerate(pending.in_node.value):
            value = pending.condition.values[i]
            if value not in possible:
                self.fail(
                    "forms.condition_value",
                    value_node,
                    f"{pending.key}.in[{i}]",
                    value=value,
                    target=target.id,
                    allowed=", ".join(possible),
                )

    # node kinds

    def mapping(self, node: Node, key: str, keys: tuple[tuple[str, ...], tuple[str, ...]]) -> dict[str, Node]:
        required, optional = keys
        if not isinstance(node, MappingNode):
            self.fail("forms.expected_mapping", node, key)
        fields: dict[str, Node] = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else "?"
            child = _join(key, str(name))
            if name not in required and name not in optional:
                self.fail("forms.unknown_key", key_node, child, allowed=", ".join(required + optional))
            if name in fields:
                self.fail("forms.duplicate_key", key_node, child)
            fields[name] = value_node
        for name in required:
            if name not in fields:
                self.fail("forms.missing_key", node, _join(key, name))
        return fields

    def sequence(self, node: Node, key: str) -> list[Node]:
        if not isinstance(node, SequenceNode):
            self.fail("forms.expected_list", node, key)
        if not node.value:
            self.fail("forms.empty_list", node, key)
        items: list[Node] = node.value
        return items

    def scalar(self, node: Node, key: str, tags: tuple[str, ...], code: str) -> ScalarNode:
        if not isinstance(node, ScalarNode) or node.tag not in tags:
            self.fail(code, node, key)
        return node

    def text(self, node: Node, key: str) -> str:
        value: str = self.scalar(node, key, (_STR,), "forms.expected_text").value
        return value.strip()

    def integer(self, node: Node, key: str, minimum: int) -> int:
        value = _SCALARS.construct_yaml_int(self.scalar(node, key, (_INT,), "forms.expected_integer"))
        if value < minimum:
            self.fail("forms.expected_integer", node, key)
        return value

    def number(self, node: Node, key: str) -> float:
        scalar = self.scalar(node, key, (_INT, _FLOAT), "forms.expected_number")
        construct = _SCALARS.construct_yaml_int if scalar.tag == _INT else _SCALARS.construct_yaml_float
        value = float(construct(scalar))
        if not math.isfinite(value):
            self.fail("forms.expected_number", node, key)
        return value

    def date(self, node: Node, key: str) -> dt.date:
        """A date written as YYYY-MM-DD (quoted or not)."""
        scalar = self.scalar(node, key, (_STR,), "forms.expected_date")
        try:
            if not _DATE.match(scalar.value):
                raise ValueError(scalar.value)
            return dt.date.fromisoformat(scalar.value)
        except ValueError:
            self.fail("forms.expected_date", node, key)

    def boolean(self, node: Node, key: str) -> bool:
        value: str = self.scalar(node, key, (_BOOL,), "forms.expected_boolean").value
        return value.lower() == "true"

    def enum(self, node: Node, key: str, enum: type[E]) -> E:
        if isinstance(node, ScalarNode) and node.tag == _STR:
            member = enum._value2member_map_.get(node.value)
            if member is not None:
                return member  # type: ignore[return-value]
        value = node.value if isinstance(node, ScalarNode) else "…"
        self.fail("forms.bad_value", node, key, value=value, allowed=", ".join(e.value for e in enum))

    def bilingual(self, node: Node, key: str) -> Bilingual:
        f = self.mapping(node, key, ((), LANGS))
        texts = {}
        for lang in LANGS:
            if lang not in f:
                self.fail("forms.missing_translation", node, f"{key}.{lang}", language=lang)
            texts[lang] = self.text(f[lang], f"{key}.{lang}")
            if not texts[lang]:
                self.fail("forms.missing_translation", f[lang], f"{key}.{lang}", language=lang)
        return Bilingual(**texts)

    # identifiers

    def identifier(self, node: Node, key: str) -> str:
        value = self.text(node, key)
        self.check_pattern(node, key, value, _ID)
        return value

    def unique_id(self, node: Node, key: str, seen: dict[str, int]) -> str:
        value = self.identifier(node, key)
        self.remember(node, key, value, seen)
        return value

    def check_pattern(self, node: Node, key: str, value: str, pattern: re.Pattern[str]) -> None:
        if not pattern.match(value):
            self.fail("forms.bad_id", node, key, value=value)

    def remember(self, node: Node, key: str, value: str, seen: dict[str, int]) -> None:
        if value in seen:
            self.fail("forms.duplicate_id", node, key, value=value, first_line=seen[value])
        seen[value] = node.start_mark.line + 1


def _join(parent: str, child: str) -> str:
    return child if parent == ROOT_KEY else f"{parent}.{child}"


# --- files -----------------------------------------------------------------------------


def _is_form_file(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") and path.is_file()


def _check_file_name(path: Path, form: Form, root: Node, source: str) -> None:
    """`<id>.v<version>.yaml`: the name says which form a file is without opening it."""
    match = _FILE_NAME.match(path.name)
    key = "id" if match is None or match["id"] != form.id else "version"
    if match is not None and match["id"] == form.id and int(match["version"]) == form.version:
        return
    node = _value_node(root, key)
    raise FormError(
        "forms.file_name",
        file=source,
        line=node.start_mark.line + 1,
        key=key,
        expected=f"{form.id}.v{form.version}.yaml",
    )


def _unavailable(error: FormError) -> UnavailableForm:
    return UnavailableForm(source=error.file, error=error.message("en"), problem=error)


def _value_node(root: Node, key: str) -> Node:
    assert isinstance(root, MappingNode)
    value: Node = next(v for k, v in root.value if k.value == key)
    return value


def _split_duplicates(loaded: list[tuple[Form, int]]) -> tuple[list[Form], list[UnavailableForm]]:
    by_key: dict[tuple[str, int], list[Form]] = {}
    for form, _ in loaded:
        by_key.setdefault((form.id, form.version), []).append(form)
    kept = [f for f, _ in loaded if len(by_key[(f.id, f.version)]) == 1]
    clashes = [_clash(f, line, same) for f, line in loaded if len(same := by_key[(f.id, f.version)]) > 1]
    return kept, clashes


def _clash(form: Form, id_line: int, same: list[Form]) -> UnavailableForm:
    others = ", ".join(Path(f.source).name for f in same if f is not form)
    error = FormError(
        "forms.duplicate_form",
        file=form.source,
        line=id_line,
        key="id",
        value=form.id,
        version=form.version,
        other=others,
    )
    return _unavailable(error)


# --- canonical content -------------------------------------------------------------------


def _content(
    form_id: str,
    version: int,
    kind: FacilityKind,
    title: Bilingual,
    sections: tuple[Section, ...],
    legal_act: Bilingual | None,
    effective: dt.date | None,
) -> dict[str, Any]:
    content = {"id": form_id, "version": version, "kind": kind.value, "title": _texts(title)}
    if legal_act is not None:
        content["legal_act"] = _texts(legal_act)
    if effective is not None:
        content["effective"] = effective.isoformat()
    content["sections"] = [
        {"id": s.id, "title": _texts(s.title), "items": [_item(i) for i in s.items]} for s in sections
    ]
    return content


def _texts(text: Bilingual) -> dict[str, str]:
    return {lang: getattr(text, lang) for lang in LANGS}


def _item(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "text": _texts(item.text),
        "legal_basis": _texts(item.legal_basis),
        "degree": item.degree.value,
        "rights": item.rights.value,
        "measure": item.measure.value,
    }
    optional = {
        "kind": item.kind.value if item.kind is not AnswerKind.VERDICT else None,
        "required": False if not item.required else None,
        "photo_on_violation": True if item.photo_on_violation else None,
        "photo_max_pixels": item.photo_max_pixels if item.photo_max_pixels != Item.photo_max_pixels else None,
        "photo_keep_original": True if item.photo_keep_original else None,
        "condition": (
            {"item": item.condition.item_id, "in": list(item.condition.values)} if item.condition else None
        ),
        "choices": [{"value": c.value, "label": _texts(c.label)} for c in item.choices] or None,
        "min": item.minimum,
        "max": item.maximum,
        "hint": _texts(item.hint) if item.hint else None,
        "competent_body": item.competent_body or None,
        "article": item.article or None,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    return data


_FILE_LINE = {
    "kk": "{file}, {line}-жол, «{key}»: ",
    "ru": "{file}, строка {line}, «{key}»: ",
    "en": "{file}, line {line}, “{key}”: ",
}


def _messages(texts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Prefix each message with the file, line and key it is about."""
    return {
        code: {lang: _FILE_LINE[lang] + t for lang, t in by_lang.items()} for code, by_lang in texts.items()
    }


register_messages(
    _messages(
        {
            "forms.yaml_syntax": {
                "kk": "YAML синтаксисінің қатесі ({detail}).",
                "ru": "ошибка синтаксиса YAML ({detail}).",
                "en": "the YAML text is malformed ({detail}).",
            },
            "forms.unreadable": {
                "kk": "файлды UTF-8 мәтіні ретінде оқу мүмкін емес ({detail}).",
                "ru": "файл не удаётся прочитать как текст UTF-8 ({detail}).",
                "en": "the file cannot be read as UTF-8 text ({detail}).",
            },
            "forms.unknown_key": {
                "kk": "белгісіз кілт. Мұнда рұқсат етілген кілттер: {allowed}.",
                "ru": "неизвестный ключ. Здесь допустимы ключи: {allowed}.",
                "en": "unknown key. Keys allowed here: {allowed}.",
            },
            "forms.duplicate_key": {
                "kk": "бұл кілт екі рет берілген.",
                "ru": "ключ указан дважды.",
                "en": "this key is given twice.",
            },
            "forms.missing_key": {
                "kk": "міндетті кілт жоқ.",
                "ru": "отсутствует обязательный ключ.",
                "en": "this required key is missing.",
            },
            "forms.missing_translation": {
                "kk": "{language} тіліндегі мәтін жоқ немесе бос; kk, ru және en мәтіндері міндетті.",
                "ru": "нет текста на языке {language} или он пуст; нужны тексты kk, ru и en.",
                "en": "the {language} text is missing or empty; kk, ru and en texts are all required.",
            },
            "forms.expected_text": {
                "kk": "мән мәтін болуы керек.",
                "ru": "значение должно быть текстом.",
                "en": "the value must be text.",
            },
            "forms.expected_integer": {
                "kk": "мән оң бүтін сан болуы керек.",
                "ru": "значение должно быть целым положительным числом.",
                "en": "the value must be a positive whole number.",
            },
            "forms.expected_number": {
                "kk": "мән сан болуы керек.",
                "ru": "значение должно быть числом.",
                "en": "the value must be a number.",
            },
            "forms.expected_boolean": {
                "kk": "мән true немесе false болуы керек.",
                "ru": "значение должно быть true или false.",
                "en": "the value must be true or false.",
            },
            "forms.expected_mapping": {
                "kk": "мұнда кілттер жиыны (mapping) болуы керек.",
                "ru": "здесь должен быть набор ключей (mapping).",
                "en": "a set of keys (mapping) is expected here.",
            },
            "forms.expected_list": {
                "kk": "мұнда тізім болуы керек.",
                "ru": "здесь должен быть список.",
                "en": "a list is expected here.",
            },
            "forms.empty_list": {
                "kk": "тізім бос болмауы керек.",
                "ru": "список не должен быть пустым.",
                "en": "the list must not be empty.",
            },
            "forms.bad_value": {
                "kk": "«{value}» мәні жарамсыз; мүмкін мәндер: {allowed}.",
                "ru": "недопустимое значение «{value}»; возможные значения: {allowed}.",
                "en": "“{value}” is not allowed; possible values: {allowed}.",
            },
            "forms.bad_id": {
                "kk": "«{value}» жарамсыз идентификатор: кіші латын әріптерін, цифрларды, «_» және «.» "
                "белгілерін қолданыңыз.",
                "ru": "«{value}» — недопустимый идентификатор: используйте строчные латинские буквы, "
                "цифры, «_» и «.».",
                "en": "“{value}” is not a valid identifier: use lowercase Latin letters, digits, "
                "“_” and “.”.",
            },
            "forms.duplicate_id": {
                "kk": "«{value}» идентификаторы {first_line}-жолда қолданылып қойған.",
                "ru": "идентификатор «{value}» уже использован в строке {first_line}.",
                "en": "id “{value}” is already used at line {first_line}.",
            },
            "forms.not_for_kind": {
                "kk": "бұл кілт тек {kinds} түріндегі тармақтарға рұқсат етіледі.",
                "ru": "этот ключ допустим только для пунктов вида {kinds}.",
                "en": "this key is allowed only for items of kind {kinds}.",
            },
            "forms.range": {
                "kk": "min ({minimum}) мәні max ({maximum}) мәнінен үлкен.",
                "ru": "min ({minimum}) больше max ({maximum}).",
                "en": "min ({minimum}) is greater than max ({maximum}).",
            },
            "forms.expected_date": {
                "kk": "мән ЖЖЖЖ-АА-КК түріндегі күн болуы керек (мысалы, 2024-08-01).",
                "ru": "значение должно быть датой вида ГГГГ-ММ-ДД (например, 2024-08-01).",
                "en": "the value must be a date written YYYY-MM-DD (e.g. 2024-08-01).",
            },
            "forms.not_for_measure": {
                "kk": "бұл кілт тек {measures} шарасы бар тармақтарға рұқсат етіледі.",
                "ru": "этот ключ допустим только для пунктов с мерой {measures}.",
                "en": "this key is allowed only for items whose measure is {measures}.",
            },
            "forms.bad_article": {
                "kk": "«{value}» — ӘҚБтК бабының жарамсыз белгіленуі; мысалы: 127-3.1 (бап.бөлік) немесе "
                "804.1.64 (бап.бөлік.тармақша).",
                "ru": "«{value}» — недопустимое обозначение статьи КоАП; пример: 127-3.1 (статья.часть) "
                "или 804.1.64 (статья.часть.подпункт).",
                "en": "“{value}” is not a valid article reference; e.g. 127-3.1 (article.part) or "
                "804.1.64 (article.part.sub-item).",
            },
            "forms.too_few_choices": {
                "kk": "таңдау тармағында кемінде екі нұсқа болуы керек.",
                "ru": "у пункта с выбором должно быть не менее двух вариантов.",
                "en": "a choice item needs at least two choices.",
            },
            "forms.condition_unknown_item": {
                "kk": "шарт осы формада жоқ «{value}» тармағына сілтейді.",
                "ru": "условие ссылается на пункт «{value}», которого нет в этой форме.",
                "en": "the condition refers to item “{value}”, which is not in this form.",
            },
            "forms.condition_forward": {
                "kk": "шарт осы тармақтан бұрын келмейтін «{value}» тармағына сілтейді.",
                "ru": "условие ссылается на пункт «{value}», который не стоит перед этим пунктом.",
                "en": "the condition refers to item “{value}”, which does not come before this item.",
            },
            "forms.condition_target_kind": {
                "kk": "«{value}» тармағы {kind} түрінде; шартта тек verdict және choice тармақтары "
                "қолданылады.",
                "ru": "пункт «{value}» имеет вид {kind}; в условиях используются только пункты "
                "verdict и choice.",
                "en": "item “{value}” is of kind {kind}; only verdict and choice items can be used in "
                "conditions.",
            },
            "forms.condition_value": {
                "kk": "«{value}» — «{target}» тармағының мүмкін жауабы емес; мүмкін жауаптар: {allowed}.",
                "ru": "«{value}» не может быть ответом на пункт «{target}»; возможные ответы: {allowed}.",
                "en": "“{value}” is not a possible answer of item “{target}”; possible answers: {allowed}.",
            },
            "forms.file_name": {
                "kk": "файл атауы id және version мәндеріне сәйкес емес; файл {expected} деп аталуы керек.",
                "ru": "имя файла не соответствует id и version; файл должен называться {expected}.",
                "en": "the file name does not match id and version; the file must be named {expected}.",
            },
            "forms.hash_mismatch": {
                "kk": "алынған форманың хэші ({actual}) күтілгенмен ({expected}) сәйкес келмейді; форма "
                "сақталмады, қайта синхрондаңыз.",
                "ru": "хэш полученной формы ({actual}) не совпадает с ожидаемым ({expected}); форма не "
                "сохранена, повторите синхронизацию.",
                "en": "the received form's hash ({actual}) is not the expected one ({expected}); the form "
                "was not kept, sync again.",
            },
            "forms.version_conflict": {
                "kk": "«{value}» формасының {version} нұсқасы осы компьютерде басқа мазмұнмен бар; ол "
                "ауыстырылмады. Әкімшіге хабарлаңыз.",
                "ru": "форма «{value}» версии {version} уже есть на этом компьютере с другим содержанием; "
                "она не заменена. Сообщите администратору.",
                "en": "form “{value}” version {version} is already on this computer with other content; "
                "it was not replaced. Tell the administrator.",
            },
            "forms.duplicate_form": {
                "kk": "«{value}» формасының {version} нұсқасы {other} файлында да бар; екі файл да "
                "қолданылмайды.",
                "ru": "форма «{value}» версии {version} определена также в {other}; ни один из файлов "
                "не используется.",
                "en": "form “{value}” version {version} is also defined in {other}; neither file is used.",
            },
        }
    )
)

register_messages(
    {
        "forms.no_directory": {
            "kk": "{directory} формалар қалтасы жоқ.",
            "ru": "Папка форм {directory} не найдена.",
            "en": "The forms folder {directory} does not exist.",
        },
    }
)
