"""Layout regressions: first pages compared with reference renders kept in the repository.

After an intended layout change, regenerate the references with
    INSPECTOR_UPDATE_REFERENCE=1 pytest tests/documents/test_reference.py
and look at the new PNGs before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from inspector_app.core.documents import render_act, render_order, render_protocol
from inspector_app.demo.documents import sample_context
from tests.documents.pdfcheck import mean_difference, render_page

REFERENCE = Path(__file__).parent / "reference"
DPI = 40
# Font rasterising may differ a little between pdfium builds; a moved block does not.
TOLERANCE = 2.0

CASES = {
    "act-kkru-p1": lambda ctx: render_act(ctx, "kk+ru"),
    "protocol-ru-p1": lambda ctx: render_protocol(ctx, "m1", "ru"),
    "order-kk-p1": lambda ctx: render_order(ctx, "kk"),
}


@pytest.fixture(scope="module")
def ctx():
    return sample_context(n_items=8, n_photos=1)


@pytest.mark.parametrize("name", CASES)
def test_first_page_matches_reference(ctx, name, tmp_path):
    page = render_page(CASES[name](ctx).pdf, 0, DPI, grey=True)
    path = REFERENCE / f"{name}.png"
    if os.environ.get("INSPECTOR_UPDATE_REFERENCE") == "1":
        page.save(path, optimize=True)
    reference = Image.open(path)
    diff = mean_difference(page, reference)
    if diff > TOLERANCE:
        page.save(tmp_path / f"{name}-now.png")
        ImageChops.difference(page, reference.convert("L")).save(tmp_path / f"{name}-diff.png")
    assert diff <= TOLERANCE, f"{name}: mean difference {diff:.2f}, see {tmp_path}"


def test_a_moved_block_exceeds_the_tolerance(ctx):
    """The comparison can fail: the same page shifted by 3 mm is far from the reference."""
    page = render_page(CASES["act-kkru-p1"](ctx).pdf, 0, DPI, grey=True)
    shift = round(3 / 25.4 * DPI)
    moved = Image.new("L", page.size, 255)
    moved.paste(page.crop((0, 0, page.width, page.height - shift)), (0, shift))
    assert mean_difference(moved, Image.open(REFERENCE / "act-kkru-p1.png")) > TOLERANCE
