/*
 * contact.c: the contact form at /contact (under each edition's prefix
 * too).  Above the form is the edition's page "contact" (the
 * organisation's details, edited as any page); below it name, email,
 * subject and message.
 *
 * Readers get no cookie.  The form carries the signed stateless token of
 * token.c (session_form_token), issued when the page is shown; it also
 * measures how long the form took to fill.  A POST goes through, in this
 * order:
 *   1. the rate limit: every POST counts against the sender's address
 *      (IPv6 by its /64) in the throttle table that logins use, under a
 *      keyed hash of the address (the day's key: message_db.h), never the
 *      address itself; past contact_rate_per_minute a minute, 429 with
 *      Retry-After and nothing stored;
 *   2. the token: missing or forged, 403; expired (a tab left open for
 *      hours), the form again with the text kept and a fresh token;
 *   3. bots: a filled honeypot field ("website", hidden from people) or a
 *      form sent sooner than contact_min_seconds after it was shown is
 *      filed as spam, and the sender sees the usual thank-you page;
 *   4. validation: the form again (400) with the input kept and a message
 *      per field; nothing is stored;
 *   5. the message is filed (state new) and the answer is 303 to the
 *      thank-you page, /contact?sent=1.
 * Messages are plain text: every page that shows one escapes it.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../auth/session.h"
#include "../auth/token.h"
#include "../db/auth_db.h"
#include "../db/message_db.h"
#include "../util/text.h"
#include "handlers.h"

/* The name the form's tokens are signed over: its route's pattern, as
 * auth_guard names a form. */
#define CONTACT_FORM "/contact"

#define NAME_MAX_CHARS 200
#define EMAIL_MAX_CHARS TEXT_EMAIL_MAX_CHARS
#define SUBJECT_MAX_CHARS 300
#define MESSAGE_MAX_CHARS 10000
#define RATE_WINDOW_S 60

/* The fields as sent (trimmed, the message's line ends made \n) and a
 * message key per invalid field. */
struct contact_form {
	const char *name, *email, *subject, *body;
	const char *error_name, *error_email, *error_subject, *error_body;
};

/* Reads the fields (trimmed; the message's line ends made \n). */
static void
form_read(struct req *req, struct contact_form *f)
{
	const char *body = req_form(req, "message");

	memset(f, 0, sizeof(*f));
	f->name = text_trim(req->arena, req_form(req, "name"));
	f->email = text_trim(req->arena, req_form(req, "email"));
	f->subject = text_trim(req->arena, req_form(req, "subject"));
	f->body = text_clean(req->arena, body ? body : "", true, SIZE_MAX);
}

/* Checks the fields, setting an error key on each invalid one; returns
 * whether they are all valid. */
static bool
form_valid(struct contact_form *f)
{
	if (f->name[0] == '\0' || text_chars(f->name) > NAME_MAX_CHARS)
		f->error_name = "contact_error_name";
	else if (text_has_control(f->name))
		f->error_name = "contact_error_characters";
	if (!text_email_valid(f->email))
		f->error_email = "contact_error_email";
	if (text_chars(f->subject) > SUBJECT_MAX_CHARS)
		f->error_subject = "contact_error_subject";
	else if (text_has_control(f->subject))
		f->error_subject = "contact_error_characters";
	if (text_blank(f->body) || text_chars(f->body) > MESSAGE_MAX_CHARS)
		f->error_body = "contact_error_message";
	return f->error_name == NULL && f->error_email == NULL &&
	       f->error_subject == NULL && f->error_body == NULL;
}

/* Sets ctx[key] to the edition's string for message_key, if any. */
static void
set_message(struct req *req, struct tval *ctx, const char *key,
            const char *message_key)
{
	if (message_key != NULL)
		tv_set_str(req->arena, ctx, key,
		           edition_string(req->edition, message_key));
}

/*
 * Renders /contact: the edition's page "contact" when it is published,
 * then the thank-you note when sent, else the form with f's values and
 * errors (f NULL: empty) and a fresh token.  Returns status, or 500.
 */
static int
contact_page(struct app *app, struct req *req, struct resp *resp, int status,
             const struct contact_form *f, const char *message_key, bool sent)
{
	struct arena *a = req->arena;
	const char *action =
	    arena_concat(a, frame_prefix(req), "/contact", NULL);
	const char *heading = edition_string(req->edition, "contact_title");
	struct page page;
	struct tval *ctx;
	int rc = page_db_get(app->db, a, req->edition->id, "contact", &page);

	if (rc < 0)
		return 500;
	if (rc == 0)
		heading = page.title;
	if ((ctx = frame_context(app, req, resp, heading)) == NULL)
		return 500;
	tv_set_str(a, ctx, "heading", heading);
	if (rc == 0)
		tv_set(a, ctx, "details", tv_html(a, page.body));
	tv_set_str(a, ctx, "action", action);
	if (sent) {
		tv_set_bool(a, ctx, "sent", true);
		return app_render(app, resp, status, "contact", ctx);
	}
	tv_set_str(a, ctx, "form_token",
	           session_form_token(app, req, CONTACT_FORM));
	set_message(req, ctx, "message", message_key);
	if (f != NULL) {
		tv_set_str(a, ctx, "name", f->name);
		tv_set_str(a, ctx, "email", f->email);
		tv_set_str(a, ctx, "subject", f->subject);
		tv_set_str(a, ctx, "body", f->body);
		set_message(req, ctx, "error_name", f->error_name);
		set_message(req, ctx, "error_email", f->error_email);
		set_message(req, ctx, "error_subject", f->error_subject);
		set_message(req, ctx, "error_body", f->error_body);
	}
	return app_render(app, resp, status, "contact", ctx);
}

/*
 * GET /contact: the organisation's details (the page "contact") and the
 * form; with ?sent=1, the thank-you note instead of the form.  Readers
 * get no cookie, and the page is not kept by caches (no-store): it
 * carries a token issued now.
 * Statuses: 200, 500.  No role.
 */
int
contact_show(struct app *app, struct req *req, struct resp *resp)
{
	return contact_page(app, req, resp, 200, NULL, NULL,
	                    req_query(req, "sent") != NULL);
}

/*
 * Counts this POST against the sender's address and tells whether it is
 * over the limit: 0 to go on, 429 (Retry-After set) or 500.  The throttle
 * key is "contact:" and the hex of the address's keyed hash; *hash gets
 * the hash itself, which the message keeps.
 */
static int
rate_limit(struct app *app, struct req *req, struct resp *resp, long long now,
           unsigned char hash[TOKEN_ADDRESS_HASH_BYTES])
{
	unsigned char key[MESSAGE_KEY_BYTES];
	char addr[80], hex[2 * TOKEN_ADDRESS_HASH_BYTES + 1];
	const char *throttle_key;
	long long wait, limit = site_setting_int(
	                    &app->site, "contact_rate_per_minute", 10, 1, 1000);
	int count;

	if (token_address_key(req->remote_addr, addr, sizeof(addr)) < 0)
		snprintf(addr, sizeof(addr), "invalid");
	if (message_db_address_key(app->db, now / 86400, key) < 0)
		return 500;
	token_address_hash(key, addr, hash, hex);
	throttle_key = arena_concat(req->arena, "contact:", hex, NULL);
	if (throttle_db_fail(app->db, throttle_key, now, RATE_WINDOW_S) < 0 ||
	    (count = throttle_db_get(app->db, throttle_key, now, RATE_WINDOW_S,
	                             &wait)) < 0)
		return 500;
	if (count <= limit)
		return 0;
	resp_header(resp, "Retry-After",
	            arena_printf(req->arena, "%lld", wait > 0 ? wait : 1));
	return 429;
}

/* Answers a message filed (or taken for spam): 303 to the thank-you. */
static int
thank_you(struct req *req, struct resp *resp)
{
	return resp_redirect(resp, 303,
	                     arena_concat(req->arena, frame_prefix(req),
	                                  "/contact?sent=1", NULL)) < 0
	           ? 500
	           : 303;
}

/*
 * POST /contact: files a message (see the top of this file for the
 * order of the checks).  Fields: name, email, subject, message, website
 * (the honeypot: empty), form_token.  Statuses: 303 (to the thank-you
 * page: filed, or filed as spam), 400 (the form again with a message per
 * invalid field, or with a fresh token when it had expired; nothing
 * stored), 403 (a missing or forged token), 429 (over the rate limit,
 * Retry-After), 500.  No role; no cookie.
 */
int
contact_submit(struct app *app, struct req *req, struct resp *resp)
{
	unsigned char hash[TOKEN_ADDRESS_HASH_BYTES];
	long long now = app_now(app);
	const char *trap = req_form(req, "website");
	struct message_new m;
	struct contact_form f;
	enum token_form_result token;
	int rc;

	if ((rc = rate_limit(app, req, resp, now, hash)) != 0)
		return rc;
	token = session_form_check(
	    app, req, CONTACT_FORM,
	    site_setting_int(&app->site, "contact_min_seconds", 3, 0, 600));
	if (token == TOKEN_FORM_BAD)
		return 403;
	form_read(req, &f);
	if (token == TOKEN_FORM_EXPIRED)
		return contact_page(app, req, resp, 400, &f, "contact_stale",
		                    false);

	memset(&m, 0, sizeof(m));
	m.edition_id = req->edition->id;
	m.ip_hash = hash;
	m.now = now;
	m.state = MESSAGE_NEW;
	m.spam_reason = "";
	if ((trap != NULL && trap[0] != '\0') || token == TOKEN_FORM_TOO_FAST) {
		/* A bot: filed as spam, whatever it sent, cut to size and
		 * without control characters; it sees the thank-you. */
		struct arena *a = req->arena;

		m.state = MESSAGE_SPAM;
		m.spam_reason =
		    token == TOKEN_FORM_TOO_FAST ? "too fast" : "honeypot";
		m.name = text_clean(a, f.name, false, NAME_MAX_CHARS);
		m.email = text_clean(a, f.email, false, EMAIL_MAX_CHARS);
		m.subject = text_clean(a, f.subject, false, SUBJECT_MAX_CHARS);
		m.body = text_clean(a, f.body, true, MESSAGE_MAX_CHARS);
	} else if (!form_valid(&f)) {
		return contact_page(app, req, resp, 400, &f, "contact_fix",
		                    false);
	} else {
		m.name = f.name;
		m.email = f.email;
		m.subject = f.subject;
		m.body = f.body;
		m.notify = app->notify_messages;
	}
	if (message_db_add(app->db, &m) < 0)
		return 500;
	return thank_you(req, resp);
}
