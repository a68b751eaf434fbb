#!/usr/bin/python3
"""make-images.py: draws the demo site's images (demo/images/NAME.jpg).

Every picture is original and abstract: horizons, doors, letters, lanterns,
city silhouettes and the like, flat shapes in one muted palette, with no
text.  Each file is drawn from a random generator seeded with its own name,
so a rerun writes identical bytes (with the same Pillow and libjpeg).

Usage: /usr/bin/python3 demo/make-images.py [NAME ...]
Writes the images (all, or the named ones) and prints one line per file:
NAME WIDTH HEIGHT BYTES, the values demo/starter.sql's media rows carry.
Featured images are 1200x675, inline images 800x533; JPEG quality 72,
progressive, each under 70 KB.
"""

import hashlib
import io
import math
import os
import random
import sys

from PIL import Image, ImageDraw, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "images")
SS = 2  # drawn at twice the size, then reduced: smooth edges
QUALITY = 72
MAX_BYTES = 70 * 1024

FEATURED = (1200, 675)
INLINE = (800, 533)

# The palette: muted, warm and cool, shared by every image.
P = {
    "ink": (43, 52, 64),
    "slate": (61, 74, 92),
    "dusk": (92, 104, 130),
    "blue": (111, 138, 163),
    "mist": (176, 190, 200),
    "sage": (143, 165, 138),
    "moss": (98, 118, 96),
    "sand": (217, 199, 167),
    "cream": (241, 233, 218),
    "paper": (247, 242, 232),
    "clay": (192, 122, 90),
    "rust": (158, 92, 70),
    "ochre": (201, 162, 78),
    "rose": (185, 139, 139),
    "plum": (107, 85, 102),
    "night": (30, 36, 50),
}

# Moods: sky top, sky bottom, sun, and the layers from far to near.
MOODS = {
    "dawn": ("mist", "cream", "ochre", ["rose", "plum", "slate", "ink"]),
    "day": ("blue", "mist", "paper", ["sage", "moss", "slate", "ink"]),
    "dusk": ("plum", "clay", "ochre", ["rose", "rust", "plum", "ink"]),
    "haze": ("sand", "cream", "clay", ["sand", "clay", "rust", "ink"]),
    "night": ("night", "dusk", "cream", ["slate", "ink", "night", "night"]),
    "spring": ("mist", "paper", "ochre", ["sage", "moss", "slate", "ink"]),
}


def col(name, alpha=None):
    c = P[name] if isinstance(name, str) else name
    return c if alpha is None else (c[0], c[1], c[2], alpha)


def mix(a, b, t):
    a, b = col(a), col(b)
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def vgradient(size, top, bottom):
    """A vertical gradient from top to bottom (RGB)."""
    w, h = size
    mask = Image.linear_gradient("L").resize((w, h))
    return Image.composite(Image.new("RGB", size, col(bottom)),
                           Image.new("RGB", size, col(top)), mask)


def glow(base, cx, cy, r, colour, strength=200):
    """A soft radial glow of colour centred on (cx, cy)."""
    g = Image.radial_gradient("L").resize((int(2 * r), int(2 * r)))
    # 0 at the centre, 181 at the middle of each edge, 255 in the corners
    g = g.point(lambda v: int(strength * max(0.0, 1 - v / 181.0) ** 2))
    layer = Image.new("RGB", g.size, col(colour))
    base.paste(layer, (int(cx - r), int(cy - r)), g)


def ridge(rng, w, base, amp, waves=3):
    """Points of a hill line across the width: a sum of a few sines."""
    parts = [(rng.uniform(0.5, 3.5) * (k + 1), rng.uniform(0, 6.3),
              amp / (k + 1) * rng.uniform(0.5, 1.0)) for k in range(waves)]
    pts = []
    steps = 60
    for i in range(steps + 1):
        x = w * i / steps
        y = base + sum(a * math.sin(f * x / w * math.pi + p)
                       for f, p, a in parts)
        pts.append((x, y))
    return pts


def hills(draw, rng, w, h, layers, top, bottom, amp):
    n = len(layers)
    for i, name in enumerate(layers):
        base = top + (bottom - top) * (i + 1) / (n + 0.5)
        pts = ridge(rng, w, base, amp * (1 - i * 0.12))
        draw.polygon(pts + [(w, h), (0, h)], fill=col(name))


def birds(draw, rng, w, h, count, colour, y0=0.12, y1=0.4):
    for _ in range(count):
        x = rng.uniform(0.1, 0.9) * w
        y = rng.uniform(y0, y1) * h
        s = rng.uniform(0.008, 0.016) * w
        lw = max(2, int(s / 5))
        draw.line([(x - s, y - s * 0.4), (x - s * 0.45, y - s * 0.05), (x, y)],
                  fill=col(colour), width=lw, joint="curve")
        draw.line([(x, y), (x + s * 0.45, y - s * 0.05), (x + s, y - s * 0.4)],
                  fill=col(colour), width=lw, joint="curve")


# ---------------------------------------------------------------- scenes

def scene_horizon(rng, size, mood="dawn", water=False, nbirds=0, tree=False):
    w, h = size
    top, bottom, sun, layers = MOODS[mood]
    img = vgradient(size, top, bottom)
    horizon = h * rng.uniform(0.5, 0.62)
    glow(img, w * rng.uniform(0.25, 0.75), horizon - h * 0.08, h * 0.5,
         sun, 120)
    d = ImageDraw.Draw(img)
    sx, sy, sr = w * rng.uniform(0.3, 0.7), horizon - h * rng.uniform(0.05, 0.2), h * 0.08
    d.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=col(sun))
    use = layers[:3] if water else layers
    hills(d, rng, w, h, use, horizon - h * 0.1, horizon + h * (0.05 if water else 0.35), h * 0.05)
    if water:
        d.rectangle([0, horizon + h * 0.08, w, h], fill=mix(top, layers[-1], 0.55))
        for i in range(14):
            y = horizon + h * 0.1 + i * h * 0.025
            x = sx + rng.uniform(-0.05, 0.05) * w
            half = sr * rng.uniform(0.4, 1.2) * (1 - i / 20)
            d.rectangle([x - half, y, x + half, y + h * 0.006], fill=mix(sun, top, 0.35))
    if tree:
        tx, ty = w * rng.choice([0.2, 0.78]), h * 0.95
        d.rectangle([tx - w * 0.006, ty - h * 0.35, tx + w * 0.006, ty], fill=col("ink"))
        for _ in range(9):
            cx = tx + rng.uniform(-0.07, 0.07) * w
            cy = ty - h * rng.uniform(0.33, 0.52)
            r = h * rng.uniform(0.06, 0.1)
            d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col(rng.choice(["moss", "sage", "rose"])))
    if nbirds:
        birds(d, rng, w, h, nbirds, "ink" if mood != "night" else "cream")
    return img


def scene_city(rng, size, mood="dusk", night=False):
    w, h = size
    top, bottom, sun, layers = MOODS["night" if night else mood]
    img = vgradient(size, top, bottom)
    if night:
        mx, my, mr = w * rng.uniform(0.6, 0.85), h * 0.2, h * 0.06
        glow(img, mx, my, h * 0.3, "mist", 70)
    else:
        glow(img, w * 0.5, h * 0.7, h * 0.7, sun, 150)
    d = ImageDraw.Draw(img)
    if night:
        d.ellipse([mx - mr, my - mr, mx + mr, my + mr], fill=col("cream"))
    rows = [(0.55, layers[0]), (0.68, layers[1]), (0.8, layers[-1])]
    for r, (frac, name) in enumerate(rows):
        x = -rng.uniform(0, 40) * SS
        while x < w:
            bw = rng.uniform(0.04, 0.1) * w
            bh = rng.uniform(0.1, 0.3) * h * (1.2 - r * 0.2)
            y = h * frac - bh
            d.rectangle([x, y, x + bw, h], fill=col(name))
            if rng.random() < 0.25:
                d.polygon([(x, y), (x + bw / 2, y - bh * 0.15), (x + bw, y)], fill=col(name))
            if rng.random() < 0.2:
                d.rectangle([x + bw * 0.3, y - h * 0.05, x + bw * 0.36, y], fill=col(name))
            if r >= 1:
                lit = "ochre" if night else mix(name, "cream", 0.25)
                ww, wh = bw / 9, h * 0.022
                for wy in range(int(y + wh), int(h * frac + h * 0.1), int(wh * 2.2)):
                    for k in range(4):
                        if rng.random() < (0.35 if night else 0.5):
                            wx = x + bw * (0.12 + k * 0.21)
                            d.rectangle([wx, wy, wx + ww, wy + wh], fill=col(lit) if night else lit)
            x += bw + rng.uniform(0, 0.02) * w
    d.rectangle([0, h * 0.8, w, h], fill=col(layers[-1]))
    return img


def paper_sheet(w, h, colour, lines, rng, line_colour):
    """One sheet with decorative (unreadable) bars for lines of writing."""
    sheet = Image.new("RGBA", (int(w), int(h)), col(colour, 255))
    d = ImageDraw.Draw(sheet)
    if lines:
        m = w * 0.12
        y = h * 0.14
        step = h * 0.07
        while y < h * 0.86:
            ln = w - 2 * m
            if rng.random() < 0.15:
                ln *= rng.uniform(0.3, 0.7)
            d.rounded_rectangle([m, y, m + ln, y + step * 0.28], radius=step * 0.14,
                                fill=col(line_colour, 140))
            y += step
            if rng.random() < 0.12:
                y += step
    return sheet


def place(base, layer, cx, cy, angle, shadow=True):
    rot = layer.rotate(angle, resample=Image.BICUBIC, expand=True)
    x, y = int(cx - rot.width / 2), int(cy - rot.height / 2)
    if shadow:
        sh = Image.new("RGBA", rot.size, (0, 0, 0, 0))
        sh.putalpha(rot.getchannel("A").point(lambda v: v * 45 // 255))
        sh = sh.filter(ImageFilter.GaussianBlur(6 * SS))
        base.alpha_composite(sh, (x + 5 * SS, y + 7 * SS))
    base.alpha_composite(rot, (x, y))


def envelope(w, h, colour, flap):
    env = Image.new("RGBA", (int(w), int(h)), col(colour, 255))
    d = ImageDraw.Draw(env)
    d.polygon([(0, 0), (w / 2, h * 0.58), (w, 0)], fill=col(flap, 255))
    d.line([(0, h), (w * 0.42, h * 0.5)], fill=col(flap, 255), width=2 * SS)
    d.line([(w, h), (w * 0.58, h * 0.5)], fill=col(flap, 255), width=2 * SS)
    sw = w * 0.13
    d.rectangle([w - sw * 1.3, h * 0.62, w - sw * 0.3, h * 0.62 + sw * 1.2], fill=col("clay", 255))
    return env


def scene_letters(rng, size, surface="slate", count=3, envelopes=1, many=False, aged=False):
    w, h = size
    base = vgradient(size, surface, mix(surface, "ink", 0.35)).convert("RGBA")
    glow_rgb = base.convert("RGB")
    glow(glow_rgb, w * 0.3, h * 0.2, h * 0.9, "sand", 60)
    base = glow_rgb.convert("RGBA")
    papers = ["paper", "cream", "sand"] if not aged else ["sand", "cream", "ochre"]
    n = count * (4 if many else 1)
    for i in range(n):
        scale = 0.32 if many else 0.55
        sh = h * scale * rng.uniform(0.9, 1.1)
        sw = sh * 0.72
        sheet = paper_sheet(sw, sh, rng.choice(papers), True, rng, "dusk")
        cx = w * (rng.uniform(0.1, 0.9) if many else 0.3 + 0.4 * i / max(1, n - 1) + rng.uniform(-0.05, 0.05))
        cy = h * rng.uniform(0.3, 0.7)
        place(base, sheet, cx, cy, rng.uniform(-18, 18))
    for i in range(envelopes):
        ew = w * 0.28
        env = envelope(ew, ew * 0.62, rng.choice(["cream", "sand", "paper"]), "sand" if not aged else "ochre")
        place(base, env, w * rng.uniform(0.55, 0.8), h * rng.uniform(0.55, 0.75), rng.uniform(-12, 12))
    if not many:
        # a pen
        layer = Image.new("RGBA", (int(w * 0.32), int(h * 0.025)), col("ink", 255))
        place(base, layer, w * 0.78, h * 0.25, rng.uniform(20, 40))
    return base.convert("RGB")


def scene_door(rng, size, mood="dusk", open_=True):
    w, h = size
    wall = rng.choice(["clay", "plum", "slate", "rust"])
    img = vgradient(size, mix(wall, "ink", 0.1), mix(wall, "ink", 0.45))
    d = ImageDraw.Draw(img)
    # plaster blocks
    for _ in range(30):
        bx, by = rng.uniform(0, w), rng.uniform(0, h * 0.8)
        bw = rng.uniform(0.05, 0.15) * w
        d.rectangle([bx, by, bx + bw, by + h * 0.04], fill=mix(wall, "ink", rng.uniform(0.05, 0.3)))
    dw, dh = w * 0.2, h * 0.68
    dx, floor = w * rng.uniform(0.38, 0.48), h * 0.82
    d.rectangle([0, floor, w, h], fill=mix(wall, "ink", 0.6))
    d.rectangle([dx - w * 0.015, floor - dh - h * 0.03, dx + dw + w * 0.015, floor], fill=col("ink"))
    light = col("cream") if open_ else col("night")
    d.rectangle([dx, floor - dh, dx + dw, floor], fill=mix("ochre", "cream", 0.6) if open_ else col("night"))
    if open_:
        # the light on the floor, and the open leaf
        d.polygon([(dx, floor), (dx + dw, floor), (dx + dw * 1.9, h), (dx - dw * 0.5, h)],
                  fill=mix("ochre", mix(wall, "ink", 0.6), 0.45))
        d.polygon([(dx, floor - dh), (dx + dw * 0.35, floor - dh * 0.94), (dx + dw * 0.35, floor + h * 0.03), (dx, floor)],
                  fill=mix(wall, "ink", 0.75))
        # a horizon seen through the door
        sky = vgradient((int(dw), int(dh)), "mist", "cream")
        sd = ImageDraw.Draw(sky)
        hills(sd, rng, dw, dh, ["sage", "moss"], dh * 0.55, dh * 0.8, dh * 0.03)
        img.paste(sky.crop((int(dw * 0.35), 0, int(dw), int(dh))), (int(dx + dw * 0.35), int(floor - dh)))
    else:
        d.rectangle([dx, floor - dh, dx + dw, floor], fill=mix(wall, "ink", 0.75))
        d.rectangle([dx, floor - h * 0.012, dx + dw, floor], fill=col("ochre"))
        d.polygon([(dx, floor), (dx + dw, floor), (dx + dw * 1.3, h), (dx - dw * 0.3, h)],
                  fill=mix("ochre", mix(wall, "ink", 0.6), 0.25))
        d.ellipse([dx + dw * 0.8, floor - dh * 0.5, dx + dw * 0.88, floor - dh * 0.46], fill=col("ochre"))
    # a window high on the wall
    if rng.random() < 0.7:
        wx = rng.choice([w * 0.12, w * 0.75])
        d.rectangle([wx, h * 0.18, wx + w * 0.1, h * 0.36], fill=col("ink"))
        d.rectangle([wx + w * 0.01, h * 0.2, wx + w * 0.09, h * 0.34], fill=col("mist") if mood != "night" else col("dusk"))
        d.line([(wx + w * 0.05, h * 0.2), (wx + w * 0.05, h * 0.34)], fill=col("ink"), width=3 * SS)
    return img


def scene_fence(rng, size, mood="haze", gate=False, tower=False, buildings=False):
    w, h = size
    img = scene_horizon(rng, size, mood)
    d = ImageDraw.Draw(img)
    ground = h * 0.78
    if buildings:
        x = w * 0.05
        while x < w * 0.95:
            bw = rng.uniform(0.08, 0.16) * w
            bh = rng.uniform(0.06, 0.12) * h
            d.rectangle([x, ground - bh, x + bw, ground], fill=col("slate"))
            d.polygon([(x - w * 0.005, ground - bh), (x + bw / 2, ground - bh - h * 0.03), (x + bw + w * 0.005, ground - bh)], fill=col("ink"))
            x += bw + rng.uniform(0.01, 0.04) * w
    if tower:
        tx = w * rng.uniform(0.65, 0.85)
        d.polygon([(tx - w * 0.03, ground), (tx - w * 0.015, ground - h * 0.42), (tx + w * 0.015, ground - h * 0.42), (tx + w * 0.03, ground)], fill=col("ink"))
        d.rectangle([tx - w * 0.04, ground - h * 0.5, tx + w * 0.04, ground - h * 0.42], fill=col("ink"))
        d.polygon([(tx - w * 0.05, ground - h * 0.5), (tx, ground - h * 0.56), (tx + w * 0.05, ground - h * 0.5)], fill=col("ink"))
    d.rectangle([0, ground, w, h], fill=mix("ink", "rust", 0.2))
    posts = 14
    gx0, gx1 = w * 0.4, w * 0.58
    for i in range(posts + 1):
        x = w * i / posts
        if gate and gx0 < x < gx1:
            continue
        d.rectangle([x - w * 0.004, ground - h * 0.3, x + w * 0.004, ground + h * 0.02], fill=col("ink"))
        d.line([(x - w * 0.012, ground - h * 0.34), (x, ground - h * 0.3), (x + w * 0.012, ground - h * 0.34)], fill=col("ink"), width=2 * SS)
    for k in range(6):
        y = ground - h * 0.28 + k * h * 0.05
        if gate:
            d.line([(0, y), (gx0, y)], fill=col("ink"), width=SS)
            d.line([(gx1, y), (w, y)], fill=col("ink"), width=SS)
        else:
            d.line([(0, y), (w, y)], fill=col("ink"), width=SS)
    if gate:
        for x in (gx0, gx1):
            d.rectangle([x - w * 0.008, ground - h * 0.38, x + w * 0.008, ground + h * 0.02], fill=col("ink"))
        d.rectangle([gx0, ground - h * 0.3, gx1, ground - h * 0.28], fill=col("ink"))
        d.rectangle([gx0, ground - h * 0.04, gx1, ground - h * 0.02], fill=col("ink"))
        bars = 9
        for i in range(1, bars):
            x = gx0 + (gx1 - gx0) * i / bars
            d.rectangle([x - w * 0.002, ground - h * 0.3, x + w * 0.002, ground - h * 0.02], fill=col("ink"))
        d.rectangle([(gx0 + gx1) / 2 - w * 0.01, ground - h * 0.17, (gx0 + gx1) / 2 + w * 0.01, ground - h * 0.13], fill=col("ochre"))
    return img


def scene_geometric(rng, size, scheme=None):
    w, h = size
    scheme = scheme or rng.choice([["cream", "sand", "clay", "slate", "sage"],
                                   ["paper", "mist", "blue", "plum", "ochre"],
                                   ["cream", "rose", "plum", "ink", "ochre"]])
    img = vgradient(size, scheme[0], scheme[1]).convert("RGBA")
    for _ in range(16):
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        d = ImageDraw.Draw(layer)
        c = col(rng.choice(scheme[2:]), rng.randint(90, 190))
        kind = rng.random()
        x, y = rng.uniform(-0.1, 1.0) * w, rng.uniform(-0.1, 1.0) * h
        s = rng.uniform(0.12, 0.4) * h
        if kind < 0.4:
            d.ellipse([x, y, x + s, y + s], fill=c)
        elif kind < 0.7:
            d.polygon([(x, y + s), (x + s / 2, y), (x + s, y + s)], fill=c)
        elif kind < 0.9:
            d.rectangle([x, y, x + s * rng.uniform(0.5, 2), y + s * rng.uniform(0.2, 0.6)], fill=c)
        else:
            d.arc([x, y, x + s * 2, y + s * 2], rng.uniform(0, 180), rng.uniform(200, 360), fill=c, width=int(s * 0.08))
        img.alpha_composite(layer)
    return img.convert("RGB")


def scene_window(rng, size, mood="day", panes=2, curtain=True):
    w, h = size
    inside = rng.choice(["cream", "sand", "rose"])
    img = vgradient(size, inside, mix(inside, "ink", 0.3))
    view_w, view_h = w * 0.46, h * 0.62
    vx, vy = (w - view_w) / 2 + w * rng.uniform(-0.1, 0.1), h * 0.12
    view = scene_horizon(rng, (int(view_w), int(view_h)), mood, nbirds=3)
    d = ImageDraw.Draw(img)
    d.rectangle([vx - w * 0.02, vy - w * 0.02, vx + view_w + w * 0.02, vy + view_h + w * 0.02], fill=col("paper"))
    img.paste(view, (int(vx), int(vy)))
    for i in range(1, panes):
        x = vx + view_w * i / panes
        d.rectangle([x - w * 0.006, vy, x + w * 0.006, vy + view_h], fill=col("paper"))
    d.rectangle([vx, vy + view_h * 0.45 - w * 0.005, vx + view_w, vy + view_h * 0.45 + w * 0.005], fill=col("paper"))
    # the sill, with a cup and a plant
    sill = vy + view_h + w * 0.02
    d.rectangle([vx - w * 0.05, sill, vx + view_w + w * 0.05, sill + h * 0.04], fill=col("paper"))
    cx = vx + view_w * rng.uniform(0.15, 0.35)
    d.rectangle([cx, sill - h * 0.07, cx + w * 0.035, sill], fill=col("clay"))
    d.ellipse([cx + w * 0.03, sill - h * 0.06, cx + w * 0.05, sill - h * 0.03], outline=col("clay"), width=3 * SS)
    px = vx + view_w * rng.uniform(0.65, 0.85)
    d.polygon([(px, sill - h * 0.06), (px + w * 0.05, sill - h * 0.06), (px + w * 0.04, sill), (px + w * 0.01, sill)], fill=col("rust"))
    for k in range(7):
        a = math.pi * (0.15 + 0.7 * k / 6)
        d.line([(px + w * 0.025, sill - h * 0.06), (px + w * 0.025 - math.cos(a) * w * 0.05, sill - h * 0.06 - math.sin(a) * h * 0.14)], fill=col("moss"), width=5 * SS)
    if curtain:
        for side in (0, 1):
            x0 = vx - w * 0.09 if side == 0 else vx + view_w - w * 0.02
            c = col(rng.choice(["plum", "rust", "slate", "sage"]))
            d.polygon([(x0, 0), (x0 + w * 0.11, 0), (x0 + w * (0.06 if side == 0 else 0.05), sill), (x0 + w * 0.02, sill)], fill=c)
    return img


def scene_road(rng, size, mood="dawn", fork=False, poles=True):
    w, h = size
    img = scene_horizon(rng, size, mood, nbirds=rng.randint(0, 4))
    d = ImageDraw.Draw(img)
    hz = h * 0.62
    d.rectangle([0, hz, w, h], fill=mix("sage", "moss", 0.5) if mood != "haze" else col("sand"))
    for k in range(5):
        y = hz + (h - hz) * (k / 5) ** 1.5
        d.rectangle([0, y, w, y + h * 0.01], fill=mix("moss", "ink", 0.2 + k * 0.05))
    vx = w * rng.uniform(0.45, 0.55)
    road = col("slate")
    d.polygon([(vx - w * 0.01, hz), (vx + w * 0.01, hz), (w * 0.8, h), (w * 0.2, h)], fill=road)
    if fork:
        fx, fy = (vx + w * 0.5) / 2, hz + (h - hz) * 0.35
        d.polygon([(fx, fy), (w * 0.95, hz + (h - hz) * 0.1), (w, hz + (h - hz) * 0.16), (fx + w * 0.06, fy + h * 0.04)], fill=road)
    for k in range(9):
        t0, t1 = (k / 9) ** 2, ((k + 0.45) / 9) ** 2
        y0, y1 = hz + (h - hz) * t0, hz + (h - hz) * t1
        x0, x1 = vx + (w * 0.5 - vx) * t0, vx + (w * 0.5 - vx) * t1
        d.polygon([(x0 - w * 0.002 * (1 + 6 * t0), y0), (x0 + w * 0.002 * (1 + 6 * t0), y0), (x1 + w * 0.002 * (1 + 6 * t1), y1), (x1 - w * 0.002 * (1 + 6 * t1), y1)], fill=col("cream"))
    if poles:
        for k in range(6):
            t = ((k + 1) / 6) ** 2
            x = vx + (w * 0.93 - vx) * t
            y = hz + (h - hz) * t
            ph = h * 0.5 * t + h * 0.02
            d.rectangle([x - w * 0.002 * (1 + 3 * t), y - ph, x + w * 0.002 * (1 + 3 * t), y], fill=col("ink"))
            d.rectangle([x - w * 0.02 * t - 2, y - ph, x + w * 0.02 * t + 2, y - ph + h * 0.005 * (1 + 2 * t)], fill=col("ink"))
    return img


def scene_lanterns(rng, size, crowd=False):
    w, h = size
    img = vgradient(size, "night", "plum")
    lights = []
    for _ in range(26 if not crowd else 14):
        x = rng.uniform(0.05, 0.95) * w
        y = rng.uniform(0.45, 0.9) * h
        r = rng.uniform(0.006, 0.014) * w * (0.6 + y / h)
        lights.append((x, y, r))
    for x, y, r in lights:
        glow(img, x, y, r * 7, "ochre", 190)
    d = ImageDraw.Draw(img)
    if crowd:
        people(d, rng, w, h, h * 0.98, 16, "night", scale=1.3)
    for x, y, r in lights:
        d.rectangle([x - r * 0.55, y - r * 0.3, x + r * 0.55, y + r * 1.6], fill=col("cream"))
        d.ellipse([x - r * 0.3, y - r * 1.3, x + r * 0.3, y - r * 0.1], fill=col("ochre"))
    return img


def people(d, rng, w, h, ground, count, colour, scale=1.0, x0=0.02, x1=0.98):
    gap = (x1 - x0) / count
    for i in range(count):
        x = (x0 + gap * (i + 0.5) + rng.uniform(-0.3, 0.3) * gap) * w
        s = h * rng.uniform(0.2, 0.3) * scale
        head = s * 0.13
        top = ground - s
        d.ellipse([x - head, top, x + head, top + head * 2], fill=col(colour))
        d.rounded_rectangle([x - s * 0.17, top + head * 2.2, x + s * 0.17, ground], radius=s * 0.12, fill=col(colour))
        if rng.random() < 0.3:
            d.rectangle([x + s * 0.12, ground - s * 0.45, x + s * 0.3, ground - s * 0.25], fill=col(colour))


def scene_queue(rng, size, mood="haze", play=False):
    w, h = size
    img = scene_fence(rng, size, mood, gate=True)
    d = ImageDraw.Draw(img)
    people(d, rng, w, h, h * 0.95, 11, "ink", scale=1.2, x0=0.05, x1=0.4)
    people(d, rng, w, h, h * 0.98, 6, "ink", scale=1.35, x0=0.62, x1=0.95)
    if play:
        cx, cy, r = w / 2, h / 2, h * 0.1
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col("cream"))
        d.polygon([(cx - r * 0.35, cy - r * 0.5), (cx - r * 0.35, cy + r * 0.5), (cx + r * 0.55, cy)], fill=col("ink"))
    return img


def scene_table(rng, size, cloth=None):
    w, h = size
    cloth = cloth or rng.choice(["clay", "sage", "blue", "rose"])
    img = Image.new("RGB", size, col(cloth))
    d = ImageDraw.Draw(img)
    # a woven cloth pattern, seen from above
    step = int(h * 0.09)
    for y in range(0, h, step):
        d.rectangle([0, y, w, y + step * 0.18], fill=mix(cloth, "cream", 0.25))
    for x in range(0, w, step):
        d.rectangle([x, 0, x + step * 0.18, h], fill=mix(cloth, "ink", 0.12))
    base = img.convert("RGBA")
    sheet = paper_sheet(h * 0.4, h * 0.55, "paper", True, rng, "dusk")
    place(base, sheet, w * rng.uniform(0.6, 0.75), h * 0.45, rng.uniform(-15, 15))
    d = ImageDraw.Draw(base)
    for _ in range(rng.randint(3, 5)):
        cx, cy = rng.uniform(0.1, 0.5) * w, rng.uniform(0.2, 0.8) * h
        r = rng.uniform(0.06, 0.11) * h
        d.ellipse([cx - r * 1.35, cy - r * 1.35, cx + r * 1.35, cy + r * 1.35], fill=col("paper"))
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col(rng.choice(["rust", "ochre", "plum", "moss"])))
        d.ellipse([cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7], fill=col(rng.choice(["ink", "clay", "sand"])))
    # a tea glass and saucer
    gx, gy, r = w * 0.86, h * 0.78, h * 0.07
    d.ellipse([gx - r * 1.5, gy - r * 1.5, gx + r * 1.5, gy + r * 1.5], fill=col("cream"))
    d.ellipse([gx - r, gy - r, gx + r, gy + r], fill=col("rust"))
    d.ellipse([gx - r * 0.8, gy - r * 0.8, gx + r * 0.8, gy + r * 0.8], fill=mix("rust", "ochre", 0.5))
    return base.convert("RGB")


def scene_bus(rng, size, mood="day"):
    w, h = size
    img = scene_horizon(rng, size, mood)
    d = ImageDraw.Draw(img)
    ground = h * 0.8
    d.rectangle([0, ground, w, h], fill=col("slate"))
    d.rectangle([0, ground, w, ground + h * 0.015], fill=col("sand"))
    # shelter
    sx0, sx1 = w * 0.08, w * 0.42
    d.rectangle([sx0, ground - h * 0.42, sx1, ground - h * 0.39], fill=col("ink"))
    for x in (sx0 + w * 0.01, sx1 - w * 0.01):
        d.rectangle([x - w * 0.004, ground - h * 0.4, x + w * 0.004, ground], fill=col("ink"))
    d.rectangle([sx0 + w * 0.03, ground - h * 0.12, sx1 - w * 0.03, ground - h * 0.1], fill=col("ink"))
    people(d, rng, w, h, ground, 3, "ink", scale=1.1, x0=0.12, x1=0.38)
    # the bus
    bx0, bx1 = w * 0.5, w * 0.97
    d.rounded_rectangle([bx0, ground - h * 0.34, bx1, ground - h * 0.04], radius=h * 0.03, fill=col("clay"))
    for k in range(6):
        x = bx0 + w * 0.02 + k * (bx1 - bx0 - w * 0.04) / 6
        d.rectangle([x, ground - h * 0.3, x + (bx1 - bx0) / 6 - w * 0.015, ground - h * 0.18], fill=col("mist"))
    d.rectangle([bx0, ground - h * 0.12, bx1, ground - h * 0.1], fill=col("cream"))
    for x in (bx0 + w * 0.08, bx1 - w * 0.08):
        d.ellipse([x - h * 0.05, ground - h * 0.09, x + h * 0.05, ground + h * 0.01], fill=col("ink"))
    people(d, rng, w, h, h * 0.99, 2, "ink", scale=1.5, x0=0.44, x1=0.5)
    return img


def scene_stack(rng, size, scheme=("cream", "sand")):
    w, h = size
    img = vgradient(size, scheme[0], scheme[1]).convert("RGBA")
    covers = ["slate", "clay", "sage", "plum", "ochre", "blue", "rust", "rose"]
    rng.shuffle(covers)
    n = rng.randint(5, 8)
    for i in range(n):
        bw, bh = h * 0.5, h * 0.68
        c = covers[i % len(covers)]
        book = Image.new("RGBA", (int(bw), int(bh)), col(c, 255))
        bd = ImageDraw.Draw(book)
        bd.rectangle([0, 0, bw * 0.06, bh], fill=col(mix(c, "ink", 0.3), 255))
        for k in range(rng.randint(1, 3)):
            y = bh * rng.uniform(0.15, 0.8)
            bd.rectangle([bw * 0.18, y, bw * rng.uniform(0.5, 0.85), y + bh * 0.03], fill=col("paper", 200))
        r = bw * rng.uniform(0.12, 0.22)
        cx, cy = bw * rng.uniform(0.35, 0.7), bh * rng.uniform(0.35, 0.65)
        bd.ellipse([cx - r, cy - r, cx + r, cy + r], fill=col(mix(c, "paper", 0.4), 255))
        place(img, book, w * (0.15 + 0.7 * i / max(1, n - 1)) + rng.uniform(-20, 20) * SS,
              h * rng.uniform(0.42, 0.58), rng.uniform(-14, 14))
    return img.convert("RGB")


def scene_map(rng, size):
    w, h = size
    img = Image.new("RGB", size, col("cream"))
    d = ImageDraw.Draw(img)
    # regions from a coarse grid of jittered points
    cells = []
    for gy in range(6):
        for gx in range(10):
            cells.append(((gx + rng.uniform(0.1, 0.9)) * w / 10, (gy + rng.uniform(0.1, 0.9)) * h / 6,
                          rng.choice(["sand", "sage", "cream", "rose", "mist"])))
    small = (w // 8, h // 8)
    reg = Image.new("RGB", small)
    px = reg.load()
    for y in range(small[1]):
        for x in range(small[0]):
            fx, fy = x * 8, y * 8
            best = min(cells, key=lambda c: (c[0] - fx) ** 2 + (c[1] - fy) ** 2)
            px[x, y] = col(best[2])
    img = reg.resize(size, Image.BICUBIC)
    d = ImageDraw.Draw(img)
    # a river and a dotted route between pins
    pts = ridge(rng, w, h * 0.3, h * 0.12)
    d.line(pts, fill=col("blue"), width=7 * SS, joint="curve")
    pins = [(rng.uniform(0.1, 0.3) * w, rng.uniform(0.55, 0.85) * h),
            (rng.uniform(0.4, 0.6) * w, rng.uniform(0.45, 0.75) * h),
            (rng.uniform(0.7, 0.9) * w, rng.uniform(0.4, 0.7) * h)]
    for (x0, y0), (x1, y1) in zip(pins, pins[1:]):
        n = 24
        for k in range(n):
            if k % 2:
                continue
            t0, t1 = k / n, (k + 1) / n
            bend = math.sin(t0 * math.pi) * h * 0.06
            bend1 = math.sin(t1 * math.pi) * h * 0.06
            d.line([(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0 - bend), (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1 - bend1)], fill=col("rust"), width=5 * SS)
    for x, y in pins:
        r = h * 0.035
        d.polygon([(x - r * 0.8, y - r * 1.3), (x + r * 0.8, y - r * 1.3), (x, y)], fill=col("ink"))
        d.ellipse([x - r, y - r * 2.4, x + r, y - r * 0.4], fill=col("ink"))
        d.ellipse([x - r * 0.4, y - r * 1.8, x + r * 0.4, y - r], fill=col("cream"))
    # grid lines
    for k in range(1, 8):
        d.line([(w * k / 8, 0), (w * k / 8, h)], fill=mix("cream", "dusk", 0.25), width=SS)
    for k in range(1, 5):
        d.line([(0, h * k / 5), (w, h * k / 5)], fill=mix("cream", "dusk", 0.25), width=SS)
    return img


def scene_bars(rng, size):
    w, h = size
    img = vgradient(size, "paper", "sand")
    d = ImageDraw.Draw(img)
    n = 8
    base = h * 0.82
    v = rng.uniform(0.2, 0.35)
    for i in range(n):
        v = min(0.9, max(0.12, v + rng.uniform(-0.05, 0.15)))
        x = w * (0.1 + 0.8 * i / n)
        bw = w * 0.8 / n * 0.62
        d.rectangle([x, base - h * 0.65 * v, x + bw, base], fill=col(["slate", "clay", "sage", "ochre"][i % 4]))
    d.rectangle([w * 0.08, base, w * 0.92, base + h * 0.008], fill=col("ink"))
    pts = [(w * (0.1 + 0.8 * i / n) + w * 0.03, h * (0.55 - 0.4 * math.sqrt(i / n)) + rng.uniform(-0.03, 0.03) * h) for i in range(n)]
    d.line(pts, fill=col("plum"), width=4 * SS, joint="curve")
    for x, y in pts:
        d.ellipse([x - 7 * SS, y - 7 * SS, x + 7 * SS, y + 7 * SS], fill=col("plum"))
    return img


def scene_barracks(rng, size):
    """Rows of low roofs seen from above, with paths between them."""
    w, h = size
    img = Image.new("RGB", size, col("sand"))
    d = ImageDraw.Draw(img)
    for _ in range(200):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(2, 6) * SS
        d.ellipse([x - r, y - r, x + r, y + r], fill=mix("sand", "clay", rng.uniform(0.1, 0.35)))
    rows, cols = 4, 7
    for ry in range(rows):
        for cx in range(cols):
            x = w * (0.06 + cx * 0.13)
            y = h * (0.08 + ry * 0.23)
            bw, bh = w * 0.1, h * 0.13
            d.rectangle([x + 6 * SS, y + 8 * SS, x + bw + 6 * SS, y + bh + 8 * SS], fill=mix("sand", "ink", 0.3))
            roof = rng.choice(["mist", "cream", "dusk", "blue"])
            d.rectangle([x, y, x + bw, y + bh / 2], fill=col(roof))
            d.rectangle([x, y + bh / 2, x + bw, y + bh], fill=mix(roof, "ink", 0.2))
    d.rectangle([w * 0.02, h * 0.02, w * 0.98, h * 0.98], outline=col("ink"), width=4 * SS)
    return img


def scene_columns(rng, size, mood="day"):
    w, h = size
    top, bottom, sun, _ = MOODS[mood]
    img = vgradient(size, top, bottom)
    d = ImageDraw.Draw(img)
    stone = col("cream")
    shade = mix("cream", "dusk", 0.35)
    x0, x1 = w * 0.12, w * 0.88
    d.polygon([(x0 - w * 0.03, h * 0.3), (w / 2, h * 0.1), (x1 + w * 0.03, h * 0.3)], fill=stone)
    d.polygon([(x0 + w * 0.04, h * 0.28), (w / 2, h * 0.15), (x1 - w * 0.04, h * 0.28)], fill=shade)
    d.rectangle([x0 - w * 0.03, h * 0.3, x1 + w * 0.03, h * 0.35], fill=stone)
    n = 6
    for i in range(n):
        x = x0 + (x1 - x0) * (i + 0.5) / n
        d.rectangle([x - w * 0.025, h * 0.35, x + w * 0.025, h * 0.75], fill=stone)
        d.rectangle([x + w * 0.008, h * 0.35, x + w * 0.025, h * 0.75], fill=shade)
        if i < n - 1:
            xm = x0 + (x1 - x0) * (i + 1) / n
            d.rectangle([xm - w * 0.035, h * 0.4, xm + w * 0.035, h * 0.75], fill=mix("dusk", "ink", 0.3))
    for k in range(4):
        d.rectangle([x0 - w * 0.03 - k * w * 0.02, h * (0.75 + k * 0.06), x1 + w * 0.03 + k * w * 0.02, h * (0.81 + k * 0.06)],
                    fill=stone if k % 2 == 0 else shade)
    people(d, rng, w, h, h * 0.99, 4, "ink", scale=0.9, x0=0.3, x1=0.7)
    return img


# ---------------------------------------------------------------- the list

F, I = FEATURED, INLINE

IMAGES = [
    # featured images (1200x675)
    ("open-door", F, scene_door, dict(mood="dusk", open_=True)),
    ("closed-door-light", F, scene_door, dict(mood="night", open_=False)),
    ("kitchen-window", F, scene_window, dict(mood="dawn", panes=2)),
    ("camp-fence-dusk", F, scene_fence, dict(mood="dusk", tower=True)),
    ("desk-with-letter", F, scene_letters, dict(surface="slate", count=1, envelopes=1)),
    ("city-winter-night", F, scene_city, dict(night=True)),
    ("partner-digest", F, scene_geometric, dict(scheme=["paper", "mist", "blue", "plum", "ochre"])),
    ("newsletter-stack", F, scene_stack, dict(scheme=("cream", "sand"))),
    ("locked-gate", F, scene_fence, dict(mood="haze", gate=True)),
    ("envelopes-lockdown", F, scene_letters, dict(surface="plum", count=2, envelopes=3)),
    ("road-at-dawn", F, scene_road, dict(mood="dawn")),
    ("relocation-map", F, scene_map, dict()),
    ("many-signatures", F, scene_letters, dict(surface="rust", count=5, envelopes=0, many=True)),
    ("vigil-lanterns", F, scene_lanterns, dict(crowd=False)),
    ("brief-cover", F, scene_geometric, dict(scheme=["cream", "sand", "clay", "slate", "sage"])),
    ("old-letter", F, scene_letters, dict(surface="moss", count=1, envelopes=1, aged=True)),
    ("queue-video-still", F, scene_queue, dict(mood="haze", play=True)),
    ("crossroads", F, scene_road, dict(mood="day", fork=True)),
    ("ministry-steps", F, scene_columns, dict(mood="day")),
    ("two-windows", F, scene_window, dict(mood="dusk", panes=3, curtain=True)),
    ("archive-boxes", F, scene_stack, dict(scheme=("mist", "dusk"))),
    ("kitchen-table", F, scene_table, dict(cloth="clay")),
    ("new-city-morning", F, scene_city, dict(mood="dawn")),
    ("letters-to-families", F, scene_letters, dict(surface="blue", count=2, envelopes=2)),
    ("velmora-compound", F, scene_fence, dict(mood="haze", buildings=True, tower=True)),
    ("legal-papers", F, scene_letters, dict(surface="ink", count=3, envelopes=0)),
    ("spring-tree", F, scene_horizon, dict(mood="spring", tree=True, nbirds=5)),
    ("lake-evening", F, scene_horizon, dict(mood="dusk", water=True, nbirds=3)),
    ("report-bars", F, scene_bars, dict()),
    ("petition-papers", F, scene_letters, dict(surface="slate", count=4, envelopes=0, many=True)),
    ("birds-over-hills", F, scene_horizon, dict(mood="dawn", nbirds=9)),
    ("seven-years-sunrise", F, scene_horizon, dict(mood="haze", water=True, nbirds=6)),
    ("site-tour", F, scene_geometric, dict(scheme=["cream", "rose", "plum", "ink", "ochre"])),
    # inline images (800x533)
    ("camp-lisk-from-above", I, scene_barracks, dict()),
    ("watchtower-evening", I, scene_fence, dict(mood="dusk", tower=True)),
    ("bus-window-view", I, scene_horizon, dict(mood="day", nbirds=2)),
    ("vigil-candles", I, scene_lanterns, dict(crowd=False)),
    ("vigil-crowd", I, scene_lanterns, dict(crowd=True)),
    ("kitchen-halvan", I, scene_table, dict(cloth="sage")),
    ("kitchen-bereth", I, scene_window, dict(mood="spring", panes=2)),
    ("kitchen-estrel", I, scene_table, dict(cloth="blue")),
    ("compound-wall", I, scene_fence, dict(mood="haze", gate=True)),
    ("compound-rooftops", I, scene_barracks, dict()),
    ("compound-night", I, scene_city, dict(night=True)),
    ("bus-arrival", I, scene_bus, dict(mood="day")),
    ("spring-table", I, scene_table, dict(cloth="rose")),
    ("stamped-papers", I, scene_letters, dict(surface="clay", count=2, envelopes=1)),
]


def seed_for(name):
    return int.from_bytes(hashlib.sha256(name.encode("ascii")).digest()[:8], "big")


def render(name, size, fn, kwargs):
    rng = random.Random(seed_for(name))
    big = (size[0] * SS, size[1] * SS)
    img = fn(rng, big, **kwargs)
    img = img.convert("RGB").resize(size, Image.LANCZOS)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=QUALITY, progressive=True, optimize=True,
             subsampling="4:2:0")
    return out.getvalue()


def main(argv):
    want = set(argv[1:])
    names = [n for n, *_ in IMAGES]
    unknown = want - set(names)
    if unknown:
        sys.exit("make-images: unknown image(s): " + " ".join(sorted(unknown)))
    if len(set(names)) != len(names):
        sys.exit("make-images: duplicate names")
    os.makedirs(OUT, exist_ok=True)
    total = 0
    for name, size, fn, kwargs in IMAGES:
        if want and name not in want:
            continue
        data = render(name, size, fn, kwargs)
        if len(data) > MAX_BYTES:
            sys.exit("make-images: %s is %d bytes (limit %d)" % (name, len(data), MAX_BYTES))
        with open(os.path.join(OUT, name + ".jpg"), "wb") as f:
            f.write(data)
        total += len(data)
        print("%s %d %d %d" % (name, size[0], size[1], len(data)))
    print("total %d bytes" % total, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
