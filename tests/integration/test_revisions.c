/*
 * test_revisions.c: an article's revisions through the real request path:
 * the list (newest first, the current one marked) and the editor's link
 * to it, one revision compared with the current text (escaped, marked
 * line by line), restoring (a new save: a new revision, the version
 * bumped, the public page changed, audited), and everything refused
 * without changing anything: a stale version (409), a missing version
 * (400), no or a wrong CSRF token, no session, another's article or one
 * out of an author's hands (403), an unknown revision or one of another
 * article (404).  Also the comparison the editor shows when a save is
 * refused because someone else saved first.
 */
#include "driver.h"
#include "staff.h"

static char *editor, *author, *other_author, *moderator;

/* The newest article's id. */
static long long
last_article_id(void)
{
	return query_int("SELECT max(id) FROM articles");
}

/* The id of revision number n (0 the oldest) in table, of the article or
 * page id (column: "article_id" or "page_id"). */
static long long
revision_id_in(const char *table, const char *column, long long id, int n)
{
	char q[160];

	snprintf(q, sizeof(q),
	         "SELECT id FROM %s WHERE %s = %lld ORDER BY id LIMIT 1 "
	         "OFFSET %d",
	         table, column, id, n);
	return query_int(q);
}

/* The id of article's revision number n (0 the oldest). */
static long long
revision_id(long long article, int n)
{
	return revision_id_in("revisions", "article_id", article, n);
}

/* The article's version. */
static long long
version_of(long long id)
{
	char q[96];

	snprintf(q, sizeof(q), "SELECT version FROM articles WHERE id = %lld",
	         id);
	return query_int(q);
}

/* How many revisions the article has. */
static long long
revisions_of(long long id)
{
	char q[96];

	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM revisions WHERE article_id = %lld", id);
	return query_int(q);
}

/* Signs everybody in. */
static void
sessions(void)
{
	editor = session_of("alice");
	author = session_of("erin");
	other_author = session_of("bob");
	moderator = session_of("dave");
}

/*
 * Writes an article as the editor in three saves (the second with a line
 * of HTML and an ampersand in the title) and returns its id.
 */
static long long
three_saves(void)
{
	long long id;
	char uri[64];

	CHECK(post_as(editor, "/admin/articles/new",
	              "title=Revised+story&slug=revised-story"
	              "&body=Alpha+line%0Abeta+line%0Agamma+line%0A"
	              "&state=published") == 303);
	id = last_article_id();
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	CHECK(post_as(editor, uri,
	              "title=Revised+%26+scripted&slug=revised-story"
	              "&body=Alpha+line%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E"
	              "%0AZebra+crossing%0Agamma+line%0A"
	              "&excerpt=Second+excerpt&state=published&version=1") ==
	      303);
	CHECK(post_as(editor, uri,
	              "title=Revised+story&slug=revised-story"
	              "&body=Alpha+line%0Adelta+line%0Agamma+line%0A"
	              "&state=published&version=2") == 303);
	CHECK(revisions_of(id) == 3);
	return id;
}

static void
test_list(long long id)
{
	char uri[96], link[128];
	const char *newest, *oldest, *current;

	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	snprintf(link, sizeof(link),
	         "<a href=\"/admin/articles/%lld/revisions\">Revisions (3)</a>",
	         id);
	CHECK(has(&body, link));

	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&head, "Cache-Control: no-store"));
	CHECK(has(&body, "Revised &amp; scripted"));
	CHECK(has(&body, ">Alice</td>"));
	/* Newest first, and only the newest is the current text. */
	snprintf(link, sizeof(link),
	         "href=\"/admin/articles/%lld/revisions/%lld\"", id,
	         revision_id(id, 2));
	newest = strstr(body.data, link);
	snprintf(link, sizeof(link),
	         "href=\"/admin/articles/%lld/revisions/%lld\"", id,
	         revision_id(id, 0));
	oldest = strstr(body.data, link);
	CHECK(newest != NULL && oldest != NULL && newest < oldest);
	CHECK(newest != NULL && strstr(newest, "(current)") != NULL &&
	      strstr(newest, "(current)") < strstr(newest, "</tr>"));
	current = strstr(body.data, "(current)");
	CHECK(current != NULL && strstr(current + 1, "(current)") == NULL);
	/* The length of each body, in characters. */
	CHECK(has(&body, "<td>32</td>") && has(&body, "<td>63</td>") &&
	      has(&body, "<td>33</td>"));

	/* Pages: a bad one is 400, one past the end is empty. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions?page=0", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 400);
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions?page=2", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "No revisions yet"));
	CHECK(request("GET", "/admin/articles/999999/revisions", editor, NULL,
	              NULL) == 404);
}

static void
test_show(long long id)
{
	char uri[96], action[128];

	/* The second save against the current text. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/%lld", id,
	         revision_id(id, 1));
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&head, "Cache-Control: no-store"));
	/* What the revision holds is text, escaped, never markup. */
	CHECK(has(&body, "<del>&lt;script&gt;alert(1)&lt;/script&gt;</del>"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "<del>Zebra crossing</del>"));
	CHECK(has(&body, "<ins>delta line</ins>"));
	CHECK(
	    has(&body, "<td class=\"diff-text\" dir=\"auto\">Alpha line</td>"));
	/* Each changed line says which side it is on, not only by colour. */
	CHECK(has(&body, "<span aria-hidden=\"true\">&minus;</span><span "
	                 "class=\"visually-hidden\">only in this "
	                 "revision</span>"));
	CHECK(has(&body, "<span aria-hidden=\"true\">+</span><span "
	                 "class=\"visually-hidden\">only in the current "
	                 "text</span>"));
	CHECK(has(&body, "<del>Revised &amp; scripted</del>"));
	CHECK(has(&body, "<ins>Revised story</ins>"));
	CHECK(has(&body, "<del>Second excerpt</del>"));
	snprintf(action, sizeof(action),
	         "<form method=\"post\" action=\"/admin/articles/%lld/"
	         "revisions/%lld\">",
	         id, revision_id(id, 1));
	CHECK(has(&body, action));
	CHECK(has(&body, "name=\"version\" value=\"3\""));
	CHECK(has(&body, ">Restore this revision</button>"));

	/* The newest revision is the current text: nothing to restore. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/%lld", id,
	         revision_id(id, 2));
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "This revision is the current text."));
	CHECK(has(&body, "No changes."));
	CHECK(!has(&body, "name=\"version\""));

	/* Unknown revisions, and another article's, are not found. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/999999", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 404);
	snprintf(uri, sizeof(uri), "/admin/articles/1/revisions/%lld",
	         revision_id(id, 1));
	CHECK(request("GET", uri, editor, NULL, NULL) == 404);
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/0", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 404);
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/x", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 404);
}

/* Opens revision rev's page of the article or page (kind "articles" or
 * "pages") id as session and posts its restore form with version (NULL:
 * the one the page carries; "": none). */
static int
restore_in(const char *kind, const char *session, long long id, long long rev,
           const char *version)
{
	char uri[96], form[512], csrf[128];

	snprintf(uri, sizeof(uri), "/admin/%s/%lld/revisions/%lld", kind, id,
	         rev);
	CHECK(request("GET", uri, session, NULL, NULL) == 200);
	/* field() answers in one buffer: copy the token first. */
	snprintf(csrf, sizeof(csrf), "%s", field("csrf"));
	if (version == NULL)
		version = field("version");
	if (version[0] == '\0')
		snprintf(form, sizeof(form), "csrf=%s", csrf);
	else
		snprintf(form, sizeof(form), "csrf=%s&version=%s", csrf,
		         version);
	return request("POST", uri, session, NULL, form);
}

/* The same for an article. */
static int
restore(const char *session, long long id, long long rev, const char *version)
{
	return restore_in("articles", session, id, rev, version);
}

static void
test_restore(long long id)
{
	long long rev = revision_id(id, 1), revisions, version;
	char uri[96], location[128];

	/* A stale version: 409, the page again, nothing changed. */
	revisions = revisions_of(id);
	version = version_of(id);
	CHECK(restore(editor, id, rev, "2") == 409);
	CHECK(has(&body, "nothing was restored"));
	CHECK(has(&body, "name=\"version\" value=\"3\""));
	CHECK(has(&body, "<del>Zebra crossing</del>"));
	/* No version, or a malformed one: 400, nothing changed. */
	CHECK(restore(editor, id, rev, "") == 400);
	CHECK(has(&body, "The form was incomplete"));
	CHECK(restore(editor, id, rev, "3x") == 400);
	/* No CSRF token, or a wrong one: 403, nothing changed. */
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/%lld", id,
	         rev);
	CHECK(request("POST", uri, editor, NULL, "version=3") == 403);
	CHECK(request("POST", uri, editor, NULL,
	              "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	              "&version=3") == 403);
	/* No session: the login page (keeping the form), nothing changed. */
	CHECK(request("POST", uri, NULL, NULL, "version=3") == 403);
	CHECK(has(&body, "name=\"form_token\""));
	CHECK(version_of(id) == version);
	CHECK(revisions_of(id) == revisions);
	CHECK(strcmp(query_text("SELECT title FROM articles WHERE slug = "
	                        "'revised-story'"),
	             "Revised story") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'article restored'") == 0);

	/* Restored: a new save of the revision's text. */
	CHECK(restore(editor, id, rev, NULL) == 303);
	snprintf(location, sizeof(location),
	         "Location: /admin/articles/%lld/revisions?restored=1\r\n", id);
	CHECK(has(&head, location));
	CHECK(version_of(id) == version + 1);
	CHECK(revisions_of(id) == revisions + 1);
	CHECK(strcmp(query_text("SELECT title FROM articles WHERE slug = "
	                        "'revised-story'"),
	             "Revised & scripted") == 0);
	CHECK(strcmp(query_text("SELECT excerpt FROM articles WHERE slug = "
	                        "'revised-story'"),
	             "Second excerpt") == 0);
	/* The newest revision is the restored text, by the restorer. */
	CHECK(query_int("SELECT count(*) FROM revisions r JOIN articles a ON "
	                "a.id = r.article_id AND r.body_md = a.body_md AND "
	                "r.title = a.title JOIN users u ON u.id = r.user_id "
	                "WHERE a.slug = 'revised-story' AND u.name = 'alice' "
	                "AND r.id = (SELECT max(id) FROM revisions)") == 1);
	/* The Markdown was rendered again; its raw HTML is dropped. */
	CHECK(query_int("SELECT count(*) FROM articles WHERE slug = "
	                "'revised-story' AND instr(body_html, 'Zebra') > 0 "
	                "AND instr(body_html, '<script') = 0") == 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'article restored' AND detail LIKE 'Revised & "
	                "scripted (revision %'") == 1);
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions?restored=1",
	         id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "role=\"status\">Revision restored"));
	/* Readers see it at once. */
	CHECK(request("GET", "/articles/revised-story", NULL, NULL, NULL) ==
	      200);
	CHECK(has(&body, "Zebra crossing"));
	CHECK(!has(&body, "delta line"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(has(&body, "Revised &amp; scripted"));
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "Revisions (4)</a>"));

	/* Restoring the revision made before it undoes a restore. */
	CHECK(restore(editor, id, revision_id(id, 2), NULL) == 303);
	CHECK(has(&head, location));
	CHECK(strcmp(query_text("SELECT body_md FROM articles WHERE slug = "
	                        "'revised-story'"),
	             "Alpha line\ndelta line\ngamma line\n") == 0);
}

static void
test_roles(long long id)
{
	char uri[96], list[96], form[256];
	long long mine, rev;

	/* A moderator does not see articles at all. */
	snprintf(list, sizeof(list), "/admin/articles/%lld/revisions", id);
	CHECK(request("GET", list, moderator, NULL, NULL) == 403);
	/* No session: to the login page. */
	CHECK(request("GET", list, NULL, NULL, NULL) == 303);
	CHECK(has(&head, "Location: /admin/login\r\n"));
	/* An author, on an editor's article: 403 everywhere. */
	CHECK(request("GET", list, author, NULL, NULL) == 403);
	rev = revision_id(id, 0);
	snprintf(uri, sizeof(uri), "%s/%lld", list, rev);
	CHECK(request("GET", uri, author, NULL, NULL) == 403);
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "csrf=%s&version=%lld", field("csrf"),
	         version_of(id));
	CHECK(request("POST", uri, author, NULL, form) == 403);

	/* An author's own draft: theirs to see and restore. */
	CHECK(post_as(author, "/admin/articles/new",
	              "title=Draft+notes&body=First+draft%0A&state=draft") ==
	      303);
	mine = last_article_id();
	snprintf(uri, sizeof(uri), "/admin/articles/%lld", mine);
	CHECK(post_as(author, uri,
	              "title=Draft+notes&body=Second+draft%0A&state=pending"
	              "&version=1") == 303);
	snprintf(list, sizeof(list), "/admin/articles/%lld/revisions", mine);
	CHECK(request("GET", list, author, NULL, NULL) == 200);
	CHECK(has(&body, "Draft notes"));
	CHECK(restore(author, mine, revision_id(mine, 0), NULL) == 303);
	CHECK(strcmp(query_text("SELECT body_md || state FROM articles WHERE "
	                        "slug = 'draft-notes'"),
	             "First draft\npending") == 0);
	/* Another author: 403, nothing changed. */
	CHECK(request("GET", list, other_author, NULL, NULL) == 403);
	snprintf(uri, sizeof(uri), "%s/%lld", list, revision_id(mine, 1));
	CHECK(request("GET", "/admin", other_author, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "csrf=%s&version=3", field("csrf"));
	CHECK(request("POST", uri, other_author, NULL, form) == 403);
	CHECK(version_of(mine) == 3);
	/* Published by an editor, it is out of the author's hands. */
	sql("UPDATE articles SET state = 'published', published_at = "
	    "unixepoch() WHERE slug = 'draft-notes'");
	CHECK(request("GET", list, author, NULL, NULL) == 403);
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "csrf=%s&version=3", field("csrf"));
	CHECK(request("POST", uri, author, NULL, form) == 403);
	CHECK(version_of(mine) == 3);
	/* An admin may. */
	{
		char *admin = session_of("carol");

		CHECK(request("GET", list, admin, NULL, NULL) == 200);
		free(admin);
	}
}

/* Two editors save from the same version: the second sees how their text
 * differs from the one saved in between. */
static void
test_conflict(long long id)
{
	char uri[64], form[512];
	long long version = version_of(id);

	snprintf(uri, sizeof(uri), "/admin/articles/%lld", id);
	snprintf(form, sizeof(form),
	         "title=Revised+story&slug=revised-story&state=published"
	         "&body=Alpha+line%%0Atheir+line%%0Agamma+line%%0A"
	         "&version=%lld",
	         version);
	CHECK(post_as(editor, uri, form) == 303);
	snprintf(form, sizeof(form),
	         "title=Revised+story&slug=revised-story&state=published"
	         "&body=Alpha+line%%0A%%3Cb%%3Emy%%3C%%2Fb%%3E+line%%0Agamma+"
	         "line%%0A&version=%lld",
	         version);
	CHECK(post_as(editor, uri, form) == 409);
	CHECK(has(&body, "Someone else saved"));
	CHECK(has(&body, "How your text differs from the saved one"));
	CHECK(has(&body, "<del>their line</del>"));
	CHECK(has(&body, "<ins>&lt;b&gt;my&lt;/b&gt; line</ins>"));
	CHECK(has(&body, "class=\"visually-hidden\">only in your text</span>"));
	CHECK(has(&body, "class=\"visually-hidden\">only in the saved "
	                 "text</span>"));
	/* Both texts are still there in full. */
	CHECK(has(&body, ">Alpha line\ntheir line\ngamma line\n</pre>"));
	CHECK(
	    has(&body, "&lt;b&gt;my&lt;/b&gt; line\ngamma line\n</textarea>"));
	CHECK(strcmp(query_text("SELECT body_md FROM articles WHERE slug = "
	                        "'revised-story'"),
	             "Alpha line\ntheir line\ngamma line\n") == 0);
}

/* Long texts: unchanged stretches are folded, a diff past its bounds is
 * shown as a whole and cut after DIFF_SHOW_ROWS lines, and a revision
 * whose account is gone still shows. */
static void
test_long(long long id)
{
	char uri[96];

	sql("UPDATE articles SET body_md = (WITH RECURSIVE n(i) AS (SELECT 1 "
	    "UNION ALL SELECT i + 1 FROM n WHERE i < 20) SELECT "
	    "group_concat('line ' || i, char(10)) || char(10) FROM n) "
	    "WHERE slug = 'revised-story'");
	sql("INSERT INTO revisions (article_id, user_id, title, excerpt, "
	    "body_md, created_at) SELECT id, NULL, title, excerpt, "
	    "replace(body_md, 'line 1' || char(10), 'changed' || char(10)), "
	    "unixepoch() FROM articles WHERE slug = 'revised-story'");
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/%lld", id,
	         query_int("SELECT max(id) FROM revisions"));
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "<del>changed</del>"));
	CHECK(has(&body, "<ins>line 1</ins>"));
	CHECK(has(&body, ">line 4</td>"));
	CHECK(!has(&body, ">line 5</td>"));
	CHECK(has(&body, "<td>Unchanged lines: 16</td>"));
	CHECK(!has(&body, "Saved by"));

	/* 2500 lines against 20 others: past DIFF_MAX_EDITS. */
	sql("INSERT INTO revisions (article_id, user_id, title, excerpt, "
	    "body_md, created_at) SELECT id, NULL, title, excerpt, (WITH "
	    "RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
	    "i < 2500) SELECT group_concat('old ' || i, char(10)) FROM n), "
	    "unixepoch() FROM articles WHERE slug = 'revised-story'");
	snprintf(uri, sizeof(uri), "/admin/articles/%lld/revisions/%lld", id,
	         query_int("SELECT max(id) FROM revisions"));
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "Too many changes to match line by line"));
	CHECK(has(&body, "<del>old 2000</del>"));
	CHECK(!has(&body, "<del>old 2001</del>"));
	CHECK(has(&body, "<td>Lines not shown: 520</td>"));
}

/*
 * A page's revisions: the same list, comparison and restore as an
 * article's, at /admin/pages/{id}/revisions, with no excerpt; editors and
 * admins only; a revision of another page or of an article is 404.
 */
static void
test_pages(void)
{
	char uri[96], q[160];
	long long id, rev, version;

	CHECK(post_as(editor, "/admin/pages/new",
	              "title=Our+mission&slug=our-mission&edition=1"
	              "&body=First+aim%0Asecond+aim%0A&state=published") ==
	      303);
	id = query_int("SELECT id FROM pages WHERE slug = 'our-mission'");
	snprintf(uri, sizeof(uri), "/admin/pages/%lld", id);
	CHECK(post_as(editor, uri,
	              "title=Our+%3Cmission%3E&slug=our-mission&edition=1"
	              "&body=First+aim%0AHarbour+lights%0A&state=published"
	              "&version=1") == 303);
	CHECK(post_as(editor, uri,
	              "title=Our+mission&slug=our-mission&edition=1"
	              "&body=First+aim%0Athird+aim%0A&state=published"
	              "&version=2") == 303);
	/* The editor's link and the list, newest first, current marked. */
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	snprintf(q, sizeof(q),
	         "href=\"/admin/pages/%lld/revisions\">"
	         "Revisions (3)</a>",
	         id);
	CHECK(has(&body, q));
	snprintf(uri, sizeof(uri), "/admin/pages/%lld/revisions", id);
	CHECK(request("GET", uri, editor, NULL, NULL) == 200);
	CHECK(has(&body, "<strong>(current)</strong>"));
	CHECK(has(&body, "Our &lt;mission&gt;"));
	rev = revision_id_in("page_revisions", "page_id", id, 1);
	snprintf(q, sizeof(q), "/admin/pages/%lld/revisions/%lld", id, rev);
	CHECK(has(&body, q));
	/* One revision compared: title and body, no excerpt. */
	CHECK(request("GET", q, editor, NULL, NULL) == 200);
	CHECK(has(&body, "<del>Harbour lights</del>"));
	CHECK(has(&body, "<ins>third aim</ins>"));
	CHECK(!has(&body, "id=\"diff-excerpt\""));
	/* Authors and moderators: 403; another page's revision under this
	 * page, and a page that is not there: 404. */
	CHECK(request("GET", q, author, NULL, NULL) == 403);
	CHECK(request("GET", q, moderator, NULL, NULL) == 403);
	CHECK(post_as(editor, "/admin/pages/new",
	              "title=Other+page&slug=other-page&edition=1"
	              "&body=Else&state=draft") == 303);
	snprintf(uri, sizeof(uri), "/admin/pages/%lld/revisions/%lld", id,
	         query_int("SELECT max(id) FROM page_revisions"));
	CHECK(request("GET", uri, editor, NULL, NULL) == 404);
	snprintf(uri, sizeof(uri), "/admin/pages/%lld/revisions/%lld",
	         id + 1000, rev);
	CHECK(request("GET", uri, editor, NULL, NULL) == 404);
	/* A stale version: 409, nothing changed. */
	version = query_int("SELECT version FROM pages WHERE slug = "
	                    "'our-mission'");
	CHECK(restore_in("pages", editor, id, rev, "1") == 409);
	CHECK(query_int("SELECT version FROM pages WHERE slug = "
	                "'our-mission'") == version);
	/* Restored: a new save, a new revision, audited, public at once. */
	CHECK(restore_in("pages", editor, id, rev, NULL) == 303);
	snprintf(q, sizeof(q),
	         "Location: /admin/pages/%lld/revisions?restored=1\r\n", id);
	CHECK(has(&head, q));
	CHECK(query_int("SELECT version FROM pages WHERE slug = "
	                "'our-mission'") == version + 1);
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM page_revisions WHERE page_id = %lld",
	         id);
	CHECK(query_int(q) == 4);
	CHECK(strcmp(query_text("SELECT title FROM pages WHERE slug = "
	                        "'our-mission'"),
	             "Our <mission>") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'page restored' AND detail LIKE 'Our <mission> "
	                "(revision %'") == 1);
	CHECK(request("GET", "/our-mission", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Harbour lights"));
	CHECK(!has(&body, "third aim"));
}

int
main(void)
{
	long long id;

	staff_start();

	sessions();
	id = three_saves();
	test_list(id);
	test_show(id);
	test_restore(id);
	test_roles(id);
	test_conflict(id);
	test_long(id);
	test_pages();

	free(editor);
	free(author);
	free(other_author);
	free(moderator);
	driver_stop();
	TEST_DONE();
}
