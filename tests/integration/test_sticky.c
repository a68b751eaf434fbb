/*
 * test_sticky.c: sticky articles through the real request path.  The
 * home page lists its edition's sticky articles first, newest first, then
 * the others, and its later pages go on through the same list (no article
 * twice); category archives and feeds keep the order of publication; the
 * editor's box is for those who publish (an author's box is not shown and
 * a sent one is ignored); pinning moves an article in the static export's
 * view of where it is listed.
 */
#include <stdlib.h>

#include "db/export_db.h"
#include "driver.h"
#include "staff.h"

/* GET uri as a reader; leaves the answer in head and body. */
static int
get(const char *uri)
{
	return driver_request("GET", uri, "127.0.0.1", NULL, 0, NULL);
}

/* Returns the slugs of the articles the last listing shows, in order,
 * as "a,b,c" (static). */
static const char *
listed(void)
{
	static char out[512];
	const char *p = body.data;
	size_t o = 0;

	out[0] = '\0';
	while (p != NULL &&
	       (p = strstr(p, "<h2 dir=\"auto\"><a href=\"/articles/")) !=
	           NULL) {
		size_t n;

		p += strlen("<h2 dir=\"auto\"><a href=\"/articles/");
		n = strcspn(p, "\"");
		if (o + n + 2 >= sizeof(out))
			break;
		if (o > 0)
			out[o++] = ',';
		memcpy(out + o, p, n);
		o += n;
		out[o] = '\0';
	}
	return out;
}

/* The English edition's own articles: s1 (oldest) to s7, three a page;
 * the starter's are made drafts.  s2 and s5 are sticky. */
static void
fixtures(void)
{
	sql("UPDATE articles SET state = 'draft' WHERE edition_id = 1;"
	    "INSERT OR REPLACE INTO settings (key, value) VALUES "
	    "('posts_per_page', '3');");
	for (int i = 1; i <= 7; i++) {
		char q[512];

		snprintf(
		    q, sizeof(q),
		    "INSERT INTO articles (edition_id, slug, title, "
		    "body_html, state, category_id, sticky, published_at, "
		    "created_at, updated_at) VALUES (1, 's%d', 'Story %d', "
		    "'<p>x</p>', 'published', (SELECT id FROM categories "
		    "WHERE edition_id = 1 AND slug = 'news'), %d, "
		    "1700000000 + %d * 86400, 1, 1)",
		    i, i, i == 2 || i == 5, i);
		sql(q);
	}
}

static void
test_home(void)
{
	CHECK(get("/") == 200);
	CHECK(strcmp(listed(), "s5,s2,s7") == 0);
	CHECK(get("/page/2") == 200);
	CHECK(strcmp(listed(), "s6,s4,s3") == 0);
	CHECK(get("/page/3") == 200);
	CHECK(strcmp(listed(), "s1") == 0);
	CHECK(get("/page/4") == 404);
	/* A category, and the feed, in order of publication. */
	CHECK(get("/category/news") == 200);
	CHECK(strcmp(listed(), "s7,s6,s5") == 0);
	CHECK(get("/feed.atom") == 200);
	CHECK(strstr(body.data, "/articles/s7") <
	      strstr(body.data, "/articles/s5"));
	/* More sticky articles than a page: they fill the first pages. */
	sql("UPDATE articles SET sticky = 1 WHERE slug IN ('s1', 's3')");
	CHECK(get("/") == 200);
	CHECK(strcmp(listed(), "s5,s3,s2") == 0);
	CHECK(get("/page/2") == 200);
	CHECK(strcmp(listed(), "s1,s7,s6") == 0);
	CHECK(get("/page/3") == 200);
	CHECK(strcmp(listed(), "s4") == 0);
	sql("UPDATE articles SET sticky = 0 WHERE slug IN ('s1', 's3')");
	/* Another edition's sticky article is not this one's. */
	sql("UPDATE articles SET sticky = 1 WHERE edition_id != 1");
	CHECK(get("/") == 200);
	CHECK(strcmp(listed(), "s5,s2,s7") == 0);
	sql("UPDATE articles SET sticky = 0 WHERE edition_id != 1");
}

/* Saves article id (whose slug is slug) through its editor as session in
 * state, with extra fields; returns the status. */
static int
save(const char *session, long long id, const char *slug, const char *state,
     const char *extra)
{
	return editor_save(session, "articles", id, slug, "Story", state,
	                   extra);
}

static void
test_editor(void)
{
	char *editor = session_of("alice"), *author = session_of("erin");
	long long s7 = query_int("SELECT id FROM articles WHERE slug = 's7'");
	long long mine;
	char uri[64];

	snprintf(uri, sizeof(uri), "/admin/articles/%lld", s7);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body,
	          "<input id=\"sticky\" name=\"sticky\" type=\"checkbox\" "
	          "value=\"1\">"));
	CHECK(save(editor, s7, "s7", "published", "sticky_field=1&sticky=1") ==
	      303);
	CHECK(query_int("SELECT sticky FROM articles WHERE slug = 's7'") == 1);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"sticky\" type=\"checkbox\" value=\"1\" "
	                 "checked>"));
	CHECK(get("/") == 200);
	CHECK(strcmp(listed(), "s7,s5,s2") == 0);
	/* Unticked: back in its place. */
	CHECK(save(editor, s7, "s7", "published", "sticky_field=1") == 303);
	CHECK(query_int("SELECT sticky FROM articles WHERE slug = 's7'") == 0);
	CHECK(get("/") == 200);
	CHECK(strcmp(listed(), "s5,s2,s7") == 0);

	/* An author sees no box, and one sent is ignored. */
	sql("INSERT INTO articles (edition_id, slug, title, body_html, state, "
	    "author_id, created_at, updated_at) VALUES (1, 'erins', 'Erin''s', "
	    "'<p>x</p>', 'draft', (SELECT id FROM users WHERE name = 'erin'), "
	    "1, 1)");
	mine = query_int("SELECT id FROM articles WHERE slug = 'erins'");
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", mine);
	CHECK(request("GET", uri, author, NULL, NULL) == 200);
	CHECK(!has(&body, "name=\"sticky\""));
	CHECK(save(author, mine, "erins", "draft", "sticky_field=1&sticky=1") ==
	      303);
	CHECK(query_int("SELECT sticky FROM articles WHERE slug = 'erins'") ==
	      0);
	free(editor);
	free(author);
}

/* Pinning changes where an article is listed: the static export's
 * position of it changes, so the export renders everything again. */
static void
test_export_position(void)
{
	struct db *db;
	struct arena a;
	struct export_article *v;
	size_t n;
	unsigned long long before = 0, after = 0;
	long long s4 = query_int("SELECT id FROM articles WHERE slug = 's4'");

	arena_init(&a);
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(export_db_articles(db, &a, &v, &n) == 0);
	for (size_t i = 0; i < n; i++)
		if (v[i].id == s4)
			before = v[i].position;
	sql("UPDATE articles SET sticky = 1 WHERE slug = 's4'");
	CHECK(export_db_articles(db, &a, &v, &n) == 0);
	for (size_t i = 0; i < n; i++)
		if (v[i].id == s4)
			after = v[i].position;
	CHECK(before != 0 && after != 0 && before != after);
	db_close(db);
	arena_free(&a);
	sql("UPDATE articles SET sticky = 0 WHERE slug = 's4'");
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"},
	    {"erin", "Erin", "author"},
	};

	driver_create();
	staff_create(accounts, sizeof(accounts) / sizeof(accounts[0]));
	fixtures();
	driver_start();
	test_home();
	test_editor();
	test_export_position();
	driver_stop();
	TEST_DONE();
}
