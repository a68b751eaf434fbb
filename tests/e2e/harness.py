"""harness.py: a real site for the end-to-end tests: a fresh database with
starter content, `gazette serve` and nginx on a free loopback port, all in a
temporary folder.  Python 3 standard library only (run with /usr/bin/python3).

    import harness
    def main():
        with harness.Site() as site:
            r = site.get("/")
            harness.check(r.status == 200, "home page answers 200")
            site.check_log()
    harness.run(main)

The binary is $GAZETTE_BINARY, else build/debug/gazette.  A missing binary or
nginx skips the test (exit 77).  On leaving the `with` block the site is
stopped (TERM to gazette, which must exit 0 within 15 seconds; QUIT to
nginx); on any failure the tail of gazette's log is printed.  GAZETTE_KEEP=1
keeps the temporary folder.

Importing this module also makes every sqlite3 connection the test opens
load the search tokenizer (libgazette_fts.so beside the binary), which the
search index's triggers need when a test writes articles itself.
"""

import http.client
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

SKIP = 77
SOURCE = os.environ.get("GAZETTE_SOURCE") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VNU_JAR = os.path.join(SOURCE, "tests", "node_modules", "vnu-jar", "build",
                       "dist", "vnu.jar")
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:",
                   "ERROR: LeakSanitizer")
STOP_SECONDS = 15


class Failure(AssertionError):
    """A test expectation that did not hold."""


class Skip(Exception):
    """The test cannot run here (exit 77)."""


def check(cond, message):
    """Raises Failure(message) unless cond holds."""
    if not cond:
        raise Failure(message)


def log(message):
    """Prints a progress line to standard error."""
    print(message, file=sys.stderr, flush=True)


def run(main):
    """Runs main() and exits: 0 when it returns, 1 on a failure or an
    unexpected exception, 77 when it raised Skip."""
    try:
        main()
    except Skip as e:
        log("SKIP: %s" % e)
        sys.exit(SKIP)
    except Failure as e:
        log("FAIL: %s" % e)
        sys.exit(1)
    except Exception:  # noqa: BLE001 - any other error fails the test
        import traceback
        traceback.print_exc()
        log("FAIL: unexpected exception")
        sys.exit(1)
    log("PASS")
    sys.exit(0)


def find_binary():
    """Returns the gazette binary's path or raises Skip."""
    path = os.environ.get("GAZETTE_BINARY") or os.path.join(
        SOURCE, "build", "debug", "gazette")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise Skip("no gazette binary at %s" % path)
    return path


def load_search_tokenizer():
    """Registers gazette's FTS5 tokenizer on every SQLite connection this
    process opens from now on (sqlite3_auto_extension, through ctypes: the
    sqlite3 module of Debian's Python cannot load extensions), so that
    tests may write articles with the sqlite3 module.  Does nothing when
    the module is not built."""
    import ctypes
    import ctypes.util
    folder = os.environ.get("GAZETTE_BUILD") or os.path.dirname(
        os.environ.get("GAZETTE_BINARY") or
        os.path.join(SOURCE, "build", "debug", "gazette"))
    path = os.path.join(folder, "libgazette_fts.so")
    name = ctypes.util.find_library("sqlite3")
    if not os.path.isfile(path) or name is None:
        return
    module = ctypes.CDLL(path)
    sqlite = ctypes.CDLL(name)
    sqlite.sqlite3_auto_extension(
        ctypes.cast(module.gazette_fts_init, ctypes.c_void_p))


load_search_tokenizer()


def find_nginx():
    """Returns nginx's path or raises Skip."""
    path = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not path:
        raise Skip("nginx is not installed")
    return path


def free_port():
    """Returns a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Response:
    """An HTTP answer: status (int), reason, headers (an
    http.client.HTTPMessage: case-insensitive get() and get_all()), body
    (bytes)."""

    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body

    def header(self, name):
        """Returns the header's value, several joined with ", ", or None."""
        values = self.headers.get_all(name)
        return ", ".join(values) if values else None

    def text(self):
        return self.body.decode("utf-8", "replace")

    def __repr__(self):
        return "<Response %d %s, %d bytes>" % (self.status, self.reason,
                                               len(self.body))


def parse_raw_response(data):
    """Parses raw HTTP answer bytes into a Response (the body as it came,
    not de-chunked)."""
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, _, rest = head.partition(b"\r\n")
    m = re.match(r"HTTP/\d\.\d (\d{3}) ?(.*)", status_line.decode("latin-1"))
    if not m:
        raise Failure("not an HTTP response: %r" % data[:200])
    headers = http.client.parse_headers(io.BytesIO(rest + b"\r\n\r\n"))
    return Response(int(m.group(1)), m.group(2), headers, body)


class Site:
    """A running site.  Attributes: binary, tmp (the folder), db, socket,
    uploads, port, base ("http://127.0.0.1:PORT"), serve (the Popen of
    gazette serve), log_path (its standard error), workers (the count
    asked for, or None for gazette's default).  env adds variables to
    gazette serve's environment.  db_from and uploads_from restore a
    backup: the database file and the uploads folder are copied in before
    gazette init (which then only migrates) and serve."""

    def __init__(self, workers=2, starter=True, serve_args=(), env=None,
                 ssi=False, db_from=None, uploads_from=None):
        self.ssi = ssi
        self.db_from = db_from
        self.uploads_from = uploads_from
        self.binary = find_binary()
        self.nginx_bin = find_nginx()
        self.workers = workers
        self.starter = starter
        self.serve_args = list(serve_args)
        self.env = dict(os.environ, **(env or {}))
        self.serve = None
        self.nginx = None
        self.tmp = None
        self._log_file = None

    # --- start and stop -------------------------------------------------

    def __enter__(self):
        try:
            self._start()
        except BaseException:
            self._stop(failed=True)
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        failed = exc_type is not None and not issubclass(exc_type, Skip)
        self._stop(failed=failed)
        return False

    def _start(self):
        self.tmp = tempfile.mkdtemp(prefix="gz-e2e-")
        self.db = os.path.join(self.tmp, "gazette.db")
        self.socket = os.path.join(self.tmp, "gazette.sock")
        self.uploads = os.path.join(self.tmp, "uploads")
        self.nginx_prefix = os.path.join(self.tmp, "nginx")
        self.nginx_conf = os.path.join(self.nginx_prefix, "nginx.conf")
        self.log_path = os.path.join(self.tmp, "gazette.log")
        if self.uploads_from:
            shutil.copytree(self.uploads_from, self.uploads, symlinks=True)
        else:
            os.makedirs(self.uploads)
        os.makedirs(self.nginx_prefix)
        if self.db_from:
            shutil.copyfile(self.db_from, self.db)
        # nginx workers run as this user; they must reach the socket.
        os.chmod(self.tmp, 0o755)

        init = [self.binary, "init", "--db", self.db]
        if self.starter and not self.db_from:
            init.append("--starter")
            # The starter content's images, as make run installs them.
            shutil.copytree(os.path.join(SOURCE, "demo", "images"),
                            os.path.join(self.uploads, "demo"))
        self._run_checked(init, "gazette init")

        self._start_nginx()

        args = [self.binary, "serve", "--db", self.db, "--socket",
                self.socket]
        if self.workers is not None:
            args += ["--workers", str(self.workers)]
        args += ["--uploads", self.uploads]
        args += self.serve_args
        self._log_file = open(self.log_path, "wb")
        self.serve = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                      stdout=self._log_file,
                                      stderr=subprocess.STDOUT, cwd=self.tmp,
                                      env=self.env)
        self._wait_ready(timeout=60)

    def _start_nginx(self):
        """Starts nginx on a free port, trying another port when a
        concurrent test took the one chosen."""
        for attempt in range(3):
            self.port = free_port()
            self.base = "http://127.0.0.1:%d" % self.port
            self._run_checked(
                ["sh", os.path.join(SOURCE, "scripts", "gen-nginx-conf.sh"),
                 self.nginx_conf, self.nginx_prefix,
                 "127.0.0.1:%d" % self.port, os.path.join(SOURCE, "www"),
                 self.uploads, self.socket], "gen-nginx-conf.sh",
                env=dict(os.environ, GAZETTE_NGINX_SSI="1" if self.ssi
                         else "0"))
            try:
                os.unlink(os.path.join(self.nginx_prefix, "nginx.pid"))
            except FileNotFoundError:
                pass
            with open(os.path.join(self.nginx_prefix, "stderr.log"),
                      "wb") as err:
                self.nginx = subprocess.Popen(
                    [self.nginx_bin, "-p", self.nginx_prefix, "-c",
                     self.nginx_conf, "-e",
                     os.path.join(self.nginx_prefix, "error.log"),
                     "-g", "daemon off;"],
                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=err)
            # nginx writes its pid file once it has bound its port.
            pid_file = os.path.join(self.nginx_prefix, "nginx.pid")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                if self.nginx.poll() is not None:
                    break
                try:
                    with open(pid_file) as f:
                        if f.read().strip() == str(self.nginx.pid):
                            return
                except OSError:
                    pass
                time.sleep(0.05)
            if self.nginx.poll() is None:
                raise Failure("nginx does not listen on port %d" % self.port)
            errors = self._nginx_errors()
            if "Address already in use" not in errors or attempt == 2:
                raise Failure("nginx exited %d: %s" % (self.nginx.returncode,
                                                       errors))
            log("port %d taken, trying another" % self.port)

    def _run_checked(self, args, what, env=None):
        p = subprocess.run(args, stdin=subprocess.DEVNULL, env=env,
                           capture_output=True, timeout=120)
        if p.returncode != 0:
            raise Failure("%s exited %d:\n%s%s" % (
                what, p.returncode, p.stdout.decode("utf-8", "replace"),
                p.stderr.decode("utf-8", "replace")))

    def _wait_ready(self, timeout):
        """Waits until / answers 200 and every worker has started."""
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            if self.serve.poll() is not None:
                raise Failure("gazette serve exited %d while starting" %
                              self.serve.returncode)
            if self.nginx.poll() is not None:
                raise Failure("nginx exited %d while starting: %s" % (
                    self.nginx.returncode, self._nginx_errors()))
            try:
                r = self.get("/", timeout=5)
                workers = self.worker_pids()
                last = "/ answered %d; workers named gazette-worker: %s" % (
                    r.status, workers)
                if r.status == 200 and (self.workers is None or
                                        len(workers) == self.workers):
                    return
            except OSError as e:
                last = str(e)
            time.sleep(0.1)
        raise Failure("site not ready after %ds (%s)" % (timeout, last))

    def _nginx_errors(self):
        text = ""
        for name in ("stderr.log", "error.log"):
            try:
                with open(os.path.join(self.nginx_prefix, name), "rb") as f:
                    text += f.read().decode("utf-8", "replace")[-2000:]
            except OSError:
                pass
        return text

    def _stop(self, failed):
        problems = []
        kids = []
        if self.serve is not None and self.serve.poll() is None:
            kids = self.children(self.serve.pid)
            self.serve.send_signal(signal.SIGTERM)
            try:
                rc = self.serve.wait(STOP_SECONDS)
                if rc != 0:
                    problems.append("gazette serve exited %d after TERM" % rc)
            except subprocess.TimeoutExpired:
                problems.append("gazette serve still running %ds after TERM"
                                % STOP_SECONDS)
                self._kill_tree(self.serve.pid)
                self.serve.wait()
        elif self.serve is not None:
            problems.append("gazette serve had exited on its own (%d)" %
                            self.serve.returncode)
        if self.serve is not None:
            leftovers = [p for p in kids
                         if (self.comm(p) or "").startswith("gazette")]
            for p in leftovers:
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if leftovers:
                problems.append("gazette children left running: %s" %
                                leftovers)
            if os.path.exists(self.socket):
                problems.append("socket %s left behind" % self.socket)
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
        if self._log_file:
            self._log_file.close()
        if problems or failed:
            for p in problems:
                log("FAIL: " + p)
            self.print_log_tail()
        if self.tmp and not os.environ.get("GAZETTE_KEEP"):
            shutil.rmtree(self.tmp, ignore_errors=True)
        elif self.tmp:
            log("kept %s" % self.tmp)
        if problems and not failed:
            raise Failure("; ".join(problems))

    def _kill_tree(self, pid):
        for child in self.children(pid):
            try:
                os.kill(child, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def print_log_tail(self, lines=60):
        """Prints the last lines of gazette's log to standard error."""
        if not self.tmp:
            return
        try:
            with open(self.log_path, "rb") as f:
                tail = f.read().decode("utf-8", "replace").splitlines()[-lines:]
        except OSError:
            return
        log("---- last %d lines of %s ----" % (len(tail), self.log_path))
        for line in tail:
            log(line)
        log("---- end of log ----")

    # --- processes --------------------------------------------------------

    @staticmethod
    def children(ppid):
        """Returns the pids whose parent is ppid."""
        found = []
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % name) as f:
                    stat = f.read()
            except OSError:
                continue
            # The command may hold spaces and ')': fields follow the last ')'.
            fields = stat[stat.rfind(")") + 2:].split()
            if len(fields) > 1 and int(fields[1]) == ppid and fields[0] != "Z":
                found.append(int(name))
        return sorted(found)

    @staticmethod
    def comm(pid):
        try:
            with open("/proc/%d/comm" % pid) as f:
                return f.read().strip()
        except OSError:
            return None

    def worker_pids(self):
        """Returns the pids of gazette serve's live children named
        gazette-worker."""
        return [p for p in self.children(self.serve.pid)
                if self.comm(p) == "gazette-worker"]

    def timer_pids(self):
        return [p for p in self.children(self.serve.pid)
                if self.comm(p) == "gazette-timer"]

    def wait_workers(self, count, timeout, exclude=()):
        """Waits until there are count workers, none of them in exclude;
        returns their pids or raises Failure."""
        deadline = time.monotonic() + timeout
        while True:
            pids = self.worker_pids()
            if len(pids) == count and not set(pids) & set(exclude):
                return pids
            if time.monotonic() >= deadline:
                raise Failure("expected %d workers (not %s) within %.1fs, "
                              "have %s" % (count, list(exclude), timeout, pids))
            time.sleep(0.02)

    # --- logs ---------------------------------------------------------------

    def log_text(self):
        if self._log_file:
            self._log_file.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def died_lines(self):
        return [line for line in self.log_text().splitlines()
                if "died" in line and "error" in line.lower()]

    def check_log(self, allow_died=0):
        """Fails when gazette's log holds a sanitizer report or more
        "died" lines than allowed."""
        text = self.log_text()
        for mark in SANITIZER_MARKS:
            check(mark not in text, "sanitizer report in gazette's log (%r)"
                  % mark)
        died = self.died_lines()
        check(len(died) <= allow_died,
              "%d child deaths logged, %d allowed:\n  %s" % (
                  len(died), allow_died, "\n  ".join(died)))

    # --- HTTP -----------------------------------------------------------------

    def get(self, path, headers=None, method="GET", body=None, timeout=15):
        """Sends one request on a new connection and returns a Response.
        path is sent as given (no re-encoding); it must be printable ASCII
        (use raw() for anything else)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                          timeout=timeout)
        try:
            conn.putrequest(method, path, skip_host=True,
                            skip_accept_encoding=True)
            hdrs = {"Host": "127.0.0.1:%d" % self.port}
            hdrs.update(headers or {})
            for name, value in hdrs.items():
                conn.putheader(name, value)
            if body is not None:
                if not any(k.lower() == "content-length" for k in hdrs):
                    conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            r = conn.getresponse()
            data = r.read()
            return Response(r.status, r.reason, r.msg, data)
        finally:
            conn.close()

    def raw(self, request_bytes, timeout=15):
        """Sends request_bytes as they are and returns the parsed answer
        (read until the server closes; send Connection: close).  Raises
        socket.timeout when nothing comes back in time."""
        with socket.create_connection(("127.0.0.1", self.port),
                                      timeout=timeout) as s:
            try:
                s.sendall(request_bytes)
            except (BrokenPipeError, ConnectionResetError):
                pass  # nginx may answer and close before reading it all
            chunks = []
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    chunk = s.recv(65536)
                except ConnectionResetError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            else:
                raise socket.timeout("no end of answer in %ds" % timeout)
        return parse_raw_response(b"".join(chunks))


def form_field(page, name):
    """The value of the hidden or text field called name in a page."""
    m = re.search(r'name="%s" value="([^"]*)"' % name, page)
    check(m is not None, "no %s field" % name)
    return m.group(1)


def post(site, path, fields, cookie=None):
    """POSTs fields as a form from the site's own origin (as a browser
    on the base URL does), with cookie ("name=value") when given."""
    body = urllib.parse.urlencode(fields).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Origin": "http://127.0.0.1:8080"}
    if cookie:
        headers["Cookie"] = cookie
    return site.get(path, method="POST", body=body, headers=headers)


def vnu(files):
    """Validates saved HTML files with the Nu HTML checker in one JVM run
    and returns its error lines (empty when all are valid).  A missing Java
    or vnu.jar is a failure: `make test` installs both."""
    java = shutil.which("java")
    check(java is not None, "java not found (scripts/install-deps.sh test)")
    check(os.path.isfile(VNU_JAR), "vnu.jar not found at %s "
          "(scripts/install-deps.sh test)" % VNU_JAR)
    files = list(files)
    if not files:
        return []
    p = subprocess.run([java, "-jar", VNU_JAR, "--errors-only", "--format",
                        "gnu"] + files, capture_output=True, timeout=600)
    out = (p.stdout + p.stderr).decode("utf-8", "replace")
    lines = [line for line in out.splitlines() if line.strip()]
    check(p.returncode == 0 or lines,
          "vnu exited %d without messages" % p.returncode)
    return lines


def browser_node():
    """Returns node's path for a browser test (Debian's chromium driven by
    playwright-core, with axe-core); raises Skip when
    GAZETTE_SKIP_BROWSER=1, and Failure when something that `make test`
    installs (scripts/install-deps.sh test) is missing."""
    if os.environ.get("GAZETTE_SKIP_BROWSER") == "1":
        raise Skip("GAZETTE_SKIP_BROWSER=1")
    hint = " (scripts/install-deps.sh test installs it)"
    check(os.access("/usr/bin/chromium", os.X_OK),
          "/usr/bin/chromium not found" + hint)
    node = shutil.which("node")
    check(node is not None, "node not found" + hint)
    modules = os.path.join(SOURCE, "tests", "node_modules")
    for pkg, probe in (("playwright-core", "package.json"),
                       ("axe-core", "axe.min.js")):
        check(os.path.isfile(os.path.join(modules, pkg, probe)),
              "tests/node_modules/%s not found%s" % (pkg, hint))
    return node
