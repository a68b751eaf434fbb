/*
 * test_search.c: /search through the real request path: the fold on both
 * sides (decomposed Persian found by a composed query, ي/ی and ك/ک both
 * ways, digits of three scripts, ZWNJ), hostile queries (FTS5 syntax as
 * text, never a 500), what must not be found (drafts, another edition,
 * the future), the index kept in step by the triggers (an edit found by
 * its new word and not its old one, trash, deletion), ranking (title
 * above body), escaped snippets with <mark>, the pager, the search box;
 * and pages in the same list (their own address, no date line, ranked
 * with the articles, kept in step through the pages editor, moved between
 * editions, Arabic and Persian folded in a title), also those of a site
 * that had them before the upgrade that indexed pages.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/search_db.h"
#include "driver.h"
#include "staff.h"

static char *editor;

/* Percent-encodes s into a static /search?q= URI (with extra appended). */
static const char *
search_uri(const char *prefix, const char *q, const char *extra)
{
	static char uri[2048];
	size_t n = (size_t)snprintf(uri, sizeof(uri), "%s/search?q=", prefix);

	for (const unsigned char *p = (const unsigned char *)q;
	     *p && n + 4 < sizeof(uri); p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9'))
			uri[n++] = (char)*p;
		else
			n += (size_t)snprintf(uri + n, sizeof(uri) - n,
			                      "%%%02X", *p);
	}
	uri[n] = '\0';
	if (extra != NULL)
		snprintf(uri + n, sizeof(uri) - n, "%s", extra);
	return uri;
}

/* Searches the English edition; returns the status. */
static int
search(const char *q)
{
	return driver_request("GET", search_uri("", q, NULL), "192.0.2.1", NULL,
	                      0, NULL);
}

/* Returns the number of results on the last page fetched. */
static int
results(void)
{
	int n = 0;
	const char *p = body.data;

	while (p != NULL && (p = strstr(p, "class=\"summary search-result\"")))
		n++, p++;
	return n;
}

/* Whether the last page's results (not Recent Posts) link to the article
 * with this slug. */
static int
found(const char *slug)
{
	char needle[256];

	snprintf(needle, sizeof(needle),
	         "<h2 dir=\"auto\"><a href=\"/articles/%s\">", slug);
	return has(&body, needle);
}

/* Whether the last page's results link to the page at this path (an
 * edition's prefix, then /slug). */
static int
found_page(const char *path)
{
	char needle[256];

	snprintf(needle, sizeof(needle), "<h2 dir=\"auto\"><a href=\"%s\">",
	         path);
	return has(&body, needle);
}

/* Returns where the last page's result linking to href starts, or NULL. */
static const char *
result_of(const char *href)
{
	char needle[256];
	const char *h, *start = NULL, *p = body.data;

	snprintf(needle, sizeof(needle), "<a href=\"%s\">", href);
	h = p != NULL ? strstr(p, needle) : NULL;
	while (h != NULL &&
	       (p = strstr(p, "class=\"summary search-result\"")) && p < h)
		start = p++;
	return h != NULL ? start : NULL;
}

/* Runs insert (an INSERT of an article or a page) with the edition,
 * slug, title, Markdown body, state and time as ?1 to ?6. */
static void
insert(const char *insert, long long edition, const char *slug,
       const char *title, const char *md, const char *state, long long at)
{
	sqlite3 *h;
	sqlite3_stmt *st;

	CHECK(driver_open_db(&h) == 0);
	CHECK(sqlite3_prepare_v2(h, insert, -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_int64(st, 1, edition);
	sqlite3_bind_text(st, 2, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, md, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, at);
	CHECK(sqlite3_step(st) == SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

/* Inserts a published article of edition 1 (or state, edition, time). */
static void
add(long long edition, const char *slug, const char *title, const char *md,
    const char *state, long long at)
{
	insert("INSERT INTO articles (edition_id, slug, title, body_md, "
	       "body_html, state, published_at, created_at, updated_at) "
	       "VALUES (?1, ?2, ?3, ?4, '<p>x</p>', ?5, ?6, ?6, ?6)",
	       edition, slug, title, md, state, at);
}

/* Inserts a page (state, edition) without the editor. */
static void
add_page(long long edition, const char *slug, const char *title, const char *md,
         const char *state)
{
	insert("INSERT INTO pages (edition_id, slug, title, body_md, "
	       "body_html, state, created_at, updated_at) "
	       "VALUES (?1, ?2, ?3, ?4, '<p>x</p>', ?5, ?6, ?6)",
	       edition, slug, title, md, state, 1);
}

/* The articles the tests look for, added before the workers start. */
static void
content(void)
{
	long long now = (long long)time(NULL);
	char slug[32], title[64];

	/* Persian, stored decomposed (NFD): آموزش is alef + madda; ئ is
	 * yeh + hamza; with Persian yeh and keheh, Persian digits and a
	 * ZWNJ. */
	add(1, "persian-notes", "Persian notes",
	    "\xd8\xa7\xd9\x93\xd9\x85\xd9\x88\xd8\xb2\xd8\xb4 "
	    "\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8 \xd8\xb9\xd9\x84\xdb\x8c "
	    "\xd9\x85\xd8\xb3\xdb\x8c\xd9\x94\xd9\x84\xd9\x87 "
	    "\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb4 "
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9"
	    "\x85",
	    "published", now - 3600);
	/* Arabic: Arabic kaf and yeh, Arabic-Indic digits. */
	add(1, "arabic-notes",
	    "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a",
	    "\xd9\xa1\xd9\xa4\xd9\xa0\xd9\xa4 year", "published", now - 7200);
	add(1, "draft-one", "Draft", "draftonlyword", "draft", now - 10);
	add(1, "future-one", "Future", "futureonlyword", "published",
	    now + 86400);
	add(2, "other-edition", "Other", "othereditionword", "published",
	    now - 10);
	add(1, "scripted", "Scripted",
	    "Before <script>alert(1)</script> zanzibar & \"quotes\" after",
	    "published", now - 60);
	/* Ranking: the word in one's title, in the other's body only (the
	 * body one is newer, so only the title's weight puts it second). */
	add(1, "quokka-in-body", "Animals",
	    "A long text that mentions the quokka once among many other words",
	    "published", now - 60);
	add(1, "quokka-in-title", "Quokka report", "About small animals.",
	    "published", now - 86400 * 3);
	for (int i = 0; i < 12; i++) {
		snprintf(slug, sizeof(slug), "pager-%02d", i);
		snprintf(title, sizeof(title), "Pager %02d", i);
		add(1, slug, title, "pagerword text", "published",
		    now - 100000 - i);
	}
	/* Pages: words shared with year-old articles (whose age boost is
	 * then near a page's, none, so that the title's weight orders
	 * them), one in each state, one in another edition, an Arabic title
	 * (Arabic kaf and yeh, Arabic-Indic digits) and a hostile body. */
	add_page(1, "wombat-care", "Wombat care", "How to feed them.",
	         "published");
	add(1, "wombat-news", "Zoo news",
	    "The zoo got a wombat among many other animals this week",
	    "published", now - 86400 * 400);
	add(1, "numbat-news", "Numbat news", "A numbat was born.", "published",
	    now - 86400 * 400);
	add_page(1, "numbat-facts", "Facts", "Some text, and a numbat once.",
	         "published");
	add_page(1, "draft-page", "Draft page", "draftpageword", "draft");
	add_page(1, "trashed-page", "Trashed page", "trashpageword", "trash");
	add_page(2, "ar-page", "Other edition page", "othereditionpageword",
	         "published");
	add_page(1, "arabic-page",
	         "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\xd8\xae\xd8\xa7\xd9\x86"
	         "\xd9\x87 \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a \xd9\xa1\xd9\xa3"
	         "\xd9\xa0\xd9\xa0",
	         "About the library.", "published");
	add_page(1, "scripted-page", "Scripted page",
	         "Before <script>alert(2)</script> kinkajou & \"quotes\"",
	         "published");
}

static void
test_fold_both_ways(void)
{
	/* NFC query, NFD text. */
	CHECK(search("\xd8\xa2\xd9\x85\xd9\x88\xd8\xb2\xd8\xb4") == 200);
	CHECK(found("persian-notes") && results() == 1);
	/* ئ composed in the query, yeh + hamza in the text. */
	CHECK(search("\xd9\x85\xd8\xb3\xd8\xa6\xd9\x84\xd9\x87") == 200);
	CHECK(found("persian-notes"));
	/* Arabic kaf finds the Persian spelling, and the reverse. */
	CHECK(search("\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8") == 200);
	CHECK(found("persian-notes") && found("arabic-notes"));
	CHECK(search("\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8") == 200);
	CHECK(found("persian-notes") && found("arabic-notes"));
	/* Arabic yeh finds Persian yeh, and the reverse. */
	CHECK(search("\xd8\xb9\xd9\x84\xd9\x8a") == 200);
	CHECK(found("persian-notes"));
	CHECK(search("\xd8\xb9\xd8\xb1\xd8\xa8\xdb\x8c") == 200);
	CHECK(found("arabic-notes"));
	/* Digits: ۱۴۰۴ == ١٤٠٤ == 1404. */
	CHECK(search("1404") == 200);
	CHECK(found("persian-notes") && found("arabic-notes"));
	CHECK(search("\xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb4") == 200);
	CHECK(found("persian-notes") && found("arabic-notes"));
	CHECK(search("\xd9\xa1\xd9\xa4\xd9\xa0\xd9\xa4") == 200);
	CHECK(found("persian-notes") && found("arabic-notes"));
	/* ZWNJ: with and without. */
	CHECK(search(
	          "\xd9\x85\xdb\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85") ==
	      200);
	CHECK(found("persian-notes"));
	CHECK(search("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9"
	             "\x87\xd9\x85") == 200);
	CHECK(found("persian-notes"));
	/* The snippet shows the original text (ZWNJ kept), marked. */
	CHECK(has(&body, "<mark>\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88"
	                 "\xd8\xa7\xd9\x87\xd9\x85</mark>"));
	/* Case and accents. */
	CHECK(search("ZANZIBAR") == 200 && found("scripted"));
}

static void
test_hostile(void)
{
	static const char *const queries[] = {
	    "\"",
	    "\"\"",
	    "*",
	    "a*",
	    "NEAR",
	    "NEAR(a b",
	    "NEAR(a, 2)",
	    "-zanzibar",
	    "^",
	    "^zanzibar",
	    "(",
	    ")",
	    "((a)",
	    "a OR",
	    "AND",
	    "OR NOT",
	    "col:zanzibar",
	    "title:x",
	    "{a b}:",
	    "+",
	    "\\",
	    "'",
	    "a\"b\"c",
	    "%",
	    "\xef\xbf\xbd",
	    "\xee\x80\x80zanzibar\xee\x80\x81",
	};

	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		int status = search(queries[i]);

		CHECK(status == 200);
		if (status != 200)
			fprintf(stderr, "  query %s: %d\n", queries[i], status);
	}
	/* Syntax is text: the word still matches. */
	CHECK(search("-zanzibar") == 200 && found("scripted"));
	CHECK(search("(zanzibar:") == 200 && found("scripted"));
	CHECK(search("NEAR(zanzibar") == 200 && results() == 0);
	/* Too long: 400 with the box and the message; 200 bytes is fine. */
	{
		char q[202];

		memset(q, 'a', 201);
		q[201] = '\0';
		CHECK(search(q) == 400);
		CHECK(has(&body, "That search is too long"));
		CHECK(has(&body, "id=\"search-q\""));
		q[200] = '\0';
		CHECK(search(q) == 200);
	}
	/* Bad page numbers. */
	CHECK(driver_request("GET", search_uri("", "pagerword", "&page=0"),
	                     "192.0.2.1", NULL, 0, NULL) == 400);
	CHECK(driver_request("GET", search_uri("", "pagerword", "&page=x"),
	                     "192.0.2.1", NULL, 0, NULL) == 400);
	CHECK(driver_request("GET", search_uri("", "pagerword", "&page=01"),
	                     "192.0.2.1", NULL, 0, NULL) == 400);
}

static void
test_not_found(void)
{
	CHECK(search("draftonlyword") == 200 && results() == 0);
	CHECK(has(&body, "Nothing matches your search."));
	CHECK(search("futureonlyword") == 200 && results() == 0);
	CHECK(search("othereditionword") == 200 && results() == 0);
	/* Only punctuation: no results, not an error. */
	CHECK(search("?!") == 200 && has(&body, "Nothing matches"));
	/* No query: the prompt. */
	CHECK(driver_request("GET", "/search", "192.0.2.1", NULL, 0, NULL) ==
	      200);
	CHECK(has(&body, "Type one or more words"));
	/* A disabled edition's prefix: 404. */
	sql("UPDATE editions SET enabled = 0 WHERE code = 'ar'");
	CHECK(driver_request("GET", "/ar/search?q=x", "192.0.2.1", NULL, 0,
	                     NULL) == 404);
	sql("UPDATE editions SET enabled = 1 WHERE code = 'ar'");
}

static void
test_escaping_and_box(void)
{
	CHECK(search("zanzibar") == 200);
	CHECK(found("scripted"));
	CHECK(has(&body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "<mark>zanzibar</mark>"));
	CHECK(has(&body, "&amp; &quot;quotes&quot;"));
	/* The query stays in the box, escaped. */
	CHECK(search("<b>\"zanzibar\"") == 200);
	CHECK(has(&body, "value=\"&lt;b&gt;&quot;zanzibar&quot;\""));
	CHECK(!has(&body, "<b>\"zanzibar"));
	/* The title is marked too; ranking puts the title match first. */
	CHECK(search("quokka") == 200 && results() == 2);
	CHECK(has(&body, "<mark>Quokka</mark> report"));
	{
		const char *t = strstr(body.data, "auto\"><a href=\"/articles/"
		                                  "quokka-in-title");
		const char *b = strstr(body.data, "auto\"><a href=\"/articles/"
		                                  "quokka-in-body");

		CHECK(t != NULL && b != NULL && t < b);
	}
	/* The sidebar's box on every page, in the edition. */
	CHECK(driver_request("GET", "/", "192.0.2.1", NULL, 0, NULL) == 200);
	CHECK(has(&body, "action=\"/search\""));
	CHECK(has(&body, "id=\"sidebar-q\""));
	/* A prefix of the last word matches. */
	CHECK(search("zanzi") == 200 && found("scripted"));
}

static void
test_pager(void)
{
	CHECK(search("pagerword") == 200);
	CHECK(results() == 10);
	CHECK(has(&body, "href=\"/search?q=pagerword&amp;page=2\""));
	CHECK(!has(&body, "class=\"newer\""));
	CHECK(driver_request("GET", search_uri("", "pagerword", "&page=2"),
	                     "192.0.2.1", NULL, 0, NULL) == 200);
	CHECK(results() == 2);
	CHECK(has(&body, "class=\"newer\" href=\"/search?q=pagerword\""));
	CHECK(!has(&body, "class=\"older\""));
	CHECK(driver_request("GET", search_uri("", "pagerword", "&page=3"),
	                     "192.0.2.1", NULL, 0, NULL) == 404);
}

/* An editor's saves reach the index through the triggers. */
static void
test_kept_in_step(void)
{
	char uri[64];
	long long id;

	editor = session_of("alice");
	CHECK(post_as(editor, "/admin/articles/new",
	              "title=Indexed+story&slug=indexed-story"
	              "&body=The+oldword+is+here&state=published") == 303);
	id = query_int("SELECT max(id) FROM articles");
	CHECK(search("oldword") == 200 && found("indexed-story"));
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	CHECK(post_as(editor, uri,
	              "title=Indexed+story&slug=indexed-story"
	              "&body=The+newword+is+here&state=published&version=1") ==
	      303);
	CHECK(search("newword") == 200 && found("indexed-story"));
	CHECK(search("oldword") == 200 && !found("indexed-story") &&
	      results() == 0);
	/* Back to draft: gone; published again: back. */
	CHECK(post_as(editor, uri,
	              "title=Indexed+story&slug=indexed-story"
	              "&body=The+newword+is+here&state=draft&version=2") ==
	      303);
	CHECK(search("newword") == 200 && results() == 0);
	CHECK(post_as(editor, uri,
	              "title=Indexed+story&slug=indexed-story"
	              "&body=The+newword+is+here&state=published&version=3") ==
	      303);
	CHECK(search("newword") == 200 && found("indexed-story"));
	/* Trash. */
	CHECK(post_as(editor, uri,
	              "title=Indexed+story&slug=indexed-story"
	              "&body=The+newword+is+here&state=trash&version=4") ==
	      303);
	CHECK(search("newword") == 200 && results() == 0);
	/* Deleted for good. */
	CHECK(search("zanzibar") == 200 && found("scripted"));
	sql("DELETE FROM articles WHERE slug = 'scripted'");
	CHECK(search("zanzibar") == 200 && results() == 0);
	/* The index holds exactly the published articles. */
	CHECK(query_int("SELECT count(*) FROM site_search WHERE "
	                "site_search MATCH '\"pagerword\"'") == 12);
	CHECK(query_int("SELECT count(*) FROM site_search_docsize WHERE "
	                "id > 0") ==
	      query_int("SELECT count(*) FROM articles WHERE state = "
	                "'published'"));
}

/* Pages are found with the articles, at their own address, without the
 * article's category and date; what must not be found is not. */
static void
test_pages_found(void)
{
	const char *r;

	/* The page's title match above the (year-old) article's body
	 * match. */
	CHECK(search("wombat") == 200 && results() == 2);
	CHECK(found_page("/wombat-care") && found("wombat-news"));
	CHECK(has(&body, "<mark>Wombat</mark> care"));
	{
		const char *page = result_of("/wombat-care");
		const char *article = result_of("/articles/wombat-news");

		CHECK(page != NULL && article != NULL && page < article);
		/* The article has its date line, the page none. */
		CHECK(article != NULL && strstr(article, "class=\"meta\""));
		CHECK(page != NULL && article != NULL && page < article &&
		      !memmem(page, (size_t)(article - page), "class=\"meta\"",
		              12) &&
		      !memmem(page, (size_t)(article - page), "<time", 5));
	}
	/* The article's title match (as old) above the page's body match:
	 * one list, not pages first or last. */
	CHECK(search("numbat") == 200 && results() == 2);
	{
		const char *article = result_of("/articles/numbat-news");
		const char *page = result_of("/numbat-facts");

		CHECK(page != NULL && article != NULL && article < page);
	}
	/* Not published, or another edition's: not found here. */
	CHECK(search("draftpageword") == 200 && results() == 0);
	CHECK(search("trashpageword") == 200 && results() == 0);
	CHECK(search("othereditionpageword") == 200 && results() == 0);
	/* The other edition's page, in its edition, under its prefix. */
	CHECK(driver_request("GET",
	                     search_uri("/ar", "othereditionpageword", NULL),
	                     "192.0.2.1", NULL, 0, NULL) == 200);
	CHECK(results() == 1 && found_page("/ar/ar-page"));
	CHECK(driver_request("GET", search_uri("/ar", "wombat", NULL),
	                     "192.0.2.1", NULL, 0, NULL) == 200);
	CHECK(results() == 0);
	/* The Arabic title found by the Persian spelling (keheh, Persian
	 * yeh) and by Persian digits, the title marked as written. */
	CHECK(search("\xda\xa9\xd8\xaa\xd8\xa7\xd8\xa8\xd8\xae\xd8\xa7\xd9\x86"
	             "\xd9\x87") == 200);
	CHECK(results() == 1 && found_page("/arabic-page"));
	CHECK(has(&body,
	          "<mark>\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\xd8\xae\xd8\xa7"
	          "\xd9\x86\xd9\x87</mark>"));
	CHECK(search("\xd8\xb9\xd8\xb1\xd8\xa8\xdb\x8c \xdb\xb1\xdb\xb3\xdb\xb0"
	             "\xdb\xb0") == 200);
	CHECK(results() == 1 && found_page("/arabic-page"));
	CHECK(search("1300") == 200 && found_page("/arabic-page"));
	/* A page's snippet is escaped like an article's. */
	CHECK(search("kinkajou") == 200 && found_page("/scripted-page"));
	CHECK(has(&body, "&lt;script&gt;alert(2)&lt;/script&gt;"));
	CHECK(!has(&body, "<script>alert(2)"));
	CHECK(has(&body, "<mark>kinkajou</mark>"));
	r = result_of("/scripted-page");
	CHECK(r != NULL && strstr(r, "</article>") != NULL &&
	      !memmem(r, (size_t)(strstr(r, "</article>") - r),
	              "class=\"category\"", 16));
}

/* The pages editor's saves reach the index through the triggers: a new
 * page, an edit, draft and back, a move to another edition and back,
 * trash, deletion. */
static void
test_pages_kept_in_step(void)
{
	char uri[64];
	long long id;

	CHECK(post_as(editor, "/admin/pages/new",
	              "title=Opening+hours&slug=opening-hours&edition=1"
	              "&body=We+open+at+noon+oldpageword&state=published") ==
	      303);
	id = query_int("SELECT max(id) FROM pages");
	CHECK(search("oldpageword") == 200 && results() == 1 &&
	      found_page("/opening-hours"));
	snprintf(uri, sizeof(uri), "/admin/pages/%lld", id);
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=opening-hours&edition=1"
	              "&body=We+open+at+nine+newpageword&state=published"
	              "&version=1") == 303);
	CHECK(search("newpageword") == 200 && results() == 1 &&
	      found_page("/opening-hours"));
	CHECK(search("oldpageword") == 200 && results() == 0);
	/* A new slug: the result links to it. */
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=hours&edition=1"
	              "&body=We+open+at+nine+newpageword&state=published"
	              "&version=2") == 303);
	CHECK(search("newpageword") == 200 && results() == 1 &&
	      found_page("/hours"));
	/* Unpublished: gone; published again: back. */
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=hours&edition=1"
	              "&body=We+open+at+nine+newpageword&state=draft"
	              "&version=3") == 303);
	CHECK(search("newpageword") == 200 && results() == 0);
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=hours&edition=1"
	              "&body=We+open+at+nine+newpageword&state=published"
	              "&version=4") == 303);
	CHECK(search("newpageword") == 200 && found_page("/hours"));
	/* Moved to the Farsi edition: found there only; and back. */
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=hours&edition=3"
	              "&body=We+open+at+nine+newpageword&state=published"
	              "&version=5") == 303);
	CHECK(search("newpageword") == 200 && results() == 0);
	CHECK(driver_request("GET", search_uri("/fa", "newpageword", NULL),
	                     "192.0.2.1", NULL, 0, NULL) == 200);
	CHECK(results() == 1 && found_page("/fa/hours"));
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=hours&edition=1"
	              "&body=We+open+at+nine+newpageword&state=published"
	              "&version=6") == 303);
	CHECK(search("newpageword") == 200 && found_page("/hours"));
	CHECK(driver_request("GET", search_uri("/fa", "newpageword", NULL),
	                     "192.0.2.1", NULL, 0, NULL) == 200);
	CHECK(results() == 0);
	/* Trash, then deleted for good. */
	CHECK(post_as(editor, uri,
	              "title=Opening+hours&slug=hours&edition=1"
	              "&body=We+open+at+nine+newpageword&state=trash"
	              "&version=7") == 303);
	CHECK(search("newpageword") == 200 && results() == 0);
	CHECK(search("kinkajou") == 200 && found_page("/scripted-page"));
	sql("DELETE FROM pages WHERE slug = 'scripted-page'");
	CHECK(search("kinkajou") == 200 && results() == 0);
	/* The index holds exactly the published articles and pages. */
	CHECK(query_int("SELECT count(*) FROM site_search_docsize") ==
	      query_int("SELECT count(*) FROM articles WHERE state = "
	                "'published'") +
	          query_int("SELECT count(*) FROM pages WHERE state = "
	                    "'published'"));
	CHECK(query_int("SELECT count(*) FROM site_search_docsize d "
	                "JOIN pages p ON p.id = -d.id "
	                "WHERE p.state = 'published'") ==
	      query_int("SELECT count(*) FROM pages WHERE state = "
	                "'published'"));
}

/* Counts the hits of an expression in an edition, and the pages among
 * them. */
static size_t
find(struct db *db, long long edition, const char *expr, size_t *pages)
{
	struct arena a;
	struct search_hit *hits;
	size_t count = 0;

	arena_init(&a);
	CHECK(search_db_find(db, &a, edition, expr, (long long)time(NULL), 0,
	                     10, &hits, &count) == 0);
	*pages = 0;
	for (size_t i = 0; i < count; i++)
		if (hits[i].page) {
			(*pages)++;
			CHECK(strcmp(hits[i].slug, "upgrade-page") == 0);
		}
	arena_free(&a);
	return count;
}

/* A database at the level before pages were indexed, with published and
 * draft articles and pages, upgraded: the migration puts the published
 * ones in the index, the drafts not, each page in its edition. */
static void
test_upgrade(void)
{
	char path[256];
	struct db *db;
	size_t pages;

	snprintf(path, sizeof(path), "%s/upgrade.db", driver_dir);
	CHECK(driver_db_before(
	          path, "_search_pages.sql",
	          "INSERT INTO articles (edition_id, slug, title, body_md, "
	          "body_html, state, published_at, created_at, updated_at) "
	          "VALUES (1, 'upgrade-article', 'Upgradeword', '', '', "
	          "'published', 1, 1, 1), (1, 'upgrade-draft', 'Upgradeword', "
	          "'', '', 'draft', 1, 1, 1);"
	          "INSERT INTO pages (edition_id, slug, title, body_md, "
	          "state, created_at, updated_at) VALUES (1, 'upgrade-page', "
	          "'Page', 'the upgradeword', 'published', 1, 1), (1, "
	          "'upgrade-page-draft', 'Draft', 'upgradeword', 'draft', 1, "
	          "1), (3, 'upgrade-page', 'Page', 'upgradeword', "
	          "'published', 1, 1);") == 0);
	CHECK(db_open(path, &db) == 0);
	CHECK(db_migrate(db, NULL, NULL) == 0);
	CHECK(find(db, 1, "\"upgradeword\"", &pages) == 2 && pages == 1);
	CHECK(find(db, 3, "\"upgradeword\"", &pages) == 1 && pages == 1);
	CHECK(find(db, 2, "\"upgradeword\"", &pages) == 0);
	db_close(db);
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"},
	};

	driver_create();
	test_upgrade();
	staff_create(accounts, 1);
	content();
	driver_start();
	test_fold_both_ways();
	test_hostile();
	test_not_found();
	test_escaping_and_box();
	test_pager();
	test_kept_in_step();
	test_pages_found();
	test_pages_kept_in_step();
	driver_stop();
	TEST_DONE();
}
