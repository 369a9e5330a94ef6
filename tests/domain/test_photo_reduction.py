"""Photos reduced before sealing: upright, at most the item's limit, the time taken kept."""

import io

import pytest
from PIL import Image

from inspector_app.core.photo_reduction import reduce_photo
from tests.kit.camera_photos import camera_photo


@pytest.fixture(scope="module")
def phone_photo_on_its_side():
    return camera_photo(seed=7, orientation=6)  # held upright: the sensor's picture lies on its side


def opened(data):
    return Image.open(io.BytesIO(data))


def test_a_phone_photo_shrinks_to_the_limit_and_stands_upright(phone_photo_on_its_side):
    assert 4 * 2**20 < len(phone_photo_on_its_side) < 6 * 2**20  # as a phone makes it
    reduced = reduce_photo(phone_photo_on_its_side)
    image = opened(reduced)
    assert image.format == "JPEG"
    assert image.size == (1536, 2048)  # 4032×3024 turned upright, then 2,048 on the long side
    assert image.getexif().get(0x0112, 1) == 1
    assert len(reduced) < len(phone_photo_on_its_side) / 5


def test_the_moment_taken_is_kept(phone_photo_on_its_side):
    exif = opened(reduce_photo(phone_photo_on_its_side)).getexif()
    assert exif.get_ifd(0x8769)[0x9003] == "2026:05:14 10:07:00"
    assert exif[0x0132] == "2026:05:14 10:07:00"


def test_an_items_own_limit_is_applied(phone_photo_on_its_side):
    assert max(opened(reduce_photo(phone_photo_on_its_side, 800)).size) == 800


def test_a_photo_within_the_limit_and_upright_is_kept_byte_for_byte():
    small = camera_photo(seed=3, size=(1600, 1200))
    assert reduce_photo(small) == small


def test_a_small_photo_on_its_side_is_only_turned():
    turned = opened(reduce_photo(camera_photo(seed=4, size=(800, 600), orientation=8)))
    assert turned.size == (600, 800)


def test_a_large_png_with_transparency_becomes_a_jpeg_on_white():
    out = io.BytesIO()
    Image.new("RGBA", (3000, 1000), (0, 0, 0, 0)).save(out, "PNG")
    image = opened(reduce_photo(out.getvalue()))
    assert (image.format, image.size, image.getpixel((10, 10))) == ("JPEG", (2048, 683), (255, 255, 255))
