/*
 * test_relink.c: export-static's link rewriter (src/export/relink.c):
 * resolving URLs as a page on the live site would, the file each path is
 * saved as (and the paths refused), relative URLs between files, and the
 * golden corpus tests/unit/corpus/relink/: NAME.in a page rewritten as
 * /articles/x saved as articles/x/index.html on https://example.org,
 * NAME.out the result.
 */
#include <stdlib.h>
#include <string.h>

#include "export/relink.h"
#include "testhelp.h"

#define ORIGIN "https://example.org"

/* Resolves u on the page at page; returns the path ("-" when not into the
 * site) with the fragment after a space. */
static const char *
resolve(const char *page, const char *u)
{
	static char out[512];
	const char *fragment = NULL;
	struct buf path;

	buf_init(&path);
	if (!relink_resolve(ORIGIN, page, u, strlen(u), &path, &fragment))
		snprintf(out, sizeof(out), "-");
	else
		snprintf(out, sizeof(out), "%s%s%s", path.data,
		         fragment ? " " : "", fragment ? fragment : "");
	buf_free(&path);
	return out;
}

/* The file a path is saved as ("-" when refused). */
static const char *
file_for(const char *path, bool as_file)
{
	static char out[512];
	struct buf f;

	buf_init(&f);
	if (relink_file_for_path(path, strlen(path), as_file, &f) < 0)
		snprintf(out, sizeof(out), "-");
	else
		snprintf(out, sizeof(out), "%s", f.data);
	buf_free(&f);
	return out;
}

static const char *
relative(const char *from, const char *to)
{
	static char out[512];
	struct buf r;

	buf_init(&r);
	relink_relative(from, to, &r);
	snprintf(out, sizeof(out), "%s", r.data);
	buf_free(&r);
	return out;
}

static void
test_resolve(void)
{
	CHECK_STR(resolve("/articles/x", "/about"), "/about");
	CHECK_STR(resolve("/articles/x", "https://example.org/tag/a?x=1#t"),
	          "/tag/a #t");
	CHECK_STR(resolve("/articles/x", "HTTPS://EXAMPLE.ORG"), "/");
	CHECK_STR(resolve("/articles/x", "https://example.org.evil/x"), "-");
	CHECK_STR(resolve("/articles/x", "https://example.org:8443/x"), "-");
	CHECK_STR(resolve("/articles/x", "http://example.org/x"), "-");
	CHECK_STR(resolve("/articles/x", "//example.org/y"), "/y");
	CHECK_STR(resolve("/articles/x", "//other.example/y"), "-");
	CHECK_STR(resolve("/articles/x", "mailto:a@example.org"), "-");
	CHECK_STR(resolve("/articles/x", "javascript:alert(1)"), "-");
	CHECK_STR(resolve("/articles/x", "#comments"), "-");
	CHECK_STR(resolve("/articles/x", "?reply=4#respond"),
	          "/articles/x #respond");
	CHECK_STR(resolve("/articles/x", "y"), "/articles/y");
	CHECK_STR(resolve("/articles/x", "../about"), "/about");
	CHECK_STR(resolve("/articles/x", "../../../../etc/passwd"),
	          "/etc/passwd");
	CHECK_STR(resolve("/articles/x", "/a/./b/../c/"), "/a/c/");
	CHECK_STR(resolve("/articles/x", "  /about \n"), "/about");
	CHECK_STR(resolve("/articles/x", ""), "-");
}

static void
test_files(void)
{
	CHECK_STR(file_for("/", false), "index.html");
	CHECK_STR(file_for("/ar/", false), "ar/index.html");
	CHECK_STR(file_for("/ar", false), "ar/index.html");
	CHECK_STR(file_for("/articles/x", false), "articles/x/index.html");
	CHECK_STR(file_for("/feed.atom", false), "feed.atom");
	CHECK_STR(file_for("/category/news/feed.atom", false),
	          "category/news/feed.atom");
	CHECK_STR(file_for("/sitemap.xml", false), "sitemap.xml");
	CHECK_STR(file_for("/robots.txt", false), "robots.txt");
	CHECK_STR(file_for("/v1.2", false), "v1.2/index.html");
	CHECK_STR(file_for("/articles/%D8%B3%D9%84%D8%A7%D9%85", false),
	          "articles/\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85/index.html");
	CHECK_STR(file_for("/articles/%d8%b3", false),
	          "articles/\xd8\xb3/index.html");
	CHECK_STR(file_for("/uploads/2026/01/a.jpg", true),
	          "uploads/2026/01/a.jpg");
	/* Refused: nothing may land outside the folder or be hidden. */
	CHECK_STR(file_for("/uploads/", true), "-");
	CHECK_STR(file_for("/a/%2e%2e/b", false), "-");
	CHECK_STR(file_for("/a/../b", false), "-");
	CHECK_STR(file_for("/a/./b", false), "-");
	CHECK_STR(file_for("/a%2Fb", false), "-");
	CHECK_STR(file_for("/a%00b", false), "-");
	CHECK_STR(file_for("/a%0ab", false), "-");
	CHECK_STR(file_for("/a%zzb", false), "-");
	CHECK_STR(file_for("/a%4", false), "-");
	CHECK_STR(file_for("/a//b", false), "-");
	CHECK_STR(file_for("/.gazette-export", true), "-");
	CHECK_STR(file_for("/.well-known/x", false), "-");
	CHECK_STR(file_for("relative", false), "-");
	CHECK_STR(file_for("", false), "-");
}

static void
test_relative(void)
{
	CHECK_STR(relative("articles/x/index.html", "index.html"),
	          "../../index.html");
	CHECK_STR(relative("index.html", "css/site.css"), "css/site.css");
	CHECK_STR(relative("articles/x/index.html", "articles/y/index.html"),
	          "../y/index.html");
	CHECK_STR(relative("articles/x/index.html", "articles/x/index.html"),
	          "index.html");
	CHECK_STR(relative("ab/index.html", "abc/index.html"),
	          "../abc/index.html");
	CHECK_STR(relative("a/b/index.html", "a/b"), "../b");
	/* Encoded: spaces, '?', '#', ':' and other scripts. */
	CHECK_STR(relative("index.html", "a b/c?d#e:f/index.html"),
	          "a%20b/c%3Fd%23e%3Af/index.html");
	CHECK_STR(relative("index.html", "\xd8\xb3/index.html"),
	          "%D8%B3/index.html");
}

/* Maps links as export.c does: uploads and css files by their name. */
static int
target(void *ctx, const char *path, struct buf *file)
{
	bool as_file = strncmp(path, "/uploads/", 9) == 0 ||
	               strncmp(path, "/css/", 5) == 0;

	(void)ctx;
	return relink_file_for_path(path, strlen(path), as_file, file);
}

/* The golden corpus's output: the rewritten page. */
static char *
golden_relink(const char *in, size_t len)
{
	struct relink_page p = {
	    .origin = ORIGIN,
	    .path = "/articles/x",
	    .file = "articles/x/index.html",
	    .notice_html = "<p class=\"static-notice\">NOTICE</p>",
	    .target = target,
	};
	struct buf out;

	buf_init(&out);
	relink_html(&p, in, len, &out);
	return out.data ? out.data : strdup("");
}

static int links_seen;

static int
count_target(void *ctx, const char *path, struct buf *file)
{
	(void)ctx;
	(void)file;
	if (strcmp(path, "/articles/y") == 0 || strcmp(path, "/tag/z") == 0)
		links_seen++;
	return 0;
}

static void
test_xml(void)
{
	static const char xml[] =
	    "<urlset><url><loc>https://example.org/articles/y</loc></url>"
	    "<url><loc>https://other.example/no</loc></url></urlset>"
	    "<feed><link rel=\"alternate\" href=\"https://example.org/tag/z"
	    "\"/><link href='mailto:x@example.org'/></feed>"
	    "<rss><channel><link>https://other.example/no</link><item>"
	    "<link>https://example.org/articles/y</link></item></channel>"
	    "</rss>";
	struct relink_page p = {
	    .origin = ORIGIN,
	    .path = "/sitemap.xml",
	    .file = "sitemap.xml",
	    .target = count_target,
	};

	relink_xml_links(&p, xml, sizeof(xml) - 1);
	CHECK(links_seen == 3);
}

int
main(void)
{
	test_resolve();
	test_files();
	test_relative();
	test_xml();
	CHECK(test_golden("relink", golden_relink) >= 5);
	TEST_DONE();
}
