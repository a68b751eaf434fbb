"""test_crawl.py: crawls the starter site through nginx from / (and a few
date archives, which nothing links) and checks
every internal link answers 200 to GET and to HEAD (same headers, empty
body), every HTML page carries the security headers and passes the HTML5
validator (one vnu run over all pages), stylesheets carry nginx's headers,
unknown pages are the site's own 404, wrong methods 405 with Allow, and
/page/1 redirects to /.  Finally gazette's log must be clean."""

import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crawler  # noqa: E402
import harness  # noqa: E402
from harness import check  # noqa: E402

# Headers that may differ between two answers to the same request.
VOLATILE = {"date"}


def header_set(r):
    return sorted((k.lower(), v) for k, v in r.headers.items()
                  if k.lower() not in VOLATILE)


def check_security_headers(r, what):
    csp = r.headers.get_all("Content-Security-Policy") or []
    check(len(csp) == 1, "%s: expected one Content-Security-Policy, got %r"
          % (what, csp))
    check("frame-ancestors" in csp[0],
          "%s: CSP lacks frame-ancestors: %r" % (what, csp[0]))
    nosniff = r.headers.get_all("X-Content-Type-Options") or []
    check(nosniff == ["nosniff"],
          "%s: X-Content-Type-Options %r" % (what, nosniff))
    referrer = r.headers.get_all("Referrer-Policy") or []
    check(len(referrer) == 1, "%s: Referrer-Policy %r" % (what, referrer))


def is_html(r):
    return (r.header("Content-Type") or "").startswith("text/html")


def crawl(site, failures):
    """Crawls from / (crawler.py), asking every address also with HEAD;
    returns (html pages as (target, body), other targets with their
    answers)."""
    pages = []
    assets = []
    c = crawler.Crawler(site.get, site.base, failures)
    # Nothing links the date archives: the starter's first day (the same
    # in every edition) and its month and year are starting points.
    starts = ["/", "/2019", "/2019/03", "/2019/03/04", "/fa/2019/03",
              "/fa/2019/03/04", "/ar/2019"]
    for target, r, links in c.run(starts):
        h = site.get(target, method="HEAD")
        if h.status != 200:
            failures.append("HEAD %s: %d" % (c.where(target), h.status))
        elif h.body:
            failures.append("HEAD %s: %d bytes of body" % (target,
                                                           len(h.body)))
        elif header_set(h) != header_set(r):
            failures.append("HEAD %s: headers differ from GET:\n  GET  %s\n"
                            "  HEAD %s" % (target, header_set(r),
                                           header_set(h)))
        if links is None:
            assets.append((target, r))
            continue
        try:
            check_security_headers(r, "GET " + target)
        except harness.Failure as e:
            failures.append(str(e))
        pages.append((target, r.body))
    return pages, assets


def main():
    failures = []
    with harness.Site() as site:
        pages, assets = crawl(site, failures)
        harness.log("crawled %d HTML pages and %d other files" %
                    (len(pages), len(assets)))
        check(len(pages) > 1, "the home page links to no other page")

        css = [(t, r) for t, r in assets
               if (r.header("Content-Type") or "").startswith("text/css")]
        if not css:
            failures.append("no stylesheet is linked from any page")
        for target, r in css:
            try:
                check_security_headers(r, "GET " + target)
                check(r.header("X-Frame-Options") is not None,
                      "GET %s: no X-Frame-Options from nginx" % target)
                check(r.header("Cache-Control") is not None,
                      "GET %s: no Cache-Control (expires)" % target)
            except harness.Failure as e:
                failures.append(str(e))

        # Unknown pages: the site's own 404 page, not nginx's.
        for target in ("/page/0", "/page/abc", "/page/99999",
                       "/no-such-page"):
            r = site.get(target)
            if r.status != 404:
                failures.append("GET %s: %d, expected 404" % (target,
                                                              r.status))
                continue
            text = r.text()
            if not is_html(r) or "<html" not in text.lower() or \
                    "<center>nginx" in text:
                failures.append("GET %s: 404 is not the site's page" % target)
            try:
                check_security_headers(r, "GET " + target)
            except harness.Failure as e:
                failures.append(str(e))
            pages.append((target, r.body))

        for method in ("PUT", "DELETE", "PATCH"):
            r = site.get("/", method=method, body=b"")
            if r.status != 405:
                failures.append("%s /: %d, expected 405" % (method, r.status))
            elif not r.header("Allow") or "GET" not in r.header("Allow"):
                failures.append("%s /: 405 without an Allow header naming "
                                "GET (%r)" % (method, r.header("Allow")))

        r = site.get("/page/1")
        location = r.header("Location") or ""
        if r.status != 301 or urllib.parse.urlsplit(location).path != "/":
            failures.append("GET /page/1: %d to %r, expected 301 to /" %
                            (r.status, location))

        # One validator run over every page fetched.
        folder = os.path.join(site.tmp, "pages")
        os.makedirs(folder)
        files = {}
        for i, (target, body) in enumerate(pages):
            path = os.path.join(folder, "page%04d.html" % i)
            with open(path, "wb") as f:
                f.write(body)
            files[path] = target
        errors = harness.vnu(files)
        for line in errors:
            for path, target in files.items():
                if path in line:
                    line = line.replace(path, target)
                    break
            failures.append("vnu: " + line)

        site.check_log()
        crawler.report(failures)


if __name__ == "__main__":
    harness.run(main)
