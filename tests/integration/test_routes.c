/*
 * test_routes.c: every route through the real request path (app_handle:
 * parse, route, handler, database, templates, response) against a fresh
 * database made by the migrations and the starter content.  No nginx and
 * no sockets: requests are built as http/fcgi.c would build them.
 */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <unistd.h>

#include "app.h"
#include "db/content_db.h"
#include "db/site_db.h"
#include "testhelp.h"

static struct app app;
static struct arena arena;
static struct buf body, head;
static int status;

/*
 * Sends one request.  extra_header is "HTTP_NAME=value" or NULL.  Leaves
 * the serialised header block in head, the body in body, and returns the
 * status.
 */
static int
request(const char *method, const char *uri, const char *extra_header,
        const char *form)
{
	struct raw_request raw;
	struct resp resp;
	struct kv hdr[2];
	size_t nh = 0;
	const char *inm = NULL;

	arena_reset(&arena);
	memset(&raw, 0, sizeof(raw));
	raw.method = method;
	raw.request_uri = uri;
	raw.remote_addr = "127.0.0.1";
	raw.content_length = -1;
	hdr[nh++] = (struct kv){"HTTP_HOST", "example.org", 11};
	if (extra_header != NULL) {
		const char *eq = strchr(extra_header, '=');

		hdr[nh].key = arena_strndup(&arena, extra_header,
		                            (size_t)(eq - extra_header));
		hdr[nh].val = eq + 1;
		hdr[nh].val_len = strlen(eq + 1);
		if (strcmp(hdr[nh].key, "HTTP_IF_NONE_MATCH") == 0)
			inm = eq + 1;
		nh++;
	}
	raw.headers = hdr;
	raw.headers_count = nh;
	if (form != NULL) {
		raw.content_type = "application/x-www-form-urlencoded";
		raw.body = form;
		raw.body_len = strlen(form);
		raw.content_length = (long long)raw.body_len;
	}
	resp_init(&resp, &arena, &body);
	app_handle(&app, &raw, &arena, &resp);
	buf_reset(&head);
	resp_serialise(&resp, inm, &head);
	if (resp.omit_body)
		buf_reset(&body);
	status = resp.status;
	return status;
}

static int
has(const struct buf *b, const char *needle)
{
	return b->data != NULL && strstr(b->data, needle) != NULL;
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

static void
test_home(void)
{
	char etag[128] = "", *p, *end;

	CHECK(request("GET", "/", NULL, NULL) == 200);
	check_security_headers();
	CHECK(has(&body, "<html lang=\"en\" dir=\"ltr\">"));
	CHECK(has(&body, "Welcome to the new site"));
	/* Quotes in titles are escaped. */
	CHECK(has(&body, "Families wait for news: &quot;We only want"));
	CHECK(!has(&body, "Draft notes"));
	CHECK(has(&body, "May 13, 2024"));
	CHECK(has(&body, "href=\"/category/news\""));
	CHECK(has(&body, "Recent Posts"));
	CHECK(has(&body, "2019\xe2\x80\x93"));
	CHECK(has(&head, "Cache-Control: public"));
	CHECK(has(&head, "Last-Modified: "));
	CHECK(!has(&body, "Older Posts")); /* six articles: one page */
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
	CHECK(request("GET", "/page/2", NULL, NULL) == 404);
	CHECK(request("GET", "/page/-1", NULL, NULL) == 404);

	/* 6 starter articles + 19 = 25: three pages of 10. */
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(db_begin(db) == 0);
	for (int i = 0; i < 19; i++) {
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

	CHECK(request("GET", "/", NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/page/2\""));
	CHECK(!has(&body, "Newer Posts"));
	CHECK(request("GET", "/page/2", NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/page/3\""));
	CHECK(has(&body, "Newer Posts"));
	CHECK(has(&body, "<a class=\"newer\" href=\"/\">"));
	CHECK(request("GET", "/page/3", NULL, NULL) == 200);
	CHECK(!has(&body, "Older Posts"));
	CHECK(has(&body, "href=\"/page/2\""));
	CHECK(request("GET", "/page/4", NULL, NULL) == 404);

	CHECK(request("GET", "/category/open-letters", NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/category/open-letters/page/2\""));
	CHECK(request("GET", "/category/open-letters/page/2", NULL, NULL) ==
	      200);
	CHECK(has(&body, "href=\"/category/open-letters\""));
	CHECK(request("GET", "/category/open-letters/page/3", NULL, NULL) ==
	      404);
	CHECK(request("GET", "/category/open-letters/page/1", NULL, NULL) ==
	      301);
	CHECK(has(&head, "Location: /category/open-letters\r\n"));
}

static void
test_articles_and_pages(void)
{
	CHECK(request("GET", "/articles/welcome-to-the-new-site", NULL, NULL) ==
	      200);
	CHECK(has(&body, "<h2>Why we moved</h2>"));
	CHECK(has(&body, "<blockquote>"));
	CHECK(has(&body, "<title>Welcome to the new site \xe2\x80\x93 "));
	CHECK(has(&body, "By Newsroom"));
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
	CHECK(has(&body, "<h1>About us</h1>"));
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
	sqlite3 *raw = NULL;

	/* A disabled edition's prefix is just an unknown path. */
	CHECK(request("GET", "/ar/", NULL, NULL) / 100 != 2);
	CHECK(request("GET", "/ar", NULL, NULL) == 404);

	/* Enabling an edition is data only: a second connection commits,
	 * and the worker notices through data_version. */
	CHECK(sqlite3_open(getenv("TEST_DB"), &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw,
	                   "UPDATE editions SET enabled = 1, site_name = "
	                   "'\xd8\xba\xd8\xa7\xd8\xb2\xd9\x8a\xd8\xaa' "
	                   "WHERE code = 'ar';"
	                   "INSERT INTO edition_strings VALUES (2, "
	                   "'no_articles', 'NO-ARTICLES-AR');"
	                   "UPDATE settings SET value = 'Asia/Tehran' "
	                   "WHERE key = 'timezone'",
	                   NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);

	CHECK(request("GET", "/ar/", NULL, NULL) == 200);
	CHECK(has(&body, "<html lang=\"ar\" dir=\"rtl\">"));
	CHECK(has(&body, "NO-ARTICLES-AR"));
	CHECK(has(&body, "href=\"/ar/\""));
	CHECK(!has(&body, "Welcome to the new site"));
	CHECK(request("GET", "/ar", NULL, NULL) == 301);
	CHECK(has(&head, "Location: /ar/\r\n"));
	CHECK(request("GET", "/ar/about", NULL, NULL) == 404);
	CHECK(has(&body, "dir=\"rtl\""));
	CHECK(request("GET", "/ar/page/2", NULL, NULL) == 404);
	CHECK(request("GET", "/", NULL, NULL) == 200);
	CHECK(has(&body, "<html lang=\"en\" dir=\"ltr\">"));
	CHECK(strcmp(site_setting(&app.site, "timezone", ""), "Asia/Tehran") ==
	      0);
}

/*
 * A failing query is a 500 with the site's own page (or, when even the
 * frame cannot be read, a minimal fixed page), and the worker goes on
 * answering once the cause is gone.
 */
static void
test_server_error(void)
{
	sqlite3 *raw = NULL;

	CHECK(sqlite3_open(getenv("TEST_DB"), &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "ALTER TABLE article_tags RENAME TO gone", NULL,
	                   NULL, NULL) == SQLITE_OK);
	CHECK(request("GET", "/articles/welcome-to-the-new-site", NULL, NULL) ==
	      500);
	CHECK(has(&body, "<h1>Something went wrong</h1>"));
	CHECK(has(&head, "Cache-Control: no-store"));
	check_security_headers();
	CHECK(sqlite3_exec(raw, "ALTER TABLE gone RENAME TO article_tags", NULL,
	                   NULL, NULL) == SQLITE_OK);

	CHECK(sqlite3_exec(raw, "ALTER TABLE pages RENAME TO gone", NULL, NULL,
	                   NULL) == SQLITE_OK);
	CHECK(request("GET", "/about", NULL, NULL) == 500);
	CHECK(has(&body, "500 Internal Server Error"));
	check_security_headers();
	CHECK(sqlite3_exec(raw, "ALTER TABLE gone RENAME TO pages", NULL, NULL,
	                   NULL) == SQLITE_OK);
	sqlite3_close(raw);
	CHECK(request("GET", "/about", NULL, NULL) == 200);
	CHECK(request("GET", "/articles/welcome-to-the-new-site", NULL, NULL) ==
	      200);
}

int
main(void)
{
	char dir[] = "/tmp/gazette-test-XXXXXX", path[256];
	struct template_set *set;
	struct buf err;
	struct db *db = NULL;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/test.db", dir);
	setenv("TEST_DB", path, 1);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, NULL, NULL) == 0);
	CHECK(content_db_load_starter(db) == 1);
	CHECK(content_db_load_starter(db) == 0);
	db_close(db);

	buf_init(&err);
	set = template_set_new();
	CHECK(template_set_load(set, NULL, &err) == 0);
	CHECK(app_open(&app, path, set) == 0);
	arena_init(&arena);
	buf_init(&body);
	buf_init(&head);

	test_home();
	test_articles_and_pages();
	test_pagination();
	test_canonical_and_methods();
	test_bad_input();
	test_editions();
	test_server_error();

	app_close(&app);
	template_set_free(set);
	arena_free(&arena);
	buf_free(&body);
	buf_free(&head);
	buf_free(&err);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	CHECK(system(path) == 0);
	TEST_DONE();
}
