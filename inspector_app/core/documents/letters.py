"""Recommendation to the organisation, disciplinary referral letter to an employer, and the
letter referring violations to the competent body (передача по подведомственности)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from inspector_app.core.documents import labels, languages
from inspector_app.core.documents.blocks import (
    Signer,
    checklist_lines,
    day,
    fields_table,
    heading,
    label_cell,
    letterhead,
    signature_rows,
    table_style,
    title_block,
    value,
    values,
)
from inspector_app.core.documents.context import ROLE_INSPECTOR, DocumentContext, DocumentKind
from inspector_app.core.documents.order import basis_rows, receipt_signatures, violations_table
from inspector_app.core.documents.style import FRAME_W, Lang, Para, Styles, esc
from inspector_app.core.domain.models import Finding, MeasureKind, Person


def recommendation_story(ctx: DocumentContext, lang: Lang, number: str) -> list[Flowable]:
    story = letterhead(ctx, lang) + title_block(ctx, lang, "title_recommendation", number)
    story.append(fields_table(basis_rows(ctx, lang, "rec_basis", "rec_to")))
    story.append(Spacer(1, 3 * mm))
    story += lang.paras("rec_intro")
    story.append(violations_table(ctx, lang, MeasureKind.RECOMMENDATION))
    texts = [
        languages.text(lang, m.text, "rec_text", sep="\n")
        for m in ctx.measures_of(MeasureKind.RECOMMENDATION)
    ]
    story.append(Spacer(1, 2 * mm))
    story += [Para(f"{n}. {esc(t)}", Styles.body) for n, t in enumerate(filter(None, texts), 1)]
    story += [Spacer(1, 2 * mm), *lang.paras("rec_report")]
    story += [*heading(lang, "appeal_title"), *lang.paras("appeal")]
    story += receipt_signatures(ctx, lang, "rec_received", "recommendation")
    return story


def referral_story(ctx: DocumentContext, lang: Lang, number: str, measure_id: str) -> list[Flowable]:
    m = ctx.measure(measure_id, MeasureKind.DISCIPLINARY)
    official = m.official or Person("")
    employer = languages.texts(lang, m.employer, "employer")
    story = [*letterhead(ctx, lang), _addressee(lang, employer)]
    story += title_block(ctx, lang, "title_referral", number)
    story += _intro(ctx, lang, "ref_intro")
    story += _violations(ctx, lang, ctx.findings_of(m))
    story.append(Spacer(1, 2 * mm))
    position = languages.position(lang, official)
    story.append(
        fields_table(
            [
                (label_cell(lang, "ref_official"), value(official.name)),
                (label_cell(lang, "position"), value(position)),
                (label_cell(lang, "employer"), values(employer)),
                (label_cell(lang, "ref_grounds"), values(languages.texts(lang, m.text, "ref_grounds"))),
                (label_cell(lang, "checklist"), values(checklist_lines(ctx, lang))),
            ]
        )
    )
    story.append(Spacer(1, 3 * mm))
    request = [
        labels.text(
            "ref_request", code, name=official.name, position=languages.position(Lang(code), official)
        )
        for code in lang.langs
    ]
    story.append(
        KeepTogether(
            [*(Para(esc(t), Styles.body) for t in request), Spacer(1, 4 * mm), *_author_signature(ctx, lang)]
        )
    )
    return story


def transfer_story(ctx: DocumentContext, lang: Lang, number: str, measure_id: str) -> list[Flowable]:
    """A letter referring violations outside the Committee's competence to the body that
    pursues them (sanitary service, emergency service, police, ...)."""
    m = ctx.measure(measure_id, MeasureKind.TRANSFER)
    addressee = languages.texts(lang, m.addressee, "addressee")
    story = [*letterhead(ctx, lang), _addressee(lang, addressee)]
    story += title_block(ctx, lang, "title_transfer", number)
    story += _intro(ctx, lang, "transfer_intro")
    story += _violations(ctx, lang, ctx.findings_of(m))
    story.append(Spacer(1, 2 * mm))
    body = ctx.body(m.addressee_body)
    act_no = ctx.numbers.get(DocumentKind.ACT.value, "—")
    rows = [
        (label_cell(lang, "transfer_to"), values(lang.pick(body.kk, body.ru) if body else [])),
        (
            label_cell(lang, "transfer_basis"),
            values(lang.each("act_value", number=act_no, date=day(ctx.document_date))),
        ),
        (label_cell(lang, "checklist"), values(checklist_lines(ctx, lang))),
    ]
    note = languages.texts(lang, m.text, "transfer_note")
    if note:
        rows.append((label_cell(lang, "transfer_note"), values(note)))
    story.append(fields_table(rows))
    story.append(Spacer(1, 3 * mm))
    story.append(
        KeepTogether(
            [
                *lang.paras("transfer_request"),
                *lang.paras("attachments", Styles.small),
                Spacer(1, 4 * mm),
                *_author_signature(ctx, lang),
            ]
        )
    )
    return story


def _intro(ctx: DocumentContext, lang: Lang, key: str) -> list[Flowable]:
    act_no = ctx.numbers.get(DocumentKind.ACT.value, "—")
    out: list[Flowable] = []
    for code in lang.langs:
        org = ctx.facility.name_kk if code == "kk" else ctx.facility.name_ru
        intro = labels.text(
            key, code, date=day(ctx.document_date), number=act_no, org=org or ctx.facility.name_ru
        )
        out.append(Para(esc(intro), Styles.body))
    return out


def _violations(ctx: DocumentContext, lang: Lang, findings: Sequence[Finding]) -> list[Flowable]:
    out: list[Flowable] = []
    for n, f in enumerate(findings, 1):
        item = ctx.item(f.item_id)
        text = " / ".join(esc(t) for t in lang.pick(item.text.kk, item.text.ru))
        basis = " / ".join(esc(t) for t in lang.pick(item.legal_basis.kk, item.legal_basis.ru))
        extra = f" {esc(f.description)}" if f.description else ""
        out.append(Para(f"{n}) {text} ({basis}).{extra}", Styles.body))
    return out


def _author_signature(ctx: DocumentContext, lang: Lang) -> list[Flowable]:
    author = ctx.profile.person()
    return signature_rows(ctx, lang, [Signer(ROLE_INSPECTOR, lang.t("author"), author)])


def _addressee(lang: Lang, lines: list[str]) -> Flowable:
    """Addressee on the right, as on an outgoing letter."""
    text = f"<b>{esc(lang.t('addressee'))}:</b><br/>" + ("<br/>".join(esc(t) for t in lines) or "—")
    table = Table([["", Para(text, Styles.body_left)]], colWidths=[FRAME_W * 0.45, FRAME_W * 0.55])
    table.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table
