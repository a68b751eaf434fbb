"""test_ssi.py: Recent Posts through nginx SSI.  With the site's "ssi"
setting on, pages carry an include of /_partials/recent-posts instead of
the list itself; nginx (configured with SSI, as gen-nginx-conf.sh does with
GAZETTE_NGINX_SSI=1) replaces it, so a reader gets the same sidebar, and a
newly published article appears there without any page being rendered
again."""

import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402


def sql(site, statement, *params):
    con = sqlite3.connect(site.db, timeout=10)
    try:
        with con:
            con.execute(statement, params)
    finally:
        con.close()


def main():
    with harness.Site(ssi=True) as site:
        sql(site, "INSERT INTO settings (key, value) VALUES ('ssi', '1') "
                  "ON CONFLICT (key) DO UPDATE SET value = '1'")
        for path in ("/", "/about"):
            r = site.get(path)
            check(r.status == 200, "%s: %d" % (path, r.status))
            page = r.text()
            check("<!--#" not in page,
                  "%s: nginx left the SSI directive in the page" % path)
            check('<ul class="recent">' in page,
                  "%s: the Recent Posts fragment is missing" % path)
            check(page.count("<aside") == 1 and page.count("</html>") == 1,
                  "%s: the fragment is not a fragment" % path)

        # Fragments are for SSI only: nginx does not serve them to readers.
        r = site.get("/_partials/recent-posts")
        check(r.status == 404, "a reader got the fragment: %r" % r)

        # A new article reaches the sidebar of every page through the
        # fragment alone.
        now = int(time.time())
        sql(site, "INSERT INTO articles (edition_id, slug, title, "
                  "body_md, body_html, state, published_at, created_at, "
                  "updated_at) VALUES (1, 'ssi-fresh', 'Fresh through SSI',"
                  " 'x', '<p>x</p>', 'published', ?, ?, ?)", now, now, now)
        r = site.get("/about")
        check("Fresh through SSI" in r.text(),
              "the new article is not in the included Recent Posts")
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
