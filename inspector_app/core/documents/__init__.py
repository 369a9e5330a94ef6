"""Documents for signature, rendered with ReportLab (no Qt).

render_act(ctx, lang) -> RenderedDocument            lang: "kk", "ru" or "kk+ru"
render_protocol(ctx, measure_id, lang)
render_order(ctx, lang)
render_recommendation(ctx, lang)
render_referral(ctx, measure_id, lang)
render_transfer(ctx, measure_id, lang)     referral to the competent body
document_number(region_code, inspector_code, year, kind, seq) -> "ALA-K07-2026-PR-0012"
content_hash(ctx, kind, measure_id=None) -> SHA-256 hex of the canonical content
"""

from inspector_app.core.documents.canonical import canonical_content, content_hash
from inspector_app.core.documents.context import (
    DEFAULT_SERVER_URL,
    LANGS,
    ROLE_INSPECTOR,
    ROLE_REFUSAL_WITNESSES,
    ROLE_REPRESENTATIVE,
    DocumentContext,
    DocumentKind,
    RenderedDocument,
    WitnessedRefusal,
    co_inspector_role,
    document_key,
    measure_document_key,
    offender_role,
    witness_role,
)
from inspector_app.core.documents.numbering import DocumentNumber, document_number, parse_document_number
from inspector_app.core.documents.render import (
    render,
    render_act,
    render_order,
    render_protocol,
    render_recommendation,
    render_referral,
    render_transfer,
)

__all__ = [
    "DEFAULT_SERVER_URL",
    "LANGS",
    "ROLE_INSPECTOR",
    "ROLE_REFUSAL_WITNESSES",
    "ROLE_REPRESENTATIVE",
    "DocumentContext",
    "DocumentKind",
    "DocumentNumber",
    "RenderedDocument",
    "WitnessedRefusal",
    "canonical_content",
    "co_inspector_role",
    "content_hash",
    "document_key",
    "document_number",
    "measure_document_key",
    "offender_role",
    "parse_document_number",
    "render",
    "render_act",
    "render_order",
    "render_protocol",
    "render_recommendation",
    "render_referral",
    "render_transfer",
    "witness_role",
]
