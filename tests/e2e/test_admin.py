"""test_admin.py: signing in through nginx.  An account made with `gazette
user add` logs in with the real form (after its minimum fill time), gets a
session cookie with the right flags, sees the dashboard, and logs out; the
login and dashboard pages, the pages list and editor (with a preview), the
menu editor (with a refused row), the categories and tags pages (with
a refused category), and the lists and editors of media posts
and publications (an album's photos and an issue's contents, with a refused
row each), the lost-password form, a refused reset link and the account
page pass the HTML validator; nginx's limit_req turns a burst of
logins into 429 before the application is asked."""

import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

PASSWORD = "a long enough passphrase"

form_field = harness.form_field
post = harness.post


def main():
    with harness.Site() as site:
        p = subprocess.run([site.binary, "user", "add", "--db", site.db,
                            "--name", "editor1", "--role", "editor"],
                           input=(PASSWORD + "\n").encode(),
                           capture_output=True, timeout=60)
        check(p.returncode == 0, "user add: %r" % p.stderr)
        pages = {}

        r = site.get("/admin")
        check(r.status == 303 and r.header("Location") == "/admin/login",
              "no session: %r" % r)
        r = site.get("/admin/login")
        check(r.status == 200 and r.header("Set-Cookie") is None,
              "login form: %r" % r)
        check("no-store" in (r.header("Cache-Control") or ""),
              "login form is cacheable")
        pages["login"] = r.text()
        token = form_field(r.text(), "form_token")
        check('href="/admin/lost-password"' in r.text(),
              "the login page has no lost-password link")
        r = site.get("/admin/lost-password")
        check(r.status == 200 and r.header("Set-Cookie") is None,
              "lost-password form: %r" % r)
        pages["lost-password"] = r.text()
        r = site.get("/admin/reset?token=" + "A" * 43)
        check(r.status == 400 and "does not work" in r.text(),
              "a forged reset link: %r" % r)
        pages["reset-bad-link"] = r.text()
        time.sleep(1.1)  # the form's minimum fill time
        r = post(site, "/admin/login", {"form_token": token,
                                         "name": "editor1",
                                         "password": PASSWORD})
        check(r.status == 303, "login: %r %s" % (r, r.text()[:300]))
        set_cookie = r.header("Set-Cookie") or ""
        check(re.fullmatch(r"gazette_session=[A-Za-z0-9_-]{43}; Path=/; "
                           r"Max-Age=\d+; HttpOnly; SameSite=Lax",
                           set_cookie) is not None,
              "cookie flags: %r" % set_cookie)
        cookie = set_cookie.split(";")[0]

        r = site.get("/admin", headers={"Cookie": cookie})
        check(r.status == 200 and "editor1" in r.text(),
              "dashboard: %r" % r)
        pages["dashboard"] = r.text()
        for name, path in (("pages", "/admin/pages"),
                           ("page-new", "/admin/pages/new"),
                           ("page-edit", "/admin/pages/1"),
                           ("menu", "/admin/menu"),
                           ("media-posts", "/admin/media-posts"),
                           ("album-new", "/admin/media-posts/new?section="
                            "photos"),
                           ("album-edit", "/admin/media-posts/7"),
                           ("video-edit", "/admin/media-posts/9"),
                           ("publications", "/admin/publications"),
                           ("issue-new", "/admin/publications/new?kind="
                            "newsletter"),
                           ("issue-edit", "/admin/publications/5"),
                           ("categories", "/admin/categories"),
                           ("category-edit", "/admin/categories/2"),
                           ("tags", "/admin/tags?edition=2"),
                           ("tag-edit", "/admin/tags/1"),
                           ("account", "/admin/account")):
            r = site.get(path, headers={"Cookie": cookie})
            check(r.status == 200, "%s: %r" % (path, r))
            pages[name] = r.text()
        csrf = form_field(pages["dashboard"], "csrf")
        r = post(site, "/admin/pages/new",
                 {"csrf": csrf, "title": "Preview", "body": "## Heading",
                  "state": "draft", "action": "preview"}, cookie)
        check(r.status == 200 and "<h2>Heading</h2>" in r.text(),
              "page preview: %r" % r)
        pages["page-preview"] = r.text()
        r = post(site, "/admin/menu",
                 {"csrf": csrf, "edition": "en", "label-new1": "Bad",
                  "url-new1": "javascript:alert(1)"}, cookie)
        check(r.status == 400 and 'aria-invalid="true"' in r.text(),
              "menu with a bad row: %r" % r)
        pages["menu-error"] = r.text()
        r = post(site, "/admin/media-posts/new",
                 {"csrf": csrf, "title": "Album", "section": "photos",
                  "state": "draft", "album": "1", "photo-new1": "",
                  "caption-new1": "A caption without a photo"}, cookie)
        check(r.status == 400 and 'aria-invalid="true"' in r.text(),
              "album with a bad row: %r" % r)
        pages["album-error"] = r.text()
        r = post(site, "/admin/publications/new",
                 {"csrf": csrf, "title": "Issue", "kind": "newsletter",
                  "number": "90", "state": "draft", "toc": "1",
                  "heading-new1": "", "excerpt-new1": "No heading",
                  "action": "preview"}, cookie)
        check(r.status == 400 and 'aria-invalid="true"' in r.text(),
              "contents with a bad row: %r" % r)
        pages["issue-error"] = r.text()
        r = post(site, "/admin/categories",
                 {"csrf": csrf, "edition": "1", "name": "Taken",
                  "slug": "news", "parent": "", "description": ""}, cookie)
        check(r.status == 400 and "has that slug" in r.text(),
              "category with a taken slug: %r" % r)
        pages["category-error"] = r.text()
        r = site.get("/", headers={"Cookie": cookie})
        check(r.header("Set-Cookie") is None, "a public page set a cookie")

        r = post(site, "/admin/logout",
                 {"csrf": form_field(pages["dashboard"], "csrf")}, cookie)
        check(r.status == 303, "logout: %r" % r)
        r = site.get("/admin", headers={"Cookie": cookie})
        check(r.status == 303, "the cookie still works after logout")

        with tempfile.TemporaryDirectory() as d:
            files = []
            for name, html in pages.items():
                path = os.path.join(d, name + ".html")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(html)
                files.append(path)
            errors = harness.vnu(files)
            check(not errors, "vnu:\n" + "\n".join(errors))

        # nginx's limit_req: a burst of 30 logins from one address.
        statuses = [post(site, "/admin/login", {"form_token": "x"}).status
                    for _ in range(30)]
        check(statuses.count(429) >= 10,
              "limit_req let %r through" % statuses)
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
