"""Bar charts drawn by the server as inline SVG: no script, no outside file, printable, with
every bar's label and value written as text (and the chart described to screen readers by its
title and a table of the same numbers beside it)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

BAR = 22  # height of a bar, px
GAP = 8
LABEL_W = 320  # room for the label left of the bars (about 40 letters at 13 px)
BARS_W = 360
VALUE_W = 90


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str = ""  # the list behind the bar


def bar_chart(chart_id: str, title: str, bars: list[Bar]) -> Markup:
    """A horizontal bar chart: label, bar proportional to the largest value, the value."""
    top = max((b.value for b in bars), default=0) or 1
    height = len(bars) * (BAR + GAP) + GAP
    width = LABEL_W + BARS_W + VALUE_W
    parts = [
        f'<svg id="{escape(chart_id)}" class="chart" role="img" aria-labelledby="{escape(chart_id)}-title" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif" font-size="13">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]
    for n, bar in enumerate(bars):
        y = GAP + n * (BAR + GAP)
        length = round(BARS_W * bar.value / top) if bar.value else 0
        label = _clipped(bar.label, 40)
        shape = (
            f'<g class="bar"><title>{escape(bar.label)}: {bar.value}</title>'
            f'<text x="{LABEL_W - 8}" y="{y + BAR - 6}" text-anchor="end" fill="#1a1a1a">{escape(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y}" width="{max(length, 1)}" height="{BAR}" fill="#2f5d8a"/>'
            f'<text x="{LABEL_W + length + 6}" y="{y + BAR - 6}" fill="#1a1a1a" '
            f'class="value">{_number(bar.value)}</text></g>'
        )
        if bar.href:
            shape = f'<a href="{escape(bar.href)}">{shape}</a>'
        parts.append(shape)
    parts.append("</svg>")
    return Markup("".join(parts))


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")
