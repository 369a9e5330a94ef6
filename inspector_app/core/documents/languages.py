"""Free text entered per language, printed in the document's language(s).

A Kazakh document prints the Kazakh text, a Russian one the Russian text, a bilingual one
both; a document that needs a language the text was not entered in is refused with a
UserError naming the field, rather than printed in the wrong language."""

from __future__ import annotations

from inspector_app.core.documents import labels
from inspector_app.core.documents.style import Lang
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.domain.models import Localized, Person

# English names of the fields the message can name (kk and ru come from labels)
FIELD_EN = {
    "offence_substance": "substance of the offence",
    "explanation": "explanation",
    "position": "position",
    "workplace": "place of work",
    "prior_penalties": "prior penalties",
    "id_issued_by": "issuing authority of the identity document",
    "col_action": "measure required",
    "rec_text": "recommendation",
    "ref_grounds": "grounds",
    "employer": "employer",
    "addressee": "addressee",
    "transfer_note": "note to the competent body",
}


def texts(lang: Lang, value: Localized, field: str) -> list[str]:
    """The text in each language of the document ([] if nothing was entered at all)."""
    if value.is_empty():
        return []
    missing = value.missing(lang.langs)
    if missing:
        raise missing_language(field, missing[0])
    return list(dict.fromkeys(value.get(code).strip() for code in lang.langs))


def text(lang: Lang, value: Localized, field: str, sep: str = " / ") -> str:
    return sep.join(texts(lang, value, field))


def position(lang: Lang, person: Person | None, sep: str = " / ") -> str:
    """A person's position in the document's language(s); one typed without a language is
    printed as typed."""
    if person is None:
        return ""
    if not (person.position_kk or person.position_ru):
        return person.position
    return text(lang, Localized(person.position_kk, person.position_ru), "position", sep)


def missing_language(field: str, code: str) -> UserError:
    return UserError(
        "documents.missing_language",
        language_kk=labels.text(f"lang_{code}", "kk"),
        language_ru=labels.text(f"lang_{code}", "ru"),
        language_en={"kk": "Kazakh", "ru": "Russian"}[code],
        field_kk=labels.text(field, "kk"),
        field_ru=labels.text(field, "ru"),
        field_en=FIELD_EN.get(field, field),
    )


register_messages(
    {
        "documents.missing_language": {
            "kk": "«{field_kk}» өрісі {language_kk} толтырылмаған, ал құжат осы тілде жасалады. "
            "Мәтінді {language_kk} жазыңыз немесе құжат тілін өзгертіңіз.",
            "ru": "Поле «{field_ru}» не заполнено {language_ru}, а документ печатается на этом языке. "
            "Введите текст {language_ru} или выберите другой язык документа.",
            "en": "The field “{field_en}” has no {language_en} text, and the document is printed in "
            "{language_en}. Enter the {language_en} text or choose another document language.",
        },
    }
)
