"""test_backup.py: `gazette backup` while the site is served and written,
and a restore as README.md describes it.

An editor publishes articles through nginx one after another (each
acknowledged by a 303) while `gazette backup` copies the database three
times.  Each copy passes `gazette check`, holds every article acknowledged
before its backup started, and holds a gap-free run of them (a consistent
snapshot: never a later article without an earlier one).  The last copy is
restored into a new folder with a copy of the uploads, served through nginx,
and every article it holds answers 200 with its title, as do the home page
and an upload; the live site and the restored one show the same article
element for an article they both hold.  A backup never replaces an existing file, and
bad usage exits non-zero, changing nothing."""

import hashlib
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check, log  # noqa: E402

PASSWORD = "a long enough passphrase"
WRITE_SECONDS = 8
WRITE_MAX = 5000

form_field = harness.form_field
post = harness.post


def login(site):
    p = subprocess.run([site.binary, "user", "add", "--db", site.db,
                        "--name", "editor1", "--role", "editor"],
                       input=(PASSWORD + "\n").encode(),
                       capture_output=True, timeout=60)
    check(p.returncode == 0, "user add: %r" % p.stderr)
    token = form_field(site.get("/admin/login").text(), "form_token")
    time.sleep(1.1)  # the form's minimum fill time
    r = post(site, "/admin/login", {"form_token": token, "name": "editor1",
                                     "password": PASSWORD})
    check(r.status == 303, "login: %r" % r)
    cookie = (r.header("Set-Cookie") or "").split(";")[0]
    page = site.get("/admin/articles/new", headers={"Cookie": cookie})
    check(page.status == 200, "editor: %r" % page)
    return cookie, form_field(page.text(), "csrf")


class Writer(threading.Thread):
    """Publishes "Backup N" for N = 0, 1, … until stopped; acked is how
    many were acknowledged (303), in order."""

    def __init__(self, site, cookie, csrf):
        super().__init__(daemon=True)
        self.site, self.cookie, self.csrf = site, cookie, csrf
        self.acked = 0
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            end = time.monotonic() + WRITE_SECONDS
            while (not self.stop.is_set() and time.monotonic() < end
                   and self.acked < WRITE_MAX):
                n = self.acked
                r = post(self.site, "/admin/articles/new",
                         {"csrf": self.csrf, "title": "Backup %d" % n,
                          "body": "Written while a backup ran: %d." % n,
                          "state": "published"}, self.cookie)
                if r.status != 303:
                    self.error = "article %d: %r %s" % (n, r, r.text()[:200])
                    return
                self.acked = n + 1
        except Exception as e:  # reported by the main thread
            self.error = repr(e)


def backup_numbers(db):
    """The N of every "Backup N" article in db (opened read-only),
    sorted."""
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        rows = con.execute("SELECT title FROM articles WHERE title LIKE "
                           "'Backup %'").fetchall()
    finally:
        con.close()
    return sorted(int(t.split()[1]) for (t,) in rows)


def article_of(page):
    """The <article> element of an article page, without its form's
    token (a fresh one on every request)."""
    m = re.search(r'<article class="article">.*?</article>', page, re.S)
    check(m is not None, "no article element")
    return re.sub(r'name="form_token" value="[^"]*"', "", m.group(0))


def gazette(binary, *args):
    return subprocess.run([binary] + list(args), capture_output=True,
                          text=True, timeout=120)


def main():
    with harness.Site() as site:
        cookie, csrf = login(site)
        out = os.path.join(site.tmp, "backups")
        os.makedirs(out)
        writer = Writer(site, cookie, csrf)
        writer.start()
        copies = []
        for i in range(3):
            time.sleep(1.5)
            before = writer.acked
            path = os.path.join(out, "copy%d.db" % i)
            t0 = time.monotonic()
            p = gazette(site.binary, "backup", "--db", site.db, path)
            took = time.monotonic() - t0
            check(p.returncode == 0, "backup %d: %s" % (i, p.stderr))
            check(re.match(r"backed up .* \(\d+ bytes, schema level \d+\)",
                           p.stdout) is not None, "summary: %r" % p.stdout)
            log("backup %d: %.3f s, %d articles acknowledged before it, "
                "%d after" % (i, took, before, writer.acked))
            copies.append((path, before))
        writer.stop.set()
        writer.join(60)
        check(writer.error is None, "writer: %s" % writer.error)
        check(writer.acked >= 10, "only %d writes" % writer.acked)

        for path, before in copies:
            p = gazette(site.binary, "check", "--db", path)
            check(p.returncode == 0 and p.stdout.strip() == "ok",
                  "check %s: %s %s" % (path, p.stdout, p.stderr))
            got = backup_numbers(path)
            check(got == list(range(len(got))),
                  "%s is not a snapshot: %r" % (path, got[:20]))
            check(len(got) >= before,
                  "%s lost acknowledged writes: %d < %d"
                  % (path, len(got), before))
            check(not os.path.exists(path + ".incomplete")
                  and not os.path.exists(path + "-wal"),
                  "%s left files beside it" % path)

        # Never over an existing file, and bad usage: nothing changes.
        last = copies[-1][0]
        digest = hashlib.sha256(open(last, "rb").read()).hexdigest()
        p = gazette(site.binary, "backup", "--db", site.db, last)
        check(p.returncode == 1 and "exists" in p.stderr,
              "over an existing file: %d %s" % (p.returncode, p.stderr))
        check(hashlib.sha256(open(last, "rb").read()).hexdigest() == digest,
              "an existing file was changed")
        for args, code in ((["--db", site.db], 2),
                           (["--db", site.db, "a.db", "b.db"], 2),
                           (["--db", os.path.join(site.tmp, "none.db"),
                             os.path.join(out, "x.db")], 1),
                           (["--db", site.db,
                             os.path.join(site.tmp, "no", "x.db")], 1)):
            p = gazette(site.binary, "backup", *args)
            check(p.returncode == code and p.stderr.startswith(
                "gazette: backup: "), "backup %r: %d %s"
                % (args, p.returncode, p.stderr))
        check(sorted(os.listdir(out)) == ["copy0.db", "copy1.db",
                                         "copy2.db"],
              "stray files: %r" % os.listdir(out))

        # Restore: the database file, then the uploads, into a new folder.
        held = backup_numbers(last)
        live_page = site.get("/articles/backup-0")
        check(live_page.status == 200, "live article: %r" % live_page)
        with harness.Site(db_from=last, uploads_from=site.uploads) as restored:
            for n in held:
                r = restored.get("/articles/backup-%d" % n)
                check(r.status == 200 and ("Backup %d" % n) in r.text(),
                      "restored article %d: %r" % (n, r))
            r = restored.get("/")
            check(r.status == 200 and "Backup %d" % held[-1] in r.text(),
                  "restored home page: %r" % r)
            r = restored.get("/articles/backup-%d" % (held[-1] + 1))
            check(r.status == 404 or held[-1] + 1 >= writer.acked,
                  "an article after the backup is on the restored site")
            files = [os.path.relpath(os.path.join(d, f), site.uploads)
                     for d, _, names in os.walk(site.uploads)
                     for f in names]
            check(len(files) > 0, "no uploads to restore")
            for rel in files[:5]:
                r = restored.get("/uploads/" + rel)
                want = open(os.path.join(site.uploads, rel), "rb").read()
                check(r.status == 200 and r.body == want,
                      "restored upload %s: %r" % (rel, r))
            r = restored.get("/articles/backup-0")
            a, b = article_of(r.text()), article_of(live_page.text())
            check(a == b, "the restored article differs from the live "
                  "one:\n%s\n----\n%s" % (a, b))
            p = gazette(restored.binary, "check", "--db", restored.db)
            check(p.returncode == 0, "check restored: %s" % p.stdout)
            restored.check_log()
        site.check_log()
        log("%d articles written, copies hold %s" % (
            writer.acked, [len(backup_numbers(c))
                           for c, _ in copies]))


if __name__ == "__main__":
    harness.run(main)
