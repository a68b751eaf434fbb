"""test_uploads.py: how nginx serves the uploads folder.  Files of every
accepted kind get their own type, the sandbox CSP and nosniff; PDFs, which
are stored as uploaded, are always downloads (Content-Disposition:
attachment); anything else, HTML and SVG included, is an opaque
application/octet-stream.  The files are put in place by hand, as the
upload pipeline (src/media/) would leave them."""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

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
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
