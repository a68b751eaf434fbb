"""test_feeds.py: feeds, sitemaps, robots.txt and the head of pages through
real nginx, on the demo site with every edition enabled, the base URL set
to an https address, requests sent with a foreign Host header, and one
article whose title holds <script>, </script>, & and quotes.

Every feed (Atom and RSS of each edition, of each category and tag that
holds an article) is read by Debian's feedparser (bozo must be 0), in
summary and in full-content mode; its entries' titles and links are the
articles'.  The sitemap index is checked by structure (sitemapindex,
absolute locs under the base URL, W3C lastmod) and each child sitemap by
xmllint against the sitemaps.org schema (npm `sitemap`'s sitemap.xsd);
every address they list answers 200 and none is a draft.  robots.txt
names the index.  Home, article, archive and page of each edition pass
vnu; their JSON-LD reads with json.loads (NewsArticle, Organization).
"""

import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.parse
import tempfile
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

try:
    import feedparser
except ImportError:  # install-deps.sh test installs python3-feedparser
    feedparser = None

BASE = "https://news.example.org"
HOSTILE = "</script><script>alert(1)</script> Tom & \"Jerry\" <b>"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XSD = os.path.join(harness.SOURCE, "tests", "node_modules", "sitemap",
                   "schema", "sitemap.xsd")
W3C = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
HOST = {"Host": "evil.example"}


def fetch(site, path, want=200):
    """GETs path with a foreign Host; checks the status and that the Host
    never leaks into the answer; returns the Response."""
    r = site.get(wire(path), headers=HOST)
    check(r.status == want, "%s: %d, want %d" % (path, r.status, want))
    check(b"evil.example" not in r.body, "%s: Host header leaked" % path)
    return r


def wire(path):
    """path as sent: letters outside ASCII percent-encoded."""
    return urllib.parse.quote(path, safe="/?=&%:")


def local(url):
    """The path of an absolute URL under BASE."""
    check(url.startswith(BASE + "/"), "not under the base URL: %r" % url)
    return url[len(BASE):]


def check_feed(site, path, kind, titles):
    """Fetches a feed, checks its type and parses it with feedparser;
    titles maps each article path to its title.  Returns the entries."""
    r = fetch(site, path)
    ctype = r.header("Content-Type")
    want = "application/%s+xml; charset=utf-8" % kind
    check(ctype == want, "%s: Content-Type %r" % (path, ctype))
    check(r.header("ETag"), "%s: no ETag" % path)
    d = feedparser.parse(r.body, response_headers={"content-type": ctype})
    check(d.bozo == 0, "%s: feedparser: %r" % (path, d.get("bozo_exception")))
    check(d.version == ("atom10" if kind == "atom" else "rss20"),
          "%s: version %r" % (path, d.version))
    check(len(d.entries) > 0, "%s: no entries" % path)
    for e in d.entries:
        link = urllib.parse.unquote(local(e.link))
        check(link in titles, "%s: %s is no published article" % (path,
                                                                   link))
        check(e.title == titles[link], "%s: title %r, want %r"
              % (path, e.title, titles[link]))
        check(e.get("id", "").startswith("tag:news.example.org,"),
              "%s: id %r" % (path, e.get("id")))
        check(e.get("published_parsed") is not None,
              "%s: no date on %s" % (path, link))
    # Conditional GET.
    r2 = site.get(wire(path), headers=dict(HOST, **{"If-None-Match":
                                              r.header("ETag")}))
    check(r2.status == 304, "%s: If-None-Match gave %d" % (path, r2.status))
    return d


def feeds(site, con, prefixes, titles, full):
    """Checks every feed of every edition; returns how many."""
    n = 0
    for prefix, edition_id in prefixes:
        paths = [prefix + "/feed"]
        for table, col, url in (
                ("categories", "category_id", "/category/"),
                ("tags", None, "/tag/")):
            if col:
                q = ("SELECT DISTINCT c.slug FROM categories c JOIN articles "
                     "a ON a.category_id = c.id AND a.state = 'published' "
                     "WHERE c.edition_id = ?")
            else:
                q = ("SELECT DISTINCT g.slug FROM tags g JOIN article_tags t "
                     "ON t.tag_id = g.id JOIN articles a ON a.id = "
                     "t.article_id AND a.state = 'published' WHERE "
                     "g.edition_id = ?")
            paths += [prefix + url + s + "/feed"
                      for (s,) in con.execute(q, (edition_id,))]
        for p in paths:
            for kind in ("atom", "rss"):
                d = check_feed(site, p + "." + kind, kind, titles)
                n += 1
                e = d.entries[0]
                if kind == "atom":
                    check(d.feed.get("language", "") != "" or
                          d.feed.get("xml_lang"), "%s: no xml:lang" % p)
                has_content = bool(e.get("content"))
                if kind == "atom":
                    check(has_content == full, "%s.atom: content %r with "
                          "full=%r" % (p, has_content, full))
    return n


def sitemaps(site, con):
    """Checks the index's structure and every child against the schema;
    returns the set of paths listed."""
    r = fetch(site, "/sitemap.xml")
    check(r.header("Content-Type") == "application/xml; charset=utf-8",
          "sitemap.xml: %r" % r.header("Content-Type"))
    root = ET.fromstring(r.body)
    check(root.tag == SM + "sitemapindex", "index root %r" % root.tag)
    children = list(root)
    check(len(children) >= 6 * 2, "only %d child sitemaps" % len(children))
    listed = set()
    tmp = tempfile.mkdtemp(prefix="gz-sitemaps-")
    try:
        for i, child in enumerate(children):
            check(child.tag == SM + "sitemap", "index child %r" % child.tag)
            tags = [c.tag for c in child]
            check(tags in ([SM + "loc"], [SM + "loc", SM + "lastmod"]),
                  "index entry holds %r" % tags)
            loc = child.find(SM + "loc").text
            path = local(loc)
            check(re.match(r"^(/[a-z]{2})?/sitemap-[a-z]+-[1-9][0-9]*\.xml$",
                           path), "child path %r" % path)
            lastmod = child.find(SM + "lastmod")
            check(lastmod is not None and W3C.match(lastmod.text),
                  "%s: lastmod %r" % (path, lastmod))
            body = fetch(site, path).body
            f = os.path.join(tmp, "child%d.xml" % i)
            with open(f, "wb") as out:
                out.write(body)
            p = subprocess.run(["xmllint", "--noout", "--schema", XSD, f],
                               capture_output=True, timeout=60)
            check(p.returncode == 0, "%s: xmllint: %s" % (
                path, (p.stdout + p.stderr).decode("utf-8", "replace")))
            for url in ET.fromstring(body):
                listed.add(local(url.find(SM + "loc").text))
    finally:
        shutil.rmtree(tmp)
    # Every address answers, and nothing unpublished is listed.
    for path in sorted(listed):
        r = site.get(wire(path), headers=HOST)
        check(r.status == 200, "sitemap lists %s: %d" % (path, r.status))
    drafts = [s for (s,) in con.execute(
        "SELECT slug FROM articles WHERE state != 'published'")]
    for s in drafts:
        check(not any(p.endswith("/articles/" + s) for p in listed),
              "sitemap lists unpublished %s" % s)
    return listed


def json_ld(page):
    """Every JSON-LD block of page, parsed."""
    return [json.loads(b) for b in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]


def pages(site, con, prefixes, hostile_path):
    """Head checks and vnu on each edition's home, an article, an archive
    and a page."""
    tmp = tempfile.mkdtemp(prefix="gz-pages-")
    files = []
    try:
        paths = []
        for prefix, eid in prefixes:
            paths.append(prefix + "/")
            row = con.execute(
                "SELECT slug FROM articles WHERE edition_id = ? AND state = "
                "'published' ORDER BY published_at DESC LIMIT 1",
                (eid,)).fetchone()
            if row:
                paths.append(prefix + "/articles/" + row[0])
        paths += [hostile_path, "/category/news", "/tag/families", "/about"]
        for i, path in enumerate(paths):
            page = fetch(site, path).text()
            check('<link rel="canonical" href="%s">' % html.escape(
                BASE + path.split("?")[0], quote=True) in page,
                "%s: canonical" % path)
            check('type="application/atom+xml"' in page, "%s: no feed link"
                  % path)
            check('<meta property="og:url"' in page and
                  '<meta name="twitter:card"' in page, "%s: no OG" % path)
            blocks = json_ld(page)
            types = [b.get("@type") for b in blocks]
            if "/articles/" in path:
                check(types == ["NewsArticle"], "%s: JSON-LD %r" % (path,
                                                                   types))
                b = blocks[0]
                check(b["mainEntityOfPage"]["@id"] == BASE + path,
                      "%s: mainEntityOfPage %r" % (path, b))
                for key in ("headline", "datePublished", "dateModified",
                            "author", "publisher", "inLanguage"):
                    check(key in b, "%s: JSON-LD lacks %s" % (path, key))
                if path == hostile_path:
                    check(b["headline"] == HOSTILE, "headline %r" %
                          b["headline"])
                    check(page.count("</script>") == page.count("<script"),
                          "an extra </script> in the page")
            elif path.endswith("/") and path.count("/") <= 2:
                check(types == ["Organization"], "%s: JSON-LD %r" % (path,
                                                                    types))
                check(blocks[0]["url"] == BASE + path, "%s: org url" % path)
                check(all(u.startswith("https://") for u in
                          blocks[0]["sameAs"]), "sameAs %r" % blocks[0])
            else:
                check(types == [], "%s: JSON-LD %r" % (path, types))
            f = os.path.join(tmp, "page%d.html" % i)
            with open(f, "w", encoding="utf-8") as out:
                out.write(page)
            files.append(f)
        errors = harness.vnu(files)
        check(not errors, "vnu:\n" + "\n".join(errors))
    finally:
        shutil.rmtree(tmp)


def main():
    if feedparser is None:
        check(False, "python3-feedparser missing "
              "(scripts/install-deps.sh test installs it)")
    check(shutil.which("xmllint") is not None, "xmllint missing "
          "(libxml2-utils: scripts/install-deps.sh test)")
    check(os.path.isfile(XSD), "%s missing (scripts/install-deps.sh test)"
          % XSD)
    with harness.Site() as site:
        con = sqlite3.connect(site.db)
        now = int(time.time())
        with con:
            con.execute("UPDATE settings SET value = ? WHERE key = "
                        "'base_url'", (BASE,))
            con.execute("UPDATE editions SET enabled = 1")
            con.execute(
                "INSERT INTO articles (edition_id, slug, title, excerpt, "
                "body_md, body_html, state, author_id, category_id, "
                "published_at, created_at, updated_at) VALUES (1, "
                "'hostile-title', ?, 'An excerpt & more', 'x', "
                "'<p>Body &amp; <em>more</em></p>', 'published', 2, 1, ?, "
                "?, ?)", (HOSTILE, now - 5, now - 5, now - 5))
            aid = con.execute("SELECT id FROM articles WHERE slug = "
                              "'hostile-title'").fetchone()[0]
            con.execute("INSERT INTO article_tags (article_id, tag_id) "
                        "VALUES (?, 1)", (aid,))
            for e in (2, 3, 4):
                con.execute(
                    "INSERT INTO articles (edition_id, slug, title, "
                    "excerpt, body_md, body_html, state, published_at, "
                    "created_at, updated_at) VALUES (?, 'edition-article', "
                    "?, '', 'x', '<p>x</p>', 'published', ?, ?, ?)",
                    (e, "Edition %d \u0627\u0644\u0639" % e, now - 9,
                     now - 9, now - 9))
            con.execute(
                "INSERT INTO articles (edition_id, slug, title, state, "
                "created_at, updated_at) VALUES (1, 'draft-only', "
                "'Draft only', 'draft', ?, ?)", (now, now))
        prefixes = [("/" + p if p else "", i) for (p, i) in con.execute(
            "SELECT prefix, id FROM editions WHERE enabled = 1 "
            "ORDER BY position")]
        check(len(prefixes) == 4, "editions %r" % prefixes)
        titles = {}
        for (prefix, slug, title) in con.execute(
                "SELECT CASE e.prefix WHEN '' THEN '' ELSE '/' || e.prefix "
                "END, a.slug, a.title FROM articles a JOIN editions e ON "
                "e.id = a.edition_id WHERE a.state = 'published'"):
            titles[prefix + "/articles/" + slug] = title

        n = feeds(site, con, prefixes, titles, full=False)
        harness.log("%d feeds read by feedparser (summaries)" % n)
        with con:
            con.execute("UPDATE settings SET value = '1' WHERE key = "
                        "'feed_full_content'")
        n = feeds(site, con, prefixes, titles, full=True)
        harness.log("%d feeds read by feedparser (full content)" % n)

        listed = sitemaps(site, con)
        harness.log("%d addresses in the sitemaps" % len(listed))
        for prefix, _ in prefixes:
            check(prefix + "/articles/edition-article" in listed or
                  prefix == "", "%s: article not in its sitemap" % prefix)
        check("/articles/hostile-title" in listed, "hostile not listed")

        r = fetch(site, "/robots.txt")
        text = r.text()
        check("Disallow: /admin/\n" in text, "robots: %r" % text)
        check("\nSitemap: %s/sitemap.xml\n" % BASE in text, "robots: %r"
              % text)

        pages(site, con, prefixes, "/articles/hostile-title")
        con.close()
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
