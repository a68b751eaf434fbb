"""test_admin_browser.py: the admin area in a real browser (Debian's
chromium, headless, driven by tests/e2e/admin_flow.mjs through
playwright-core).

A fresh site gets two accounts made with `gazette user add`, an editor and
an author.  Two settings are changed in the database before the browser
starts:
  - base_url becomes the address the browser uses (http://127.0.0.1:PORT/):
    every POST must carry that origin, and the harness's nginx listens on a
    free port, not on the default 8080;
  - form_min_seconds becomes 0, so the login form may be sent as soon as it
    is filled (test_admin.py covers the one-second minimum itself).
admin_flow.mjs then logs both in through the form, writes, previews,
publishes, submits for review; the author turns two-factor login on and
logs in with a recovery code and with a code computed from the key; the
editor restores a revision, edits and writes pages and adds one to the
main menu; then a scheduled article, and both log out, with axe-core on
every admin page and screenshots $GAZETTE_BUILD/screenshots/admin-*.png
(see the script's header).  Its output is relayed line by line.  Finally
gazette's log must be clean.

`make test` installs chromium, node and the npm packages
(scripts/install-deps.sh test), so a missing one is a failure; set
GAZETTE_SKIP_BROWSER=1 to skip this test instead."""

import glob
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SCRIPT = os.path.join(harness.SOURCE, "tests", "e2e", "admin_flow.mjs")
NODE_MODULES = os.path.join(harness.SOURCE, "tests", "node_modules")
FLOW_TIMEOUT = 180      # seconds; the flow itself takes 35 to 110 s
PASSWORD = "correct horse battery staple"
EDITOR = ("editor.browser", "editor", "Edith Editor")
AUTHOR = ("author.browser", "author", "Arthur Author")


def tools():
    """Returns node's path; raises Skip when GAZETTE_SKIP_BROWSER=1, and
    Failure when something that `make test` installs is missing."""
    if os.environ.get("GAZETTE_SKIP_BROWSER") == "1":
        raise harness.Skip("GAZETTE_SKIP_BROWSER=1")
    hint = " (scripts/install-deps.sh test installs it)"
    check(os.access(CHROMIUM, os.X_OK), "%s not found%s" % (CHROMIUM, hint))
    node = shutil.which("node")
    check(node is not None, "node not found" + hint)
    for pkg, probe in (("playwright-core", "package.json"),
                       ("axe-core", "axe.min.js")):
        check(os.path.isfile(os.path.join(NODE_MODULES, pkg, probe)),
              "tests/node_modules/%s not found%s" % (pkg, hint))
    return node


def add_user(site, name, role, display):
    p = subprocess.run([site.binary, "user", "add", "--db", site.db,
                        "--name", name, "--role", role,
                        "--display-name", display],
                       input=(PASSWORD + "\n").encode(),
                       capture_output=True, timeout=60)
    check(p.returncode == 0, "gazette user add %s: exit %d: %s" % (
        name, p.returncode, p.stderr.decode("utf-8", "replace").strip()))


def set_settings(db, values):
    """Sets existing settings in one transaction; returns the time zone."""
    con = sqlite3.connect(db, timeout=10, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        for key, value in values.items():
            n = con.execute("UPDATE settings SET value = ? WHERE key = ?",
                            (value, key)).rowcount
            check(n == 1, "no setting %r in the database" % key)
        con.execute("COMMIT")
        row = con.execute("SELECT value FROM settings WHERE key = "
                          "'timezone'").fetchone()
        return row[0] if row and row[0] else "UTC"
    finally:
        con.close()


def run_flow(node, site, out_dir, tz):
    """Runs admin_flow.mjs, relaying its output as it comes; returns its
    exit status."""
    args = [node, SCRIPT, site.base, out_dir, EDITOR[0], AUTHOR[0], PASSWORD]
    env = dict(os.environ, GAZETTE_SITE_TZ=tz)
    p = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         cwd=harness.SOURCE, env=env)
    timed_out = []

    def kill():
        timed_out.append(True)
        p.kill()

    timer = threading.Timer(FLOW_TIMEOUT, kill)
    timer.start()
    try:
        for line in p.stdout:
            sys.stdout.write(line.decode("utf-8", "replace"))
            sys.stdout.flush()
        rc = p.wait()
    finally:
        timer.cancel()
    check(not timed_out, "admin_flow.mjs still running after %ds" %
          FLOW_TIMEOUT)
    return rc


def main():
    node = tools()
    build = os.environ.get("GAZETTE_BUILD") or os.path.dirname(
        harness.find_binary())
    out_dir = os.path.join(build, "screenshots")
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "admin-*.png")):
        try:
            os.unlink(old)
        except FileNotFoundError:
            pass

    with harness.Site() as site:
        for name, role, display in (EDITOR, AUTHOR):
            add_user(site, name, role, display)
        tz = set_settings(site.db, {"base_url": site.base + "/",
                                    "form_min_seconds": "0"})
        harness.log("admin browser: %s, editor %s, author %s, zone %s" % (
            site.base, EDITOR[0], AUTHOR[0], tz))
        start = time.monotonic()
        rc = run_flow(node, site, out_dir, tz)
        harness.log("admin browser: admin_flow.mjs exited %d after %.1fs" %
                    (rc, time.monotonic() - start))
        check(rc == 0, "admin browser flow failed (exit %d): see the report "
              "above and the screenshots in %s" % (rc, out_dir))
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
