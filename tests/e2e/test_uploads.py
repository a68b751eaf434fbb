"""test_uploads.py: how nginx serves the uploads folder.  Files of every
accepted kind get their own type, the sandbox CSP and nosniff; PDFs, which
are stored as uploaded, are always downloads (Content-Disposition:
attachment); anything else, HTML and SVG included, is an opaque
application/octet-stream.  The files are put in place by hand, as the
upload pipeline (src/media/) would leave them.

Then a real upload through nginx and the admin: a JPEG carrying EXIF GPS
is sent by a signed-in editor, and the stored file, fetched from nginx,
has no EXIF and no GPS bytes, the right type, nosniff and the sandbox CSP;
files still arriving (/uploads/.incoming/) are never served; a file over
the upload limit is refused (413) with nothing left in the uploads folder;
the library's pages and the editor with its image chooser pass vnu."""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402
from test_admin import PASSWORD, form_field  # noqa: E402

CORPUS = os.path.join(harness.SOURCE, "tests", "unit", "corpus", "sniff")
SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'self'"

# Corpus file, name under uploads/2026/11/, type served, attachment or not.
FILES = (
    ("jpeg-1x1.jpg", "a.jpg", "image/jpeg", False),
    ("png-1x1.png", "a.png", "image/png", False),
    ("webp-1x1.webp", "a.webp", "image/webp", False),
    ("gif-1x1.gif", "a.gif", "image/gif", False),
    ("minimal.pdf", "a.pdf", "application/pdf", True),
    ("minimal.mp4", "a.mp4", "video/mp4", False),
    ("minimal.webm", "a.webm", "video/webm", False),
    ("minimal.mp3", "a.mp3", "audio/mpeg", False),
    ("page.html", "a.html", "application/octet-stream", False),
    ("drawing.svg", "a.svg", "application/octet-stream", False),
    ("script.js", "a.js", "application/octet-stream", False),
)


BOUNDARY = "----gazetteE2EBoundary3xY9"
# GPSLatitude 41/1 19/1 4567/100, as the EXIF below writes it.
GPS_RATIONALS = struct.pack(">6I", 41, 1, 19, 1, 4567, 100)


def exif_gps_jpeg():
    """The corpus's 1x1 JPEG with an APP1 EXIF segment after its SOI: IFD0
    names an artist and points at a GPS IFD with a latitude."""
    with open(os.path.join(CORPUS, "jpeg-1x1.jpg"), "rb") as f:
        jpeg = f.read()
    artist = b"Jane Photographer\0"
    # TIFF header (big-endian), IFD0 at 8: two entries.
    ifd0_at = 8
    gps_at = ifd0_at + 2 + 2 * 12 + 4
    artist_at = gps_at + 2 + 2 * 12 + 4
    lat_at = artist_at + len(artist)
    tiff = b"MM\0*" + struct.pack(">I", ifd0_at)
    tiff += struct.pack(">H", 2)
    tiff += struct.pack(">HHII", 0x013B, 2, len(artist), artist_at)
    tiff += struct.pack(">HHII", 0x8825, 4, 1, gps_at)
    tiff += struct.pack(">I", 0)
    tiff += struct.pack(">H", 2)
    tiff += struct.pack(">HHI", 0x0001, 2, 2) + b"N\0\0\0"
    tiff += struct.pack(">HHII", 0x0002, 5, 3, lat_at)
    tiff += struct.pack(">I", 0)
    tiff += artist + GPS_RATIONALS
    app1 = b"Exif\0\0" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1
    return jpeg[:2] + segment + jpeg[2:]


def multipart(fields, filename, data):
    """A multipart/form-data body: the fields, then the file."""
    out = b""
    for name, value in fields:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n"
                "\r\n%s\r\n" % (BOUNDARY, name, value)).encode()
    out += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; "
            "filename=\"%s\"\r\nContent-Type: application/octet-stream"
            "\r\n\r\n" % (BOUNDARY, filename)).encode()
    return out + data + ("\r\n--%s--\r\n" % BOUNDARY).encode()


def post(site, path, cookie, body, content_type):
    return site.get(path, method="POST", body=body, headers={
        "Content-Type": content_type, "Cookie": cookie,
        "Origin": "http://127.0.0.1:8080"})


def uploaded_files(site):
    """Every file under the uploads folder but the demo's."""
    found = []
    for root, _, names in os.walk(site.uploads):
        if os.path.relpath(root, site.uploads).split(os.sep)[0] == "demo":
            continue
        found += [os.path.join(root, n) for n in names]
    return sorted(found)


def sign_in(site):
    """Makes an editor, signs in through the real form; returns the
    cookie and the dashboard's CSRF token."""
    p = subprocess.run([site.binary, "user", "add", "--db", site.db,
                        "--name", "editor1", "--role", "editor"],
                       input=(PASSWORD + "\n").encode(),
                       capture_output=True, timeout=60)
    check(p.returncode == 0, "user add: %r" % p.stderr)
    r = site.get("/admin/login")
    token = form_field(r.text(), "form_token")
    time.sleep(1.1)  # the form's minimum fill time
    r = post(site, "/admin/login", "", urllib.parse.urlencode(
        {"form_token": token, "name": "editor1",
         "password": PASSWORD}).encode(),
        "application/x-www-form-urlencoded")
    check(r.status == 303, "login: %r" % r)
    cookie = (r.header("Set-Cookie") or "").split(";")[0]
    r = site.get("/admin", headers={"Cookie": cookie})
    check(r.status == 200, "dashboard: %r" % r)
    return cookie, form_field(r.text(), "csrf")


def upload_through_nginx(site):
    """A JPEG with GPS through nginx and the admin, then fetched back."""
    cookie, csrf = sign_in(site)
    pages = {}
    jpeg = exif_gps_jpeg()
    check(b"Exif" in jpeg and GPS_RATIONALS in jpeg, "the EXIF is not there")
    r = post(site, "/admin/media/upload", cookie,
             multipart([("csrf", csrf), ("title", ""),
                        ("alt", "A one-pixel test image")],
                       "gps.jpg", jpeg),
             "multipart/form-data; boundary=" + BOUNDARY)
    check(r.status == 303, "upload: %r %s" % (r, r.text()[:500]))
    location = r.header("Location") or ""
    check(re.fullmatch(r"/admin/media/\d+\?uploaded=1", location),
          "upload answered Location %r" % location)
    r = site.get(location, headers={"Cookie": cookie})
    check(r.status == 200, "item page: %r" % r)
    pages["media-item"] = r.text()
    m = re.search(r'<code dir="ltr">/uploads/([0-9]{4}/[0-9]{2}/'
                  r'[0-9a-f]{32}\.jpg)</code>', r.text())
    check(m is not None, "no address on the item page")
    r = site.get("/uploads/" + m.group(1))
    check(r.status == 200, "stored file: %r" % r)
    check(r.header("Content-Type") == "image/jpeg",
          "stored file served as %s" % r.header("Content-Type"))
    check(r.header("X-Content-Type-Options") == "nosniff",
          "stored file without nosniff")
    check(r.header("Content-Security-Policy") == SANDBOX,
          "stored file CSP %s" % r.header("Content-Security-Policy"))
    check(r.body[:3] == b"\xff\xd8\xff", "not a JPEG")
    for trace in (b"Exif", b"GPS", b"Jane Photographer", GPS_RATIONALS):
        check(trace not in r.body, "the stored file keeps %r" % trace)
    check(len(uploaded_files(site)) == 1 + len(FILES),
          "files: %r" % uploaded_files(site))

    # What is still arriving is never served, whatever its name.
    os.makedirs(os.path.join(site.uploads, ".incoming"), exist_ok=True)
    with open(os.path.join(site.uploads, ".incoming", "x"), "wb") as f:
        f.write(b"GIF89a")
    for path in ("/uploads/.incoming/x", "/uploads/.incoming/",
                 "/uploads/%2eincoming/x"):
        r = site.get(path)
        check(r.status == 404, "%s: %r" % (path, r))
    os.unlink(os.path.join(site.uploads, ".incoming", "x"))

    # Over the limit (1 MB): 413 through nginx, nothing kept.
    import sqlite3
    db = sqlite3.connect(site.db)
    db.execute("UPDATE settings SET value = '1' WHERE key = 'upload_max_mb'")
    db.commit()
    db.close()
    before = uploaded_files(site)
    r = post(site, "/admin/media/upload", cookie,
             multipart([("csrf", csrf), ("alt", "x")], "big.jpg",
                       b"\xff\xd8\xff\xe0" + b"x" * (1536 * 1024)),
             "multipart/form-data; boundary=" + BOUNDARY)
    check(r.status == 413, "over the limit: %r" % r)
    check("larger than the upload limit" in r.text(),
          "413 without the form's message")
    pages["media-upload-413"] = r.text()
    check(uploaded_files(site) == before,
          "files after a refused upload: %r" % uploaded_files(site))

    for name, path in (("media-grid", "/admin/media"),
                       ("media-list", "/admin/media?view=list&kind=image"),
                       ("media-upload", "/admin/media/upload"),
                       ("article-new", "/admin/articles/new")):
        r = site.get(path, headers={"Cookie": cookie})
        check(r.status == 200, "%s: %r" % (path, r))
        pages[name] = r.text()
    r = post(site, "/admin/articles/new", cookie, urllib.parse.urlencode(
        {"csrf": csrf, "title": "T", "body": "x", "state": "draft",
         "action": "choose_image"}).encode(),
        "application/x-www-form-urlencoded")
    check(r.status == 200 and 'id="pick-none"' in r.text(),
          "chooser: %r" % r)
    pages["article-chooser"] = r.text()
    with tempfile.TemporaryDirectory() as d:
        files = []
        for name, html in pages.items():
            path = os.path.join(d, name + ".html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(html)
            files.append(path)
        errors = harness.vnu(files)
        check(not errors, "vnu:\n" + "\n".join(errors))


def main():
    with harness.Site(workers=1) as site:
        folder = os.path.join(site.uploads, "2026", "11")
        os.makedirs(folder)
        os.chmod(os.path.join(site.uploads, "2026"), 0o755)
        os.chmod(folder, 0o755)
        for src, name, _, _ in FILES:
            shutil.copyfile(os.path.join(CORPUS, src),
                            os.path.join(folder, name))
            os.chmod(os.path.join(folder, name), 0o644)
        for src, name, mime, attachment in FILES:
            for method in ("GET", "HEAD"):
                r = site.get("/uploads/2026/11/" + name, method=method)
                what = "%s %s" % (method, name)
                check(r.status == 200, "%s: status %d" % (what, r.status))
                check(r.header("Content-Type") == mime,
                      "%s: Content-Type %s" % (what,
                                               r.header("Content-Type")))
                check(r.header("Content-Security-Policy") == SANDBOX,
                      "%s: CSP %s" % (what,
                                      r.header("Content-Security-Policy")))
                check(r.header("X-Content-Type-Options") == "nosniff",
                      "%s: no nosniff" % what)
                disposition = r.header("Content-Disposition")
                check((disposition == "attachment") == attachment,
                      "%s: Content-Disposition %s" % (what, disposition))
        upload_through_nginx(site)
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
