/*
 * test_admin_language.c: the admin area in each staff member's own
 * language (sql/031_admin_language.sql), through the real request path:
 * choosing an edition on the account page (CSRF, unknown or malformed
 * choices refused with nothing changed, audited), the admin pages of that
 * account then in the edition's strings with its lang and dir while
 * another account's stay English, pages before sign-in and the public
 * site in the default edition, new articles still in the default edition,
 * and choosing English back.  The Arabic strings the test reads are set
 * here, so that it does not depend on i18n/ar.tsv.
 */
#include <stdio.h>

#include "driver.h"
#include "staff.h"
#include "form.h"

#define ARABIC_DASHBOARD "\xd9\x84\xd9\x88\xd8\xad\xd8\xa9 ADMINLANG-AR"
#define FARSI_DASHBOARD                                                        \
	"\xd9\xbe\xdb\x8c\xd8\xb4\xd8\xae\xd9\x88\xd8\xa7\xd9\x86 "            \
	"ADMINLANG-FA"

/* Returns alice's stored admin edition: its id, 0 for NULL. */
static long long
alice_edition(void)
{
	return query_int("SELECT coalesce(admin_edition_id, 0) FROM users "
	                 "WHERE name = 'alice'");
}

/* Returns how many times the admin language was set. */
static long long
audited(void)
{
	return query_int("SELECT count(*) FROM audit_log "
	                 "WHERE action = 'admin language set'");
}

/* Asserts the last page's <html> is in lang and dir. */
static void
html_in(const char *lang, const char *dir)
{
	char want[64];

	snprintf(want, sizeof(want), "<html lang=\"%s\" dir=\"%s\">", lang,
	         dir);
	CHECK(has(&body, want));
}

/* Refused choices: 400 with the account page again, nothing changed. */
static void
test_refused(const char *alice)
{
	static const char *const bad[] = {
	    "edition=99", "edition=abc", "edition=", "edition=0",
	    "edition=-2", "edition=2x",  "other=2",
	};
	long long before = alice_edition(), n = audited();

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(post_as(alice, "/admin/account/language", bad[i]) == 400);
		CHECK(has(&body, "action=\"/admin/account/language\""));
		CHECK(has(&body, "class=\"message\" role=\"alert\""));
		CHECK(alice_edition() == before);
	}
	/* CSRF: none, or another's. */
	CHECK(request("POST", "/admin/account/language", alice, NULL,
	              "edition=3") == 403);
	CHECK(request("POST", "/admin/account/language", alice, NULL,
	              "csrf=AAAA&edition=3") == 403);
	CHECK(alice_edition() == before);
	/* Signed out: the login page (the form kept), nothing changed. */
	CHECK(request("POST", "/admin/account/language", NULL, NULL,
	              "edition=3") == 403);
	html_in("en", "ltr");
	CHECK(has(&body, "action=\"/admin/login\""));
	CHECK(alice_edition() == before);
	CHECK(audited() == n);
}

/* A new article of an Arabic admin is still in the default edition, and
 * the menu and categories it starts from are the default edition's. */
static void
test_new_article(const char *alice)
{
	struct form f;

	CHECK(request("GET", "/admin/articles/new", alice, NULL, NULL) == 200);
	html_in("ar", "rtl");
	form_scrape(&f, "/admin/articles/new");
	CHECK(form_get(&f, "edition") != NULL &&
	      strcmp(form_get(&f, "edition"), "1") == 0);
	form_set(&f, "title", "Written in an Arabic admin");
	form_set(&f, "slug", "");
	form_set(&f, "action", "save");
	/* Without the field too: the default edition, not the admin's. */
	form_unset(&f, "edition");
	CHECK(form_post(alice, "/admin/articles/new", &f) == 303);
	CHECK(query_int("SELECT edition_id FROM articles WHERE title = "
	                "'Written in an Arabic admin'") == 1);
	/* The menu editor and the category list start there too. */
	CHECK(request("GET", "/admin/menu", alice, NULL, NULL) == 200);
	CHECK(has(&body, "<input type=\"hidden\" name=\"edition\" "
	                 "value=\"en\">"));
	CHECK(request("GET", "/admin/categories", alice, NULL, NULL) == 200);
	CHECK(has(&body, "<input type=\"hidden\" name=\"edition\" "
	                 "value=\"1\">"));
}

int
main(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"},
	    {"bob", "Bob", "author"},
	};
	char *alice, *bob, form[64];

	driver_create();
	staff_create(accounts, 2);
	sql("INSERT OR REPLACE INTO edition_strings (edition_id, key, value) "
	    "VALUES (2, 'dashboard', '" ARABIC_DASHBOARD "'), "
	    "(3, 'dashboard', '" FARSI_DASHBOARD "')");
	driver_start();

	/* Before sign-in: the default edition. */
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	html_in("en", "ltr");
	alice = session_of("alice");
	bob = session_of("bob");

	/* The default: English, and the choice offered by edition names. */
	CHECK(request("GET", "/admin", alice, NULL, NULL) == 200);
	html_in("en", "ltr");
	CHECK(has(&body, "Dashboard"));
	CHECK(request("GET", "/admin/account", alice, NULL, NULL) == 200);
	CHECK(has(&body, "<option value=\"1\" selected>English</option>"));
	CHECK(has(&body, "<option value=\"2\">"));
	CHECK(has(&body, "<option value=\"4\">Shqip</option>"));
	CHECK(alice_edition() == 0);

	/* Alice chooses Arabic. */
	CHECK(post_as(alice, "/admin/account/language", "edition=2") == 303);
	CHECK(strcmp(header("Location"), "/admin/account") == 0);
	CHECK(alice_edition() == 2);
	CHECK(audited() == 1);
	CHECK(strcmp(query_text("SELECT detail FROM audit_log WHERE action = "
	                        "'admin language set'"),
	             "ar") == 0);
	CHECK(request("GET", "/admin", alice, NULL, NULL) == 200);
	html_in("ar", "rtl");
	CHECK(has(&body, ARABIC_DASHBOARD));
	CHECK(!has(&body, "<title>Dashboard"));
	CHECK(request("GET", "/admin/account", alice, NULL, NULL) == 200);
	html_in("ar", "rtl");
	CHECK(has(&body, "<option value=\"2\" selected>"));

	/* Bob stays English. */
	CHECK(request("GET", "/admin", bob, NULL, NULL) == 200);
	html_in("en", "ltr");
	CHECK(has(&body, "Dashboard"));
	CHECK(!has(&body, ARABIC_DASHBOARD));

	/* The public site and the login page are not the admin area. */
	CHECK(request("GET", "/", alice, NULL, NULL) == 200);
	html_in("en", "ltr");
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	html_in("en", "ltr");
	CHECK(!has(&body, ARABIC_DASHBOARD));
	CHECK(request("GET", "/admin/lost-password", NULL, NULL, NULL) == 200);
	html_in("en", "ltr");

	test_refused(alice);
	test_new_article(alice);

	/* Farsi, then English back (stored as none: the default). */
	CHECK(post_as(alice, "/admin/account/language", "edition=3") == 303);
	CHECK(alice_edition() == 3);
	CHECK(request("GET", "/admin", alice, NULL, NULL) == 200);
	html_in("fa", "rtl");
	CHECK(has(&body, FARSI_DASHBOARD));
	snprintf(form, sizeof(form), "edition=%lld",
	         query_int("SELECT id FROM editions WHERE prefix = ''"));
	CHECK(post_as(alice, "/admin/account/language", form) == 303);
	CHECK(query_int("SELECT admin_edition_id IS NULL FROM users WHERE "
	                "name = 'alice'") == 1);
	CHECK(audited() == 3);
	CHECK(request("GET", "/admin", alice, NULL, NULL) == 200);
	html_in("en", "ltr");
	CHECK(has(&body, "Dashboard"));
	CHECK(!has(&body, ARABIC_DASHBOARD) && !has(&body, FARSI_DASHBOARD));

	/* Albanian for Bob; a stored edition the site no longer has (the
	 * app never deletes one) falls back to the default. */
	CHECK(post_as(bob, "/admin/account/language", "edition=4") == 303);
	CHECK(request("GET", "/admin", bob, NULL, NULL) == 200);
	html_in("sq", "ltr");
	sql("UPDATE users SET admin_edition_id = 99 WHERE name = 'bob'");
	CHECK(request("GET", "/admin", bob, NULL, NULL) == 200);
	html_in("en", "ltr");

	free(alice);
	free(bob);
	driver_stop();
	TEST_DONE();
}
