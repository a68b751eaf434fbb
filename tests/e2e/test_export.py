"""test_export.py: `gazette export-static` from the command line, then the
exported folder served by a plain nginx static server (a minimal
configuration of its own: root, index index.html, nothing else) and
crawled from / by the crawler test_crawl.py runs over the live site
(crawler.py): every link of every
page (a/href, link/href, img/src and srcset, script/src, source/src and
srcset, video/poster) answers 200, and none is absolute to the site.  The
same links are then resolved as file:// URLs against the files on disk.
The pages pass the HTML5 validator.  Also: the command's bad usage and bad
input (exit 2, nothing made) and a second run that writes nothing.
Python 3 standard library only."""

import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crawler  # noqa: E402
import harness  # noqa: E402
from harness import check  # noqa: E402

# What a browser loads or follows from an exported page: the crawler's
# links, a video's source and poster, a form's action; not the canonical
# link, which names the live site.
EXPORT_LINKS = dict(crawler.LINKS, video=("src", "poster"), form=("action",))


def links_of(body):
    return crawler.links_of(body, EXPORT_LINKS, canonical=False)


def gazette(binary, *args):
    return subprocess.run([binary] + list(args), capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def check_cli(binary, tmp, db, uploads):
    """Bad usage and bad input: exit 2, a message, nothing made."""
    out = os.path.join(tmp, "never")
    cases = [
        (["export-static", "--out", out], "--db"),
        (["export-static", "--db", db], "--out"),
        (["export-static", "--db", os.path.join(tmp, "nope.db"), "--out",
          out, "--uploads", uploads], "cannot read"),
        (["export-static", "--db", db, "--out", out], "--uploads"),
        (["export-static", "--db", db, "--out", db, "--uploads", uploads],
         "not a folder"),
        (["export-static", "--db", db, "--out", out, "--uploads",
          uploads, "--bogus", "x"], "bogus"),
    ]
    for args, words in cases:
        p = gazette(binary, *args)
        check(p.returncode == 2, "%s: exit %d, expected 2 (%s)" % (
            " ".join(args), p.returncode, p.stderr))
        check(words in p.stderr, "%s: %r not in %r" % (" ".join(args), words,
                                                        p.stderr))
        check(not os.path.exists(out), "%s made %s" % (" ".join(args), out))
    theirs = os.path.join(tmp, "theirs")
    os.makedirs(theirs)
    with open(os.path.join(theirs, "notes.txt"), "w") as f:
        f.write("mine\n")
    p = gazette(binary, "export-static", "--db", db, "--out", theirs,
                "--uploads", uploads)
    check(p.returncode == 2 and "did not make" in p.stderr,
          "a folder we did not make: %d %r" % (p.returncode, p.stderr))
    check(os.listdir(theirs) == ["notes.txt"], "the folder was changed")


def start_static_nginx(tmp, root):
    """Starts nginx serving root as plain files; returns (Popen, port)."""
    nginx = harness.find_nginx()
    prefix = os.path.join(tmp, "nginx")
    os.makedirs(prefix)
    for attempt in range(3):
        port = harness.free_port()
        conf = os.path.join(prefix, "nginx.conf")
        with open(conf, "w") as f:
            f.write("""pid %(p)s/nginx.pid;
error_log %(p)s/error.log;
events { worker_connections 64; }
http {
	types { text/html html; text/css css; application/javascript js;
		image/jpeg jpg jpeg; image/png png; image/webp webp;
		image/gif gif; application/pdf pdf; application/xml xml;
		application/atom+xml atom; application/rss+xml rss;
		text/plain txt; video/mp4 mp4; }
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path %(p)s/body;
	proxy_temp_path %(p)s/proxy;
	fastcgi_temp_path %(p)s/fastcgi;
	uwsgi_temp_path %(p)s/uwsgi;
	scgi_temp_path %(p)s/scgi;
	server {
		listen 127.0.0.1:%(port)d;
		root %(root)s;
		index index.html;
	}
}
""" % {"p": prefix, "port": port, "root": root})
        proc = subprocess.Popen([nginx, "-p", prefix, "-c", conf, "-e",
                                 os.path.join(prefix, "error.log"), "-g",
                                 "daemon off;"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                c.request("GET", "/")
                c.getresponse().read()
                c.close()
                return proc, port
            except OSError:
                time.sleep(0.05)
        err = proc.stderr.read().decode() if proc.poll() is not None else ""
        if proc.poll() is None:
            proc.terminate()
            proc.wait()
        if "Address already in use" not in err or attempt == 2:
            raise harness.Failure("static nginx did not start: %s" % err)
    raise harness.Failure("static nginx did not start")


def crawl(port):
    """Crawls the static server from / and from date archives as old
    WordPress links name them, which no page links (crawler.py), on one
    connection; returns (pages, problems): a link absolute to the site is
    one, and so is a start that does not answer 200."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def fetch(target):
        conn.request("GET", target)
        r = conn.getresponse()
        return harness.Response(r.status, r.reason, r.msg, r.read())

    pages = {}
    problems = []
    c = crawler.Crawler(fetch, "http://127.0.0.1:%d" % port, problems,
                        links_of)
    for target, r, links in c.run(["/", "/2019/06/", "/2019/06/17/",
                                   "/ar/2026/11/20/"]):
        if links is None:
            continue
        pages[target] = r.body
        for link in links:
            if link.startswith("/") and not link.startswith("//"):
                problems.append("%s: link %s is not relative" % (target,
                                                                 link))
    conn.close()
    return pages, problems


def check_file_urls(root):
    """Resolves every link of every exported page as a file:// URL."""
    problems = []
    count = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            page_url = "file://" + urllib.request.pathname2url(path)
            with open(path, "rb") as f:
                links = links_of(f.read())
            for link in links:
                url = urllib.parse.urljoin(page_url, link)
                parts = urllib.parse.urlsplit(url)
                if parts.scheme != "file":
                    continue
                count += 1
                target = urllib.request.url2pathname(parts.path)
                if not os.path.isfile(target):
                    problems.append("%s: %s leads nowhere" % (path, link))
    return count, problems


def main():
    binary = harness.find_binary()
    tmp = tempfile.mkdtemp(prefix="gz-export-")
    nginx = None
    try:
        os.chmod(tmp, 0o755)
        db = os.path.join(tmp, "gazette.db")
        uploads = os.path.join(tmp, "uploads")
        out = os.path.join(tmp, "site")
        shutil.copytree(os.path.join(harness.SOURCE, "demo", "images"),
                        os.path.join(uploads, "demo"))
        p = gazette(binary, "init", "--db", db, "--starter")
        check(p.returncode == 0, "gazette init: %s" % p.stderr)
        check_cli(binary, tmp, db, uploads)

        p = gazette(binary, "export-static", "--db", db, "--out", out,
                    "--uploads", uploads, "--www",
                    os.path.join(harness.SOURCE, "www"))
        check(p.returncode == 0, "export-static exited %d: %s" % (
            p.returncode, p.stderr))
        harness.log(p.stdout.strip())
        check(" 0 unchanged, 0 removed" in p.stdout, p.stdout)
        again = gazette(binary, "export-static", "--db", db, "--out", out,
                        "--uploads", uploads, "--www",
                        os.path.join(harness.SOURCE, "www"))
        check(again.returncode == 0 and ": 0 written" in again.stdout,
              "a second run wrote files: %s" % again.stdout)

        nginx, port = start_static_nginx(tmp, out)
        pages, problems = crawl(port)
        harness.log("crawled %d pages through a static nginx" % len(pages))
        check(len(pages) > 100, "only %d pages crawled" % len(pages))
        count, file_problems = check_file_urls(out)
        harness.log("resolved %d links as file:// URLs" % count)
        check(count > 3000, "only %d file:// links" % count)
        problems += file_problems
        for target, body in pages.items():
            text = body.decode("utf-8", "replace")
            if "<form" in text and 'method="post"' in text:
                problems.append("%s: a form that posts" % target)
        check("static-notice" in pages.get("/contact/index.html", b"").decode()
              or "static-notice" in pages.get("/contact/", b"").decode(),
              "the contact page has no notice")

        folder = os.path.join(tmp, "vnu")
        os.makedirs(folder)
        files = {}
        for i, (target, body) in enumerate(sorted(pages.items())):
            path = os.path.join(folder, "page%04d.html" % i)
            with open(path, "wb") as f:
                f.write(body)
            files[path] = target
        for line in harness.vnu(files):
            for path, target in files.items():
                line = line.replace(path, target)
            problems.append("vnu: " + line)

        crawler.report(problems, 50)
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(10)
        if os.environ.get("GAZETTE_KEEP") == "1":
            harness.log("kept %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    harness.run(main)
