"""Administrative offence protocol (протокол об административном правонарушении),
one per offender."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.fines import fine_in_tenge
from ..domain.models import Measure, MeasureKind, Offender, OffenderKind, Person
from . import labels
from .blocks import (
    Signer, day, fields_table, heading, label_cell, letterhead, photo_appendix, refusal_block,
    signature_rows, title_block, value, values,
)
from .context import ROLE_INSPECTOR, DocumentContext, offender_role, witness_role
from .style import Para, Lang, Styles, esc


def protocol_story(ctx: DocumentContext, lang: Lang, number: str, measure_id: str) -> list[Flowable]:
    m = ctx.measure(measure_id, MeasureKind.PROTOCOL)
    offender_person = Person(m.offender.name, m.offender.position) if m.offender else None
    story = letterhead(ctx) + title_block(ctx, lang, "title_protocol", number)
    story.append(fields_table(_official_rows(ctx, lang)))
    story += [*heading(lang, "offender_org" if _is_org(m) else "offender", 1),
              fields_table(_offender_rows(lang, m.offender))]
    story += [*heading(lang, "offence_substance", 2), fields_table(_offence_rows(ctx, lang, m))]
    story += _rights_and_explanation(ctx, lang, m, offender_person)
    story += _signatures(ctx, lang, m, offender_person)
    photos = ctx.photos_of({f.item_id for f in ctx.findings_of(m)})
    story += photo_appendix(ctx, lang, photos)
    return story


def _is_org(m: Measure) -> bool:
    return m.offender is not None and m.offender.kind is OffenderKind.ORGANISATION


def _official_rows(ctx: DocumentContext, lang: Lang) -> list[tuple]:
    p = ctx.profile
    return [
        (label_cell(lang, "protocol_official"), values([p.name, p.position])),
        (label_cell(lang, "body"), values(lang.pick(p.body_kk, p.body_ru))),
    ]


def _offender_rows(lang: Lang, o: Offender | None) -> list[tuple]:
    if o is None:
        return [(label_cell(lang, "full_name"), value(""))]
    if o.kind is OffenderKind.ORGANISATION:
        return [
            (label_cell(lang, "name"), value(o.name)),
            (label_cell(lang, "bin"), value(o.iin_or_bin)),
            (label_cell(lang, "legal_address"), value(o.address)),
            (label_cell(lang, "bank_details"), value(o.bank_details)),
        ]
    return [
        (label_cell(lang, "full_name"), value(o.name)),
        (label_cell(lang, "birth_date"), value(day(o.birth_date) if o.birth_date else "")),
        (label_cell(lang, "iin"), value(o.iin_or_bin)),
        (label_cell(lang, "residence"), value(o.address)),
        (label_cell(lang, "position"), value(o.position)),
    ]


def _offence_rows(ctx: DocumentContext, lang: Lang, m: Measure) -> list[tuple]:
    when = day(m.offence_date) + (f", {m.offence_time:%H:%M}" if m.offence_time else "")
    place_time = ", ".join(x for x in (m.offence_place or ctx.facility.address, when) if x)
    violated = []
    for f in ctx.findings_of(m):
        item = ctx.item(f.item_id)
        text = " / ".join(lang.pick(item.text.kk, item.text.ru))
        basis = " / ".join(lang.pick(item.legal_basis.kk, item.legal_basis.ru))
        violated.append(f"— {text} ({basis})")
    return [
        (label_cell(lang, "offence_place_time"), value(place_time)),
        (label_cell(lang, "offence_substance"), values([m.substance] + violated)),
        (label_cell(lang, "article"), values(_article_lines(ctx, lang, m))),
        (label_cell(lang, "fine"), value(_fine_text(ctx, lang, m))),
        (label_cell(lang, "witnesses"), values(_people(lang, m.witnesses))),
        (label_cell(lang, "victims"), values(_people(lang, m.victims))),
    ]


def _article_lines(ctx: DocumentContext, lang: Lang, m: Measure) -> list[str]:
    key = "article_value" if m.part else "article_value_nopart"
    lines = lang.each(key, article=m.article, part=m.part)
    for a in ctx.articles:
        if a.article == m.article and a.part == m.part:
            lines.append("«" + " / ".join(lang.pick(a.title.kk, a.title.ru)) + "»")
    return lines


def _fine_text(ctx: DocumentContext, lang: Lang, m: Measure) -> str:
    if not m.fine_mrp:
        return ""
    year = (m.offence_date or ctx.document_date).year
    tenge = m.fine_tenge or fine_in_tenge(m.fine_mrp, year, ctx.mrp_by_year)
    rate = ctx.mrp_by_year.get(year, tenge // m.fine_mrp)
    return lang.t("fine_value", sep="\n", mrp=m.fine_mrp, tenge=labels.grouped(tenge), year=year,
                  rate=labels.grouped(rate))


def _offender_title(lang: Lang, m: Measure) -> str:
    """A legal entity signs through its representative."""
    return lang.t("offender_org_signature" if _is_org(m) else "offender_signature")


def _people(lang: Lang, people: list[Person]) -> list[str]:
    if not people:
        return [lang.t("none")]
    return [f"{n}. " + ", ".join(x for x in (p.name, p.position) if x) for n, p in enumerate(people, 1)]


def _rights_and_explanation(ctx: DocumentContext, lang: Lang, m: Measure,
                            offender: Person | None) -> list[Flowable]:
    role = offender_role(m.id)
    sign = [Signer(role, _offender_title(lang, m), offender)]
    out: list[Flowable] = [*heading(lang, "rights_title", 3),
                           KeepTogether(lang.paras("rights_explained") + signature_rows(ctx, lang, sign))]
    out += heading(lang, "explanation", 4)
    if m.explanation.strip():
        out += [Para(esc(part), Styles.body) for part in m.explanation.split("\n\n")]
    else:
        out += lang.paras("no_explanation")
    out += signature_rows(ctx, lang, sign)
    return out


def _signatures(ctx: DocumentContext, lang: Lang, m: Measure, offender: Person | None) -> list[Flowable]:
    role = offender_role(m.id)
    author = Person(ctx.profile.name, ctx.profile.position)
    signers = [Signer(ROLE_INSPECTOR, lang.t("protocol_official"), author),
               Signer(role, _offender_title(lang, m), offender)]
    signers += [Signer(witness_role(m.id, i), f"{lang.t('witness_signature')} {i + 1}", p)
                for i, p in enumerate(m.witnesses)]
    out: list[Flowable] = [*heading(lang, "signatures", 5), *signature_rows(ctx, lang, signers)]
    out += refusal_block(ctx, lang, role, "protocol", offender)
    copy = [Para(f"<b>{esc(t)}:</b>", Styles.body_left) for t in lang.each("copy_received")]
    out.append(Spacer(1, 2 * mm))
    out.append(KeepTogether(copy + signature_rows(ctx, lang, [Signer(role, _offender_title(lang, m), offender)])))
    out += lang.paras("erap_note", Styles.small)
    return out
