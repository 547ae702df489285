"""Draw the PWA's PNG icons (plain and maskable) from the same shapes as icon.svg.

Pure Python (zlib + struct), so no image library is needed: `manage.py make_icons`.
"""

import struct
import zlib
from pathlib import Path

from django.core.management.base import BaseCommand

ICONS = Path(__file__).resolve().parents[2] / "static" / "frontend" / "icons"
TEAL = (0x2F, 0x5D, 0x62)
CREAM = (0xF6, 0xEF, 0xE6)
# On the 64-unit grid of icon.svg: (centre x, centre y, radius, opacity).
CIRCLES = ((25, 30, 11, 1.0), (40, 34, 11, 0.75))
SAMPLES = 3


def _inside_rounded_square(x: float, y: float, radius: float) -> bool:
    cx = min(max(x, radius), 64 - radius)
    cy = min(max(y, radius), 64 - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def _colour_at(x: float, y: float, maskable: bool) -> tuple[float, float, float, float]:
    """Colour on the 64-unit grid. Maskable icons fill the square and keep the circles inside
    the central safe zone (80 %), because launchers crop them to any shape."""
    if not maskable and not _inside_rounded_square(x, y, 14):
        return (0.0, 0.0, 0.0, 0.0)
    colour = list(TEAL)
    for cx, cy, r, opacity in CIRCLES:
        if maskable:
            cx, cy, r = 32 + (cx - 32) * 0.8, 32 + (cy - 32) * 0.8, r * 0.8
        if (x - cx) ** 2 + (y - cy) ** 2 <= r**2:
            colour = [c * (1 - opacity) + k * opacity for c, k in zip(colour, CREAM, strict=True)]
    return (*colour, 255.0)


def draw(size: int, maskable: bool) -> bytes:
    rows = []
    scale = 64 / size
    for py in range(size):
        row = bytearray([0])  # PNG filter type "none"
        for px in range(size):
            total = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) * scale
                    y = (py + (sy + 0.5) / SAMPLES) * scale
                    r, g, b, a = _colour_at(x, y, maskable)
                    total = [total[0] + r * a, total[1] + g * a, total[2] + b * a, total[3] + a]
            alpha = total[3] / SAMPLES**2
            if total[3]:
                row += bytes(round(total[i] / total[3]) for i in range(3))
            else:
                row += b"\0\0\0"
            row.append(round(alpha))
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


class Command(BaseCommand):
    help = "Draw the PWA icons (icon-*.png and maskable-*.png) into frontend/static."

    def handle(self, *args, **options) -> None:
        ICONS.mkdir(parents=True, exist_ok=True)
        for size in (192, 512):
            for name, maskable in (("icon", False), ("maskable", True)):
                path = ICONS / f"{name}-{size}.png"
                path.write_bytes(draw(size, maskable))
                self.stdout.write(f"wrote {path.name}")
