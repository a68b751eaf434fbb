"""test_share.py: share links through nginx, for every article of the demo
site.  Each article page's share list must carry, percent-encoded, exactly
the article's title (as the reader sees it in the page's h1: quotes,
apostrophes, ampersands and non-Latin letters included) and its absolute
URL, built from the base-URL setting and never from the Host header; the
listing's share links for the same article must be identical."""

import html
import os
import re
import sqlite3
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

BASE = "https://homeward.example.org"
SERVICES = ("facebook.com/sharer", "x.com/intent", "pinterest.com/pin",
            "wa.me/", "t.me/share", "mailto:")


def share_list(page):
    """Returns the hrefs of the first share list in page."""
    m = re.search(r'<ul class="share"[^>]*>(.*?)</ul>', page, re.S)
    check(m is not None, "no share list")
    return [html.unescape(h) for h in re.findall(r'href="([^"]*)"',
                                                  m.group(1))]


def params(href):
    """The query (or, for mailto, the header fields) of a share link."""
    query = href.split("?", 1)[1] if "?" in href else ""
    return urllib.parse.parse_qs(query, keep_blank_values=True,
                                 strict_parsing=True)


def main():
    with harness.Site() as site:
        con = sqlite3.connect(site.db)
        with con:
            con.execute("UPDATE settings SET value = ? WHERE key = "
                        "'base_url'", (BASE + "/",))
        slugs = [r[0] for r in con.execute(
            "SELECT slug FROM articles WHERE state = 'published' "
            "AND edition_id = 1")]
        con.close()
        check(len(slugs) >= 40, "demo has %d articles" % len(slugs))
        odd = 0
        for slug in slugs:
            path = "/articles/" + slug
            r = site.get(path, headers={"Host": "evil.example"})
            check(r.status == 200, "%s: %d" % (path, r.status))
            page = r.text()
            check("evil.example" not in page, "%s: Host leaked" % path)
            title = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page,
                                            re.S).group(1))
            if re.search(r"[\"'&\u2018-\u201f]|[^\x00-\x7f]", title):
                odd += 1
            links = share_list(page)
            check(len(links) == len(SERVICES) and all(
                s in l for s, l in zip(SERVICES, links)),
                "%s: share links %r" % (path, links))
            url = BASE + path
            for link in links:
                q = params(link)
                if link.startswith("mailto:"):
                    got_url, got_title = q["body"][0], q["subject"][0]
                elif "wa.me" in link:
                    got_title, _, got_url = q["text"][0].rpartition(" ")
                else:
                    got_url = q.get("url", q.get("u"))[0]
                    got_title = (q.get("text") or q.get("description")
                                 or [title])[0]
                check(got_url == url, "%s: %s has URL %r" % (path, link,
                                                              got_url))
                check(got_title == title, "%s: %s has title %r, want %r"
                      % (path, link, got_title, title))
                check(" " not in link and '"' not in link,
                      "%s: unencoded character in %r" % (path, link))
        check(odd >= 5, "only %d titles with quotes, ampersands or "
                        "non-Latin letters" % odd)
        # The home page shares the same links for its first article.
        home = site.get("/").text()
        first = re.search(r'<h2[^>]*><a href="(/articles/[^"]+)"', home).group(1)
        check(share_list(home) == share_list(site.get(first).text()),
              "listing and article share links differ")
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
