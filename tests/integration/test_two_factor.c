/*
 * test_two_factor.c: two-factor login through the real request path:
 * setting it up (a wrong code refused, a right one turns it on and shows
 * recovery codes once), the login's second step (the password alone
 * starts no session; codes outside the window, and a code used twice,
 * refused; a recovery code works once), throttling of wrong codes, no
 * second step without the first (forged, expired or another account's
 * pending token), roles that must use it, the admin's reset, and CSRF on
 * every new form.  Codes are made here with liboath from the secret in
 * the database, on the clock the app is given (app.test_now).
 */
#include <ctype.h>
#include <liboath/oath.h>
#include <sodium.h>

#include "auth/password.h"
#include "auth/totp.h"
#include "db/user_db.h"
#include "driver.h"
#include "staff.h"

/* The app's clock: the middle of a time step, so that ±30 s is one step. */
#define T0 (1800000000LL - 1800000000LL % 30 + 15)

/* Reads name's TOTP secret from the database; 0, or -1 when none. */
static int
secret_of(const char *name, char secret[TOTP_SECRET_BYTES])
{
	char q[256], hex[64];
	size_t len = TOTP_SECRET_BYTES;

	snprintf(q, sizeof(q),
	         "SELECT hex(t.secret) FROM two_factor t JOIN users u ON "
	         "u.id = t.user_id WHERE u.name = '%s'",
	         name);
	snprintf(hex, sizeof(hex), "%s", query_text(q));
	if (strlen(hex) != 2 * TOTP_SECRET_BYTES ||
	    oath_hex2bin(hex, secret, &len) != OATH_OK)
		return -1;
	return 0;
}

/* Returns name's code at time t (a static copy, "" on failure). */
static const char *
code_at(const char *name, long long t)
{
	static char out[8];
	char secret[TOTP_SECRET_BYTES];

	out[0] = '\0';
	CHECK(secret_of(name, secret) == 0);
	CHECK(oath_totp_generate(secret, TOTP_SECRET_BYTES, (time_t)t, 30, 0, 6,
	                         out) == OATH_OK);
	return out;
}

/* Returns how many rows of table (recovery_codes, sessions) name has. */
static long long
rows_of(const char *table, const char *name)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM %s x JOIN users u ON u.id = x.user_id "
	         "WHERE u.name = '%s'",
	         table, name);
	return query_int(q);
}

/* Copies the recovery codes the last page shows into codes. */
static void
read_codes(char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT])
{
	const char *p = body.data;

	for (int i = 0; i < TOTP_RECOVERY_COUNT; i++) {
		p = p ? strstr(p, "<li><code>") : NULL;
		CHECK(p != NULL);
		if (p == NULL)
			return;
		p += 10;
		snprintf(codes[i], TOTP_RECOVERY_TEXT, "%.11s", p);
		CHECK(strlen(codes[i]) == 11 && codes[i][5] == '-');
	}
}

/* Sets name's two-factor login up through the pages at app.test_now,
 * keeping the recovery codes it shows in codes. */
static void
enable(const char *session, const char *name,
       char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT])
{
	char form[64];

	CHECK(post_as(session, "/admin/account/two-factor/setup", "") == 200);
	snprintf(form, sizeof(form), "code=%s", code_at(name, app.test_now));
	CHECK(post_as(session, "/admin/account/two-factor/enable", form) ==
	      200);
	read_codes(codes);
}

static char pend_user[32], pend_token[128]; /* of the last code page */

/* Sends name's password: the code page must come back, without a
 * session; its account and pending token are kept for code_step(). */
static void
password_step(const char *name)
{
	CHECK(login(name, PASSWORD) == 200);
	CHECK(has(&body, "name=\"pending\""));
	CHECK(has(&body, "autocomplete=\"one-time-code\""));
	CHECK(!has(&head, "Set-Cookie"));
	snprintf(pend_user, sizeof(pend_user), "%s", field("user"));
	snprintf(pend_token, sizeof(pend_token), "%s", field("pending"));
	CHECK(pend_user[0] != '\0' && strlen(pend_token) > 44);
}

/* Sends the second step for account user with pending token and code
 * (urlencoded) and a fresh login form token; returns the status. */
static int
code_step_as(const char *user, const char *pending, const char *code)
{
	char form[512];

	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	snprintf(form, sizeof(form), "form_token=%s&user=%s&pending=%s&code=%s",
	         field("form_token"), user, pending, code);
	cookie[0] = '\0';
	return request("POST", "/admin/login", NULL, NULL, form);
}

/* The same with what password_step() kept. */
static int
code_step(const char *code)
{
	return code_step_as(pend_user, pend_token, code);
}

static void
test_totp(void)
{
	/* RFC 6238's SHA-1 vectors (their last six digits). */
	const unsigned char rfc[TOTP_SECRET_BYTES + 1] = "12345678901234567890";
	unsigned char hash[TOTP_HASH_BYTES], again[TOTP_HASH_BYTES];
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT];
	unsigned char hashes[TOTP_RECOVERY_COUNT][TOTP_HASH_BYTES];
	char text[TOTP_TEXT_MAX];

	CHECK(totp_verify(rfc, "287082", 59) == 1);
	CHECK(totp_verify(rfc, "081804", 1111111109) == 1111111109 / 30);
	CHECK(totp_verify(rfc, "081 804", 1111111109) == 1111111109 / 30);
	/* One step either side, not two. */
	CHECK(totp_verify(rfc, "081804", 1111111109 + 30) == 1111111109 / 30);
	CHECK(totp_verify(rfc, "081804", 1111111109 - 30) == 1111111109 / 30);
	CHECK(totp_verify(rfc, "081804", 1111111109 + 60) == 0);
	CHECK(totp_verify(rfc, "081804", 1111111109 - 60) == 0);
	CHECK(totp_verify(rfc, "81804", 1111111109) == 0);
	CHECK(totp_verify(rfc, "0818040", 1111111109) == 0);
	CHECK(totp_verify(rfc, "08180x", 1111111109) == 0);
	CHECK(totp_secret_text(rfc, 0, text) == 0);
	CHECK(strcmp(text, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == 0);
	CHECK(totp_secret_text(rfc, 1, text) == 0);
	CHECK(strcmp(text, "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ") == 0);
	CHECK(strcmp(totp_uri(&arena, "Watch & Co", "a b", "ABCD"),
	             "otpauth://totp/Watch%20%26%20Co:a%20b?secret=ABCD&"
	             "issuer=Watch%20%26%20Co&algorithm=SHA1&digits=6&"
	             "period=30") == 0);

	/* Recovery codes: as typed, in any case, dashes and spaces aside. */
	totp_recovery_new(codes, hashes);
	CHECK(strlen(codes[0]) == 11 && codes[0][5] == '-');
	CHECK(strcmp(codes[0], codes[1]) != 0);
	CHECK(totp_recovery_hash(codes[3], hash) == 0);
	CHECK(memcmp(hash, hashes[3], TOTP_HASH_BYTES) == 0);
	CHECK(totp_recovery_hash("ABCDE FGHJK", hash) == 0);
	CHECK(totp_recovery_hash("abcde-fghjk", again) == 0);
	CHECK(memcmp(hash, again, TOTP_HASH_BYTES) == 0);
	CHECK(totp_recovery_hash("0a1b1-cdefg", hash) == 0);
	CHECK(totp_recovery_hash("oaibl-cdefg", again) == 0);
	CHECK(memcmp(hash, again, TOTP_HASH_BYTES) == 0);
	CHECK(totp_recovery_hash("abcde-fghj", hash) < 0);
	CHECK(totp_recovery_hash("abcde-fghjkm", hash) < 0);
	CHECK(totp_recovery_hash("abcde-fghju", hash) < 0);
	CHECK(totp_recovery_hash("", hash) < 0);
}

/* The tests' password as a form sends it. */
#define PASSWORD_FORM "correct+horse+battery+staple"

/* A 6-digit code that is not name's at time t (its first digit moved). */
static const char *
wrong_code(const char *name, long long t)
{
	static char out[8];

	snprintf(out, sizeof(out), "%s", code_at(name, t));
	out[0] = (char)('0' + (out[0] - '0' + 1) % 10);
	return out;
}

static char tina_codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT];
static char rita_codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT];

/* The two_factor row of name, as "enabled/last_step/recovery codes". */
static const char *
state_of(const char *name)
{
	char q[512];

	snprintf(q, sizeof(q),
	         "SELECT t.enabled || '/' || t.last_step || '/' || (SELECT "
	         "count(*) FROM recovery_codes r WHERE r.user_id = u.id) FROM "
	         "users u JOIN two_factor t ON t.user_id = u.id WHERE u.name = "
	         "'%s'",
	         name);
	return query_text(q);
}

/* Checks the setup page's QR code: an SVG of our own in a data: URI. */
static void
check_qr(void)
{
	static const char src[] = "src=\"data:image/svg+xml;base64,";
	const char *p = strstr(body.data, src);
	unsigned char svg[32768];
	size_t len = 0;

	CHECK(p != NULL);
	if (p == NULL)
		return;
	p += sizeof(src) - 1;
	CHECK(sodium_base642bin(svg, sizeof(svg) - 1, p, strcspn(p, "\""), NULL,
	                        &len, NULL,
	                        sodium_base64_VARIANT_ORIGINAL) == 0);
	svg[len] = '\0';
	CHECK(strncmp((char *)svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"",
	              39) == 0);
	CHECK(strstr((char *)svg, "<path fill=\"#000\" d=\"M") != NULL);
	CHECK(len > 6 && strcmp((char *)svg + len - 6, "</svg>") == 0);
	CHECK(strstr((char *)svg, "script") == NULL);
	CHECK(strstr((char *)svg, "otpauth") == NULL);
}

static void
test_setup(void)
{
	char *tina = session_of("tina"), secret[TOTP_SECRET_BYTES];
	char first[TOTP_SECRET_BYTES], grouped[64], form[64], *b32 = NULL;
	size_t len = 0, k = 0;

	CHECK(request("GET", "/admin/account", tina, NULL, NULL) == 200);
	CHECK(has(&body, "Two-factor login is off"));
	CHECK(post_as(tina, "/admin/account/two-factor/setup", "") == 200);
	CHECK(strcmp(state_of("tina"), "0/0/0") == 0);
	CHECK(secret_of("tina", first) == 0);
	/* Started again, a setup gets a new secret. */
	CHECK(post_as(tina, "/admin/account/two-factor/setup", "") == 200);
	CHECK(secret_of("tina", secret) == 0);
	CHECK(memcmp(first, secret, TOTP_SECRET_BYTES) != 0);
	/* The page shows the stored secret as a QR code and as text. */
	check_qr();
	CHECK(oath_base32_encode(secret, TOTP_SECRET_BYTES, &b32, &len) ==
	      OATH_OK);
	for (size_t i = 0; b32 != NULL && i < len && k + 2 < sizeof(grouped);
	     i++) {
		if (i > 0 && i % 4 == 0)
			grouped[k++] = ' ';
		grouped[k++] = b32[i];
	}
	grouped[k] = '\0';
	free(b32);
	CHECK(k == 39);
	CHECK(has(&body, grouped));

	/* Wrong codes turn nothing on: a typo, two steps behind or ahead. */
	snprintf(form, sizeof(form), "code=%s", wrong_code("tina", T0));
	CHECK(post_as(tina, "/admin/account/two-factor/enable", form) == 400);
	CHECK(has(&body, "That code is not right"));
	CHECK(has(&body, "data:image/svg+xml;base64,"));
	snprintf(form, sizeof(form), "code=%s", code_at("tina", T0 - 60));
	CHECK(post_as(tina, "/admin/account/two-factor/enable", form) == 400);
	snprintf(form, sizeof(form), "code=%s", code_at("tina", T0 + 60));
	CHECK(post_as(tina, "/admin/account/two-factor/enable", form) == 400);
	CHECK(post_as(tina, "/admin/account/two-factor/enable", "code=") ==
	      400);
	CHECK(strcmp(state_of("tina"), "0/0/0") == 0);

	/* The right code turns it on (its step is spent) and shows ten
	 * recovery codes, once. */
	snprintf(form, sizeof(form), "code=%s", code_at("tina", T0));
	CHECK(post_as(tina, "/admin/account/two-factor/enable", form) == 200);
	read_codes(tina_codes);
	snprintf(form, sizeof(form), "1/%lld/10", T0 / 30);
	CHECK(strcmp(state_of("tina"), form) == 0);
	CHECK(request("GET", "/admin/account", tina, NULL, NULL) == 200);
	CHECK(has(&body, "Two-factor login is on"));
	CHECK(has(&body, "Recovery codes left: 10"));
	CHECK(!has(&body, tina_codes[0]));
	CHECK(!has(&body, grouped));

	/* Once on, it is neither set up nor turned on again. */
	CHECK(post_as(tina, "/admin/account/two-factor/setup", "") == 400);
	CHECK(post_as(tina, "/admin/account/two-factor/enable", form) == 400);
	CHECK(secret_of("tina", first) == 0);
	CHECK(memcmp(first, secret, TOTP_SECRET_BYTES) == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'two-factor enabled'") == 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'two-factor setup code refused'") == 4);
	free(tina);
}

static void
test_login(void)
{
	long long before = rows_of("sessions", "tina");
	char *session;

	sql("DELETE FROM throttle");
	app.test_now = T0 + 30;
	/* The password alone starts no session. */
	password_step("tina");
	CHECK(rows_of("sessions", "tina") == before);
	/* Outside the window: two steps behind, two steps ahead. */
	CHECK(code_step(code_at("tina", T0 - 30)) == 403);
	CHECK(has(&body, "That code is not right"));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(code_step(code_at("tina", T0 + 90)) == 403);
	/* Inside the window, but spent when it was set up. */
	CHECK(code_step(code_at("tina", T0)) == 403);
	CHECK(rows_of("sessions", "tina") == before);
	/* The code of now: a session. */
	CHECK(code_step(code_at("tina", T0 + 30)) == 303);
	CHECK(has(&head, "Location: /admin\r\n"));
	CHECK(strncmp(cookie, "gazette_session=", 16) == 0);
	session = strdup(cookie);
	CHECK(request("GET", "/admin", session, NULL, NULL) == 200);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = 'login' "
	                "AND detail = 'two-factor'") == 1);
	/* The same code again, still inside its window: refused. */
	password_step("tina");
	CHECK(code_step(code_at("tina", T0 + 30)) == 403);
	CHECK(!has(&head, "Set-Cookie"));
	/* The next step's code is in the window; after it, this one's is
	 * old. */
	CHECK(code_step(code_at("tina", T0 + 60)) == 303);
	password_step("tina");
	CHECK(code_step(code_at("tina", T0 + 60)) == 403);
	CHECK(code_step(code_at("tina", T0 + 30)) == 403);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'two-factor code refused'") == 6);
	free(session);
}

static void
test_pending(void)
{
	char *rita = session_of("rita"), tina_user[32], tina_pending[128];
	char rita_user[32], rita_pending[128], hash[PASSWORD_HASH_MAX], q[256];

	sql("DELETE FROM throttle");
	app.test_now = T0 + 120;
	enable(rita, "rita", rita_codes);
	app.test_now += 30;
	password_step("tina");
	snprintf(tina_user, sizeof(tina_user), "%s", pend_user);
	snprintf(tina_pending, sizeof(tina_pending), "%s", pend_token);
	password_step("rita");
	snprintf(rita_user, sizeof(rita_user), "%s", pend_user);
	snprintf(rita_pending, sizeof(rita_pending), "%s", pend_token);

	/* No password step: an invented token, or none. */
	CHECK(code_step_as(tina_user,
	                   "1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	                   "AAAAA",
	                   code_at("tina", app.test_now)) == 403);
	CHECK(has(&body, "took too long"));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(code_step_as(tina_user, "", code_at("tina", app.test_now)) ==
	      403);
	/* Another account's token, either way round. */
	CHECK(code_step_as(tina_user, rita_pending,
	                   code_at("tina", app.test_now)) == 403);
	CHECK(code_step_as(rita_user, tina_pending,
	                   code_at("rita", app.test_now)) == 403);
	CHECK(!has(&head, "Set-Cookie"));
	/* A malformed account. */
	CHECK(code_step_as("x", tina_pending, code_at("tina", app.test_now)) ==
	      400);
	CHECK(code_step_as("0", tina_pending, code_at("tina", app.test_now)) ==
	      400);
	/* A token past its five minutes. */
	app.test_now += 301;
	CHECK(code_step_as(tina_user, tina_pending,
	                   code_at("tina", app.test_now)) == 403);
	CHECK(has(&body, "took too long"));
	/* A password changed since voids the token. */
	password_step("tina");
	CHECK(password_hash(PASSWORD, strlen(PASSWORD), hash) == 0);
	snprintf(q, sizeof(q),
	         "UPDATE users SET password_hash = '%s' WHERE name = 'tina'",
	         hash);
	sql(q);
	CHECK(code_step(code_at("tina", app.test_now)) == 403);
	CHECK(has(&body, "took too long"));
	/* None of that spent the code or counted as a failure: with a real
	 * token it works. */
	CHECK(query_int("SELECT count(*) FROM throttle") == 0);
	password_step("tina");
	CHECK(code_step(code_at("tina", app.test_now)) == 303);
	free(rita);
}

static void
test_recovery(void)
{
	char typed[TOTP_RECOVERY_TEXT];

	sql("DELETE FROM throttle");
	app.test_now += 30;
	/* A recovery code, typed in capitals with a space for the dash. */
	for (size_t i = 0; i < sizeof(typed); i++)
		typed[i] = rita_codes[0][i] == '-'
		               ? '+'
		               : (char)toupper((unsigned char)rita_codes[0][i]);
	password_step("rita");
	CHECK(code_step(typed) == 303);
	CHECK(strncmp(cookie, "gazette_session=", 16) == 0);
	CHECK(has(&head, "Location: /admin\r\n"));
	CHECK(strncmp(state_of("rita"), "1/", 2) == 0);
	CHECK(rows_of("recovery_codes", "rita") == 9);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'recovery code used' AND user_name = 'rita'") == 1);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = 'login' "
	                "AND detail = 'recovery code'") == 1);
	/* It works once; another account's codes do not work at all. */
	password_step("rita");
	CHECK(code_step(rita_codes[0]) == 403);
	CHECK(code_step(tina_codes[0]) == 403);
	CHECK(code_step("not-a-code") == 403);
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(code_step(rita_codes[1]) == 303);
	CHECK(request("GET", "/admin/account", cookie, NULL, NULL) == 200);
	CHECK(has(&body, "Recovery codes left: 8"));
}

static void
test_throttle(void)
{
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT];
	char *ed = session_of("ed");
	int i;

	sql("DELETE FROM throttle");
	app.test_now += 30;
	enable(ed, "ed", codes);
	app.test_now += 30;
	password_step("ed");
	for (i = 0; i < 3; i++)
		CHECK(code_step(wrong_code("ed", app.test_now)) == 403);
	/* A right password again does not forgive the wrong codes. */
	password_step("ed");
	for (i = 0; i < 2; i++)
		CHECK(code_step(wrong_code("ed", app.test_now)) == 403);
	CHECK(query_int("SELECT failures FROM throttle WHERE key = "
	                "'account:ed'") == 5);
	/* Past the limit even the right code gets 429, and no session. */
	CHECK(code_step(code_at("ed", app.test_now)) == 429);
	CHECK(has(&head, "Retry-After: "));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(login("ed", PASSWORD) == 429);
	/* The code was not spent: after the window it gets in. */
	sql("UPDATE throttle SET window_start = window_start - 3600");
	password_step("ed");
	CHECK(code_step(code_at("ed", app.test_now)) == 303);
	CHECK(query_int("SELECT count(*) FROM throttle WHERE key = "
	                "'account:ed'") == 0);
	free(ed);
}

static void
test_account(void)
{
	char *tina, form[128];

	sql("DELETE FROM throttle");
	app.test_now += 30;
	password_step("tina");
	CHECK(code_step(code_at("tina", app.test_now)) == 303);
	tina = strdup(cookie);
	/* New recovery codes need the password or a current code. */
	CHECK(post_as(tina, "/admin/account/two-factor/recovery",
	              "confirm=wrong+password+here") == 400);
	CHECK(has(&body, "neither your password"));
	snprintf(form, sizeof(form), "confirm=%s",
	         wrong_code("tina", app.test_now));
	CHECK(post_as(tina, "/admin/account/two-factor/recovery", form) == 400);
	/* This step's code was spent by the login. */
	snprintf(form, sizeof(form), "confirm=%s",
	         code_at("tina", app.test_now));
	CHECK(post_as(tina, "/admin/account/two-factor/recovery", form) == 400);
	CHECK(post_as(tina, "/admin/account/two-factor/recovery",
	              "confirm=" PASSWORD_FORM) == 200);
	CHECK(has(&body, "<li><code>"));
	CHECK(!has(&body, tina_codes[1]));
	CHECK(rows_of("recovery_codes", "tina") == 10);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'two-factor confirmation refused'") == 3);
	/* The old codes are void. */
	password_step("tina");
	CHECK(code_step(tina_codes[1]) == 403);

	/* Turned off with the next code: secret and codes deleted; the
	 * password alone signs in again. */
	sql("DELETE FROM throttle");
	app.test_now += 30;
	snprintf(form, sizeof(form), "confirm=%s",
	         code_at("tina", app.test_now));
	CHECK(post_as(tina, "/admin/account/two-factor/disable", form) == 303);
	CHECK(has(&head, "Location: /admin/account\r\n"));
	CHECK(strcmp(state_of("tina"), "") == 0);
	CHECK(rows_of("recovery_codes", "tina") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'two-factor disabled'") == 1);
	CHECK(login("tina", PASSWORD) == 303);
	free(tina);
}

static void
test_csrf(void)
{
	static const char *const routes[] = {
	    "/admin/account/two-factor/setup",
	    "/admin/account/two-factor/enable",
	    "/admin/account/two-factor/recovery",
	    "/admin/account/two-factor/disable",
	};
	char *tina = session_of("tina"), *adam = session_of("adam"), form[256];
	char other[128];

	/* Without a token, or with another session's: 403, nothing done. */
	CHECK(request("GET", "/admin/account", adam, NULL, NULL) == 200);
	snprintf(other, sizeof(other), "%s", field("csrf"));
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		CHECK(request("POST", routes[i], tina, NULL,
		              "code=123456&confirm=" PASSWORD_FORM) == 403);
		snprintf(form, sizeof(form),
		         "csrf=%s&code=123456&confirm=" PASSWORD_FORM, other);
		CHECK(request("POST", routes[i], tina, NULL, form) == 403);
	}
	CHECK(strcmp(state_of("tina"), "") == 0);
	snprintf(form, sizeof(form), "/admin/users/%lld",
	         query_int("SELECT id FROM users WHERE name = 'rita'"));
	CHECK(request("POST", form, adam, NULL, "action=two_factor_off") ==
	      403);
	/* Only admins turn off someone else's. */
	CHECK(post_as(tina, form, "action=two_factor_off") == 403);
	CHECK(strncmp(state_of("rita"), "1/", 2) == 0);
	free(tina);
	free(adam);
}

/* Saves the settings page with the starter's values and extra (the
 * two-factor checkboxes) as admin; returns the status. */
static int
save_settings(const char *admin, const char *extra)
{
	char form[512];

	snprintf(form, sizeof(form),
	         "site_name=Homeward+Watch&base_url=http://127.0.0.1:8080"
	         "&timezone=UTC&posts_per_page=10%s",
	         extra);
	return post_as(admin, "/admin/settings", form);
}

static void
test_required(void)
{
	char codes[TOTP_RECOVERY_COUNT][TOTP_RECOVERY_TEXT];
	char *adam = session_of("adam"), *mona, uri[64];

	sql("DELETE FROM throttle");
	app.test_now += 30;
	/* An admin asks it of moderators (an unknown role is ignored). */
	CHECK(save_settings(adam, "&two_factor_moderator=1&two_factor_x=1") ==
	      303);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'two_factor_roles'"),
	             "moderator") == 0);
	CHECK(request("GET", "/admin/settings", adam, NULL, NULL) == 200);
	CHECK(has(&body, "name=\"two_factor_moderator\" type=\"checkbox\" "
	                 "value=\"1\" checked>"));
	CHECK(has(&body, "name=\"two_factor_admin\" type=\"checkbox\" "
	                 "value=\"1\">"));

	/* A moderator without it signs in, but may only set it up. */
	mona = session_of("mona");
	CHECK(request("GET", "/admin", mona, NULL, NULL) == 303);
	CHECK(has(&head, "Location: /admin/account\r\n"));
	CHECK(request("GET", "/admin/account", mona, NULL, NULL) == 200);
	CHECK(has(&body, "Your role must use two-factor login"));
	CHECK(post_as(mona, "/admin/account/password",
	              "current=" PASSWORD_FORM "&password=another+long+one+"
	              "here") == 403);
	CHECK(post_as(mona, "/admin/account/two-factor/disable",
	              "confirm=" PASSWORD_FORM) == 403);
	enable(mona, "mona", codes);
	CHECK(request("GET", "/admin", mona, NULL, NULL) == 200);
	/* While the role asks for it, it cannot be turned off. */
	CHECK(request("GET", "/admin/account", mona, NULL, NULL) == 200);
	CHECK(!has(&body, "/admin/account/two-factor/disable"));
	CHECK(post_as(mona, "/admin/account/two-factor/disable",
	              "confirm=" PASSWORD_FORM) == 400);
	CHECK(has(&body, "cannot be turned off"));
	CHECK(strncmp(state_of("mona"), "1/", 2) == 0);

	/* A lost phone: an admin turns it off (audited), not their own. */
	CHECK(request("GET", "/admin/users", adam, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"two_factor_off\""));
	snprintf(uri, sizeof(uri), "/admin/users/%lld",
	         query_int("SELECT id FROM users WHERE name = 'mona'"));
	CHECK(post_as(adam, uri, "action=two_factor_off") == 303);
	CHECK(strcmp(state_of("mona"), "") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'two-factor reset' AND detail = 'mona'") == 1);
	snprintf(uri, sizeof(uri), "/admin/users/%lld",
	         query_int("SELECT id FROM users WHERE name = 'adam'"));
	CHECK(post_as(adam, uri, "action=two_factor_off") == 400);
	/* mona is back to setting it up, in this session and the next. */
	CHECK(request("GET", "/admin", mona, NULL, NULL) == 303);
	free(mona);
	mona = session_of("mona");
	CHECK(request("GET", "/admin", mona, NULL, NULL) == 303);

	/* Nobody else was asked; lifted, it asks nothing more. */
	CHECK(request("GET", "/admin", adam, NULL, NULL) == 200);
	CHECK(save_settings(adam, "") == 303);
	CHECK(strcmp(query_text("SELECT value FROM settings WHERE key = "
	                        "'two_factor_roles'"),
	             "") == 0);
	CHECK(request("GET", "/admin", mona, NULL, NULL) == 200);
	free(adam);
	free(mona);
}

/* The audit log holds every two-factor event and no code or secret. */
static void
test_audit(void)
{
	char q[256];

	CHECK(query_int("SELECT count(*) FROM audit_log WHERE detail GLOB "
	                "'*[0-9][0-9][0-9][0-9][0-9][0-9]*'") == 0);
	snprintf(q, sizeof(q),
	         "SELECT count(*) FROM audit_log WHERE detail LIKE '%%%s%%' OR "
	         "action LIKE '%%%s%%'",
	         rita_codes[2], rita_codes[2]);
	CHECK(query_int(q) == 0);
	CHECK(query_int("SELECT count(DISTINCT action) FROM audit_log WHERE "
	                "action IN ('two-factor enabled', 'two-factor "
	                "disabled', 'two-factor reset', 'recovery code used', "
	                "'two-factor code refused', 'recovery codes "
	                "replaced')") == 6);
}

int
main(void)
{
	static const struct staff_account users[] = {
	    {"tina", "tina", "editor"},    {"rita", "rita", "author"},
	    {"ed", "ed", "editor"},        {"adam", "adam", "admin"},
	    {"mona", "mona", "moderator"},
	};

	driver_create();
	staff_create(users, sizeof(users) / sizeof(users[0]));
	driver_start();
	CHECK(oath_init() == OATH_OK);
	app.test_now = T0;

	test_totp();
	test_setup();
	test_login();
	test_pending();
	test_recovery();
	test_throttle();
	test_account();
	test_csrf();
	test_required();
	test_audit();

	oath_done();
	driver_stop();
	TEST_DONE();
}
