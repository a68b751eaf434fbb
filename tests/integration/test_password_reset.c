/*
 * test_password_reset.c: "Lost your password?" through the real request
 * path, with the timer process's mail step run here against a fake
 * sendmail that keeps every mail: the whole flow (the link read from the
 * mail), one answer for known and unknown accounts, throttling, expiry on
 * the app's clock (app.test_now), single use, a new request voiding the
 * old link, sessions ended, two-factor login still asked for after a
 * reset, no mail for disabled accounts or accounts without an email,
 * nothing filed without --sendmail; staff emails set by an admin and by
 * their owner; and empty re-authentication forms (and an empty login
 * password or code) not counted against the login throttle.
 */
#include <sys/stat.h>
#include <time.h>

#include "auth/token.h"
#include "driver.h"
#include "sendmail.h"
#include "serve.h"
#include "staff.h"

/* The app's clock. */
#define T0 1800000000LL

static char script[256], mails_path[256];

/* Writes the fake sendmail: it appends its standard input, then a line
 * "----", to mails_path. */
static void
fake_sendmail(void)
{
	FILE *f = fopen(script, "w");

	CHECK(f != NULL);
	if (f == NULL)
		return;
	fprintf(f, "#!/bin/sh\ncat >> '%s'\necho ---- >> '%s'\n", mails_path,
	        mails_path);
	fclose(f);
	CHECK(chmod(script, 0700) == 0);
}

/* Runs the timer's second at app.test_now `ticks` times (one mail each at
 * most) and waits for the mails to be handed over. */
static void
run_timer(int ticks)
{
	struct timer t;

	CHECK(timer_open(&t, getenv("TEST_DB"), script) == 0);
	t.ticks = 1; /* not the minute's work */
	for (int i = 0; i < ticks; i++) {
		timer_tick(&t, app.test_now);
		/* The next mail waits for this one's program to end. */
		for (int w = 0; w < 500 && t.reset_pid > 0; w++) {
			bool ok;

			if (sendmail_poll(t.reset_pid, &ok) != 1) {
				CHECK(ok);
				t.reset_pid = 0;
			} else {
				nanosleep(&(struct timespec){0, 10000000},
				          NULL);
			}
		}
	}
	timer_close(&t);
}

/* Returns the mails sent so far (malloc'd; "" when none). */
static char *
mails(void)
{
	char *m = test_read_file(mails_path, NULL);

	return m != NULL ? m : strdup("");
}

/* Returns how many mails were sent so far. */
static int
mail_count(void)
{
	char *m = mails();
	int n = 0;

	for (const char *p = m; (p = strstr(p, "\n----\n")) != NULL; p++)
		n++;
	free(m);
	return n;
}

/* Copies the token of the last mail's link into out ("" when none). */
static void
last_token(char *out, size_t cap)
{
	char *m = mails();
	const char *p = m, *q;

	out[0] = '\0';
	while ((q = strstr(p, "/admin/reset?token=")) != NULL)
		p = q + 1;
	if (p != m) {
		p += strlen("admin/reset?token=");
		snprintf(out, cap, "%.*s", (int)strcspn(p, "\n"), p);
	}
	free(m);
}

/* Asks for a reset link for who (form-encoded) from addr; returns the
 * status, the answer left in head and body. */
static int
ask_from(const char *addr, const char *who)
{
	char form[1024];

	CHECK(driver_request("GET", "/admin/lost-password", addr, NULL, 0,
	                     NULL) == 200);
	snprintf(form, sizeof(form), "form_token=%s&who=%s",
	         field("form_token"), who);
	return driver_request("POST", "/admin/lost-password", addr, NULL, 0,
	                      form);
}

/* The same from the tests' usual address. */
static int
ask(const char *who)
{
	return ask_from("2001:db8:1:2::7", who);
}

/* Opens the link with token; returns the status. */
static int
open_link(const char *token)
{
	char uri[256];

	snprintf(uri, sizeof(uri), "/admin/reset?token=%s", token);
	return request("GET", uri, NULL, NULL, NULL);
}

/*
 * Sets password (form-encoded) through the link with token: the form's
 * signed token from the link's page, or, when the page refuses the link,
 * one signed here (the router's check passes; the handler's is tested).
 * Returns the status of the POST.
 */
static int
use_link(const char *token, const char *password)
{
	char form[1024], signed_token[TOKEN_FORM_MAX];

	if (open_link(token) == 200)
		snprintf(signed_token, sizeof(signed_token), "%s",
		         field("form_token"));
	else
		token_form_sign(app.secret, "/admin/reset", app.test_now,
		                signed_token);
	snprintf(form, sizeof(form), "form_token=%s&token=%s&password=%s",
	         signed_token, token, password);
	return request("POST", "/admin/reset", NULL, NULL, form);
}

/* Returns the failures the login throttle holds for key. */
static long long
throttle_of(const char *key)
{
	char q[256];

	snprintf(q, sizeof(q),
	         "SELECT coalesce((SELECT failures FROM throttle WHERE key = "
	         "'%s'), 0)",
	         key);
	return query_int(q);
}

static void
test_emails(void)
{
	char *carol = session_of("carol"), *alice = session_of("alice");
	char uri[64], form[256];
	long long id = query_int("SELECT id FROM users WHERE name = 'alice'");

	/* The login page links to the form. */
	CHECK(request("GET", "/admin/login", NULL, NULL, NULL) == 200);
	CHECK(has(&body, "href=\"/admin/lost-password\""));
	CHECK(has(&body, "Lost your password?"));

	/* An admin sets anyone's email, checked as the contact form's. */
	snprintf(uri, sizeof(uri), "/admin/users/%lld", id);
	CHECK(post_as(carol, uri, "action=email&email=not+an+address") == 400);
	CHECK(has(&body, "That is not an email address."));
	CHECK(post_as(carol, uri, "action=email&email=a%0Ab@example.org") ==
	      400);
	CHECK(strcmp(query_text("SELECT email FROM users WHERE id = (SELECT "
	                        "id FROM users WHERE name = 'alice')"),
	             "") == 0);
	CHECK(post_as(carol, uri, "action=email&email=Alice@Example.org") ==
	      303);
	CHECK(strcmp(query_text("SELECT email FROM users WHERE name = "
	                        "'alice'"),
	             "Alice@Example.org") == 0);
	CHECK(request("GET", "/admin/users", carol, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"Alice@Example.org\""));
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'email set' AND detail = 'alice'") == 1);
	/* A new account may get one at once; emails need not be unique. */
	CHECK(post_as(carol, "/admin/users/new",
	              "name=zed&role=author&email=bad&password=" PASSWORD) ==
	      400);
	CHECK(query_int("SELECT count(*) FROM users WHERE name = 'zed'") == 0);
	CHECK(post_as(carol, "/admin/users/new",
	              "name=zed&role=author&email=shared@example.org"
	              "&password=" PASSWORD) == 303);
	CHECK(post_as(carol, "/admin/users/new",
	              "name=zoe&role=author&email=shared@example.org"
	              "&password=" PASSWORD) == 303);
	CHECK(query_int("SELECT count(*) FROM users WHERE email = "
	                "'shared@example.org'") == 2);

	/* Each staff member sets their own, giving their password. */
	CHECK(request("GET", "/admin/account", alice, NULL, NULL) == 200);
	CHECK(has(&body, "value=\"Alice@Example.org\""));
	CHECK(post_as(alice, "/admin/account/email",
	              "email=alice@example.org&current=") == 400);
	CHECK(post_as(alice, "/admin/account/email",
	              "email=alice@example.org&current=wrong+password+here") ==
	      400);
	CHECK(post_as(alice, "/admin/account/email",
	              "email=nope&current=" PASSWORD) == 400);
	CHECK(strcmp(query_text("SELECT email FROM users WHERE name = "
	                        "'alice'"),
	             "Alice@Example.org") == 0);
	snprintf(form, sizeof(form), "email=alice@example.org&current=%s",
	         PASSWORD);
	CHECK(post_as(alice, "/admin/account/email", form) == 303);
	CHECK(strcmp(query_text("SELECT email FROM users WHERE name = "
	                        "'alice'"),
	             "alice@example.org") == 0);
	sql("DELETE FROM throttle");
	free(carol);
	free(alice);
}

static void
test_flow(void)
{
	char token[128], first[128], *known, *m;
	char *alice = session_of("alice"), *alice2 = session_of("alice");

	/* Known and unknown, by name or by email: one answer. */
	CHECK(ask("alice") == 200);
	known = strdup(body.data);
	CHECK(has(&body, "If an account matches, we sent a link"));
	CHECK(!has(&body, "alice"));
	CHECK(ask("nobody") == 200);
	CHECK(strcmp(body.data, known) == 0);
	CHECK(ask("nobody@example.org") == 200);
	CHECK(strcmp(body.data, known) == 0);
	CHECK(ask("ALICE%40example.ORG") == 200);
	CHECK(strcmp(body.data, known) == 0);
	/* dave has no email: the same answer, nothing filed. */
	CHECK(ask("dave") == 200);
	CHECK(strcmp(body.data, known) == 0);
	CHECK(ask("") == 400);
	CHECK(has(&body, "Give a user name or an email address."));
	free(known);

	/* The worker files the request; no token exists before the timer
	 * makes one, and only its hash is kept. */
	CHECK(query_int("SELECT count(*) FROM password_resets") == 1);
	CHECK(query_int("SELECT count(*) FROM password_resets WHERE "
	                "mail_pending = 1 AND token_hash IS NULL") == 1);
	run_timer(3);
	CHECK(mail_count() == 1);
	CHECK(query_int("SELECT count(*) FROM password_resets WHERE "
	                "mail_pending = 0 AND length(token_hash) = 32") == 1);
	m = mails();
	CHECK(strncmp(m, "To: alice@example.org\n", 22) == 0);
	CHECK(strstr(m, "Subject: Set a new password for alice\n") != NULL);
	CHECK(strstr(m, "http://127.0.0.1:8080/admin/reset?token=") != NULL);
	free(m);
	last_token(token, sizeof(token));
	CHECK(strlen(token) == 43);

	/* A forged or mangled token: 400 with a clear page. */
	CHECK(open_link("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") == 400);
	CHECK(has(&body, "This link does not work"));
	CHECK(open_link("x") == 400);
	CHECK(request("GET", "/admin/reset", NULL, NULL, NULL) == 400);

	/* The link's form: a weak password changes nothing. */
	CHECK(open_link(token) == 200);
	CHECK(has(&body, "value=\"alice\""));
	CHECK(use_link(token, "short") == 400);
	CHECK(has(&body, "12 to 128 characters"));
	CHECK(request("GET", "/admin", alice, NULL, NULL) == 200);

	/* A new request voids the old link at once. */
	snprintf(first, sizeof(first), "%s", token);
	CHECK(ask("alice") == 200);
	CHECK(open_link(first) == 400);
	run_timer(1);
	CHECK(mail_count() == 2);
	last_token(token, sizeof(token));
	CHECK(strcmp(token, first) != 0);
	CHECK(open_link(first) == 400);

	/* The new password: set, sessions ended, token spent, audited,
	 * nobody signed in. */
	CHECK(use_link(token, "a+brand+new+passphrase") == 200);
	CHECK(has(&body, "Your password is set."));
	CHECK(!has(&head, "Set-Cookie"));
	CHECK(request("GET", "/admin", alice, NULL, NULL) == 303);
	CHECK(request("GET", "/admin", alice2, NULL, NULL) == 303);
	CHECK(query_int("SELECT count(*) FROM sessions WHERE user_id = (SELECT "
	                "id FROM users WHERE name = 'alice')") == 0);
	CHECK(query_int("SELECT count(*) FROM password_resets") == 0);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'password reset' AND user_name = 'alice'") == 1);
	CHECK(use_link(token, "yet+another+passphrase") == 400);
	CHECK(has(&body, "This link does not work"));
	CHECK(open_link(token) == 400);
	CHECK(login("alice", PASSWORD) == 403);
	CHECK(login("alice", "a+brand+new+passphrase") == 303);
	sql("DELETE FROM throttle");
	free(alice);
	free(alice2);
}

static void
test_expiry(void)
{
	char token[128];

	/* A link works for an hour of the app's clock. */
	CHECK(ask("alice") == 200);
	run_timer(1);
	last_token(token, sizeof(token));
	app.test_now += 3599;
	CHECK(open_link(token) == 200);
	app.test_now += 1;
	CHECK(open_link(token) == 400);
	CHECK(use_link(token, "another+new+passphrase") == 400);
	CHECK(login("alice", "a+brand+new+passphrase") == 303);

	/* A request the timer gets to after its hour is not mailed. */
	CHECK(ask("alice") == 200);
	app.test_now += 3600;
	{
		int before = mail_count();

		run_timer(1);
		CHECK(mail_count() == before);
	}
	CHECK(query_int("SELECT count(*) FROM password_resets") == 0);
	sql("DELETE FROM throttle");
}

static void
test_two_factor_stays(void)
{
	char token[128];

	/* erin has two-factor login on: a reset leaves it on, and the new
	 * password alone still starts no session. */
	sql("UPDATE users SET email = 'erin@example.org' WHERE name = 'erin'");
	sql("INSERT INTO two_factor (user_id, secret, enabled, created_at) "
	    "SELECT id, zeroblob(20), 1, 0 FROM users WHERE name = 'erin'");
	CHECK(ask("erin") == 200);
	run_timer(1);
	last_token(token, sizeof(token));
	CHECK(use_link(token, "erin+has+a+new+passphrase") == 200);
	CHECK(query_int("SELECT count(*) FROM two_factor t JOIN users u ON "
	                "u.id = t.user_id WHERE u.name = 'erin' AND "
	                "t.enabled = 1") == 1);
	CHECK(login("erin", "erin+has+a+new+passphrase") == 200);
	CHECK(has(&body, "name=\"pending\""));
	CHECK(!has(&head, "Set-Cookie"));
	/* An empty code is asked again, and not counted. */
	{
		char form[1024], signed_token[256], user[32];
		long long fails = throttle_of("account:erin");

		/* field() answers in one static buffer: one at a time. */
		snprintf(signed_token, sizeof(signed_token), "%s",
		         field("form_token"));
		snprintf(user, sizeof(user), "%s", field("user"));
		snprintf(form, sizeof(form),
		         "form_token=%s&user=%s&pending=%s&code=", signed_token,
		         user, field("pending"));
		CHECK(request("POST", "/admin/login", NULL, NULL, form) == 400);
		CHECK(has(&body, "name=\"pending\""));
		CHECK(throttle_of("account:erin") == fails);
	}
	sql("DELETE FROM throttle");
}

static void
test_no_mail(void)
{
	int before;
	char *known;

	/* A disabled account gets no mail, whatever it is asked by. */
	sql("UPDATE users SET email = 'bob@example.org', disabled = 1 WHERE "
	    "name = 'bob'");
	CHECK(ask("nobody") == 200);
	known = strdup(body.data);
	before = mail_count();
	CHECK(ask("bob") == 200);
	CHECK(strcmp(body.data, known) == 0);
	CHECK(ask("bob%40example.org") == 200);
	CHECK(strcmp(body.data, known) == 0);
	run_timer(2);
	CHECK(mail_count() == before);
	CHECK(query_int("SELECT count(*) FROM password_resets") == 0);

	/* Disabled after asking: the mail is dropped. */
	sql("UPDATE users SET disabled = 0 WHERE name = 'bob'");
	CHECK(ask("bob") == 200);
	CHECK(query_int("SELECT count(*) FROM password_resets") == 1);
	sql("UPDATE users SET disabled = 1 WHERE name = 'bob'");
	run_timer(1);
	CHECK(mail_count() == before);
	CHECK(query_int("SELECT count(*) FROM password_resets") == 0);

	/* An email shared by two accounts: one mail each, naming it. */
	CHECK(ask("shared%40example.org") == 200);
	CHECK(strcmp(body.data, known) == 0);
	run_timer(3);
	CHECK(mail_count() == before + 2);
	{
		char *m = mails();

		CHECK(strstr(m, "password for zed\n") != NULL);
		CHECK(strstr(m, "password for zoe\n") != NULL);
		free(m);
	}

	/* Without --sendmail nothing is filed; the answer is the same. */
	app.notify_messages = false;
	CHECK(ask("alice") == 200);
	CHECK(strcmp(body.data, known) == 0);
	CHECK(query_int("SELECT count(*) FROM password_resets WHERE user_id "
	                "= (SELECT id FROM users WHERE name = 'alice')") == 0);
	app.notify_messages = true;
	free(known);
	sql("DELETE FROM throttle");
}

static void
test_throttle(void)
{
	char who[32];
	int before = mail_count();

	/* Per name or address typed: the login's limit (5 in 15 min). */
	sql("UPDATE users SET email = 'carol@example.org' WHERE name = "
	    "'carol'");
	for (int i = 0; i < 5; i++) {
		CHECK(ask("carol") == 200);
		run_timer(1);
	}
	CHECK(ask("carol") == 429);
	CHECK(has(&head, "Retry-After: "));
	CHECK(has(&body, "Too many requests"));
	CHECK(ask("nobody2") == 200);
	for (int i = 0; i < 4; i++)
		CHECK(ask("nobody2") == 200);
	CHECK(ask("nobody2") == 429);
	/* Per account, silently: at most 3 mails a window. */
	CHECK(mail_count() == before + 3);
	CHECK(query_int("SELECT count(*) FROM audit_log WHERE action = "
	                "'password reset throttled' AND user_name = "
	                "'carol'") >= 2);
	/* Asking for links never locks the login out. */
	CHECK(login("carol", PASSWORD) == 303);

	/* Per address: 20, whatever is typed; another address goes on. */
	for (int i = 0; i < 20; i++) {
		snprintf(who, sizeof(who), "someone%d", i);
		CHECK(ask_from("192.0.2.9", who) == 200);
	}
	CHECK(ask_from("192.0.2.9", "someone-else") == 429);
	CHECK(ask_from("192.0.2.10", "someone-else") == 200);
	sql("DELETE FROM throttle");
}

static void
test_empty_reauth(void)
{
	char *dave = session_of("dave");
	static const char *const forms[][2] = {
	    {"/admin/account/password", "current=&password=" PASSWORD},
	    {"/admin/account/password", "password=" PASSWORD},
	    {"/admin/account/email", "email=d@example.org&current="},
	    {"/admin/account/two-factor/recovery", "confirm="},
	    {"/admin/account/two-factor/disable", "confirm="},
	    {"/admin/account/two-factor/disable", "x=1"},
	};

	/* Empty fields get their 400 and a message, and count for nothing,
	 * however many. */
	for (int round = 0; round < 6; round++)
		for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
			CHECK(post_as(dave, forms[i][0], forms[i][1]) == 400);
			CHECK(has(&body, "Give your"));
		}
	CHECK(throttle_of("account:dave") == 0);
	CHECK(login("dave", "") == 400);
	CHECK(throttle_of("account:dave") == 0);
	CHECK(login("dave", PASSWORD) == 303);
	free(dave);
	dave = session_of("dave");
	/* A wrong one still counts. */
	CHECK(post_as(dave, "/admin/account/password",
	              "current=wrong+password+here&password=" PASSWORD) == 400);
	CHECK(throttle_of("account:dave") == 1);
	CHECK(post_as(dave, "/admin/account/two-factor/recovery",
	              "confirm=wrong+password+here") == 400);
	CHECK(throttle_of("account:dave") == 2);
	free(dave);
	sql("DELETE FROM throttle");
}

int
main(void)
{
	staff_start();
	app.test_now = T0;
	app.notify_messages = true;
	snprintf(script, sizeof(script), "%s/sendmail", driver_dir);
	snprintf(mails_path, sizeof(mails_path), "%s/mails", driver_dir);
	fake_sendmail();

	test_emails();
	test_flow();
	test_expiry();
	test_two_factor_stays();
	test_no_mail();
	test_throttle();
	test_empty_reauth();

	driver_stop();
	TEST_DONE();
}
