/*
 * admin_reset.c: "Lost your password?" for staff, as WordPress has it.
 *
 * The login page links to a form asking for a user name or an email
 * address.  Whatever is given, the answer is the same page with the same
 * status ("if an account matches, we sent a link"), so the form tells
 * nobody which accounts or addresses exist.  Requests are throttled like
 * logins, per what was typed and per address (the login's limits and
 * window, under keys of their own so that asking for links never locks a
 * login out), and each account gets at most RESET_MAILS_PER_WINDOW mails
 * a window, silently.  For each enabled account with an email that
 * matches, a request is filed (sql/025_password_reset.sql): the timer
 * process makes the token, keeps its hash and mails the link
 * /admin/reset?token=… through serve's --sendmail (timer.c), so no worker
 * ever holds a token it did not receive.  A new request makes the last
 * link worthless.
 *
 * The link's page sets a new password (the same rules as everywhere), in
 * one transaction ends every session of the account and deletes the
 * token, and audits it.  It never signs anyone in: the owner logs in with
 * the new password, and an account with two-factor login still gives its
 * code, since a reset leaves two-factor login on (a mailbox is not a
 * second factor; an admin turns it off for a lost phone).  A used,
 * expired, replaced or invented token gets 400 and a page saying so.
 */
#include <string.h>
#include <time.h>

#include "../auth/password.h"
#include "../auth/session.h"
#include "../auth/token.h"
#include "../db/auth_db.h"
#include "../util/log.h"
#include "handlers.h"

#define LOST_FORM "/admin/lost-password"
#define RESET_FORM "/admin/reset"
/* How long a link works, and how many an account gets a window. */
#define RESET_TTL_S 3600
#define RESET_MAILS_PER_WINDOW 3
/* The longest name or email address the form takes. */
#define WHO_MAX_BYTES 254

/* Renders the lost-password page: the form, or (sent) the answer. */
static int
lost_page(struct app *app, struct req *req, struct resp *resp, int status,
          const char *message_key, bool sent)
{
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "lost_password"));

	if (ctx == NULL)
		return 500;
	if (!sent)
		tv_set_str(req->arena, ctx, "form_token",
		           session_form_token(app, req, LOST_FORM));
	tv_set_bool(req->arena, ctx, "sent", sent);
	if (message_key != NULL)
		tv_set_str(req->arena, ctx, "message",
		           edition_string(req->edition, message_key));
	return app_render(app, resp, status, "admin/lost_password", ctx);
}

/*
 * GET /admin/lost-password: the form asking for a user name or email.
 * Statuses: 200, 500.  No role.
 */
int
admin_lost_password_form(struct app *app, struct req *req, struct resp *resp)
{
	return lost_page(app, req, resp, 200, NULL, false);
}

/*
 * Checks and counts the request's throttle: what was typed (lower-case)
 * and the client's address (IPv6 by /64), each against the login's
 * limits.  Returns 0 to go on, 429 (Retry-After set, audited) or -1.
 */
static int
lost_throttled(struct app *app, struct req *req, struct resp *resp,
               const char *who)
{
	const char *keys[2];
	long long now = (long long)time(NULL), window = login_window(app);
	long long wait = 0, w;
	int limits[2], fails;
	bool over = false;

	/* "reset-account:…" and "reset-address:…": the login's own
	 * counters are not touched. */
	login_throttle_keys(req, who, &keys[0], &keys[1]);
	for (int i = 0; i < 2; i++)
		keys[i] = arena_concat(req->arena, "reset-", keys[i], NULL);
	limits[0] = site_setting_int(&app->site, "login_account_failures", 5, 1,
	                             1000000);
	limits[1] = site_setting_int(&app->site, "login_address_failures", 20,
	                             1, 1000000);
	for (int i = 0; i < 2; i++) {
		if ((fails = throttle_db_get(app->db, keys[i], now, window,
		                             &w)) < 0)
			return -1;
		if (fails >= limits[i]) {
			over = true;
			wait = w > wait ? w : wait;
		}
	}
	if (over) {
		audit_db_add(app->db, now, 0, who, "password reset throttled",
		             "", req->remote_addr);
		resp_header(
		    resp, "Retry-After",
		    arena_printf(req->arena, "%lld", wait > 0 ? wait : 1));
		return 429;
	}
	for (int i = 0; i < 2; i++)
		if (throttle_db_fail(app->db, keys[i], now, window) < 0)
			return -1;
	return 0;
}

/*
 * Files a reset request for one matching account, unless it had its
 * RESET_MAILS_PER_WINDOW already (then nothing is sent, and nothing shows).
 * Returns 0 or -1.
 */
static int
lost_file(struct app *app, struct req *req, const struct staff *user)
{
	long long now = (long long)time(NULL), window = login_window(app);
	const char *key = arena_printf(req->arena, "reset-mail:%lld", user->id);
	long long wait;
	int sent = throttle_db_get(app->db, key, now, window, &wait);

	if (sent < 0)
		return -1;
	if (sent >= RESET_MAILS_PER_WINDOW) {
		audit_db_add(app->db, now, user->id, user->name,
		             "password reset throttled", "mails",
		             req->remote_addr);
		return 0;
	}
	if (reset_db_file(app->db, user->id, app_now(app),
	                  app_now(app) + RESET_TTL_S) < 0 ||
	    throttle_db_fail(app->db, key, now, window) < 0)
		return -1;
	audit_db_add(app->db, now, user->id, user->name,
	             "password reset requested", "", req->remote_addr);
	return 0;
}

/*
 * POST /admin/lost-password: asks for a reset link.  Fields: who (a user
 * name or an email address), form_token (checked by the router).  The
 * answer is the same whether or not anything matched.  Without serve's
 * --sendmail nothing is filed (logged).  Statuses: 200 (the answer), 400
 * (who empty or too long: the form again), 429 (throttled, Retry-After),
 * 500.  No role.
 */
int
admin_lost_password_submit(struct app *app, struct req *req, struct resp *resp)
{
	const char *who = req_form(req, "who");
	struct staff *rows;
	size_t count;
	int rc;

	if (who == NULL || who[0] == '\0' || strlen(who) > WHO_MAX_BYTES)
		return lost_page(app, req, resp, 400, "lost_password_empty",
		                 false);
	if ((rc = lost_throttled(app, req, resp, who)) != 0)
		return rc < 0 ? 500
		              : lost_page(app, req, resp, 429,
		                          "lost_password_throttled", false);
	if (reset_db_match(app->db, req->arena, who, &rows, &count) < 0)
		return 500;
	if (count > 0 && !app->notify_messages)
		log_warn("a password reset link was asked for, but serve runs "
		         "without --sendmail: none is sent");
	for (size_t i = 0; i < count && app->notify_messages; i++)
		if (lost_file(app, req, &rows[i]) < 0)
			return 500;
	return lost_page(app, req, resp, 200, "lost_password_sent", true);
}

/* Renders the page of a link that does not work (400). */
static int
bad_link(struct app *app, struct req *req, struct resp *resp)
{
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "reset_title"));

	if (ctx == NULL)
		return 500;
	tv_set_bool(req->arena, ctx, "bad_link", true);
	return app_render(app, resp, 400, "admin/reset", ctx);
}

/*
 * Finds the account whose live reset token is text, leaving the token's
 * hash in hash.  Returns 0 (*user filled, in the request's arena), 1 when
 * the token is malformed, unknown, used, expired or the account's is
 * disabled, or -1.
 */
static int
reset_account(struct app *app, struct req *req, const char *text,
              unsigned char hash[TOKEN_HASH_BYTES], struct staff *user)
{
	long long id;
	int rc;

	if (text == NULL || token_hash(text, hash) < 0)
		return 1;
	if ((rc = reset_db_lookup(app->db, hash, app_now(app), &id)) != 0)
		return rc;
	if ((rc = staff_db_get(app->db, req->arena, id, user)) != 0)
		return rc;
	return user->disabled ? 1 : 0;
}

/* Renders the new-password form for token with status and a message. */
static int
reset_page(struct app *app, struct req *req, struct resp *resp, int status,
           const struct staff *user, const char *token, const char *message_key)
{
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "reset_title"));

	if (ctx == NULL)
		return 500;
	tv_set_str(req->arena, ctx, "form_token",
	           session_form_token(app, req, RESET_FORM));
	tv_set_str(req->arena, ctx, "token", token);
	tv_set_str(req->arena, ctx, "name", user->name);
	if (message_key != NULL)
		tv_set_str(req->arena, ctx, "message",
		           edition_string(req->edition, message_key));
	return app_render(app, resp, status, "admin/reset", ctx);
}

/*
 * GET /admin/reset?token=T: the form setting a new password, when T is a
 * live reset token.  Statuses: 200, 400 (used, expired, replaced or
 * invented: a page saying so), 500.  No role.
 */
int
admin_reset_form(struct app *app, struct req *req, struct resp *resp)
{
	const char *token = req_query(req, "token");
	unsigned char hash[TOKEN_HASH_BYTES];
	struct staff user;
	int rc = reset_account(app, req, token, hash, &user);

	if (rc != 0)
		return rc < 0 ? 500 : bad_link(app, req, resp);
	return reset_page(app, req, resp, 200, &user, token, NULL);
}

/*
 * POST /admin/reset: sets the new password of the token's account, ends
 * all its sessions, spends the token (one transaction), clears the
 * account's login throttle and audits it; signs nobody in.  Fields:
 * token, password, form_token (checked by the router).  Statuses: 200
 * (done: a link to log in), 400 (the token no longer works: the page
 * saying so; or a password out of bounds: the form again, nothing
 * changed), 500.  No role.
 */
int
admin_reset_submit(struct app *app, struct req *req, struct resp *resp)
{
	const char *token = req_form(req, "token"),
	           *pw = req_form(req, "password");
	unsigned char hash[TOKEN_HASH_BYTES];
	char pw_hash[PASSWORD_HASH_MAX];
	const char *account_key, *address_key;
	struct staff user;
	struct tval *ctx;
	int rc = reset_account(app, req, token, hash, &user);

	if (rc != 0)
		return rc < 0 ? 500 : bad_link(app, req, resp);
	if (pw == NULL || password_policy_check(pw, strlen(pw)) < 0)
		return reset_page(app, req, resp, 400, &user, token,
		                  "error_password");
	if (password_hash(pw, strlen(pw), pw_hash) < 0)
		return 500;
	/* The write lock is taken after argon2, as everywhere. */
	rc = reset_db_use(app->db, hash, user.id, app_now(app), pw_hash);
	if (rc != 0)
		return rc < 0 ? 500 : bad_link(app, req, resp);
	login_throttle_keys(req, user.name, &account_key, &address_key);
	throttle_db_clear(app->db, account_key);
	audit_db_add(app->db, (long long)time(NULL), user.id, user.name,
	             "password reset", "by email link", req->remote_addr);
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "reset_title"));
	if (ctx == NULL)
		return 500;
	tv_set_bool(req->arena, ctx, "done", true);
	return app_render(app, resp, 200, "admin/reset", ctx);
}
