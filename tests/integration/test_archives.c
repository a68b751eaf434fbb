/*
 * test_archives.c: author archives (/author/SLUG) and date archives
 * (/YYYY, /YYYY/MM, /YYYY/MM/DD, each with /page/N) through the real
 * request path: who is listed and in what order, pagination, other
 * editions, drafts and unknown authors, bylines linking to the archive,
 * period boundaries at midnight in the site's time zone (Asia/Tehran,
 * +03:30, so a UTC day is not the site's), empty and invalid periods, the
 * heading in the Farsi edition, a page whose slug is a year, the author
 * feed, authors' addresses made from display names (and the upgrade
 * that moves those made from logins), and a WordPress import's old
 * archive addresses ending in 200.
 */
#include <time.h>

#include "driver.h"
#include "staff.h"
#include "import/import.h"
#include "import/wxr.h"

/* GET uri; leaves the answer in head and body. */
static int
get(const char *uri)
{
	return driver_request("GET", uri, "127.0.0.1", NULL, 0, NULL);
}

/* Follows uri's redirects (at most 3) and returns the last status; *last
 * (static) is the address that answered it. */
static int
follow(const char *uri, const char **last)
{
	static char at[512];
	int status = 0;

	snprintf(at, sizeof(at), "%s", uri);
	for (int hops = 0; hops < 4; hops++) {
		const char *loc, *end;

		status = get(at);
		if (status != 301)
			break;
		CHECK((loc = strstr(head.data, "Location: ")) != NULL);
		if (loc == NULL)
			break;
		loc += 10;
		end = strstr(loc, "\r\n");
		snprintf(at, sizeof(at), "%.*s", (int)(end - loc), loc);
	}
	*last = at;
	return status;
}

/* How many times needle occurs in the last body. */
static int
count_of(const char *needle)
{
	int n = 0;
	const char *p = body.data;

	while (p != NULL && (p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return n;
}

/* Adds an article: its slug, edition code, author's name (NULL: none),
 * state and publication time as SQL ("unixepoch('…')"). */
static void
article(const char *slug, const char *edition, const char *author,
        const char *state, const char *when)
{
	char q[1024];

	snprintf(q, sizeof(q),
	         "INSERT INTO articles (edition_id, slug, title, body_html, "
	         "state, author_id, published_at, created_at, updated_at) "
	         "VALUES ((SELECT id FROM editions WHERE code = '%s'), '%s', "
	         "'Title %s', '<p>x</p>', '%s', "
	         "(SELECT id FROM users WHERE name = '%s'), %s, %s, %s)",
	         edition, slug, slug, state, author ? author : "", when, when,
	         when);
	sql(q);
}

/* The accounts and articles every test below reads. */
static void
fixtures(void)
{
	char when[64], slug[32];

	sql("UPDATE settings SET value = 'Asia/Tehran' WHERE key = "
	    "'timezone';"
	    "INSERT OR IGNORE INTO settings (key, value) VALUES "
	    "('timezone', 'Asia/Tehran');"
	    "INSERT INTO users (name, display_name, email, role, "
	    "password_hash, disabled, created_at) VALUES "
	    "('Jane.Doe', 'Jane Doe', 'jane@private.example', 'author', '!', "
	    "0, 0), "
	    "('ghost', 'Ghost Writer', 'ghost@private.example', 'author', '', "
	    "1, 0), "
	    "('nobody', 'No Body', 'nobody@private.example', 'author', '!', 0, "
	    "0);");
	/* Twelve of Jane's in November 2001 (site time), one a day. */
	for (int d = 1; d <= 12; d++) {
		snprintf(slug, sizeof(slug), "nov-%02d", d);
		snprintf(when, sizeof(when),
		         "unixepoch('2001-11-%02d 08:00:00')", d);
		article(slug, "en", "Jane.Doe", "published", when);
	}
	article("jane-draft", "en", "Jane.Doe", "draft",
	        "unixepoch('2001-11-20 08:00:00')");
	article("jane-arabic", "ar", "Jane.Doe", "published",
	        "unixepoch('2001-11-21 08:00:00')");
	article("ghost-piece", "en", "ghost", "published",
	        "unixepoch('2002-03-01 08:00:00')");
	/* Midnight in Tehran (+03:30, no summer time in winter) is 20:30
	 * UTC the day before. */
	article("feb-05-midnight", "en", NULL, "published",
	        "unixepoch('2001-02-04 20:30:00')");
	article("feb-04-last", "en", NULL, "published",
	        "unixepoch('2001-02-04 20:29:59')");
	article("feb-01-midnight", "en", NULL, "published",
	        "unixepoch('2001-01-31 20:30:00')");
	article("jan-31-last", "en", NULL, "published",
	        "unixepoch('2001-01-31 20:29:59')");
	article("y2001-first", "en", NULL, "published",
	        "unixepoch('2000-12-31 20:30:00')");
	article("y2000-last", "en", NULL, "published",
	        "unixepoch('2000-12-31 20:29:59')");
	article("fa-february", "fa", NULL, "published",
	        "unixepoch('2001-02-10 08:00:00')");
	/* A page whose slug is a year that also has an article. */
	sql("INSERT INTO pages (edition_id, slug, title, body_html, state, "
	    "created_at, updated_at) VALUES (1, '2009', 'The 2009 report', "
	    "'<p>report</p>', 'published', 0, 0)");
	article("in-2009", "en", NULL, "published",
	        "unixepoch('2009-03-01 08:00:00')");
}

/* Returns the slug of the account called name (static). */
static const char *
slug_of(const char *name)
{
	char q[160];

	snprintf(q, sizeof(q), "SELECT slug FROM users WHERE name = '%s'",
	         name);
	return query_text(q);
}

/* An author's address is made from the display name, never the login. */
static void
test_slugs(void)
{
	CHECK(strcmp(slug_of("Jane.Doe"), "jane-doe") == 0);
	CHECK(strcmp(slug_of("ghost"), "ghost-writer") == 0);
	/* A second account with the same display name gets its id; one whose
	 * display name leaves nothing is author-ID; an Arabic name stays
	 * Arabic. */
	sql("INSERT INTO users (name, display_name, role, password_hash, "
	    "created_at) VALUES ('jdoe2', 'Jane  Doe!', 'author', '!', 0), "
	    "('dots', '...', 'author', '!', 0), ('maryam', "
	    "'\xd9\x85\xd8\xb1\xdb\x8c\xd9\x85 "
	    "\xd8\xad\xd8\xb3\xdb\x8c\xd9\x86\xdb\x8c', 'author', '!', 0)");
	CHECK(query_int("SELECT slug = 'jane-doe-' || id FROM users WHERE "
	                "name = 'jdoe2'") == 1);
	CHECK(query_int("SELECT slug = 'author-' || id FROM users WHERE "
	                "name = 'dots'") == 1);
	CHECK(strcmp(slug_of("maryam"), "\xd9\x85\xd8\xb1\xdb\x8c\xd9\x85-"
	                                "\xd8\xad\xd8\xb3\xdb\x8c\xd9\x86"
	                                "\xdb\x8c") == 0); /* مریم-حسینی */
	/* No login shows in any address. */
	CHECK(query_int("SELECT count(*) FROM users WHERE slug = lower(name) "
	                "AND lower(name) != slug(display_name)") == 0);
	/* The address stays when the display name or the login changes. */
	sql("UPDATE users SET display_name = 'Jane Q. Doe', name = 'jqd' "
	    "WHERE name = 'Jane.Doe'");
	CHECK(strcmp(slug_of("jqd"), "jane-doe") == 0);
	sql("UPDATE users SET display_name = 'Jane Doe', name = 'Jane.Doe' "
	    "WHERE name = 'jqd'");
	/* An old address (here, one the upgrade to 027 would have kept)
	 * leads to the archive and its feed. */
	sql("INSERT INTO redirects (path, kind, url, created_at) VALUES "
	    "('/author/jdoe', 'url', '/author/jane-doe', 0), "
	    "('/author/jdoe/feed.rss', 'url', '/author/jane-doe/feed.rss', "
	    "0)");
	CHECK(get("/author/jdoe") == 301);
	CHECK(has(&head, "Location: /author/jane-doe\r\n"));
	CHECK(get("/author/jdoe/feed.rss") == 301);
	CHECK(has(&head, "Location: /author/jane-doe/feed.rss\r\n"));
}

/* An admin gives an author another address (a pen name taken later):
 * the old one and its feeds lead there; a bad or taken one is refused
 * with nothing changed; only an admin may. */
static void
test_address_change(void)
{
	char *admin = session_of("carol"), *editor = session_of("alice");
	char uri[64];
	long long jane = query_int("SELECT id FROM users WHERE name = "
	                           "'Jane.Doe'");

	snprintf(uri, sizeof(uri), "/admin/users/%lld", jane);
	CHECK(request("GET", "/admin/users", admin, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"slug\" type=\"text\" value=\"jane-doe\""));
	CHECK(post_as(editor, uri, "action=slug&slug=j-q") == 403);
	CHECK(post_as(admin, uri, "action=slug&slug=Jane+Q") == 400);
	CHECK(has(&body, "An author address is"));
	CHECK(post_as(admin, uri, "action=slug&slug=ghost-writer") == 400);
	CHECK(post_as(admin, uri, "action=slug&slug=") == 400);
	CHECK(strcmp(slug_of("Jane.Doe"), "jane-doe") == 0);
	CHECK(post_as(admin, uri, "action=slug&slug=j-q") == 303);
	CHECK(strcmp(slug_of("Jane.Doe"), "j-q") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'author address set' AND detail = 'Jane.Doe: "
	                "/author/j-q'") == 1);
	CHECK(get("/author/j-q") == 200);
	CHECK(has(&body, "/articles/nov-12"));
	CHECK(get("/author/jane-doe") == 301);
	CHECK(has(&head, "Location: /author/j-q\r\n"));
	CHECK(get("/ar/author/jane-doe/feed.atom") == 301);
	CHECK(has(&head, "Location: /ar/author/j-q/feed.atom\r\n"));
	/* The older old address leads there in one step. */
	CHECK(get("/author/jdoe") == 301);
	CHECK(has(&head, "Location: /author/j-q\r\n"));
	/* And back: the address taken again is nobody's old one. */
	CHECK(post_as(admin, uri, "action=slug&slug=jane-doe") == 303);
	CHECK(get("/author/jane-doe") == 200);
	CHECK(get("/author/j-q") == 301);
	CHECK(has(&head, "Location: /author/jane-doe\r\n"));
	CHECK(get("/author/jdoe") == 301);
	CHECK(has(&head, "Location: /author/jane-doe\r\n"));
	free(admin);
	free(editor);
}

/*
 * A database made before 027: its accounts get addresses from their
 * display names, in id order; the old addresses of every edition and
 * their feeds lead to the new ones; an imported WordPress address that
 * led to an old one leads to the new one in one step.
 */
static void
test_upgrade(void)
{
	char path[256];
	struct db *db;
	sqlite3 *h;

	snprintf(path, sizeof(path), "%s/upgrade.db", driver_dir);
	CHECK(driver_db_before(path, "_author_slugs.sql",
	                       "INSERT INTO users (name, display_name, role, "
	                       "password_hash, created_at) VALUES "
	                       "('jsmith', 'Jane Smith', 'author', '!', 0), "
	                       "('jane2', 'Jane Smith', 'author', '!', 0), "
	                       "('same', 'Same', 'author', '!', 0), "
	                       "('editor', 'E. Ditor', 'editor', '!', 0), "
	                       "('x', 'Editor', 'author', '!', 0);"
	                       "INSERT INTO redirects (path, kind, url, "
	                       "created_at) VALUES ('/author/j_smith', 'url', "
	                       "'/author/jsmith', 0);") == 0);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, NULL, NULL) == 0);
	db_close(db);
	CHECK(sqlite3_open(path, &h) == SQLITE_OK);
	CHECK(sql_functions_register(h) == SQLITE_OK);
	{
		static const char *const want[][2] = {
		    {"SELECT slug FROM users WHERE name = 'jsmith'",
		     "jane-smith"},
		    {"SELECT slug = 'jane-smith-' || id FROM users WHERE name "
		     "= "
		     "'jane2'",
		     "1"},
		    /* "editor" was another account's login-made address
		     * while the upgrade ran. */
		    {"SELECT slug = 'editor-' || id FROM users WHERE name = "
		     "'x'",
		     "1"},
		    {"SELECT slug FROM users WHERE name = 'editor'", "e-ditor"},
		    {"SELECT slug FROM users WHERE name = 'same'", "same"},
		    {"SELECT url FROM redirects WHERE path = '/author/jsmith'",
		     "/author/jane-smith"},
		    {"SELECT url FROM redirects WHERE path = "
		     "'/ar/author/jsmith/feed.rss'",
		     "/ar/author/jane-smith/feed.rss"},
		    {"SELECT url FROM redirects WHERE path = '/author/j_smith'",
		     "/author/jane-smith"},
		    {"SELECT count(*) FROM redirects WHERE path LIKE "
		     "'%/author/same%'",
		     "0"},
		};

		for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
			sqlite3_stmt *st = NULL;
			const char *got = NULL;

			CHECK(sqlite3_prepare_v2(h, want[i][0], -1, &st,
			                         NULL) == SQLITE_OK);
			if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
				got = (const char *)sqlite3_column_text(st, 0);
			CHECK(got != NULL && strcmp(got, want[i][1]) == 0);
			if (got == NULL || strcmp(got, want[i][1]) != 0)
				fprintf(stderr, "%s: %s\n", want[i][0],
				        got ? got : "(none)");
			sqlite3_finalize(st);
		}
	}
	sqlite3_close(h);
}

static void
test_author(void)
{
	CHECK(get("/author/jane-doe") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">Articles by Jane "
	                 "Doe</h1>"));
	/* Newest first, ten a page, the draft and other editions left out. */
	CHECK(has(&body, "/articles/nov-12"));
	CHECK(has(&body, "/articles/nov-03"));
	CHECK(!has(&body, "/articles/nov-02\""));
	CHECK(!has(&body, "jane-draft"));
	CHECK(!has(&body, "jane-arabic"));
	CHECK(!has(&body, "private.example"));
	CHECK(strstr(body.data, "/articles/nov-12") <
	      strstr(body.data, "/articles/nov-11"));
	CHECK(has(&body, "href=\"/author/jane-doe/page/2\""));
	CHECK(has(&body, "/author/jane-doe/feed.atom"));
	/* Every summary's byline links here. */
	CHECK(count_of("<a href=\"/author/jane-doe\" rel=\"author\">") == 10);
	CHECK(get("/author/jane-doe/page/2") == 200);
	CHECK(has(&body, "/articles/nov-02"));
	CHECK(has(&body, "/articles/nov-01"));
	CHECK(!has(&body, "/articles/nov-03\""));
	CHECK(get("/author/jane-doe/page/3") == 404);
	CHECK(get("/author/jane-doe/page/1") == 301);
	CHECK(has(&head, "Location: /author/jane-doe\r\n"));
	/* Another edition: only what she wrote there. */
	CHECK(get("/ar/author/jane-doe") == 200);
	CHECK(has(&body, "/ar/articles/jane-arabic"));
	CHECK(!has(&body, "nov-12"));
	CHECK(has(&body, "\xd9\x85\xd9\x82\xd8\xa7\xd9\x84\xd8\xa7\xd8\xaa "
	                 "Jane Doe")); /* مقالات Jane Doe */
	CHECK(get("/fa/author/jane-doe") == 404);
	/* A disabled account that published keeps its archive: the display
	 * name only. */
	CHECK(get("/author/ghost-writer") == 200);
	CHECK(has(&body, "Ghost Writer"));
	CHECK(!has(&body, "ghost@"));
	/* No published article, no such account, not a slug. */
	CHECK(get("/author/nobody") == 404);
	CHECK(get("/author/no-such-person") == 404);
	CHECK(get("/author/Jane.Doe") == 404);
	/* The byline of an article links to the archive. */
	CHECK(get("/articles/nov-05") == 200);
	CHECK(has(&body, "<span class=\"byline\">By <a href=\"/author/"
	                 "jane-doe\" rel=\"author\"><bdi>Jane Doe</bdi></a>"));
	CHECK(get("/ar/articles/jane-arabic") == 200);
	CHECK(has(&body, "href=\"/ar/author/jane-doe\""));
	/* An article with no author has no byline. */
	CHECK(get("/articles/feb-04-last") == 200);
	CHECK(!has(&body, "class=\"byline\""));
	/* The feed. */
	CHECK(get("/author/jane-doe/feed.atom") == 200);
	CHECK(has(&head, "application/atom+xml"));
	CHECK(count_of("<entry>") == 12);
	CHECK(!has(&body, "jane-draft"));
	CHECK(get("/author/jane-doe/feed.rss") == 200);
	CHECK(count_of("<item>") == 12);
	CHECK(get("/author/nobody/feed.atom") == 404);
}

static void
test_dates(void)
{
	/* Day boundaries at the site's midnight. */
	CHECK(get("/2001/02/05") == 200);
	CHECK(has(&body, "/articles/feb-05-midnight"));
	CHECK(!has(&body, "/articles/feb-04-last"));
	CHECK(has(&body, "<h1 class=\"archive-title\">5 February 2001</h1>") ||
	      has(&body, "<h1 class=\"archive-title\">February 5, 2001</h1>"));
	CHECK(get("/2001/02/04") == 200);
	CHECK(has(&body, "/articles/feb-04-last"));
	CHECK(!has(&body, "/articles/feb-05-midnight"));
	/* Month boundaries. */
	CHECK(get("/2001/02") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">February 2001</h1>"));
	CHECK(has(&body, "/articles/feb-01-midnight"));
	CHECK(has(&body, "/articles/feb-05-midnight"));
	CHECK(!has(&body, "/articles/jan-31-last"));
	CHECK(!has(&body, "fa-february"));
	CHECK(get("/2001/01") == 200);
	CHECK(has(&body, "/articles/jan-31-last"));
	CHECK(has(&body, "/articles/y2001-first"));
	CHECK(!has(&body, "/articles/feb-01-midnight"));
	CHECK(!has(&body, "/articles/y2000-last"));
	/* Year boundaries, pagination (12 + 6 articles in 2001). */
	CHECK(get("/2000") == 200);
	CHECK(has(&body, "<h1 class=\"archive-title\">2000</h1>"));
	CHECK(has(&body, "/articles/y2000-last"));
	CHECK(!has(&body, "/articles/y2001-first"));
	CHECK(get("/2000/12/31") == 200);
	CHECK(has(&body, "/articles/y2000-last"));
	CHECK(get("/2001") == 200);
	CHECK(has(&body, "/articles/nov-12"));
	CHECK(has(&body, "href=\"/2001/page/2\""));
	CHECK(!has(&body, "/articles/y2001-first"));
	CHECK(get("/2001/page/2") == 200);
	CHECK(has(&body, "/articles/y2001-first"));
	CHECK(has(&body, "/articles/nov-01"));
	CHECK(has(&body, "href=\"/2001\""));
	CHECK(get("/2001/page/3") == 404);
	CHECK(get("/2001/page/1") == 301);
	CHECK(has(&head, "Location: /2001\r\n"));
	CHECK(get("/2001/11/page/2") == 200);
	CHECK(has(&body, "/articles/nov-01"));
	CHECK(get("/2001/11/page/1") == 301);
	CHECK(get("/2001/11/05/page/2") == 404);
	/* Drafts are not listed: the 20th has only a draft. */
	CHECK(get("/2001/11/20") == 404);
	/* Empty and invalid periods. */
	CHECK(get("/1999") == 404);
	CHECK(get("/2001/03") == 404);
	CHECK(get("/2001/13") == 404);
	CHECK(get("/2001/00") == 404);
	CHECK(get("/2001/02/30") == 404);
	CHECK(get("/2001/02/32") == 404);
	CHECK(get("/2001/02/00") == 404);
	CHECK(get("/2001/2") == 404);
	CHECK(get("/0000") == 404);
	CHECK(get("/0999") == 404);
	CHECK(get("/20011") == 404);
	/* A leap day. */
	CHECK(get("/2001/02/29") == 404);
	/* Other editions: their own articles; the Farsi heading in its
	 * words and digits, the month Gregorian as in the address. */
	CHECK(get("/fa/2001/02") == 200);
	CHECK(has(&body, "/fa/articles/fa-february"));
	CHECK(!has(&body, "feb-05-midnight"));
	CHECK(has(&body, "\xd9\x81\xd9\x88\xd8\xb1\xdb\x8c\xd9\x87 "
	                 "\xdb\xb2\xdb\xb0\xdb\xb0\xdb\xb1")); /* فوریه ۲۰۰۱ */
	/* The day as the Farsi edition writes dates: 22 Bahman 1379. */
	CHECK(get("/fa/2001/02/10") == 200);
	CHECK(has(&body, "archive-title\">\xdb\xb2\xdb\xb2 \xd8\xa8\xd9\x87"
	                 "\xd9\x85\xd9\x86 \xdb\xb1\xdb\xb3\xdb\xb7\xdb\xb9"
	                 "</h1>")); /* ۲۲ بهمن ۱۳۷۹ */
	CHECK(get("/ar/2001/02") == 404);
	CHECK(get("/sq/2001") == 404);
	/* A page whose slug is a year keeps its address. */
	CHECK(get("/2009") == 200);
	CHECK(has(&body, "The 2009 report"));
	CHECK(get("/2009/page/2") == 404);
	CHECK(get("/2009/03") == 200);
	CHECK(has(&body, "/articles/in-2009"));
}

/* A WordPress export whose authors' addresses are /author/NICENAME/ and
 * whose posts make year and month archives. */
static const char wxr[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" "
    "xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" "
    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:wp=\"http://wordpress.org/export/1.2/\">\n"
    "<channel><title>Old</title><link>https://old.example</link>\n"
    "<wp:wxr_version>1.2</wp:wxr_version>\n"
    "<wp:base_site_url>https://old.example</wp:base_site_url>\n"
    "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>themedemos"
    "</wp:author_login><wp:author_email>t@old.example</wp:author_email>"
    "<wp:author_display_name>Theme Demos</wp:author_display_name>"
    "</wp:author>\n"
    "<wp:author><wp:author_id>2</wp:author_id><wp:author_login>Mary_Ann"
    "</wp:author_login><wp:author_email>m@old.example</wp:author_email>"
    "<wp:author_display_name>Mary Ann</wp:author_display_name>"
    "</wp:author>\n"
    "<item><title>Old one</title>"
    "<link>https://old.example/2007/09/05/old-one/</link>"
    "<dc:creator>themedemos</dc:creator>"
    "<content:encoded><![CDATA[Hello.]]></content:encoded>"
    "<wp:post_id>10</wp:post_id>"
    "<wp:post_date>2007-09-05 10:00:00</wp:post_date>"
    "<wp:post_date_gmt>2007-09-05 10:00:00</wp:post_date_gmt>"
    "<wp:post_name>old-one</wp:post_name>"
    "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
    "<wp:post_password></wp:post_password></item>\n"
    "<item><title>Old two</title>"
    "<link>https://old.example/2007/10/01/old-two/</link>"
    "<dc:creator>Mary_Ann</dc:creator>"
    "<content:encoded><![CDATA[Hi.]]></content:encoded>"
    "<wp:post_id>11</wp:post_id>"
    "<wp:post_date>2007-10-01 10:00:00</wp:post_date>"
    "<wp:post_date_gmt>2007-10-01 10:00:00</wp:post_date_gmt>"
    "<wp:post_name>old-two</wp:post_name>"
    "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
    "<wp:post_password></wp:post_password></item>\n"
    "</channel></rss>\n";

/* Imports wxr into the database (edition code or NULL). */
static void
import_old_site(const char *edition)
{
	char path[300];
	struct import_options o;
	struct import_summary sum;
	struct wxr_error err;
	struct db *db = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "%s/old.xml", driver_dir);
	CHECK((f = fopen(path, "w")) != NULL);
	if (f == NULL)
		return;
	fputs(wxr, f);
	fclose(f);
	memset(&o, 0, sizeof(o));
	memset(&sum, 0, sizeof(sum));
	o.now = (long long)time(NULL);
	o.edition = edition;
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(import_wxr(db, path, &o, &sum, &err) == IMPORT_OK);
	db_close(db);
}

static void
test_import_redirects(void)
{
	const char *at;

	import_old_site(NULL);
	CHECK(follow("/author/themedemos/", &at) == 200);
	CHECK(strcmp(at, "/author/theme-demos") == 0);
	CHECK(has(&body, "Theme Demos"));
	CHECK(!has(&body, "t@old.example"));
	/* WordPress keeps '_' in the nicename; a slug has none. */
	CHECK(follow("/author/mary_ann/", &at) == 200);
	CHECK(strcmp(at, "/author/mary-ann") == 0);
	CHECK(has(&body, "/articles/old-two"));
	CHECK(follow("/2007/", &at) == 200);
	CHECK(strcmp(at, "/2007") == 0);
	CHECK(has(&body, "/articles/old-one"));
	CHECK(has(&body, "/articles/old-two"));
	CHECK(follow("/2007/09/", &at) == 200);
	CHECK(strcmp(at, "/2007/09") == 0);
	CHECK(has(&body, "/articles/old-one"));
	CHECK(!has(&body, "/articles/old-two"));
	CHECK(follow("/2007/09/05/", &at) == 200);
	CHECK(strcmp(at, "/2007/09/05") == 0);
	/* The posts' own old addresses still lead to them. */
	CHECK(follow("/2007/09/05/old-one/", &at) == 200);
	CHECK(strcmp(at, "/articles/old-one") == 0);
}

static void
test_import_other_edition(void)
{
	const char *at;

	/* The same site imported into the Albanian edition: its authors'
	 * old addresses now lead there. */
	import_old_site("sq");
	CHECK(follow("/author/themedemos/", &at) == 200);
	CHECK(strcmp(at, "/sq/author/theme-demos") == 0);
	CHECK(has(&body, "/sq/articles/old-one"));
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"},
	    {"carol", "Carol", "admin"},
	};

	driver_create();
	test_upgrade();
	staff_create(accounts, sizeof(accounts) / sizeof(accounts[0]));
	fixtures();
	driver_start();
	test_slugs();
	test_author();
	test_address_change();
	test_dates();
	test_import_redirects();
	test_import_other_edition();
	driver_stop();
	TEST_DONE();
}
