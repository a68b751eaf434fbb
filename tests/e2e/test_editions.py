"""test_editions.py: the four editions through real nginx and `gazette
serve`.  For English, Arabic, Farsi and Albanian: the home page, a
translated article, an article of the edition's own (Arabic and Persian
slugs percent-encoded), the category and tag archives, the About page, the
contact form and the media and publication sections answer 200 with the
edition's <html lang dir>, its interface strings and digits, and its menu
with the Editions entry; translated articles carry absolute hreflang
alternates (from the base URL setting, x-default English) and "Read in"
links.  An admin (made with `gazette user add`) adds a fifth edition
through the real form: it is served at once under its prefix, with the
English interface and in every Editions entry.  Every page, the admin's
editions and strings pages and the editors' translation field too, is
valid HTML (one vnu run).  A disabled edition's prefix is an unknown path.
"""

import html
import os
import re
import sqlite3
import subprocess
import time
import urllib.parse

import harness

BASE_URL = "http://127.0.0.1:8080"
PASSWORD = "correct horse battery staple"

EDITIONS = [
    # prefix, lang, dir, translated slug, own slug, category, tag,
    # recent posts, a word of a date
    ("", "en", "ltr", "homeward-watch-opens-its-doors",
     "seven-years-of-homeward-watch", "news", "families", "Recent Posts",
     "2019"),
    ("/ar", "ar", "rtl", "homeward-watch-opens-its-doors",
     "رسایل-من-حلوان", "news", "عایلات", "أحدث المقالات", "٢٠٢٦"),
    ("/fa", "fa", "rtl", "homeward-watch-opens-its-doors",
     "گفتگو-با-یک-مادر", "news", "خانواده", "تازه\u200cترین نوشته\u200cها",
     "۲۰۲۶"),
    ("/sq", "sq", "ltr", "vezhguesi-i-kthimit-hap-dyert",
     "takim-i-familjeve-ne-tirane", "lajme", "familjet", "Artikujt e fundit",
     "nëntor"),
]

SECTIONS = ["/about", "/contact", "/media/cartoons", "/media/photos",
            "/media/videos", "/publications/books",
            "/publications/newsletter"]


def quote(path):
    """Percent-encodes a path as a browser sends it."""
    return urllib.parse.quote(path, safe="/?=&")

form_field = harness.form_field
post = harness.post


def admin_session(site):
    """Makes an admin account and signs in through the login form;
    returns the session cookie ("name=value")."""
    p = subprocess.run([site.binary, "user", "add", "--db", site.db,
                        "--name", "admin1", "--role", "admin"],
                       input=(PASSWORD + "\n").encode(),
                       capture_output=True, timeout=60)
    harness.check(p.returncode == 0, "user add: %r" % p.stderr)
    r = site.get("/admin/login")
    token = form_field(r.text(), "form_token")
    time.sleep(1.1)  # the form's minimum fill time
    r = post(site, "/admin/login", {"form_token": token, "name": "admin1",
                                     "password": PASSWORD})
    harness.check(r.status == 303, "login: %r" % r)
    return (r.header("Set-Cookie") or "").split(";")[0]


def main():
    with harness.Site() as site:
        pages = []
        failures = []

        def fetch(path, want=200):
            r = site.get(quote(path))
            if r.status != want:
                failures.append("GET %s: %d, expected %d" %
                                (path, r.status, want))
            elif want == 200:
                pages.append((path, r.body))
            return r

        for (prefix, lang, direction, translated, own, category, tag,
             recent, date_word) in EDITIONS:
            html_tag = '<html lang="%s" dir="%s">' % (lang, direction)
            paths = [prefix + "/", prefix + "/articles/" + translated,
                     prefix + "/articles/" + own,
                     prefix + "/category/" + category,
                     prefix + "/tag/" + tag] + [prefix + s for s in SECTIONS]
            for path in paths:
                r = fetch(path)
                if r.status == 200 and html_tag not in r.text():
                    failures.append("%s: no %s" % (path, html_tag))
            # Search in the edition: a word of its own article's title
            # finds that article, on a page in the edition's language.
            own_page = site.get(quote(prefix + "/articles/" + own)).text()
            m = re.search(r'<h1 dir="auto">([^<]+)</h1>', own_page)
            if m is None:
                failures.append("%s: no title" % own)
            else:
                word = max(re.findall(r"\w+", html.unescape(m.group(1))),
                           key=len)
                r = fetch(prefix + "/search?q=" + word)
                found = r.text()
                if r.status == 200 and (
                        html_tag not in found or
                        ('/articles/' + own) not in urllib.parse.unquote(
                            found)):
                    failures.append("%s/search?q=%s: %s not found" %
                                    (prefix, word, own))
            home = site.get(quote(prefix + "/")).text()
            if recent not in home:
                failures.append("%s/: no %r" % (prefix, recent))
            if date_word not in home:
                failures.append("%s/: no date with %r" % (prefix, date_word))
            # The Editions entry links every edition's home, in its
            # language.
            for code, name in (("", "English"), ("/ar", "عربي"),
                               ("/fa", "فارسی"), ("/sq", "Shqip")):
                link = '<a href="%s/" hreflang="%s" lang="%s">%s</a>' % (
                    code, code[1:] or "en", code[1:] or "en", name)
                if link not in home:
                    failures.append("%s/: no Editions link %s" %
                                    (prefix, link))
            # Menu links stay in the edition.
            if prefix and ('href="%s/about"' % prefix) not in home:
                failures.append("%s/: the menu leaves the edition" % prefix)

            # The translated article: alternates for all four, absolute.
            article = site.get(quote(prefix + "/articles/" + translated))
            text = article.text()
            alternates = dict(re.findall(
                r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">',
                text))
            want = {
                "en": BASE_URL + "/articles/homeward-watch-opens-its-doors",
                "x-default": BASE_URL +
                "/articles/homeward-watch-opens-its-doors",
                "ar": BASE_URL + "/ar/articles/homeward-watch-opens-its-doors",
                "fa": BASE_URL + "/fa/articles/homeward-watch-opens-its-doors",
                "sq": BASE_URL + "/sq/articles/vezhguesi-i-kthimit-hap-dyert",
            }
            if alternates != want:
                failures.append("%s: alternates %r" % (translated, alternates))
            if 'class="read-in"' not in text:
                failures.append("%s%s: no Read in links" %
                                (prefix, translated))
            for other, url in want.items():
                here = prefix[1:] or "en"
                if other in ("x-default", here):
                    continue
                path = url[len(BASE_URL):]
                if ('href="%s" hreflang="%s"' % (path, other)) not in text:
                    failures.append("%s%s: no link to %s" %
                                    (prefix, translated, path))
                r = site.get(path)
                if r.status != 200:
                    failures.append("GET %s: %d" % (path, r.status))
            # An article of the edition's own has none.
            own_text = site.get(quote(prefix + "/articles/" + own)).text()
            if 'rel="alternate" hreflang' in own_text and prefix:
                failures.append("%s/articles/%s: alternates" % (prefix, own))

        # The admin's pages, and a fifth edition added through its form.
        cookie = admin_session(site)
        for path in ("/admin/editions", "/admin/editions/3",
                     "/admin/editions/2/strings?q=month",
                     "/admin/articles/101", "/admin/pages/new",
                     "/admin/pages?edition=2",
                     "/admin/media-posts?edition=3",
                     "/admin/publications?edition=4"):
            r = site.get(quote(path), headers={"Cookie": cookie})
            if r.status != 200:
                failures.append("GET %s: %d" % (path, r.status))
            else:
                pages.append((path, r.body))
        r = site.get("/admin/editions", headers={"Cookie": cookie})
        r = post(site, "/admin/editions", {
            "csrf": form_field(r.text(), "csrf"), "code": "de",
            "prefix": "de", "name": "Deutsch", "lang": "de", "dir": "ltr",
            "date_style": "dmy", "digits": "latn",
            "site_name": "Heimkehr-Wache", "tagline": "", "position": "4",
            "enabled": "1"}, cookie)
        if r.status != 303:
            failures.append("adding an edition: %r" % r)
        r = fetch("/de/")
        if '<html lang="de" dir="ltr">' not in r.text() or \
                "Recent Posts" not in r.text():
            failures.append("/de/: not the new edition")
        if '<a href="/de/" hreflang="de" lang="de">Deutsch</a>' not in \
                site.get("/fa/").text():
            failures.append("/fa/: no link to the new edition")
        fetch("/de/contact")

        # Another edition's article is not found under this prefix.
        fetch("/sq/articles/seven-years-of-homeward-watch", want=404)
        fetch("/ar/articles/takim-i-familjeve-ne-tirane", want=404)

        # A disabled edition's prefix is an unknown path (the worker sees
        # the commit at its next request).
        db = sqlite3.connect(site.db)
        with db:
            db.execute("UPDATE editions SET enabled = 0 WHERE code = 'sq'")
        db.close()
        fetch("/sq/articles/takim-i-familjeve-ne-tirane", want=404)
        home = site.get("/").text()
        if 'href="/sq/"' in home:
            failures.append("/: a disabled edition in the menu")

        # One validator run over every page fetched.
        folder = os.path.join(site.tmp, "pages")
        os.makedirs(folder)
        files = {}
        for i, (target, body) in enumerate(pages):
            path = os.path.join(folder, "page%03d.html" % i)
            with open(path, "wb") as f:
                f.write(body)
            files[path] = target
        for line in harness.vnu(files):
            for path, target in files.items():
                if path in line:
                    line = line.replace(path, target)
                    break
            failures.append("vnu: " + line)
        harness.log("%d pages checked" % len(pages))

        site.check_log()
        if failures:
            for f in failures:
                harness.log("  " + f)
            raise harness.Failure("%d problems" % len(failures))


harness.run(main)
