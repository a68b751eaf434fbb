/*
 * session.h: staff sessions as the router and the login handlers see
 * them: reading the cookie, starting and ending a session, and the checks
 * a route's flags ask for (role, CSRF token, signed form token, Origin).
 */
#ifndef GAZETTE_SESSION_H
#define GAZETTE_SESSION_H

#include "../app.h"
#include "../db/auth_db.h"
#include "token.h"

/* Route flags for staff routes (router.h includes these). */
enum auth_flag {
	R_ROLE_ADMIN = 1 << 4,
	R_ROLE_EDITOR = 1 << 5,
	R_ROLE_AUTHOR = 1 << 6,
	R_ROLE_MODERATOR = 1 << 7,
	R_CSRF = 1 << 8,       /* the session's token in the field "csrf" */
	R_FORM_TOKEN = 1 << 9, /* a signed anonymous token in "form_token" */
	/* Open to an account whose role must use two-factor login but that
	 * has not set it up yet (every other staff route is closed to it). */
	R_TWO_FACTOR_SETUP = 1 << 10,
	/* Takes a multipart body (an upload): its CSRF token is a field
	 * of that body, checked by upload_receive before any file is kept. */
	R_UPLOAD = 1 << 11,
	/* With R_FORM_TOKEN: the handler checks the signed token itself,
	 * with session_form_check, after checks that must come first (the
	 * contact form's rate limit) and answering each outcome its own
	 * way; the router answers 500 if it did not. */
	R_FORM_LATE = 1 << 12,
};
#define R_STAFF                                                                \
	(R_ROLE_ADMIN | R_ROLE_EDITOR | R_ROLE_AUTHOR | R_ROLE_MODERATOR)

/* auth_guard's answer to a staff form sent without a live session. */
#define AUTH_RESUME (-2)

/*
 * Applies a route's flags before its handler runs.  POST requests whose
 * Origin header names another site get 403.  Role flags need a live
 * session: without one the answer is 303 to /admin/login, or AUTH_RESUME
 * for a POST (the router then shows the login page keeping the form);
 * with the wrong role, 403.  An account whose role must use two-factor
 * login and has not set it up reaches only R_TWO_FACTOR_SETUP routes: a
 * GET elsewhere is sent (303) to /admin/account, a POST gets 403.
 * R_CSRF and R_FORM_TOKEN check their tokens (403), but R_FORM_TOKEN
 * with R_FORM_LATE leaves req->form_token_pending for the handler.
 * Fills req->user.
 * Returns 0 to go on, or the status to answer.
 */
int auth_guard(struct app *app, struct req *req, struct resp *resp,
               unsigned flags, const char *form_name);

/*
 * Reads the session cookie: when it names a live session, sets req->user
 * (and req->session_hash) and returns 0; otherwise returns 1.
 */
int session_load(struct app *app, struct req *req);

/*
 * Starts a session for user: a new random token, its hash stored, the
 * cookie set on resp.  Returns 0 or -1.
 */
int session_start(struct app *app, struct req *req, struct resp *resp,
                  const struct staff *user);

/* Ends the request's session: row deleted, cookie cleared.  0 or -1. */
int session_end(struct app *app, struct req *req, struct resp *resp);

/*
 * Tells whether token is the session's CSRF token.  For an upload
 * (R_UPLOAD with a multipart body) auth_guard leaves req->csrf_pending
 * set and the body's reader calls this, which clears it on success.
 */
bool session_csrf_ok(struct app *app, struct req *req, const char *token);

/* Returns the session's CSRF token (in the request's arena). */
const char *session_csrf(struct app *app, struct req *req);

/* Returns the signed token for the anonymous form called form_name,
 * issued at app_now(). */
const char *session_form_token(struct app *app, struct req *req,
                               const char *form_name);

/* How long a signed form token lasts. */
#define SESSION_FORM_MAX_AGE_S (2 * 3600)

/*
 * Checks the request's signed form token (the field "form_token") for the
 * anonymous form form_name at app_now(): at least min_age_s old, at most
 * SESSION_FORM_MAX_AGE_S.  Clears req->form_token_pending.  auth_guard
 * calls it for R_FORM_TOKEN routes; an R_FORM_LATE handler calls it
 * itself.
 */
enum token_form_result session_form_check(struct app *app, struct req *req,
                                          const char *form_name,
                                          long long min_age_s);

/* Returns whether the two_factor_roles setting names role. */
bool session_two_factor_required(const struct app *app, const char *role);

/* Returns the name of the session cookie: "__Host-gazette" when the base
 * URL is https, else "gazette_session". */
const char *session_cookie_name(const struct app *app);

#endif
