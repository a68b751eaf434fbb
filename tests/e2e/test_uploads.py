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
the library's pages and the editor with its image chooser pass vnu.

Then, through nginx too: each of the eight accepted types (the sniff
corpus) is stored under a random name with its kind's extension and served
with its type; HTML named .jpg, SVG with a script, text named .jpg, a page
with a JPEG after it and images with a page in their first bytes are
refused (400, the form says why); images that are also pages or scripts
beyond those bytes (a JPEG with a page in a comment and after its end, the
corpus's PNG and GIF polyglots) are re-encoded, no stored file keeping any
of it; names with ../ or ..\\ keep their last segment only, a NUL in a
name (quoted, or in filename*) is refused (400), ".." is no file; bodies
cut before the close delimiter, 1,000 fields and 1,000 files are refused
(400, the error page), the worker answering after each.  Whatever is
refused leaves no file in uploads/ or .incoming/ and no row; the log
holds no sanitizer report and no worker death."""

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


def upload_through_nginx(site, cookie, csrf):
    """A JPEG with GPS through nginx and the admin, then fetched back."""
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
    incoming_before = incoming(site)
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
    check(incoming(site) == incoming_before,
          ".incoming after a refused upload: %r" % incoming(site))
    db = sqlite3.connect(site.db)
    db.execute("UPDATE settings SET value = '20' WHERE key = 'upload_max_mb'")
    db.commit()
    db.close()

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


# --- every kind, refused kinds, polyglots, names, broken bodies -----------

# What each accepted kind is uploaded as (a corpus file), and the types its
# stored files may be served as: images are re-encoded (a GIF becomes a PNG
# where libvips cannot write GIF), the others are stored as sent.
ACCEPTED = (
    ("jpeg-1x1.jpg", "image/jpeg", ("image/jpeg",)),
    ("png-1x1.png", "image/png", ("image/png",)),
    ("webp-1x1.webp", "image/webp", ("image/webp",)),
    ("gif-1x1.gif", "image/gif", ("image/gif", "image/png")),
    ("minimal.pdf", "application/pdf", ("application/pdf",)),
    ("minimal.mp4", "video/mp4", ("video/mp4",)),
    ("minimal.webm", "video/webm", ("video/webm",)),
    ("minimal.mp3", "audio/mpeg", ("audio/mpeg",)),
)
EXTENSION_TYPES = {"jpg": "image/jpeg", "png": "image/png",
                   "webp": "image/webp", "gif": "image/gif",
                   "pdf": "application/pdf", "mp4": "video/mp4",
                   "webm": "video/webm", "mp3": "audio/mpeg"}
STORED = re.compile(r"[0-9]{4}/[0-9]{2}/[0-9a-f]{32}(-[0-9]+)?\.([a-z0-9]+)")
BAD_REQUEST = "The request could not be understood."
HTML_TRACES = (b"<html", b"<script", b"alert(", b"</body")


def corpus(name):
    with open(os.path.join(CORPUS, name), "rb") as f:
        return f.read()


def incoming(site):
    """The temporary files still in uploads/.incoming/."""
    try:
        return sorted(os.listdir(os.path.join(site.uploads, ".incoming")))
    except FileNotFoundError:
        return []


def media_rows(site):
    """(id, mime, path, original_name) of every media row, by id."""
    import sqlite3
    db = sqlite3.connect(site.db)
    try:
        return db.execute("SELECT id, mime, path, original_name FROM media "
                          "ORDER BY id").fetchall()
    finally:
        db.close()


def media_paths(site, media_id):
    """Every file (original and sizes) that row media_id names."""
    import sqlite3
    db = sqlite3.connect(site.db)
    try:
        return sorted([r[0] for r in db.execute(
            "SELECT path FROM media WHERE id = ?1 UNION "
            "SELECT path FROM media_sizes WHERE media_id = ?1",
            (media_id,))])
    finally:
        db.close()


def send_file(site, cookie, csrf, filename, data, alt="A test file"):
    """Uploads data under filename from the library's form."""
    return post(site, "/admin/media/upload", cookie,
                multipart([("csrf", csrf), ("title", ""), ("alt", alt)],
                          filename, data),
                "multipart/form-data; boundary=" + BOUNDARY)


def stored(site, r, what):
    """After an upload answered r (303 to the item): returns the item's id
    and the files it names, having checked that those are exactly the
    files that appeared, each under uploads/YYYY/MM/ by a random name,
    and that nothing stays in .incoming/."""
    check(r.status == 303, "%s: %r %s" % (what, r, r.text()[:300]))
    m = re.fullmatch(r"/admin/media/(\d+)\?uploaded=1",
                     r.header("Location") or "")
    check(m is not None, "%s: Location %r" % (what, r.header("Location")))
    media_id = int(m.group(1))
    paths = media_paths(site, media_id)
    for p in paths:
        check(STORED.fullmatch(p), "%s: stored as %r" % (what, p))
    check(incoming(site) == [], "%s: .incoming keeps %r" % (
        what, incoming(site)))
    return media_id, paths


def unchanged(site, before, rows, what):
    """Checks that nothing was kept: no file, no temporary file, no row."""
    check(uploaded_files(site) == before, "%s: files %r" % (
        what, sorted(set(uploaded_files(site)) - set(before))))
    check(incoming(site) == [], "%s: .incoming keeps %r" % (
        what, incoming(site)))
    check(media_rows(site) == rows, "%s: a media row was added" % what)


def each_accepted_kind(site, cookie, csrf):
    """Each of the eight accepted kinds, uploaded under a name that says
    nothing: stored under a random name with its kind's extension, the
    row's type right, every stored file served by nginx with its type,
    nosniff and the sandbox; documents and media byte for byte."""
    for sample, mime, served in ACCEPTED:
        data = corpus(sample)
        before = set(uploaded_files(site))
        r = send_file(site, cookie, csrf, "sample.bin", data)
        media_id, paths = stored(site, r, sample)
        new = set(uploaded_files(site)) - before
        check(new == {os.path.join(site.uploads, p) for p in paths},
              "%s: new files %r, the rows name %r" % (sample, new, paths))
        row = [x for x in media_rows(site) if x[0] == media_id][0]
        check(row[1] in served, "%s: stored as %s" % (sample, row[1]))
        check(row[3] == "sample.bin", "%s: name kept %r" % (sample, row[3]))
        if not mime.startswith("image/"):
            check(row[1] == mime and paths == [row[2]],
                  "%s: %r %r" % (sample, row[1], paths))
        for p in paths:
            ext = STORED.fullmatch(p).group(2)
            r = site.get("/uploads/" + p)
            check(r.status == 200, "%s: %s %r" % (sample, p, r))
            check(r.header("Content-Type") == EXTENSION_TYPES.get(ext),
                  "%s: %s served as %s" % (sample, p,
                                           r.header("Content-Type")))
            check(r.header("X-Content-Type-Options") == "nosniff" and
                  r.header("Content-Security-Policy") == SANDBOX,
                  "%s: %s without nosniff or the sandbox" % (sample, p))
            check((r.header("Content-Disposition") == "attachment") ==
                  (ext == "pdf"), "%s: Content-Disposition %s" % (
                      sample, r.header("Content-Disposition")))
            if not mime.startswith("image/"):
                check(r.body == data, "%s: not stored as sent" % sample)
        harness.log("ok   %s stored as %s" % (sample, row[1]))


def each_refused_kind(site, cookie, csrf):
    """Pages, SVG with a script and pages behind or before an image's
    signature: 400, the form again saying why, nothing kept."""
    jpeg = corpus("jpeg-1x1.jpg")
    page = b"<html><body><script>alert(document.domain)</script></body></html>\n"
    cases = (
        ("HTML named .jpg", "photo.jpg", corpus("page.html"),
         "HTML is not accepted"),
        ("SVG with a script", "drawing.svg", corpus("drawing.svg"),
         "SVG images are not accepted"),
        ("text named .jpg", "text.jpg", corpus("text-named.jpg"),
         "not accepted"),
        # A page that carries a JPEG after it: not an image at all.
        ("HTML, then a JPEG", "poly.jpg", page + jpeg, "not accepted"),
        # A JPEG with the page in its first bytes, which a browser that
        # sniffs would render.
        ("a JPEG with HTML in its head", "poly.jpg",
         corpus("jpeg-html-comment.jpg"), "carries HTML in its first bytes"),
        ("a JPEG with HTML right after it", "poly.jpg", jpeg + page,
         "carries HTML in its first bytes"),
        ("a PNG with HTML right after it", "poly.png",
         corpus("png-html-early.png"), "carries HTML in its first bytes"),
    )
    for what, name, data, reason in cases:
        before, rows = uploaded_files(site), media_rows(site)
        r = send_file(site, cookie, csrf, name, data)
        check(r.status == 400, "%s: %r" % (what, r))
        text = r.text()
        check("This file was not accepted: %s:" % name in text and
              reason in text, "%s: the form does not say why: %s" % (
                  what, re.findall(r'<p class="[^"]*"[^>]*>[^<]*', text)))
        unchanged(site, before, rows, what)
        harness.log("ok   %s refused" % what)


def jpeg_with_hidden_page():
    """The corpus's JPEG with a page in a comment past the bytes the sniff
    reads (after 1,500 bytes of another comment), and again after its
    end: an image that an HTML parser also reads as a page."""
    jpeg = corpus("jpeg-1x1.jpg")
    page = b"<html><body><script>alert(document.domain)</script></body></html>"

    def segment(payload):
        return b"\xff\xfe" + struct.pack(">H", len(payload) + 2) + payload

    return (jpeg[:2] + segment(b"." * 1500) + segment(page) + jpeg[2:] +
            page)


def polyglots_reencoded(site, cookie, csrf):
    """Images that are also pages (or scripts) beyond the first bytes are
    accepted as images and re-encoded: no stored file keeps the page."""
    for what, name, data in (
            ("JPEG and page", "poly.jpg", jpeg_with_hidden_page()),
            ("PNG and page", "poly.png", corpus("png-html-appended.png")),
            ("GIF and script", "poly.gif", corpus("gif-js-polyglot.gif"))):
        check(any(t in data for t in HTML_TRACES), "%s: no page" % what)
        r = send_file(site, cookie, csrf, name, data)
        _, paths = stored(site, r, what)
        for p in paths:
            with open(os.path.join(site.uploads, p), "rb") as f:
                body = f.read()
            for trace in HTML_TRACES:
                check(trace not in body, "%s: %s keeps %r" % (what, p, trace))
        r = site.get("/uploads/" + paths[0])
        check(r.status == 200 and not any(t in r.body for t in HTML_TRACES),
              "%s: served %r" % (what, r))
        harness.log("ok   %s re-encoded into %d files" % (what, len(paths)))


def multipart_raw(csrf, disposition, data):
    """A body whose file part has the Content-Disposition value given as
    bytes (for names no str formatting would send)."""
    return (("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
             "%s\r\n--%s\r\nContent-Disposition: form-data; name=\"alt\""
             "\r\n\r\nx\r\n--%s\r\nContent-Disposition: " % (
                 BOUNDARY, csrf, BOUNDARY, BOUNDARY)).encode() +
            disposition + b"\r\nContent-Type: image/jpeg\r\n\r\n" + data +
            ("\r\n--%s--\r\n" % BOUNDARY).encode())


def post_multipart(site, cookie, body):
    return post(site, "/admin/media/upload", cookie, body,
                "multipart/form-data; boundary=" + BOUNDARY)


def file_names(site, cookie, csrf):
    """Names with a path keep only their last segment (for display; the
    file is stored by a random name); a NUL in a name is refused (400),
    quoted or percent-encoded; ".." alone is no name: no file."""
    jpeg = corpus("jpeg-1x1.jpg")
    for sent, kept in (("../../../../etc/evil.jpg", "evil.jpg"),
                       ("..\\..\\windows\\evil2.jpg", "evil2.jpg"),
                       ("/tmp/../evil3.jpg", "evil3.jpg")):
        r = send_file(site, cookie, csrf, sent, jpeg)
        media_id, _ = stored(site, r, sent)
        row = [x for x in media_rows(site) if x[0] == media_id][0]
        check(row[3] == kept, "%s kept as %r" % (sent, row[3]))
        r = site.get("/admin/media/%d" % media_id,
                     headers={"Cookie": cookie})
        check(r.status == 200 and ">%s</dd>" % kept in r.text() and
              "etc/" not in r.text() and "windows" not in r.text(),
              "%s: the item page shows another name" % sent)
    for root, dirs, names in os.walk(site.tmp):
        for n in names + dirs:
            check("evil" not in n, "a file named %s in %s" % (n, root))
    for what, disposition in (
            ("a NUL in a quoted name",
             b'form-data; name="file"; filename="a\x00.jpg"'),
            ("a NUL and a path",
             b'form-data; name="file"; filename="../a\x00/../../x.jpg"'),
            ("a NUL in filename*", b'form-data; name="file"; '
             b'filename="a.jpg"; filename*=UTF-8\'\'a%00.jpg')):
        before, rows = uploaded_files(site), media_rows(site)
        r = post_multipart(site, cookie, multipart_raw(csrf, disposition,
                                                       jpeg))
        check(r.status == 400 and BAD_REQUEST in r.text(),
              "%s: %r" % (what, r))
        unchanged(site, before, rows, what)
    before, rows = uploaded_files(site), media_rows(site)
    r = post_multipart(site, cookie, multipart_raw(
        csrf, b'form-data; name="file"; filename=".."', jpeg))
    check(r.status == 400 and "Choose a file to upload." in r.text(),
          "a name of '..': %r" % r)
    unchanged(site, before, rows, "a name of '..'")
    harness.log("ok   file names")


def broken_bodies(site, cookie, csrf):
    """A body cut before its close delimiter (Content-Length matching what
    is sent), and bodies of 1,000 tiny parts, fields or files: 400 with
    the error page, nothing kept, the worker still answering."""
    jpeg = corpus("jpeg-1x1.jpg")
    whole = multipart([("csrf", csrf), ("alt", "x")], "cut.jpg", jpeg)
    close = ("\r\n--%s--\r\n" % BOUNDARY).encode()
    file_at = whole.index(b"\xff\xd8")
    cuts = (("no close delimiter", whole[:-len(close)]),
            ("the delimiter half sent", whole[:-len(close) + 5]),
            ("cut in the file's data", whole[:file_at + 40]),
            ("cut in the file's headers", whole[:file_at - 30]))
    many_fields = b"".join(
        ("--%s\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nx"
         "\r\n" % (BOUNDARY, i)).encode() for i in range(999))
    many_files = b"".join(
        ("--%s\r\nContent-Disposition: form-data; name=\"file\"; "
         "filename=\"f%d.jpg\"\r\n\r\n" % (BOUNDARY, i)).encode() + jpeg +
        b"\r\n" for i in range(999))
    first = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
             "%s\r\n" % (BOUNDARY, csrf)).encode()
    parts = (("1,000 fields", first + many_fields + close[2:]),
             ("1,000 files", first + many_files + close[2:]))
    for what, body in cuts + parts:
        before, rows = uploaded_files(site), media_rows(site)
        r = post_multipart(site, cookie, body)
        check(r.status == 400 and BAD_REQUEST in r.text(),
              "%s: %r %s" % (what, r, r.text()[:300]))
        unchanged(site, before, rows, what)
        r = site.get("/admin/media", headers={"Cookie": cookie})
        check(r.status == 200, "after %s: %r" % (what, r))
        harness.log("ok   %s: 400" % what)


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
        cookie, csrf = sign_in(site)
        upload_through_nginx(site, cookie, csrf)
        each_accepted_kind(site, cookie, csrf)
        each_refused_kind(site, cookie, csrf)
        polyglots_reencoded(site, cookie, csrf)
        file_names(site, cookie, csrf)
        broken_bodies(site, cookie, csrf)
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
