"""test_browser.py: the starter site in a real browser (Debian's chromium,
headless, driven by tests/e2e/browser.mjs through playwright-core).

The pages: the home page, the first article, category archive and tag
archive linked from it (else from its articles, in order),
/about, the first cartoon, the second photo of the first album (a page
of the lightbox), the first video (a YouTube or Vimeo facade that must
request nothing from the provider) and the first newsletter issue, each
found from its section's page, and /no-such-page, whose main document
must answer 404.  Each is
loaded at 1440 and 360 px wide and must not scroll horizontally, have no
serious or critical axe-core violation, log no console error, have no
failed request, and at 360 px show its menu links (at once or after the
menu toggle).  Full-page screenshots go to $GAZETTE_BUILD/screenshots.
Finally gazette's log must be clean.

`make test` installs chromium, node and the npm packages
(scripts/install-deps.sh test), so a missing one is a failure; set
GAZETTE_SKIP_BROWSER=1 to skip this test instead."""

import glob
import os
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import check  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SCRIPT = os.path.join(harness.SOURCE, "tests", "e2e", "browser.mjs")
NODE_MODULES = os.path.join(harness.SOURCE, "tests", "node_modules")
BROWSER_TIMEOUT = 300


class Hrefs(HTMLParser):
    """Collects every a/href in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for name, value in attrs:
                if name == "href" and value:
                    self.hrefs.append(value.strip())


def hrefs(site, path):
    r = site.get(path)
    check(r.status == 200, "%s answered %d" % (path, r.status))
    p = Hrefs()
    p.feed(r.text())
    return p.hrefs


def first(links, prefix):
    """Returns the first link that is a site path starting with prefix."""
    for link in links:
        if link.startswith(prefix):
            return link.split("#")[0]
    return None


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


def main():
    node = tools()
    build = os.environ.get("GAZETTE_BUILD") or os.path.dirname(
        harness.find_binary())
    out_dir = os.path.join(build, "screenshots")
    os.makedirs(out_dir, exist_ok=True)
    # Only this test's pictures: test_admin_browser.py writes admin-*.png
    # into the same folder, maybe at the same time.
    for old in glob.glob(os.path.join(out_dir, "*.png")):
        if not os.path.basename(old).startswith("admin-"):
            try:
                os.unlink(old)
            except FileNotFoundError:
                pass

    with harness.Site() as site:
        home = hrefs(site, "/")
        article = first(home, "/articles/")
        check(article, "the home page links no /articles/ page")
        # The archives linked from the home page, else from its articles
        # (the first article may have no tag).
        articles = [h.split("#")[0] for h in home
                    if h.startswith("/articles/")]
        more = list(home)
        for a in dict.fromkeys(articles[:10]):
            if first(more, "/category/") and first(more, "/tag/"):
                break
            more += hrefs(site, a)
        category = first(more, "/category/")
        tag = first(more, "/tag/")
        check(category, "neither the home page nor its articles link a "
              "/category/ page")
        check(tag, "neither the home page nor its articles link a /tag/ "
              "page")
        cartoon = first(hrefs(site, "/media/cartoons"), "/media/cartoons/")
        album = first(hrefs(site, "/media/photos"), "/media/photos/")
        photos = [h for h in hrefs(site, album) if h.startswith(album + "/")]
        video = first(hrefs(site, "/media/videos"), "/media/videos/")
        issue = first([h for h in hrefs(site, "/publications/newsletter")
                       if h.rsplit("/", 1)[-1].isdigit()],
                      "/publications/newsletter/")
        check(cartoon and video and issue and len(photos) >= 2,
              "the media sections or the newsletter have no items to check")
        paths = ["/", article, category, tag, "/about", cartoon, photos[1],
                 video, issue, "404:/no-such-page"]
        harness.log("browser: checking %s" % " ".join(paths))

        start = time.monotonic()
        try:
            p = subprocess.run([node, SCRIPT, site.base, out_dir] + paths,
                               stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT,
                               timeout=BROWSER_TIMEOUT, cwd=harness.SOURCE)
        except subprocess.TimeoutExpired as e:
            sys.stdout.write((e.output or b"").decode("utf-8", "replace"))
            raise harness.Failure("browser.mjs still running after %ds" %
                                  BROWSER_TIMEOUT)
        sys.stdout.write(p.stdout.decode("utf-8", "replace"))
        sys.stdout.flush()
        harness.log("browser: browser.mjs exited %d after %.1fs" %
                    (p.returncode, time.monotonic() - start))
        check(p.returncode == 0, "browser checks failed (exit %d): see the "
              "report above and the screenshots in %s" % (p.returncode,
                                                          out_dir))
        site.check_log()


if __name__ == "__main__":
    harness.run(main)
