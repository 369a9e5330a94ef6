"""A realistic, fully synthetic inspection for demos, tests and benchmarks.

`sample_context()` always returns the same data (no clock, seeded randomness): a school in
Almaty, a checklist of any size, findings, two protocols, an order, a recommendation, a
disciplinary referral, photos made with Pillow (one stored sideways with EXIF orientation 6)
and on-screen signatures. No real person or organisation is described.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

from inspector_app.core.documents.context import (
    ROLE_INSPECTOR,
    ROLE_REFUSAL_WITNESSES,
    ROLE_REPRESENTATIVE,
    DocumentContext,
    DocumentKind,
    WitnessedRefusal,
    co_inspector_role,
    document_key,
    offender_role,
)
from inspector_app.core.documents.fonts import fonts_dir
from inspector_app.core.documents.numbering import document_number
from inspector_app.core.domain.forms import AnswerKind, Choice, Form, Item, Section
from inspector_app.core.domain.identifiers import make_valid_12
from inspector_app.core.domain.models import (
    Answer,
    Bilingual,
    BusinessSize,
    Degree,
    Facility,
    FacilityKind,
    Finding,
    IdDocument,
    IdDocumentKind,
    Inspection,
    InspectionMode,
    InspectionType,
    InspectorProfile,
    Localized,
    Measure,
    MeasureKind,
    Offender,
    OffenderKind,
    Person,
    Photo,
    RestoredChild,
    RightsCategory,
    UnscheduledGround,
    Verdict,
)

DAY = dt.date(2026, 3, 16)
ANTI_TERROR = Bilingual(
    "ҚР Білім және ғылым министрінің 2022 жылғы 30 наурыздағы № 117 бұйрығымен бекітілген "
    "терроризмге қарсы қорғау нұсқаулығының 5-тармағы",
    "Пункт 5 Инструкции по антитеррористической защите, утверждённой приказом Министра "
    "образования и науки РК от 30 марта 2022 года № 117",
)
SANITARY = Bilingual(
    "ҚР Денсаулық сақтау министрінің 2021 жылғы 5 тамыздағы № ҚР ДСМ-76 бұйрығымен "
    "бекітілген санитариялық қағидалардың 68-тармағы",
    "Пункт 68 Санитарных правил, утверждённых приказом Министра здравоохранения РК от "
    "5 августа 2021 года № ҚР ДСМ-76",
)
CHILD_LAW = Bilingual(
    "«Қазақстан Республикасындағы баланың құқықтары туралы» 2002 жылғы 8 тамыздағы "
    "№ 345-II Заңның 10-бабының 2-тармағы",
    "Пункт 2 статьи 10 Закона РК от 8 августа 2002 года № 345-II «О правах ребёнка в Республике Казахстан»",
)
FIRE = Bilingual(
    "ҚР Төтенше жағдайлар министрінің 2022 жылғы 21 ақпандағы № 55 бұйрығымен бекітілген "
    "Өрт қауіпсіздігі қағидаларының 4-тарауы",
    "Глава 4 Правил пожарной безопасности, утверждённых приказом Министра по чрезвычайным "
    "ситуациям РК от 21 февраля 2022 года № 55",
)
CHECKLIST_ACT = Bilingual(
    "ҚР Білім және ғылым министрінің 2015 жылғы 28 желтоқсандағы № 708 және ҚР Ұлттық "
    "экономика министрі міндетін атқарушының 2015 жылғы 30 желтоқсандағы № 832 бірлескен "
    "бұйрығы (НҚА тізілімінде № 12844)",
    "Совместный приказ Министра образования и науки РК от 28 декабря 2015 года № 708 и "
    "исполняющего обязанности Министра национальной экономики РК от 30 декабря 2015 года "
    "№ 832 (рег. № 12844)",
)

# (kk, ru, legal basis, degree, rights, measure)
_REQUIREMENTS = (
    (
        "Бейнебақылау жүйесі орнатылған және полицияның жедел басқару орталығына қосылған",
        "Система видеонаблюдения установлена и подключена к центру оперативного управления полиции",
        ANTI_TERROR,
        Degree.GROSS,
        RightsCategory.SAFETY,
        MeasureKind.ORDER,
    ),
    (
        "Күзетті лицензиясы бар күзет ұйымы жүзеге асырады, өткізу режимі қамтамасыз етілген",
        "Охрану осуществляет лицензированная охранная организация, обеспечен пропускной режим",
        ANTI_TERROR,
        Degree.SIGNIFICANT,
        RightsCategory.SAFETY,
        MeasureKind.ORDER,
    ),
    (
        "«Дабыл түймесі» орнатылған және жұмыс істейді",
        "«Тревожная кнопка» установлена и исправна",
        ANTI_TERROR,
        Degree.GROSS,
        RightsCategory.SAFETY,
        MeasureKind.ORDER,
    ),
    (
        "Өрт қауіпсіздігі талаптары сақталады: өрт сөндіргіштер, эвакуация жоспары, шығу жолдары бос",
        "Соблюдаются требования пожарной безопасности: огнетушители, план эвакуации, свободные выходы",
        FIRE,
        Degree.SIGNIFICANT,
        RightsCategory.SAFETY,
        MeasureKind.ORDER,
    ),
    (
        "1–4-сынып оқушылары тегін ыстық тамақпен қамтамасыз етілген",
        "Учащиеся 1–4 классов обеспечены бесплатным горячим питанием",
        SANITARY,
        Degree.GROSS,
        RightsCategory.MEALS_HEALTH,
        MeasureKind.PROTOCOL,
    ),
    (
        "Мәзір санитариялық қағидаларға сәйкес бекітілген және ата-аналар көретін жерде ілінген",
        "Меню утверждено по санитарным правилам и вывешено на видном для родителей месте",
        SANITARY,
        Degree.SIGNIFICANT,
        RightsCategory.MEALS_HEALTH,
        MeasureKind.ORDER,
    ),
    (
        "Медициналық кабинет жабдықталған, медбике штатта бар",
        "Медицинский кабинет оснащён, медицинская сестра в штате",
        SANITARY,
        Degree.SIGNIFICANT,
        RightsCategory.MEALS_HEALTH,
        MeasureKind.RECOMMENDATION,
    ),
    (
        "Буллинг туралы хабарламаларды қабылдау және оларға ден қою тәртібі бекітілген",
        "Утверждён порядок приёма сообщений о буллинге и реагирования на них",
        CHILD_LAW,
        Degree.SIGNIFICANT,
        RightsCategory.WELLBEING,
        MeasureKind.PROTOCOL,
    ),
    (
        "Зорлық-зомбылықтан зардап шеккен немесе оның куәсі болған балаларға көмек көрсетіледі",
        "Детям, пострадавшим от насилия или ставшим его свидетелями, оказывается помощь",
        CHILD_LAW,
        Degree.GROSS,
        RightsCategory.PSYCH_SUPPORT,
        MeasureKind.DISCIPLINARY,
    ),
    (
        "111 байланыс орталығының QR-коды көрінетін жерде ілінген",
        "QR-код контакт-центра 111 размещён на видном месте",
        CHILD_LAW,
        Degree.MINOR,
        RightsCategory.WELLBEING,
        MeasureKind.RECOMMENDATION,
    ),
    (
        "Штатта педагог-психолог бар, әрбір 500 оқушыға кемінде бір маман",
        "В штате есть педагог-психолог, не менее одного на каждые 500 обучающихся",
        CHILD_LAW,
        Degree.SIGNIFICANT,
        RightsCategory.PSYCH_SUPPORT,
        MeasureKind.ORDER,
    ),
    (
        "Ерекше білім берілуіне қажеттілігі бар балаларға инклюзивті жағдай жасалған",
        "Созданы условия инклюзивного образования для детей с особыми образовательными потребностями",
        CHILD_LAW,
        Degree.SIGNIFICANT,
        RightsCategory.EDUCATION,
        MeasureKind.ORDER,
    ),
    (
        "Жол қауіпсіздігі және өмір қауіпсіздігі сабақтары кесте бойынша өткізіледі",
        "Уроки безопасности дорожного движения и жизнедеятельности проводятся по расписанию",
        CHILD_LAW,
        Degree.MINOR,
        RightsCategory.SAFETY,
        MeasureKind.RECOMMENDATION,
    ),
    (
        "Мектеп маңындағы жаяу жүргіншілер өткелдері белгіленген және жарықтандырылған",
        "Пешеходные переходы у школы обозначены и освещены",
        ANTI_TERROR,
        Degree.MINOR,
        RightsCategory.SAFETY,
        MeasureKind.RECOMMENDATION,
    ),
)
_SECTIONS = (
    ("Қауіпсіздік және терроризмге қарсы қорғау", "Безопасность и антитеррористическая защита"),
    ("Тамақтану және медициналық қызмет көрсету", "Питание и медицинское обслуживание"),
    (
        "Баланың құқықтарын қорғау және психологиялық қолдау",
        "Защита прав ребёнка и психологическая поддержка",
    ),
    ("Білім беру жағдайлары және қауіпсіздік сабақтары", "Условия обучения и уроки безопасности"),
)
# base requirements violated in the sample, with the degree found
_VIOLATED = {
    0: Degree.GROSS,
    4: Degree.GROSS,
    5: Degree.SIGNIFICANT,
    7: Degree.SIGNIFICANT,
    8: Degree.GROSS,
    9: Degree.MINOR,
    11: Degree.SIGNIFICANT,
}


def sample_context(
    n_items: int = 16,
    n_photos: int = 4,
    long_texts: bool = False,
    refusal: bool = False,
    signatures: bool = True,
    photo_size: tuple[int, int] = (1280, 960),
) -> DocumentContext:
    """A complete context. `long_texts` stretches names, notes and the explanation to the
    lengths that break naive layouts (200-character name, 2,000-character explanation)."""
    form = sample_form(n_items)
    items = form.items()
    answers = _answers(items, long_texts)
    findings = _findings(items, answers, long_texts)
    measures = _measures(findings, long_texts)
    photos = _photos(findings, items, n_photos, photo_size)
    ctx = DocumentContext(
        profile=_profile(),
        facility=_facility(long_texts),
        regions={"ALA": Bilingual("Алматы қаласы", "город Алматы", "Almaty")},
        inspection=_inspection(form, long_texts),
        form=form,
        answers=answers,
        findings=findings,
        measures=measures,
        restored=_restored(findings, measures),
        photos=photos,
        signatures={},
        place="Алматы қ. / г. Алматы, Әуезов ауданы",
        document_date=DAY,
        document_time=dt.time(16, 40),
        numbers=_numbers(measures),
    )
    if signatures:
        ctx.signatures = _signatures(ctx, refusal)
    if refusal:
        ctx.refusal = WitnessedRefusal(
            ROLE_REPRESENTATIVE,
            (
                Person(
                    "Жұмабаев Ерлан Серікұлы", position_kk="мектеп күзетшісі", position_ru="охранник школы"
                ),
                Person(
                    "Ким Ольга Викторовна",
                    position_kk="ата-ана комитетінің мүшесі",
                    position_ru="член родительского комитета",
                ),
            ),
            note="Актіде көрсетілген бұзушылықтармен келіспейтінін айтты / Заявил(а) о несогласии "
            "с нарушениями, указанными в акте",
        )
    return ctx


def sample_form(n_items: int) -> Form:
    per_section = max(1, math.ceil(n_items / len(_SECTIONS)))
    items = [_item(i) for i in range(n_items)]
    sections = tuple(
        Section(
            f"s{n + 1}", Bilingual(*_SECTIONS[n % len(_SECTIONS)]), tuple(items[start : start + per_section])
        )
        for n, start in enumerate(range(0, n_items, per_section))
    )
    digest = hashlib.sha256(f"sample-school-form:{n_items}".encode()).hexdigest()
    return Form(
        "school-safety",
        3,
        FacilityKind.SCHOOL,
        Bilingual(
            "Жалпы білім беретін мектептерге арналған тексеру парағы",
            "Проверочный лист для общеобразовательных школ",
        ),
        sections,
        digest,
        legal_act=CHECKLIST_ACT,
        effective=dt.date(2024, 8, 1),
    )


def _item(i: int) -> Item:
    kk, ru, basis, degree, rights, measure = _REQUIREMENTS[i % len(_REQUIREMENTS)]
    if i >= len(_REQUIREMENTS):  # big checklists: numbered variants of the base wording
        kk, ru = (
            f"{kk} ({i // len(_REQUIREMENTS) + 1}-корпус)",
            f"{ru} (корпус {i // len(_REQUIREMENTS) + 1})",
        )
    if i == 2:
        return Item(
            f"q{i:03d}",
            Bilingual("Ас блогының санитариялық жағдайы", "Санитарное состояние пищеблока"),
            SANITARY,
            Degree.SIGNIFICANT,
            RightsCategory.MEALS_HEALTH,
            MeasureKind.ORDER,
            kind=AnswerKind.CHOICE,
            choices=(
                Choice("good", Bilingual("жақсы", "хорошее")),
                Choice("poor", Bilingual("қанағаттанарлықсыз", "неудовлетворительное")),
            ),
        )
    if i == 3:
        return Item(
            f"q{i:03d}",
            Bilingual("Оқушылар саны", "Количество обучающихся"),
            Bilingual("НОБД деректері", "Данные НОБД"),
            Degree.MINOR,
            RightsCategory.EDUCATION,
            MeasureKind.RECOMMENDATION,
            kind=AnswerKind.NUMBER,
        )
    return Item(
        f"q{i:03d}",
        Bilingual(kk, ru),
        basis,
        degree,
        rights,
        measure,
        photo_on_violation=degree is Degree.GROSS,
    )


def _answers(items: list[Item], long_texts: bool) -> dict[str, Answer]:
    at = dt.datetime(2026, 3, 16, 10, 0)
    out = {}
    for i, item in enumerate(items):
        when = at + dt.timedelta(minutes=i)
        if item.kind is AnswerKind.CHOICE:
            out[item.id] = Answer(item.id, value="good", updated_at=when)
        elif item.kind is AnswerKind.NUMBER:
            out[item.id] = Answer(item.id, value="1248", updated_at=when)
        elif i % len(_REQUIREMENTS) in _VIOLATED:
            note = _violation_note(i)
            if long_texts:
                note = (note + " ") * 6
            out[item.id] = Answer(item.id, Verdict.VIOLATED, note=note.strip(), updated_at=when)
        elif i % len(_REQUIREMENTS) == 13:
            out[item.id] = Answer(item.id, Verdict.NOT_APPLICABLE, updated_at=when)
        else:
            out[item.id] = Answer(item.id, Verdict.COMPLIES, updated_at=when)
    return out


def _violation_note(i: int) -> str:
    notes = {
        0: "Екінші қабаттағы 4 камера істен шыққан / 4 камеры на втором этаже не работают",
        4: "2-сыныптың 31 оқушысы тамақтанбаған / 31 ученик 2-х классов не получил питание",
        5: "Мәзір ілінбеген / Меню не вывешено",
        7: "Тәртіп бекітілмеген / Порядок не утверждён",
        8: "Өтініш бойынша көмек көрсетілмеген / Помощь по обращению не оказана",
        9: "QR-код жоқ / QR-код отсутствует",
        11: "Пандус жоқ / Отсутствует пандус",
    }
    return notes[i % len(_REQUIREMENTS)]


def _findings(items: list[Item], answers: dict[str, Answer], long_texts: bool) -> list[Finding]:
    out = []
    for i, item in enumerate(items):
        if answers[item.id].verdict is Verdict.VIOLATED:
            desc = "Бұзушылық фотосуретпен тіркелді. / Нарушение зафиксировано фотосъёмкой."
            if long_texts:
                desc = (desc + " ") * 8
            out.append(
                Finding(f"f{i:03d}", "insp-1", item.id, _VIOLATED[i % len(_REQUIREMENTS)], desc.strip())
            )
    return out


def _measures(findings: list[Finding], long_texts: bool) -> list[Measure]:
    by_item = {f.item_id: f for f in findings}
    meals, bullying, victims_help = by_item.get("q004"), by_item.get("q007"), by_item.get("q008")
    menu = by_item.get("q005")
    explanation = Localized(
        "Жеткізуші ақпан айында тамақ жеткізуді тоқтатты, сондықтан бұзушылықпен келіспеймін.",
        "С нарушением не согласна, так как поставщик питания сорвал поставки в феврале.",
    )
    if long_texts:
        explanation = Localized(
            ((explanation.kk + " ") * 30)[:1999] + ".", ((explanation.ru + " ") * 30)[:1999] + "."
        )
    head_name = "Абдуллаева Гүлнар Сапарқызы"
    if long_texts:
        head_name = ("Абдуллаева-Қожахметова Гүлнар-Әйгерім Сапарқызы " * 5)[:200].strip()
    return [
        Measure(
            "m1",
            "insp-1",
            MeasureKind.PROTOCOL,
            [f.id for f in (meals, bullying) if f],
            article="127-3",
            part="1",
            fine_mrp=10,
            offence_date=DAY,
            offence_time=dt.time(11, 20),
            offence_place="Алматы, Абай даңғылы / проспект Абая, 150",
            offender=_head(head_name),
            substance=Localized(
                "Мектеп директоры 1–4-сынып оқушыларын тегін ыстық тамақпен қамтамасыз "
                "етпеген және буллинг туралы хабарламаларға ден қою тәртібін бекітпеген.",
                "Директор школы не обеспечила учащихся 1–4 классов бесплатным горячим "
                "питанием и не утвердила порядок реагирования на сообщения о буллинге.",
            ),
            explanation=explanation,
            witnesses=[
                Person(
                    "Иванова Марина Петровна",
                    position_kk="мұғалім",
                    position_ru="учитель",
                    address="Алматы, Назарбаев д-лы / пр. Назарбаева, 12",
                ),
                Person(
                    "Ибраева Зуһра Маратқызы",
                    position_kk="аспаз",
                    position_ru="повар",
                    address="Алматы, Төле би к-сі / ул. Толе би, 286",
                ),
            ],
            victims=[
                Person(
                    "Б. Айгүл",
                    position_kk="кәмелетке толмаған Б. заңды өкілі",
                    position_ru="законный представитель несовершеннолетнего Б.",
                    address="Алматы, Жандосов к-сі / ул. Жандосова, 7",
                )
            ],
        ),
        Measure(
            "m2",
            "insp-1",
            MeasureKind.PROTOCOL,
            [bullying.id] if bullying else [],
            article="135",
            part="1",
            fine_mrp=20,
            offence_date=DAY,
            offence_time=dt.time(11, 20),
            offence_place="Алматы, Абай даңғылы / проспект Абая, 150",
            offender=Offender(
                OffenderKind.ORGANISATION,
                "«Балапан білім» ЖШС / ТОО «Балапан білім»",
                make_valid_12("12034001234") or "",
                address="Алматы, Тимирязев к-сі / ул. Тимирязева, 42",
                bank_details="ИИК KZ12 3456 7890 1234 5678, БСК HSBKKZKX",
                representative=Person(
                    "Оспанов Нұрлан Ерікұлы", position_kk="заң кеңесшісі", position_ru="юрисконсульт"
                ),
                attorney_number="17",
                attorney_date=dt.date(2026, 1, 9),
                business_size=BusinessSize.SMALL,
            ),
            substance=Localized(
                "Буллинг туралы хабарламаларды тіркеу тәртібі жоқ.",
                "Порядок регистрации сообщений о буллинге отсутствует.",
            ),
        ),
        Measure(
            "m3",
            "insp-1",
            MeasureKind.ORDER,
            [f.id for f in findings],
            deadlines={
                f.id: DAY + dt.timedelta(days=30 if f.degree is Degree.GROSS else 60) for f in findings
            },
            actions={
                f.id: Localized(
                    "Бұзушылықты жою, растайтын құжаттарды ұсыну",
                    "Устранить нарушение, представить подтверждающие документы",
                )
                for f in findings[:3]
            },
            required_action=Localized("Бұзушылықты жою", "Устранить нарушение"),
        ),
        Measure(
            "m4",
            "insp-1",
            MeasureKind.RECOMMENDATION,
            [f.id for f in findings if f.degree is Degree.MINOR],
            text=Localized(
                "111 контакт-орталығының QR-кодын барлық қабаттарда ілу және сынып жетекшілеріне таныстыру.",
                "Разместить QR-код контакт-центра 111 на всех этажах и ознакомить с "
                "ним классных руководителей.",
            ),
            deadlines={f.id: DAY + dt.timedelta(days=20) for f in findings},
        ),
        Measure(
            "m5",
            "insp-1",
            MeasureKind.DISCIPLINARY,
            [victims_help.id] if victims_help else [],
            official=Person(
                "Серікбаев Данияр Маратұлы",
                position_kk="директордың тәрбие ісі жөніндегі орынбасары",
                position_ru="заместитель директора по воспитательной работе",
            ),
            employer=Localized("Алматы қаласы Білім басқармасы", "Управление образования города Алматы"),
            text=Localized(
                "Зорлық-зомбылық туралы өтініш бойынша балаға психологиялық көмек ұйымдастырылмаған.",
                "По обращению о насилии психологическая помощь ребёнку не организована.",
            ),
        ),
        Measure(
            "m6",
            "insp-1",
            MeasureKind.TRANSFER,
            [f.id for f in (meals, menu) if f],
            addressee_body="sanitary",
            addressee=Localized(
                "Алматы қаласының санитариялық-эпидемиологиялық бақылау департаменті",
                "Департамент санитарно-эпидемиологического контроля города Алматы",
            ),
            text=Localized(
                "Ас блогында санитариялық талаптар бұзылған.", "На пищеблоке нарушены санитарные требования."
            ),
        ),
    ]


def _head(name: str) -> Offender:
    """The school's head as an official named in a protocol."""
    return Offender(
        OffenderKind.PERSON,
        name,
        make_valid_12("78051240012") or "",
        dt.date(1978, 5, 12),
        "Алматы, Жандосов к-сі / ул. Жандосова, 98, 12",
        position=Localized("мектеп директоры", "директор школы"),
        workplace=Localized(
            "Алматы қаласы Білім басқармасының «№ 154 жалпы білім беретін мектеп» КММ",
            "КГУ «Общеобразовательная школа № 154» Управления образования города Алматы",
        ),
        id_document=IdDocument(
            IdDocumentKind.ID_CARD, "045612378", Localized("ҚР ІІМ", "МВД РК"), dt.date(2019, 4, 2)
        ),
        prior_penalties=Localized("жоқ", "нет"),
    )


def _numbers(measures: list[Measure]) -> dict[str, str]:
    seq = {
        DocumentKind.ACT: 3,
        DocumentKind.PROTOCOL: 11,
        DocumentKind.ORDER: 5,
        DocumentKind.RECOMMENDATION: 2,
        DocumentKind.REFERRAL: 1,
        DocumentKind.TRANSFER: 0,
    }
    numbers = {document_key(DocumentKind.ACT): document_number("ALA", "K07", 2026, DocumentKind.ACT, 3)}
    for m in measures:
        kind = {
            MeasureKind.PROTOCOL: DocumentKind.PROTOCOL,
            MeasureKind.ORDER: DocumentKind.ORDER,
            MeasureKind.RECOMMENDATION: DocumentKind.RECOMMENDATION,
            MeasureKind.DISCIPLINARY: DocumentKind.REFERRAL,
            MeasureKind.TRANSFER: DocumentKind.TRANSFER,
        }[m.kind]
        per_measure = kind in (DocumentKind.PROTOCOL, DocumentKind.REFERRAL, DocumentKind.TRANSFER)
        key = document_key(kind, m.id if per_measure else None)
        if key not in numbers:
            seq[kind] += 1
            numbers[key] = document_number("ALA", "K07", 2026, kind, seq[kind])
    return numbers


def _profile() -> InspectorProfile:
    return InspectorProfile(
        name="Сәрсенбаева Әйгерім Қанатқызы",
        position="бас маман-инспектор / главный специалист-инспектор",
        position_kk="бас маман-инспектор",
        position_ru="главный специалист-инспектор",
        body_kk="Қазақстан Республикасы Оқу-ағарту министрлігі Бала құқықтарын қорғау комитетінің "
        "Алматы қаласы бойынша департаменті",
        body_ru="Департамент Комитета по охране прав детей Министерства просвещения Республики "
        "Казахстан по городу Алматы",
        region="ALA",
        code="K07",
    )


def _facility(long_texts: bool) -> Facility:
    kk = "Алматы қаласы Білім басқармасының «№ 154 жалпы білім беретін мектеп» КММ"
    ru = "КГУ «Общеобразовательная школа № 154» Управления образования города Алматы"
    if long_texts:
        kk = (kk + " — Әуезов ауданындағы ғылыми-әдістемелік орталықпен бірлескен ") * 2
        ru = (ru + " — совместно с научно-методическим центром Ауэзовского района ") * 2
    return Facility(
        "fac-154",
        kk.strip()[:200],
        ru.strip()[:200],
        FacilityKind.SCHOOL,
        "ALA",
        district="Әуезов ауданы",
        settlement="Алматы",
        bin=make_valid_12("99044001234") or "",
        address="050062, Алматы қ., Әуезов ауданы, Абай даңғылы, 150",
        head="Абдуллаева Гүлнар Сапарқызы",
        capacity=1400,
        children=1248,
    )


def _inspection(form: Form, long_texts: bool) -> Inspection:
    rep_pos = "мектеп директоры / директор школы"
    return Inspection(
        "insp-1",
        "fac-154",
        form.id,
        form.version,
        form.content_hash,
        InspectionType.UNSCHEDULED,
        InspectionMode.ON_SITE,
        "ALA-2026-0117",
        dt.date(2026, 3, 10),
        registration_mark="260310-0117-ҚСАЕК / КПСиСУ",
        registration_date=dt.date(2026, 3, 10),
        ground=UnscheduledGround.COMPLAINT,
        period_start=dt.date(2026, 3, 12),
        period_end=dt.date(2026, 3, 25),
        inspectors=[
            Person(
                "Сәрсенбаева Әйгерім Қанатқызы",
                "бас маман-инспектор / главный специалист-инспектор",
                "бас маман-инспектор",
                "главный специалист-инспектор",
            ),
            Person(
                "Петров Алексей Игоревич",
                "жетекші маман / ведущий специалист",
                "жетекші маман",
                "ведущий специалист",
            ),
        ],
        representative=Person("Абдуллаева Гүлнар Сапарқызы", rep_pos, "мектеп директоры", "директор школы"),
    )


def _restored(findings: list[Finding], measures: list[Measure]) -> list[RestoredChild]:
    """31 children fed again, two of them also given a psychologist's support, and one child
    by a case number whose safety was restored by the first finding."""
    order = next((m.id for m in measures if m.kind is MeasureKind.ORDER), "")
    fed = [
        RestoredChild(
            f"c{n}",
            f"Т-{n + 1:03d}",
            [RightsCategory.MEALS_HEALTH] + ([RightsCategory.PSYCH_SUPPORT] if n < 2 else []),
            measure_id=order,
        )
        for n in range(31)
    ]
    first = findings[0].id if findings else ""
    return [*fed, RestoredChild("c-case", "Іс № 17/2026", [RightsCategory.SAFETY], finding_id=first)]


def _photos(
    findings: list[Finding], items: list[Item], n: int, size: tuple[int, int]
) -> list[tuple[Photo, bytes | None]]:
    targets = [f.item_id for f in findings] or [i.id for i in items]
    out: list[tuple[Photo, bytes | None]] = []
    for k in range(n):
        item_id = targets[k % len(targets)]
        data = _photo_bytes(k, size, rotated=(k == 1))
        taken = dt.datetime(2026, 3, 16, 10, 5) + dt.timedelta(minutes=7 * k)
        out.append(
            (
                Photo(
                    f"p{k:03d}",
                    "insp-1",
                    item_id,
                    hashlib.sha256(data).hexdigest(),
                    len(data),
                    taken,
                    f"IMG_{20260316 * 10000 + k}.jpg",
                ),
                data,
            )
        )
    return out


@functools.lru_cache(maxsize=64)
def _photo_bytes(k: int, size: tuple[int, int], rotated: bool) -> bytes:
    """A camera-like JPEG: a scene with an arrow pointing up and the words "ЖОҒАРЫ / ВВЕРХ".
    The rotated one is stored sideways with EXIF orientation 6, as phones do."""
    w, h = size
    rng = random.Random(k)
    img = Image.new("RGB", (w, h))
    draw = ImageDraw.Draw(img)
    top, bottom = (rng.randrange(80, 200), rng.randrange(120, 220), 235), (90, 110, rng.randrange(60, 120))
    for y in range(0, h, 4):
        t = y / h
        draw.rectangle(
            [0, y, w, y + 4], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    for _ in range(12):
        x, y, r = rng.randrange(w), rng.randrange(h // 2, h), rng.randrange(20, 120)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(rng.randrange(256), rng.randrange(256), 80))
    cx = w // 2
    draw.polygon([(cx, h * 0.12), (cx - w * 0.12, h * 0.4), (cx + w * 0.12, h * 0.4)], fill="white")
    draw.rectangle([cx - w * 0.04, h * 0.4, cx + w * 0.04, h * 0.7], fill="white")
    font = ImageFont.truetype(str(fonts_dir() / "DejaVuSerif-Bold.ttf"), max(18, h // 12))
    draw.text((w * 0.05, h * 0.78), f"ЖОҒАРЫ / ВВЕРХ  № {k + 1}", font=font, fill="white")
    exif = Image.Exif()
    if rotated:
        img = img.rotate(90, expand=True)  # stored sideways: a viewer turns it 90° clockwise
        exif[0x0112] = 6
    out = io.BytesIO()
    img.save(out, "JPEG", quality=88, exif=exif.tobytes())
    return out.getvalue()


def _signatures(ctx: DocumentContext, refusal: bool) -> dict[str, bytes]:
    roles = [ROLE_INSPECTOR, co_inspector_role(1)]
    roles += list(ROLE_REFUSAL_WITNESSES) if refusal else [ROLE_REPRESENTATIVE]
    roles += [offender_role(m.id) for m in ctx.measures if m.kind is MeasureKind.PROTOCOL]
    return {role: signature_png(n) for n, role in enumerate(roles)}


@functools.lru_cache(maxsize=32)
def signature_png(seed: int) -> bytes:
    """A handwriting-like squiggle, as the signature pad would produce."""
    rng = random.Random(1000 + seed)
    img = Image.new("RGB", (480, 160), "white")
    draw = ImageDraw.Draw(img)
    points = []
    for step in range(60):
        x = 30 + step * 7
        y = 80 + 45 * math.sin(step / (2.2 + rng.random())) * (1 - step / 90) + rng.uniform(-6, 6)
        points.append((x, y))
    draw.line(points, fill=(10, 20, 90), width=4, joint="curve")
    draw.line([(40, 130), (rng.randrange(300, 450), 120)], fill=(10, 20, 90), width=3)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()
