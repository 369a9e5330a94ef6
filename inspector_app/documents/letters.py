"""Recommendation to the organisation, and disciplinary referral letter to an employer."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from ..domain.models import MeasureKind, Person
from . import labels
from .blocks import (
    table_style,
    Signer, day, fields_table, heading, label_cell, letterhead, signature_rows, title_block, value,
    values,
)
from .context import ROLE_INSPECTOR, DocumentContext, DocumentKind
from .order import basis_rows, receipt_signatures, violations_table
from .style import Para, FRAME_W, Lang, Styles, esc


def recommendation_story(ctx: DocumentContext, lang: Lang, number: str) -> list[Flowable]:
    story = letterhead(ctx) + title_block(ctx, lang, "title_recommendation", number)
    story.append(fields_table(basis_rows(ctx, lang, "rec_basis", "rec_to")))
    story.append(Spacer(1, 3 * mm))
    story += lang.paras("rec_intro")
    story.append(violations_table(ctx, lang, MeasureKind.RECOMMENDATION))
    texts = [m.text for m in ctx.measures_of(MeasureKind.RECOMMENDATION) if m.text.strip()]
    story.append(Spacer(1, 2 * mm))
    story += [Para(f"{n}. {esc(t)}", Styles.body) for n, t in enumerate(texts, 1)]
    story += [Spacer(1, 2 * mm), *lang.paras("rec_report")]
    story += [*heading(lang, "appeal_title"), *lang.paras("appeal")]
    story += receipt_signatures(ctx, lang, "rec_received", "recommendation")
    return story


def referral_story(ctx: DocumentContext, lang: Lang, number: str, measure_id: str) -> list[Flowable]:
    m = ctx.measure(measure_id, MeasureKind.DISCIPLINARY)
    official = m.official or Person("")
    story = letterhead(ctx) + [_addressee(lang, m.employer)]
    story += title_block(ctx, lang, "title_referral", number)
    act_no = ctx.numbers.get(DocumentKind.ACT.value, "—")
    for code in lang.langs:
        org = ctx.facility.name_kk if code == "kk" else ctx.facility.name_ru
        intro = labels.text("ref_intro", code, date=day(ctx.document_date), number=act_no,
                            org=org or ctx.facility.name_ru)
        story.append(Para(esc(intro), Styles.body))
    for n, f in enumerate(ctx.findings_of(m), 1):
        item = ctx.item(f.item_id)
        text = " / ".join(esc(t) for t in lang.pick(item.text.kk, item.text.ru))
        basis = " / ".join(esc(t) for t in lang.pick(item.legal_basis.kk, item.legal_basis.ru))
        extra = f" {esc(f.description)}" if f.description else ""
        story.append(Para(f"{n}) {text} ({basis}).{extra}", Styles.body))
    story.append(Spacer(1, 2 * mm))
    story.append(fields_table([
        (label_cell(lang, "ref_official"), value(official.name)),
        (label_cell(lang, "position"), value(official.position)),
        (label_cell(lang, "employer"), value(m.employer)),
        (label_cell(lang, "ref_grounds"), values([m.text])),
    ]))
    story.append(Spacer(1, 3 * mm))
    author = Person(ctx.profile.name, ctx.profile.position)
    story.append(KeepTogether([
        *lang.paras("ref_request", position=official.position, name=official.name),
        Spacer(1, 4 * mm),
        *signature_rows(ctx, lang, [Signer(ROLE_INSPECTOR, lang.t("author"), author)])]))
    return story


def _addressee(lang: Lang, employer: str) -> Flowable:
    """Addressee on the right, as on an outgoing letter."""
    text = f"<b>{esc(lang.t('addressee'))}:</b><br/>{esc(employer) or '—'}"
    table = Table([["", Para(text, Styles.body_left)]],
                  colWidths=[FRAME_W * 0.45, FRAME_W * 0.55])
    table.setStyle(table_style([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return table
