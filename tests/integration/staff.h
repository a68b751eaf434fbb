/*
 * staff.h: what the integration tests of the admin area share on top of
 * driver.h: requests with a session cookie and an Origin, the hidden
 * fields of the last page, signing in, and posting a staff form with the
 * session's CSRF token, and a site with one account of each role to do
 * it as.  Include it after driver.h, once, in a test program.
 */
#ifndef GAZETTE_TEST_STAFF_H
#define GAZETTE_TEST_STAFF_H

#include <stdio.h>
#include <string.h>

#include "auth/password.h"
#include "db/user_db.h"
#include "driver.h"

static char cookie[256]; /* "NAME=VALUE" of the last Set-Cookie */

#define PASSWORD "correct horse battery staple"

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

/* Posts form (with the session's CSRF token added) as the session. */
static inline int
post_as(const char *session, const char *uri, const char *form)
{
	char buf[8192];

	CHECK(request("GET", "/admin", session, NULL, NULL) == 200);
	snprintf(buf, sizeof(buf), "csrf=%s&%s", field("csrf"), form);
	return request("POST", uri, session, NULL, buf);
}

/*
 * Makes the database (driver_create) with the accounts the tests sign in
 * as, all with PASSWORD: alice (editor, "Alice"), bob and erin (authors),
 * carol (admin), dave (moderator); lets forms be sent at once (no minimum
 * fill time); and opens the worker's state (driver_start).
 */
static inline void
staff_start(void)
{
	char hash[128];
	struct db *db = NULL;

	driver_create();
	CHECK(db_open(getenv("TEST_DB"), &db) == 0);
	CHECK(password_hash(PASSWORD, strlen(PASSWORD), hash) == 0);
	CHECK(user_db_add(db, "alice", "Alice", "editor", hash) > 0);
	CHECK(user_db_add(db, "bob", "Bob", "author", hash) > 0);
	CHECK(user_db_add(db, "carol", "Carol", "admin", hash) > 0);
	CHECK(user_db_add(db, "dave", "Dave", "moderator", hash) > 0);
	CHECK(user_db_add(db, "erin", "Erin", "author", hash) > 0);
	db_close(db);
	sql("UPDATE settings SET value = '0' WHERE key = 'form_min_seconds'");
	driver_start();
}

#endif
