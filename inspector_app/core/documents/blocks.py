"""Building blocks shared by the documents: letterhead, title, field tables, headings,
signature lines, the witnessed refusal and the photo appendix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from inspector_app.core.documents import labels, languages
from inspector_app.core.documents.context import ROLE_REFUSAL_WITNESSES, DocumentContext
from inspector_app.core.documents.fonts import NARROW
from inspector_app.core.documents.images import PreparedImage, prepare_photo, prepare_signature
from inspector_app.core.documents.style import FRAME_H, FRAME_W, GREY, RULE, SHADE, Lang, Para, Styles, esc
from inspector_app.core.domain.models import Bilingual, Person, Photo

Cell = Flowable | Sequence[Flowable] | str
FieldRow = tuple[Cell, Cell]  # label | value
StyleCommand = tuple[Any, ...]  # ("GRID", (0, 0), (-1, -1), 0.4, "black")
# Rows split across pages only into parts at least this tall: ordinary rows move whole to the
# next page, while a row taller than a page (a 2,000-character note) still fits. (With a small
# minimum ReportLab would split the leftover of a by-row split again on the same page,
# repeating the header row mid-page.)
ROW_SPLIT_MIN = FRAME_H / 3  # points; ReportLab compares heights, a float (its stubs say int)


def table_style(commands: list[StyleCommand]) -> TableStyle:
    """A TableStyle whose default font is ours: ReportLab would otherwise select Helvetica
    (not embedded) for empty string cells."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), NARROW), *commands])


def letterhead(ctx: DocumentContext, lang: Lang | None = None) -> list[Flowable]:
    """The issuing body as on the body's letter paper: in both state languages for a
    bilingual document (or when `lang` is not given), else in the document's language."""
    p = ctx.profile
    region = ctx.regions.get(ctx.profile.region)
    kk = [esc(p.body_kk.upper())] + ([esc(region.kk)] if region else [])
    ru = [esc(p.body_ru.upper())] + ([esc(region.ru)] if region else [])
    if lang is None or lang.both:
        cells = [[Para("<br/>".join(kk), Styles.letterhead), "", Para("<br/>".join(ru), Styles.letterhead)]]
        widths = [FRAME_W * 0.45, FRAME_W * 0.1, FRAME_W * 0.45]
    else:
        cells = [["", Para("<br/>".join(kk if lang.code == "kk" else ru), Styles.letterhead), ""]]
        widths = [FRAME_W * 0.15, FRAME_W * 0.7, FRAME_W * 0.15]
    table = Table(cells, colWidths=widths)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 1.6, "black"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    rule = Table([[""]], colWidths=[FRAME_W], rowHeights=[1.2])
    rule.setStyle(table_style([("LINEBELOW", (0, 0), (-1, -1), 0.5, "black")]))
    return [table, rule, Spacer(1, 4 * mm)]


def checklist_lines(ctx: DocumentContext, lang: Lang) -> list[str]:
    """The checklist used, with the act that approved it and its effective date."""
    form = ctx.form
    lines = []
    for code in lang.langs:
        title = form.title.kk if code == "kk" else form.title.ru
        if form.legal_act is None:
            lines.append(f"{title} (v{form.version})")
            continue
        act = form.legal_act.kk if code == "kk" else form.legal_act.ru
        lines.append(
            labels.text(
                "checklist_source",
                code,
                title=f"{title} (v{form.version})",
                act=act,
                date=labels.short_date(form.effective),
            )
        )
    return lines


def title_block(ctx: DocumentContext, lang: Lang, title_key: str, number: str) -> list[Flowable]:
    """Title lines (Kazakh first), the number, then place on the left and date on the right."""
    out: list[Flowable] = [Para(esc(t), Styles.title) for t in lang.each(title_key)]
    out.append(Para(f"№ {esc(number)}", Styles.subtitle))
    out.append(Spacer(1, 3 * mm))
    when = [labels.long_date(ctx.document_date, code) for code in lang.langs]
    if ctx.document_time is not None:
        when = [f"{w}, {ctx.document_time:%H:%M}" for w in when]
    row = [[Para(esc(ctx.place), Styles.body_left), Para("<br/>".join(esc(w) for w in when), Styles.right)]]
    table = Table(row, colWidths=[FRAME_W * 0.5, FRAME_W * 0.5])
    table.setStyle(
        table_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [*out, table, Spacer(1, 4 * mm)]


def heading(lang: Lang, key: str, number: int | None = None) -> list[Flowable]:
    """A section heading; starts a new page when little room is left under it (rather than
    keepWithNext, which would push a long table after it to the next page whole)."""
    prefix = f"{number}. " if number is not None else ""
    return [CondPageBreak(30 * mm), Para(prefix + esc(lang.t(key)), Styles.heading)]


def label_cell(lang: Lang, key: str) -> Para:
    return Para("<br/>".join(esc(t) for t in lang.each(key)), Styles.label)


def value(text: str, style: ParagraphStyle = Styles.value) -> Para:
    return Para(esc(text) if text else "—", style)


def values(lines: Sequence[str], style: ParagraphStyle = Styles.value) -> list[Para]:
    return [value(line, style) for line in lines] or [value("")]


def fields_table(rows: Sequence[FieldRow], label_width: float = 52 * mm) -> Table:
    """Label | value rows with light rules; long values wrap and the table splits by row."""
    table = Table(
        [list(r) for r in rows],
        colWidths=[label_width, FRAME_W - label_width],
        splitInRow=ROW_SPLIT_MIN,  # type: ignore[arg-type]
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def bilingual_cell(lang: Lang, text: Bilingual, style: ParagraphStyle = Styles.cell) -> list[Para]:
    """Form wording: the first language in full, the second one below it in grey."""
    parts = lang.pick(text.kk, text.ru)
    out = [Para(esc(parts[0]), style)]
    out += [Para(esc(p), Styles.cell_second) for p in parts[1:]]
    return out


LONG_TEXT = 160  # characters: longer free text gets a full-width row under its own row


class GridRows:
    """Rows of a grid table with the style commands they need (spans, shading)."""

    def __init__(self, ncols: int) -> None:
        self.ncols = ncols
        self.rows: list[list[Cell]] = []
        self.style: list[StyleCommand] = []

    def add(self, cells: list[Cell]) -> int:
        self.rows.append(cells)
        return len(self.rows)  # index in the table: the header row is 0

    def add_wide(self, content: Cell, shaded: bool = False) -> int:
        row = self.add([content] + [""] * (self.ncols - 1))
        self.style.append(("SPAN", (0, row), (-1, row)))
        if shaded:
            self.style.append(("BACKGROUND", (0, row), (-1, row), SHADE))
        return row

    def add_long_text(self, label: str, text: str) -> None:
        """Free text too long for a narrow column, on the full width under its row."""
        self.add_wide(Para(f"<i>{esc(label)}:</i> {esc(text)}", Styles.cell))


def is_long(text: str) -> bool:
    return len(text) > LONG_TEXT


def grid_table(
    header: list[str],
    rows: list[list[Cell]],
    widths: list[float],
    extra_style: list[StyleCommand] | None = None,
) -> Table:
    """A ruled table whose header row repeats on every page it runs onto."""
    head: list[Cell] = [Para(esc(h), Styles.cell_head) for h in header]
    table = Table([head, *rows], colWidths=widths, repeatRows=1, splitInRow=ROW_SPLIT_MIN)  # type: ignore[arg-type]
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, "black"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
            + (extra_style or [])
        )
    )
    return table


# --- signatures -----------------------------------------------------------------------

SIG_W, SIG_H = 44 * mm, 13 * mm


class SignatureBox(Flowable):
    """A signature line with the on-screen signature above it, or a refusal mark."""

    def __init__(self, image: PreparedImage | None, mark: str = "") -> None:
        super().__init__()
        self.image, self.mark = image, mark
        self.width, self.height = SIG_W, SIG_H

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor("black")
        c.setLineWidth(0.5)
        c.line(0, 1.5, self.width, 1.5)
        if self.image is not None:
            w, h = self.image.fit(self.width - 2, self.height - 3)
            c.drawImage(self.image.reader, (self.width - w) / 2, 2.5, w, h)
        elif self.mark:  # one line per language, shrunk to the box if need be
            lines = self.mark.split(" / ")
            font = Styles.small.fontName
            size = min([7.0] + [7.0 * (self.width - 4) / stringWidth(t, font, 7) for t in lines])
            c.setFont(font, size)
            c.setFillColor(GREY)
            for n, line in enumerate(reversed(lines)):
                c.drawCentredString(self.width / 2, 4 + n * (size + 1.5), line)


@dataclass
class Signer:
    role: str  # key of DocumentContext.signatures
    title: str  # who signs, e.g. "Inspector" (already in the document's languages)
    person: Person | None


def signature_rows(ctx: DocumentContext, lang: Lang, signers: Sequence[Signer]) -> list[Flowable]:
    """One unsplittable row per signer: role and position | signature | typed name.
    Plain flowables (no KeepTogether inside) so callers can keep them with a statement."""
    caption = lang.t("signature")
    out: list[Flowable] = []
    for s in signers:
        refused = ctx.refusal_of(s.role) is not None
        png = ctx.signatures.get(s.role)
        image = prepare_signature(png) if png and not refused else None
        mark = lang.t("refused_mark") if refused else ""
        who = [Para(esc(s.title), Styles.label)]
        position = languages.position(lang, s.person)
        if position:
            who.append(Para(esc(position), Styles.cell))
        name = s.person.name if s.person is not None else ""
        row = [
            [
                who,
                [SignatureBox(image, mark), Para(f"({esc(caption)})", Styles.small_center)],
                Para(esc(name) or "_" * 30, Styles.value),
            ]
        ]
        table = Table(row, colWidths=[62 * mm, SIG_W + 6 * mm, FRAME_W - 68 * mm - SIG_W])
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("VALIGN", (0, 0), (0, 0), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        out += [table, Spacer(1, 1.5 * mm)]  # a one-row table never splits
    return out


def refusal_block(
    ctx: DocumentContext, lang: Lang, role: str, document_key: str, person: Person | None
) -> list[Flowable]:
    """The statement that `role` refused to sign, attested by two witnesses' signatures."""
    refusal = ctx.refusal_of(role)
    if refusal is None:
        return []
    name = person.name if person is not None else ""
    parts: list[Flowable] = []
    for code in lang.langs:
        document = labels.text(f"refused_doc_{document_key}", code)
        parts.append(
            Para(
                "<b>" + esc(labels.text("refused", code, name=name, document=document)) + "</b>", Styles.body
            )
        )
    if refusal.note:
        parts.append(Para(f"{esc(lang.t('refusal_reason'))}: {esc(refusal.note)}", Styles.body))
    parts.append(Para(esc(lang.t("refusal_witnesses")) + ":", Styles.body_left))
    witnesses = [
        Signer(role, f"{i}. {lang.t('refusal_witness')}", person)
        for i, (role, person) in enumerate(zip(ROLE_REFUSAL_WITNESSES, refusal.witnesses, strict=False), 1)
    ]
    return [KeepTogether(parts + signature_rows(ctx, lang, witnesses))]


# --- photos ---------------------------------------------------------------------------

PHOTO_BOX_W, PHOTO_BOX_H = 78 * mm, 66 * mm


class PhotoFlowable(Flowable):
    def __init__(self, image: PreparedImage) -> None:
        super().__init__()
        self.image = image
        self.width, self.height = image.fit(PHOTO_BOX_W, PHOTO_BOX_H)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return PHOTO_BOX_W, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image.reader, (PHOTO_BOX_W - self.width) / 2, 0, self.width, self.height)
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.3)
        self.canv.rect((PHOTO_BOX_W - self.width) / 2, 0, self.width, self.height)


def photo_numbers(photos: Sequence[tuple[Photo, bytes | None]]) -> dict[str, list[int]]:
    """Item id -> numbers the item's photos get in the appendix (1-based, appendix order)."""
    out: dict[str, list[int]] = {}
    for n, (photo, _) in enumerate(photos, 1):
        out.setdefault(photo.item_id, []).append(n)
    return out


def photo_appendix(
    ctx: DocumentContext, lang: Lang, photos: Sequence[tuple[Photo, bytes | None]]
) -> list[Flowable]:
    """Numbered photos two to a row, each captioned with its requirement and time taken."""
    if not photos:
        return []
    cells = [_photo_cell(ctx, lang, n, photo, data) for n, (photo, data) in enumerate(photos, 1)]
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[FRAME_W / 2] * 2)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [PageBreak(), *heading(lang, "appendix_photos"), Spacer(1, 2 * mm), table]


def _photo_cell(ctx: DocumentContext, lang: Lang, n: int, photo: Photo, data: bytes | None) -> list[Flowable]:
    image = prepare_photo(photo, data)
    try:
        item = ctx.item(photo.item_id)
        requirement = lang.pick(item.text.kk, item.text.ru)
    except KeyError:
        requirement = []
    taken = photo.taken_at.strftime("%d.%m.%Y %H:%M") if photo.taken_at else "—"
    text = f"<b>{esc(lang.t('photo'))} {n}.</b> " + " / ".join(esc(r) for r in requirement)
    text += f"<br/>{esc(lang.t('photo_taken'))}: {taken}"
    return [PhotoFlowable(image), Spacer(1, 1.5 * mm), Para(text, Styles.caption)]


def keep_space(height_mm: float) -> CondPageBreak:
    return CondPageBreak(height_mm * mm)


def day(value: dt.date | None) -> str:
    return labels.short_date(value)
