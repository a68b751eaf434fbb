/*
 * admin_users.c: accounts.  Admins list, create, disable and enable
 * accounts, change their roles and set their passwords (each of which ends
 * the account's sessions, so a changed role takes a new session id); every
 * staff member changes their own password and sees and ends their own
 * sessions; admins read the audit log and turn off the two-factor login
 * of an account whose owner lost their phone.  Every change is audited.
 *
 * An account's email is where a password reset link goes (admin_reset.c):
 * admins set anyone's, each staff member their own (giving their current
 * password, since whoever sets it can reset the password).  It is checked
 * as the contact form checks a reader's (text_email_valid) and need not
 * be unique.  Each staff member also chooses the language of their own
 * admin area, one of the site's editions (src/auth/session.c applies it).
 * Changing one's own password or email asks for the current password, throttled
 * and counted like a login; an empty one is no guess and is not counted.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/password.h"
#include "../auth/session.h"
#include "../db/auth_db.h"
#include "../db/two_factor_db.h"
#include "../db/user_db.h"
#include "../util/slug.h"
#include "../util/text.h"
#include "handlers.h"

#define AUDIT_PER_PAGE 100

/* An admin page's context titled with the interface string key. */
static struct tval *
context(struct app *app, struct req *req, struct resp *resp, const char *key)
{
	return admin_frame(app, req, resp, edition_string(req->edition, key));
}

static void
audit(struct app *app, struct req *req, const char *action, const char *detail)
{
	audit_db_add(app->db, (long long)time(NULL), req->user->id,
	             req->user->name, action, detail, req->remote_addr);
}

/* Returns whether an account name is 1-64 of [A-Za-z0-9._@-]. */
static bool
name_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr("._@-", *s)))
			return false;
	return true;
}

/* Returns whether email may be an account's: empty (none) or an address
 * as the contact form takes it. */
static bool
email_ok(const char *email)
{
	return email != NULL && (email[0] == '\0' || text_email_valid(email));
}

/* Renders the users page with status and an optional message key. */
static int
users_page(struct app *app, struct req *req, struct resp *resp, int status,
           const char *message_key)
{
	struct arena *a = req->arena;
	struct staff_row *rows;
	size_t count, i, k;
	struct tval *ctx = context(app, req, resp, "users"), *list;

	if (ctx == NULL ||
	    staff_db_list(app->db, a, (long long)time(NULL), &rows, &count) < 0)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		struct tval *m = tv_map(a), *opts = tv_list(a);

		tv_set_int(a, m, "id", rows[i].s.id);
		tv_set_str(a, m, "name", rows[i].s.name);
		tv_set_str(a, m, "display_name", rows[i].s.display_name);
		tv_set_str(a, m, "email", rows[i].s.email);
		tv_set_str(a, m, "slug", rows[i].slug);
		tv_set_str(a, m, "role", rows[i].s.role);
		tv_set_bool(a, m, "disabled", rows[i].s.disabled);
		tv_set_int(a, m, "sessions", rows[i].sessions);
		tv_set_bool(a, m, "two_factor", rows[i].two_factor);
		tv_set_bool(a, m, "self", rows[i].s.id == req->user->id);
		for (k = 0; k < USER_ROLES_COUNT; k++) {
			struct tval *o = tv_map(a);

			tv_set_str(a, o, "value", user_roles[k]);
			tv_set_bool(a, o, "selected",
			            strcmp(user_roles[k], rows[i].s.role) == 0);
			tv_push(a, opts, o);
		}
		tv_set(a, m, "roles", opts);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "users", list);
	if (message_key != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message_key));
	return app_render(app, resp, status, "admin/users", ctx);
}

/*
 * GET /admin/users: every account, with forms to change them and to make
 * a new one.  Statuses: 200, 500.  Role: admin.
 */
int
admin_users(struct app *app, struct req *req, struct resp *resp)
{
	return users_page(app, req, resp, 200, NULL);
}

/*
 * POST /admin/users/new: creates an account.  Fields: name, display_name,
 * role, password, email (optional), csrf.  Statuses: 303, 400 (the page
 * again with a message; nothing created), 500.  Role: admin.
 */
int
admin_user_create(struct app *app, struct req *req, struct resp *resp)
{
	const char *name = req_form(req, "name"), *role = req_form(req, "role");
	const char *display = req_form(req, "display_name");
	const char *pw = req_form(req, "password");
	const char *email = req_form(req, "email");
	char hash[PASSWORD_HASH_MAX];
	long long id;

	if (email == NULL)
		email = "";
	if (!name_ok(name))
		return users_page(app, req, resp, 400, "error_user_name");
	if (role == NULL || !user_role_valid(role))
		return users_page(app, req, resp, 400, "error_role");
	if (pw == NULL || password_policy_check(pw, strlen(pw)) < 0)
		return users_page(app, req, resp, 400, "error_password");
	if (!email_ok(email))
		return users_page(app, req, resp, 400, "error_email");
	if (display == NULL || display[0] == '\0' || strlen(display) > 100)
		display = name;
	if (password_hash(pw, strlen(pw), hash) < 0)
		return 500;
	id = user_db_add_email(app->db, name, display, role, hash, email);
	if (id == 0)
		return users_page(app, req, resp, 400, "error_user_name");
	if (id < 0)
		return 500;
	audit(app, req, "user created",
	      arena_concat(req->arena, name, " (", role, ")", NULL));
	return resp_redirect(resp, 303, "/admin/users") < 0 ? 500 : 303;
}

/*
 * POST /admin/users/{id}: changes an account.  Fields: action (role,
 * disable, enable, password, email, slug, two_factor_off), role, password,
 * email ('' for none), slug (the author's address, /author/SLUG: a slug
 * as util/slug.h makes them, free; the old address then leads to it),
 * csrf.  Each but email, slug and two_factor_off ends the account's
 * sessions; two_factor_off turns the account's two-factor login
 * off (a lost phone), deleting its secret and recovery codes.  An admin
 * cannot change their own role, disable themselves or turn their own
 * two-factor login off here.  Statuses: 303, 400, 404, 500.  Role: admin.
 */
int
admin_user_update(struct app *app, struct req *req, struct resp *resp)
{
	const char *action = req_form(req, "action");
	struct staff target;
	int rc = staff_db_get(app->db, req->arena, req->param_int, &target);
	const char *detail = target.name;

	if (rc != 0)
		return rc > 0 ? 404 : 500;
	if (action == NULL)
		return 400;
	if (strcmp(action, "password") == 0) {
		const char *pw = req_form(req, "password");
		char hash[PASSWORD_HASH_MAX];

		if (pw == NULL || password_policy_check(pw, strlen(pw)) < 0)
			return users_page(app, req, resp, 400,
			                  "error_password");
		if (password_hash(pw, strlen(pw), hash) < 0 ||
		    staff_db_reset_password(app->db, target.id, hash,
		                            target.id == req->user->id
		                                ? req->session_hash
		                                : NULL) < 0)
			return 500;
		audit(app, req, "password set", detail);
	} else if (strcmp(action, "email") == 0) {
		const char *email = req_form(req, "email");

		if (!email_ok(email))
			return users_page(app, req, resp, 400, "error_email");
		if (staff_db_set_email(app->db, target.id, email) < 0)
			return 500;
		audit(app, req, "email set", detail);
	} else if (strcmp(action, "slug") == 0) {
		const char *slug = req_form(req, "slug");
		int taken;

		if (slug == NULL || !slug_valid(slug, strlen(slug)))
			return users_page(app, req, resp, 400,
			                  "error_user_slug");
		taken = staff_db_set_slug(app->db, target.id, slug);
		if (taken != 0)
			return taken > 0 ? users_page(app, req, resp, 400,
			                              "error_user_slug")
			                 : 500;
		audit(
		    app, req, "author address set",
		    arena_concat(req->arena, detail, ": /author/", slug, NULL));
	} else if (target.id == req->user->id) {
		return users_page(app, req, resp, 400, "error_self");
	} else if (strcmp(action, "role") == 0) {
		const char *role = req_form(req, "role");

		if (role == NULL || !user_role_valid(role))
			return users_page(app, req, resp, 400, "error_role");
		if (staff_db_update(app->db, target.id, role, -1) < 0)
			return 500;
		audit(app, req, "role changed",
		      arena_concat(req->arena, detail, ": ", target.role,
		                   " to ", role, NULL));
	} else if (strcmp(action, "disable") == 0 ||
	           strcmp(action, "enable") == 0) {
		bool off = action[0] == 'd';

		if (staff_db_update(app->db, target.id, NULL, off) < 0)
			return 500;
		audit(app, req, off ? "user disabled" : "user enabled", detail);
	} else if (strcmp(action, "two_factor_off") == 0) {
		int rc_off = two_factor_db_delete(app->db, target.id);

		if (rc_off < 0)
			return 500;
		if (rc_off == 0)
			audit(app, req, "two-factor reset", detail);
	} else {
		return 400;
	}
	return resp_redirect(resp, 303, "/admin/users") < 0 ? 500 : 303;
}

/* Renders the account page; see handlers.h. */
int
admin_account_page(struct app *app, struct req *req, struct resp *resp,
                   int status, const char *message_key)
{
	struct arena *a = req->arena;
	struct session_row *rows;
	size_t count, i;
	struct tval *ctx = context(app, req, resp, "your_account"), *list;

	if (ctx == NULL ||
	    session_db_list(app->db, a, req->user->id, (long long)time(NULL),
	                    req->session_hash, &rows, &count) < 0)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count; i++) {
		struct tval *m = tv_map(a);

		tv_set_str(a, m, "id", rows[i].id);
		tv_set_str(a, m, "since",
		           frame_date(app, req, rows[i].created_at));
		tv_set_str(a, m, "seen",
		           frame_date(app, req, rows[i].last_seen_at));
		tv_set_str(a, m, "address", rows[i].address);
		tv_set_str(a, m, "agent", rows[i].user_agent);
		tv_set_bool(a, m, "current", rows[i].current);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "sessions", list);
	tv_set_str(a, ctx, "email", req->user->email ? req->user->email : "");
	tv_set(a, ctx, "admin_editions",
	       admin_edition_options(app, a, req->edition->id));
	if (two_factor_account(app, req, ctx) < 0)
		return 500;
	if (message_key != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message_key));
	return app_render(app, resp, status, "admin/account", ctx);
}

/*
 * GET /admin/account: one's own password form, email, admin language,
 * sessions and two-factor login.  Statuses: 200, 500.  Role: any staff (also an
 * account that must still set up two-factor login).
 */
int
admin_account(struct app *app, struct req *req, struct resp *resp)
{
	return admin_account_page(app, req, resp, 200, NULL);
}

/*
 * Checks the current password a change of one's own account gives (the
 * field "current").  Empty or missing: 400 with its message, not counted
 * (an empty field is no guess).  Otherwise throttled and, when wrong,
 * counted and audited like a failed login.  Returns 0 to go on, or the
 * status of the page it rendered.
 */
static int
reauth(struct app *app, struct req *req, struct resp *resp)
{
	const char *cur = req_form(req, "current");
	struct staff me;
	int rc;

	if (cur == NULL || cur[0] == '\0')
		return admin_account_page(app, req, resp, 400,
		                          "error_current_empty");
	if (strlen(cur) > PASSWORD_MAX_BYTES)
		return admin_account_page(app, req, resp, 400,
		                          "error_current_password");
	if ((rc = login_throttled(app, req, resp, req->user->name)) != 0)
		return rc < 0 ? 500
		              : admin_account_page(app, req, resp, 429,
		                                   "login_throttled");
	if (staff_db_get(app->db, req->arena, req->user->id, &me) != 0)
		return 500;
	if (password_verify(me.password_hash, cur, strlen(cur)) != 1) {
		login_failed(app, req, me.id, me.name,
		             "current password refused");
		return admin_account_page(app, req, resp, 400,
		                          "error_current_password");
	}
	return 0;
}

/*
 * POST /admin/account/password: changes one's own password; other
 * sessions end.  Fields: current, password, csrf.  Statuses: 303, 400
 * (current password empty or wrong, or a new one out of bounds), 429
 * (throttled), 500.  Role: any staff.
 */
int
admin_account_password(struct app *app, struct req *req, struct resp *resp)
{
	const char *pw = req_form(req, "password");
	char hash[PASSWORD_HASH_MAX];
	int rc;

	if (pw == NULL || password_policy_check(pw, strlen(pw)) < 0)
		return admin_account_page(app, req, resp, 400,
		                          "error_password");
	if ((rc = reauth(app, req, resp)) != 0)
		return rc;
	if (password_hash(pw, strlen(pw), hash) < 0 ||
	    staff_db_reset_password(app->db, req->user->id, hash,
	                            req->session_hash) < 0)
		return 500;
	audit(app, req, "password changed", "");
	return resp_redirect(resp, 303, "/admin/account") < 0 ? 500 : 303;
}

/*
 * POST /admin/account/email: sets one's own email (where a password reset
 * link goes; empty for none).  Fields: email, current, csrf.  Statuses:
 * 303, 400 (not an address, or the current password empty or wrong), 429
 * (throttled), 500.  Role: any staff.
 */
int
admin_account_email(struct app *app, struct req *req, struct resp *resp)
{
	const char *email = req_form(req, "email");
	int rc;

	if (!email_ok(email))
		return admin_account_page(app, req, resp, 400, "error_email");
	if ((rc = reauth(app, req, resp)) != 0)
		return rc;
	if (staff_db_set_email(app->db, req->user->id, email) < 0)
		return 500;
	audit(app, req, "email set", req->user->name);
	return resp_redirect(resp, 303, "/admin/account") < 0 ? 500 : 303;
}

/*
 * POST /admin/account/language: chooses the language of one's own admin
 * area, one of the site's editions (enabled or not: only its strings,
 * lang and dir are used); the default edition is stored as none, so the
 * account follows the site's default.  Fields: edition (its id), csrf.
 * Statuses: 303, 400 (not an edition: the page again, nothing changed),
 * 500.  Role: any staff (also an account that must still set up
 * two-factor login, so it can read how in its own language).
 */
int
admin_account_language(struct app *app, struct req *req, struct resp *resp)
{
	long long id = admin_form_id(req, "edition");
	const struct edition *e = id > 0 ? admin_edition_by_id(app, id) : NULL;
	const struct edition *def = admin_default_edition(app);

	if (e == NULL)
		return admin_account_page(app, req, resp, 400,
		                          "error_admin_language");
	if (staff_db_set_admin_edition(app->db, req->user->id,
	                               e == def ? 0 : e->id) < 0)
		return 500;
	audit(app, req, "admin language set", e->code);
	return resp_redirect(resp, 303, "/admin/account") < 0 ? 500 : 303;
}

/*
 * POST /admin/account/sessions: ends one of one's own sessions.  Fields:
 * session (its id from the account page), csrf.  Statuses: 303, 404 (not
 * one of yours), 500.  Role: any staff.
 */
int
admin_account_end_session(struct app *app, struct req *req, struct resp *resp)
{
	const char *id = req_form(req, "session");
	int rc;

	if (id == NULL || strlen(id) != 64)
		return 404;
	rc = session_db_end(app->db, req->user->id, id);
	if (rc != 0)
		return rc > 0 ? 404 : 500;
	audit(app, req, "session ended", "");
	return resp_redirect(resp, 303, "/admin/account") < 0 ? 500 : 303;
}

/*
 * GET /admin/audit: the audit log, newest first (query: page).
 * Statuses: 200, 400, 500.  Role: admin.
 */
int
admin_audit(struct app *app, struct req *req, struct resp *resp)
{
	struct arena *a = req->arena;
	struct audit_row *rows;
	size_t count, i;
	const char *page = req_query(req, "page");
	long long n = 1;
	char *end;
	struct tval *ctx, *list;

	if (page != NULL &&
	    ((n = strtoll(page, &end, 10)) < 1 || *end || n > 100000))
		return 400;
	if (audit_db_list(app->db, a, (n - 1) * AUDIT_PER_PAGE,
	                  AUDIT_PER_PAGE + 1, &rows, &count) < 0 ||
	    (ctx = context(app, req, resp, "audit_log")) == NULL)
		return 500;
	list = tv_list(a);
	for (i = 0; i < count && i < AUDIT_PER_PAGE; i++) {
		struct tval *m = tv_map(a);
		time_t t = (time_t)rows[i].at;
		struct tm tm;
		char when[32] = "";

		if (localtime_r(&t, &tm) != NULL)
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
		tv_set_str(a, m, "when", arena_strdup(a, when));
		tv_set_str(a, m, "who", rows[i].user_name);
		tv_set_str(a, m, "what", rows[i].action);
		tv_set_str(a, m, "detail", rows[i].detail);
		tv_set_str(a, m, "address", rows[i].address);
		tv_push(a, list, m);
	}
	tv_set(a, ctx, "entries", list);
	if (n > 1)
		tv_set_str(a, ctx, "newer_url",
		           arena_printf(a, "/admin/audit?page=%lld", n - 1));
	if (count > AUDIT_PER_PAGE)
		tv_set_str(a, ctx, "older_url",
		           arena_printf(a, "/admin/audit?page=%lld", n + 1));
	return app_render(app, resp, 200, "admin/audit", ctx);
}
