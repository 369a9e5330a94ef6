"""Checklist definitions as plain, immutable records (built by `inspector_app.core.forms.loader`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from inspector_app.core.domain.errors import UserError
from inspector_app.core.domain.models import (
    Bilingual,
    Degree,
    FacilityKind,
    MeasureKind,
    RightsCategory,
    Verdict,
)


class AnswerKind(StrEnum):
    VERDICT = "verdict"  # complies / violated / not applicable
    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"


@dataclass(frozen=True)
class Choice:
    value: str
    label: Bilingual


@dataclass(frozen=True)
class Condition:
    """Show an item only when another item's answer is one of `values`.

    For a verdict item the answer compared is the verdict ("complies", "violated",
    "not_applicable"); for other kinds it is the value as text.
    """

    item_id: str
    values: tuple[str, ...]

    def holds(self, answers: Mapping[str, str | None]) -> bool:
        return answers.get(self.item_id) in self.values


@dataclass(frozen=True)
class Item:
    id: str
    text: Bilingual
    legal_basis: Bilingual
    degree: Degree
    rights: RightsCategory
    measure: MeasureKind
    kind: AnswerKind = AnswerKind.VERDICT
    required: bool = True
    photo_on_violation: bool = False
    photo_max_pixels: int = 2048  # photos are reduced to this on their long side before sealing
    photo_keep_original: bool = False  # keep the picture as taken, not reduced
    condition: Condition | None = None
    choices: tuple[Choice, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    hint: Bilingual | None = None
    # who acts on a violation of this item when its measure is a referral (reference BODIES
    # key), and the article of the Code on Administrative Offences it falls under, if any
    competent_body: str = ""
    article: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    title: Bilingual
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Form:
    id: str
    version: int
    kind: FacilityKind
    title: Bilingual
    sections: tuple[Section, ...]
    content_hash: str  # sha256 hex of the canonical content
    source: str = ""  # file it was loaded from
    # the legal act that approved this version of the checklist, and when it took effect
    legal_act: Bilingual | None = None
    effective: dt.date | None = None
    _index: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({i.id: i for s in self.sections for i in s.items})

    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]

    def item(self, item_id: str) -> Item:
        return self._index[item_id]

    def is_visible(self, item: Item, answers: Mapping[str, str | None]) -> bool:
        return item.condition is None or item.condition.holds(answers)

    def visible_items(self, answers: Mapping[str, str | None]) -> list[Item]:
        return [i for i in self.items() if self.is_visible(i, answers)]


@dataclass(frozen=True)
class UnavailableForm:
    """A form file that failed to load: listed in the app with its error."""

    source: str
    error: str
    # the same error as a UserError, to show it in the user's language
    problem: UserError | None = field(default=None, compare=False)


def answer_key(verdict: Verdict | None, value: str | None) -> str | None:
    """What a condition compares against: the verdict for verdict items, else the value."""
    return verdict.value if verdict is not None else value
