"""crawler.py: the link crawler of the end-to-end tests: test_crawl.py
crawls the live site with it, test_export.py the static export, and
test_import.py an imported WordPress site.  Python 3 standard library only.

    failures = []
    c = crawler.Crawler(site.get, site.base, failures)
    for target, r, links in c.run(["/"]):
        ...  # r answered 200; links is None when r is not an HTML page

Each start is fetched, then every internal link of every HTML page reached,
breadth first, each address once; an answer other than 200 is a failure
naming the page that linked to it.  More than MAX_URLS addresses stop the
test: something is generating links without end."""

import urllib.parse
from collections import deque
from html.parser import HTMLParser

import harness
from harness import check

MAX_URLS = 3000

# The attributes that hold the URLs a browser loads or follows, by element.
LINKS = {"a": ("href",), "link": ("href",), "img": ("src", "srcset"),
         "script": ("src",), "source": ("src", "srcset")}

ASCII_VISIBLE = "".join(chr(c) for c in range(0x21, 0x7f))


class LinkParser(HTMLParser):
    """Collects the URLs in the attributes wanted names by element (LINKS
    unless told), each srcset candidate apart.  With canonical false,
    <link rel="canonical"> is passed over."""

    def __init__(self, wanted=None, canonical=True):
        super().__init__(convert_charrefs=True)
        self.wanted = LINKS if wanted is None else wanted
        self.canonical = canonical
        self.links = []

    def handle_starttag(self, tag, attrs):
        if (not self.canonical and tag == "link" and
                "canonical" in (dict(attrs).get("rel") or "").split()):
            return
        for name, value in attrs:
            if value is None or name not in self.wanted.get(tag, ()):
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append(url)
            else:
                self.links.append(value)

    handle_startendtag = handle_starttag


def links_of(body, wanted=None, canonical=True):
    """Returns the URLs of an HTML page (bytes), as LinkParser collects
    them, in the order written."""
    parser = LinkParser(wanted, canonical)
    parser.feed(body.decode("utf-8", "replace"))
    return parser.links


def internal(base, target, link):
    """Returns link, found on the page at target of the site at base
    ("http://127.0.0.1:PORT"), as a request target (path and query) when
    it points into the site, else None.  Fragments are dropped."""
    link = link.strip()
    if not link:
        return None
    parts = urllib.parse.urlsplit(urllib.parse.urljoin(base + target, link))
    if parts.scheme not in ("http", "https"):
        return None
    if parts.netloc != urllib.parse.urlsplit(base).netloc:
        return None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    # As a browser does: letters of other scripts (Arabic and Persian
    # slugs) go percent-encoded; what is ASCII stays as written.
    return urllib.parse.quote(path, safe=ASCII_VISIBLE)


class Crawler:
    """A crawl of the site at base ("http://127.0.0.1:PORT") through
    fetch(target), which returns a harness.Response.  Failures (answers
    other than 200) are appended to failures; links(body) lists a page's
    URLs (links_of unless told).  found maps every address met to the
    page that first linked to it ("(start)" for a start)."""

    def __init__(self, fetch, base, failures, links=links_of):
        self.fetch = fetch
        self.base = base
        self.failures = failures
        self.links = links
        self.found = {}

    def where(self, target):
        """Names target and the page that linked to it, for a message."""
        return "%s (linked from %s)" % (target, self.found[target])

    def run(self, starts=("/",)):
        """Fetches the starts, then every internal link of every HTML page
        reached, breadth first, each address once.  Yields (target,
        response, links) for every answer 200: links are the page's URLs
        as written, or None when the answer is not HTML.  Raises
        harness.Failure past MAX_URLS addresses."""
        for target in starts:
            self.found.setdefault(target, "(start)")
        queue = deque(starts)
        while queue:
            target = queue.popleft()
            r = self.fetch(target)
            if r.status != 200:
                self.failures.append("GET %s: %d" % (self.where(target),
                                                     r.status))
                continue
            if not (r.header("Content-Type") or "").startswith("text/html"):
                yield target, r, None
                continue
            links = self.links(r.body)
            yield target, r, links
            for link in links:
                t = internal(self.base, target, link)
                if t is not None and t not in self.found:
                    self.found[t] = target
                    queue.append(t)
            check(len(self.found) <= MAX_URLS, "more than %d internal URLs: "
                  "is something generating links without end?" % MAX_URLS)


def report(failures, most=None):
    """Ends a crawl test: logs the failures (the first most of them, when
    given) and raises harness.Failure counting them, when there are any."""
    if failures:
        for line in failures[:most]:
            harness.log("  " + line)
        raise harness.Failure("%d problems" % len(failures))
