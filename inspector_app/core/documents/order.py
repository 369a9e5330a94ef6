"""Order to eliminate violations (предписание об устранении выявленных нарушений)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from inspector_app.core.documents import languages
from inspector_app.core.documents.blocks import (
    FieldRow,
    GridRows,
    Signer,
    bilingual_cell,
    checklist_lines,
    day,
    fields_table,
    grid_table,
    heading,
    is_long,
    label_cell,
    letterhead,
    refusal_block,
    signature_rows,
    title_block,
    value,
    values,
)
from inspector_app.core.documents.context import (
    ROLE_INSPECTOR,
    ROLE_REPRESENTATIVE,
    DocumentContext,
    DocumentKind,
)
from inspector_app.core.documents.style import FRAME_W, Lang, Para, Styles, esc
from inspector_app.core.domain.models import Measure, MeasureKind

ORDER_WIDTHS = [9 * mm, 52 * mm, 37 * mm, FRAME_W - 121 * mm, 23 * mm]


def basis_rows(ctx: DocumentContext, lang: Lang, basis_key: str, to_key: str) -> list[FieldRow]:
    """Body, the organisation addressed and the act the document rests on."""
    fac = ctx.facility
    rep = ctx.representative()
    act_no = ctx.numbers.get(DocumentKind.ACT.value, "—")
    return [
        (label_cell(lang, "body"), values(lang.pick(ctx.profile.body_kk, ctx.profile.body_ru))),
        (label_cell(lang, to_key), values(lang.pick(fac.name_kk, fac.name_ru))),
        (label_cell(lang, "bin"), value(fac.bin)),
        (label_cell(lang, "address"), value(fac.address)),
        (
            label_cell(lang, "representative"),
            value(", ".join(x for x in (rep.name, languages.position(lang, rep)) if x)),
        ),
        (
            label_cell(lang, basis_key),
            values(lang.each("order_basis_value", number=act_no, date=day(ctx.document_date))),
        ),
        (label_cell(lang, "checklist"), values(checklist_lines(ctx, lang))),
    ]


def order_story(ctx: DocumentContext, lang: Lang, number: str) -> list[Flowable]:
    story = letterhead(ctx, lang) + title_block(ctx, lang, "title_order", number)
    story.append(fields_table(basis_rows(ctx, lang, "order_basis", "order_to")))
    story.append(Spacer(1, 3 * mm))
    story += lang.paras("order_intro")
    story.append(violations_table(ctx, lang, MeasureKind.ORDER))
    story += [*heading(lang, "report_title"), *lang.paras("order_report"), *lang.paras("order_consequence")]
    story += [*heading(lang, "appeal_title"), *lang.paras("appeal")]
    story += receipt_signatures(ctx, lang, "order_received", "order")
    return story


def violations_table(ctx: DocumentContext, lang: Lang, kind: MeasureKind) -> Flowable:
    header = [
        lang.t("col_no", sep="\n"),
        lang.t("col_violation"),
        lang.t("col_norm"),
        lang.t("col_action"),
        lang.t("col_deadline"),
    ]
    grid = GridRows(len(header))
    n = 0
    for m in ctx.measures_of(kind):
        for f in ctx.findings_of(m):
            n += 1
            item = ctx.item(f.item_id)
            violation = bilingual_cell(lang, item.text)
            violation.append(Para(f"({esc(lang.e(f.degree.value))})", Styles.cell_second))
            if f.description and not is_long(f.description):
                violation.append(Para(esc(f.description), Styles.cell))
            action = _action(lang, m, f.id)
            grid.add(
                [
                    Para(str(n), Styles.cell),
                    violation,
                    bilingual_cell(lang, item.legal_basis),
                    Para(esc(action), Styles.cell),
                    Para(day(m.deadlines.get(f.id)), Styles.cell_center),
                ]
            )
            if is_long(f.description):
                grid.add_long_text(f"{lang.t('col_violation')} ({n})", f.description)
    return grid_table(header, grid.rows, ORDER_WIDTHS, grid.style)


def _action(lang: Lang, m: Measure, finding_id: str) -> str:
    """The measure required for a finding: its own, the measure's general one, or the
    standard wording."""
    own = m.actions.get(finding_id)
    chosen = own if own is not None and not own.is_empty() else m.required_action
    return languages.text(lang, chosen, "col_action", sep="\n") or lang.t("default_action", sep="\n")


def receipt_signatures(
    ctx: DocumentContext, lang: Lang, received_key: str, refused_doc: str
) -> list[Flowable]:
    author = ctx.profile.person()
    rep = ctx.representative()
    story: list[Flowable] = [
        *heading(lang, "signatures"),
        *signature_rows(ctx, lang, [Signer(ROLE_INSPECTOR, lang.t("author"), author)]),
    ]
    received = [Para(f"<b>{esc(t)}:</b>", Styles.body_left) for t in lang.each(received_key)]
    story.append(
        KeepTogether(
            received + signature_rows(ctx, lang, [Signer(ROLE_REPRESENTATIVE, lang.t("representative"), rep)])
        )
    )
    story += refusal_block(ctx, lang, ROLE_REPRESENTATIVE, refused_doc, rep)
    return story
