/*
 * test_routes.c: every route through the real request path (app_handle:
 * parse, route, handler, database, templates, response) against a fresh
 * database made by the migrations and the starter content.  No nginx and
 * no sockets: requests are built as http/fcgi.c would build them.
 */
#include "db/site_db.h"
#include "driver.h"

/*
 * Sends one request.  extra_header is "HTTP_NAME=value" or NULL.  Leaves
 * the serialised header block in head, the body in body, and returns the
 * status.
 */
static int
request(const char *method, const char *uri, const char *extra_header,
        const char *form)
{
	struct kv hdr;
	const char *eq = extra_header ? strchr(extra_header, '=') : NULL;

	if (eq != NULL) {
		hdr.key = arena_strndup(&arena, extra_header,
		                        (size_t)(eq - extra_header));
		hdr.val = eq + 1;
		hdr.val_len = strlen(eq + 1);
	}
	return driver_request(method, uri, "127.0.0.1", &hdr, eq ? 1 : 0, form);
}

/* Every response carries the security headers. */
static void
check_security_headers(void)
{
	CHECK(has(&head, "Content-Security-Policy: default-src 'none'"));
	CHECK(has(&head, "frame-ancestors 'none'"));
	CHECK(has(&head, "X-Content-Type-Options: nosniff"));
	CHECK(has(&head, "Referrer-Policy: "));
}

/*
 * Checks the pages of a listing at base ("" for the home page) holding
 * count articles: Older links up to the last page, Newer links back, and
 * 404 past the end.
 */
static void
check_listing_pages(const char *base, long long count)
{
	long long pages = (count + 9) / 10, n;
	char uri[256], link[300];

	CHECK(pages >= 2);
	for (n = 1; n <= pages; n++) {
		if (n == 1)
			snprintf(uri, sizeof(uri), "%s/", base);
		else
			snprintf(uri, sizeof(uri), "%s/page/%lld", base, n);
		if (n == 1 && base[0] != '\0')
			uri[strlen(uri) - 1] = '\0';
		CHECK(request("GET", uri, NULL, NULL) == 200);
		snprintf(link, sizeof(link),
		         "<a class=\"older\" href=\"%s/page/%lld\">", base,
		         n + 1);
		CHECK(has(&body, link) == (n < pages));
		CHECK(has(&body, "<a class=\"newer\"") == (n > 1));
		if (n == 2) {
			snprintf(link, sizeof(link),
			         "<a class=\"newer\" href=\"%s\">",
			         base[0] ? base : "/");
			CHECK(has(&body, link));
		}
	}
	snprintf(uri, sizeof(uri), "%s/page/%lld", base, pages + 1);
	CHECK(request("GET", uri, NULL, NULL) == 404);
	snprintf(uri, sizeof(uri), "%s/page/1", base);
	CHECK(request("GET", uri, NULL, NULL) == 301);
	snprintf(link, sizeof(link), "Location: %s\r\n", base[0] ? base : "/");
	CHECK(has(&head, link));
}

static void
test_home(void)
{
	char etag[128] = "", *p, *end;

	CHECK(request("GET", "/", NULL, NULL) == 200);
	check_security_headers();
	CHECK(has(&body, "<html lang=\"en\" dir=\"ltr\">"));
	CHECK(has(&body, query_text("SELECT title FROM articles WHERE state = "
	                            "'published' AND edition_id = 1 "
	                            "ORDER BY published_at DESC, id DESC")));
	CHECK(!has(&body, "Draft notes"));
	CHECK(has(&body, "href=\"/category/news\""));
	CHECK(has(&body, "Recent Posts"));
	CHECK(has(&body, "2019\xe2\x80\x93"));
	CHECK(has(&head, "Cache-Control: public"));
	CHECK(has(&head, "Last-Modified: "));
	CHECK(has(&body, "Older Posts"));
	/* Featured images: sized, lazy but for the first, captioned. */
	CHECK(has(&body, "<img src=\"/uploads/demo/"));
	CHECK(has(&body, "width=\"1200\" height=\"675\" alt=\"\" decoding"));
	CHECK(has(&body, "loading=\"lazy\""));
	CHECK(has(&body, "<figcaption dir=\"auto\">"));
	/* The first image, above the fold, is not lazy; the second is. */
	{
		const char *img = strstr(body.data, "<img src=\"/uploads/");
		const char *gt = img ? strchr(img, '>') : NULL;
		const char *next =
		    gt ? strstr(gt, "<img src=\"/uploads/") : NULL;

		CHECK(img != NULL && gt != NULL && next != NULL);
		if (img && gt && next) {
			CHECK(memmem(img, (size_t)(gt - img), "lazy", 4) ==
			      NULL);
			CHECK(strstr(next, "loading=\"lazy\"") <
			      strchr(next, '>'));
		}
	}
	p = strstr(head.data, "ETag: ");
	CHECK(p != NULL);
	if (p != NULL && (end = strstr(p, "\r\n")) != NULL &&
	    end - p - 6 < (long)sizeof(etag)) {
		memcpy(etag, "HTTP_IF_NONE_MATCH=", 19);
		memcpy(etag + 19, p + 6, (size_t)(end - p - 6));
		etag[19 + (end - p - 6)] = '\0';
		CHECK(request("GET", "/", etag, NULL) == 304);
		CHECK(body.len == 0);
	}

	CHECK(request("HEAD", "/", NULL, NULL) == 200);
	CHECK(body.len == 0);
	CHECK(has(&head, "Content-Length: "));
	CHECK(!has(&head, "Content-Length: 0\r\n"));
	check_security_headers();
}

static void
test_pagination(void)
{
	struct db *db = NULL;
	char slug[32], title[64];

	CHECK(request("GET", "/page/1", NULL, NULL) == 301);
	CHECK(has(&head, "Location: /\r\n"));
	CHECK(request("GET", "/page/0", NULL, NULL) == 404);
	CHECK(has(&body, "Page not found"));
	check_security_headers();
	CHECK(request("GET", "/page/abc", NULL, NULL) == 404);
	CHECK(request("GET", "/page/-1", NULL, NULL) == 404);
	CHECK(request("GET", "/page/01", NULL, NULL) == 404);
	CHECK(request("GET", "/page/1000001", NULL, NULL) == 404);

	check_listing_pages("", query_int("SELECT count(*) FROM articles "
	                                  "WHERE edition_id = 1 AND state = "
	                                  "'published'"));

	/* Enough open letters for three pages. */
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(db_begin(db) == 0);
	for (int i = 0; i < 25; i++) {
		struct article_input in;

		memset(&in, 0, sizeof(in));
		snprintf(slug, sizeof(slug), "extra-%02d", i);
		snprintf(title, sizeof(title), "Extra article %02d", i);
		in.edition_id = 1;
		in.slug = slug;
		in.title = title;
		in.body_md = "Some *text*.";
		in.state = "published";
		in.category_slug = "open-letters";
		in.published_at = 1000000000LL + i * 86400LL;
		CHECK(article_db_insert(db, &in) > 0);
	}
	CHECK(db_commit(db) == 0);
	db_close(db);
	check_listing_pages("/category/open-letters",
	                    query_int("SELECT count(*) FROM articles a JOIN "
	                              "categories c ON c.id = a.category_id "
	                              "WHERE c.slug = 'open-letters' AND "
	                              "a.state = 'published'"));
	check_listing_pages("", query_int("SELECT count(*) FROM articles "
	                                  "WHERE edition_id = 1 AND state = "
	                                  "'published'"));
}

static void
test_articles_and_pages(void)
{
	CHECK(request("GET", "/articles/welcome-to-the-new-site", NULL, NULL) ==
	      200);
	CHECK(has(&body, "<h2>Why we moved</h2>"));
	CHECK(has(&body, "<blockquote>"));
	CHECK(has(&body, "<title>Welcome to the new site \xe2\x80\x93 "));
	CHECK(has(&body, "By <a href=\"/author/newsroom\" rel=\"author\">"
	                 "<bdi>Newsroom</bdi></a>"));
	CHECK(request("GET", "/articles/families-wait-for-news", NULL, NULL) ==
	      200);
	CHECK(has(&body, "href=\"/tag/families\""));
	CHECK(has(&body, "Previous article"));
	CHECK(has(&body, "Next article"));
	CHECK(request("GET", "/articles/draft-notes-for-the-annual-report",
	              NULL, NULL) == 404);
	CHECK(request("GET", "/articles/no-such-article", NULL, NULL) == 404);
	CHECK(request("GET", "/articles/Bad_Slug", NULL, NULL) == 404);

	/* A category archive includes its subcategories. */
	CHECK(request("GET", "/category/news", NULL, NULL) == 200);
	CHECK(has(&body, "A week on the border"));
	CHECK(has(&body, "<h1 class=\"archive-title\">News</h1>"));
	CHECK(request("GET", "/category/field-reports", NULL, NULL) == 200);
	CHECK(!has(&body, "Welcome to the new site</a></h2>"));
	CHECK(request("GET", "/category/nothing-here", NULL, NULL) == 404);
	CHECK(request("GET", "/tag/families", NULL, NULL) == 200);
	CHECK(has(&body, "An open letter to the Special Rapporteur"));
	CHECK(request("GET", "/tag/families/page/2", NULL, NULL) == 404);
	CHECK(request("GET", "/tag/unknown", NULL, NULL) == 404);

	CHECK(request("GET", "/about", NULL, NULL) == 200);
	CHECK(has(&body, "<h1 dir=\"auto\">About us</h1>"));
	CHECK(request("GET", "/contact", NULL, NULL) == 200);
	CHECK(has(&body, "mailto:editors@example.org"));
	CHECK(request("GET", "/no-such-page", NULL, NULL) == 404);
	CHECK(has(&body, "<h1>Page not found</h1>"));
	CHECK(has(&head, "Cache-Control: no-store"));
}

static void
test_canonical_and_methods(void)
{
	CHECK(request("GET", "/about/", NULL, NULL) == 301);
	CHECK(has(&head, "Location: /about\r\n"));
	CHECK(request("GET", "/about/?x=1", NULL, NULL) == 301);
	CHECK(has(&head, "Location: /about?x=1\r\n"));
	CHECK(request("GET", "//evil.example/", NULL, NULL) == 404);
	CHECK(!has(&head, "Location:"));
	CHECK(request("GET", "/about%2F", NULL, NULL) == 404);

	CHECK(request("PUT", "/", NULL, NULL) == 405);
	CHECK(has(&head, "Allow: GET, HEAD\r\n"));
	check_security_headers();
	CHECK(request("DELETE", "/about", NULL, NULL) == 405);
	CHECK(request("BREW", "/nowhere", NULL, NULL) == 405);
	CHECK(request("POST", "/", NULL, "a=1") == 405);
	CHECK(has(&body, "Method not allowed"));
}

static void
test_bad_input(void)
{
	static char big[20000];

	CHECK(request("GET", "/a%00b", NULL, NULL) == 400);
	check_security_headers();
	CHECK(request("GET", "/%ff", NULL, NULL) == 400);
	CHECK(request("GET", "/a/../about", NULL, NULL) == 400);
	CHECK(request("GET", "/a/%2e%2e/about", NULL, NULL) == 400);
	CHECK(request("GET", "/?q=%zz", NULL, NULL) == 400);
	memset(big, 'a', sizeof(big) - 1);
	big[0] = '/';
	CHECK(request("GET", big, NULL, NULL) == 414);
	/* 10,000 query parameters. */
	{
		struct buf q;

		buf_init(&q);
		buf_puts(&q, "/?");
		for (int i = 0; i < 10000; i++)
			buf_puts(&q, "a=1&");
		CHECK(request("GET", q.data, NULL, NULL) / 100 == 4);
		buf_free(&q);
	}
	CHECK(request("GET", "/", "HTTP_COOKIE=a=\x01", NULL) == 400);
	CHECK(request("GET", "/", NULL, NULL) == 200);
}

static void
test_editions(void)
{
	/* A disabled edition's prefix is just an unknown path. */
	sql("UPDATE editions SET enabled = 0 WHERE code = 'ar'");
	CHECK(request("GET", "/ar/", NULL, NULL) / 100 != 2);
	CHECK(request("GET", "/ar", NULL, NULL) == 404);

	/* Enabling an edition is data only: a second connection commits,
	 * and the worker notices through data_version. */
	sql("UPDATE editions SET enabled = 1, site_name = "
	    "'\xd8\xba\xd8\xa7\xd8\xb2\xd9\x8a\xd8\xaa' "
	    "WHERE code = 'ar';"
	    "UPDATE edition_strings SET value = 'RECENT-AR' "
	    "WHERE edition_id = 2 AND key = 'recent_posts';"
	    "UPDATE settings SET value = 'Asia/Tehran' "
	    "WHERE key = 'timezone'");

	CHECK(request("GET", "/ar/", NULL, NULL) == 200);
	CHECK(has(&body, "<html lang=\"ar\" dir=\"rtl\">"));
	CHECK(has(&body, "RECENT-AR"));
	CHECK(has(&body, "href=\"/ar/\""));
	CHECK(!has(&body, "Welcome to the new site"));
	CHECK(request("GET", "/ar", NULL, NULL) == 301);
	CHECK(has(&head, "Location: /ar/\r\n"));
	CHECK(request("GET", "/ar/no-such-page", NULL, NULL) == 404);
	CHECK(has(&body, "dir=\"rtl\""));
	CHECK(request("GET", "/ar/page/2", NULL, NULL) == 404);
	CHECK(request("GET", "/", NULL, NULL) == 200);
	CHECK(has(&body, "<html lang=\"en\" dir=\"ltr\">"));
	CHECK(strcmp(site_setting(&app.site, "timezone", ""), "Asia/Tehran") ==
	      0);
}

/*
 * Share links carry the absolute URL (from the base-URL setting, never the
 * Host header) and the title percent-encoded, then HTML-escaped: quotes,
 * ampersands, apostrophes and non-Latin letters included.
 */
static void
test_share_links(void)
{
	struct db *db = NULL;
	struct article_input in;
	const char *enc_title =
	    "Q%26A%3A%20%22Who%27s%20next%3F%22%20%E2%80%94%20"
	    "%D8%AE%D8%A7%D9%86%D9%88%D8%A7%D8%AF%D9%87";
	const char *enc_url =
	    "https%3A%2F%2Fnews.example.org%2Farticles%2Fqa-whos-next";
	char want[512];

	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(site_db_set(db, "base_url", "https://news.example.org") == 0);
	CHECK(db_begin(db) == 0);
	memset(&in, 0, sizeof(in));
	in.edition_id = 1;
	in.slug = "qa-whos-next";
	in.title = "Q&A: \"Who's next?\" \xe2\x80\x94 "
	           "\xd8\xae\xd8\xa7\xd9\x86\xd9\x88\xd8\xa7\xd8\xaf\xd9\x87";
	in.body_md = "Text.";
	in.state = "published";
	in.published_at = 2000000000LL; /* the newest: first on the home page */
	CHECK(article_db_insert(db, &in) > 0);
	CHECK(db_commit(db) == 0);
	db_close(db);

	CHECK(request("GET", "/articles/qa-whos-next", "HTTP_HOST=evil.example",
	              NULL) == 200);
	CHECK(!has(&body, "evil.example"));
	CHECK(has(&body,
	          "<h1 dir=\"auto\">Q&amp;A: &quot;Who&#39;s next?&quot;"));
	snprintf(want, sizeof(want),
	         "https://www.facebook.com/sharer/sharer.php?u=%s\"", enc_url);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "https://x.com/intent/tweet?url=%s&amp;text=%s\"", enc_url,
	         enc_title);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want), "https://wa.me/?text=%s%%20%s\"",
	         enc_title, enc_url);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want),
	         "https://t.me/share/url?url=%s&amp;text=%s\"", enc_url,
	         enc_title);
	CHECK(has(&body, want));
	snprintf(want, sizeof(want), "mailto:?subject=%s&amp;body=%s\"",
	         enc_title, enc_url);
	CHECK(has(&body, want));
	CHECK(has(&body, "https://www.pinterest.com/pin/create/button/?url="));
	CHECK(!has(&body, "&amp;media=")); /* no featured image, no media */
	/* The same links on the home page, for every article. */
	CHECK(request("GET", "/", NULL, NULL) == 200);
	snprintf(want, sizeof(want), "sharer.php?u=%s\"", enc_url);
	CHECK(has(&body, want));
	CHECK(has(&body,
	          "&amp;media=https%3A%2F%2Fnews.example.org%2Fuploads%2F"
	          "demo%2F"));
	CHECK(has(&body, "0 comments"));
}

/* The Recent Posts fragment, for nginx SSI, and the include it replaces. */
static void
test_recent_posts_fragment(void)
{
	CHECK(request("GET", "/_partials/recent-posts", NULL, NULL) == 200);
	CHECK(!has(&body, "<!DOCTYPE"));
	CHECK(has(&body, "Recent Posts"));
	CHECK(has(&body, "<li><a href=\"/articles/"));
	CHECK(has(&head, "ETag: "));
	CHECK(request("GET", "/", NULL, NULL) == 200);
	CHECK(!has(&body, "<!--# include"));

	sql("INSERT INTO settings VALUES ('ssi', '1') ON "
	    "CONFLICT (key) DO UPDATE SET value = '1'");
	CHECK(request("GET", "/about", NULL, NULL) == 200);
	CHECK(has(&body, "<!--# include virtual=\"/_partials/recent-posts\" "
	                 "-->"));
	CHECK(!has(&body, "<ul class=\"recent\">"));
	sql("UPDATE settings SET value = '0' WHERE key = "
	    "'ssi'");
	CHECK(request("GET", "/about", NULL, NULL) == 200);
	CHECK(has(&body, "<ul class=\"recent\">"));
}

/*
 * A failing query is a 500 with the site's own page (or, when even the
 * frame cannot be read, a minimal fixed page), and the worker goes on
 * answering once the cause is gone.
 */
static void
test_server_error(void)
{
	sql("ALTER TABLE article_tags RENAME TO gone");
	CHECK(request("GET", "/articles/welcome-to-the-new-site", NULL, NULL) ==
	      500);
	CHECK(has(&body, "<h1>Something went wrong</h1>"));
	CHECK(has(&head, "Cache-Control: no-store"));
	check_security_headers();
	sql("ALTER TABLE gone RENAME TO article_tags");

	sql("ALTER TABLE pages RENAME TO gone");
	CHECK(request("GET", "/about", NULL, NULL) == 500);
	CHECK(has(&body, "500 Internal Server Error"));
	check_security_headers();
	sql("ALTER TABLE gone RENAME TO pages");
	CHECK(request("GET", "/about", NULL, NULL) == 200);
	CHECK(request("GET", "/articles/welcome-to-the-new-site", NULL, NULL) ==
	      200);
}

int
main(void)
{
	driver_create();
	driver_start();
	test_home();
	test_articles_and_pages();
	test_pagination();
	test_canonical_and_methods();
	test_bad_input();
	test_editions();
	test_share_links();
	test_recent_posts_fragment();
	test_server_error();
	driver_stop();
	TEST_DONE();
}
