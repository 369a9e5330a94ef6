"""The public check of a printed document: `GET /verify/{number}?sha256=<hex>`.

The QR code on every page leads here. No sign-in; the answer says only whether a document
with this number exists, its kind, organisation and date, and whether the hash printed with
it matches the one recorded: an HTML page in Kazakh and Russian, or JSON on
`Accept: application/json`.
"""

from __future__ import annotations

import functools
import html
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from inspector_app.core import problems, protocol
from inspector_app.core.problems import Problem
from sync.server.api.deps import ServicesDep, client_ip
from sync.server.services.documents import Verification, verify
from sync.server.services.ratelimit import SlidingWindow, shared_wait

router = APIRouter(tags=["verification"])
HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}

VERDICTS = {
    "genuine": (
        "Құжат түпнұсқа: мазмұны тіркелгенмен сәйкес келеді.",
        "Документ подлинный: содержание совпадает с зарегистрированным.",
    ),
    "mismatch": (
        "Құжат тіркелгенге сәйкес келмейді — қағаз өзгертілген болуы мүмкін.",
        "Документ не совпадает с зарегистрированным — бумага могла быть изменена.",
    ),
    "not_found": ("Мұндай нөмірлі құжат жоқ.", "Документа с таким номером нет."),
    "unchecked": (
        "Мұндай нөмірлі құжат бар; мазмұнын салыстыруға хэш жоқ.",
        "Документ с таким номером есть; хэша для сверки содержания нет.",
    ),
}
COLOURS = {"genuine": "#1b7f3b", "mismatch": "#b3261e", "not_found": "#b3261e", "unchecked": "#5f6368"}
FIELDS = (
    ("number", "Нөмірі", "Номер"),
    ("kind", "Түрі", "Вид"),
    ("organisation", "Ұйым", "Организация"),
    ("date", "Күні", "Дата"),
)


@router.get(
    "/verify/{number}",
    response_model=protocol.DocumentVerification,
    responses={200: {"content": {"text/html": {}}, "description": "HTML unless Accept asks for JSON"}},
)
async def verify_document(
    number: Annotated[str, Path(min_length=1, max_length=400)],
    request: Request,
    services: ServicesDep,
    sha256: Annotated[str | None, Query(max_length=200)] = None,
):
    """Whether a printed document is genuine. Public: no token needed; limited per address."""
    address = client_ip(request)
    wait = _limit(request, services).wait(address) or await run_in_threadpool(_shared_wait, services, address)
    if wait:
        return _too_many(request, wait)
    found = await run_in_threadpool(_lookup, services, number, (sha256 or "").strip().lower() or None)
    answer = _wire(found)
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(answer.model_dump(mode="json"), headers=HEADERS)
    return HTMLResponse(page(answer), headers=HEADERS)


def _limit(request: Request, services) -> SlidingWindow:
    state = request.app.state
    if getattr(state, "verify_limit", None) is None:
        state.verify_limit = SlidingWindow(services.settings.verify_per_minute)
    return state.verify_limit


def _shared_wait(services, address: str) -> int:
    with services.db.write() as session:
        return shared_wait(session, f"verify:{address}", services.settings.verify_per_minute)


def _too_many(request: Request, wait: int):
    """429 with Retry-After: the problem body for JSON callers, a short page for people."""
    headers = {**HEADERS, "Retry-After": str(wait)}
    if "application/json" in request.headers.get("accept", ""):
        problem = Problem(problems.TOO_MANY_CHECKS, details={"retry_after_s": wait}, headers=headers)
        return JSONResponse(problem.body(), status_code=429, headers=headers)
    kk = f"Тексеру тым көп. {wait} секундтан кейін қайталаңыз."
    ru = f"Слишком много проверок. Повторите через {wait} с."
    body = (
        '<!doctype html><html lang="kk"><head><meta charset="utf-8">'
        "<title>Құжатты тексеру / Проверка документа</title></head>"
        f'<body><p>{html.escape(kk)}</p><p lang="ru">{html.escape(ru)}</p></body></html>'
    )
    return HTMLResponse(body, status_code=429, headers=headers)


def _lookup(services, number: str, sha256: str | None) -> Verification:
    with services.db.read() as session:
        return verify(session, number, sha256)


def _wire(found: Verification) -> protocol.DocumentVerification:
    kind_kk, kind_ru = kind_names(found.kind) if found.kind else (None, None)
    return protocol.DocumentVerification(
        number=found.number,
        verdict=found.verdict,
        found=found.found,
        kind=found.kind,
        kind_kk=kind_kk,
        kind_ru=kind_ru,
        organisation_kk=found.organisation_kk,
        organisation_ru=found.organisation_ru,
        date=found.date,
        sha256_matches=found.matches,
    )


@functools.cache
def kind_names(kind: str) -> tuple[str, str]:
    """(Kazakh, Russian) name of a document kind given by its number code ("PR") or name."""
    from inspector_app.core.documents.context import DocumentKind
    from inspector_app.core.documents.labels import TEXT

    by_code = {k.value: k.name.lower() for k in DocumentKind}
    name = by_code.get(kind, kind.lower())
    return TEXT.get(f"short_{name}", (kind, kind))


def page(answer: protocol.DocumentVerification) -> str:
    kk, ru = VERDICTS[answer.verdict]
    rows = "".join(
        _row(label_kk, label_ru, _value(answer, key))
        for key, label_kk, label_ru in FIELDS
        if _value(answer, key)
    )
    return f"""<!doctype html>
<html lang="kk"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Құжатты тексеру / Проверка документа</title>
<style>body{{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;color:#202124}}
.verdict{{border-left:6px solid {COLOURS[answer.verdict]};padding:.5em 1em;margin:1em 0}}
th{{text-align:left;padding-right:1em;vertical-align:top;color:#5f6368}}</style></head>
<body><h1>Құжатты тексеру <small>/ Проверка документа</small></h1>
<div class="verdict" data-verdict="{answer.verdict}"><p><strong>{html.escape(kk)}</strong></p>
<p lang="ru"><strong>{html.escape(ru)}</strong></p></div>
<table>{rows}</table></body></html>
"""


def _value(answer: protocol.DocumentVerification, key: str) -> str:
    if key == "number":
        return answer.number
    if key == "kind":
        return " / ".join(dict.fromkeys(n for n in (answer.kind_kk, answer.kind_ru) if n))
    if key == "organisation":
        return " / ".join(dict.fromkeys(n for n in (answer.organisation_kk, answer.organisation_ru) if n))
    return answer.date.strftime("%d.%m.%Y") if answer.date else ""


def _row(label_kk: str, label_ru: str, value: str) -> str:
    return f"<tr><th>{html.escape(label_kk)} / {html.escape(label_ru)}</th><td>{html.escape(value)}</td></tr>"
