/*
 * test_import.c: `gazette import-wxr` (src/import/) against the shared
 * corpora and hand-made exports: the counts of each corpus's README in
 * the database, a second run that updates and adds nothing, every
 * imported article and page answering 200 through the real request path,
 * the old WordPress addresses answering 301 to a 200, attachments from
 * --uploads-from (size variants, featured images, galleries, links in
 * bodies), both namespace forms of WXR 1.0-1.2, and malformed or truncated
 * files refused with their line and the database left exactly as it was.
 * Exits 77 when ../shared/corpora is absent.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

#include "db/db.h"
#include "driver.h"
#include "staff.h"
#include "import/import.h"
#include "import/wxr.h"

static const char *corpora;
static int db_serial;

/* Makes a fresh, migrated database; returns its path (static). */
static const char *
new_db(void)
{
	static char path[256];
	struct db *db = NULL;

	snprintf(path, sizeof(path), "%s/import-%d.db", driver_dir,
	         ++db_serial);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, NULL, NULL) == 0);
	db_close(db);
	return path;
}

/* Runs the importer on file into the database at db_path. */
static enum import_status
run_import(const char *db_path, const char *file,
           const struct import_options *given, struct import_summary *sum,
           struct wxr_error *err)
{
	struct import_options o;
	struct db *db = NULL;
	enum import_status st;

	if (given != NULL)
		o = *given;
	else
		memset(&o, 0, sizeof(o));
	o.now = (long long)time(NULL);
	CHECK(db_open(db_path, &db) == 0);
	st = import_wxr(db, file, &o, sum, err);
	db_close(db);
	return st;
}

/* Points the worker (app) at another database. */
static void
serve_db(const char *db_path)
{
	app_close(&app);
	setenv("TEST_DB", db_path, 1);
	CHECK(app_open(&app, db_path, driver_templates) == 0);
}

/* A FNV-1a hash of every row of every table: the database's content. */
static unsigned long long
content_hash(const char *db_path)
{
	unsigned long long h = 1469598103934665603ULL;
	sqlite3 *db = NULL;
	sqlite3_stmt *tables = NULL, *rows;
	char q[256];

	CHECK(sqlite3_open(db_path, &db) == SQLITE_OK);
	/* The search index's table needs its tokenizer to be read. */
	CHECK(sql_functions_register(db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(db,
	                         "SELECT name FROM sqlite_master WHERE type = "
	                         "'table' ORDER BY name",
	                         -1, &tables, NULL) == SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		snprintf(q, sizeof(q), "SELECT * FROM \"%s\"",
		         sqlite3_column_text(tables, 0));
		CHECK(sqlite3_prepare_v2(db, q, -1, &rows, NULL) == SQLITE_OK);
		while (sqlite3_step(rows) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(rows); c++) {
				const unsigned char *v =
				    sqlite3_column_blob(rows, c);
				int n = sqlite3_column_bytes(rows, c);

				for (int i = 0; i < n; i++)
					h = (h ^ v[i]) * 1099511628211ULL;
				h = (h ^ 0xff) * 1099511628211ULL;
			}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return h;
}

/* The number of rows of table in state. */
static long long
state_count(const char *table, const char *state)
{
	char q[512];

	snprintf(q, sizeof(q), "SELECT count(*) FROM %s WHERE state = '%s'",
	         table, state);
	return query_int(q);
}

/* The request URI of a path, its bytes past ASCII percent-encoded. */
static const char *
uri_of(const char *path)
{
	static char out[2048];
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)path;
	     *p && o + 4 < sizeof(out); p++) {
		if (*p < 0x80) {
			out[o++] = (char)*p;
		} else {
			snprintf(out + o, 4, "%%%02X", *p);
			o += 3;
		}
	}
	out[o] = '\0';
	return out;
}

/* The Location header of the last answer, percent-decoding left to the
 * caller; "" when none. */
static const char *
location(void)
{
	static char out[1024];
	const char *p = head.data ? strstr(head.data, "Location: ") : NULL;
	size_t n;

	out[0] = '\0';
	if (p == NULL)
		return out;
	p += 10;
	n = strcspn(p, "\r\n");
	if (n >= sizeof(out))
		n = sizeof(out) - 1;
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

/* GET path: 301 to want, which answers 200. */
static void
check_redirect(const char *path, const char *want)
{
	int st =
	    driver_request("GET", uri_of(path), "192.0.2.1", NULL, 0, NULL);

	CHECK(st == 301);
	if (st != 301 || strcmp(location(), uri_of(want)) != 0)
		fprintf(stderr, "  %s: %d to '%s', want '%s'\n", path, st,
		        location(), want);
	CHECK_STR(location(), uri_of(want));
	/* nginx serves /uploads/ (the e2e test fetches those); feeds are
	 * not this test's. */
	if (strncmp(want, "/uploads/", 9) != 0 &&
	    strstr(want, "feed.atom") == NULL) {
		st = driver_request("GET", uri_of(want), "192.0.2.1", NULL, 0,
		                    NULL);
		if (st != 200)
			fprintf(stderr, "  %s: %d\n", want, st);
		CHECK(st == 200);
	}
}

/*
 * Every published article and page of the database the worker serves
 * answers 200; returns how many were fetched.
 */
static long long
check_all_render(void)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long n = 0;
	char path[1024];

	CHECK(sqlite3_open(getenv("TEST_DB"), &db) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(
	          db,
	          "SELECT '/articles/' || slug FROM articles WHERE state = "
	          "'published' UNION ALL SELECT '/' || slug FROM pages WHERE "
	          "state = 'published'",
	          -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int rc;

		snprintf(path, sizeof(path), "%s", sqlite3_column_text(st, 0));
		rc = driver_request("GET", uri_of(path), "192.0.2.1", NULL, 0,
		                    NULL);
		if (rc != 200)
			fprintf(stderr, "  %s: %d\n", path, rc);
		CHECK(rc == 200);
		n++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

/* What a corpus's README says it holds. */
struct expect {
	const char *file;
	long long articles, published, scheduled, drafts;
	long long pages, categories, tags, comments, authors, media_missing;
	long long tag_descriptions; /* tags with a wp:tag_description */
};

/*
 * Imports a corpus, checks its counts, imports it again (everything
 * updated, nothing added, the content otherwise the same) and renders
 * every article and page.  Returns the database's path.
 */
static const char *
check_corpus(const struct expect *e)
{
	char file[512];
	struct import_summary sum;
	struct wxr_error err;
	const char *db_path = new_db();
	static char kept[256];
	long long articles, redirects, menu_base;

	snprintf(file, sizeof(file), "%s/%s", corpora, e->file);
	fprintf(stderr, "%s\n", e->file);
	/* The menus' items a new database has (each edition's Home and
	 * Editions entries): the import adds to them. */
	setenv("TEST_DB", db_path, 1);
	menu_base = query_int("SELECT count(*) FROM menu_items");
	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_OK);
	setenv("TEST_DB", db_path, 1);
	articles = query_int("SELECT count(*) FROM articles");
	CHECK(articles == e->articles);
	CHECK(sum.articles.imported == e->articles);
	CHECK(state_count("articles", "published") == e->published);
	CHECK(state_count("articles", "scheduled") == e->scheduled);
	CHECK(state_count("articles", "draft") == e->drafts);
	CHECK(query_int("SELECT count(*) FROM pages") == e->pages);
	CHECK(query_int("SELECT count(*) FROM categories") == e->categories);
	CHECK(query_int("SELECT count(*) FROM tags") == e->tags);
	CHECK(query_int("SELECT count(*) FROM tags WHERE description != ''") ==
	      e->tag_descriptions);
	CHECK(query_int("SELECT count(*) FROM comments") == e->comments);
	CHECK(query_int("SELECT count(*) FROM users") == e->authors);
	CHECK(query_int("SELECT count(*) FROM users WHERE disabled = 0 OR "
	                "password_hash != ''") == 0);
	CHECK(sum.missing == e->media_missing);
	CHECK(query_int("SELECT count(*) FROM import_map WHERE kind = 'media' "
	                "AND local_id IS NULL") == e->media_missing);
	/* Imported bodies are HTML, sanitised: no script survives. */
	CHECK(query_int("SELECT count(*) FROM articles WHERE body_format != "
	                "'html' OR instr(lower(body_html), '<script') > 0 OR "
	                "instr(body_html, '<!-- wp:') > 0") == 0);
	/* The comment counts of listings follow the approved comments. */
	CHECK(query_int("SELECT count(*) FROM articles a WHERE comment_count "
	                "!= (SELECT count(*) FROM comments c WHERE "
	                "c.article_id = a.id AND c.state = 'approved')") == 0);
	redirects = query_int("SELECT count(*) FROM redirects");
	CHECK(redirects > 0);

	/* Again: nothing added, everything updated. */
	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_OK);
	CHECK(query_int("SELECT count(*) FROM articles") == e->articles);
	CHECK(sum.articles.imported == 0 &&
	      sum.articles.updated == e->articles);
	CHECK(sum.pages.imported == 0 && sum.pages.updated == e->pages);
	CHECK(sum.comments.imported == 0 &&
	      sum.comments.updated == e->comments);
	CHECK(sum.categories.imported == 0 && sum.tags.imported == 0);
	CHECK(sum.authors.imported == 0);
	CHECK(query_int("SELECT count(*) FROM pages") == e->pages);
	CHECK(query_int("SELECT count(*) FROM categories") == e->categories);
	CHECK(query_int("SELECT count(*) FROM tags") == e->tags);
	CHECK(query_int("SELECT count(*) FROM tags WHERE description != ''") ==
	      e->tag_descriptions);
	CHECK(query_int("SELECT count(*) FROM comments") == e->comments);
	CHECK(query_int("SELECT count(*) FROM users") == e->authors);
	CHECK(query_int("SELECT count(*) FROM redirects") == redirects);
	CHECK(query_int("SELECT count(*) FROM menu_items") ==
	      query_int("SELECT count(*) FROM import_map WHERE kind = "
	                "'menu_item'") +
	          menu_base);

	serve_db(db_path);
	CHECK(check_all_render() ==
	      e->published + query_int("SELECT count(*) FROM pages WHERE "
	                               "state = 'published'"));
	snprintf(kept, sizeof(kept), "%s", db_path);
	return kept;
}

/* Counts needle in the last body. */
static int
occurrences(const char *needle)
{
	int n = 0;

	for (const char *p = body.data; p && (p = strstr(p, needle)) != NULL;
	     p += strlen(needle))
		n++;
	return n;
}

/*
 * The rows the admin lists show, page after page, as an editor: path is
 * "/admin/articles?state=published&page=" or the like.
 */
static int
admin_rows(const char *session, const char *path, const char *row)
{
	char uri[256];
	int rows = 0;

	for (int page = 1; page < 100; page++) {
		snprintf(uri, sizeof(uri), "%s%d", path, page);
		CHECK(request("GET", uri, session, NULL, NULL) == 200);
		rows += occurrences(row);
		if (occurrences(row) < 20) /* the list's page size */
			break;
	}
	return rows;
}

/* What the admin area shows of the theme unit test: the README's counts. */
static void
test_theme_unit_admin(void)
{
	static const struct staff_account ed[] = {{"alice", "Alice", "editor"}};
	char *editor;

	staff_create(ed, 1);
	editor = session_of("alice");
	CHECK(admin_rows(editor, "/admin/articles?page=",
	                 "<tr><td><a href=\"/admin/articles/") == 58);
	CHECK(admin_rows(editor, "/admin/articles?state=published&page=",
	                 "<tr><td><a href=\"/admin/articles/") == 55);
	CHECK(admin_rows(editor, "/admin/articles?state=scheduled&page=",
	                 "<tr><td><a href=\"/admin/articles/") == 1);
	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	CHECK(occurrences("<tr><td><a href=\"/admin/pages/") == 21);
	free(editor);
}

/* The theme unit test's tag descriptions: stored as written, shown at
 * the head of the tag's archive and as its meta description. */
static void
test_theme_unit_tags(void)
{
	CHECK_STR(query_text("SELECT description FROM tags WHERE slug = "
	                     "'8bit'"),
	          "Tags posts about 8BIT.");
	CHECK_STR(query_text("SELECT description FROM tags WHERE slug = "
	                     "'ftw'"),
	          "");
	CHECK(request("GET", "/tag/8bit", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<p class=\"archive-description\">Tags posts about "
	                 "8BIT.</p>"));
	CHECK(has(&body, "<meta name=\"description\" content=\"Tags posts "
	                 "about 8BIT.\">"));
}

/* The theme unit test's old addresses, each form. */
static void
test_theme_unit_redirects(void)
{
	char uri[64];

	/* Its own <link>, with and without the trailing slash. */
	check_redirect("/2012/01/07/template-sticky/",
	               "/articles/template-sticky");
	check_redirect("/2012/01/07/template-sticky",
	               "/articles/template-sticky");
	check_redirect("/2012/01/template-sticky/",
	               "/articles/template-sticky");
	check_redirect("/?p=1241", "/articles/template-sticky");
	/* Pages: nested paths and ?page_id=. */
	check_redirect("/level-1/level-2/level-3/", "/level-3");
	check_redirect("/?page_id=172", "/level-3");
	/* Categories by their WordPress path, with parents. */
	check_redirect("/category/parent-category/child-category-03/"
	               "grandchild-category/",
	               "/category/grandchild-category");
	CHECK(driver_request("GET", "/tag/content-2", "192.0.2.1", NULL, 0,
	                     NULL) == 200);
	check_redirect("/tag/content-2/", "/tag/content-2");
	/* Feeds: the site's and a category's. */
	CHECK(driver_request("GET", "/feed/", "192.0.2.1", NULL, 0, NULL) ==
	      301);
	CHECK_STR(location(), "/feed.atom");
	CHECK(driver_request("GET", "/category/markup/feed/", "192.0.2.1", NULL,
	                     0, NULL) == 301);
	CHECK_STR(location(), "/category/markup/feed.atom");
	/* Without the slash too, though /feed has the form of a page's
	 * address; and WordPress's query forms of search and feeds. */
	CHECK(driver_request("GET", "/feed", "192.0.2.1", NULL, 0, NULL) ==
	      301);
	CHECK_STR(location(), "/feed.atom");
	CHECK(driver_request("HEAD", "/feed", "192.0.2.1", NULL, 0, NULL) ==
	      301);
	CHECK(driver_request("POST", "/feed", "192.0.2.1", NULL, 0, "a=b") !=
	      301);
	CHECK(driver_request("GET", "/no-such-thing", "192.0.2.1", NULL, 0,
	                     NULL) == 404);
	CHECK(driver_request("GET", "/?s=hello+w%C3%B6rld%26more", "192.0.2.1",
	                     NULL, 0, NULL) == 301);
	CHECK_STR(location(), "/search?q=hello%20w%C3%B6rld%26more");
	CHECK(driver_request("GET", "/?feed=rss2", "192.0.2.1", NULL, 0,
	                     NULL) == 301);
	CHECK_STR(location(), "/feed.rss");
	CHECK(driver_request("GET", "/?feed=atom", "192.0.2.1", NULL, 0,
	                     NULL) == 301);
	CHECK_STR(location(), "/feed.atom");
	CHECK(driver_request("GET", "/?feed=nonsense", "192.0.2.1", NULL, 0,
	                     NULL) == 200);
	/* Capitals: WordPress finds a post whatever the case; here a 301 to
	 * the slug in small letters, the query kept.  Not for a POST, nor
	 * for an address with nothing behind it. */
	CHECK(driver_request("GET", "/articles/Template-Sticky?x=1",
	                     "192.0.2.1", NULL, 0, NULL) == 301);
	CHECK_STR(location(), "/articles/template-sticky?x=1");
	CHECK(driver_request("GET", "/category/MARKUP", "192.0.2.1", NULL, 0,
	                     NULL) == 301);
	CHECK_STR(location(), "/category/markup");
	CHECK(driver_request("GET", "/Level-3", "192.0.2.1", NULL, 0, NULL) ==
	      301);
	CHECK_STR(location(), "/level-3");
	CHECK(driver_request("GET", "/articles/no-such-article", "192.0.2.1",
	                     NULL, 0, NULL) == 404);
	CHECK(driver_request("POST", "/articles/Template-Sticky/comments",
	                     "192.0.2.1", NULL, 0, "a=b") == 404);
	/* The password-protected post is a draft with a note; its old
	 * address is not a way in. */
	CHECK(query_int("SELECT count(*) FROM articles a JOIN import_map m ON "
	                "m.local_id = a.id AND m.kind = 'article' WHERE "
	                "a.state = 'draft' AND m.note LIKE "
	                "'password-protected%'") == 1);
	snprintf(uri, sizeof(uri), "/?p=%s",
	         query_text("SELECT wp_key FROM import_map WHERE note LIKE "
	                    "'password-protected%'"));
	CHECK(driver_request("GET", uri, "192.0.2.1", NULL, 0, NULL) ==
	      200); /* the home page: no redirect to a draft */
	CHECK(!has(&head, "Location:"));
	/* Unknown old addresses stay 404, and routes win over redirects. */
	CHECK(driver_request("GET", "/2012/01/07/nothing-here/", "192.0.2.1",
	                     NULL, 0, NULL) == 301);
	CHECK_STR(location(), "/2012/01/07/nothing-here");
	CHECK(driver_request("GET", "/2012/01/07/nothing-here", "192.0.2.1",
	                     NULL, 0, NULL) == 404);
	CHECK(driver_request("POST", "/?p=1241", "192.0.2.1", NULL, 0, "a=b") !=
	      301);
	/* Sticky is kept; the comments thread keeps its depth. */
	CHECK(query_int("SELECT sticky FROM articles WHERE slug = "
	                "'template-sticky'") == 1);
	/* The README's 10 replies and 3 pending comments; 5 comments are
	 * on pages (1 reply and 2 pending among them). */
	CHECK(query_int("SELECT count(*) FROM comments WHERE parent_id IS NOT "
	                "NULL") == 10);
	CHECK(query_int("SELECT count(*) FROM comments WHERE state = "
	                "'pending'") == 3);
	CHECK(query_int("SELECT count(*) FROM comments WHERE page_id IS NOT "
	                "NULL") == 5);
	CHECK(query_int("SELECT count(*) FROM comments WHERE page_id IS NOT "
	                "NULL AND parent_id IS NOT NULL") == 1);
	CHECK(query_int("SELECT count(*) FROM comments c JOIN comments p ON "
	                "p.id = c.parent_id WHERE c.page_id IS NOT p.page_id "
	                "OR c.article_id IS NOT p.article_id") == 0);
	/* <!--more--> gave the excerpt of "Template: More Tag". */
	CHECK(query_int("SELECT length(excerpt) > 0 FROM articles WHERE slug "
	                "= 'template-more-tag'") == 1);
	/* The scheduled post waits for its date. */
	CHECK(query_int("SELECT count(*) FROM articles WHERE state = "
	                "'scheduled' AND published_at > strftime('%s', "
	                "'now')") == 1);
	/* The menu came in, pointing at imported pages and categories. */
	CHECK(query_int("SELECT count(*) FROM menu_items WHERE url LIKE "
	                "'/category/%' OR url LIKE '/page-%'") > 0);
}

/* Writes text to a file in the test folder; returns its path (static
 * per slot). */
static const char *
write_file(const char *name, const char *text, size_t len)
{
	static char paths[4][256];
	static int next;
	char *p = paths[next++ % 4];
	FILE *f;

	snprintf(p, 256, "%s/%s", driver_dir, name);
	CHECK((f = fopen(p, "wb")) != NULL);
	if (f != NULL) {
		CHECK(fwrite(text, 1, len, f) == len);
		fclose(f);
	}
	return p;
}

/* A small export in namespace form ns ("http://wordpress.org/export/1.2/"). */
static char *
small_export(const char *ns, const char *extra_items)
{
	static char out[16384];

	snprintf(
	    out, sizeof(out),
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<rss version=\"2.0\" xmlns:excerpt=\"%sexcerpt/\" "
	    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"%s\">\n"
	    "<channel><title>Small</title><link>https://old.example</link>\n"
	    "<wp:wxr_version>1.2</wp:wxr_version>\n"
	    "<wp:base_site_url>https://old.example</wp:base_site_url>\n"
	    "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>"
	    "editor one</wp:author_login><wp:author_email>e@old.example"
	    "</wp:author_email><wp:author_display_name>Ed One"
	    "</wp:author_display_name></wp:author>\n"
	    "<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>news"
	    "</wp:category_nicename><wp:category_parent></wp:category_parent>"
	    "<wp:cat_name>News</wp:cat_name></wp:category>\n"
	    "<wp:term><wp:term_id>3</wp:term_id><wp:term_taxonomy>category"
	    "</wp:term_taxonomy><wp:term_slug>news</wp:term_slug>"
	    "<wp:term_name>News</wp:term_name></wp:term>\n"
	    "%s"
	    "<item><title>Caf&#xe9; &amp;amp; more</title>"
	    "<link>https://old.example/2020/03/04/caf%%c3%%a9/</link>"
	    "<dc:creator>editor one</dc:creator>"
	    "<content:encoded><![CDATA[First part.<!--more-->\n\nSecond "
	    "<script>alert(1)</script>part "
	    "<img src=\"https://old.example/wp-content/uploads/2020/03/"
	    "photo-300x200.jpg\" alt=\"p\">\n\n[gallery ids=\"20\"]]]>"
	    "</content:encoded><excerpt:encoded></excerpt:encoded>"
	    "<wp:post_id>10</wp:post_id>"
	    "<wp:post_date>2020-03-04 10:00:00</wp:post_date>"
	    "<wp:post_date_gmt>2020-03-04 09:00:00</wp:post_date_gmt>"
	    "<wp:post_name>caf%%c3%%a9</wp:post_name>"
	    "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
	    "<wp:post_password></wp:post_password><wp:is_sticky>0"
	    "</wp:is_sticky>"
	    "<category domain=\"category\" nicename=\"news\">News</category>"
	    "<category domain=\"post_tag\" nicename=\"fresh\">Fresh</category>"
	    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
	    "<wp:meta_value>20</wp:meta_value></wp:postmeta>"
	    "<wp:comment><wp:comment_id>1</wp:comment_id>"
	    "<wp:comment_author>A</wp:comment_author>"
	    "<wp:comment_date_gmt>2020-03-05 00:00:00</wp:comment_date_gmt>"
	    "<wp:comment_content><![CDATA[<b>Hi</b> &amp; bye]]>"
	    "</wp:comment_content><wp:comment_approved>1"
	    "</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>"
	    "</wp:comment>"
	    "<wp:comment><wp:comment_id>2</wp:comment_id>"
	    "<wp:comment_author>B</wp:comment_author>"
	    "<wp:comment_content>reply</wp:comment_content>"
	    "<wp:comment_approved>spam</wp:comment_approved>"
	    "<wp:comment_parent>1</wp:comment_parent></wp:comment>"
	    "<wp:comment><wp:comment_id>3</wp:comment_id>"
	    "<wp:comment_author>C</wp:comment_author>"
	    "<wp:comment_content>deeper</wp:comment_content>"
	    "<wp:comment_approved>0</wp:comment_approved>"
	    "<wp:comment_parent>2</wp:comment_parent></wp:comment>"
	    "</item>\n"
	    "<item><title>Photo</title>"
	    "<link>https://old.example/2020/03/04/cafe/photo/</link>"
	    "<wp:post_id>20</wp:post_id><wp:post_parent>10</wp:post_parent>"
	    "<wp:post_type>attachment</wp:post_type><wp:status>inherit"
	    "</wp:status><wp:attachment_url>https://old.example/wp-content/"
	    "uploads/2020/03/photo.jpg</wp:attachment_url>"
	    "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
	    "<wp:meta_value>2020/03/photo.jpg</wp:meta_value></wp:postmeta>"
	    "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt"
	    "</wp:meta_key><wp:meta_value>A harbour</wp:meta_value>"
	    "</wp:postmeta></item>\n"
	    "<item><title>About us</title><link>https://old.example/about-us/"
	    "</link><wp:post_id>30</wp:post_id><wp:post_name>about-us"
	    "</wp:post_name><wp:post_type>page</wp:post_type><wp:status>"
	    "publish</wp:status><content:encoded>We are.\n\nHere."
	    "</content:encoded></item>\n"
	    "<item><title>Search</title><wp:post_id>31</wp:post_id>"
	    "<wp:post_name>search</wp:post_name><wp:post_type>page"
	    "</wp:post_type><wp:status>publish</wp:status></item>\n"
	    "</channel></rss>\n",
	    ns, ns, extra_items ? extra_items : "");
	return out;
}

/* Counts the reader's items. */
static int
count_item(void *ctx, const struct wxr_item *it)
{
	(void)it;
	(*(int *)ctx)++;
	return 0;
}

/*
 * A tag's description: a tag listed first as wp:term without one, then as
 * wp:tag with one (as WordPress 6.1 exports) takes it; the item naming the
 * tag leaves it; a second import puts back the export's version over an
 * edit made here; a tag used but never declared has none.
 */
static void
test_tag_description_merge(void)
{
	static const char tags[] =
	    "<wp:term><wp:term_id>7</wp:term_id><wp:term_taxonomy>post_tag"
	    "</wp:term_taxonomy><wp:term_slug>fresh</wp:term_slug>"
	    "<wp:term_name>Fresh</wp:term_name></wp:term>\n"
	    "<wp:tag><wp:term_id>7</wp:term_id><wp:tag_slug>fresh"
	    "</wp:tag_slug><wp:tag_name>Fresh</wp:tag_name>"
	    "<wp:tag_description><![CDATA[Newly <picked> & sorted]]>"
	    "</wp:tag_description></wp:tag>\n"
	    "<wp:tag><wp:term_id>8</wp:term_id><wp:tag_slug>plain"
	    "</wp:tag_slug><wp:tag_name>Plain</wp:tag_name></wp:tag>\n";
	const char *x = small_export("https://wordpress.org/export/1.2/", tags);
	const char *file = write_file("tags.xml", x, strlen(x));
	const char *db_path = new_db();
	struct import_summary sum;
	struct wxr_error err;

	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_OK);
	setenv("TEST_DB", db_path, 1);
	CHECK(query_int("SELECT count(*) FROM tags") == 2);
	CHECK_STR(query_text("SELECT description FROM tags WHERE slug = "
	                     "'fresh'"),
	          "Newly <picked> & sorted");
	CHECK_STR(query_text("SELECT description FROM tags WHERE slug = "
	                     "'plain'"),
	          "");
	sql("UPDATE tags SET description = 'edited here' WHERE slug = "
	    "'fresh'");
	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_OK);
	CHECK(sum.tags.imported == 0);
	CHECK_STR(query_text("SELECT description FROM tags WHERE slug = "
	                     "'fresh'"),
	          "Newly <picked> & sorted");
}

/* WXR 1.0, 1.1 and 1.2, each with http and https namespaces. */
static void
test_namespaces(void)
{
	static const char *const forms[] = {
	    "http://wordpress.org/export/1.0/",
	    "https://wordpress.org/export/1.0/",
	    "http://wordpress.org/export/1.1/",
	    "https://wordpress.org/export/1.1/",
	    "http://wordpress.org/export/1.2/",
	    "https://wordpress.org/export/1.2/"};
	struct wxr_handler h = {0};
	struct wxr_error err;

	h.item = count_item;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		const char *x = small_export(forms[i], NULL);
		const char *db_path, *file;
		struct import_summary sum;
		int items = 0;

		CHECK(wxr_read_memory(x, strlen(x), &h, &items, &err) ==
		      WXR_OK);
		CHECK(items == 4);
		file = write_file("ns.xml", x, strlen(x));
		db_path = new_db();
		CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_OK);
		setenv("TEST_DB", db_path, 1);
		CHECK(query_int("SELECT count(*) FROM articles WHERE slug = "
		                "'caf\xc3\xa9' AND author_id IS NOT NULL AND "
		                "category_id IS NOT NULL") == 1);
		CHECK(query_int("SELECT count(*) FROM pages") == 2);
		CHECK(query_int("SELECT count(*) FROM comments") == 3);
	}
	/* Another namespace is not WordPress's: its elements are ignored. */
	{
		const char *x =
		    small_export("http://example.org/export/1.2/", NULL);
		struct import_summary sum;
		const char *db_path = new_db(),
		           *file = write_file("other.xml", x, strlen(x));

		CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_OK);
		setenv("TEST_DB", db_path, 1);
		CHECK(query_int("SELECT count(*) FROM comments") == 0);
	}
}

/* Copies the sniff corpus's 1x1 JPEG to path. */
static void
copy_jpeg(const char *path)
{
	char cmd[768];

	snprintf(cmd, sizeof(cmd),
	         "cp tests/unit/corpus/sniff/jpeg-1x1.jpg '%s'", path);
	CHECK(system(cmd) == 0);
}

/*
 * --uploads-from: the attachment re-encoded into the library, its size
 * variant in a body pointing to it, the featured image, the gallery; the
 * old upload addresses (and their sizes) redirect; the body is HTML
 * without script; slugs percent-decoded; comment threads and states.
 */
static void
test_uploads_and_details(void)
{
	const char *x = small_export("https://wordpress.org/export/1.2/", NULL);
	const char *file = write_file("small.xml", x, strlen(x));
	const char *db_path = new_db();
	char from[300], to[300], cmd[700];
	struct import_options o;
	struct import_summary sum;
	struct wxr_error err;
	const char *path;
	char want[400];

	snprintf(from, sizeof(from), "%s/wp-uploads", driver_dir);
	snprintf(to, sizeof(to), "%s/uploads", driver_dir);
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/2020/03' '%s'", from, to);
	CHECK(system(cmd) == 0);
	snprintf(cmd, sizeof(cmd), "%s/2020/03/photo.jpg", from);
	copy_jpeg(cmd);
	memset(&o, 0, sizeof(o));
	o.uploads_from = from;
	o.uploads_dir = to;
	CHECK(run_import(db_path, file, &o, &sum, &err) == IMPORT_OK);
	CHECK(sum.media.imported == 1 && sum.missing == 0);
	setenv("TEST_DB", db_path, 1);
	path = query_text("SELECT path FROM media");
	CHECK(path[0] != '\0');
	snprintf(want, sizeof(want), "/uploads/%s", path);
	CHECK(query_int("SELECT count(*) FROM media WHERE alt = 'A harbour' "
	                "AND title = 'Photo'") == 1);
	/* The file is under the uploads folder. */
	snprintf(cmd, sizeof(cmd), "test -s '%s/%s'", to, path);
	CHECK(system(cmd) == 0);
	/* The body: the -300x200 size points to the library's item; the
	 * gallery shows it; no script; the excerpt came from <!--more-->. */
	snprintf(cmd, sizeof(cmd),
	         "SELECT count(*) FROM articles WHERE instr(body_html, "
	         "'src=\"%s\"') > 0",
	         want);
	CHECK(query_int(cmd) == 1);
	CHECK(query_int("SELECT count(*) FROM articles WHERE instr(body_html, "
	                "'gallery') > 0 AND instr(body_html, 'script') = 0 "
	                "AND excerpt = 'First part.'") == 1);
	CHECK(query_int("SELECT count(*) FROM articles WHERE "
	                "featured_media_id = (SELECT id FROM media)") == 1);
	CHECK_STR(query_text("SELECT title FROM articles"),
	          "Caf\xc3\xa9 & more");
	/* Comments: text, threads of any depth, states. */
	CHECK_STR(query_text("SELECT body FROM comments WHERE author_name = "
	                     "'A'"),
	          "Hi & bye");
	CHECK(query_int("SELECT count(*) FROM comments c JOIN comments p ON "
	                "p.id = c.parent_id JOIN comments g ON g.id = "
	                "p.parent_id WHERE c.author_name = 'C' AND "
	                "g.author_name = 'A'") == 1);
	CHECK_STR(query_text("SELECT group_concat(state, ',') FROM (SELECT "
	                     "state FROM comments ORDER BY author_name)"),
	          "approved,spam,pending");
	/* An author as a disabled account with no password; setting one
	 * enables it. */
	CHECK(query_int("SELECT count(*) FROM users WHERE name = 'editor-one' "
	                "AND display_name = 'Ed One' AND disabled = 1 AND "
	                "password_hash = ''") == 1);
	/* A page whose slug is one of the site's own addresses is renamed. */
	CHECK(query_int("SELECT count(*) FROM pages WHERE slug = 'search-2'") ==
	      1);

	serve_db(db_path);
	check_redirect("/wp-content/uploads/2020/03/photo.jpg", want);
	check_redirect("/wp-content/uploads/2020/03/photo-300x200.jpg", want);
	check_redirect("/2020/03/04/caf%c3%a9/", "/articles/caf\xc3\xa9");
	check_redirect("/2020/03/04/caf\xc3\xa9", "/articles/caf\xc3\xa9");
	check_redirect("/2020/03/caf\xc3\xa9/", "/articles/caf\xc3\xa9");
	check_redirect("/?p=10", "/articles/caf\xc3\xa9");
	check_redirect("/?page_id=30", "/about-us");
	check_redirect("/category/news/feed/", "/category/news/feed.atom");
	CHECK(driver_request("GET", "/about-us/", "192.0.2.1", NULL, 0, NULL) ==
	      301);
	CHECK_STR(location(), "/about-us");
	CHECK(driver_request("GET", "/about-us", "192.0.2.1", NULL, 0, NULL) ==
	      200);
	CHECK(has(&body, "<p>We are.</p>"));
	/* Once a password is set, the imported account may sign in. */
	sql("UPDATE users SET password_hash = 'x' WHERE name = 'editor-one'");
	CHECK(query_int("SELECT disabled FROM users WHERE name = "
	                "'editor-one'") == 0);

	/* Again with the uploads: nothing new, the file not stored twice. */
	CHECK(run_import(db_path, file, &o, &sum, &err) == IMPORT_OK);
	CHECK(sum.media.imported == 0 && sum.media.updated == 1);
	CHECK(query_int("SELECT count(*) FROM media") == 1);
	snprintf(cmd, sizeof(cmd), "test $(find '%s' -type f | wc -l) -ge 1",
	         to);
	CHECK(system(cmd) == 0);
}

/* The line number of at in text (1 for the first line). */
static int
lines_before(const char *text, const char *at)
{
	int n = 1;

	for (const char *p = text; p < at; p++)
		n += *p == '\n';
	return n;
}

/* The articles another connection saw near the end of an import (-1:
 * not yet looked). */
static long long seen_mid_import;

/* The progress callback of test_batches: at nine tenths of the run, what
 * is committed. */
static void
watch_progress(void *ctx, double fraction)
{
	(void)ctx;
	if (fraction > 0.9 && seen_mid_import < 0)
		seen_mid_import = query_int("SELECT count(*) FROM articles");
}

/*
 * The import commits every IMPORT_BATCH_ITEMS items: before the 1,000
 * posts are all in, another connection already sees committed ones (the
 * site's own writes go on between batches), and never the last of them.
 */
static void
test_batches(void)
{
	const char *db_path = new_db();
	struct import_options o;
	struct import_summary sum;
	struct wxr_error err;
	char file[512];

	memset(&o, 0, sizeof(o));
	o.progress = watch_progress;
	snprintf(file, sizeof(file),
	         "%s/wordpress-6.1-export-1000/export-1000.wxr", corpora);
	setenv("TEST_DB", db_path, 1);
	seen_mid_import = -1;
	CHECK(run_import(db_path, file, &o, &sum, &err) == IMPORT_OK);
	CHECK(seen_mid_import > 0 && seen_mid_import < 1000);
	CHECK(query_int("SELECT count(*) FROM articles") == 1000);
}

/*
 * A truncated and a malformed export: IMPORT_BAD_FILE with the line, and
 * the database unchanged, with nothing left in the uploads folder.
 */
static void
test_bad_files(const char *db_path)
{
	char src[512], *data;
	size_t len;
	FILE *f;
	unsigned long long before = content_hash(db_path);
	struct import_summary sum;
	struct wxr_error err;
	const char *file;

	snprintf(src, sizeof(src),
	         "%s/wordpress-6.1-export-1000/export-1000.wxr", corpora);
	CHECK((f = fopen(src, "rb")) != NULL);
	if (f == NULL)
		return;
	fseek(f, 0, SEEK_END);
	len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc(len);
	CHECK(data != NULL && fread(data, 1, len, f) == len);
	fclose(f);

	/* Truncated in the middle: found at the end, after 500 posts. */
	file = write_file("truncated.xml", data, len / 2);
	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_BAD_FILE);
	/* The line where the cut was noticed: the open item's last lines. */
	CHECK(err.line > lines_before(data, data + len / 2) - 100 &&
	      err.line <= lines_before(data, data + len / 2) + 1);
	CHECK(strstr(err.message, "cut short") != NULL);
	CHECK(err.message[0] != '\0');
	CHECK(content_hash(db_path) == before);

	/* Malformed near the end: a closing tag that does not match. */
	{
		char *bad = malloc(len + 16);
		char *at = bad + len - 2000;
		const char *close = NULL;

		memcpy(bad, data, len);
		for (char *p = at; p < bad + len - 8; p++)
			if (memcmp(p, "</item>", 7) == 0) {
				close = p;
				break;
			}
		CHECK(close != NULL);
		if (close != NULL)
			memcpy((char *)close, "</itex>", 7);
		file = write_file("malformed.xml", bad, len);
		CHECK(run_import(db_path, file, NULL, &sum, &err) ==
		      IMPORT_BAD_FILE);
		if (close != NULL)
			CHECK(err.line == lines_before(bad, close));
		CHECK(strstr(err.message, "item") != NULL ||
		      strstr(err.message, "mismatch") != NULL);
		CHECK(content_hash(db_path) == before);
		free(bad);
	}
	/* Not XML at all, and XML that is not an export. */
	file = write_file("text.xml", "hello", 5);
	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_BAD_FILE);
	file = write_file("html.xml", "<html><body/></html>", 20);
	CHECK(run_import(db_path, file, NULL, &sum, &err) == IMPORT_BAD_FILE);
	CHECK(strstr(err.message, "not a WordPress export") != NULL);
	/* An entity is never expanded, an external one never read. */
	{
		static const char xxe[] =
		    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "
		    "\"file:///etc/passwd\">]>\n<rss><channel><item><title>"
		    "&x;</title><wp:post_id xmlns:wp=\"http://wordpress.org/"
		    "export/1.2/\">5</wp:post_id></item></channel></rss>";
		const char *p2 = new_db();

		file = write_file("xxe.xml", xxe, sizeof(xxe) - 1);
		CHECK(run_import(p2, file, NULL, &sum, &err) == IMPORT_OK);
		setenv("TEST_DB", p2, 1);
		CHECK(query_int("SELECT count(*) FROM articles WHERE "
		                "instr(body_html || title, 'root:') > 0") == 0);
		setenv("TEST_DB", db_path, 1);
	}
	CHECK(content_hash(db_path) == before);
	free(data);
}

/*
 * An imported article opened in the editor says its body is HTML; a save
 * keeps it HTML, sanitised again (never through cmark, which would drop
 * it), and keeps the revision.
 */
static void
test_editor(const char *starter_db)
{
	const char *x = small_export("https://wordpress.org/export/1.2/", NULL);
	const char *file = write_file("editor.xml", x, strlen(x));
	struct import_summary sum;
	struct wxr_error err;
	char *editor, uri[64], form[1024];
	long long id, version;

	CHECK(run_import(starter_db, file, NULL, &sum, &err) == IMPORT_OK);
	serve_db(starter_db);
	id = query_int("SELECT local_id FROM import_map WHERE kind = "
	               "'article' AND wp_key = '10'");
	CHECK(id > 0);
	version = query_int("SELECT version FROM articles WHERE id IN (SELECT "
	                    "local_id FROM import_map WHERE kind = 'article' "
	                    "AND wp_key = '10')");
	editor = session_of("alice");
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "HTML from the WordPress import"));
	/* Its preview is the sanitised HTML, as the save renders it, not
	 * Markdown (which would show the tags as text). */
	snprintf(form, sizeof(form),
	         "title=Edited&slug=edited&state=published&version=%lld&"
	         "action=preview&body=%%3Cp%%3EA+%%3Cstrong%%3Epreview%%3C%%2F"
	         "strong%%3E%%3C%%2Fp%%3E%%3Cscript%%3Ealert(1)%%3C%%2Fscript"
	         "%%3E",
	         version);
	CHECK(post_as(editor, uri, form) == 200);
	CHECK(has(&body, "<p>A <strong>preview</strong></p>"));
	CHECK(!has(&body, "<script>alert(1)"));
	snprintf(form, sizeof(form),
	         "title=Edited&slug=edited&state=published&version=%lld&body="
	         "%%3Cp%%3EEdited+%%3Cem%%3Ehtml%%3C%%2Fem%%3E%%3C%%2Fp%%3E"
	         "%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E",
	         version);
	CHECK(post_as(editor, uri, form) == 303);
	CHECK(query_int("SELECT count(*) FROM articles WHERE slug = 'edited' "
	                "AND body_format = 'html' AND instr(body_html, "
	                "'<p>Edited <em>html</em></p>') > 0 AND "
	                "instr(body_html, 'script') = 0") == 1);
	CHECK(driver_request("GET", "/articles/edited", "192.0.2.1", NULL, 0,
	                     NULL) == 200);
	CHECK(has(&body, "Edited <em>html</em>"));
	/* Its old address follows the new slug. */
	check_redirect("/?p=10", "/articles/edited");
	/* A new article is still Markdown. */
	CHECK(post_as(editor, "/admin/articles/new",
	              "title=Fresh&slug=fresh&state=published&body=*md*") ==
	      303);
	CHECK(query_int("SELECT count(*) FROM articles WHERE slug = 'fresh' "
	                "AND body_format = 'markdown' AND instr(body_html, "
	                "'<em>md</em>') > 0") == 1);
	free(editor);
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"}};
	char starter_db[256];
	static const struct expect corpora_expect[] = {
	    /* 1,000 posts, 1 published and 1 draft page, 1 author; 9
	     * categories and 40 tags, each declared twice. */
	    {"wordpress-6.1-export-1000/export-1000.wxr", 1000, 1000, 0, 0, 2,
	     9, 40, 0, 1, 0, 0},
	    /* 56 published, 1 future (2030), 1 draft; 21 pages; 68 declared
	     * category slugs ("6.1" is declared both as wp:category and as
	     * wp:term: one category); 110 declared tags and 4 used
	     * undeclared; 33 comments of which 5 on pages; 2 authors and
	     * "admin" through dc:creator; the password-protected post is a
	     * draft; 14 tags with a wp:tag_description. */
	    {"wordpress-theme-unit-test/themeunittestdata.wordpress.xml", 58,
	     55, 1, 2, 21, 68, 114, 33, 3, 37, 14},
	    {"wordpress-theme-unit-test/64-block-test-data.xml", 61, 61, 0, 0,
	     1, 7, 4, 2, 2, 9, 0},
	    /* No wp: ids, names or authors: keyed by guid. */
	    {"wordpress-theme-unit-test/theme-preview.xml", 7, 7, 0, 0, 0, 2, 0,
	     2, 1, 0, 0},
	    /* 35 published (one password-protected: a draft), 1 future
	     * (2050), 1 draft; 15 pages; 30 comments, 1 on a page; 14 tags
	     * described. */
	    {"wptest/wptest.xml", 37, 34, 1, 2, 15, 42, 16, 30, 6, 44, 14},
	    /* The "future" post dated 2020 is published (a missed schedule);
	     * 61 declared tags and 10 used undeclared; 29 comments, 3 on
	     * pages; authors only through dc:creator. */
	    {"a11y-theme-unit-test/a11y-theme-unit-test-data.xml", 47, 45, 0, 2,
	     18, 27, 71, 29, 3, 39, 6},
	};
	const char *theme_db = NULL, *big_db = NULL;

	corpora = getenv("GAZETTE_CORPORA");
	if (corpora == NULL || access(corpora, R_OK) != 0) {
		fprintf(stderr, "shared corpora absent: skipped\n");
		return 77;
	}
	driver_create();
	staff_create(accounts, 1);
	snprintf(starter_db, sizeof(starter_db), "%s", getenv("TEST_DB"));
	driver_start();
	for (size_t i = 0; i < sizeof(corpora_expect) / sizeof(*corpora_expect);
	     i++) {
		const char *p = check_corpus(&corpora_expect[i]);

		if (i == 0)
			big_db = strdup(p);
		if (i == 1) {
			theme_db = strdup(p);
			test_theme_unit_redirects();
			test_theme_unit_admin();
			test_theme_unit_tags();
		}
	}
	test_namespaces();
	test_tag_description_merge();
	test_uploads_and_details();
	test_bad_files(big_db);
	test_batches();
	test_editor(starter_db);
	free((char *)theme_db);
	free((char *)big_db);
	setenv("TEST_DB", "/nonexistent", 1);
	driver_stop();
	TEST_DONE();
}
