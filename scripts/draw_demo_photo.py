"""Draw the demo's illustration: pupils' drawings on a library wall under a contest banner.

The demo needs a picture that looks like what a school posts (the drawing contest of
``posts/2024/ket-qua-thi-ve-tranh-ngoi-nha-binh-dang.md``) and that no reader could take for a
flag or for a real child. Nothing can be downloaded here, so it is drawn with Pillow, the same
every run: no randomness, no date, no EXIF. Usage::

    python scripts/draw_demo_photo.py [--font BOLD.ttf] [-o posts/2024/ngoi-nha-binh-dang.jpg]

The font must cover Vietnamese (DejaVu Sans Bold, the default, does).
"""

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = (1600, 1067)
SCALE = 2  # drawn at twice the size and reduced, for smooth edges
OUT = Path(__file__).resolve().parent.parent / "posts" / "2024" / "ngoi-nha-binh-dang.jpg"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
BANNER = "Ngôi nhà bình đẳng"
CAPTION = "Tranh dự thi của học sinh khối 6, 7"

WALL, SKIRTING, FLOOR = (236, 229, 214), (198, 178, 150), (184, 160, 128)
PAPER, PIN = (252, 250, 244), (214, 92, 76)
CRAYONS = [(233, 120, 96), (92, 150, 200), (242, 190, 80), (120, 176, 110), (170, 120, 190), (80, 80, 90)]


def s(*values: float) -> list[int]:
    return [round(v * SCALE) for v in values]


def drawing(draw: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, n: int) -> None:
    """One pupil's drawing: a house, a sun, and a family of stick figures sharing a chore."""
    draw.rectangle(s(x + 6, y + 8, x + w + 6, y + h + 8), fill=(205, 196, 180))  # shadow
    draw.rectangle(s(x, y, x + w, y + h), fill=PAPER, outline=(220, 214, 200), width=SCALE)
    c = CRAYONS
    roof, wall, figure = c[n % 6], c[(n + 1) % 6], c[(n + 3) % 6]
    ground = y + h * 0.82
    draw.line(s(x + 12, ground, x + w - 12, ground), fill=c[3], width=4 * SCALE)
    hx, hw = x + w * (0.12 + 0.08 * (n % 3)), w * 0.42
    top = y + h * 0.40
    draw.rectangle(s(hx, top, hx + hw, ground), outline=wall, width=4 * SCALE)
    draw.polygon(s(hx - 12, top, hx + hw / 2, y + h * 0.16, hx + hw + 12, top), outline=roof, width=4 * SCALE)
    draw.rectangle(s(hx + hw * 0.38, ground - h * 0.20, hx + hw * 0.62, ground), fill=roof)
    sun = (x + w * 0.84, y + h * 0.16)
    draw.ellipse(s(sun[0] - 16, sun[1] - 16, sun[0] + 16, sun[1] + 16), fill=c[2])
    for i, tall in enumerate((0.30, 0.27, 0.17)):  # parent, parent, child, side by side
        fx = hx + hw + 26 + i * 30
        head = ground - h * tall
        if fx > x + w - 14:
            break
        draw.ellipse(s(fx - 8, head - 8, fx + 8, head + 8), outline=figure, width=3 * SCALE)
        draw.line(s(fx, head + 8, fx, ground - h * 0.08), fill=figure, width=3 * SCALE)
        draw.line(s(fx, ground - h * 0.08, fx - 8, ground - 2), fill=figure, width=3 * SCALE)
        draw.line(s(fx, ground - h * 0.08, fx + 8, ground - 2), fill=figure, width=3 * SCALE)
        draw.line(s(fx - 12, head + 22, fx + 12, head + 22), fill=figure, width=3 * SCALE)
    draw.ellipse(s(x + w / 2 - 7, y + 4, x + w / 2 + 7, y + 18), fill=PIN)


def pupil(draw: ImageDraw.ImageDraw, x: float, base: float, height: float, skirt: bool, bag: tuple) -> None:
    """A pupil seen from behind in a white shirt and navy uniform, looking at the wall."""
    navy, shirt, hair, skin = (44, 62, 96), (246, 246, 242), (46, 38, 36), (226, 186, 150)
    head = height * 0.13
    shoulders = base - height * 0.80
    waist = base - height * 0.47
    w = height * 0.26
    if skirt:
        draw.polygon(
            s(x - w * 0.45, waist, x + w * 0.45, waist, x + w * 0.6, base - height * 0.22, x - w * 0.6, base - height * 0.22),
            fill=navy,
        )
        for dx in (-0.2, 0.2):
            draw.rectangle(s(x + dx * w - w * 0.08, base - height * 0.22, x + dx * w + w * 0.08, base - 6), fill=skin)
    else:
        for dx in (-0.22, 0.22):
            draw.rectangle(s(x + dx * w - w * 0.17, waist, x + dx * w + w * 0.17, base - 6), fill=navy)
    for dx in (-0.2, 0.2):
        draw.ellipse(s(x + dx * w - w * 0.16, base - 16, x + dx * w + w * 0.18, base + 6), fill=(60, 56, 60))
    draw.rounded_rectangle(s(x - w / 2, shoulders, x + w / 2, waist + 8), radius=18 * SCALE, fill=shirt)
    draw.rounded_rectangle(s(x - w * 0.36, shoulders + 14, x + w * 0.36, waist - 10), radius=14 * SCALE, fill=bag)
    for dx in (-1, 1):
        draw.rounded_rectangle(
            s(x + dx * w / 2 - w * 0.12, shoulders + 6, x + dx * w / 2 + w * 0.12, waist - 4), radius=10 * SCALE, fill=shirt
        )
    draw.rectangle(s(x - w * 0.1, shoulders - head * 0.35, x + w * 0.1, shoulders + 4), fill=skin)
    draw.ellipse(s(x - head * 0.55, shoulders - head * 1.25, x + head * 0.55, shoulders - head * 0.05), fill=hair)


def render(font_path: str) -> Image.Image:
    width, height = SIZE
    image = Image.new("RGB", s(width, height), WALL)
    draw = ImageDraw.Draw(image)
    # the wall lit from a window on the left, the skirting and the floor
    for i in range(0, width, 8):
        shade = round(10 * i / width)
        draw.rectangle(s(i, 0, i + 8, 860), fill=tuple(v - shade for v in WALL))
    draw.rectangle(s(0, 860, width, 890), fill=SKIRTING)
    draw.rectangle(s(0, 890, width, height), fill=FLOOR)
    for i in range(0, width, 160):
        draw.line(s(i, 890, i - 120, height), fill=(170, 146, 116), width=2 * SCALE)

    banner_font = ImageFont.truetype(font_path, 72 * SCALE)
    caption_font = ImageFont.truetype(font_path, 30 * SCALE)
    draw.rounded_rectangle(s(300, 60, 1300, 200), radius=16 * SCALE, fill=(64, 138, 132))
    for x in (330, 1270):
        draw.line(s(x, 0, x, 64), fill=(150, 140, 120), width=3 * SCALE)
    draw.text(s(800, 130), BANNER, font=banner_font, fill=(255, 255, 255), anchor="mm")
    draw.text(s(800, 240), CAPTION, font=caption_font, fill=(96, 86, 72), anchor="mm")

    n = 0
    for row, top in enumerate((300, 560)):
        for col in range(5):
            x = 110 + col * 285 + (row * 40)
            if x + 230 > width - 60:
                continue
            drawing(draw, x, top, 230, 200 - row * 10, n)
            n += 1

    image = image.filter(ImageFilter.GaussianBlur(0.6 * SCALE))  # a camera's softness, not vector edges
    draw = ImageDraw.Draw(image)
    pupil(draw, 470, 1040, 560, skirt=True, bag=(120, 160, 200))
    pupil(draw, 760, 1050, 600, skirt=False, bag=(214, 120, 96))
    pupil(draw, 1120, 1030, 520, skirt=True, bag=(130, 170, 120))
    return image.resize(SIZE, Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", default=FONT, help="a bold TrueType font covering Vietnamese")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    # No exif= given: Pillow writes none, so the file carries no position and no camera.
    render(args.font).save(args.output, "JPEG", quality=82, optimize=True, progressive=True)
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
