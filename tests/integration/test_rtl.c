/*
 * test_rtl.c: right-to-left editions, the Solar Hijri calendar and NFC
 * through the real request path.
 *
 * Dates: with the Farsi edition enabled and the site in Asia/Tehran, an
 * article published at 2025-03-20 21:00 UTC (00:30 on the 21st in
 * Tehran) shows 1 Farvardin 1404 in Persian digits, one at 20:00 UTC
 * (23:30 on the 20th) 30 Esfand 1403; with the site in UTC the first is
 * 30 Esfand too; the English edition shows March 21, 2025, and with its
 * calendar set to Solar Hijri, the English fallback month names
 * ("Farvardin 1, 1404"); the Arabic edition stays Gregorian in
 * Arabic-Indic digits; a calendar other than the two is refused by the
 * schema.
 *
 * Markup: lang and dir of each edition, dir="auto" on titles, excerpts
 * and the Recent Posts, <bdi> around the author's name in "By NAME";
 * www/css/site.css and admin.css use logical properties only (physical
 * ones only where a line says why).
 *
 * NFC: a comment whose name and text arrive decomposed is stored
 * composed; an article saved in the admin with a decomposed title and
 * body is stored composed (slug too); a password set composed logs in
 * when typed decomposed; invalid UTF-8 in a form is 400 and stores
 * nothing.
 */
#include <stdio.h>

#include "driver.h"
#include "staff.h"

/* The tests' clock: 2027-01-15 08:00 UTC. */
#define T0 1800000000LL

/* 2025-03-20 21:00 UTC (2025-03-21 00:30 in Tehran) and 20:00 UTC
 * (23:30 on the 20th in Tehran). */
#define NOWRUZ_1404 1742504400LL
#define ESFAND_30 1742500800LL

#define READER "198.51.100.9"

/* Returns whether statements fail (a CHECK constraint, say). */
static int
sql_refused(const char *statements)
{
	sqlite3 *h = NULL;
	int rc;

	CHECK(sqlite3_open(getenv("TEST_DB"), &h) == SQLITE_OK);
	rc = sqlite3_exec(h, statements, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc != SQLITE_OK;
}

/* Adds a published article to an edition, written by alice. */
static void
add_article(int edition, const char *slug, const char *title,
            const char *excerpt, long long published_at)
{
	char q[1024];

	snprintf(q, sizeof(q),
	         "INSERT INTO articles (edition_id, slug, title, excerpt, "
	         "body_md, body_html, state, author_id, published_at, "
	         "created_at, updated_at) VALUES (%d, '%s', '%s', '%s', 'x', "
	         "'<p>x</p>', 'published', (SELECT id FROM users WHERE name = "
	         "'alice'), %lld, %lld, %lld)",
	         edition, slug, title, excerpt, published_at, published_at,
	         published_at);
	sql(q);
}

static void
set_timezone(const char *tz)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "UPDATE settings SET value = '%s' WHERE key = 'timezone'", tz);
	sql(q);
}

static int
get(const char *uri)
{
	return driver_request("GET", uri, READER, NULL, 0, NULL);
}

static void
test_dates(void)
{
	set_timezone("Asia/Tehran");
	add_article(3, "nowruz", "نوروز ۱۴۰۴", "سال نو", NOWRUZ_1404);
	add_article(3, "esfand", "پایان سال", "", ESFAND_30);
	add_article(1, "nowruz-en", "Nowruz", "", NOWRUZ_1404);
	add_article(2, "nowruz-ar", "عيد النوروز", "", NOWRUZ_1404);

	CHECK(query_int("SELECT count(*) FROM editions WHERE calendar = "
	                "'persian'") == 1);
	CHECK(strcmp(query_text("SELECT code FROM editions WHERE calendar = "
	                        "'persian'"),
	             "fa") == 0);
	CHECK(query_int("SELECT count(*) FROM edition_strings WHERE "
	                "edition_id = 1 AND key LIKE 'solar_month_%'") == 12);
	CHECK(strcmp(query_text("SELECT value FROM edition_strings WHERE "
	                        "edition_id = 1 AND key = 'solar_month_12'"),
	             "Esfand") == 0);

	CHECK(get("/fa/articles/nowruz") == 200);
	CHECK(has(&body, "<time datetime=\"2025-03-20T21:00:00Z\">"
	                 "۱ فروردین ۱۴۰۴</time>"));
	CHECK(get("/fa/articles/esfand") == 200);
	CHECK(has(&body, ">۳۰ اسفند ۱۴۰۳</time>"));
	/* The listing and Recent Posts say the same. */
	CHECK(get("/fa/") == 200);
	CHECK(has(&body, ">۱ فروردین ۱۴۰۴</time>"));
	CHECK(has(&body, ">۳۰ اسفند ۱۴۰۳</time>"));
	CHECK(!has(&body, "2025</time>"));

	/* Other editions: Gregorian, in their digits. */
	CHECK(get("/articles/nowruz-en") == 200);
	CHECK(has(&body, ">March 21, 2025</time>"));
	CHECK(get("/ar/articles/nowruz-ar") == 200);
	CHECK(has(&body, ">٢١ "));
	CHECK(has(&body, " ٢٠٢٥</time>"));
	CHECK(!has(&body, "١٤٠٤"));

	/* The day is the site's: in UTC the Farsi edition's is 30 Esfand. */
	set_timezone("UTC");
	CHECK(get("/fa/articles/nowruz") == 200);
	CHECK(has(&body, ">۳۰ اسفند ۱۴۰۳</time>"));
	CHECK(get("/articles/nowruz-en") == 200);
	CHECK(has(&body, ">March 20, 2025</time>"));
	set_timezone("Asia/Tehran");

	/* Any edition may take the calendar; English has the fallback
	 * names. */
	sql("UPDATE editions SET calendar = 'persian' WHERE code = 'en'");
	CHECK(get("/articles/nowruz-en") == 200);
	CHECK(has(&body, ">Farvardin 1, 1404</time>"));
	sql("UPDATE editions SET calendar = 'gregorian' WHERE code = 'en'");
	CHECK(get("/articles/nowruz-en") == 200);
	CHECK(has(&body, ">March 21, 2025</time>"));

	CHECK(sql_refused("UPDATE editions SET calendar = 'julian' WHERE "
	                  "code = 'fa'"));
	CHECK(sql_refused("UPDATE editions SET calendar = NULL WHERE "
	                  "code = 'fa'"));
	CHECK(strcmp(query_text("SELECT calendar FROM editions WHERE code = "
	                        "'fa'"),
	             "persian") == 0);
}

static void
test_markup(void)
{
	CHECK(get("/fa/articles/nowruz") == 200);
	CHECK(has(&body, "<html lang=\"fa\" dir=\"rtl\">"));
	CHECK(has(&body, "<h1 dir=\"auto\">نوروز ۱۴۰۴</h1>"));
	CHECK(has(&body, " <a href=\"/fa/author/alice\" rel=\"author\">"
	                 "<bdi>Alice</bdi></a></span>"));
	CHECK(get("/fa/") == 200);
	CHECK(has(&body, "<h2 dir=\"auto\"><a href=\"/fa/articles/nowruz\">"
	                 "نوروز ۱۴۰۴</a></h2>"));
	CHECK(has(&body, "<p class=\"excerpt\" dir=\"auto\">سال نو</p>"));
	CHECK(has(&body, "<li><a href=\"/fa/articles/nowruz\" dir=\"auto\">"));
	{
		char footer[256];

		snprintf(footer, sizeof(footer), " <bdi>%s</bdi>",
		         query_text("SELECT site_name FROM editions WHERE "
		                    "code = 'fa'"));
		CHECK(has(&body, footer));
		/* The domain, left to right inside the right-to-left line. */
		CHECK(has(&body, "</bdi> &middot; <span dir=\"ltr\">"));
	}
	CHECK(get("/ar/") == 200);
	CHECK(has(&body, "<html lang=\"ar\" dir=\"rtl\">"));
	CHECK(get("/sq/") == 200);
	CHECK(has(&body, "<html lang=\"sq\" dir=\"ltr\">"));
	CHECK(get("/articles/nowruz-en") == 200);
	CHECK(has(&body, "<html lang=\"en\" dir=\"ltr\">"));
	CHECK(has(&body, "<span class=\"byline\">By <a href=\"/author/alice\" "
	                 "rel=\"author\"><bdi>Alice</bdi></a></span>"));
}

/*
 * Returns how many lines of a style sheet use a physical direction
 * (left, right, top, bottom, width, height) in a property name or a
 * text-align or float value, leaving out lines that say "physical:" in a
 * comment (a deliberate exception, explained there), comments and media
 * queries.
 */
static int
physical_lines(const char *path)
{
	static const char *const words[] = {
	    "margin-left",    "margin-right",     "padding-left",
	    "padding-right",  "border-left",      "border-right",
	    "margin-top",     "margin-bottom",    "padding-top",
	    "padding-bottom", "border-top",       "border-bottom",
	    " left:",         " right:",          "\tleft:",
	    "\tright:",       "{left:",           "{right:",
	    ";left:",         ";right:",          " top:",
	    " bottom:",       "text-align: left", "text-align: right",
	    "float: left",    "float: right",     "min-width",
	    "max-width",      " width:",          " height:",
	    "max-height",     "min-height",       "clear: left",
	    "clear: right",
	};
	size_t len, i;
	char *css = test_read_file(path, &len);
	char *line, *save = NULL;
	int bad = 0, lines = 0;

	CHECK(css != NULL);
	if (css == NULL)
		return -1;
	for (line = strtok_r(css, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		char *comment = strstr(line, "/*");

		lines++;
		if (strstr(line, "physical:") != NULL)
			continue;
		if (comment != NULL)
			*comment = '\0';
		if (line[0] == ' ' && line[1] == '*')
			continue; /* inside a comment block */
		if (strncmp(line, "@media", 6) == 0)
			continue; /* the viewport's width, not a direction */
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strstr(line, words[i]) != NULL) {
				fprintf(stderr, "%s:%d: physical: %s\n", path,
				        lines, words[i]);
				bad++;
				break;
			}
	}
	free(css);
	CHECK(lines > 50);
	return bad;
}

static void
test_css(void)
{
	CHECK(physical_lines("www/css/site.css") == 0);
	CHECK(physical_lines("www/css/admin.css") == 0);
}

/* Opens an article and posts a comment with fields from READER; returns
 * the status. */
static int
post_comment(const char *slug, const char *fields)
{
	char uri[256], form[2048], token[256];

	snprintf(uri, sizeof(uri), "/articles/%s", slug);
	CHECK(get(uri) == 200);
	snprintf(token, sizeof(token), "%s", field("form_token"));
	CHECK(token[0] != '\0');
	app.test_now += 10;
	snprintf(uri, sizeof(uri), "/articles/%s/comments", slug);
	snprintf(form, sizeof(form), "form_token=%s&%s", token, fields);
	return driver_request("POST", uri, READER, NULL, 0, form);
}

static void
test_nfc(void)
{
	long long comments = query_int("SELECT count(*) FROM comments");
	long long articles = query_int("SELECT count(*) FROM articles");
	char *editor;

	/* Möbius with o + U+0308; Café with e + U+0301; أ as alef + U+0654
	 * (hamza above); a ZWNJ, which NFC keeps. */
	CHECK(post_comment("nowruz-en",
	                   "name=Mo%CC%88bius&email=m@example.org&comment="
	                   "Cafe%CC%81+%D8%A7%D9%94%D8%AD%D9%85%D8%AF+%D9%85%DB"
	                   "%8C%E2%80%8C%D8%AE%D9%88%D8%A7%D9%87%D9%85") ==
	      303);
	CHECK(query_int("SELECT count(*) FROM comments") == comments + 1);
	CHECK(query_int(
	          "SELECT count(*) FROM comments WHERE author_name = "
	          "'Möbius' AND body = 'Café أحمد می‌خواهم'") ==
	      1);
	CHECK(query_int("SELECT count(*) FROM comments WHERE author_name = "
	                "'Mo' || char(776) || 'bius'") == 0);

	/* Invalid UTF-8 (an overlong '/', a lone continuation byte) is
	 * refused by the request parser: 400, the site's page, nothing
	 * stored. */
	CHECK(post_comment("nowruz-en", "name=%C0%AF&email=m@example.org&"
	                                "comment=Hi") == 400);
	CHECK(has(&body, "Bad request"));
	CHECK(post_comment("nowruz-en", "name=Ann&email=m@example.org&"
	                                "comment=%80") == 400);
	CHECK(query_int("SELECT count(*) FROM comments") == comments + 1);

	/* The admin: a title and body typed decomposed are stored composed,
	 * and the slug made from them too. */
	editor = session_of("alice");
	CHECK(post_as(editor, "/admin/articles/new",
	              "title=Cafe%CC%81+%D8%A7%D9%94&body=Cre%CC%80me+"
	              "bru%CC%82le%CC%81e&excerpt=e%CC%81&state=draft") == 303);
	CHECK(query_int("SELECT count(*) FROM articles") == articles + 1);
	CHECK(query_int("SELECT count(*) FROM articles WHERE title = 'Café أ' "
	                "AND body_md = 'Crème brûlée' AND excerpt = 'é' AND "
	                "slug = 'café-ا' AND body_html LIKE '%Crème "
	                "brûlée%'") == 1);
	CHECK(query_int("SELECT count(*) FROM revisions WHERE title = "
	                "'Café أ'") >= 1);
	free(editor);
}

/* A password set composed logs in typed composed or decomposed. */
static void
test_password(void)
{
	static const char composed[] = "Jürgen sagt grüß Gott";
	char hash[128];
	struct db *db = NULL;

	CHECK(password_hash(composed, strlen(composed), hash) == 0);
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(user_db_add(db, "juergen", "Jürgen", "author", hash) > 0);
	db_close(db);
	CHECK(login("juergen", "J%C3%BCrgen+sagt+gr%C3%BC%C3%9F+Gott") == 303);
	CHECK(login("juergen", "Ju%CC%88rgen+sagt+gru%CC%88%C3%9F+Gott") ==
	      303);
	CHECK(login("juergen", "Jurgen+sagt+gruss+Gott") != 303);
}

int
main(void)
{
	staff_start();
	app.test_now = T0;
	sql("UPDATE editions SET enabled = 1");
	test_dates();
	test_markup();
	test_css();
	test_nfc();
	test_password();
	driver_stop();
	TEST_DONE();
}
