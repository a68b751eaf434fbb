#!/usr/bin/env python3
"""make.py: writes the sniff corpus (tiny files, each under 4 KB) with
Python's standard library only, so anyone can redraw it.  Run it from this
folder: `python3 make.py`.  tests/unit/test_sniff.c names what each file
must be decided as; test_image.c re-encodes the image polyglots.

The images are built by hand, byte by byte, and decode in libvips:
a baseline JPEG of one 8x8 grey block (one-symbol Huffman tables), PNGs
through zlib, GIFs with a small LZW encoder, and the 1x1 lossless WebP
that feature tests have long used.
"""
import base64
import struct
import zlib


def write(name, data):
    assert len(data) < 4096, name
    with open(name, "wb") as f:
        f.write(data)


def jpeg_segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def jpeg_1x1(extra_segments=b""):
    """A greyscale baseline JPEG, 1x1, one block whose DC and AC are 0."""
    jfif = jpeg_segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0")
    dqt = jpeg_segment(0xDB, b"\x00" + bytes([1] * 64))
    sof = jpeg_segment(0xC0, b"\x08\x00\x01\x00\x01\x01\x01\x11\x00")
    # One code of length 1 in each table: DC category 0, AC end of block.
    dht_dc = jpeg_segment(0xC4, b"\x00" + b"\x01" + b"\x00" * 15 + b"\x00")
    dht_ac = jpeg_segment(0xC4, b"\x10" + b"\x01" + b"\x00" * 15 + b"\x00")
    sos = jpeg_segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    scan = b"\x3f"  # bits 0 (DC 0), 0 (EOB), padded with ones
    return (b"\xff\xd8" + jfif + extra_segments + dqt + sof + dht_dc +
            dht_ac + sos + scan + b"\xff\xd9")


def png_chunk(kind, data):
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width, height, rgb_rows):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rgb_rows)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) +
            png_chunk(b"IDAT", zlib.compress(raw, 9)) +
            png_chunk(b"IEND", b""))


def lzw(pixels, min_code_size):
    """GIF's variable-length LZW, packed into sub-blocks."""
    clear, end = 1 << min_code_size, (1 << min_code_size) + 1
    table = {bytes([i]): i for i in range(clear)}
    next_code, size = end + 1, min_code_size + 1
    bits, nbits, out = 0, 0, bytearray()

    def emit(code):
        nonlocal bits, nbits
        bits |= code << nbits
        nbits += size
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8

    emit(clear)
    w = b""
    for p in pixels:
        wc = w + bytes([p])
        if wc in table:
            w = wc
            continue
        emit(table[w])
        if next_code < 4096:
            table[wc] = next_code
            next_code += 1
            if next_code > (1 << size) and size < 12:
                size += 1
        w = bytes([p])
    if w:
        emit(table[w])
    emit(end)
    if nbits:
        out.append(bits & 0xFF)
    blocks = b"".join(bytes([len(out[i:i + 255])]) + out[i:i + 255]
                      for i in range(0, len(out), 255))
    return bytes([min_code_size]) + blocks + b"\x00"


def gif(width, height):
    """A GIF89a of colour 0 (black) with a two-entry palette."""
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0)
    palette = b"\x00\x00\x00\xff\xff\xff"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return (b"GIF89a" + screen + palette + image +
            lzw([0] * (width * height), 2) + b"\x3b")


def ebml_element(ident, payload):
    assert len(payload) < 127
    return ident + bytes([0x80 | len(payload)]) + payload


def main():
    write("jpeg-1x1.jpg", jpeg_1x1())
    write("png-1x1.png", png(1, 1, [b"\xff\x00\x00"]))
    write("gif-1x1.gif", gif(1, 1))
    write("webp-1x1.webp", base64.b64decode(
        "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="))

    write("minimal.pdf", b"%PDF-1.4\n"
          b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
          b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
          b"trailer << /Root 1 0 R >>\n%%EOF\n")
    # An ftyp box (isom, compatible isom iso2 mp41) and an empty mdat.
    write("minimal.mp4", struct.pack(">I", 28) + b"ftypisom" +
          struct.pack(">I", 512) + b"isomiso2mp41" +
          struct.pack(">I", 8) + b"mdat")
    # An EBML header naming DocType webm, then an empty Segment.
    header = (ebml_element(b"\x42\x86", b"\x01") +       # EBMLVersion
              ebml_element(b"\x42\xf7", b"\x01") +       # EBMLReadVersion
              ebml_element(b"\x42\xf2", b"\x04") +       # EBMLMaxIDLength
              ebml_element(b"\x42\xf3", b"\x08") +       # EBMLMaxSizeLength
              ebml_element(b"\x42\x82", b"webm") +       # DocType
              ebml_element(b"\x42\x87", b"\x02") +       # DocTypeVersion
              ebml_element(b"\x42\x85", b"\x02"))        # DocTypeReadVersion
    write("minimal.webm", ebml_element(b"\x1a\x45\xdf\xa3", header) +
          b"\x18\x53\x80\x67\x80")
    # ID3v2.4 with one TIT2 frame, then an MPEG-1 Layer III frame
    # (128 kbit/s, 44.1 kHz: 417 bytes) of silence.
    tit2 = b"TIT2" + struct.pack(">I", 6) + b"\x00\x00" + b"\x03Test\x00"
    write("minimal.mp3", b"ID3\x04\x00\x00" + struct.pack(">I", len(tit2)) +
          tit2 + b"\xff\xfb\x90\x64" + b"\x00" * 413)
    # MPEG frames alone, no ID3 tag.
    write("frames-only.mp3", (b"\xff\xfb\x90\x64" + b"\x00" * 413) * 3)

    write("page.html", b"<!DOCTYPE html>\n<html><head><title>x</title>"
          b"</head><body><script>alert(1)</script></body></html>\n")
    write("drawing.svg", b'<?xml version="1.0" encoding="UTF-8"?>\n'
          b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
          b'<script>alert(1)</script><rect width="10" height="10"/></svg>\n')
    write("script.sh", b"#!/bin/sh\necho hello\nrm -rf /tmp/x\n")
    write("script.js", b"#!/usr/bin/env node\n"
          b"'use strict';\nconsole.log(document.cookie);\n")
    write("text-named.jpg", b"This is a plain text file that someone "
          b"named .jpg in the hope it would pass.\n")
    write("empty", b"")

    # The classic GIF/JavaScript polyglot: a width of 10799 makes the
    # header's bytes "GIF89a/*", the trailer ';' ends the comment's
    # statement, and the script follows the image.
    poly = gif(10799, 1) + b"*/=alert(document.domain);"
    assert poly[6:8] == b"/*" and b"*/" not in poly[8:-26]
    write("gif-js-polyglot.gif", poly)
    # A PNG with a page appended after IEND, past the first 1024 bytes
    # (noise so the image data is not compressed away).
    rows, seed = [], 1
    for _ in range(24):
        row = bytearray()
        for _ in range(24 * 3):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            row.append(seed >> 16 & 0xFF)
        rows.append(bytes(row))
    write("png-html-appended.png", png(24, 24, rows) +
          b"<html><body><script>alert(document.domain)</script></body>"
          b"</html>\n")
    # HTML in the first bytes that browsers (and old ones without nosniff)
    # look at, behind a valid signature.
    write("png-html-early.png", png(1, 1, [b"\x00\x00\x00"]) +
          b"<html><script>alert(1)</script></html>\n")
    write("pdf-html-head.pdf", b"%PDF-1.4\n<html><body><script>alert(1)"
          b"</script></body></html>\n%%EOF\n")
    write("jpeg-html-comment.jpg", jpeg_1x1(jpeg_segment(
        0xFE, b"<script>alert(document.domain)</script>")))
    # A page first, a PDF after it: libmagic may find the PDF; the
    # signature must be at the start.
    write("html-then-pdf.pdf", b"<html><body><script>alert(1)</script>"
          b"</body></html>\n%PDF-1.4\n%%EOF\n")
    # libmagic finds a PDF behind a few stray bytes too.
    write("junk-then-pdf.pdf", b"xx%PDF-1.4\n%%EOF\n")
    write("bom-html.html", b"\xef\xbb\xbf  <html><body>x</body></html>\n")


if __name__ == "__main__":
    main()
