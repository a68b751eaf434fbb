#!/usr/bin/python3
"""make-pdfs.py: writes the demo site's PDFs (demo/images/NAME.pdf): one
page each, a title and a few lines in Helvetica, each under 2 KB, so that
the publications (newsletter issues, Pars Briefs, a book) have files to
download without a binary of any size in the repository.  The bytes
depend only on the text below, so a rerun writes identical files.

Usage: /usr/bin/python3 demo/make-pdfs.py
Prints one line per file: NAME BYTES, the sizes demo/starter.sql's media
rows carry.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "images")
NOTE = "A file of the Gazette demonstration site. Everything in it is fictional."

PDFS = {
    "newsletter-19.pdf": ("Homeward Watch Newsletter No. 19", "October 2023",
                          ["Is the Movement still recruiting?",
                           "Two sisters, two countries",
                           "Our letter to the Minister of the Interior"]),
    "newsletter-27.pdf": ("Homeward Watch Newsletter No. 27", "October 2025",
                          ["Annual report 2024-25",
                           "Reunited at a bus station",
                           "A lawyer on residence papers"]),
    "newsletter-28.pdf": ("Homeward Watch Newsletter No. 28", "November 2026",
                          ["Seven years of Homeward Watch",
                           "The petition for independent access",
                           "Is it too late to write?"]),
    "pars-brief-1.pdf": ("Pars Brief No. 1: Closed Doors, Open Questions",
                         "December 2021",
                         ["What families are told at the gate",
                          "What the law of the host country allows",
                          "Five questions for the authorities"]),
    "pars-brief-2.pdf": ("Pars Brief No. 2: Five Years of Refused Visits",
                         "October 2025",
                         ["Visits asked for and refused, 2020-2025",
                          "Why independent access matters"]),
    "waiting-rooms.pdf": ("Waiting Rooms", "Ilka Dorran, 2022",
                          ["Families of the Ashgrove Movement",
                           "in their own words"]),
}


def escape(text):
    """Escapes a string for a PDF literal string."""
    return (text.replace("\\", "\\\\").replace("(", "\\(")
            .replace(")", "\\)"))


def pdf(title, subtitle, lines):
    """Returns the bytes of a one-page PDF (A4) showing the texts."""
    ops = ["BT", "/F1 22 Tf", "72 760 Td", "(%s) Tj" % escape(title),
           "/F1 14 Tf", "0 -30 Td", "(%s) Tj" % escape(subtitle),
           "/F1 12 Tf"]
    for line in lines:
        ops += ["0 -24 Td", "(- %s) Tj" % escape(line)]
    ops += ["/F1 9 Tf", "0 -48 Td", "(%s) Tj" % escape(NOTE), "ET"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream +
        b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Title (%s) /Producer (Gazette demo/make-pdfs.py) >>" %
        escape(title).encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return bytes(out)


def main():
    for name, (title, subtitle, lines) in sorted(PDFS.items()):
        data = pdf(title, subtitle, lines)
        assert len(data) < 2048, "%s is %d bytes" % (name, len(data))
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print(name, len(data))


if __name__ == "__main__":
    main()
