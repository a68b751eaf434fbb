/*
 * test_feeds.c: feeds, sitemaps, robots.txt and the head of public pages
 * through the real request path, on the starter content plus a few
 * articles made here (one whose title holds <script>, & and quotes, a
 * draft, a scheduled one, one in another edition).  Feeds: Atom and RSS
 * per edition, category (with subcategories) and tag; content types,
 * ETag and 304; XML escaping; the settings feed_items and
 * feed_full_content saved through /admin/settings; drafts and future
 * articles absent; absolute URLs from base_url, never the Host header;
 * unknown terms 404; a feed's time (<updated>, <lastBuildDate>,
 * Last-Modified) is its newest entry's, so an edit of an article it does
 * not list leaves its bytes and its 304 alone.  Sitemaps: the index names every
 * enabled edition's kinds, children list only published content with lastmod, a
 * split (sitemap_urls_per_file) covers every address once, past the end is 404.
 * robots.txt.  The head: title, description, canonical, OpenGraph, Twitter
 * card, feed links, NewsArticle JSON-LD (read back by jansson, with </script>
 * in the title escaped) and Organization JSON-LD on the home page only; none of
 * it on error pages or in the admin area.
 */
#include <jansson.h>
#include <time.h>

#include "driver.h"
#include "form.h"
#include "handlers/handlers.h"
#include "router.h"
#include "staff.h"

#define BASE "https://gazette.test"
#define SITE "Homeward Watch" /* the starter site's name */
#define HOSTILE "<script>alert(1)</script> & \"Q\" </script>"

static char *admin;

/* Returns how many times needle occurs in the last body. */
static int
count(const char *needle)
{
	int n = 0;

	for (const char *p = body.data ? body.data : "";
	     (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* Returns whether the last body holds no control character but line
 * feeds (XML 1.0 forbids most of them). */
static bool
no_controls(void)
{
	for (size_t i = 0; i < body.len; i++)
		if ((unsigned char)body.data[i] < 0x20 && body.data[i] != '\n')
			return false;
	return true;
}

/* GETs path as a reader; returns the status.  No answer may name the
 * Host header's domain or set a cookie. */
static int
get(const char *path)
{
	int status = driver_request("GET", path, "192.0.2.1", NULL, 0, NULL);

	CHECK(!has(&body, "example.org"));
	CHECK(!has(&head, "Set-Cookie"));
	return status;
}

/* The articles made for these tests, newest first at the top. */
static void
add_articles(void)
{
	long long now = (long long)time(NULL);
	char q[4096];

	snprintf(
	    q, sizeof(q),
	    "INSERT INTO articles (id, edition_id, slug, title, excerpt, "
	    "body_md, body_html, state, author_id, category_id, "
	    "featured_media_id, published_at, created_at, updated_at) VALUES "
	    "(9001, 1, 'xml-test', '%s', 'Cats & dogs <b>excerpt</b>', "
	    "'Body', '<p>Body &amp; <b>bold</b></p>', 'published', 2, 2, "
	    "(SELECT min(id) FROM media), %lld, %lld, %lld),"
	    "(9002, 1, 'draft-secret', 'Draft secret', '', '', '', 'draft', "
	    "2, 1, NULL, NULL, %lld, %lld),"
	    "(9003, 1, 'future-secret', 'Future secret', '', '', '', "
	    "'scheduled', 2, 1, NULL, %lld, %lld, %lld),"
	    "(9004, 2, 'ar-only', 'Arabic only', '', '', '<p>ar</p>', "
	    "'published', 2, NULL, NULL, %lld, %lld, %lld);"
	    "INSERT INTO article_tags (article_id, tag_id) VALUES (9001, 1);"
	    /* Control characters, which XML 1.0 forbids. */
	    "INSERT INTO articles (id, edition_id, slug, title, excerpt, "
	    "body_md, body_html, state, category_id, published_at, "
	    "created_at, updated_at) VALUES (9005, 1, 'controls', "
	    "'Bell' || char(7) || ' title' || char(27), 'Ex' || char(1), 'x', "
	    "'<p>a' || char(2) || 'b' || char(13) || char(10) || '</p>', "
	    "'published', 3, %lld, %lld, %lld);",
	    HOSTILE, now - 60, now - 60, now - 60, now, now, now + 86400, now,
	    now, now - 30, now - 30, now - 30, now - 90, now - 90, now - 90);
	sql(q);
}

/* Checks the Atom feed of the edition in summary mode. */
static void
test_atom(void)
{
	char etag[128];
	struct kv inm[1];

	CHECK(get("/feed.atom") == 200);
	CHECK(strcmp(header("Content-Type"),
	             "application/atom+xml; charset=utf-8") == 0);
	CHECK(has(&body, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
	                 "xmlns=\"http://www.w3.org/2005/Atom\" "
	                 "xml:lang=\"en\""));
	CHECK(has(&body, "<link rel=\"self\" type=\"application/atom+xml\" "
	                 "href=\"" BASE "/feed.atom\"/>"));
	CHECK(has(&body, "<link rel=\"alternate\" type=\"text/html\" "
	                 "href=\"" BASE "/\"/>"));
	CHECK(has(&body, "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                 "&quot;Q&quot; &lt;/script&gt;</title>"));
	CHECK(!has(&body, "<script"));
	CHECK(has(&body, "<summary type=\"text\">Cats &amp; dogs "
	                 "&lt;b&gt;excerpt&lt;/b&gt;</summary>"));
	CHECK(!has(&body, "<content"));
	CHECK(has(&body, "<title>Bell title</title>"));
	CHECK(has(&body, "<summary type=\"text\">Ex</summary>"));
	CHECK(no_controls());
	CHECK(has(&body, "<id>tag:gazette.test,"));
	CHECK(has(&body, ":articles/9001</id>"));
	CHECK(has(&body,
	          "<link rel=\"alternate\" type=\"text/html\" href=\"" BASE
	          "/articles/xml-test\"/>"));
	CHECK(has(&body, "<author><name>Ilka Dorran</name></author>"));
	CHECK(has(&body, "<category term=\"field-reports\" scheme=\"" BASE
	                 "/category/\" label=\"Field Reports\"/>"));
	CHECK(has(&body, "<category term=\"families\" scheme=\"" BASE
	                 "/tag/\" label=\"Families\"/>"));
	/* The default: 20 articles, the newest first, only published ones. */
	CHECK(count("<entry>") == 20);
	CHECK(!has(&body, "secret") && !has(&body, "Arabic only"));
	CHECK(strstr(body.data, "xml-test") < strstr(body.data, "</entry>"));
	CHECK(has(&body, "<published>") && has(&body, "Z</published>"));
	/* Conditional GET as for pages. */
	CHECK(strncmp(header("ETag"), "\"", 1) == 0);
	CHECK(has(&head, "Cache-Control: public, no-cache\r\n"));
	CHECK(header("Last-Modified")[0] != '\0');
	snprintf(etag, sizeof(etag), "%s", header("ETag"));
	inm[0] = (struct kv){"HTTP_IF_NONE_MATCH", etag, strlen(etag)};
	CHECK(driver_request("GET", "/feed.atom", "192.0.2.1", inm, 1, NULL) ==
	      304);
	CHECK(body.len == 0);
	CHECK(driver_request("HEAD", "/feed.atom", "192.0.2.1", NULL, 0,
	                     NULL) == 200);
	CHECK(body.len == 0);
}

/* Saves the feed settings through /admin/settings as an admin. */
static void
save_feed_settings(const char *items, bool full)
{
	struct form f;

	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	form_scrape(&f, "/admin/settings");
	form_set(&f, "feed_items", items);
	if (full)
		form_set(&f, "feed_full_content", "1");
	else
		form_unset(&f, "feed_full_content");
	CHECK(form_post(admin, "/admin/settings", &f) == 303);
}

/* The settings: bad values refused, good ones change the feeds. */
static void
test_settings(void)
{
	struct form f;

	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	CHECK(has(&body,
	          "name=\"feed_items\" type=\"text\" inputmode=\"numeric\" "
	          "value=\"20\""));
	CHECK(!has(&body, "name=\"feed_full_content\" type=\"checkbox\" "
	                  "value=\"1\" checked"));
	form_scrape(&f, "/admin/settings");
	form_set(&f, "feed_items", "101");
	CHECK(form_post(admin, "/admin/settings", &f) == 400);
	form_set(&f, "feed_items", "0");
	CHECK(form_post(admin, "/admin/settings", &f) == 400);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'feed_items'"),
	             "20") == 0);

	save_feed_settings("3", true);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'feed_full_content'"),
	             "1") == 0);
	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"feed_full_content\" type=\"checkbox\" "
	                 "value=\"1\" checked"));
	CHECK(get("/feed.atom") == 200);
	CHECK(count("<entry>") == 3);
	CHECK(has(&body, "<content type=\"html\">&lt;p&gt;Body &amp;amp; "
	                 "&lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</content>"));
	CHECK(has(&body, "<content type=\"html\">&lt;p&gt;ab\n&lt;/p&gt;"));
	CHECK(get("/feed.rss") == 200);
	CHECK(count("<item>") == 3);
	CHECK(has(&body, "<description>&lt;p&gt;Body &amp;amp; "
	                 "&lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description>"));

	/* Unticked: summaries again. */
	save_feed_settings("3", false);
	CHECK(get("/feed.atom") == 200);
	CHECK(!has(&body, "<content") && has(&body, "<summary"));
	CHECK(get("/feed.rss") == 200);
	CHECK(has(&body, "<description>Cats &amp; dogs "
	                 "&lt;b&gt;excerpt&lt;/b&gt;</description>"));
	save_feed_settings("20", false);

	/* The admin area's head says nothing to crawlers. */
	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	CHECK(!has(&body, "rel=\"canonical\"") && !has(&body, "og:"));
}

/* RSS 2.0 of the edition. */
static void
test_rss(void)
{
	const char *p;

	CHECK(get("/feed.rss") == 200);
	CHECK(strcmp(header("Content-Type"),
	             "application/rss+xml; charset=utf-8") == 0);
	CHECK(has(&body, "<rss version=\"2.0\""));
	CHECK(has(&body, "<language>en</language>"));
	CHECK(has(&body, "<atom:link href=\"" BASE "/feed.rss\" rel=\"self\" "
	                 "type=\"application/rss+xml\"/>"));
	CHECK(has(&body, "<link>" BASE "/articles/xml-test</link>"));
	CHECK(has(&body, "<guid isPermaLink=\"false\">tag:gazette.test,"));
	CHECK(has(&body, "<dc:creator>Ilka Dorran</dc:creator>"));
	CHECK(has(&body, "<category domain=\"" BASE
	                 "/category/\">Field Reports</category>"));
	CHECK(!has(&body, "<script"));
	/* RFC 822 in UTC: "Wed, 13 May 2020 09:30:00 +0000". */
	p = strstr(body.data, "<pubDate>");
	CHECK(p != NULL);
	if (p != NULL) {
		p += strlen("<pubDate>");
		CHECK(p[3] == ',' && p[4] == ' ' && p[7] == ' ' &&
		      p[11] == ' ' && p[16] == ' ' && p[19] == ':' &&
		      strncmp(p + 25, " +0000</pubDate>", 16) == 0);
	}
	CHECK(has(&body, "<lastBuildDate>"));
}

/* Category and tag feeds. */
static void
test_term_feeds(void)
{
	/* news includes its subcategory field-reports. */
	CHECK(get("/category/news/feed.atom") == 200);
	CHECK(has(&body, "/articles/xml-test"));
	CHECK(has(&body, "<link rel=\"self\" type=\"application/atom+xml\" "
	                 "href=\"" BASE "/category/news/feed.atom\"/>"));
	CHECK(has(&body,
	          "<link rel=\"alternate\" type=\"text/html\" href=\"" BASE
	          "/category/news\"/>"));
	CHECK(has(&body, "<title>News \xe2\x80\x93 " SITE "</title>"));
	CHECK(has(&body, "<subtitle>Reporting from the field and the "
	                 "desk.</subtitle>"));
	CHECK(get("/category/field-reports/feed.rss") == 200);
	CHECK(has(&body, "/articles/xml-test"));
	CHECK(get("/category/open-letters/feed.atom") == 200);
	CHECK(!has(&body, "/articles/xml-test"));
	CHECK(count("<entry>") > 0);
	CHECK(get("/tag/families/feed.rss") == 200);
	CHECK(has(&body, "/articles/xml-test"));
	CHECK(get("/tag/families/feed.atom") == 200);
	CHECK(has(&body, "/articles/xml-test"));
	CHECK(get("/tag/letters/feed.atom") == 200);
	CHECK(!has(&body, "/articles/xml-test"));
	CHECK(get("/tag/no-such-tag/feed.atom") == 404);
	CHECK(get("/category/no-such/feed.rss") == 404);
	/* An archive's head names both its feeds. */
	CHECK(get("/tag/families") == 200);
	CHECK(has(&body,
	          "<link rel=\"alternate\" type=\"application/atom+xml\" "
	          "title=\"Families"));
	CHECK(has(&body, "type=\"application/rss+xml\" title=\"Families"));
	CHECK(has(&body, "href=\"" BASE "/tag/families/feed.rss\">"));
	CHECK(get("/feed.json") == 404);
	CHECK(driver_request("POST", "/feed.atom", "192.0.2.1", NULL, 0, "") ==
	      405);
}

/* Another edition's feeds, once it is enabled. */
static void
test_editions(void)
{
	CHECK(get("/ar/feed.atom") == 404);
	CHECK(get("/sitemap.xml") == 200);
	CHECK(!has(&body, "/ar/"));
	sql("UPDATE editions SET enabled = 1 WHERE code = 'ar'");
	CHECK(get("/ar/feed.atom") == 200);
	CHECK(has(&body, "xml:lang=\"ar\""));
	CHECK(has(&body, "/ar/articles/ar-only"));
	CHECK(!has(&body, "xml-test"));
	CHECK(get("/ar/feed.rss") == 200);
	CHECK(has(&body, "<language>ar</language>"));
	CHECK(get("/ar/sitemap-articles-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/ar/articles/ar-only</loc>"));
	CHECK(count("<url>") == 1);
	CHECK(get("/ar/sitemap-tags-1.xml") == 404); /* none published */
	CHECK(get("/ar/sitemap.xml") == 404);        /* the index is one */
	CHECK(get("/sitemap.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/ar/sitemap-articles-1.xml</loc>"));
	CHECK(has(&body, "<loc>" BASE "/ar/sitemap-pages-1.xml</loc>"));
	CHECK(!has(&body, "/ar/sitemap-tags-1.xml"));
	CHECK(get("/ar/") == 200);
	CHECK(has(&body,
	          "<link rel=\"alternate\" type=\"application/atom+xml\" "
	          "title=\""));
	CHECK(has(&body, "\" href=\"" BASE "/ar/feed.atom\">"));
	CHECK(has(&body, "<link rel=\"canonical\" href=\"" BASE "/ar/\">"));
	sql("UPDATE editions SET enabled = 0 WHERE code = 'ar'");
}

/* Formats t (UTC) with the strftime format fmt, in a static buffer of
 * its own for each of the four last calls. */
static const char *
utc(long long t, const char *fmt)
{
	static char out[4][64];
	static int next;
	char *s = out[next++ % 4];
	time_t tt = (time_t)t;
	struct tm tm;

	s[0] = '\0';
	if (gmtime_r(&tt, &tm) != NULL)
		strftime(s, sizeof(out[0]), fmt, &tm);
	return s;
}

/* Returns the text of the first element named tag ("updated") of the last
 * body: the feed's own, before its entries'. */
static const char *
first_element(const char *tag)
{
	static char out[128];
	char open[32], close[32];
	const char *p, *q;

	snprintf(open, sizeof(open), "<%s>", tag);
	snprintf(close, sizeof(close), "</%s>", tag);
	out[0] = '\0';
	if (body.data != NULL && (p = strstr(body.data, open)) != NULL &&
	    (q = strstr(p, close)) != NULL)
		snprintf(out, sizeof(out), "%.*s",
		         (int)(q - p - (ptrdiff_t)strlen(open)),
		         p + strlen(open));
	return out;
}

#define ISO "%Y-%m-%dT%H:%M:%SZ"
#define HTTP_DATE "%a, %d %b %Y %H:%M:%S GMT"
#define RFC822 "%a, %d %b %Y %H:%M:%S +0000"
/* The newest update or publication among the entries of the letters tag's
 * feed (the newest 20 by publication). */
#define LETTERS_NEWEST                                                         \
	"SELECT max(max(published_at, updated_at)) FROM (SELECT "              \
	"a.published_at, a.updated_at FROM articles a JOIN article_tags t ON " \
	"t.article_id = a.id JOIN tags g ON g.id = t.tag_id WHERE "            \
	"g.edition_id = 1 AND g.slug = 'letters' AND a.edition_id = 1 AND "    \
	"a.state = 'published' ORDER BY a.published_at DESC, a.id DESC "       \
	"LIMIT 20)"

/*
 * A feed's time is its own: its newest entry's update or publication, in
 * <updated>, <lastBuildDate> and Last-Modified alike; an edit of an
 * article it does not list leaves its bytes, its ETag and its 304 alone,
 * while the feeds that list it follow; an empty feed says 1970 and sends
 * no Last-Modified.
 */
static void
test_feed_time(void)
{
	long long now = (long long)time(NULL), letters, edition;
	char etag[128], q[512], *copy;
	size_t copy_len;
	struct kv inm[1];

	letters = atoll(query_text(LETTERS_NEWEST));
	edition = atoll(query_text("SELECT max(max(published_at, "
	                           "updated_at)) FROM articles WHERE "
	                           "edition_id = 1 AND state = 'published'"));
	/* Older than the edition's last change (the articles made here). */
	CHECK(letters > 0 && letters < edition);
	CHECK(get("/tag/letters/feed.atom") == 200);
	CHECK_STR(first_element("updated"), utc(letters, ISO));
	CHECK_STR(header("Last-Modified"), utc(letters, HTTP_DATE));
	CHECK(get("/tag/letters/feed.rss") == 200);
	CHECK_STR(first_element("lastBuildDate"), utc(letters, RFC822));
	CHECK_STR(header("Last-Modified"), utc(letters, HTTP_DATE));

	/* An article the letters feed does not list is edited. */
	CHECK(get("/tag/letters/feed.atom") == 200);
	snprintf(etag, sizeof(etag), "%s", header("ETag"));
	copy_len = body.len;
	copy = malloc(copy_len + 1);
	memcpy(copy, body.data, copy_len);
	snprintf(q, sizeof(q),
	         "UPDATE articles SET excerpt = excerpt || ' (edited)', "
	         "updated_at = %lld WHERE id = 9001",
	         now + 100);
	sql(q);
	CHECK(get("/tag/letters/feed.atom") == 200);
	CHECK(body.len == copy_len && memcmp(body.data, copy, copy_len) == 0);
	CHECK_STR(header("ETag"), etag);
	CHECK_STR(header("Last-Modified"), utc(letters, HTTP_DATE));
	inm[0] = (struct kv){"HTTP_IF_NONE_MATCH", etag, strlen(etag)};
	CHECK(driver_request("GET", "/tag/letters/feed.atom", "192.0.2.1", inm,
	                     1, NULL) == 304);
	free(copy);
	/* The feeds that list it follow it. */
	CHECK(get("/feed.atom") == 200);
	CHECK_STR(first_element("updated"), utc(now + 100, ISO));
	CHECK_STR(header("Last-Modified"), utc(now + 100, HTTP_DATE));
	CHECK(get("/feed.rss") == 200);
	CHECK_STR(first_element("lastBuildDate"), utc(now + 100, RFC822));
	CHECK(get("/tag/families/feed.atom") == 200);
	CHECK_STR(first_element("updated"), utc(now + 100, ISO));

	/* An entry of the letters feed, not its newest, is updated: the
	 * feed's time is its, and the old ETag no longer matches. */
	snprintf(q, sizeof(q),
	         "UPDATE articles SET updated_at = %lld WHERE id = (SELECT "
	         "a.id FROM articles a JOIN article_tags t ON t.article_id = "
	         "a.id JOIN tags g ON g.id = t.tag_id WHERE g.edition_id = 1 "
	         "AND g.slug = 'letters' AND a.state = 'published' ORDER BY "
	         "a.published_at, a.id LIMIT 1)",
	         now + 200);
	sql(q);
	CHECK(driver_request("GET", "/tag/letters/feed.atom", "192.0.2.1", inm,
	                     1, NULL) == 200);
	CHECK_STR(first_element("updated"), utc(now + 200, ISO));
	CHECK_STR(header("Last-Modified"), utc(now + 200, HTTP_DATE));

	/* An empty feed: nothing to date it by. */
	sql("INSERT INTO tags (edition_id, slug, name) VALUES (1, 'unused', "
	    "'Unused')");
	CHECK(get("/tag/unused/feed.atom") == 200);
	CHECK(count("<entry>") == 0);
	CHECK_STR(first_element("updated"), "1970-01-01T00:00:00Z");
	CHECK(header("Last-Modified")[0] == '\0' && header("ETag")[0] != '\0');
	CHECK(get("/tag/unused/feed.rss") == 200);
	CHECK(count("<item>") == 0 && !has(&body, "<lastBuildDate>"));
	sql("DELETE FROM tags WHERE slug = 'unused'");
}
#undef ISO
#undef HTTP_DATE
#undef RFC822
#undef LETTERS_NEWEST

/* The sitemap index and its children. */
static void
test_sitemaps(void)
{
	static const char *const kinds[] = {
	    "articles", "pages", "categories", "tags", "media", "publications"};
	long long published = query_int(
	    "SELECT count(*) FROM articles WHERE edition_id = 1 AND state = "
	    "'published'");
	char path[128], loc[256];
	long long files, last;

	CHECK(get("/sitemap.xml") == 200);
	CHECK(strcmp(header("Content-Type"),
	             "application/xml; charset=utf-8") == 0);
	CHECK(header("ETag")[0] != '\0');
	CHECK(has(&body, "<sitemapindex xmlns=\"http://www.sitemaps.org/"
	                 "schemas/sitemap/0.9\">"));
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		snprintf(loc, sizeof(loc),
		         "<sitemap><loc>" BASE
		         "/sitemap-%s-1.xml</loc><lastmod>",
		         kinds[i]);
		CHECK(has(&body, loc));
	}
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		snprintf(path, sizeof(path), "/sitemap-%s-1.xml", kinds[i]);
		CHECK(get(path) == 200);
		CHECK(has(&body, "<urlset xmlns=\"http://www.sitemaps.org/"
		                 "schemas/sitemap/0.9\">"));
		CHECK(count("<url><loc>" BASE "/") == count("<url>"));
		CHECK(count("<lastmod>") > 0);
		snprintf(path, sizeof(path), "/sitemap-%s-2.xml", kinds[i]);
		CHECK(get(path) == 404);
	}
	/* The index's lastmod of a whole kind is its newest address's. */
	CHECK(get("/sitemap.xml") == 200);
	{
		const char *m = strstr(body.data, "/sitemap-articles-1.xml"
		                                  "</loc><lastmod>");
		char newest[64] = "";
		size_t later = 0, same = 0;

		if (m != NULL)
			sscanf(strchr(m, '>') + 1, "<lastmod>%63[^<]", newest);
		CHECK(newest[0] != '\0');
		CHECK(get("/sitemap-articles-1.xml") == 200);
		for (m = strstr(body.data, "<lastmod>"); m != NULL;
		     m = strstr(m + 1, "<lastmod>")) {
			int c = strncmp(m + 9, newest, strlen(newest));

			later += c > 0;
			same += c == 0;
		}
		CHECK(later == 0 && same > 0);
	}
	CHECK(get("/sitemap-articles-1.xml") == 200);
	CHECK(count("<url>") == published);
	CHECK(
	    has(&body, "<url><loc>" BASE "/articles/xml-test</loc><lastmod>"));
	CHECK(!has(&body, "secret") && !has(&body, "ar-only"));
	CHECK(get("/sitemap-pages-1.xml") == 200);
	CHECK(has(&body, "<url><loc>" BASE "/</loc>"));
	CHECK(has(&body, "<loc>" BASE "/about</loc>"));
	CHECK(get("/sitemap-categories-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/category/field-reports</loc>"));
	CHECK(get("/sitemap-tags-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/tag/families</loc>"));
	CHECK(get("/sitemap-media-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/media/cartoons</loc>"));
	CHECK(has(&body, "<loc>" BASE "/media/cartoons/"));
	CHECK(get("/sitemap-publications-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/publications/newsletter</loc>"));
	CHECK(has(&body, "<loc>" BASE "/publications/newsletter/"));
	/* Authors: those who published in the edition, by their
	 * addresses (made from display names). */
	CHECK(get("/sitemap-authors-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/author/ilka-dorran</loc>"));
	CHECK(count("<url>") ==
	      query_int("SELECT count(DISTINCT author_id) FROM articles "
	                "WHERE edition_id = 1 AND state = 'published'"));
	CHECK(get("/sitemap.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/sitemap-authors-1.xml</loc>"));
	CHECK(get("/sitemap-articles-0.xml") == 404);
	CHECK(get("/sitemap-nothing-1.xml") == 404);
	CHECK(get("/sitemap-articles-1.xm") == 404);

	/* Split into files of 10: every article once, in order. */
	sql("INSERT INTO settings (key, value) VALUES "
	    "('sitemap_urls_per_file', '10')");
	files = (published + 9) / 10;
	last = published - (files - 1) * 10;
	CHECK(files >= 3);
	CHECK(get("/sitemap.xml") == 200);
	CHECK(count("/sitemap-articles-") == files);
	snprintf(loc, sizeof(loc), "<loc>" BASE "/sitemap-articles-%lld.xml",
	         files);
	CHECK(has(&body, loc));
	{
		long long seen = 0;
		bool found = false;

		for (long long n = 1; n <= files; n++) {
			snprintf(path, sizeof(path),
			         "/sitemap-articles-%lld.xml", n);
			CHECK(get(path) == 200);
			CHECK(count("<url>") == (n < files ? 10 : last));
			seen += count("<url>");
			found = found || has(&body, "/articles/xml-test<");
		}
		CHECK(seen == published && found);
	}
	snprintf(path, sizeof(path), "/sitemap-articles-%lld.xml", files + 1);
	CHECK(get(path) == 404);
	/* The protocol's limit is the ceiling. */
	sql("UPDATE settings SET value = '60000' WHERE key = "
	    "'sitemap_urls_per_file'");
	CHECK(get("/sitemap.xml") == 200);
	CHECK(count("/sitemap-articles-") == 1);
	sql("DELETE FROM settings WHERE key = 'sitemap_urls_per_file'");
}

static void
test_robots(void)
{
	CHECK(get("/robots.txt") == 200);
	CHECK(strcmp(header("Content-Type"), "text/plain; charset=utf-8") == 0);
	CHECK(has(&body, "User-agent: *\nDisallow: /admin/\n"));
	CHECK(has(&body, "Disallow: /search\n"));
	CHECK(has(&body, "\nSitemap: " BASE "/sitemap.xml\n"));
	CHECK(get("/ar/robots.txt") == 404);
}

/* Returns the JSON-LD of the last page holding "@type":type, parsed
 * (NULL when there is none or it does not parse). */
static json_t *
json_ld(const char *type)
{
	static const char open[] = "<script type=\"application/ld+json\">";
	char want[64];
	const char *p = body.data;
	json_error_t err;

	snprintf(want, sizeof(want), "schema.org\",\"@type\":\"%s\"", type);
	while (p != NULL && (p = strstr(p, open)) != NULL) {
		const char *start = p + strlen(open);
		const char *end = strstr(start, "</script>");

		if (end == NULL)
			return NULL;
		p = end;
		if (memmem(start, (size_t)(end - start), want, strlen(want)))
			return json_loadb(start, (size_t)(end - start), 0,
			                  &err);
	}
	return NULL;
}

/* Returns the string at a path of keys in v ("" when missing). */
static const char *
jstr(json_t *v, const char *k1, const char *k2)
{
	json_t *x = json_object_get(v, k1);

	if (k2 != NULL)
		x = json_object_get(x, k2);
	return json_is_string(x) ? json_string_value(x) : "";
}

/* The head of an article's page and of the home page. */
static void
test_head(void)
{
	json_t *ld;
	const char *image_path = query_text(
	    "SELECT path FROM media WHERE id = (SELECT min(id) FROM media)");
	char want[512];

	CHECK(get("/articles/xml-test?reply=1") == 200);
	CHECK(has(&body, "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                 "&quot;Q&quot; &lt;/script&gt; \xe2\x80\x93 " SITE
	                 "</title>"));
	CHECK(has(&body, "<meta name=\"description\" content=\"Cats &amp; dogs "
	                 "&lt;b&gt;excerpt&lt;/b&gt;\">"));
	CHECK(has(&body, "<link rel=\"canonical\" href=\"" BASE
	                 "/articles/xml-test\">"));
	CHECK(has(&body, "<meta property=\"og:type\" content=\"article\">"));
	CHECK(has(&body, "<meta property=\"og:url\" content=\"" BASE
	                 "/articles/xml-test\">"));
	CHECK(has(&body, "<meta property=\"og:title\" content=\"&lt;script&gt;"
	                 "alert(1)&lt;/script&gt; &amp; &quot;Q&quot; "
	                 "&lt;/script&gt;\">"));
	CHECK(has(&body,
	          "<meta property=\"og:site_name\" content=\"" SITE "\">"));
	CHECK(has(&body, "<meta property=\"og:locale\" content=\"en\">"));
	snprintf(want, sizeof(want),
	         "<meta property=\"og:image\" content=\"" BASE "/uploads/%s\">",
	         image_path);
	CHECK(image_path[0] != '\0' && has(&body, want));
	CHECK(has(&body, "<meta name=\"twitter:card\" "
	                 "content=\"summary_large_image\">"));
	CHECK(has(&body,
	          "<link rel=\"alternate\" type=\"application/atom+xml\" "
	          "title=\"" SITE "\" href=\"" BASE "/feed.atom\">"));
	CHECK(has(&body, "<link rel=\"alternate\" type=\"application/rss+xml\" "
	                 "title=\"" SITE "\" href=\"" BASE "/feed.rss\">"));
	/* The one </script> a JSON-LD block may hold is its own end. */
	CHECK(has(&body, "\"headline\":\"\\u003cscript\\u003ealert(1)"
	                 "\\u003c/script\\u003e \\u0026 \\\"Q\\\" "
	                 "\\u003c/script\\u003e\""));
	CHECK(count("<script") == count("</script>"));
	CHECK(count("<script") == 1);
	ld = json_ld("NewsArticle");
	CHECK(ld != NULL);
	CHECK(strcmp(jstr(ld, "headline", NULL), HOSTILE) == 0);
	CHECK(strcmp(jstr(ld, "@context", NULL), "https://schema.org") == 0);
	CHECK(strcmp(jstr(ld, "author", "name"), "Ilka Dorran") == 0);
	CHECK(strcmp(jstr(ld, "author", "@type"), "Person") == 0);
	CHECK(strcmp(jstr(ld, "publisher", "name"), SITE) == 0);
	CHECK(strcmp(jstr(ld, "inLanguage", NULL), "en") == 0);
	CHECK(strcmp(jstr(ld, "mainEntityOfPage", "@id"),
	             BASE "/articles/xml-test") == 0);
	CHECK(strlen(jstr(ld, "datePublished", NULL)) == 20);
	CHECK(strlen(jstr(ld, "dateModified", NULL)) == 20);
	snprintf(want, sizeof(want), BASE "/uploads/%s", image_path);
	CHECK(json_is_string(json_array_get(json_object_get(ld, "image"), 0)) &&
	      strcmp(json_string_value(
	                 json_array_get(json_object_get(ld, "image"), 0)),
	             want) == 0);
	json_decref(ld);
	CHECK(json_ld("Organization") == NULL);

	/* An article without an image: a small card, no image in JSON-LD. */
	snprintf(want, sizeof(want), "/articles/%s",
	         query_text("SELECT slug FROM articles WHERE edition_id = 1 "
	                    "AND state = 'published' AND featured_media_id "
	                    "IS NULL"));
	CHECK(get(want) == 200);
	CHECK(has(&body, "<meta name=\"twitter:card\" content=\"summary\">"));
	CHECK(!has(&body, "og:image"));
	ld = json_ld("NewsArticle");
	CHECK(ld != NULL && json_object_get(ld, "image") == NULL);
	json_decref(ld);

	/* The home page: the organisation, with its social links. */
	sql("UPDATE settings SET value = 'https://facebook.example/gz' WHERE "
	    "key = 'social_facebook'; UPDATE settings SET value = "
	    "'https://video.example/gz' WHERE key = 'social_youtube'; "
	    "UPDATE settings SET value = '' WHERE key IN ('social_twitter', "
	    "'social_instagram')");
	CHECK(get("/") == 200);
	CHECK(has(&body, "<title>" SITE "</title>"));
	CHECK(has(&body, "<link rel=\"canonical\" href=\"" BASE "/\">"));
	CHECK(has(&body, "<meta property=\"og:type\" content=\"website\">"));
	CHECK(json_ld("NewsArticle") == NULL);
	ld = json_ld("Organization");
	CHECK(ld != NULL);
	CHECK(strcmp(jstr(ld, "name", NULL), SITE) == 0);
	CHECK(strcmp(jstr(ld, "url", NULL), BASE "/") == 0);
	CHECK(json_array_size(json_object_get(ld, "sameAs")) == 2);
	CHECK(strcmp(json_string_value(
	                 json_array_get(json_object_get(ld, "sameAs"), 1)),
	             "https://video.example/gz") == 0);
	json_decref(ld);
	CHECK(get("/page/2") == 200);
	CHECK(json_ld("Organization") == NULL);
	CHECK(has(&body, "<link rel=\"canonical\" href=\"" BASE "/page/2\">"));

	/* An archive names its own feed too. */
	CHECK(get("/category/news") == 200);
	CHECK(has(&body,
	          "<link rel=\"alternate\" type=\"application/atom+xml\" "
	          "title=\"News\" href=\"" BASE "/category/news/feed.atom\">"));
	CHECK(has(&body, "<meta name=\"description\" content=\"Reporting from "
	                 "the field and the desk.\">"));
	CHECK(get("/tag/families") == 200);
	CHECK(has(&body, "href=\"" BASE "/tag/families/feed.atom\">"));
	CHECK(get("/about") == 200);
	CHECK(has(&body, "<link rel=\"canonical\" href=\"" BASE "/about\">"));
	/* A page whose slug begins like the admin area's is public. */
	sql("INSERT INTO pages (edition_id, slug, title, body_html, state, "
	    "created_at, updated_at) VALUES (1, 'administration', "
	    "'Administration', '<p>x</p>', 'published', 1, 1)");
	CHECK(get("/administration") == 200);
	CHECK(has(&body,
	          "<link rel=\"canonical\" href=\"" BASE "/administration\">"));
	CHECK(get("/sitemap-pages-1.xml") == 200);
	CHECK(has(&body, "<loc>" BASE "/administration</loc>"));

	/* Not on error pages. */
	CHECK(get("/no-such-page") == 404);
	CHECK(!has(&body, "rel=\"canonical\"") && !has(&body, "og:"));
}

/*
 * The logo: an image of the library, set in /admin/settings (anything
 * else refused, nothing saved), shown in the header with the site's name
 * as its alternative text, and named in the JSON-LD of the organisation
 * and of an article's publisher; the footer names the site's domain.
 */
static void
test_logo(void)
{
	struct form f;
	json_t *ld;
	static const char *const bad[] = {
	    "/uploads/demo/newsletter-19.pdf", /* not an image */
	    "/uploads/demo/no-such.jpg",       /* not in the library */
	    "https://elsewhere.example/logo.png",
	    "demo/open-door.jpg",
	};

	CHECK(get("/") == 200);
	CHECK(has(&body, "<a class=\"site-name\" href=\"/\">" SITE "</a>"));
	CHECK(has(&body,
	          "</bdi> &middot; <span dir=\"ltr\">gazette.test</span>"));
	/* The staff session's cookie is named for http: the settings form
	 * is sent under the address it was made for. */
	sql("UPDATE settings SET value = 'http://127.0.0.1:8080' WHERE key = "
	    "'base_url'");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(request("GET", "/admin/settings", admin, NULL, NULL) ==
		      200);
		form_scrape(&f, "/admin/settings");
		form_set(&f, "logo", bad[i]);
		CHECK(form_post(admin, "/admin/settings", &f) == 400);
		CHECK(has(&body, "The logo must be the address of an image"));
		CHECK(strcmp(query_text("SELECT value FROM settings WHERE key "
		                        "= 'logo'"),
		             "") == 0);
	}
	CHECK(request("GET", "/admin/settings", admin, NULL, NULL) == 200);
	form_scrape(&f, "/admin/settings");
	form_set(&f, "logo", "/uploads/demo/open-door.jpg");
	CHECK(form_post(admin, "/admin/settings", &f) == 303);
	sql("UPDATE settings SET value = '" BASE "' WHERE key = 'base_url'");
	CHECK(get("/") == 200);
	CHECK(has(&body, "<a class=\"site-name\" href=\"/\"><img "
	                 "src=\"/uploads/demo/open-door.jpg\" width=\"1200\" "
	                 "height=\"675\" alt=\"" SITE "\"></a>"));
	ld = json_ld("Organization");
	CHECK(ld != NULL && strcmp(jstr(ld, "logo", NULL),
	                           BASE "/uploads/demo/open-door.jpg") == 0);
	json_decref(ld);
	CHECK(get(query_text("SELECT '/articles/' || slug FROM articles "
	                     "WHERE state = 'published' AND edition_id = 1 "
	                     "ORDER BY id LIMIT 1")) == 200);
	ld = json_ld("NewsArticle");
	CHECK(ld != NULL);
	CHECK(strcmp(jstr(json_object_get(ld, "publisher"), "logo", "url"),
	             BASE "/uploads/demo/open-door.jpg") == 0);
	json_decref(ld);
	/* Emptied: the name again. */
	sql("UPDATE settings SET value = '' WHERE key = 'logo'");
	CHECK(get("/") == 200);
	CHECK(has(&body, "<a class=\"site-name\" href=\"/\">" SITE "</a>"));
}

/* A long excerpt is cut at a word, with an ellipsis. */
static void
test_description(void)
{
	char q[1024];
	const char *p, *end;

	snprintf(q, sizeof(q),
	         "UPDATE articles SET excerpt = '%s' WHERE id = 9001",
	         "Word  word\n\tword word word word word word word word word "
	         "word word word word word word word word word word word word "
	         "word word word word word word word word word word word word "
	         "word word word word word word word");
	sql(q);
	CHECK(get("/articles/xml-test") == 200);
	p = strstr(body.data, "<meta name=\"description\" content=\"");
	CHECK(p != NULL);
	if (p == NULL)
		return;
	p += strlen("<meta name=\"description\" content=\"");
	end = strchr(p, '"');
	CHECK(strncmp(p, "Word word word", 14) == 0);
	CHECK(end - p <= 160 + 3);
	CHECK(strncmp(end - 7, "word\xe2\x80\xa6", 7) == 0 && end[-8] == ' ');
}

/* Appends s to the string dst (the tests' buffers are large enough). */
static void
append(char *dst, const char *s)
{
	size_t n = strlen(dst);

	memcpy(dst + n, s, strlen(s) + 1);
}

/* frame_description and frame_absolute_url on their own. */
static void
test_helpers(void)
{
	char in[1024], want[1024];
	size_t i;

	CHECK_STR(frame_description(&arena, ""), "");
	CHECK_STR(frame_description(&arena, " \n\t "), "");
	CHECK_STR(frame_description(&arena, "  a \n\t b\x7f c  "), "a b c");
	memset(in, 'x', 161);
	in[160] = '\0';
	CHECK_STR(frame_description(&arena, in), in); /* 160: whole */
	in[160] = 'x';
	in[161] = '\0';
	memcpy(want, in, 160);
	memcpy(want + 160, "\xe2\x80\xa6", 4);
	CHECK_STR(frame_description(&arena, in), want);
	/* 40 words of 4 letters: 32 fit (159 characters). */
	in[0] = want[0] = '\0';
	for (i = 0; i < 40; i++)
		append(in, "word ");
	for (i = 0; i < 32; i++)
		append(want, i ? " word" : "word");
	append(want, "\xe2\x80\xa6");
	CHECK_STR(frame_description(&arena, in), want);
	/* Characters, not bytes: 161 Arabic letters of two bytes each. */
	in[0] = want[0] = '\0';
	for (i = 0; i < 161; i++) {
		append(in, "\xd8\xb9");
		if (i < 160)
			append(want, "\xd8\xb9");
	}
	append(want, "\xe2\x80\xa6");
	CHECK_STR(frame_description(&arena, in), want);

	CHECK_STR(frame_absolute_url(&app, &arena, "/"), BASE "/");
	CHECK_STR(frame_absolute_url(&app, &arena,
	                             "/articles/\xd8\xb3\xd9\x84 x\"<'>"),
	          BASE "/articles/%D8%B3%D9%84%20x%22%3C%27%3E");
	sql("UPDATE settings SET value = '" BASE "//' WHERE key = 'base_url'");
	CHECK(get("/robots.txt") == 200); /* reloads the settings */
	CHECK_STR(frame_absolute_url(&app, &arena, "/a?b=c&d"),
	          BASE "/a?b=c&d");
	sql("UPDATE settings SET value = '" BASE "' WHERE key = 'base_url'");
}

/* Parameters followed by fixed text in their segment. */
static void
test_route_suffix(void)
{
	struct req req;

	memset(&req, 0, sizeof(req));
	req.arena = &arena;
	CHECK(router_match("/sitemap-articles-{n}.xml",
	                   "/sitemap-articles-12.xml", &req) == 1);
	CHECK(req.param_int_set && req.param_int == 12);
	CHECK(router_match("/sitemap-articles-{n}.xml",
	                   "/sitemap-articles-.xml", &req) == 0);
	CHECK(router_match("/sitemap-articles-{n}.xml",
	                   "/sitemap-articles-1.xmlx", &req) == 0);
	CHECK(router_match("/sitemap-articles-{n}.xml", "/sitemap-articles-1",
	                   &req) == 0);
	CHECK(router_match("/sitemap-articles-{n}.xml",
	                   "/sitemap-articles-1.xml/x", &req) == 0);
	CHECK(router_match("/x/{slug}.atom", "/x/news.atom", &req) == 1);
	CHECK(strcmp(req.param_slug, "news") == 0);
}

int
main(void)
{
	staff_start();
	/* The English edition alone, as a new site's other editions would
	 * be before they are written: their demo content goes and they are
	 * disabled; test_editions enables Arabic with one article. */
	sql("DELETE FROM articles WHERE edition_id > 1; "
	    "DELETE FROM tags WHERE edition_id > 1; "
	    "UPDATE editions SET enabled = 0 WHERE id > 1");
	admin = session_of("carol");
	add_articles();
	test_settings();
	/* From here on no staff form: the session's cookie is named for
	 * http. */
	sql("UPDATE settings SET value = '" BASE "' WHERE key = 'base_url'");
	test_atom();
	test_rss();
	test_term_feeds();
	test_sitemaps();
	test_robots();
	test_head();
	test_logo();
	test_description();
	test_editions();
	test_feed_time();
	test_route_suffix();
	test_helpers();
	free(admin);
	driver_stop();
	TEST_DONE();
}
