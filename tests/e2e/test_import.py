"""test_import.py: a WordPress site moved in and served through nginx.

Starts an empty site (harness.Site, no starter content), imports the
WordPress Theme Unit Test export while it serves (`gazette import-wxr`,
with --uploads-from a made-up copy of wp-content/uploads holding a small
JPEG for each of its attachments), then crawls the site from / and from
every imported article and page (links, images and srcset candidates of
every page) and requires every internal link to answer 200, and the old
WordPress addresses (each form) to answer 301 to an address that answers
200.  Runs the import a second time: nothing added; a cut file exits 1
naming its line and changes nothing; bad usage exits 2.  Skipped (77) when
../shared/corpora is absent.  gazette's log must be clean."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crawler  # noqa: E402
import harness  # noqa: E402
from harness import check  # noqa: E402

CORPORA = os.environ.get("GAZETTE_CORPORA") or os.path.join(
    harness.SOURCE, "..", "shared", "corpora")
EXPORT = os.path.join(CORPORA, "wordpress-theme-unit-test",
                      "themeunittestdata.wordpress.xml")
JPEG = os.path.join(harness.SOURCE, "tests", "unit", "corpus", "sniff",
                    "jpeg-1x1.jpg")
# (old address, where it must lead) of each form the importer keeps.
OLD_LINKS = [
    ("/2012/01/07/template-sticky/", "/articles/template-sticky"),
    ("/2012/01/template-sticky/", "/articles/template-sticky"),
    ("/?p=1241", "/articles/template-sticky"),
    ("/level-1/level-2/level-3/", "/level-3"),
    ("/?page_id=172", "/level-3"),
    ("/category/parent-category/child-category-03/grandchild-category/",
     "/category/grandchild-category"),
    ("/tag/content-2/", "/tag/content-2"),
    ("/wp-content/uploads/2008/06/canola2.jpg", None),
    ("/wp-content/uploads/2008/06/canola2-300x200.jpg", None),
]


def uploads_copy(folder):
    """Makes a copy of wp-content/uploads with a small JPEG at the path of
    each attachment of the export; returns how many."""
    with open(EXPORT, encoding="utf-8") as f:
        text = f.read()
    urls = re.findall(r"<wp:attachment_url>([^<]+)</wp:attachment_url>", text)
    n = 0
    for url in urls:
        path = urllib.parse.urlsplit(url).path.lstrip("/")
        if not path.lower().endswith((".jpg", ".jpeg")):
            continue
        dest = os.path.join(folder, path)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(JPEG, dest)
        n += 1
    return n


def run_import(site, folder):
    """Runs gazette import-wxr against the running site's database;
    returns its summary."""
    r = subprocess.run(
        [site.binary, "import-wxr", "--db", site.db, "--uploads-from",
         folder, "--uploads", site.uploads, EXPORT],
        stdin=subprocess.DEVNULL, capture_output=True, timeout=300,
        env=site.env)
    check(r.returncode == 0, "import-wxr failed: %s" %
          r.stderr.decode(errors="replace"))
    return r.stdout.decode()


def crawl(site, starts, failures):
    """Follows every internal link from starts (crawler.py); returns how
    many HTML pages answered and how many addresses were met."""
    c = crawler.Crawler(site.get, site.base, failures)
    pages = sum(1 for _, _, links in c.run(starts) if links is not None)
    return pages, len(c.found)


def main():
    if not os.path.exists(EXPORT):
        raise harness.Skip()
    with harness.Site(starter=False) as site:
        folder = os.path.join(site.tmp, "wp-uploads")
        os.makedirs(folder)
        jpegs = uploads_copy(folder)
        check(jpegs > 20, "only %d JPEG attachments" % jpegs)
        summary = run_import(site, folder)
        harness.log(summary)
        db = sqlite3.connect(site.db)
        media = db.execute("SELECT count(*) FROM media").fetchone()[0]
        check(media == jpegs, "%d media items for %d files" % (media, jpegs))
        starts = ["/"] + [
            urllib.parse.quote(row[0]) for row in db.execute(
                "SELECT '/articles/' || slug FROM articles WHERE state = "
                "'published' UNION ALL SELECT '/' || slug FROM pages "
                "WHERE state = 'published'")]
        featured = db.execute("SELECT count(*) FROM articles WHERE "
                              "featured_media_id IS NOT NULL").fetchone()[0]
        check(featured > 0, "no featured image came in")

        failures = []
        pages, urls = crawl(site, starts, failures)
        harness.log("crawled %d pages, %d addresses" % (pages, urls))

        for old, want in OLD_LINKS:
            r = site.get(old)
            location = r.header("Location") or ""
            if r.status != 301:
                failures.append("%s: %d, expected 301" % (old, r.status))
                continue
            path = urllib.parse.urlsplit(location).path
            if want is not None and urllib.parse.unquote(path) != want:
                failures.append("%s: to %s, expected %s" % (old, path, want))
            if want is None and not path.startswith("/uploads/"):
                failures.append("%s: to %s, expected /uploads/" % (old, path))
            r2 = site.get(path)
            if r2.status != 200:
                failures.append("%s -> %s: %d" % (old, path, r2.status))

        # Every approved comment shows under its article or page (those
        # of pages too), and nothing else does.
        shown = 0
        for path, cid in db.execute(
                "SELECT coalesce('/articles/' || a.slug, '/' || g.slug), "
                "c.id FROM comments c LEFT JOIN articles a ON a.id = "
                "c.article_id AND a.state = 'published' LEFT JOIN pages g "
                "ON g.id = c.page_id AND g.state = 'published' WHERE "
                "c.state = 'approved' AND (a.id IS NOT NULL OR g.id IS NOT "
                "NULL)").fetchall():
            r = site.get(urllib.parse.quote(path))
            if ('id="comment-%d"' % cid) not in r.text():
                failures.append("%s: comment %d not shown" % (path, cid))
            shown += 1
        on_pages = db.execute("SELECT count(*) FROM comments WHERE page_id "
                              "IS NOT NULL AND state = 'approved'"
                              ).fetchone()[0]
        check(on_pages > 0, "no comment on a page came in")
        harness.log("%d approved comments shown, %d of them on pages"
                    % (shown, on_pages))

        # Again: nothing new.
        counts = [db.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
                  for t in ("articles", "pages", "media", "comments",
                            "categories", "tags", "menu_items")]
        run_import(site, folder)
        again = [db.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
                 for t in ("articles", "pages", "media", "comments",
                           "categories", "tags", "menu_items")]
        check(counts == again, "a second import changed the counts: %r to %r"
              % (counts, again))
        db.close()

        # A cut file: exit 1, the file and line named, nothing changed.
        with open(EXPORT, "rb") as f:
            data = f.read()
        cut = os.path.join(site.tmp, "cut.xml")
        with open(cut, "wb") as f:
            f.write(data[:len(data) // 2])
        r = subprocess.run([site.binary, "import-wxr", "--db", site.db, cut],
                           stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=300, env=site.env)
        err = r.stderr.decode(errors="replace")
        check(r.returncode == 1, "a cut file: exit %d" % r.returncode)
        check(re.search(r"cut\.xml:\d+: the file ends before the export does",
                        err) and "nothing was imported" in err,
              "a cut file: %r" % err)
        db = sqlite3.connect(site.db)
        again2 = [db.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
                  for t in ("articles", "pages", "media", "comments",
                            "categories", "tags", "menu_items")]
        db.close()
        check(again2 == counts, "a cut file changed the database")
        # Bad usage: exit 2.
        for args in ([], [EXPORT, EXPORT], ["--edition", "xx", EXPORT]):
            r = subprocess.run([site.binary, "import-wxr", "--db", site.db]
                               + args, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=60, env=site.env)
            check(r.returncode == 2, "import-wxr %r: exit %d" %
                  (args, r.returncode))

        site.check_log()
        crawler.report(failures)


if __name__ == "__main__":
    harness.run(main)
