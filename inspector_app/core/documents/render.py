"""Public entry points: one function per document kind, each returning a RenderedDocument."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from inspector_app.core.documents import labels
from inspector_app.core.documents.act import act_story
from inspector_app.core.documents.canonical import content_hash
from inspector_app.core.documents.context import MEASURE_KIND, DocumentContext, DocumentKind, RenderedDocument
from inspector_app.core.documents.fonts import register_fonts
from inspector_app.core.documents.letters import recommendation_story, referral_story, transfer_story
from inspector_app.core.documents.order import order_story
from inspector_app.core.documents.page import PageInfo, build_pdf
from inspector_app.core.documents.protocol import protocol_story
from inspector_app.core.documents.qr import qr_payload, verify_url
from inspector_app.core.documents.style import Lang

Story = Callable[[DocumentContext, Lang, str, str | None], list[Flowable]]

_TITLES = {
    DocumentKind.ACT: "title_act",
    DocumentKind.PROTOCOL: "title_protocol",
    DocumentKind.ORDER: "title_order",
    DocumentKind.RECOMMENDATION: "title_recommendation",
    DocumentKind.REFERRAL: "title_referral",
    DocumentKind.TRANSFER: "title_transfer",
}


def render_act(ctx: DocumentContext, lang: str) -> RenderedDocument:
    return render(ctx, DocumentKind.ACT, lang)


def render_protocol(ctx: DocumentContext, measure_id: str, lang: str) -> RenderedDocument:
    return render(ctx, DocumentKind.PROTOCOL, lang, measure_id)


def render_order(ctx: DocumentContext, lang: str) -> RenderedDocument:
    return render(ctx, DocumentKind.ORDER, lang)


def render_recommendation(ctx: DocumentContext, lang: str) -> RenderedDocument:
    return render(ctx, DocumentKind.RECOMMENDATION, lang)


def render_referral(ctx: DocumentContext, measure_id: str, lang: str) -> RenderedDocument:
    return render(ctx, DocumentKind.REFERRAL, lang, measure_id)


def render_transfer(ctx: DocumentContext, measure_id: str, lang: str) -> RenderedDocument:
    """The letter referring violations to the competent body."""
    return render(ctx, DocumentKind.TRANSFER, lang, measure_id)


def render(
    ctx: DocumentContext, kind: DocumentKind, lang: str, measure_id: str | None = None
) -> RenderedDocument:
    language = Lang(lang)
    register_fonts()  # before any Paragraph is made: markup maps <b> to the bold face
    if measure_id is not None:
        ctx.measure(measure_id, MEASURE_KIND[kind])  # fail early on a wrong id
    number = ctx.number(kind, measure_id)
    sha = content_hash(ctx, kind, measure_id)
    story = _STORIES[kind](ctx, language, number, measure_id)
    info = PageInfo(
        lang=language,
        number=number,
        sha256=sha,
        verify_url=verify_url(ctx.server_url, number),
        qr_payload=qr_payload(ctx.server_url, number, sha),
        running_title=_running_title(language, kind, ctx),
        title=f"{language.t(_TITLES[kind])} № {number}",
        author=ctx.profile.body_ru,
        document_date=ctx.document_date,
    )
    pdf, pages = build_pdf(story, info)
    return RenderedDocument(number, kind, sha, pdf, lang, pages, measure_id, info.verify_url)


def _running_title(lang: Lang, kind: DocumentKind, ctx: DocumentContext) -> str:
    title = " / ".join(labels.text(f"short_{kind.name.lower()}", code) for code in lang.langs)
    return f"{title} — {labels.short_date(ctx.document_date)}"


_STORIES: dict[DocumentKind, Story] = {
    DocumentKind.ACT: lambda ctx, lang, number, _m: act_story(ctx, lang, number),
    DocumentKind.PROTOCOL: lambda ctx, lang, number, m: protocol_story(ctx, lang, number, m or ""),
    DocumentKind.ORDER: lambda ctx, lang, number, _m: order_story(ctx, lang, number),
    DocumentKind.RECOMMENDATION: lambda ctx, lang, number, _m: recommendation_story(ctx, lang, number),
    DocumentKind.REFERRAL: lambda ctx, lang, number, m: referral_story(ctx, lang, number, m or ""),
    DocumentKind.TRANSFER: lambda ctx, lang, number, m: transfer_story(ctx, lang, number, m or ""),
}
