"""test_search.py: /search through nginx and `gazette serve` on the demo
site, with articles written by this test through Python's sqlite3 (the
index's triggers run there with libgazette_fts.so, which harness loads):
decomposed Persian found by a composed query, ي/ی and ك/ک both ways, digits
of three scripts, ZWNJ; FTS5 syntax and other hostile queries answer 200
(a too long one 400), never a 500 nor a dead worker; drafts, the future and
another edition are not found; an update and a deletion reach the index;
snippets are escaped with only <mark> as markup; the pager; the headers of
a public page; pages found with the articles at their own address (in
their edition only, gone when unpublished); every page fetched is valid
HTML (vnu)."""

import html
import os
import re
import sqlite3
import sys
import time
import unicodedata
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

def add(db, edition, slug, title, body, state="published", at=None):
    """Inserts an article with this Markdown body, in its own
    transaction, as another program would."""
    now = int(time.time())
    at = now - 60 if at is None else at
    con = sqlite3.connect(db, timeout=10)
    try:
        with con:
            con.execute(
                "INSERT INTO articles (edition_id, slug, title, body_md, "
                "body_html, state, published_at, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, '<p>x</p>', ?, ?, ?, ?)",
                (edition, slug, title, body, state, at, at, at))
    finally:
        con.close()


def sql(db, statement, *params):
    """Runs one statement in its own transaction."""
    con = sqlite3.connect(db, timeout=10)
    try:
        with con:
            con.execute(statement, params)
    finally:
        con.close()


def add_page(db, edition, slug, title, body, state="published"):
    """Inserts a page with this Markdown body, as another program
    would."""
    sql(db, "INSERT INTO pages (edition_id, slug, title, body_md, "
            "body_html, state, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, '<p>x</p>', ?, 1, 1)",
        edition, slug, title, body, state)


def page_results(page):
    """The addresses of the page results on a search page, in order."""
    return [h for h in re.findall(r'<h2 dir="auto"><a href="([^"]+)">',
                                  page)
            if not re.match(r"(/[a-z]+)?/articles/", h)]


def results(page):
    """The slugs of the results on a search page, in order."""
    return re.findall(r'<h2 dir="auto"><a href="/articles/([^"]+)">', page)


def main():
    with harness.Site() as site:
        pages = []

        def search(q, extra="", status=200):
            path = "/search?q=" + urllib.parse.quote(q, safe="") + extra
            r = site.get(path)
            check(r.status == status, "GET %s: %d, expected %d" %
                  (path, r.status, status))
            pages.append((path, r.body))
            return r

        persian = unicodedata.normalize(
            "NFD", "آموزش کتاب علی مسئله ۱۴۰۴ می\u200cخواهم")
        check(persian != unicodedata.normalize("NFC", persian),
              "the Persian text is not stored decomposed")
        add(site.db, 1, "e2e-persian", "Persian notes", persian)
        add(site.db, 1, "e2e-arabic", "كتاب عربي", "١٤٠٤ سنة")
        add(site.db, 1, "e2e-script", "Escaping",
            "before <script>alert(1)</script> xylophone & after")
        add(site.db, 1, "e2e-draft", "Draft", "draftword", state="draft")
        add(site.db, 1, "e2e-future", "Future", "futureword",
            at=int(time.time()) + 86400)
        add(site.db, 2, "e2e-other", "Other", "otherword")
        for i in range(11):
            add(site.db, 1, "e2e-pager-%02d" % i, "Pager %02d" % i,
                "pagerword", at=int(time.time()) - 1000 - i)

        # The fold, both ways.
        for q, want in (
                (unicodedata.normalize("NFC", "آموزش"), {"e2e-persian"}),
                ("مسئله", {"e2e-persian"}),
                ("كتاب", {"e2e-persian", "e2e-arabic"}),
                ("کتاب", {"e2e-persian", "e2e-arabic"}),
                ("علي", {"e2e-persian"}),
                ("عربی", {"e2e-arabic"}),
                ("1404", {"e2e-persian", "e2e-arabic"}),
                ("۱۴۰۴", {"e2e-persian", "e2e-arabic"}),
                ("١٤٠٤", {"e2e-persian", "e2e-arabic"}),
                ("میخواهم", {"e2e-persian"}),
                ("می\u200cخواهم", {"e2e-persian"}),
                ("XYLOPHONE", {"e2e-script"})):
            got = set(results(search(q).text()))
            check(got == want, "q=%r found %r, expected %r" % (q, got, want))

        # Snippets: the original text, escaped, with <mark> only.
        page = search("xylophone").text()
        check("&lt;script&gt;alert(1)&lt;/script&gt;" in page,
              "the snippet's <script> is not escaped")
        check("<script>alert" not in page, "a <script> reached the page")
        check("<mark>xylophone</mark>" in page, "no <mark> around the match")
        page = search("می\u200cخواهم").text()
        check("<mark>می\u200cخواهم</mark>" in page,
              "the Persian match is not marked in its original spelling")

        # Hostile queries: text, never an error.
        for q in ('"', '""', "*", "a*", "NEAR(a b", "NEAR", "-xylophone",
                  "^", "^xylophone", "(", ")", "((a)", "a OR", "AND",
                  "NOT", "col:x", "{a}:b", "'", "\\", "%", "\ue000", "\ufffd",
                  'xylophone"'):
            search(q)
        check(results(search("-xylophone").text()) == ["e2e-script"],
              "-xylophone is not the word xylophone")
        r = search("a" * 201, status=400)
        check("too long" in r.text(), "no message for a too long query")
        r = site.get("/search?q=x&page=0")
        check(r.status == 400, "page=0: %d" % r.status)

        # Not found: drafts, the future, another edition.
        for q in ("draftword", "futureword", "otherword"):
            page = search(q).text()
            check(results(page) == [], "q=%s found %r" % (q,
                                                          results(page)))
            check("Nothing matches your search." in page,
                  "q=%s: no 'no results' message" % q)

        # The pager: 10, then 1; the query kept in the box and the links.
        page = search("pagerword").text()
        check(len(results(page)) == 10, "page 1: %d results" %
              len(results(page)))
        check('value="pagerword"' in page, "the query is not in the box")
        older = re.search(r'class="older" href="([^"]+)"', page)
        check(older is not None, "no link to page 2")
        path = html.unescape(older.group(1))
        r = site.get(path)
        check(r.status == 200 and len(results(r.text())) == 1,
              "%s: %d, %d results" % (path, r.status, len(results(r.text()))))
        pages.append((path, r.body))

        # Kept in step: an update and a deletion by another program.
        sql(site.db, "UPDATE articles SET body_md = 'glockenspiel' "
                     "WHERE slug = 'e2e-script'")
        check(results(search("glockenspiel").text()) == ["e2e-script"],
              "the new word is not found after an update")
        check(results(search("xylophone").text()) == [],
              "the removed word is still found")
        sql(site.db, "DELETE FROM articles WHERE slug = 'e2e-script'")
        check(results(search("glockenspiel").text()) == [],
              "a deleted article is still found")

        # Pages: found with the articles, at their own address, in their
        # edition only; a change of state reaches the index.
        add_page(site.db, 1, "e2e-marimba", "Marimba lessons",
                 "We teach <b>marimba</b> & more.")
        add_page(site.db, 3, "e2e-fa-marimba", "ماریمبا", "marimba")
        add(site.db, 1, "e2e-marimba-news", "News", "a marimba concert",
            at=int(time.time()) - 86400 * 400)
        page = search("marimba").text()
        check(page_results(page) == ["/e2e-marimba"] and
              results(page) == ["e2e-marimba-news"],
              "q=marimba: %r %r" % (page_results(page), results(page)))
        check(page.index('href="/e2e-marimba"') <
              page.index('href="/articles/e2e-marimba-news"'),
              "the page's title match is not first")
        r = site.get("/e2e-marimba")
        check(r.status == 200, "the page's result links to %d" % r.status)
        r = site.get("/fa/search?q=marimba")
        check(r.status == 200 and
              page_results(r.text()) == ["/fa/e2e-fa-marimba"],
              "/fa/search?q=marimba: %r" % page_results(r.text()))
        pages.append(("/fa/search?q=marimba", r.body))
        sql(site.db, "UPDATE pages SET state = 'draft' "
                     "WHERE slug = 'e2e-marimba'")
        check(page_results(search("marimba").text()) == [],
              "an unpublished page is still found")

        # A public page: ETag and no-cache, no cookie, the security headers.
        r = search("pagerword")
        check(r.header("ETag") and "no-cache" in (r.header("Cache-Control")
                                                 or ""),
              "search is not a public page: %r" % r)
        check(r.header("Set-Cookie") is None, "a reader got a cookie")
        check(r.header("Content-Security-Policy"), "no CSP")
        r2 = site.get("/search?q=pagerword",
                      headers={"If-None-Match": r.header("ETag")})
        check(r2.status == 304, "the ETag is not honoured: %d" % r2.status)

        # The search box on the home page.
        r = site.get("/")
        check('action="/search"' in r.text(), "no search box on /")
        pages.append(("/", r.body))

        folder = os.path.join(site.tmp, "search-pages")
        os.makedirs(folder)
        files = {}
        for i, (target, body) in enumerate(pages):
            path = os.path.join(folder, "page%03d.html" % i)
            with open(path, "wb") as f:
                f.write(body)
            files[path] = target
        errors = harness.vnu(files)
        check(not errors, "vnu: %s" % "\n".join(errors[:10]))
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
