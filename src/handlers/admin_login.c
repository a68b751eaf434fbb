/*
 * admin_login.c: signing in and out of the admin area, and its first page.
 * Login follows DESIGN.md's security baseline: a signed form token, the
 * password bounded before anything else, throttling per account and per
 * address checked before argon2 runs, the same answer for an unknown
 * account and a wrong password, a dummy verification so both take as long,
 * rehash when the parameters change, a new session id at every login, and
 * every attempt in the audit log (never the password).  An account with
 * two-factor login on gives a code from its app as a second step, before
 * any session exists; the code is checked in admin_two_factor.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/password.h"
#include "../auth/session.h"
#include "../auth/token.h"
#include "../db/article_admin_db.h"
#include "../db/auth_db.h"
#include "../db/content_db.h"
#include "../db/two_factor_db.h"
#include "../render/html.h"
#include "../util/log.h"
#include "handlers.h"

#define LOGIN_FORM "/admin/login"

/*
 * A form that a staff member sent after their session ended travels
 * through the login page in two hidden fields: resume_url (the admin path
 * it was sent to) and resume_data (its fields, urlencoded, without the
 * dead session's CSRF token).  It passes only through their own browser;
 * nothing is stored.  After a successful login the page "admin/resume"
 * offers to send it again with a fresh token.
 */
static bool
resume_url_ok(const char *url)
{
	if (url == NULL || strncmp(url, "/admin/", 7) != 0 || strlen(url) > 200)
		return false;
	for (const char *p = url; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '/' || *p == '-' || *p == '_'))
			return false;
	return true;
}

/* Adds the resume fields of the request's own form, or of a login form
 * that carries them, to ctx. */
static void
set_resume(struct req *req, struct tval *ctx, const char *url, const char *data)
{
	if (!resume_url_ok(url) || data == NULL)
		return;
	tv_set_str(req->arena, ctx, "resume_url", url);
	tv_set_str(req->arena, ctx, "resume_data", data);
}

/* Renders the login form with status and an optional message key. */
static int
login_page(struct app *app, struct req *req, struct resp *resp, int status,
           const char *message_key, const char *name)
{
	struct tval *ctx =
	    admin_frame(app, req, resp, edition_string(req->edition, "log_in"));

	if (ctx == NULL)
		return 500;
	tv_set_str(req->arena, ctx, "form_token",
	           session_form_token(app, req, LOGIN_FORM));
	if (message_key != NULL)
		tv_set_str(req->arena, ctx, "message",
		           edition_string(req->edition, message_key));
	if (name != NULL)
		tv_set_str(req->arena, ctx, "name", name);
	if (req->method == HTTP_POST && strcmp(req->path, "/admin/login") == 0)
		set_resume(req, ctx, req_form(req, "resume_url"),
		           req_form(req, "resume_data"));
	return app_render(app, resp, status, "admin/login", ctx);
}

/*
 * A staff form (any admin POST route) sent without a live session: the
 * login page, keeping the form for after.  Statuses: 403 (with the login
 * form), 500.  No role.
 */
int
admin_login_resume(struct app *app, struct req *req, struct resp *resp)
{
	struct tval *ctx;
	struct buf data;

	if (!resume_url_ok(req->path))
		return resp_redirect(resp, 303, "/admin/login") < 0 ? 500 : 303;
	ctx =
	    admin_frame(app, req, resp, edition_string(req->edition, "log_in"));
	if (ctx == NULL)
		return 500;
	buf_init(&data);
	for (size_t i = 0; i < req->form_count; i++) {
		const struct kv *f = &req->form[i];

		if (strcmp(f->key, "csrf") == 0)
			continue;
		if (data.len > 0)
			buf_putc(&data, '&');
		html_url_component(&data, f->key, strlen(f->key));
		buf_putc(&data, '=');
		html_url_component(&data, f->val, f->val_len);
	}
	tv_set_str(req->arena, ctx, "form_token",
	           session_form_token(app, req, LOGIN_FORM));
	tv_set_str(req->arena, ctx, "message",
	           edition_string(req->edition, "session_expired"));
	tv_set_str(req->arena, ctx, "resume_url", req->path);
	tv_set_str(
	    req->arena, ctx, "resume_data",
	    arena_strndup(req->arena, data.data ? data.data : "", data.len));
	buf_free(&data);
	return app_render(app, resp, 403, "admin/login", ctx);
}

/* After a login that carried a kept form: the page that sends it again. */
static int
resume_page(struct app *app, struct req *req, struct resp *resp)
{
	const char *url = req_form(req, "resume_url");
	const char *data = req_form(req, "resume_data");
	struct kv *fields;
	size_t count;
	struct tval *ctx, *list;

	if (!resume_url_ok(url) || data == NULL ||
	    http_urlencoded_parse(req->arena, data, strlen(data),
	                          HTTP_MAX_FIELDS, &fields, &count) != 0)
		return resp_redirect(resp, 303, "/admin") < 0 ? 500 : 303;
	ctx =
	    admin_frame(app, req, resp, edition_string(req->edition, "log_in"));
	if (ctx == NULL)
		return 500;
	list = tv_list(req->arena);
	for (size_t i = 0; i < count; i++) {
		struct tval *f = tv_map(req->arena);

		if (strcmp(fields[i].key, "csrf") == 0)
			continue;
		tv_set_str(req->arena, f, "name", fields[i].key);
		tv_set_str(req->arena, f, "value", fields[i].val);
		tv_push(req->arena, list, f);
	}
	tv_set(req->arena, ctx, "fields", list);
	tv_set_str(req->arena, ctx, "resume_url", url);
	return app_render(app, resp, 200, "admin/resume", ctx);
}

/*
 * GET /admin/login: the login form (signed-in staff go to the dashboard).
 * Statuses: 200, 303, 500.  No role.
 */
int
admin_login_form(struct app *app, struct req *req, struct resp *resp)
{
	if (session_load(app, req) == 0)
		return resp_redirect(resp, 303, "/admin") < 0 ? 500 : 303;
	return login_page(app, req, resp, 200, NULL, NULL);
}

/* The throttle keys of an attempt; see handlers.h. */
void
login_throttle_keys(struct req *req, const char *name, const char **account,
                    const char **address)
{
	char addr[80], *lower = arena_strdup(req->arena, name);

	for (char *p = lower; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (token_address_key(req->remote_addr, addr, sizeof(addr)) < 0)
		strncpy(addr, "invalid", sizeof(addr));
	*account = arena_concat(req->arena, "account:", lower, NULL);
	*address = arena_concat(req->arena, "address:", addr, NULL);
}

/* The length of the throttling window; see handlers.h. */
long long
login_window(const struct app *app)
{
	return site_setting_int(&app->site, "login_window_minutes", 15, 1,
	                        1000000) *
	       60;
}

/* Checks the throttle before an attempt; see handlers.h. */
int
login_throttled(struct app *app, struct req *req, struct resp *resp,
                const char *name)
{
	const char *account_key, *address_key;
	long long now = (long long)time(NULL), window = login_window(app);
	long long wait_a, wait_b, wait;
	int fails_a, fails_b;

	login_throttle_keys(req, name, &account_key, &address_key);
	fails_a = throttle_db_get(app->db, account_key, now, window, &wait_a);
	fails_b = throttle_db_get(app->db, address_key, now, window, &wait_b);
	if (fails_a < 0 || fails_b < 0)
		return -1;
	if (fails_a < site_setting_int(&app->site, "login_account_failures", 5,
	                               1, 1000000) &&
	    fails_b < site_setting_int(&app->site, "login_address_failures", 20,
	                               1, 1000000))
		return 0;
	wait = wait_a > wait_b ? wait_a : wait_b;
	audit_db_add(app->db, now, 0, name, "login throttled", "",
	             req->remote_addr);
	resp_header(resp, "Retry-After",
	            arena_printf(req->arena, "%lld", wait > 0 ? wait : 1));
	return 429;
}

/* Counts and audits a failed attempt; see handlers.h. */
void
login_failed(struct app *app, struct req *req, long long user_id,
             const char *name, const char *action)
{
	const char *account_key, *address_key;
	long long now = (long long)time(NULL), window = login_window(app);

	login_throttle_keys(req, name, &account_key, &address_key);
	throttle_db_fail(app->db, account_key, now, window);
	throttle_db_fail(app->db, address_key, now, window);
	audit_db_add(app->db, now, user_id, name, action, "", req->remote_addr);
}

/*
 * Ends a successful login: the account's failures forgotten, a new
 * session, the audit entry (detail says how the second factor was given,
 * if one was), then the kept form or the dashboard.
 */
static int
login_finish(struct app *app, struct req *req, struct resp *resp,
             struct staff *user, const char *detail)
{
	const char *account_key, *address_key;

	login_throttle_keys(req, user->name, &account_key, &address_key);
	throttle_db_clear(app->db, account_key);
	if (session_start(app, req, resp, user) < 0)
		return 500;
	audit_db_add(app->db, (long long)time(NULL), user->id, user->name,
	             "login", detail, req->remote_addr);
	req->user = user;
	if (req_form(req, "resume_url") != NULL)
		return resume_page(app, req, resp);
	return resp_redirect(resp, 303, "/admin") < 0 ? 500 : 303;
}

/*
 * Two-factor login, step two.  A correct password for an account with
 * two-factor login on starts no session: it answers the code page, which
 * carries the account's id and a pending token, a signed form token
 * (token.c, keyed with the site's secret) over "two-factor", the id and
 * the account's password hash, issued at app_now().  Nothing is stored on
 * the server.  The token is good for PENDING_SECONDS, for that account
 * only, and only until its password changes; it cannot be made without
 * the site's secret, so the code step cannot be reached without the
 * password step.
 */
#define PENDING_SECONDS 300

/* Returns the name the pending token of user is signed over. */
static const char *
pending_form(struct req *req, const struct staff *user)
{
	return arena_printf(req->arena, "two-factor\n%lld\n%s", user->id,
	                    user->password_hash);
}

/* Renders the code page for user with the given pending token. */
static int
code_page(struct app *app, struct req *req, struct resp *resp, int status,
          const struct staff *user, const char *pending,
          const char *message_key)
{
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "login_code_title"));

	if (ctx == NULL)
		return 500;
	tv_set_str(req->arena, ctx, "form_token",
	           session_form_token(app, req, LOGIN_FORM));
	tv_set_int(req->arena, ctx, "pending_user", user->id);
	tv_set_str(req->arena, ctx, "pending", pending);
	if (message_key != NULL)
		tv_set_str(req->arena, ctx, "message",
		           edition_string(req->edition, message_key));
	set_resume(req, ctx, req_form(req, "resume_url"),
	           req_form(req, "resume_data"));
	return app_render(app, resp, status, "admin/login_code", ctx);
}

/*
 * POST /admin/login with a pending token: the second step.  Fields: user
 * (the account's id), pending (its token), code (6 digits from the app,
 * or a recovery code), form_token (checked by the router).  Statuses: 303
 * (signed in), 400 (fields missing, or an empty code: the code page
 * again, not counted), 403 (a pending token forged, expired or another
 * account's: the login page; or a wrong or reused code: the code page
 * again, counted as a failed login), 429, 500.  No role.
 */
static int
login_code_submit(struct app *app, struct req *req, struct resp *resp)
{
	const char *id_text = req_form(req, "user"),
	           *pending = req_form(req, "pending"),
	           *code = req_form(req, "code");
	struct staff *user = arena_calloc(req->arena, 1, sizeof(*user));
	long long id;
	char *end;
	int rc;

	if (id_text == NULL || code == NULL || strlen(code) > 64 ||
	    (id = strtoll(id_text, &end, 10)) <= 0 || *end != '\0')
		return login_page(app, req, resp, 400, "login_code_expired",
		                  NULL);
	if ((rc = staff_db_get(app->db, req->arena, id, user)) < 0)
		return 500;
	if (rc > 0 || user->disabled ||
	    token_form_check(app->secret, pending_form(req, user), pending,
	                     app_now(app), 0, PENDING_SECONDS) != TOKEN_FORM_OK)
		return login_page(app, req, resp, 403, "login_code_expired",
		                  NULL);
	/* An empty code is no guess: asked again, not counted. */
	if (code[0] == '\0')
		return code_page(app, req, resp, 400, user, pending,
		                 "login_code_wrong");
	if ((rc = login_throttled(app, req, resp, user->name)) != 0)
		return rc < 0 ? 500
		              : login_page(app, req, resp, 429,
		                           "login_throttled", user->name);
	switch (two_factor_check(app, req, user, code, true)) {
	case TWO_FACTOR_CODE:
		return login_finish(app, req, resp, user, "two-factor");
	case TWO_FACTOR_RECOVERY:
		return login_finish(app, req, resp, user, "recovery code");
	case TWO_FACTOR_WRONG:
		login_failed(app, req, user->id, user->name,
		             "two-factor code refused");
		return code_page(app, req, resp, 403, user, pending,
		                 "login_code_wrong");
	default:
		return 500;
	}
}

/*
 * POST /admin/login: checks name and password and starts a session, or,
 * for an account with two-factor login on, answers the code page (see
 * login_code_submit, which a form with a pending token goes to).
 * Fields: name, password, form_token (checked by the router).
 * Statuses: 200 (the code page), 303 (signed in), 400 (missing, empty
 * or over-long fields; not counted), 403 (no such account or wrong
 * password: one answer for both), 429 (throttled, with Retry-After), 500.
 * No role.
 */
int
admin_login_submit(struct app *app, struct req *req, struct resp *resp)
{
	const char *name = req_form(req, "name"),
	           *pw = req_form(req, "password");
	struct staff user;
	int found, verified = 0, rc;
	size_t pw_len;

	if (req_form(req, "pending") != NULL)
		return login_code_submit(app, req, resp);
	/* An empty password is no guess: refused, not counted. */
	if (name == NULL || pw == NULL || name[0] == '\0' || pw[0] == '\0' ||
	    strlen(name) > 64 || (pw_len = strlen(pw)) > PASSWORD_MAX_BYTES)
		return login_page(app, req, resp, 400, "login_failed", NULL);
	if ((rc = login_throttled(app, req, resp, name)) != 0)
		return rc < 0 ? 500
		              : login_page(app, req, resp, 429,
		                           "login_throttled", name);

	found = staff_db_by_name(app->db, req->arena, name, &user);
	if (found < 0)
		return 500;
	if (found == 0 && !user.disabled)
		verified = password_verify(user.password_hash, pw, pw_len) == 1;
	else
		password_verify_dummy(pw, pw_len);
	if (!verified) {
		login_failed(app, req, found == 0 ? user.id : 0, name,
		             "login failed");
		return login_page(app, req, resp, 403, "login_failed", name);
	}

	if (password_needs_rehash(user.password_hash)) {
		char hash[PASSWORD_HASH_MAX];

		if (password_hash(pw, pw_len, hash) == 0 &&
		    staff_db_set_password(app->db, user.id, hash) == 0) {
			log_info("rehashed the password of account %lld",
			         user.id);
			user.password_hash = arena_strdup(req->arena, hash);
		}
	}
	/* With two-factor login on, the password alone starts nothing, and
	 * the account's failures are kept until the code is right too. */
	if ((rc = two_factor_db_enabled(app->db, user.id)) != 0) {
		char *pending = arena_alloc(req->arena, TOKEN_FORM_MAX);

		if (rc < 0)
			return 500;
		token_form_sign(app->secret, pending_form(req, &user),
		                app_now(app), pending);
		return code_page(app, req, resp, 200, &user, pending, NULL);
	}
	return login_finish(app, req, resp, &user, "");
}

/*
 * POST /admin/logout: ends the session.  Fields: csrf (checked by the
 * router).  Statuses: 303, 500.  Role: any staff.
 */
int
admin_logout(struct app *app, struct req *req, struct resp *resp)
{
	long long id = req->user->id;
	const char *name = req->user->name;

	if (session_end(app, req, resp) < 0)
		return 500;
	audit_db_add(app->db, (long long)time(NULL), id, name, "logout", "",
	             req->remote_addr);
	return resp_redirect(resp, 303, "/admin/login") < 0 ? 500 : 303;
}

/* Adds to ctx, as key, up to five articles in state (an author's own). */
static int
dashboard_list(struct app *app, struct req *req, struct tval *ctx,
               const char *key, const char *state)
{
	struct arena *a = req->arena;
	struct article_filter f;
	struct article_row *rows;
	size_t count, i;
	struct tval *list = tv_list(a);

	memset(&f, 0, sizeof(f));
	f.state = state;
	f.limit = 5;
	if (strcmp(req->user->role, "author") == 0)
		f.author_id = req->user->id;
	if (article_admin_list(app->db, a, &f, &rows, &count) < 0)
		return -1;
	for (i = 0; i < count; i++) {
		struct tval *m = tv_map(a);

		tv_set_int(a, m, "id", rows[i].id);
		tv_set_str(a, m, "title", rows[i].title);
		tv_set_str(a, m, "date",
		           frame_date(app, req, rows[i].updated_at));
		tv_push(a, list, m);
	}
	tv_set(a, ctx, key, list);
	return 0;
}

/*
 * GET /admin: the dashboard: how many articles are drafts, waiting for
 * review, scheduled and published, and the latest of each (an author sees
 * their own).  Moderators see the counts only.  Those who review messages
 * and comments (admins, editors, moderators) also see how many new
 * messages and comments waiting for approval there are, and the latest
 * of each.
 * Statuses: 200, 500.  Role: any staff.
 */
int
admin_dashboard(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "dashboard"));
	long long counts[ARTICLE_STATES];

	if (ctx == NULL || content_db_state_counts(app->db, counts) < 0)
		return 500;
	tv_set_int(a, ctx, "drafts", counts[STATE_DRAFT]);
	tv_set_int(a, ctx, "pending", counts[STATE_PENDING]);
	tv_set_int(a, ctx, "scheduled", counts[STATE_SCHEDULED]);
	tv_set_int(a, ctx, "published", counts[STATE_PUBLISHED]);
	if (strcmp(req->user->role, "moderator") != 0 &&
	    (dashboard_list(app, req, ctx, "draft_list", "draft") < 0 ||
	     dashboard_list(app, req, ctx, "pending_list", "pending") < 0 ||
	     dashboard_list(app, req, ctx, "scheduled_list", "scheduled") < 0 ||
	     dashboard_list(app, req, ctx, "published_list", "published") < 0))
		return 500;
	if (admin_moderates(req->user) &&
	    (admin_messages_waiting(app, req, ctx) < 0 ||
	     admin_comments_waiting(app, req, ctx) < 0))
		return 500;
	return app_render(app, resp, 200, "admin/dashboard", ctx);
}
