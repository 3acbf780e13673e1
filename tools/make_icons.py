#!/usr/bin/env python3
"""Draws the app icon (a milk drop on a warm circle) as RGBA PNGs for Tauri.

Only the standard library: the machine has no image tools. Issue 11 replaces this
with `tauri icon` from assets/icon.svg; until then this keeps the build self-contained.
"""
import math
import struct
import sys
import zlib
from pathlib import Path

def pixel(x, y, size):
    cx = cy = size / 2
    r = size * 0.48
    d = math.hypot(x - cx, y - cy)
    if d > r:
        return (0, 0, 0, 0)
    # A drop: circle at the bottom, triangle to a point at the top.
    dx, dy = (x - cx) / size, (y - cy) / size
    drop_r, drop_cy = 0.2, 0.1
    in_circle = math.hypot(dx, dy - drop_cy) < drop_r
    in_tip = -0.32 < dy < drop_cy and abs(dx) < (dy + 0.32) / (drop_cy + 0.32) * drop_r * 0.98
    if in_circle or in_tip:
        return (255, 255, 255, 255)
    return (196, 84, 120, 255)

def png(size):
    rows = b"".join(
        b"\x00" + b"".join(struct.pack("4B", *pixel(x + 0.5, y + 0.5, size)) for x in range(size))
        for y in range(size)
    )
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")

out = Path(sys.argv[1])
for name, size in [("32x32.png", 32), ("128x128.png", 128), ("icon.png", 512)]:
    (out / name).write_bytes(png(size))
