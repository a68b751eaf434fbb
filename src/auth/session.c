/*
 * session.c: staff sessions (see session.h).  The cookie holds 256 random
 * bits; the database keeps only their hash (token.c).  Sessions end after
 * an idle time and an absolute time, both settings, and at logout.  The
 * cookie is HttpOnly, SameSite=Lax, Path=/, and Secure with the __Host-
 * prefix when the site is served over https (decided by the base-URL
 * setting, never by the request).  Readers never get one: only
 * /admin/login sets it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/two_factor_db.h"
#include "../db/user_db.h"
#include "../util/log.h"
#include "session.h"
#include "token.h"

/* Activity is written at most this often, so reading the admin area does
 * not write on every request. */
#define SESSION_TOUCH_SECONDS 60

static bool
site_is_https(const struct app *app)
{
	return strncmp(site_setting(&app->site, "base_url", ""), "https://",
	               8) == 0;
}

/* Returns the cookie's name; see session.h. */
const char *
session_cookie_name(const struct app *app)
{
	return site_is_https(app) ? "__Host-gazette" : "gazette_session";
}

/* Reads the session cookie into req->user; see session.h. */
int
session_load(struct app *app, struct req *req)
{
	const char *cookie = req_cookie(req, session_cookie_name(app));
	long long now = (long long)time(NULL), last_seen;
	long long idle = site_setting_int(&app->site, "session_idle_minutes",
	                                  30, 1, 24 * 60) *
	                 60;
	struct staff *user;

	if (cookie == NULL || token_hash(cookie, req->session_hash) < 0)
		return 1;
	user = arena_calloc(req->arena, 1, sizeof(*user));
	if (session_db_lookup(app->db, req->arena, req->session_hash, now, idle,
	                      user, &last_seen) != 0)
		return 1;
	if (now - last_seen >= SESSION_TOUCH_SECONDS)
		session_db_touch(app->db, req->session_hash, now);
	req->user = user;
	return 0;
}

static unsigned
role_flag(const char *role)
{
	if (strcmp(role, "admin") == 0)
		return R_ROLE_ADMIN;
	if (strcmp(role, "editor") == 0)
		return R_ROLE_EDITOR;
	if (strcmp(role, "author") == 0)
		return R_ROLE_AUTHOR;
	if (strcmp(role, "moderator") == 0)
		return R_ROLE_MODERATOR;
	return 0;
}

/*
 * Returns whether the request's Origin header, when there is one, is the
 * site's own (scheme, host and port of the base URL).
 */
static bool
origin_ok(const struct app *app, const struct req *req)
{
	const char *origin = req_header(req, "origin");
	const char *base = site_setting(&app->site, "base_url", "");
	const char *host = strstr(base, "://");
	const char *slash = host ? strchr(host + 3, '/') : NULL;
	size_t n = slash ? (size_t)(slash - base) : strlen(base);

	if (origin == NULL)
		return true;
	return strlen(origin) == n && strncmp(origin, base, n) == 0;
}

/* Says whether role must use two-factor login; see session.h. */
bool
session_two_factor_required(const struct app *app, const char *role)
{
	return user_role_listed(
	    site_setting(&app->site, "two_factor_roles", ""), role);
}

/*
 * Keeps an account that must use two-factor login, and has not set it up,
 * on the routes that set it up: 0 to go on, else the status to answer.
 */
static int
two_factor_gate(struct app *app, struct req *req, struct resp *resp,
                unsigned flags)
{
	int on;

	if ((flags & R_TWO_FACTOR_SETUP) != 0 ||
	    !session_two_factor_required(app, req->user->role))
		return 0;
	if ((on = two_factor_db_enabled(app->db, req->user->id)) != 0)
		return on < 0 ? 500 : 0;
	if (req->method == HTTP_POST)
		return 403;
	return resp_redirect(resp, 303, "/admin/account") < 0 ? 500 : 303;
}

/*
 * Makes the signed-in staff member's admin language (an edition) the
 * request's edition, whose strings, lang and dir their pages use.  Only
 * the admin area's routes sign in (every R_STAFF route is under /admin),
 * and they are served without an edition prefix, so this changes only
 * the words: the handlers take the edition of what they save or list
 * from the form or admin_default_edition, never from req->edition.  An
 * edition removed since is the default.
 */
static void
admin_language(const struct app *app, struct req *req)
{
	const struct edition *e =
	    req->user->admin_edition_id != 0
	        ? site_edition_by_id(&app->site, req->user->admin_edition_id)
	        : NULL;

	if (e != NULL)
		req->edition = e;
}

/* Applies a route's flags; see session.h. */
int
auth_guard(struct app *app, struct req *req, struct resp *resp, unsigned flags,
           const char *form_name)
{
	int rc;

	if (req->method == HTTP_POST && !origin_ok(app, req)) {
		log_warn("POST with a foreign Origin refused");
		return 403;
	}
	if ((flags & R_STAFF) != 0) {
		/* A form sent after the session ended is kept: the router
		 * shows the login page carrying it (AUTH_RESUME). */
		if (session_load(app, req) != 0)
			return req->method == HTTP_POST ? AUTH_RESUME
			       : resp_redirect(resp, 303, "/admin/login") < 0
			           ? 500
			           : 303;
		if ((flags & role_flag(req->user->role)) == 0)
			return 403;
		admin_language(app, req);
		if ((rc = two_factor_gate(app, req, resp, flags)) != 0)
			return rc;
	}
	if ((flags & R_CSRF) != 0 && req->multipart &&
	    (flags & R_UPLOAD) != 0 && req->user != NULL)
		req->csrf_pending = true; /* the body holds it: upload.c */
	else if ((flags & R_CSRF) != 0 &&
	         !session_csrf_ok(app, req, req_form(req, "csrf")))
		return 403;
	if ((flags & R_FORM_TOKEN) != 0 && (flags & R_FORM_LATE) != 0)
		req->form_token_pending = true; /* the handler's: contact.c */
	else if ((flags & R_FORM_TOKEN) != 0 &&
	         session_form_check(app, req, form_name,
	                            site_setting_int(&app->site,
	                                             "form_min_seconds", 1, 0,
	                                             60)) != TOKEN_FORM_OK)
		return 403;
	return 0;
}

/* Checks a signed form token; see session.h. */
enum token_form_result
session_form_check(struct app *app, struct req *req, const char *form_name,
                   long long min_age_s)
{
	req->form_token_pending = false;
	return token_form_check(app->secret, form_name,
	                        req_form(req, "form_token"), app_now(app),
	                        min_age_s, SESSION_FORM_MAX_AGE_S);
}

/* Checks a CSRF token; see session.h. */
bool
session_csrf_ok(struct app *app, struct req *req, const char *token)
{
	if (req->user == NULL || token == NULL ||
	    !token_csrf_check(app->secret, req->session_hash, token))
		return false;
	req->csrf_pending = false;
	return true;
}

/* Starts a session; see session.h. */
int
session_start(struct app *app, struct req *req, struct resp *resp,
              const struct staff *user)
{
	char token[TOKEN_TEXT_MAX];
	long long now = (long long)time(NULL);
	long long life = site_setting_int(&app->site, "session_absolute_hours",
	                                  12, 1, 24 * 30) *
	                 3600;

	token_new(token);
	if (token_hash(token, req->session_hash) < 0 ||
	    session_db_create(app->db, req->session_hash, user->id, now,
	                      now + life, req->remote_addr,
	                      req_header(req, "user-agent")) < 0)
		return -1;
	return resp_header(
	    resp, "Set-Cookie",
	    arena_printf(req->arena,
	                 "%s=%s; Path=/; Max-Age=%lld; HttpOnly; "
	                 "SameSite=Lax%s",
	                 session_cookie_name(app), token, life,
	                 site_is_https(app) ? "; Secure" : ""));
}

/* Ends a session; see session.h. */
int
session_end(struct app *app, struct req *req, struct resp *resp)
{
	int rc = req->user ? session_db_delete(app->db, req->session_hash) : 0;

	resp_header(resp, "Set-Cookie",
	            arena_printf(req->arena,
	                         "%s=; Path=/; Max-Age=0; HttpOnly; "
	                         "SameSite=Lax%s",
	                         session_cookie_name(app),
	                         site_is_https(app) ? "; Secure" : ""));
	req->user = NULL;
	return rc;
}

/* Returns the CSRF token; see session.h. */
const char *
session_csrf(struct app *app, struct req *req)
{
	char *out = arena_alloc(req->arena, TOKEN_TEXT_MAX);

	token_csrf(app->secret, req->session_hash, out);
	return out;
}

/* Returns a signed form token; see session.h. */
const char *
session_form_token(struct app *app, struct req *req, const char *form_name)
{
	char *out = arena_alloc(req->arena, TOKEN_FORM_MAX);

	token_form_sign(app->secret, form_name, app_now(app), out);
	return out;
}
