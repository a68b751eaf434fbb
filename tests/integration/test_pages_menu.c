/*
 * test_pages_menu.c: the pages editor and the menu editor through the real
 * request path: who may use them (admins and editors; authors and
 * moderators 403, no session to the login page, no CSRF token 403), a
 * page written, previewed, published, renamed (the old address 301s),
 * refused (reserved, duplicate or bad slug, stale version, bad fields)
 * and trashed; the menu edited through its own form as a browser sends
 * it, shown on the public site at the next request, refused whole for
 * one bad row, and escaped wherever a label appears.
 */
#include <time.h>

#include "db/page_admin_db.h"
#include "driver.h"
#include "staff.h"
#include "form.h"

/*
 * Returns "what-ID" for the English menu's item labelled label (which
 * holds no apostrophe), or its id alone when what is NULL.
 */
static const char *
item_field(const char *what, const char *label)
{
	static char out[4][64];
	static int next;
	char q[256];
	char *s = out[next++ % 4];
	long long id;

	snprintf(q, sizeof(q),
	         "SELECT id FROM menu_items WHERE menu_id = 1 AND label = '%s'",
	         label);
	id = query_int(q);
	CHECK(id > 0);
	if (what == NULL)
		snprintf(s, sizeof(out[0]), "%lld", id);
	else
		snprintf(s, sizeof(out[0]), "%s-%lld", what, id);
	return s;
}

/* Returns where needle first is in the last body, or -1. */
static long
at(const char *needle)
{
	const char *p = body.data ? strstr(body.data, needle) : NULL;

	return p ? (long)(p - body.data) : -1;
}

static void
test_access(void)
{
	char *author = session_of("erin"), *moderator = session_of("dave");
	char *editor = session_of("alice");
	long long pages = query_int("SELECT count(*) FROM pages");
	long long items =
	    query_int("SELECT count(*) FROM menu_items WHERE menu_id = 1");
	static const char *const gets[] = {"/admin/pages", "/admin/pages/new",
	                                   "/admin/pages/1", "/admin/menu"};

	for (size_t i = 0; i < sizeof(gets) / sizeof(gets[0]); i++) {
		/* No session: to the login page. */
		CHECK(request("GET", gets[i], NULL, NULL, NULL) == 303);
		CHECK(has(&head, "Location: /admin/login\r\n"));
		CHECK(request("GET", gets[i], author, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], moderator, NULL, NULL) == 403);
		CHECK(request("GET", gets[i], editor, NULL, NULL) == 200);
	}
	/* Pages and Menu are in the bar of those who may open them. */
	CHECK(has(&body, "<a href=\"/admin/pages\">Pages</a>"));
	CHECK(has(&body, "<a href=\"/admin/menu\">Menu</a>"));
	CHECK(request("GET", "/admin", author, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/pages"));
	CHECK(!has(&body, "/admin/menu"));

	/* Authors and moderators cannot write, with a valid token either. */
	CHECK(post_as(author, "/admin/pages/new",
	              "title=Mine&state=draft&body=x") == 403);
	CHECK(post_as(moderator, "/admin/pages/new",
	              "title=Mine&state=draft&body=x") == 403);
	CHECK(post_as(author, "/admin/pages/1",
	              "title=Mine&state=draft&body=x&version=1") == 403);
	CHECK(post_as(author, "/admin/menu",
	              "edition=en&label-new1=X&url-new1=/x") == 403);
	CHECK(post_as(moderator, "/admin/menu",
	              "edition=en&label-new1=X&url-new1=/x") == 403);
	/* No CSRF token, or a wrong one: 403. */
	CHECK(request("POST", "/admin/pages/new", editor, NULL,
	              "title=No+token&state=draft") == 403);
	CHECK(request("POST", "/admin/menu", editor, NULL,
	              "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&"
	              "edition=en&label-new1=X&url-new1=/x") == 403);
	/* No session: the login page keeps the form; nothing is done. */
	CHECK(request("POST", "/admin/menu", NULL, NULL,
	              "csrf=x&edition=en&label-new1=X&url-new1=/x") == 403);
	CHECK(has(&body, "name=\"form_token\""));
	CHECK(query_int("SELECT count(*) FROM pages") == pages);
	CHECK(query_int("SELECT count(*) FROM menu_items WHERE menu_id = 1") ==
	      items);
	free(author);
	free(moderator);
	free(editor);
}

static void
test_pages(void)
{
	char *editor = session_of("alice"), uri[64], form[1024];
	long long id, contact, pages = query_int("SELECT count(*) FROM pages");

	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	CHECK(has(&body, ">About us</a>"));
	CHECK(has(&body, "<a href=\"/about\" dir=\"auto\">/about</a>"));
	CHECK(request("GET", "/admin/pages?state=bogus", editor, NULL, NULL) ==
	      400);
	CHECK(request("GET", "/admin/pages/new", editor, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"body\""));
	CHECK(has(&body, "<option value=\"trash\">Trash</option>"));
	CHECK(!has(&body, "value=\"pending\""));

	/* A preview renders and saves nothing. */
	CHECK(post_as(editor, "/admin/pages/new",
	              "title=Our+team&body=%23%23+Heading%0A%0AWe+are+*many*."
	              "&state=draft&action=preview") == 200);
	CHECK(has(&body, "<h2>Heading</h2>"));
	CHECK(has(&body, "<em>many</em>"));
	CHECK(has(&body, "We are *many*.</textarea>"));
	CHECK(query_int("SELECT count(*) FROM pages") == pages);

	/* A draft: the slug comes from the title; readers do not see it. */
	CHECK(post_as(editor, "/admin/pages/new",
	              "title=Our+team&body=We+are+*many*.&state=draft"
	              "&action=save") == 303);
	id = query_int("SELECT max(id) FROM pages");
	snprintf(uri, sizeof(uri), "/admin/pages/%lld", id);
	snprintf(form, sizeof(form), "Location: %s?saved=1\r\n", uri);
	CHECK(has(&head, form));
	CHECK(query_int("SELECT count(*) FROM pages WHERE slug = 'our-team' "
	                "AND state = 'draft' AND version = 1 AND updated_by = "
	                "(SELECT id FROM users WHERE name = 'alice')") == 1);
	CHECK(request("GET", "/our-team", NULL, NULL, NULL) == 404);

	/* Published: at /our-team at once. */
	CHECK(post_as(editor, uri,
	              "title=Our+team&slug=our-team&body=We+are+*many*."
	              "&state=published&edition=1&version=1") == 303);
	CHECK(request("GET", "/our-team", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<h1 dir=\"auto\">Our team</h1>"));
	CHECK(has(&body, "<em>many</em>"));
	CHECK(has(&body, "<title>Our team \xe2\x80\x93 "));
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'page published' AND detail = 'Our team'") == 1);
	snprintf(form, sizeof(form), "%s?saved=1", uri);
	CHECK(request("GET", form, editor, NULL, NULL) == 200);
	CHECK(has(&body, "role=\"status\">Saved. <a href=\"/our-team\">View"));
	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	CHECK(has(&body, "<a href=\"/our-team\" dir=\"auto\">/our-team</a>"));
	CHECK(has(&body, "Alice, "));

	/* Two editors from version 2: the second save is refused. */
	CHECK(post_as(editor, uri,
	              "title=First+save&slug=our-team&body=One"
	              "&state=published&version=2") == 303);
	CHECK(post_as(editor, uri,
	              "title=Second+save&slug=our-team&body=Two"
	              "&state=published&version=2") == 409);
	CHECK(has(&body, "Someone else saved this page"));
	CHECK(has(&body, ">Two</textarea>"));
	CHECK(has(&body, ">One</pre>"));
	CHECK(has(&body, "name=\"version\" value=\"3\""));
	CHECK(query_int("SELECT count(*) FROM pages WHERE id = (SELECT "
	                "max(id) FROM pages) AND title = 'First save' AND "
	                "body_md = 'One' AND version = 3") == 1);

	/* A new slug: the old address answers 301. */
	CHECK(post_as(editor, uri,
	              "title=Our+people&slug=our-people&body=One"
	              "&state=published&version=3") == 303);
	CHECK(request("GET", "/our-team", NULL, NULL, NULL) == 301);
	CHECK(has(&head, "Location: /our-people\r\n"));
	CHECK(request("GET", "/our-people", NULL, NULL, NULL) == 200);

	/* Refused: the form again with a message, nothing changed. */
	{
		static const struct {
			const char *form, *message;
		} bad[] = {
		    {"title=X&slug=admin", "first part of one of the site"},
		    {"title=X&slug=articles", "first part of one of the site"},
		    {"title=X&slug=tag", "first part of one of the site"},
		    {"title=X&slug=search", "first part of one of the site"},
		    /* /contact shows the page "contact" above its form. */
		    {"title=X&slug=contact", "Another page of this edition"},
		    {"title=X&slug=media", "first part of one of the site"},
		    {"title=X&slug=page", "first part of one of the site"},
		    {"title=X&slug=feed", "first part of one of the site"},
		    {"title=X&slug=ar", "first part of one of the site"},
		    {"title=Admin", "first part of one of the site"},
		    {"title=X&slug=about", "Another page of this edition"},
		    {"title=X&slug=Not+A+Slug", "That slug is not valid"},
		    {"title=&slug=x", "A title is needed"},
		    {"title=X&slug=x&edition=99", "Choose one of the editions"},
		    {"title=X&slug=x&edition=abc",
		     "Choose one of the editions"},
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			snprintf(form, sizeof(form),
			         "%s&body=Kept+text&state=published&version=4",
			         bad[i].form);
			CHECK(post_as(editor, uri, form) == 400);
			CHECK(has(&body, bad[i].message));
			CHECK(has(&body, ">Kept text</textarea>"));
		}
		/* A bad slug comes back as typed. */
		CHECK(
		    post_as(editor, uri,
		            "title=X&slug=Not+A+Slug&state=draft&version=4") ==
		    400);
		CHECK(has(&body, "name=\"slug\" type=\"text\" value=\"Not A "
		                 "Slug\""));
		CHECK(post_as(editor, uri,
		              "title=X&slug=x&state=pending&version=4") == 400);
		CHECK(has(&body, "Choose draft, published or trash."));
		CHECK(query_int("SELECT count(*) FROM pages WHERE slug = "
		                "'our-people' AND version = 4") == 1);
		/* New pages too. */
		CHECK(post_as(editor, "/admin/pages/new",
		              "title=Search&state=draft") == 400);
		CHECK(post_as(editor, "/admin/pages/new",
		              "title=X&slug=about&state=draft") == 400);
		CHECK(query_int("SELECT count(*) FROM pages") == pages + 1);
	}
	/* The same slug in another edition is another address (every
	 * edition of the demo has an About page). */
	CHECK(query_int("SELECT count(*) FROM pages WHERE slug = 'about'") ==
	      4);
	sql("DELETE FROM pages WHERE slug = 'about' AND edition_id = 2");
	CHECK(post_as(editor, "/admin/pages/new",
	              "title=About&slug=about&state=draft&edition=2") == 303);
	CHECK(query_int("SELECT count(*) FROM pages WHERE slug = 'about'") ==
	      4);
	/* A page that had a reserved slug before keeps it. */
	contact = query_int("SELECT id FROM pages WHERE slug = 'contact'");
	snprintf(uri, sizeof(uri), "/admin/pages/%lld", contact);
	CHECK(post_as(editor, uri,
	              "title=Contact+us&slug=contact&body=Write+to+us."
	              "&state=published&version=1") == 303);
	CHECK(request("GET", "/contact", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "Write to us."));

	/* A title is text wherever it shows. */
	snprintf(uri, sizeof(uri), "/admin/pages/%lld", id);
	CHECK(post_as(editor, uri,
	              "title=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%26+Co"
	              "&slug=our-people&body=One&state=published"
	              "&version=4") == 303);
	CHECK(request("GET", "/our-people", NULL, NULL, NULL) == 200);
	CHECK(
	    has(&body,
	        "<h1 dir=\"auto\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	        "Co</h1>"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	CHECK(
	    has(&body, ">&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</a>"));
	CHECK(!has(&body, "<script>alert"));

	/* The trash: gone from the site and the list, kept 30 days. */
	CHECK(post_as(editor, uri,
	              "title=Our+people&slug=our-people&body=One"
	              "&state=trash&version=5") == 303);
	CHECK(request("GET", "/our-people", NULL, NULL, NULL) == 404);
	CHECK(request("GET", "/our-team", NULL, NULL, NULL) == 404);
	CHECK(request("GET", "/admin/pages", editor, NULL, NULL) == 200);
	CHECK(!has(&body, ">Our people</a>"));
	CHECK(request("GET", "/admin/pages?state=trash", editor, NULL, NULL) ==
	      200);
	CHECK(has(&body, ">Our people</a>"));
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'page trashed'") == 1);
	CHECK(query_int("SELECT count(*) FROM page_revisions WHERE page_id = "
	                "(SELECT id FROM pages WHERE slug = 'our-people')") ==
	      6);
	{
		struct db *db = NULL;

		sql("UPDATE pages SET trashed_at = unixepoch() - 31 * 86400 "
		    "WHERE slug = 'our-people'");
		CHECK(db_open(getenv("TEST_DB"), &db) == 0);
		CHECK(edit_db_purge_trash(db, EDIT_PAGES, (long long)time(NULL),
		                          30 * 86400LL) == 1);
		db_close(db);
		CHECK(query_int("SELECT count(*) FROM pages WHERE slug = "
		                "'our-people'") == 0);
		CHECK(
		    query_int("SELECT count(*) FROM page_revisions r LEFT "
		              "JOIN pages p ON p.id = r.page_id WHERE p.id IS "
		              "NULL") == 0);
		CHECK(query_int("SELECT count(*) FROM page_old_slugs") == 0);
	}
	free(editor);
}

static void
test_menu(void)
{
	char *editor = session_of("alice"), *admin = session_of("carol");
	struct form f;
	long long items =
	    query_int("SELECT count(*) FROM menu_items WHERE menu_id = 1");
	long long news = query_int("SELECT id FROM menu_items WHERE label = "
	                           "'News' AND menu_id = 1");
	char news_id[24];

	snprintf(news_id, sizeof(news_id), "%lld", news);
	CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"Families&#39; Voices\""));
	/* 17 items (with the Editions entry): room for two more. */
	CHECK(has(&body, "name=\"label-new1\""));
	CHECK(has(&body, "name=\"label-new2\""));
	CHECK(!has(&body, "name=\"label-new3\""));
	/* Sub-items follow their top item, indented. */
	CHECK(at("value=\"News\"") < at("value=\"Field Reports\""));
	CHECK(at("value=\"Field Reports\"") <
	      at("value=\"Families&#39; Voices\""));
	CHECK(at("value=\"Families&#39; Voices\"") <
	      at("value=\"Open Letters\""));
	CHECK(has(&body, "<tr class=\"sub\">"));
	CHECK(request("GET", "/admin/menu?edition=xx", editor, NULL, NULL) ==
	      400);

	/* A top item and a sub-item under News, through the form. */
	CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/menu");
	CHECK(f.n > 4 * (size_t)items);
	form_set(&f, "label-new1", "Donate");
	form_set(&f, "url-new1", "https://example.org/donate");
	form_set(&f, "position-new1", "9");
	form_set(&f, "label-new2", "Field Notes");
	form_set(&f, "url-new2", "/tag/field-notes");
	form_set(&f, "parent-new2", news_id);
	CHECK(form_post(editor, "/admin/menu", &f) == 303);
	CHECK(has(&head, "Location: /admin/menu?edition=en&saved=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM menu_items WHERE menu_id = 1") ==
	      items + 2);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'menu changed' AND detail = 'en'") == 1);
	/* The public header has them at the next request, in order. */
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<li><a href=\"https://example.org/donate\">Donate"
	                 "</a></li>"));
	CHECK(at(">Contact us</a>") < at(">Donate</a>"));
	CHECK(has(&body, "<li><a href=\"/tag/field-notes\">Field Notes</a>"
	                 "</li></ul></li>"));
	CHECK(at(">News</a>") < at(">Field Reports</a>"));
	CHECK(at(">Families&#39; Voices</a>") < at(">Field Notes</a>"));
	CHECK(at(">Field Notes</a>") < at(">Open Letters</a>"));
	CHECK(request("GET", "/admin/menu?saved=1", editor, NULL, NULL) == 200);
	CHECK(has(&body, "role=\"status\">Saved."));
	/* The new sub-item went after the last one of News. */
	CHECK(query_int("SELECT position FROM menu_items WHERE label = "
	                "'Field Notes'") == 2);

	/* One bad row: 400, messages on that row, nothing saved. */
	{
		static const struct {
			const char *field, *label, *value, *message;
		} bad[] = {
		    {"url", "News", "javascript:alert(1)", "Give a site path"},
		    {"url", "News", "JavaScript:alert(1)", "Give a site path"},
		    {"url", "News", "data:text/html,x", "Give a site path"},
		    {"url", "News", "//evil.example/", "Give a site path"},
		    {"url", "News", "/\\evil.example/", "Give a site path"},
		    {"url", "News", "http://", "Give a site path"},
		    {"url", "News", "/a b", "Give a site path"},
		    {"url", "News", "", "Give a site path"},
		    {"label", "News", " ", "A label is needed"},
		    {"position", "News", "x1", "a whole number"},
		    {"position", "News", "10000", "a whole number"},
		    {"parent", "News", "abc", "The parent must be another"},
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			CHECK(request("GET", "/admin/menu", editor, NULL,
			              NULL) == 200);
			form_scrape(&f, "/admin/menu");
			form_set(&f, "label-new1", "Also new");
			form_set(&f, "url-new1", "/also-new");
			form_set(&f, item_field("label", "Open Letters"),
			         "Renamed");
			form_set(&f, item_field(bad[i].field, bad[i].label),
			         bad[i].value);
			CHECK(form_post(editor, "/admin/menu", &f) == 400);
			CHECK(has(&body, bad[i].message));
			CHECK(has(&body, "nothing was saved"));
			CHECK(has(&body, "aria-invalid=\"true\""));
			/* The form comes back as it was sent. */
			CHECK(has(&body, "value=\"Also new\""));
			CHECK(has(&body, "value=\"Renamed\""));
			if (strcmp(bad[i].field, "parent") != 0) {
				char shown[96];

				snprintf(shown, sizeof(shown), "value=\"%s\"",
				         bad[i].value);
				CHECK(has(&body, shown));
			}
		}
		CHECK(
		    query_int(
		        "SELECT count(*) FROM menu_items WHERE menu_id = 1") ==
		    items + 2);
		CHECK(query_int("SELECT count(*) FROM menu_items WHERE label "
		                "IN ('Renamed', 'Also new')") == 0);
		CHECK(query_int("SELECT count(*) FROM menu_items WHERE label = "
		                "'News' AND url = '/category/news' AND "
		                "position = 1") == 1);
		/* A sub-item cannot be a parent, nor an item its own. */
		CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
		form_scrape(&f, "/admin/menu");
		form_set(&f, item_field("parent", "Open Letters"),
		         item_field(NULL, "Field Reports"));
		CHECK(form_post(editor, "/admin/menu", &f) == 400);
		CHECK(has(&body, "The parent must be another item"));
		CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
		form_scrape(&f, "/admin/menu");
		form_set(&f, item_field("parent", "Open Letters"),
		         item_field(NULL, "Open Letters"));
		CHECK(form_post(editor, "/admin/menu", &f) == 400);
		/* A half-filled new row. */
		CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
		form_scrape(&f, "/admin/menu");
		form_set(&f, "label-new1", "No address");
		CHECK(form_post(editor, "/admin/menu", &f) == 400);
		/* Not this editor's form at all. */
		CHECK(post_as(editor, "/admin/menu",
		              "edition=en&label-x=1&url-x=/x") == 400);
		CHECK(post_as(editor, "/admin/menu",
		              "edition=zz&label-new1=1&url-new1=/x") == 400);
		CHECK(
		    query_int(
		        "SELECT count(*) FROM menu_items WHERE menu_id = 1") ==
		    items + 2);
	}

	/* A label is text on the public site and in the admin. */
	CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/menu");
	form_set(&f, item_field("label", "Donate"),
	         "<script>alert(1)</script> & \"Give\"");
	CHECK(form_post(editor, "/admin/menu", &f) == 303);
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, ">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                 "&quot;Give&quot;</a>"));
	CHECK(!has(&body, "<script>alert"));
	CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"&lt;script&gt;alert(1)&lt;/script&gt; "
	                 "&amp; &quot;Give&quot;\""));
	CHECK(has(&body, ">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	                 "&quot;Give&quot;</option>"));
	CHECK(!has(&body, "<script>alert"));

	/* Deleting an item; the public menu loses it at once. */
	form_scrape(&f, "/admin/menu");
	form_set(&f,
	         item_field("delete", "<script>alert(1)</script> & \"Give\""),
	         "1");
	CHECK(form_post(editor, "/admin/menu", &f) == 303);
	CHECK(query_int("SELECT count(*) FROM menu_items WHERE menu_id = 1") ==
	      items + 1);
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(!has(&body, "example.org/donate"));

	/* Someone else changed the menu meanwhile: 409, nothing saved. */
	CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/menu");
	form_set(&f, item_field("label", "Open Letters"), "Letters");
	sql("DELETE FROM menu_items WHERE label = 'Field Notes'");
	CHECK(form_post(editor, "/admin/menu", &f) == 409);
	CHECK(has(&body, "Someone else changed the menu"));
	CHECK(!has(&body, "value=\"Field Notes\""));
	CHECK(query_int("SELECT count(*) FROM menu_items WHERE label = "
	                "'Letters'") == 0);

	/* Deleting a top item moves its sub-items up. */
	CHECK(request("GET", "/admin/menu", editor, NULL, NULL) == 200);
	form_scrape(&f, "/admin/menu");
	form_set(&f, item_field("delete", "News"), "1");
	CHECK(form_post(editor, "/admin/menu", &f) == 303);
	CHECK(query_int("SELECT count(*) FROM menu_items WHERE label IN "
	                "('Field Reports', 'Families'' Voices') AND "
	                "parent_id IS NULL") == 2);
	CHECK(request("GET", "/", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "<li><a href=\"/category/families-voices\">Families"
	                 "&#39; Voices</a></li>\n"));

	/* Another edition's menu (the demo's, from starter_editions.sql). */
	items = query_int("SELECT count(*) FROM menu_items i JOIN menus m ON "
	                  "m.id = i.menu_id WHERE m.edition_id = 2");
	CHECK(request("GET", "/admin/menu?edition=ar", admin, NULL, NULL) ==
	      200);
	CHECK(has(&body, "<h1>Main menu &middot; \xd8\xb9\xd8\xb1\xd8\xa8"
	                 "\xd9\x8a</h1>")); /* عربي */
	form_scrape(&f, "/admin/menu");
	CHECK(strcmp(f.value[1], "ar") == 0);
	form_set(&f, "label-new1",
	         "\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a"
	         "\xd8\xb3\xd9\x8a\xd8\xa9");
	form_set(&f, "url-new1", "/");
	CHECK(form_post(admin, "/admin/menu", &f) == 303);
	CHECK(has(&head, "Location: /admin/menu?edition=ar&saved=1\r\n"));
	CHECK(query_int("SELECT count(*) FROM menu_items i JOIN menus m ON "
	                "m.id = i.menu_id WHERE m.edition_id = 2") ==
	      items + 1);
	free(editor);
	free(admin);
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"},
	    {"carol", "Carol", "admin"},
	    {"dave", "Dave", "moderator"},
	    {"erin", "Erin", "author"},
	};

	driver_create();
	staff_create(accounts, sizeof(accounts) / sizeof(accounts[0]));
	driver_start();

	test_access();
	test_pages();
	test_menu();

	driver_stop();
	TEST_DONE();
}
