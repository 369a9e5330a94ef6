"""Act on the results of the inspection (акт о результатах проверки)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from inspector_app.core.documents.blocks import (
    Cell,
    FieldRow,
    GridRows,
    Signer,
    bilingual_cell,
    day,
    fields_table,
    grid_table,
    heading,
    is_long,
    label_cell,
    letterhead,
    photo_appendix,
    photo_numbers,
    refusal_block,
    signature_rows,
    table_style,
    title_block,
    value,
    values,
)
from inspector_app.core.documents.context import (
    ROLE_INSPECTOR,
    ROLE_REPRESENTATIVE,
    DocumentContext,
    co_inspector_role,
    measure_document_key,
)
from inspector_app.core.documents.style import FRAME_W, Lang, Para, Styles, esc
from inspector_app.core.domain.forms import AnswerKind, Item, answer_key
from inspector_app.core.domain.models import Answer, InspectionType, RightsCategory, Verdict
from inspector_app.core.domain.restored import child_key, distinct_children

CHECKLIST_WIDTHS = [10 * mm, 58 * mm, 37 * mm, 28 * mm, FRAME_W - 133 * mm]
FINDINGS_WIDTHS = [10 * mm, 60 * mm, 38 * mm, 27 * mm, FRAME_W - 135 * mm]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def act_story(ctx: DocumentContext, lang: Lang, number: str) -> list[Flowable]:
    photos = ctx.photos_of()
    story = letterhead(ctx, lang) + title_block(ctx, lang, "title_act", number)
    story.append(fields_table(inspection_fields(ctx, lang)))
    story += [*heading(lang, "checklist_results", 1), checklist_table(ctx, lang, photo_numbers(photos))]
    story += findings_section(ctx, lang, photo_numbers(photos), 2)
    story += measures_section(ctx, lang, 3)
    story += restored_section(ctx, lang, 4, finding_section=2, measure_section=3)
    story += act_signatures(ctx, lang)
    story += objections_section(ctx, lang)
    story += photo_appendix(ctx, lang, photos)
    return story


def inspection_fields(ctx: DocumentContext, lang: Lang) -> list[FieldRow]:
    insp, fac = ctx.inspection, ctx.facility
    control = lang.e(insp.type.value)
    rep = ctx.representative()
    form_title = lang.pick(ctx.form.title.kk, ctx.form.title.ru)
    return [
        (label_cell(lang, "body"), values(lang.pick(ctx.profile.body_kk, ctx.profile.body_ru))),
        (
            label_cell(lang, "appointment"),
            value(
                lang.t("appointment_value", number=insp.appointment_number, date=day(insp.appointment_date))
            ),
        ),
        (label_cell(lang, "registration_mark"), registration_cell(ctx, lang)),
        (label_cell(lang, "control_type"), value(control)),
        (label_cell(lang, "ground"), value(ground_text(ctx, lang))),
        (label_cell(lang, "control_form"), value(lang.e(insp.mode.value))),
        (
            label_cell(lang, "period"),
            value(lang.t("period_value", start=day(insp.period_start), end=day(insp.period_end))),
        ),
        (label_cell(lang, "inspectors"), values([_person_line(p.name, p.position) for p in insp.inspectors])),
        (label_cell(lang, "subject"), values(lang.pick(fac.name_kk, fac.name_ru))),
        (label_cell(lang, "bin"), value(fac.bin)),
        (label_cell(lang, "address"), value(fac.address)),
        (label_cell(lang, "representative"), value(_person_line(rep.name, rep.position))),
        (label_cell(lang, "checklist"), values([f"{t} (v{ctx.form.version})" for t in form_title])),
    ]


def registration_cell(ctx: DocumentContext, lang: Lang) -> Para:
    """Number and date of the registration with legal statistics; a surprise inspection needs
    none; a scheduled or unscheduled one not registered says so plainly, never a blank."""
    insp = ctx.inspection
    if insp.type is InspectionType.SURPRISE:
        return value(lang.t("not_required"))
    if not insp.registration_mark:
        return Para(f"<b>{esc(lang.t('not_registered'))}</b>", Styles.value)
    if insp.registration_date is None:
        return value(insp.registration_mark)
    return value(
        lang.t("registration_value", number=insp.registration_mark, date=day(insp.registration_date))
    )


def ground_text(ctx: DocumentContext, lang: Lang) -> str:
    """Why the inspection was appointed; a surprise one by the facility's place in the
    register of special control (Law "On the Rights of the Child", from 1 February 2026)."""
    insp = ctx.inspection
    if insp.type is InspectionType.SURPRISE:
        return lang.t("special_control_ground" if ctx.facility.special_control else "not_on_special_register")
    ground = (
        insp.ground.value if insp.ground else ("yearly_plan" if insp.type is InspectionType.SCHEDULED else "")
    )
    return lang.e(ground) if ground else ""


def item_numbers(ctx: DocumentContext) -> dict[str, str]:
    """Item id -> its number in the checklist table ("2.3"), visible items only."""
    keys = {i: answer_key(a.verdict, a.value) for i, a in ctx.answers.items()}
    out: dict[str, str] = {}
    for s_no, section in enumerate(ctx.form.sections, 1):
        visible = [i for i in section.items if ctx.form.is_visible(i, keys)]
        out.update({item.id: f"{s_no}.{i_no}" for i_no, item in enumerate(visible, 1)})
    return out


def checklist_table(ctx: DocumentContext, lang: Lang, photo_nums: dict[str, list[int]]) -> Flowable:
    numbers = item_numbers(ctx)
    header = [
        lang.t("col_no", sep="\n"),
        lang.t("col_requirement"),
        lang.t("col_basis"),
        lang.t("col_result"),
        lang.t("col_note"),
    ]
    grid = GridRows(len(header))
    for s_no, section in enumerate(ctx.form.sections, 1):
        visible = [i for i in section.items if i.id in numbers]
        if not visible:
            continue
        title = " / ".join(esc(t) for t in lang.pick(section.title.kk, section.title.ru))
        row = grid.add_wide(Para(f"<b>{s_no}. {title}</b>", Styles.section_row), shaded=True)
        grid.style.append(("NOSPLIT", (0, row), (-1, row + 1)))  # a title never ends a page
        for item in visible:
            answer = ctx.answers.get(item.id)
            note = answer.note if answer else ""
            grid.add(
                [
                    Para(numbers[item.id], Styles.cell),
                    bilingual_cell(lang, item.text),
                    bilingual_cell(lang, item.legal_basis),
                    _result_cell(ctx, lang, item, answer),
                    _note_cell(lang, "" if is_long(note) else note, photo_nums.get(item.id, [])),
                ]
            )
            if is_long(note):
                grid.add_long_text(f"{lang.t('col_note')} ({numbers[item.id]})", note)
    return grid_table(header, grid.rows, CHECKLIST_WIDTHS, grid.style)


def _result_cell(ctx: DocumentContext, lang: Lang, item: Item, answer: Answer | None) -> Para | list[Para]:
    if answer is None or (answer.verdict is None and not answer.value):
        return Para(esc(lang.t("not_answered", sep="\n")), Styles.cell_second)
    if item.kind is AnswerKind.VERDICT and answer.verdict is not None:
        words = esc(lang.e(answer.verdict.value, sep="\n"))
        if answer.verdict is Verdict.VIOLATED:
            degree = _degree_of(ctx, item)
            return [
                Para(f"<b>{words}</b>", Styles.cell),
                Para(f"({esc(lang.e(degree, sep=' / '))})", Styles.cell_second),
            ]
        return Para(words, Styles.cell)
    return Para(esc(_value_text(lang, item, answer.value or "")), Styles.cell)


def _degree_of(ctx: DocumentContext, item: Item) -> str:
    for f in ctx.findings:
        if f.item_id == item.id:
            return f.degree.value
    return item.degree.value


def _value_text(lang: Lang, item: Item, raw: str) -> str:
    for choice in item.choices:
        if choice.value == raw:
            return " / ".join(lang.pick(choice.label.kk, choice.label.ru))
    return raw


def _note_cell(lang: Lang, note: str, photos: list[int]) -> list[Para]:
    out = [Para(esc(note), Styles.cell)] if note else []
    if photos:
        nums = ", ".join(str(n) for n in photos)
        out.append(Para(f"{esc(lang.t('photos_ref'))}: {nums}", Styles.cell_second))
    return out


def findings_section(
    ctx: DocumentContext, lang: Lang, photo_nums: dict[str, list[int]], number: int
) -> list[Flowable]:
    out: list[Flowable] = [*heading(lang, "findings", number)]
    if not ctx.findings:
        return out + lang.paras("no_findings")
    numbers = item_numbers(ctx)
    header = [
        lang.t("col_no", sep="\n"),
        lang.t("col_violation"),
        lang.t("col_norm"),
        lang.t("degree"),
        lang.t("col_note"),
    ]
    grid = GridRows(len(header))
    for n, f in enumerate(ctx.findings, 1):
        item = ctx.item(f.item_id)
        violation = [
            Para(f"<b>{esc(lang.t('checklist_item'))} {numbers.get(f.item_id, '—')}</b>", Styles.cell_second),
            *bilingual_cell(lang, item.text),
        ]
        grid.add(
            [
                Para(f"{number}.{n}", Styles.cell),
                violation,
                bilingual_cell(lang, item.legal_basis),
                Para(f"<b>{esc(lang.e(f.degree.value, sep=chr(10)))}</b>", Styles.cell),
                _note_cell(
                    lang, "" if is_long(f.description) else f.description, photo_nums.get(f.item_id, [])
                ),
            ]
        )
        if is_long(f.description):
            grid.add_long_text(f"{lang.t('col_note')} ({number}.{n})", f.description)
    return [*out, grid_table(header, grid.rows, FINDINGS_WIDTHS, grid.style)]


def measures_section(ctx: DocumentContext, lang: Lang, number: int) -> list[Flowable]:
    out: list[Flowable] = [*heading(lang, "measures", number)]
    if not ctx.measures:
        return out + lang.paras("no_measures")
    for n, m in enumerate(ctx.measures, 1):
        doc_no = ctx.numbers.get(measure_document_key(m))
        line = f"<b>{number}.{n}.</b> {esc(' / '.join(capitalised(t) for t in lang.e(m.kind.value).split(' / ')))}"
        if doc_no:
            line += f" (№ {esc(doc_no)})"
        who = m.offender.name if m.offender else (m.official.name if m.official else "")
        if who:
            line += f": {esc(who)}"
        out.append(Para(line + ".", Styles.body_left))
    return out


def restored_section(
    ctx: DocumentContext, lang: Lang, number: int, *, finding_section: int, measure_section: int
) -> list[Flowable]:
    """Distinct children per category, what restored them (points of the findings and
    measures sections), and the total in which each child counts once."""
    children = [c for c in ctx.restored if c.categories]
    if not children:
        return []
    points = {f.id: f"{finding_section}.{n}" for n, f in enumerate(ctx.findings, 1)}
    points.update({m.id: f"{measure_section}.{n}" for n, m in enumerate(ctx.measures, 1)})
    rows: list[list[Cell]] = []
    for category in RightsCategory:
        chosen = [c for c in children if category in c.categories]
        if not chosen:
            continue
        tied = dict.fromkeys(points[t] for c in chosen for t in (c.finding_id, c.measure_id) if t in points)
        rows.append(
            [
                Para(esc(lang.e(category.value)), Styles.cell),
                Para(str(len({child_key(c) for c in chosen})), Styles.cell_center),
                Para(esc(", ".join(sorted(tied, key=_point_order)) or "—"), Styles.cell),
            ]
        )
    rows.append(
        [
            Para(f"<b>{esc(lang.t('restored_total'))}</b>", Styles.cell),
            Para(f"<b>{distinct_children(children)}</b>", Styles.cell_center),
            "",
        ]
    )
    table = grid_table(
        [lang.t("col_category"), lang.t("col_children"), lang.t("col_restored_by")],
        rows,
        [FRAME_W - 100 * mm, 30 * mm, 70 * mm],
    )
    note = [Para(esc(t), Styles.cell_second) for t in lang.each("restored_note")]
    return [KeepTogether([*heading(lang, "restored", number), table, *note])]


def _point_order(point: str) -> tuple[int, ...]:
    return tuple(int(p) for p in point.split("."))


def objections_section(ctx: DocumentContext, lang: Lang) -> list[Flowable]:
    """The date the subject received the copy, a line to fill in; then room for the subject's
    objections (art. 152 of the Entrepreneurial Code): the text the inspector recorded, or
    ruled lines to write them by hand."""
    text = ctx.inspection.objections.strip()
    received = [Para(esc(t), Styles.body_left) for t in lang.each("copy_received_date")]
    title = [Para(f"<b>{esc(t)}:</b>", Styles.body_left) for t in lang.each("objections")]
    body: list[Flowable] = [Para(esc(text), Styles.body_left)] if text else [_ruled_lines(4)]
    return [Spacer(1, 2 * mm), *received, Spacer(1, 4 * mm), KeepTogether(title + body)]


def _ruled_lines(count: int) -> Flowable:
    table = Table([[""]] * count, colWidths=[FRAME_W], rowHeights=[7 * mm] * count)
    table.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.4, "black")]))
    return table


def act_signatures(ctx: DocumentContext, lang: Lang) -> list[Flowable]:
    insp = ctx.inspection
    author = Signer(ROLE_INSPECTOR, lang.t("author"), ctx.profile.person())
    others = [
        Signer(co_inspector_role(i), lang.t("co_inspector"), p)
        for i, p in enumerate(insp.inspectors)
        if i > 0
    ]
    rep = ctx.representative()
    story: list[Flowable] = [
        *heading(lang, "signatures"),
        *signature_rows(ctx, lang, [author, *others]),
        Spacer(1, 3 * mm),
    ]
    familiar = [Para(f"<b>{esc(t)}:</b>", Styles.body_left) for t in lang.each("familiarised")]
    story.append(
        KeepTogether(
            familiar + signature_rows(ctx, lang, [Signer(ROLE_REPRESENTATIVE, lang.t("representative"), rep)])
        )
    )
    story += refusal_block(ctx, lang, ROLE_REPRESENTATIVE, "act", rep)
    return story


def _person_line(name: str, position: str) -> str:
    return ", ".join(p for p in (name, position) if p)
