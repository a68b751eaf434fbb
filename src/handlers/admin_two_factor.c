/*
 * admin_two_factor.c: two-factor login as staff set it up on their
 * account page: a new secret shown as a QR code and as text, turned on
 * only by a correct code from the app; ten recovery codes shown once;
 * new recovery codes; turning it off.  Changing it asks for the password
 * or a current code (throttled and audited like logins), and a role that
 * must use it cannot turn it off.  The check of a code at login lives
 * here too (two_factor_check); the login pages are admin_login.c's, the
 * admin's reset of someone else's is admin_users.c's.  Every change is
 * audited, never with a secret or a code.
 */
#include <string.h>
#include <time.h>

#include "../auth/password.h"
#include "../auth/session.h"
#include "../auth/totp.h"
#include "../db/two_factor_db.h"
#include "handlers.h"

_Static_assert(TOTP_SECRET_BYTES == TWO_FACTOR_SECRET_BYTES &&
                   TOTP_HASH_BYTES == TWO_FACTOR_HASH_BYTES,
               "totp.h and two_factor_db.h disagree");

static void
audit(struct app *app, struct req *req, const struct staff *user,
      const char *action, const char *detail)
{
	audit_db_add(app->db, (long long)time(NULL), user->id, user->name,
	             action, detail, req->remote_addr);
}

/* Checks a second factor; see handlers.h. */
enum two_factor_result
two_factor_check(struct app *app, struct req *req, const struct staff *user,
                 const char *code, bool recovery)
{
	struct two_factor tf;
	unsigned char hash[TOTP_HASH_BYTES];
	long long step;
	int rc;

	if (code == NULL)
		return TWO_FACTOR_WRONG;
	if (recovery && !totp_is_code(code)) {
		if (totp_recovery_hash(code, hash) < 0)
			return TWO_FACTOR_WRONG;
		rc = two_factor_db_use_recovery(app->db, user->id, hash);
		if (rc != 0)
			return rc < 0 ? TWO_FACTOR_ERROR : TWO_FACTOR_WRONG;
		audit(app, req, user, "recovery code used", "");
		return TWO_FACTOR_RECOVERY;
	}
	if ((rc = two_factor_db_get(app->db, user->id, &tf)) != 0)
		return rc < 0 ? TWO_FACTOR_ERROR : TWO_FACTOR_WRONG;
	step = tf.enabled ? totp_verify(tf.secret, code, app_now(app)) : 0;
	totp_wipe(tf.secret, sizeof(tf.secret));
	if (step <= 0)
		return step < 0 ? TWO_FACTOR_ERROR : TWO_FACTOR_WRONG;
	rc = two_factor_db_use_step(app->db, user->id, step);
	return rc < 0   ? TWO_FACTOR_ERROR
	       : rc > 0 ? TWO_FACTOR_WRONG
	                : TWO_FACTOR_CODE;
}

/* Adds the account page's section; see handlers.h. */
int
two_factor_account(struct app *app, struct req *req, struct tval *ctx)
{
	struct two_factor tf;
	bool required = session_two_factor_required(app, req->user->role);
	int rc = two_factor_db_get(app->db, req->user->id, &tf);

	totp_wipe(tf.secret, sizeof(tf.secret));
	if (rc < 0)
		return -1;
	tv_set_bool(req->arena, ctx, "two_factor_on", tf.enabled);
	tv_set_bool(req->arena, ctx, "two_factor_required", required);
	tv_set_bool(req->arena, ctx, "two_factor_must",
	            required && !tf.enabled);
	tv_set_int(req->arena, ctx, "recovery_left", tf.recovery_left);
	return 0;
}

/*
 * Renders the setup page of the setup waiting for the signed-in account:
 * its QR code, its key as text and the field for the confirming code.
 * The secret is read back from the database, never from the request.
 */
static int
setup_page(struct app *app, struct req *req, struct resp *resp, int status,
           const char *message_key)
{
	struct arena *a = req->arena;
	struct two_factor tf;
	char text[TOTP_TEXT_MAX], grouped[TOTP_TEXT_MAX];
	const char *uri, *qr;
	struct tval *ctx;
	int rc = two_factor_db_get(app->db, req->user->id, &tf);

	if (rc == 0 && !tf.enabled &&
	    (totp_secret_text(tf.secret, 0, text) < 0 ||
	     totp_secret_text(tf.secret, 1, grouped) < 0))
		rc = -1;
	totp_wipe(tf.secret, sizeof(tf.secret));
	if (rc < 0)
		return 500;
	if (rc > 0 || tf.enabled)
		return admin_account_page(app, req, resp, 400,
		                          "error_two_factor_state");
	uri = totp_uri(a, admin_default_edition(app)->site_name,
	               req->user->name, text);
	qr = totp_qr_data_uri(a, uri);
	totp_wipe(text, sizeof(text));
	ctx = admin_frame(app, req, resp,
	                  edition_string(req->edition, "two_factor_set_up"));
	if (qr == NULL || ctx == NULL)
		return 500;
	tv_set_str(a, ctx, "qr", qr);
	/* Values borrow their text: give them copies, wipe the stack's. */
	tv_set_str(a, ctx, "key", arena_strdup(a, grouped));
	totp_wipe(grouped, sizeof(grouped));
	if (message_key != NULL)
		tv_set_str(a, ctx, "message",
		           edition_string(req->edition, message_key));
	return app_render(app, resp, status, "admin/two_factor_setup", ctx);
}

/* Renders new recovery codes, the only time they are ever shown. */
static int
codes_page(struct app *app, struct req *req, struct resp *resp,
           char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT])
{
	struct arena *a = req->arena;
	struct tval *ctx = admin_frame(
	    app, req, resp, edition_string(req->edition, "recovery_codes"));
	struct tval *list = tv_list(a);

	for (size_t i = 0; i < TOTP_RECOVERY_COUNT; i++) {
		tv_push(a, list, tv_str(a, arena_strdup(a, codes[i])));
		totp_wipe(codes[i], TOTP_RECOVERY_TEXT);
	}
	if (ctx == NULL)
		return 500;
	tv_set(a, ctx, "codes", list);
	return app_render(app, resp, 200, "admin/two_factor_codes", ctx);
}

/*
 * Makes ten recovery codes and stores their hashes: turning the waiting
 * setup on at step when step > 0, else replacing the codes of two-factor
 * login already on.  Audits action and shows the codes, once.
 */
static int
store_codes(struct app *app, struct req *req, struct resp *resp, long long step,
            const char *action)
{
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT];
	unsigned char hashes[TOTP_RECOVERY_COUNT][TOTP_HASH_BYTES];
	const unsigned char(*h)[TOTP_HASH_BYTES] =
	    (const unsigned char(*)[TOTP_HASH_BYTES])hashes;
	long long id = req->user->id;
	int rc;

	totp_recovery_new(codes, hashes);
	rc = step > 0 ? two_factor_db_enable(app->db, id, step, h,
	                                     TOTP_RECOVERY_COUNT)
	              : two_factor_db_set_recovery(app->db, id, h,
	                                           TOTP_RECOVERY_COUNT);
	if (rc != 0) {
		totp_wipe(codes, sizeof(codes));
		return rc < 0 ? 500
		              : admin_account_page(app, req, resp, 400,
		                                   "error_two_factor_state");
	}
	audit(app, req, req->user, action, "");
	return codes_page(app, req, resp, codes);
}

/*
 * Asks the signed-in account to prove itself again before a change: the
 * field "confirm" holds its password or a current code from its app (a
 * code is spent).  Throttled and counted like a login, but an empty or
 * missing field is no guess: 400 with its message, not counted (five
 * empty forms used to lock the account out of logging in).  Returns 0 to
 * go on, or the status of the page it rendered.
 */
static int
confirm(struct app *app, struct req *req, struct resp *resp)
{
	const char *v = req_form(req, "confirm");
	const struct staff *me = req->user;
	struct staff full;
	bool ok = false;
	int rc;

	if (v == NULL || v[0] == '\0')
		return admin_account_page(app, req, resp, 400,
		                          "error_confirm_empty");
	if ((rc = login_throttled(app, req, resp, me->name)) != 0)
		return rc < 0 ? 500
		              : admin_account_page(app, req, resp, 429,
		                                   "login_throttled");
	if (totp_is_code(v)) {
		enum two_factor_result r =
		    two_factor_check(app, req, me, v, false);

		if (r == TWO_FACTOR_ERROR)
			return 500;
		ok = r == TWO_FACTOR_CODE;
	} else if (strlen(v) <= PASSWORD_MAX_BYTES) {
		if (staff_db_get(app->db, req->arena, me->id, &full) != 0)
			return 500;
		ok = password_verify(full.password_hash, v, strlen(v)) == 1;
	}
	if (ok)
		return 0;
	login_failed(app, req, me->id, me->name,
	             "two-factor confirmation refused");
	return admin_account_page(app, req, resp, 400,
	                          "error_two_factor_confirm");
}

/*
 * POST /admin/account/two-factor/setup: starts setting up two-factor
 * login with a new secret (a setup left unconfirmed is replaced) and shows
 * it.  Fields: csrf.  Statuses: 200 (the setup page), 400 (already on),
 * 500.  Role: any staff (also one that must still set it up).
 */
int
admin_two_factor_setup(struct app *app, struct req *req, struct resp *resp)
{
	unsigned char secret[TOTP_SECRET_BYTES];
	int rc;

	totp_secret_new(secret);
	rc = two_factor_db_setup(app->db, req->user->id, secret,
	                         (long long)time(NULL));
	totp_wipe(secret, sizeof(secret));
	if (rc != 0)
		return rc < 0 ? 500
		              : admin_account_page(app, req, resp, 400,
		                                   "error_two_factor_state");
	return setup_page(app, req, resp, 200, NULL);
}

/*
 * POST /admin/account/two-factor/enable: turns the setup on when code is
 * right (its step counts as used), and shows ten new recovery codes once.
 * Fields: code, csrf.  Statuses: 200 (the recovery codes), 400 (a wrong
 * code: the setup page again; or no setup waiting), 500.  Role: any staff
 * (also one that must still set it up).
 */
int
admin_two_factor_enable(struct app *app, struct req *req, struct resp *resp)
{
	struct two_factor tf;
	long long step = 0;
	int rc = two_factor_db_get(app->db, req->user->id, &tf);

	if (rc == 0 && !tf.enabled)
		step =
		    totp_verify(tf.secret, req_form(req, "code"), app_now(app));
	totp_wipe(tf.secret, sizeof(tf.secret));
	if (rc < 0 || step < 0)
		return 500;
	if (rc > 0 || tf.enabled)
		return admin_account_page(app, req, resp, 400,
		                          "error_two_factor_state");
	if (step == 0) {
		audit(app, req, req->user, "two-factor setup code refused", "");
		return setup_page(app, req, resp, 400, "error_two_factor_code");
	}
	return store_codes(app, req, resp, step, "two-factor enabled");
}

/*
 * POST /admin/account/two-factor/recovery: replaces one's recovery codes
 * with ten new ones, shown once.  Fields: confirm (password or a current
 * code), csrf.  Statuses: 200, 400 (not confirmed, or two-factor login is
 * off), 429, 500.  Role: any staff.
 */
int
admin_two_factor_recovery(struct app *app, struct req *req, struct resp *resp)
{
	int rc = confirm(app, req, resp);

	if (rc != 0)
		return rc;
	return store_codes(app, req, resp, 0, "recovery codes replaced");
}

/*
 * POST /admin/account/two-factor/disable: turns one's two-factor login
 * off; its secret and recovery codes are deleted.  Fields: confirm
 * (password or a current code), csrf.  Statuses: 303, 400 (the role must
 * use it, or not confirmed), 429, 500.  Role: any staff.
 */
int
admin_two_factor_disable(struct app *app, struct req *req, struct resp *resp)
{
	int rc;

	if (session_two_factor_required(app, req->user->role))
		return admin_account_page(app, req, resp, 400,
		                          "error_two_factor_required");
	if ((rc = confirm(app, req, resp)) != 0)
		return rc;
	if ((rc = two_factor_db_delete(app->db, req->user->id)) < 0)
		return 500;
	if (rc == 0)
		audit(app, req, req->user, "two-factor disabled", "");
	return resp_redirect(resp, 303, "/admin/account") < 0 ? 500 : 303;
}
