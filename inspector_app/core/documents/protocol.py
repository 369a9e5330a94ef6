"""Administrative offence protocol (протокол об административном правонарушении, КоАП РК
art. 803), one per offender.

The protocol records the offence and its qualification and sends the case on; it imposes
nothing. It states the article, part and sub-item with the article's title, the sanction the
article provides (in MRP and in tenge at the MRP of the protocol's date) and who decides."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from inspector_app.core.documents import labels, languages
from inspector_app.core.documents.blocks import (
    FieldRow,
    Signer,
    checklist_lines,
    day,
    fields_table,
    heading,
    label_cell,
    letterhead,
    photo_appendix,
    refusal_block,
    signature_rows,
    title_block,
    value,
    values,
)
from inspector_app.core.documents.context import (
    ROLE_INSPECTOR,
    DocumentContext,
    DocumentKind,
    offender_role,
    witness_role,
)
from inspector_app.core.documents.style import Lang, Para, Styles, esc
from inspector_app.core.domain.models import Measure, MeasureKind, Offender, OffenderKind, Person
from inspector_app.core.domain.reference import Article


def protocol_story(ctx: DocumentContext, lang: Lang, number: str, measure_id: str) -> list[Flowable]:
    m = ctx.measure(measure_id, MeasureKind.PROTOCOL)
    story = letterhead(ctx, lang) + title_block(ctx, lang, "title_protocol", number)
    story.append(fields_table(_official_rows(ctx, lang) + _basis_rows(ctx, lang)))
    story += [
        *heading(lang, "offender_org" if _is_org(m) else "offender", 1),
        fields_table(_offender_rows(ctx, lang, m)),
    ]
    story += [*heading(lang, "offence_substance", 2), fields_table(_offence_rows(ctx, lang, m))]
    story += _rights_and_explanation(ctx, lang, m)
    story += _signatures(ctx, lang, m)
    photos = ctx.photos_of({f.item_id for f in ctx.findings_of(m)})
    story += photo_appendix(ctx, lang, photos)
    return story


def _is_org(m: Measure) -> bool:
    return m.offender is not None and m.offender.kind is OffenderKind.ORGANISATION


def signer_of(m: Measure) -> Person | None:
    """Who signs for the offender: the official, or the organisation's representative
    (a person: the organisation's name is not on the line)."""
    o = m.offender
    if o is None:
        return None
    if o.kind is OffenderKind.ORGANISATION:
        return o.representative or Person("")
    return Person(o.name, position_kk=o.position.kk, position_ru=o.position.ru)


def _official_rows(ctx: DocumentContext, lang: Lang) -> list[FieldRow]:
    p = ctx.profile
    author = p.person()
    return [
        (label_cell(lang, "protocol_official"), values([p.name, languages.position(lang, author)])),
        (label_cell(lang, "body"), values(lang.pick(p.body_kk, p.body_ru))),
    ]


def _basis_rows(ctx: DocumentContext, lang: Lang) -> list[FieldRow]:
    act_no = ctx.numbers.get(DocumentKind.ACT.value, "—")
    return [
        (
            label_cell(lang, "protocol_basis"),
            values(lang.each("act_value", number=act_no, date=day(ctx.document_date))),
        ),
        (label_cell(lang, "checklist"), values(checklist_lines(ctx, lang))),
    ]


def _offender_rows(ctx: DocumentContext, lang: Lang, m: Measure) -> list[FieldRow]:
    o = m.offender
    if o is None:
        return [(label_cell(lang, "full_name"), value(""))]
    rows = _org_rows(ctx, lang, m, o) if o.kind is OffenderKind.ORGANISATION else _person_rows(lang, o)
    article = ctx.article(m)
    if not o.prior_penalties.is_empty() or (article is not None and article.repeat):
        rows.append(
            (
                label_cell(lang, "prior_penalties"),
                values(languages.texts(lang, o.prior_penalties, "prior_penalties")),
            )
        )
    return rows


def _person_rows(lang: Lang, o: Offender) -> list[FieldRow]:
    return [
        (label_cell(lang, "full_name"), value(o.name)),
        (label_cell(lang, "birth_date"), value(day(o.birth_date) if o.birth_date else "")),
        (label_cell(lang, "iin"), value(o.iin_or_bin)),
        (label_cell(lang, "id_document"), values(_id_document_lines(lang, o))),
        (label_cell(lang, "workplace"), values(languages.texts(lang, o.workplace, "workplace"))),
        (label_cell(lang, "position"), values(languages.texts(lang, o.position, "position"))),
        (label_cell(lang, "residence"), value(o.address)),
    ]


def _id_document_lines(lang: Lang, o: Offender) -> list[str]:
    d = o.id_document
    if d is None or not d.number:
        return []
    issued = languages.texts(lang, d.issued_by, "id_issued_by")
    return [
        labels.text(
            "id_document_value",
            code,
            kind=labels.enum_text(d.kind.value, code),
            number=d.number,
            issued_by=issued[min(i, len(issued) - 1)] if issued else "—",
            date=day(d.issued_on),
        )
        for i, code in enumerate(lang.langs)
    ]


def _org_rows(ctx: DocumentContext, lang: Lang, m: Measure, o: Offender) -> list[FieldRow]:
    rep = o.representative
    rows: list[FieldRow] = [
        (label_cell(lang, "name"), value(o.name)),
        (label_cell(lang, "bin"), value(o.iin_or_bin)),
        (label_cell(lang, "legal_address"), value(o.address)),
    ]
    article = ctx.article(m)
    if o.business_size is not None or (article is not None and article.org_mrp):
        rows.append(
            (
                label_cell(lang, "business_size"),
                value(lang.e(o.business_size.value) if o.business_size else ""),
            )
        )
    rows += [
        (label_cell(lang, "bank_details"), value(o.bank_details)),
        (
            label_cell(lang, "org_representative"),
            values([rep.name, languages.position(lang, rep)] if rep else []),
        ),
        (
            label_cell(lang, "power_of_attorney"),
            values(
                lang.each("attorney_value", number=o.attorney_number, date=day(o.attorney_date))
                if o.attorney_number
                else []
            ),
        ),
    ]
    return rows


def _offence_rows(ctx: DocumentContext, lang: Lang, m: Measure) -> list[FieldRow]:
    when = day(m.offence_date) + (f", {m.offence_time:%H:%M}" if m.offence_time else "")
    place_time = ", ".join(x for x in (m.offence_place or ctx.facility.address, when) if x)
    violated = []
    for f in ctx.findings_of(m):
        item = ctx.item(f.item_id)
        text = " / ".join(lang.pick(item.text.kk, item.text.ru))
        basis = " / ".join(lang.pick(item.legal_basis.kk, item.legal_basis.ru))
        violated.append(f"— {text} ({basis})")
    article = ctx.article(m)
    rows: list[FieldRow] = [
        (label_cell(lang, "offence_place_time"), value(place_time)),
        (
            label_cell(lang, "offence_substance"),
            values(languages.texts(lang, m.substance, "offence_substance") + violated),
        ),
        (label_cell(lang, "article"), values(_article_lines(lang, m))),
        (
            label_cell(lang, "article_title"),
            values(lang.pick(article.title.kk, article.title.ru) if article else []),
        ),
        (label_cell(lang, "sanction"), values(_sanction_lines(ctx, lang, m, article))),
        (label_cell(lang, "decides"), values(_decides(ctx, lang, article))),
        (label_cell(lang, "witnesses"), values(_people(lang, m.witnesses))),
        (label_cell(lang, "victims"), values(_people(lang, m.victims))),
    ]
    if m.erap_number:
        rows.append((label_cell(lang, "erap_number"), value(m.erap_number)))
    return rows


def _article_lines(lang: Lang, m: Measure) -> list[str]:
    key = "article_item_value" if m.item else "article_value" if m.part else "article_value_nopart"
    return lang.each(key, article=m.article, part=m.part, item=m.item)


def _sanction_lines(ctx: DocumentContext, lang: Lang, m: Measure, article: Article | None) -> list[str]:
    """The range the article provides, in MRP and in tenge at the MRP of the protocol date."""
    if article is None:
        return []
    year = ctx.document_date.year
    rate = ctx.mrp_by_year.get(year)
    size = m.offender.business_size if _is_org(m) and m.offender else None
    low, high = article.range_for(size.value if size else None)
    lines = []
    for code in lang.langs:
        text = _range_text(code, low, high, rate)
        if size is not None and size.value in article.org_mrp:
            text = labels.text("sanction_org", code, size=labels.enum_text(size.value, code), value=text)
        lines.append(text)
    if rate:
        lines += lang.each("sanction_rate", year=year, rate=labels.grouped(rate))
    return lines + lang.each("not_imposing")


def _range_text(code: str, low: int, high: int, rate: int | None) -> str:
    tenge: Callable[[int], str] = (lambda n: labels.grouped(n * rate)) if rate else (lambda n: "—")
    key = "sanction_value" if low == high else "sanction_range"
    return labels.text(key, code, low=low, high=high, low_tenge=tenge(low), high_tenge=tenge(high))


def _decides(ctx: DocumentContext, lang: Lang, article: Article | None) -> list[str]:
    body = ctx.body(article.decided_by) if article else None
    return lang.pick(body.kk, body.ru) if body else []


def _people(lang: Lang, people: list[Person]) -> list[str]:
    if not people:
        return [lang.t("none")]
    return [
        f"{n}. " + ", ".join(x for x in (p.name, languages.position(lang, p), p.address) if x)
        for n, p in enumerate(people, 1)
    ]


def _offender_title(lang: Lang, m: Measure) -> str:
    """A legal entity signs through its representative."""
    return lang.t("offender_org_signature" if _is_org(m) else "offender_signature")


def _rights_and_explanation(ctx: DocumentContext, lang: Lang, m: Measure) -> list[Flowable]:
    sign = [Signer(offender_role(m.id), _offender_title(lang, m), signer_of(m))]
    out: list[Flowable] = [
        *heading(lang, "rights_title", 3),
        KeepTogether(lang.paras("rights_explained") + signature_rows(ctx, lang, sign)),
    ]
    out += heading(lang, "explanation", 4)
    explanation = languages.texts(lang, m.explanation, "explanation")
    if explanation:
        out += [Para(esc(part), Styles.body) for text in explanation for part in text.split("\n\n")]
    else:
        out += lang.paras("no_explanation")
    out += signature_rows(ctx, lang, sign)
    return out


def _signatures(ctx: DocumentContext, lang: Lang, m: Measure) -> list[Flowable]:
    role = offender_role(m.id)
    offender = signer_of(m)
    author = ctx.profile.person()
    signers = [
        Signer(ROLE_INSPECTOR, lang.t("protocol_official"), author),
        Signer(role, _offender_title(lang, m), offender),
    ]
    signers += [
        Signer(witness_role(m.id, i), f"{lang.t('witness_signature')} {i + 1}", p)
        for i, p in enumerate(m.witnesses)
    ]
    out: list[Flowable] = [*heading(lang, "signatures", 5), *signature_rows(ctx, lang, signers)]
    out += refusal_block(ctx, lang, role, "protocol", offender)
    copy = [Para(f"<b>{esc(t)}:</b>", Styles.body_left) for t in lang.each("copy_received")]
    out.append(Spacer(1, 2 * mm))
    out.append(
        KeepTogether(copy + signature_rows(ctx, lang, [Signer(role, _offender_title(lang, m), offender)]))
    )
    out += lang.paras("erap_note", Styles.small)
    return out
