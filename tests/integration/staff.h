/*
 * staff.h: what the integration tests of the admin area share, on top of
 * driver.h: a request as a browser sends it (from one IPv6 address, with a
 * cookie, an Origin, a form) that keeps the last Set-Cookie, the value of
 * a hidden field of the last page, signing in through the real login
 * form, and posting a form with the session's CSRF token.  Include it
 * after driver.h, once, in a test program whose accounts have the
 * password PASSWORD and whose form_min_seconds setting is 0.
 */
#ifndef GAZETTE_TEST_STAFF_H
#define GAZETTE_TEST_STAFF_H

#include <stdio.h>

#include "auth/password.h"
#include "db/user_db.h"
#include "driver.h"

static char cookie[256]; /* "NAME=VALUE" of the last Set-Cookie */

/* Every account the tests make has this password. */
#define PASSWORD "correct horse battery staple"

/* An account to make: name, display name, role. */
struct staff_account {
	const char *name;
	const char *display_name;
	const char *role;
};

/*
 * Makes the accounts (all with PASSWORD) in the database of
 * driver_create(), before driver_start(), and lets staff forms be sent
 * at once (form_min_seconds 0).
 */
static inline void
staff_create(const struct staff_account *accounts, size_t count)
{
	char hash[128];
	struct db *db = NULL;

	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(password_hash(PASSWORD, strlen(PASSWORD), hash) == 0);
	for (size_t i = 0; i < count; i++)
		CHECK(user_db_add(db, accounts[i].name,
		                  accounts[i].display_name, accounts[i].role,
		                  hash) > 0);
	db_close(db);
	sql("UPDATE settings SET value = '0' WHERE key = 'form_min_seconds'");
}

/*
 * Sends a request with an optional cookie ("name=value"), Origin and
 * urlencoded form from an IPv6 address; returns the status, leaves head
 * and body, and keeps a Set-Cookie's value in cookie.
 */
static inline int
request(const char *method, const char *uri, const char *with_cookie,
        const char *origin, const char *form)
{
	struct kv hdr[2];
	size_t n = 0;
	const char *set;
	int status;

	if (with_cookie != NULL)
		hdr[n++] = (struct kv){"HTTP_COOKIE", with_cookie,
		                       strlen(with_cookie)};
	if (origin != NULL)
		hdr[n++] = (struct kv){"HTTP_ORIGIN", origin, strlen(origin)};
	status = driver_request(method, uri, "2001:db8:1:2::7", hdr, n, form);
	if ((set = strstr(head.data, "Set-Cookie: ")) != NULL) {
		size_t len = strcspn(set + 12, ";\r");

		snprintf(cookie, sizeof(cookie), "%.*s", (int)len, set + 12);
	}
	return status;
}

/* Copies the value of hidden field name from the last page. */
static inline const char *
field(const char *name)
{
	static char out[256];
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "name=\"%s\" value=\"", name);
	out[0] = '\0';
	if ((p = strstr(body.data ? body.data : "", pat)) != NULL) {
		p += strlen(pat);
		snprintf(out, sizeof(out), "%.*s", (int)strcspn(p, "\""), p);
	}
	return out;
}

/* Logs in as name with password; returns the status. */
static inline int
login(const char *name, const char *pw)
{
	char form[2048];

	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "form_token=%s&name=%s&password=%s",
	         field("form_token"), name, pw);
	cookie[0] = '\0';
	return request("POST", "/admin/login", NULL, "http://127.0.0.1:8080",
	               form);
}

/* Logs in with pw (form-encoded) and returns a copy of the cookie. */
static inline char *
session_of_pw(const char *name, const char *pw)
{
	CHECK(login(name, pw) == 303);
	return strdup(cookie);
}

/* Logs in with the tests' password and returns a copy of the cookie. */
static inline char *
session_of(const char *name)
{
	return session_of_pw(name, PASSWORD);
}

/*
 * Posts form (with the session's CSRF token added) as the session.  The
 * token comes from the account page, which every staff session may open.
 */
static inline int
post_as(const char *session, const char *uri, const char *form)
{
	char buf[8192];

	CHECK(request("GET", "/admin/account", session, NULL, NULL) == 200);
	snprintf(buf, sizeof(buf), "csrf=%s&%s", field("csrf"), form);
	return request("POST", uri, session, NULL, buf);
}

/*
 * Saves the article or page (kind "articles" or "pages") id through its
 * editor as session: the version of the editor as opened, slug, title, a
 * short body, state, edition 1 and extra fields ("" for none).  Returns
 * the status.
 */
static inline int
editor_save(const char *session, const char *kind, long long id,
            const char *slug, const char *title, const char *state,
            const char *extra)
{
	char uri[64], form[1024];

	snprintf(uri, sizeof(uri), "/admin/%s/%lld", kind, id);
	CHECK(request("GET", uri, session, NULL, NULL) == 200);
	snprintf(form, sizeof(form),
	         "version=%s&title=%s&slug=%s&body=Edited+body&state=%s"
	         "&edition=1&%s",
	         field("version"), title, slug, state, extra);
	return post_as(session, uri, form);
}

/*
 * Makes the database (driver_create) with the accounts most tests sign in
 * as, all with PASSWORD: alice (editor, "Alice"), bob and erin (authors),
 * carol (admin), dave (moderator); then opens the worker's state
 * (driver_start).
 */
static inline void
staff_start(void)
{
	static const struct staff_account accounts[] = {
	    {"alice", "Alice", "editor"}, {"bob", "Bob", "author"},
	    {"carol", "Carol", "admin"},  {"dave", "Dave", "moderator"},
	    {"erin", "Erin", "author"},
	};

	driver_create();
	staff_create(accounts, sizeof(accounts) / sizeof(accounts[0]));
	driver_start();
}

#endif
