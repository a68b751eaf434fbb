#!/usr/bin/python3
"""saves.py BASE ID: signs in as an editor and saves article ID through
the admin editor, as a browser would, for bench-saves.sh.

The password is the first line of standard input.  Signing in is GET
/admin/login (for its form_token) then POST /admin/login, which must
answer 303 with the session cookie.  Every save is GET /admin/articles/ID
(the editor: csrf, version and every field as the page shows them), then
POST /admin/articles/ID with those fields, the body changed (a last
paragraph "Bench save TAG-N." replaces the one before) and an Origin
header equal to BASE, which must answer 303 to /admin/articles/ID?saved=1;
the next save opens that address, as the browser does after a save.  One
keep-alive connection, as a browser would use.

  --count N      saves N times, one after another, then stops
  --every S      after signing in, writes --ready and waits for SIGUSR1;
                 then starts a save every S seconds until SIGTERM (the
                 save under way finishes first) or, with --for T, until
                 T seconds after the first save (none starts from then)

Prints key=value lines: saves, ok (answered 303 to the editor), failed, statuses (each
status and how often), post_p50/post_p99/post_max (ms, the POST alone, from
sending it to reading the whole answer), get_p50 (the editor page), tag
(the last "Bench save" tag that was saved), and writes one line per save
to --log: seconds since the first save, POST status, POST ms, GET ms.  A
failed save (not 303) is reported on stderr with the page's message; more
than --max-failures in a row, or going past --deadline seconds, stops with
exit status 1.  Exit status 0 otherwise, even when some saves failed: the
caller decides.  Python 3 standard library only.
"""

import argparse
import html.parser
import http.client
import math
import re
import signal
import sys
import time
import urllib.parse

MARK = "\n\nBench save "


class Form(html.parser.HTMLParser):
    """Collects the fields of the form whose action is `action` (inputs,
    textareas, selects with their selected option) and, anywhere on the
    page, hidden inputs and the message paragraph."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action = action
        self.in_form = False
        self.fields = {}
        self.hidden = {}
        self.message = None
        self._text = None      # (kind, name) while inside textarea/p.message
        self._buf = []
        self._select = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_form = a.get("action") == self.action
        elif tag == "input":
            if a.get("type") == "hidden" and a.get("name"):
                self.hidden[a["name"]] = a.get("value", "")
            if self.in_form and a.get("name") and \
                    a.get("type") not in ("submit", "button", "checkbox",
                                          "radio", "file"):
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "textarea" and self.in_form and a.get("name"):
            self._text, self._buf = ("field", a["name"]), []
        elif tag == "select" and self.in_form and a.get("name"):
            self._select, self._first_option = a["name"], None
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self.fields[self._select] = value
        elif tag == "p" and a.get("class") == "message":
            self._text, self._buf = ("message", None), []

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "textarea" and self._text and self._text[0] == "field":
            self.fields[self._text[1]] = "".join(self._buf)
            self._text = None
        elif tag == "select" and self._select is not None:
            self.fields.setdefault(self._select, self._first_option or "")
            self._select = None
        elif tag == "p" and self._text and self._text[0] == "message":
            self.message = "".join(self._buf).strip()
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._buf.append(data)


def parse(page, action):
    f = Form(action)
    f.feed(page)
    f.close()
    return f


class Failure(Exception):
    pass


class Client:
    def __init__(self, base, timeout):
        u = urllib.parse.urlsplit(base)
        if u.scheme != "http" or u.hostname != "127.0.0.1":
            raise SystemExit("saves: BASE must be http://127.0.0.1:PORT")
        self.base = base.rstrip("/")
        self.host, self.port = u.hostname, u.port or 80
        self.timeout = timeout
        self.conn = None
        self.cookie = None

    def request(self, method, path, form=None):
        """Returns (status, headers, body text, seconds)."""
        headers = {"User-Agent": "gazette-bench-saves"}
        body = None
        if self.cookie:
            headers["Cookie"] = self.cookie
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.base
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout)
            t0 = time.perf_counter()
            try:
                self.conn.request(method, path, body, headers)
                r = self.conn.getresponse()
                data = r.read()
            except (http.client.RemoteDisconnected, BrokenPipeError,
                    ConnectionResetError) as e:
                # nginx closed the kept connection (keepalive_requests):
                # once more on a fresh one, timed afresh.
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise Failure("%s %s: %s" % (method, path, e))
                continue
            secs = time.perf_counter() - t0
            if r.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return r.status, r, data.decode("utf-8", "replace"), secs

    def login(self, name, password):
        status, _, page, _ = self.request("GET", "/admin/login")
        if status != 200:
            raise Failure("GET /admin/login answered %d" % status)
        token = parse(page, "/admin/login").hidden.get("form_token")
        if not token:
            raise Failure("no form_token on /admin/login")
        status, r, page, _ = self.request(
            "POST", "/admin/login",
            {"form_token": token, "name": name, "password": password})
        cookie = r.getheader("Set-Cookie") or ""
        if status != 303 or "=" not in cookie:
            raise Failure("POST /admin/login answered %d (%s)" % (
                status, parse(page, "").message or "no message"))
        self.cookie = cookie.split(";", 1)[0]


def percentile(values, p):
    """Nearest-rank percentile of values (ms), as a string."""
    if not values:
        return "-"
    s = sorted(values)
    return "%.2f" % s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base")
    ap.add_argument("id", type=int)
    ap.add_argument("--name", default="bencheditor")
    how = ap.add_mutually_exclusive_group(required=True)
    how.add_argument("--count", type=int)
    how.add_argument("--every", type=float)
    ap.add_argument("--ready", help="file written once signed in (--every)")
    ap.add_argument("--for", dest="duration", type=float,
                    help="with --every: no save starts this many seconds "
                    "after the first or later")
    ap.add_argument("--log", help="one line per save")
    ap.add_argument("--tag", default="s", help="marks this run's saves")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--deadline", type=float, default=600)
    ap.add_argument("--max-failures", type=int, default=5)
    args = ap.parse_args()

    started = time.monotonic()
    go = stop = False

    def on_usr1(*_):
        nonlocal go
        go = True

    def on_term(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGUSR1, on_usr1)
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    password = sys.stdin.readline().rstrip("\n")
    client = Client(args.base, args.timeout)
    editor = "/admin/articles/%d" % args.id
    saved = editor + "?saved=1"
    posts, gets, statuses, log = [], [], {}, []
    ok = failures_in_row = 0
    tag = ""
    try:
        client.login(args.name, password)
        if args.every is not None:
            if args.ready:
                with open(args.ready, "w") as f:
                    f.write("ready\n")
            while not go and not stop:
                if time.monotonic() - started > args.deadline:
                    raise Failure("no SIGUSR1 before the deadline")
                time.sleep(0.01)
        first = time.monotonic()
        path = editor
        n = 0
        while not stop and (args.count is None or n < args.count):
            if time.monotonic() - started > args.deadline:
                raise Failure("past the deadline of %g s after %d saves" %
                              (args.deadline, n))
            if args.every is not None:
                # The n-th save starts n*S seconds after the first.
                while not stop and time.monotonic() < first + n * args.every:
                    time.sleep(min(0.01, first + n * args.every -
                                   time.monotonic()))
                if stop or (args.duration is not None and
                            n * args.every >= args.duration):
                    break
            n += 1
            at = time.monotonic() - first
            status, _, page, get_s = client.request("GET", path)
            if status != 200:
                raise Failure("GET %s answered %d" % (path, status))
            form = parse(page, editor)
            fields = form.fields
            for need in ("csrf", "version", "title", "body", "state", "slug"):
                if need not in fields:
                    raise Failure("the editor page has no field %r" % need)
            body = fields["body"]
            cut = body.find(MARK)
            body = body[:cut] if cut >= 0 else body.rstrip("\n")
            tag = "%s-%d" % (args.tag, n)
            fields["body"] = body + MARK + tag + ".\n"
            fields["action"] = "save"
            status, r, page, post_s = client.request("POST", editor, fields)
            statuses[status] = statuses.get(status, 0) + 1
            posts.append(post_s * 1000)
            gets.append(get_s * 1000)
            log.append("%.3f %d %.2f %.2f" % (at, status, post_s * 1000,
                                              get_s * 1000))
            location = r.getheader("Location", "")
            if status == 303 and location == saved:
                ok += 1
                failures_in_row = 0
                path = saved
                continue
            print("saves: save %d: POST %s answered %d%s (%s)" % (
                n, editor, status,
                " to " + location if location else "",
                parse(page, editor).message or "no message"),
                file=sys.stderr)
            path = editor
            tag = ""
            failures_in_row += 1
            if failures_in_row > args.max_failures:
                raise Failure("%d failed saves in a row" % failures_in_row)
    except (Failure, OSError, http.client.HTTPException) as e:
        print("saves: %s" % e, file=sys.stderr)
        result = 1
    else:
        result = 0
    if args.log:
        with open(args.log, "w") as f:
            f.write("".join(line + "\n" for line in log))
    print("saves=%d" % len(posts))
    print("ok=%d" % ok)
    print("failed=%d" % (len(posts) - ok))
    print("statuses=%s" % (",".join("%d:%d" % kv for kv in
                                    sorted(statuses.items())) or "-"))
    print("post_p50=%s" % percentile(posts, 50))
    print("post_p99=%s" % percentile(posts, 99))
    print("post_max=%s" % ("%.2f" % max(posts) if posts else "-"))
    print("get_p50=%s" % percentile(gets, 50))
    print("tag=%s" % tag)
    return result


if __name__ == "__main__":
    sys.exit(main())
