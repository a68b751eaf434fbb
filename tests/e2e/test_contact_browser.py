"""test_contact_browser.py: the contact form and the moderators' queue in a
real browser (Debian's chromium, headless, driven by
tests/e2e/contact_flow.mjs through playwright-core), with `gazette serve
--sendmail` pointing at a fake sendmail.

A fresh site gets a moderator made with `gazette user add`; base_url
becomes the address the browser uses, form_min_seconds 0 (the login form
may be sent at once; the contact form keeps its own 3 s), and
moderators_email an address.  contact_flow.mjs then has a reader send a
message and the moderator log in, find it, open it and mark it answered
with the keyboard (see the script's header), with axe-core on /contact,
the thank-you page, the queue and the message's page.  Afterwards:
  - the four pages the browser saw pass the HTML validator (vnu);
  - the database holds the message, answered, and the audit log the
    moderator's action with its id;
  - the timer process told the moderators through the fake sendmail: its
    argv was exactly PATH -t -i, its standard input a notice to
    moderators_email that holds nothing of what the reader wrote;
  - gazette's log is clean.

`make test` installs chromium, node and the npm packages
(scripts/install-deps.sh test), so a missing one is a failure; set
GAZETTE_SKIP_BROWSER=1 to skip this test instead."""

import glob
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

SCRIPT = os.path.join(harness.SOURCE, "tests", "e2e", "contact_flow.mjs")
FLOW_TIMEOUT = 120
NOTICE_TIMEOUT = 10  # seconds for the timer to run the fake sendmail
PASSWORD = "correct horse battery staple"
MODERATOR = "moderator.browser"
MODERATORS_EMAIL = "moderators@example.org"


def fake_sendmail(folder):
    """Writes a sendmail that records its argv (a line each) and standard
    input in folder; returns its path."""
    path = os.path.join(folder, "sendmail")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n"
                "for a in \"$0\" \"$@\"; do printf '%%s\\n' \"$a\"; done "
                "> '%s/argv.tmp'\n"
                "cat > '%s/stdin'\n"
                "mv '%s/argv.tmp' '%s/argv'\n" % ((folder,) * 4))
    os.chmod(path, stat.S_IRWXU)
    return path


def sql(db, statements, params=()):
    con = sqlite3.connect(db, timeout=10, isolation_level=None)
    try:
        return con.execute(statements, params).fetchall()
    finally:
        con.close()


def run_flow(node, site, out_dir):
    """Runs contact_flow.mjs, relaying its output; returns its exit
    status."""
    p = subprocess.Popen([node, SCRIPT, site.base, out_dir, MODERATOR,
                          PASSWORD], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         cwd=harness.SOURCE)
    timer = threading.Timer(FLOW_TIMEOUT, p.kill)
    timer.start()
    try:
        for line in p.stdout:
            sys.stdout.write(line.decode("utf-8", "replace"))
            sys.stdout.flush()
        rc = p.wait()
    finally:
        timer.cancel()
    return rc


def main():
    node = harness.browser_node()
    build = os.environ.get("GAZETTE_BUILD") or os.path.dirname(
        harness.find_binary())
    out_dir = os.path.join(build, "screenshots")
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "contact-*")):
        os.unlink(old)
    mail_dir = tempfile.mkdtemp(prefix="gz-sendmail-")
    try:
        sendmail = fake_sendmail(mail_dir)
        with harness.Site(serve_args=["--sendmail", sendmail]) as site:
            p = subprocess.run([site.binary, "user", "add", "--db", site.db,
                                "--name", MODERATOR, "--role", "moderator"],
                               input=(PASSWORD + "\n").encode(),
                               capture_output=True, timeout=60)
            check(p.returncode == 0, "gazette user add: %s" %
                  p.stderr.decode("utf-8", "replace"))
            for key, value in (("base_url", site.base + "/"),
                               ("form_min_seconds", "0"),
                               ("moderators_email", MODERATORS_EMAIL)):
                sql(site.db, "UPDATE settings SET value = ? WHERE key = ?",
                    (value, key))
            r = site.get("/contact")
            check(r.status == 200 and r.header("Set-Cookie") is None,
                  "/contact answered %d, Set-Cookie %r" % (
                      r.status, r.header("Set-Cookie")))

            rc = run_flow(node, site, out_dir)
            check(rc == 0, "contact browser flow failed (exit %d): see the "
                  "report above and %s/contact-*.png" % (rc, out_dir))

            pages = sorted(glob.glob(os.path.join(out_dir,
                                                  "contact-*.html")))
            check(len(pages) == 4, "expected 4 saved pages, have %s" %
                  pages)
            errors = harness.vnu(pages)
            check(not errors, "vnu:\n" + "\n".join(errors))
            harness.log("contact browser: vnu finds no error in %d pages" %
                        len(pages))

            rows = sql(site.db, "SELECT id, state, name FROM messages")
            check(len(rows) == 1 and rows[0][1] == "answered" and
                  rows[0][2] == "Reader Rahimi",
                  "messages in the database: %r" % rows)
            audit = sql(site.db, "SELECT count(*) FROM audit_log WHERE "
                        "action = 'message marked answered' AND "
                        "user_name = ? AND detail = ?",
                        (MODERATOR, "#%d" % rows[0][0]))
            check(audit[0][0] == 1, "no audit entry of the answer")

            deadline = time.monotonic() + NOTICE_TIMEOUT
            argv_path = os.path.join(mail_dir, "argv")
            while not os.path.exists(argv_path):
                check(time.monotonic() < deadline, "the fake sendmail did "
                      "not run within %ds" % NOTICE_TIMEOUT)
                time.sleep(0.1)
            with open(argv_path) as f:
                argv = f.read().splitlines()
            check(argv == [sendmail, "-t", "-i"],
                  "sendmail's argv: %r" % argv)
            with open(os.path.join(mail_dir, "stdin")) as f:
                notice = f.read()
            check(notice.startswith("To: %s\n" % MODERATORS_EMAIL),
                  "the notice: %r" % notice)
            check("1 new message came through" in notice and
                  site.base + "/admin/messages" in notice,
                  "the notice: %r" % notice)
            for secret in ("Rahimi", "reader@example.org", "cousin"):
                check(secret not in notice,
                      "the notice carries %r: %r" % (secret, notice))
            harness.log("contact browser: the timer ran sendmail -t -i "
                        "with a notice holding nothing of the message")
            site.check_log()
    finally:
        shutil.rmtree(mail_dir, ignore_errors=True)


if __name__ == "__main__":
    harness.run(main)
