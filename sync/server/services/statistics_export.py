"""Exports of the statistics: XLSX (the summary with its methodology, one sheet per breakdown,
one of the inspections behind the figures), CSV (UTF-8 with a byte-order mark, so Excel reads
Cyrillic) and a bilingual (Kazakh and Russian) PDF report drawn with the documents' fonts.

Texts are the console's messages: the caller passes `translate(lang, message)`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sync.server.persistence.models import Region
from sync.server.services import statistics as st
from sync.server.services import statistics_locks as locks
from sync.server.services import statistics_records as sr
from sync.server.services.principal import Principal

Translate = Callable[[str, str], str]
Progress = Callable[[int, int], None]
FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}
CHUNK = 500  # records read per step of an export (progress moves after each)


def N_(message: str) -> str:
    """Mark a text for extraction into the console's catalogues."""
    return message


CATEGORY_LABELS = {
    "housing": N_("Housing"),
    "property": N_("Property"),
    "family": N_("Living and upbringing in a family"),
    "education": N_("Education"),
    "psych_support": N_("Psychological-pedagogical support"),
    "wellbeing": N_("Psychological well-being"),
    "meals_health": N_("Meals and health"),
    "safety": N_("Safety"),
}
LABELS = {
    "organisations": N_("Organisations inspected"),
    "regions": N_("Regions"),
    "inspections": N_("Inspections"),
    "on_site": N_("on site"),
    "desk": N_("desk (documents)"),
    "scheduled": N_("scheduled"),
    "unscheduled": N_("unscheduled"),
    "surprise": N_("surprise"),
    "protocols": N_("Administrative offence protocols"),
    "fines_imposed": N_("Fines imposed, tenge"),
    "fines_paid": N_("Fines paid, tenge"),
    "orders_issued": N_("Orders issued"),
    "orders_executed": N_("Orders executed"),
    "orders_overdue": N_("Orders overdue"),
    "recommendations": N_("Recommendations"),
    "referrals": N_("Referrals to other bodies"),
    "disciplined": N_("Officials disciplined"),
    "children": N_("Children whose rights were restored"),
    **{f"children-{code}": label for code, label in CATEGORY_LABELS.items()},
}
KIND_LABELS = {
    "school": N_("School"),
    "camp": N_("Children's camp"),
    "orphanage": N_("Organisation for orphans"),
    "special_needs": N_("Special-needs organisation"),
}
TEXTS = {
    "title": N_("Statistics of inspections"),
    "period": N_("Period of the figures"),
    "figure": N_("Figure"),
    "value": N_("Value"),
    "region": N_("Region"),
    "kind": N_("Kind of facility"),
    "month": N_("Month"),
    "methodology": N_("Methodology"),
    "records": N_("Inspections behind the figures"),
    "provisional": N_("Provisional: the period is not locked."),
    "locked": N_("Locked: these figures do not change."),
    "inspection": N_("Inspection"),
    "facility": N_("Organisation"),
    "basis": N_("Inspections counted"),
    "approved": N_("Approved by a supervisor"),
    "finalised": N_("Every finalised inspection"),
    "all": N_("All"),
    "chart_region": N_("Inspections by region"),
    "chart_month": N_("Inspections by month"),
    "chart_category": N_("Children whose rights were restored, by category"),
}


def figures_of(summary: st.Summary) -> dict[str, int]:
    """Every figure of a summary by its id (the ids of the page and of the lists)."""
    s = summary
    found = {
        "organisations": s.organisations_inspected,
        "regions": s.regions,
        **{("inspections" if n == "total" else n): s.inspections[n] for n in st.INSPECTIONS},
        "protocols": s.protocols,
        "fines_imposed": s.fines_imposed_tenge,
        "fines_paid": s.fines_paid_tenge,
        **{f"orders_{n}": v for n, v in s.orders.items()},
        "recommendations": s.recommendations,
        "referrals": s.referrals,
        "disciplined": s.officials_disciplined,
        "children": s.children_restored["total"],
        **{f"children-{c}": v for c, v in s.children_restored["by_category"].items()},
    }
    return {figure: found[figure] for figure in LABELS}


@dataclass
class Gathered:
    query: st.Query
    summary: st.Summary
    by_region: dict[str, st.Summary]
    by_kind: dict[str, st.Summary]
    by_month: dict[str, int]
    regions: dict[str, dict[str, str]]  # code -> {"kk": ..., "ru": ..., "en": ...}
    records: list[sr.Row] = field(default_factory=list)


def gather(
    session: Session,
    principal: Principal,
    query: st.Query,
    today: dt.date,
    progress: Progress,
    lang: str = "kk",
) -> Gathered:
    """Everything an export shows, reporting progress (steps done, steps in all): the
    figures, three breakdowns, then the inspections behind them read in one pass."""
    summary = locks.summary(session, principal, query, today)
    steps = 4 + -(-summary.inspections["total"] // CHUNK)
    progress(1, steps)
    data = Gathered(
        query=query,
        summary=summary,
        by_region=locks.breakdown(session, principal, query, "region", today),
        by_kind=locks.breakdown(session, principal, query, "kind", today),
        by_month=locks.by_month(session, principal, query, today),
        regions={
            r.code: {"kk": r.name_kk, "ru": r.name_ru, "en": r.name_en}
            for r in session.scalars(sa.select(Region))
        },
    )
    progress(4, steps)
    rows, _ = locks.rows(session, principal, query, "inspections", today)
    for chunk in sr.every_row(session, rows, lang, CHUNK):
        data.records.extend(chunk)
        progress(min(4 + -(-len(data.records) // CHUNK), steps), steps)
    return data


def _label(translate: Translate, lang: str, figure: str) -> str:
    return translate(lang, LABELS[figure])


def _status(data: Gathered, translate: Translate, lang: str) -> str:
    return translate(lang, TEXTS["provisional" if data.summary.provisional else "locked"])


def _period(data: Gathered) -> str:
    return f"{data.query.start:%d.%m.%Y} – {data.query.end:%d.%m.%Y}"


def _methodology(lang: str) -> str:
    return locks.methodology(lang)


def xlsx(data: Gathered, translate: Translate, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    t = lambda key: translate(lang, TEXTS[key])  # noqa: E731
    book = Workbook()
    sheet = book.active
    if not isinstance(sheet, Worksheet):  # a new workbook always opens on its one worksheet
        raise RuntimeError("a new workbook has no active worksheet")
    sheet.title = t("title")[:31]
    sheet.append([t("title")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([t("period"), _period(data)])
    sheet.append([t("basis"), t(data.query.basis)])
    sheet.append([t("region"), _region(data, data.query.region, lang) if data.query.region else t("all")])
    sheet.append([t("kind"), translate(lang, KIND_LABELS[data.query.kind]) if data.query.kind else t("all")])
    sheet.append([_status(data, translate, lang)])
    sheet.append([])
    sheet.append([t("figure"), t("value")])
    for figure, value in figures_of(data.summary).items():
        sheet.append([_label(translate, lang, figure), value])
    sheet.append([])
    sheet.append([t("methodology")])
    sheet.append([_methodology(lang)])
    sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=2)
    sheet.row_dimensions[sheet.max_row].height = 330
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 48, 60
    _breakdown_sheet(book, t("region"), data.by_region, lambda r: _region(data, r, lang), translate, lang)
    _breakdown_sheet(
        book, t("kind"), data.by_kind, lambda k: translate(lang, KIND_LABELS[k]), translate, lang
    )
    months = book.create_sheet(t("month")[:31])
    months.append([t("month"), _label(translate, lang, "inspections")])
    for month, count in data.by_month.items():
        months.append([month, count])
    records = book.create_sheet(t("records")[:31])
    records.append([t("inspection"), t("month"), t("region"), t("kind"), t("facility")])
    for row in data.records:
        kind = translate(lang, KIND_LABELS[row.kind]) if row.kind in KIND_LABELS else row.kind
        records.append(
            [row.inspection_id, row.month, _region(data, row.region, lang), kind, row.facility_name]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _breakdown_sheet(
    book, title: str, parts: dict[str, st.Summary], name, translate: Translate, lang: str
) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append([title, *(_label(translate, lang, f) for f in LABELS)])
    for key, part in parts.items():
        sheet.append([name(key), *figures_of(part).values()])


def _region(data: Gathered, code: str | None, lang: str) -> str:
    return data.regions.get(code or "", {}).get(lang, code or "")


def csv_bytes(data: Gathered, translate: Translate, lang: str) -> bytes:
    """The summary and each region's figures, one figure per line: section, key, figure, value."""
    out = io.StringIO()
    writer = csv.writer(out)
    t = lambda key: translate(lang, TEXTS[key])  # noqa: E731
    writer.writerow([t("region"), t("figure"), "figure", t("value")])
    for figure, value in figures_of(data.summary).items():
        writer.writerow([t("all"), _label(translate, lang, figure), figure, value])
    for region, part in data.by_region.items():
        for figure, value in figures_of(part).items():
            writer.writerow([_region(data, region, lang), _label(translate, lang, figure), figure, value])
    return out.getvalue().encode("utf-8-sig")


def pdf(data: Gathered, translate: Translate) -> bytes:
    """The report in Kazakh and Russian side by side: figures, regions, methodology."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer, Table

    from inspector_app.core.documents.blocks import table_style
    from inspector_app.core.documents.fonts import register_fonts
    from inspector_app.core.documents.style import FRAME_W, GREY, MARGIN_LEFT, MARGIN_RIGHT, Para, Styles, esc

    register_fonts()
    both = lambda key: f"{esc(translate('kk', TEXTS[key]))} / {esc(translate('ru', TEXTS[key]))}"  # noqa: E731
    story: list[Any] = [
        Para(both("title"), Styles.title),
        Para(f"{both('period')}: {_period(data)}", Styles.subtitle),
        Para(
            f"{both('basis')}: {esc(translate('kk', TEXTS[data.query.basis]))} / "
            f"{esc(translate('ru', TEXTS[data.query.basis]))}",
            Styles.subtitle,
        ),
        Para(
            f"{esc(_status(data, translate, 'kk'))} / {esc(_status(data, translate, 'ru'))}", Styles.subtitle
        ),
        Spacer(1, 5 * mm),
    ]
    rows = [
        [
            Para("Көрсеткіш", Styles.cell_head),
            Para("Показатель", Styles.cell_head),
            Para("", Styles.cell_head),
        ]
    ]
    for figure, value in figures_of(data.summary).items():
        rows.append(
            [
                Para(esc(_label(translate, "kk", figure)), Styles.cell),
                Para(esc(_label(translate, "ru", figure)), Styles.cell),
                Para(_number(value), Styles.cell_center),
            ]
        )
    grid = [("GRID", (0, 0), (-1, -1), 0.4, GREY), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    story.append(
        Table(
            rows,
            colWidths=[FRAME_W * 0.42, FRAME_W * 0.42, FRAME_W * 0.16],
            repeatRows=1,
            style=table_style(grid),
        )
    )
    story += [Spacer(1, 5 * mm), Para(both("region"), Styles.heading)]
    heads = ["inspections", "organisations", "protocols", "fines_imposed", "children"]
    regions = [
        [Para(both("region"), Styles.cell_head)]
        + [
            Para(f"{esc(_label(translate, 'kk', f))} / {esc(_label(translate, 'ru', f))}", Styles.cell_head)
            for f in heads
        ]
    ]
    for code, part in data.by_region.items():
        figures = figures_of(part)
        name = f"{esc(_region(data, code, 'kk'))} / {esc(_region(data, code, 'ru'))}"
        regions.append(
            [Para(name, Styles.cell)] + [Para(_number(figures[f]), Styles.cell_center) for f in heads]
        )
    widths = [FRAME_W * 0.3] + [FRAME_W * 0.14] * len(heads)
    story.append(Table(regions, colWidths=widths, repeatRows=1, style=table_style(grid)))
    story += _pdf_charts(data, translate, both)
    for lang in ("kk", "ru"):
        story += [
            Para(esc(translate(lang, TEXTS["methodology"])), Styles.heading),
            Para(esc(_methodology(lang)), Styles.body),
        ]
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="Statistics",
        author="Field Inspector",
    ).build(story)
    return out.getvalue()


def _pdf_charts(data: Gathered, translate: Translate, both) -> list[Any]:
    """The page's three charts as drawings: inspections by region and by month, children by
    category; every bar with its label and value in text."""
    from reportlab.platypus import KeepTogether

    from inspector_app.core.documents.style import Para, Styles

    regions = [
        (f"{_region(data, c, 'kk')} / {_region(data, c, 'ru')}", p.inspections["total"])
        for c, p in data.by_region.items()
    ]
    categories = [
        (f"{translate('kk', CATEGORY_LABELS[c])} / {translate('ru', CATEGORY_LABELS[c])}", n)
        for c, n in data.summary.children_restored["by_category"].items()
    ]
    charts = (
        ("chart_region", regions),
        ("chart_month", list(data.by_month.items())),
        ("chart_category", categories),
    )
    story: list[Any] = []
    for key, bars in charts:
        story.append(KeepTogether([Para(both(key), Styles.heading), _bars(bars)]))
    return story


def _bars(bars: list[tuple[str, int]]):
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors

    from inspector_app.core.documents.fonts import NARROW
    from inspector_app.core.documents.style import FRAME_W

    row, label_w, value_w = 13, FRAME_W * 0.5, 40
    top = max((v for _, v in bars), default=0) or 1
    drawing = Drawing(FRAME_W, row * len(bars) + 4)
    for n, (label, value) in enumerate(bars):
        y = drawing.height - (n + 1) * row
        length = (FRAME_W - label_w - value_w) * value / top
        drawing.add(
            String(label_w - 4, y + 3, _clipped(label, 62), fontName=NARROW, fontSize=7.5, textAnchor="end")
        )
        drawing.add(
            Rect(
                label_w,
                y + 1,
                max(length, 0.5),
                row - 3,
                # the stubs type Rect's **kw as the TypedDict itself instead of Unpack[...] of it
                fillColor=colors.Color(0.18, 0.36, 0.54),  # type: ignore[arg-type]
                strokeColor=None,  # type: ignore[arg-type]
            )
        )
        drawing.add(String(label_w + length + 3, y + 3, _number(value), fontName=NARROW, fontSize=7.5))
    return drawing


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


def render(data: Gathered, fmt: str, translate: Translate, lang: str) -> bytes:
    if fmt == "xlsx":
        return xlsx(data, translate, lang)
    if fmt == "csv":
        return csv_bytes(data, translate, lang)
    return pdf(data, translate)
